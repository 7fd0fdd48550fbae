/**
 * A step of `npm run compile`: bundles the web page's code (src/web/app.ts,
 * with the query modules it shares with the command line) and its style for
 * the browser into dist/web/app.js and dist/web/style.css. `build` reads
 * them and embeds them in output/index.html (files/web-app.ts), so a build
 * only writes data and never runs a bundler.
 *
 * The bundle is minified and carries no comments, paths or source map: the
 * page it goes into is committed, and must come out byte for byte the same
 * wherever the code is compiled.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';

const outdir = fileURLToPath(packageFile('dist/web/'));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [fileURLToPath(packageFile('src/web/app.ts')), fileURLToPath(packageFile('src/web/style.css'))],
  absWorkingDir: fileURLToPath(packageFile('')),
  outdir,
  entryNames: '[name]',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  sourcemap: false,
  logLevel: 'warning',
});
// The page holds the code inside a <script> element, which its closing tag would end early.
const script = readFileSync(`${outdir}/app.js`, 'utf8');
if (/<\/script|<!--/i.test(script)) throw new Error('the bundled page code holds `</script` or `<!--`, which would end its <script> element early');

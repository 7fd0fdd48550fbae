/**
 * A step of `npm run compile`, after tsc: bundles the command line into
 * dist/bin.js (over tsc's own), with the modules it loads only on demand
 * (each format's parser, each command) split into dist/cli/. Node then
 * resolves and reads a handful of files at start-up instead of hundreds,
 * which is most of what a cold build or a lookup costs. The library
 * (dist/index.js) stays tsc's output, module by module.
 *
 * Source maps point at src/, so a stack trace names src/cli.ts, not a line
 * of the bundle (files/source-mapped-stacks.ts reads a map only when a trace
 * is written). They name the sources without copying them in.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';

// Chunk names carry a hash of their content: an earlier bundle's would stay behind.
rmSync(packageFile('dist/cli/'), { recursive: true, force: true });
await build({
  entryPoints: [fileURLToPath(packageFile('src/bin.ts'))],
  outdir: fileURLToPath(packageFile('dist/')),
  entryNames: '[name]',
  chunkNames: 'cli/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  sourcesContent: false,
  // Some dependencies ship a UMD build as `main` that loads its parts with a
  // computed require(); their ES module build bundles.
  mainFields: ['module', 'main'],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});

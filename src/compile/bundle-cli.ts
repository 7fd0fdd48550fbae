/**
 * A step of `npm run compile`, after tsc: bundles the command line into
 * dist/bin.js (over tsc's own), with the modules it loads only on demand
 * (each format's parser, each command) split into dist/cli/. Node then
 * resolves and reads a handful of files at start-up instead of hundreds,
 * which is most of what a cold build or a lookup costs. The library
 * (dist/index.js) stays tsc's output, module by module.
 *
 * The whole command line is also bundled as one CommonJS file,
 * dist/cli/cached-cli-<hash>.cjs, for V8's code cache (files/cached-cli.ts):
 * Node 20 keeps no compiled code of ES modules, and vm.Script takes only a
 * script. compile/code-cache.ts stores its compiled code after this step.
 *
 * Source maps point at src/, so a stack trace names src/cli.ts, not a line
 * of the bundle (files/source-mapped-stacks.ts reads a map only when a trace
 * is written). They name the sources without copying them in.
 */
import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';

/** The settings both bundles share. */
const common: BuildOptions = {
  outdir: fileURLToPath(packageFile('dist/')),
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  sourcesContent: false,
  // Some dependencies ship a UMD build as `main` that loads its parts with a
  // computed require(); their ES module build bundles.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

// Chunk names carry a hash of their content: an earlier bundle's would stay behind.
rmSync(packageFile('dist/cli/'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [fileURLToPath(packageFile('src/bin.ts'))],
  entryNames: '[name]',
  chunkNames: 'cli/[name]-[hash]',
  splitting: true,
  format: 'esm',
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
});

// The same program as one script, its entry cli.ts's `main`; import.meta.url becomes the file's own URL.
await build({
  ...common,
  entryPoints: { 'cli/cached-cli': fileURLToPath(packageFile('src/cli.ts')) },
  entryNames: '[dir]/[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

/**
 * The last step of `npm run compile`: runs a build of the committed sources
 * (into a folder of its own, removed after) with the one-file command line,
 * and stores the code V8 compiled for it (files/cached-cli.ts), so a later
 * run under the same Node starts from that code rather than from the text.
 * Run as `node dist/compile/code-cache.js`, with no Node options, as the
 * command line is run.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeCodeCache } from '../files/cached-cli.js';
import { displayPath } from '../files/display-path.js';
import { packageFile } from '../model/package-files.js';

const dist = fileURLToPath(packageFile('dist/'));
const bundles = readdirSync(path.join(dist, 'cli')).filter((name) => /^cached-cli-[A-Z0-9]+\.cjs$/.test(name));
if (bundles.length !== 1) throw new Error(`expected one dist/cli/cached-cli-*.cjs, found ${bundles.length}: run compile/bundle-cli.js first`);
const bundle = `cli/${bundles[0] ?? ''}`;
rmSync(path.join(dist, 'code-cache'), { recursive: true, force: true });
const out = mkdtempSync(path.join(tmpdir(), 'port-catalog-code-cache-'));
try {
  const status = await storeCodeCache(dist, bundle, ['build', '--sources', fileURLToPath(packageFile('sources/')), '--out', out, '--quiet']);
  if (status !== 0) throw new Error(`the build that makes the code cache failed (exit ${status})`);
  console.log(`port-catalog: stored the compiled code of ${bundle} in ${displayPath(path.join(dist, 'code-cache'))}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

/**
 * The command line from V8's code cache. Parsing and compiling the bundle's
 * JavaScript was a fifth of a cold build. `npm run compile` therefore also
 * bundles the whole command line as one CommonJS file (dist/cli/cached-cli-
 * <hash>.cjs), runs a build of the committed sources with it, and stores the
 * code V8 compiled on the way (compile/code-cache.ts): dist/code-cache/.
 *
 * bin.js runs that file with the stored code when the store was made for
 * it, with this very bin.js, by this Node version, on this architecture,
 * with the same Node options; otherwise (a copy of dist/ from elsewhere, a
 * lone tsc that rewrote bin.js and the modules after it, a run with
 * --inspect or NODE_OPTIONS) it returns null and the split ES module bundle,
 * or tsc's modules, run as before. V8 checks its own cache again and compiles afresh what it does not
 * accept, so a store that does not fit costs time, never a wrong answer;
 * the bundle's name carries a hash of its content, so a store never serves
 * other code.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/** What the stored code was made for: the bundle (from dist/), the executable beside it, and the runtime that compiled it. */
export interface CodeCacheKey {
  bundle: string;
  /** sha256 of dist/bin.js. */
  entry: string;
  node: string;
  arch: string;
  execArgv: string[];
  nodeOptions: string;
}

/** The command line's entry, as cli.ts exports it. */
export type Main = (argv: string[]) => Promise<number>;

/** The store's key for `bundle` and the executable whose sha256 is `entry`, under the running Node. */
export function codeCacheKey(bundle: string, entry: string): CodeCacheKey {
  return { bundle, entry, node: process.version, arch: process.arch, execArgv: [...process.execArgv], nodeOptions: process.env['NODE_OPTIONS'] ?? '' };
}

/** Whether a stored key was made under the running Node, with the executable whose sha256 is `entry`, for a bundle of the command line. */
export function keyFitsThisRun(stored: unknown, entry: string): stored is CodeCacheKey {
  if (typeof stored !== 'object' || stored === null) return false;
  const key = stored as Partial<CodeCacheKey>;
  if (typeof key.bundle !== 'string' || !bundleName.test(key.bundle)) return false;
  const current = codeCacheKey(key.bundle, entry);
  return (
    key.entry === current.entry &&
    key.node === current.node &&
    key.arch === current.arch &&
    key.nodeOptions === current.nodeOptions &&
    Array.isArray(key.execArgv) &&
    key.execArgv.length === current.execArgv.length &&
    key.execArgv.every((argument, index) => argument === current.execArgv[index])
  );
}

/** The one-file bundle's path from dist/; the hash is esbuild's, of its content. */
const bundleName = /^cli\/cached-cli-[A-Z0-9]+\.cjs$/;

/** sha256 of the executable in `dist`, or null when there is none to read. */
function entryDigest(dist: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(path.join(dist, 'bin.js'))).digest('hex');
  } catch {
    return null;
  }
}

/** The store's key in `dist`. */
function keyFile(dist: string): string {
  return path.join(dist, 'code-cache', 'cli.json');
}

/** V8's data in `dist` for `bundle`, named after it, so data never serves another bundle. */
function dataFile(dist: string, bundle: string): string {
  return path.join(dist, 'code-cache', `${path.basename(bundle)}.cache`);
}

/** The bundle at `bundlePath` (its text `source`) compiled as Node compiles a module, with `cachedData` when given, and run. */
function compiled(bundlePath: string, source: string, cachedData?: Buffer): { script: Script; main: Main } {
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as { main?: unknown } };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
  if (typeof module.exports.main !== 'function') throw new Error(`internal error: ${bundlePath} exports no main`);
  return { script, main: module.exports.main as Main };
}

/** The command line as loaded from the store, and whether V8 took the stored code (else it compiled the text afresh). */
export interface CachedCli {
  main: Main;
  rejected: boolean;
}

/**
 * The command line's entry from the bundle stored in `dist` with its
 * compiled code, when the store fits this run; else null.
 */
export function loadCachedCli(dist: string): CachedCli | null {
  let key: unknown;
  try {
    key = JSON.parse(readFileSync(keyFile(dist), 'utf8'));
  } catch {
    // No store: the ES module bundle runs.
    return null;
  }
  const entry = entryDigest(dist);
  if (entry === null || !keyFitsThisRun(key, entry)) return null;
  const bundlePath = path.join(dist, key.bundle);
  let source: string;
  let data: Buffer;
  try {
    source = readFileSync(bundlePath, 'utf8');
    data = readFileSync(dataFile(dist, key.bundle));
  } catch {
    // The bundle the key names is gone (a later compile, which stored nothing): the ES module bundle runs.
    return null;
  }
  const { script, main } = compiled(bundlePath, source, data);
  return { main, rejected: script.cachedDataRejected === true };
}

/**
 * Runs `argv` with the bundle `bundle` (from `dist`), then stores the code
 * V8 compiled for it, with its key. The store is replaced whole: a run
 * reading it meanwhile sees the old one or the new one.
 */
export async function storeCodeCache(dist: string, bundle: string, argv: string[]): Promise<number> {
  const entry = entryDigest(dist);
  if (entry === null) throw new Error(`internal error: no ${path.join(dist, 'bin.js')} to store the code cache for`);
  const bundlePath = path.join(dist, bundle);
  const { script, main } = compiled(bundlePath, readFileSync(bundlePath, 'utf8'));
  const status = await main(argv);
  mkdirSync(path.dirname(keyFile(dist)), { recursive: true });
  for (const [file, content] of [
    [dataFile(dist, bundle), script.createCachedData()],
    [keyFile(dist), `${JSON.stringify(codeCacheKey(bundle, entry), null, 2)}\n`],
  ] as const) {
    writeFileSync(`${file}.${process.pid}.tmp`, content);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return status;
}

/**
 * The command line run from V8's code cache (src/files/cached-cli.ts): the
 * store is used only when it was made by this Node, with these options, for
 * a bundle that is there; V8 takes the store `npm run compile` made; and the
 * split bundle, which runs whenever the store does not fit, writes the same
 * build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheKey, keyFitsThisRun, loadCachedCli, storeCodeCache } from '../src/files/cached-cli.js';
import { folderWith } from './helpers.js';

describe('a stored key', () => {
  const bundle = 'cli/cached-cli-ABC123.cjs';
  const entry = 'a'.repeat(64);

  it('fits a run of the same executable, Node, architecture and options, for a bundle of the command line', () => {
    expect(keyFitsThisRun(codeCacheKey(bundle, entry), entry)).toBe(true);
    expect(keyFitsThisRun(JSON.parse(JSON.stringify(codeCacheKey(bundle, entry))), entry)).toBe(true);
  });

  it('does not fit another executable, Node, architecture or options, nor another file, nor what is no key', () => {
    const key = codeCacheKey(bundle, entry);
    expect(keyFitsThisRun(key, 'b'.repeat(64))).toBe(false);
    expect(keyFitsThisRun({ ...key, node: 'v18.0.0' }, entry)).toBe(false);
    expect(keyFitsThisRun({ ...key, arch: key.arch === 'x64' ? 'arm64' : 'x64' }, entry)).toBe(false);
    expect(keyFitsThisRun({ ...key, execArgv: [...key.execArgv, '--inspect'] }, entry)).toBe(false);
    expect(keyFitsThisRun({ ...key, nodeOptions: `${key.nodeOptions} --max-old-space-size=64` }, entry)).toBe(false);
    expect(keyFitsThisRun({ ...key, execArgv: '--inspect' }, entry)).toBe(false);
    for (const other of ['cli/cached-cli-ABC123.js', '../cached-cli-ABC123.cjs', 'cli/cli-ABC123.cjs', 'cli/cached-cli-abc.cjs']) expect(keyFitsThisRun({ ...key, bundle: other }, entry)).toBe(false);
    for (const value of [null, 'key', 3, [], {}]) expect(keyFitsThisRun(value, entry)).toBe(false);
  });
});

/**
 * A dist/ folder holding a small command line as one CommonJS file: its main
 * returns the number of arguments plus the length of its own file name
 * (`cached-cli-TEST1.cjs`, 20), found through the require and __filename it is given.
 */
async function distWithBundle(): Promise<{ dist: string; bundle: string }> {
  const dist = await folderWith({});
  mkdirSync(path.join(dist, 'cli'));
  const bundle = 'cli/cached-cli-TEST1.cjs';
  writeFileSync(path.join(dist, bundle), "exports.main = async (argv) => argv.length + require('node:path').basename(__filename).length;\n");
  writeFileSync(path.join(dist, 'bin.js'), '// the executable the store is made with\n');
  return { dist, bundle };
}

describe('loading the command line from its store', () => {
  it('gives nothing without a store, or with a key for another run, or when the bundle or the executable changed', async () => {
    const { dist, bundle } = await distWithBundle();
    expect(loadCachedCli(dist)).toBeNull();
    expect(await storeCodeCache(dist, bundle, ['a', 'b'])).toBe(22);
    const keyFile = path.join(dist, 'code-cache', 'cli.json');
    const key = JSON.parse(readFileSync(keyFile, 'utf8')) as ReturnType<typeof codeCacheKey>;
    expect(key).toEqual(codeCacheKey(bundle, createHash('sha256').update('// the executable the store is made with\n').digest('hex')));
    expect(loadCachedCli(dist)).not.toBeNull();
    // A lone tsc rewrites bin.js (and the modules it imports): the store was not made for it.
    writeFileSync(path.join(dist, 'bin.js'), '// tsc output\n');
    expect(loadCachedCli(dist)).toBeNull();
    writeFileSync(path.join(dist, 'bin.js'), '// the executable the store is made with\n');
    writeFileSync(keyFile, JSON.stringify({ ...key, node: 'v18.0.0' }));
    expect(loadCachedCli(dist)).toBeNull();
    writeFileSync(keyFile, JSON.stringify({ ...key, bundle: 'cli/cached-cli-OTHER.cjs' }));
    expect(loadCachedCli(dist)).toBeNull();
    writeFileSync(keyFile, '{"bundle": ');
    expect(loadCachedCli(dist)).toBeNull();
  });

  it('runs the bundle with the code stored for it', async () => {
    const { dist, bundle } = await distWithBundle();
    await storeCodeCache(dist, bundle, []);
    expect(readFileSync(path.join(dist, 'code-cache', 'cached-cli-TEST1.cjs.cache')).length).toBeGreaterThan(0);
    const cli = loadCachedCli(dist);
    expect(cli?.rejected).toBe(false);
    expect(await cli?.main(['x', 'y', 'z'])).toBe(23);
  });
});

describe('the store npm run compile makes', () => {
  /** Runs a module file as the executable is run: no Node options, no NODE_OPTIONS. */
  const runModule = async (code: string): Promise<string> => {
    const folder = await folderWith({ 'probe.mjs': code });
    return execFileSync('node', [path.join(folder, 'probe.mjs')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  };

  it('is taken by V8 in a plain run, and answers as the command line does', async () => {
    const dist = path.resolve('dist');
    const probe = [
      `import { loadCachedCli } from ${JSON.stringify(path.join(dist, 'files', 'cached-cli.js'))};`,
      `const cli = loadCachedCli(${JSON.stringify(dist)});`,
      `console.log(JSON.stringify({ loaded: cli !== null, rejected: cli?.rejected }));`,
      `process.exitCode = await cli.main(['--version']);`,
    ].join('\n');
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(await runModule(probe)).toBe(`{"loaded":true,"rejected":false}\n${version}\n`);
  });

  it('names the TypeScript file and line in a stack trace from the one-file bundle', async () => {
    const dist = path.resolve('dist');
    const out = await folderWith({});
    // A step hook that throws once the build writes: the trace passes through the bundle's writer.
    const probe = [
      `import { mapStackTraces } from ${JSON.stringify(path.join(dist, 'files', 'source-mapped-stacks.js'))};`,
      `import { loadCachedCli } from ${JSON.stringify(path.join(dist, 'files', 'cached-cli.js'))};`,
      `mapStackTraces();`,
      `const cli = loadCachedCli(${JSON.stringify(dist)});`,
      `const afterStep = (step) => { if (step === 'staging') throw new TypeError('stopped'); };`,
      `try { await cli.main(['build', '--out', ${JSON.stringify(out)}, '--quiet'], { afterStep }); } catch (error) { console.log(error.stack); }`,
    ].join('\n');
    const stack = await runModule(probe);
    expect(stack).toMatch(/^TypeError: stopped\n/);
    expect(stack).toMatch(/\n {4}at switchFiles \(\/.*\/src\/files\/write-artifacts\.ts:\d+:\d+\)\n/);
  }, 30_000);

  it('is passed over under other Node options, and the split bundle writes the same build', async () => {
    const out = await folderWith({});
    const env = { ...process.env, NODE_OPTIONS: '--no-warnings' };
    execFileSync('node', [path.resolve('dist/bin.js'), 'build', '--out', out, '--quiet'], { encoding: 'utf8', env });
    for (const name of ['ports.json', 'ports.md', 'conflicts.json', 'index.html']) expect(readFileSync(path.join(out, name), 'utf8'), name).toBe(readFileSync(path.join('output', name), 'utf8'));
  }, 30_000);
});

import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { captureOutput, folderWith } from './helpers.js';

const { stdout, stderr } = captureOutput();

async function readFolder(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(path.join(folder, name), 'utf8');
  return files;
}

/** The files a build writes, and nothing else. */
const artifactFiles = ['conflicts.json', 'conflicts.md', 'datapackage.json', 'index.html', 'ports.csv', 'ports.json', 'ports.md', 'references.json'];

describe('port-catalog build', () => {
  it('leaves no staging folder, lock or journal beside or inside the output folder', async () => {
    const parent = await folderWith({});
    const out = path.join(parent, 'out');
    expect(await main(['build', '--out', out, '--quiet'])).toBe(0);
    expect(await readdir(parent)).toEqual(['out']);
    expect((await readdir(out)).sort()).toEqual(artifactFiles);
    // A second build over the first, the usual case, leaves nothing either.
    expect(await main(['build', '--out', out, '--quiet'])).toBe(0);
    expect(await readdir(parent)).toEqual(['out']);
    expect((await readdir(out)).sort()).toEqual(artifactFiles);
  });

  it('writes the same bytes on every run', async () => {
    const first = await folderWith({});
    const second = await folderWith({});
    expect(await main(['build', '--out', first, '--quiet'])).toBe(0);
    expect(await main(['build', '--out', second, '--quiet'])).toBe(0);
    const a = await readFolder(first);
    expect(Object.keys(a)).toEqual(artifactFiles);
    expect(await readFolder(second)).toEqual(a);
  });

  it('writes what is committed in output/', async () => {
    const out = await folderWith({});
    expect(await main(['build', '--out', out, '--quiet'])).toBe(0);
    expect(await readFolder(out)).toEqual(await readFolder('output'));
  });

  it('exits 1 on a source error, prints it compiler-style and leaves the output untouched', async () => {
    const sources = await folderWith({
      'sources.json': JSON.stringify({
        sources: [
          {
            id: 'page',
            file: 'page.md',
            format: 'markdown-html-table',
            title: 'Page',
            url: null,
            defaults: { protocols: ['tcp'] },
            columns: { Component: 'name', Port: 'port' },
          },
        ],
      }),
      'page.md': '<table>\n<tr><th>Component</th><th>Port</th></tr>\n<tr><td>A</td><td>70000</td></tr>\n</table>\n',
    });
    const parent = await folderWith({ 'out/ports.json': 'before\n' });
    const out = path.join(parent, 'out');
    expect(await main(['build', '--sources', sources, '--out', out])).toBe(1);
    expect(stderr).toContain(
      `${path.relative(process.cwd(), path.join(sources, 'page.md'))}:3:19: error: Unexpected port 70000, expected 0–65535; the manifest entry's \`"unreadable": "warning"\` would skip it with a warning (markdown-html-table:port-range)`,
    );
    expect(await readFolder(out)).toEqual({ 'ports.json': 'before\n' });
    // Nothing left beside or inside the output folder: no staging folder, lock or journal.
    expect(await readdir(parent)).toEqual(['out']);
    expect(await readdir(out)).toEqual(['ports.json']);
  });

  it('exits 1 when the manifest names a missing file, naming the manifest line', async () => {
    const sources = await folderWith({
      'sources.json': JSON.stringify(
        { sources: [{ id: 'gone', file: 'gone.md', format: 'markdown-html-table', title: 'Gone', url: null }] },
        null,
        2,
      ),
    });
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toBe(
      `${path.relative(process.cwd(), path.join(sources, 'sources.json'))}:5:15: error: Cannot read source \`gone.md\` (no such file), expected a readable file (manifest:read)`,
    );
  });
});

describe('port-catalog check', () => {
  it('passes on fresh output', async () => {
    expect(await main(['check'])).toBe(0);
    expect(stdout).toEqual(['output is up to date.']);
  });

  it('fails on a stale file and names it', async () => {
    const out = await folderWith({});
    await cp('output', out, { recursive: true });
    await writeFile(path.join(out, 'ports.csv'), 'stale\n');
    expect(await main(['check', '--out', out])).toBe(1);
    expect(stderr).toEqual([
      `${path.relative(process.cwd(), path.join(out, 'ports.csv'))}: stale`,
      'port-catalog: output is stale; run `npm run build` and commit the result.',
    ]);
  });

  it('fails on a missing file, and calls it missing', async () => {
    const out = await folderWith({});
    expect(await main(['check', '--out', out])).toBe(1);
    expect(stderr.filter((line) => line.endsWith(': missing'))).toHaveLength(8);
    expect(stderr.filter((line) => line.endsWith(': stale'))).toEqual([]);
    expect(stderr.at(-1)).toBe('port-catalog: output is missing; run `npm run build` and commit the result.');
    stderr.length = 0;
    await cp('output', out, { recursive: true });
    await rm(path.join(out, 'ports.md'));
    await writeFile(path.join(out, 'ports.csv'), 'stale\n');
    expect(await main(['check', '--out', out])).toBe(1);
    expect(stderr).toEqual([
      `${path.relative(process.cwd(), path.join(out, 'ports.csv'))}: stale`,
      `${path.relative(process.cwd(), path.join(out, 'ports.md'))}: missing`,
      'port-catalog: output is stale; run `npm run build` and commit the result.',
    ]);
  });
});

describe('port-catalog options', () => {
  it('prints help with exit 0', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(stdout.join('')).toContain('Usage: port-catalog [options] [command]');
    expect(stdout.join('')).toContain('build [options]');
  });

  it('prints the version from package.json with exit 0', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await main(['--version'])).toBe(0);
    expect(stdout.join('')).toBe(`${version}\n`);
  });

  it('exits 2 on an unknown command or option', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['build', '--bogus'])).toBe(2);
    expect(stderr.join('')).toContain("error: unknown option '--bogus'");
  });
});

/**
 * The dataset as a package: `npm pack` ships the built data, the schemas, the
 * compiled code and a LICENSE, and nothing an installed package never reads;
 * an installed copy answers `lookup` and `free` outside a checkout, and the
 * README's script answers "is this port taken?" from it. The tarball is
 * unpacked into a temporary project whose dependencies link to this
 * checkout's node_modules, so nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeExample } from './readme.js';

describe('the packed package', () => {
  it('ships the data and answers queries and the README\'s script from an install outside the checkout', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'port-catalog-pack-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]?.files.map((file) => file.path) ?? [];
    for (const shipped of ['LICENSE', 'output/ports.json', 'output/ports.csv', 'output/references.json', 'output/index.html', 'schemas/port-record.schema.json', 'dist/bin.js', 'dist/uses.js', 'dist/uses.d.ts']) {
      expect(files).toContain(shipped);
    }
    expect(files.filter((file) => /^(src|test|sources)\//.test(file) || file.endsWith('.map') || /^dist\/(compile|code-cache)\/|^dist\/cli\/cached-cli-/.test(file) || file === 'dist/prebuilt-sources.json')).toEqual([]);

    const project = path.join(work, 'project');
    const installed = path.join(project, 'node_modules', 'port-catalog');
    await mkdir(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(work, packed[0]?.filename ?? ''), '-C', installed, '--strip-components=1']);
    await symlink(path.resolve('node_modules'), path.join(installed, 'node_modules'));

    const run = (...args: string[]) => execFileSync('node', [path.join(installed, 'dist/bin.js'), ...args], { cwd: project, encoding: 'utf8' });
    expect(run('lookup', '6801/tcp').split('\n')).toContain('  catalog   6801/tcp         Secure Relay MA (Transfer CFT, config ma.comm_port)  [transfer-cft-ports:56]');
    expect(run('free', '1761-1768')).toBe('no free tcp port to pick in 1761-1768\n');
    // A build run from the installed package reads the registry afresh: the copy read ahead of time is not shipped.
    expect(run('build', '--sources', path.resolve('sources'), '--out', path.join(work, 'built'), '--quiet')).toBe('');
    expect(readFileSync(path.join(work, 'built', 'ports.json'), 'utf8')).toBe(readFileSync('output/ports.json', 'utf8'));

    const script = "import data from 'port-catalog/ports.json' with { type: 'json' }; console.log(data.records.length);";
    expect(execFileSync('node', ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' })).toBe(`${(JSON.parse(readFileSync('output/ports.json', 'utf8')) as { records: unknown[] }).records.length}\n`);

    // The README's "is this port taken?" script, run as written, prints what the README shows.
    const example = readmeExample('Using the data from npm');
    await writeFile(path.join(project, 'taken.mjs'), example.code);
    expect(execFileSync('node', ['taken.mjs'], { cwd: project, encoding: 'utf8' })).toBe(example.output);
    expect(example.output.split('\n').slice(0, 3)).toEqual(['443 true', '3306 true', '8080 true']);
  }, 60_000);
});

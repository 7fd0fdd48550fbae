/**
 * The dataset as a package: `npm pack` ships the built data, the schemas and
 * a LICENSE; an installed copy answers `lookup` and `free` outside a
 * checkout, and scripts import the data by its exports. The tarball is
 * unpacked into a temporary project whose dependencies link to this
 * checkout's node_modules, so nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the packed package', () => {
  it('ships the data and answers queries from an install outside the checkout', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'port-catalog-pack-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]?.files.map((file) => file.path) ?? [];
    for (const shipped of ['LICENSE', 'output/ports.json', 'output/ports.csv', 'output/references.json', 'schemas/port-record.schema.json', 'dist/bin.js', 'dist/prebuilt-references.json']) {
      expect(files).toContain(shipped);
    }
    expect(files.some((file) => file.startsWith('src/') || file.startsWith('test/') || file.startsWith('sources/'))).toBe(false);

    const project = path.join(work, 'project');
    const installed = path.join(project, 'node_modules', 'port-catalog');
    await mkdir(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(work, packed[0]?.filename ?? ''), '-C', installed, '--strip-components=1']);
    await symlink(path.resolve('node_modules'), path.join(installed, 'node_modules'));

    const run = (...args: string[]) => execFileSync('node', [path.join(installed, 'dist/bin.js'), ...args], { cwd: project, encoding: 'utf8' });
    expect(run('lookup', '6801/tcp').split('\n')).toContain('  catalog   6801/tcp         Secure Relay MA (Transfer CFT, config ma.comm_port)  [transfer-cft-ports:56]');
    expect(run('free', '1761-1768')).toBe('no free tcp port in 1761-1768\n');

    const script = "import data from 'port-catalog/ports.json' with { type: 'json' }; console.log(data.records.length);";
    expect(execFileSync('node', ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' })).toBe('781\n');
  }, 60_000);
});

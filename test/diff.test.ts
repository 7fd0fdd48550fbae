/**
 * The semantic diff: diffRecords, its Markdown, and the `diff` command.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../src/cli.js';
import { commentLimit, emitDiffMarkdown } from '../src/emit/diff-markdown.js';
import { diffConflicts } from '../src/compare/conflict-diff.js';
import type { PortRecord } from '../src/model/record.js';
import { record } from './records.js';
import { describe, expect, it } from 'vitest';
import { diffRecords, diffHeadline, isEmptyDiff } from '../src/compare/diff.js';
import { captureOutput, folderWith } from './helpers.js';

const echo = record({ portStart: 7, name: 'Echo', sources: [{ source: 'list', line: 21 }] });
const ssh = record({ portStart: 22, name: 'SSH', sources: [{ source: 'list', line: 114 }] });
const smtp = record({ portStart: 25, name: 'SMTP', sources: [{ source: 'list', line: 123 }] });

describe('diffRecords', () => {
  it('finds nothing in an empty diff, or when only the order changed', () => {
    expect(isEmptyDiff(diffRecords([echo, ssh], [echo, ssh]))).toBe(true);
    expect(isEmptyDiff(diffRecords([echo, ssh, smtp], [smtp, echo, ssh]))).toBe(true);
    expect(diffHeadline(diffRecords([], []))).toBe('+0 −0 ~0 records');
  });

  it('reports an added and a removed record', () => {
    const diff = diffRecords([echo, ssh], [ssh, smtp]);
    expect(diff.added).toEqual([smtp]);
    expect(diff.removed).toEqual([echo]);
    expect(diff.changed).toEqual([]);
    expect(diffHeadline(diff)).toBe('+1 −1 ~0 records');
  });

  it('reports a field change as old → new', () => {
    const described = { ...echo, description: 'Returns what it gets.', references: ['RFC862'] };
    expect(diffRecords([echo], [described]).changed).toEqual([
      {
        old: echo,
        new: described,
        fields: [
          { field: 'description', old: null, new: 'Returns what it gets.' },
          { field: 'references', old: [], new: ['RFC862'] },
        ],
      },
    ]);
  });

  it('reports a rename as one changed record, not a removal and an addition', () => {
    const renamed = { ...ssh, name: 'Secure Shell' };
    const diff = diffRecords([echo, ssh], [echo, renamed]);
    expect([diff.added, diff.removed]).toEqual([[], []]);
    expect(diff.changed).toEqual([{ old: ssh, new: renamed, fields: [{ field: 'name', old: 'SSH', new: 'Secure Shell' }] }]);
  });

  it('counts per status and category', () => {
    const diff = diffRecords([echo], [echo, record({ portStart: 4, status: 'unassigned' })]);
    expect(diff.counts.filter((c) => c.old !== c.new)).toEqual([
      { name: 'status: unassigned', old: 0, new: 1 },
      { name: 'category: well-known', old: 1, new: 2 },
    ]);
  });
});

describe('emitDiffMarkdown', () => {
  it('renders added, removed, changed and counts as Markdown', () => {
    const renamed = { ...ssh, name: 'Secure Shell' };
    expect(emitDiffMarkdown(diffRecords([echo, ssh], [renamed, smtp]), 'a → b')).toBe(
      [
        '## Port catalog changes: a → b',
        '',
        '**+1 −1 \\~1 records** (2 → 2)',
        '',
        '### Added (1)',
        '',
        '| Port | Protocol | Status | Name | Product | Config key | Sources |',
        '| - | - | - | - | - | - | - |',
        '| 25 | tcp | assigned | SMTP | | | list:123 |',
        '',
        '### Removed (1)',
        '',
        '| Port | Protocol | Status | Name | Product | Config key | Sources |',
        '| - | - | - | - | - | - | - |',
        '| 7 | tcp | assigned | Echo | | | list:21 |',
        '',
        '### Changed (1)',
        '',
        '| Record | Product | Config key | Field | Old | New |',
        '| - | - | - | - | - | - |',
        '| 22/tcp Secure Shell | | | `name` | SSH | Secure Shell |',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(emitDiffMarkdown(diffRecords([echo], [echo]), 'a → b')).toContain('No record changed.');
  });
});

describe('port-catalog diff', () => {
  const { stdout, stderr } = captureOutput();

  const dataset = (records: PortRecord[]) => JSON.stringify({ records });

  it('compares two files, exits 0 whatever changed, and 1 with --exit-code', async () => {
    const folder = await folderWith({ 'old.json': dataset([echo]), 'new.json': dataset([echo, ssh]), 'same.json': dataset([echo]) });
    const [oldFile, newFile, same] = ['old.json', 'new.json', 'same.json'].map((name) => path.join(folder, name));
    expect(await main(['diff', oldFile ?? '', newFile ?? ''])).toBe(0);
    expect(stdout.join('')).toContain('**+1 −0 \\~0 records** (1 → 2)');
    expect(await main(['diff', oldFile ?? '', newFile ?? '', '--exit-code'])).toBe(1);
    expect(await main(['diff', oldFile ?? '', same ?? '', '--exit-code'])).toBe(0);
  });

  it('ignores formatting: the same records pretty or compact are no change', async () => {
    const folder = await folderWith({ 'a.json': JSON.stringify({ records: [echo, ssh] }, null, 2), 'b.json': dataset([ssh, echo]) });
    expect(await main(['diff', path.join(folder, 'a.json'), path.join(folder, 'b.json'), '--exit-code'])).toBe(0);
  });

  it('gives JSON for scripts', async () => {
    const folder = await folderWith({ 'old.json': dataset([echo]), 'new.json': dataset([]) });
    expect(await main(['diff', path.join(folder, 'old.json'), path.join(folder, 'new.json'), '--json'])).toBe(0);
    const json = JSON.parse(stdout.join('')) as { removed: PortRecord[]; added: PortRecord[] };
    expect([json.removed, json.added]).toEqual([[echo], []]);
  });

  it('reads the old side from git with --git REV', async () => {
    const repo = await folderWith({ 'output/ports.json': dataset([echo]) });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.org', 'commit', '-qm', 'old');
    await writeFile(path.join(repo, 'output/ports.json'), dataset([echo, smtp]));
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      expect(await main(['diff', '--git', 'HEAD', '--exit-code'])).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    expect(stdout.join('')).toContain('## Port catalog changes: HEAD:./output/ports.json → output/ports.json');
    expect(stdout.join('')).toContain('| 25 | tcp | assigned | SMTP | | | list:123 |');
  });

  it('exits 2 with one line when a side holds a record that is not one, and reads a side from before aliases and direction', async () => {
    const older = { ...echo } as Partial<PortRecord>;
    delete older.aliases;
    delete older.direction;
    const folder = await folderWith({ 'older.json': JSON.stringify({ records: [older] }), 'new.json': dataset([echo]), 'bad.json': JSON.stringify({ records: [echo, { ...ssh, portEnd: 'x' }] }) });
    expect(await main(['diff', path.join(folder, 'older.json'), path.join(folder, 'new.json'), '--exit-code'])).toBe(0);
    expect(await main(['diff', path.join(folder, 'bad.json'), path.join(folder, 'new.json')])).toBe(2);
    expect(stderr).toEqual([`port-catalog: Unexpected \`${path.join(folder, 'bad.json')}\` record 1 with a wrong \`portEnd\`, expected ports.json`]);
  });

  it('goes on without the conflicts beside a side when they are not what build writes', async () => {
    const old = await folderWith({ 'ports.json': dataset([echo]), 'conflicts.json': JSON.stringify({ conflicts: [{ kind: 'x', sides: [null], explanation: 'e' }] }) });
    const next = await folderWith({ 'ports.json': dataset([echo, ssh]), 'conflicts.json': JSON.stringify({ conflicts: [] }) });
    expect(await main(['diff', path.join(old, 'ports.json'), path.join(next, 'ports.json')])).toBe(0);
    expect(stdout.join('')).toContain('**+1 −0 \\~0 records** (1 → 2)');
    expect(stdout.join('')).not.toContain('### Conflicts');
    expect(stderr).toEqual([]);
  });

  it('exits 2 with a clear message when a side cannot be read', async () => {
    expect(await main(['diff', 'no-such-revision-or-file'])).toBe(2);
    expect(stderr.join('\n')).toMatch(/^port-catalog: Cannot read `no-such-revision-or-file:\.\/output\/ports\.json` from git/);
  });
});

describe('a diff for review', () => {
  const relay = (port: number, line: number) =>
    record({ portStart: port, name: 'Secure Relay MA', category: 'registered', product: 'Transfer CFT', configKey: 'ma.comm_port', sources: [{ source: 'cft', line }] });

  it('shows a port that moved as a move, with its product and configuration key', () => {
    const diff = diffRecords([relay(6801, 56)], [relay(6802, 56)]);
    expect(diff.moved.map((move) => [move.label, move.old.portStart, move.new.portStart])).toEqual([['Transfer CFT `ma.comm_port`', 6801, 6802]]);
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
    expect(diffHeadline(diff)).toBe('+0 −0 ~0 records →1 moved');
    expect(emitDiffMarkdown(diff, 'a → b')).toContain(
      ['### Moved (1)', '', '| Record | Protocol | Old port | New port | Sources |', '| - | - | - | - | - |', '| Transfer CFT `ma.comm_port` | tcp | 6801 | 6802 | cft:56 |'].join('\n'),
    );
  });

  it('lists the conflicts a change introduces and resolves', () => {
    const side = (product: string, key: string, source: string) => ({
      role: 'catalog' as const,
      portStart: 6801,
      portEnd: 6801,
      protocol: 'tcp',
      status: 'assigned',
      serviceName: null,
      name: 'Relay',
      product,
      configKey: key,
      sources: [source],
    });
    const clash = { kind: 'product-clash', sides: [side('Acme Gateway', 'relay.port', 'acme:5'), side('Transfer CFT', 'ma.comm_port', 'cft:56')], explanation: 'both use 6801/tcp' };
    const conflicts = diffConflicts([], [clash]);
    expect(conflicts).toEqual({ introduced: [clash], resolved: [] });
    expect(diffConflicts([clash], [])).toEqual({ introduced: [], resolved: [clash] });
    expect(emitDiffMarkdown(diffRecords([], []), 'a → b', { conflicts })).toContain(
      [
        '### Conflicts',
        '',
        'Introduced (1):',
        '',
        '| Kind | Port | Sides | Why |',
        '| - | - | - | - |',
        '| `product-clash` | 6801/tcp | catalog Acme Gateway relay.port (acme:5) vs catalog Transfer CFT ma.comm_port (cft:56) | both use 6801/tcp |',
      ].join('\n'),
    );
  });

  it('links source references to their lines when the repository address is known', () => {
    const text = emitDiffMarkdown(diffRecords([], [relay(6801, 56)]), 'a → b', { sourceUrl: 'https://example.org/r/blob/main/sources/', sourceFiles: { cft: 'cft.md' } });
    expect(text).toContain('| 6801 | tcp | assigned | Secure Relay MA | Transfer CFT | `ma.comm_port` | [cft:56](https://example.org/r/blob/main/sources/cft.md#L56) |');
  });

  it('stays under the comment size limit, saying the list was cut', () => {
    const many = Array.from({ length: 3000 }, (_, index) => record({ portStart: index, name: `Service number ${index} with a long name to fill the table`, sources: [{ source: 'list', line: index + 1 }] }));
    const text = emitDiffMarkdown(diffRecords([], many), 'a → b', { fullDiffHint: 'Run `port-catalog diff --git main --json` for all of it.' });
    expect(text.length).toBeLessThanOrEqual(commentLimit);
    expect(text).toContain('### Added (3000)');
    expect(text).toMatch(/The first \d+ are listed: the diff is too long for one comment\. Run \\`port-catalog diff --git main --json\\` for all of it\./);
  });
});

describe('a conflicts.json written before sides had portStart and portEnd', () => {
  const { stdout } = captureOutput();

  it('is read as if written with them, so a diff against an older build still shows its conflicts', async () => {
    const side = (port: string, product: string) => ({ role: 'catalog', port, protocol: 'tcp', status: 'assigned', serviceName: null, name: 'Relay', product, configKey: null, sources: [`${product}:1`] });
    const dataset = JSON.stringify({ records: [] });
    const old = await folderWith({
      'ports.json': dataset,
      'conflicts.json': JSON.stringify({ conflicts: [{ kind: 'product-clash', sides: [side('6801', 'a'), side('6800-6810', 'b')], explanation: 'both use 6801/tcp' }] }),
    });
    const now = await folderWith({ 'ports.json': dataset, 'conflicts.json': JSON.stringify({ conflicts: [] }) });
    expect(await main(['diff', path.join(old, 'ports.json'), path.join(now, 'ports.json')])).toBe(0);
    expect(stdout.join('')).toContain('| `product-clash` | 6801/tcp | catalog a (a:1) vs catalog b (b:1) | both use 6801/tcp |');
  });
});

/**
 * Review and consumption: the semantic diff, the build summary, the github
 * and json diagnostic formats, and the data-package descriptor.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { diffRecords, diffHeadline, isEmptyDiff } from '../src/diff.js';
import { emitDiffMarkdown } from '../src/emit/diff-markdown.js';
import { formatGithubAnnotation, formatMessages, report } from '../src/messages.js';
import type { PortRecord } from '../src/record.js';
import { formatBuildSummary } from '../src/summary.js';
import { buildFolder, captureOutput, folderWith } from './helpers.js';
import { record } from './records.js';

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
        '| Port | Protocol | Status | Name | Sources |',
        '| - | - | - | - | - |',
        '| 25 | tcp | assigned | SMTP | list:123 |',
        '',
        '### Removed (1)',
        '',
        '| Port | Protocol | Status | Name | Sources |',
        '| - | - | - | - | - |',
        '| 7 | tcp | assigned | Echo | list:21 |',
        '',
        '### Changed (1)',
        '',
        '| Record | Field | Old | New |',
        '| - | - | - | - |',
        '| 22/tcp Secure Shell | `name` | SSH | Secure Shell |',
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
    expect(stdout.join('')).toContain('| 25 | tcp | assigned | SMTP | list:123 |');
  });

  it('exits 2 with a clear message when a side cannot be read', async () => {
    expect(await main(['diff', 'no-such-revision-or-file'])).toBe(2);
    expect(stderr.join('\n')).toMatch(/^port-catalog: Cannot read `no-such-revision-or-file:\.\/output\/ports\.json` from git/);
  });
});

describe('diagnostic formats', () => {
  const file = new VFile({ path: 'sources/port-numbers.txt' });
  const warning = report(file, 'warning', 'Unexpected port 101 without a name, expected a name', {
    place: { line: 253, column: 1 },
    source: 'port-list',
    ruleId: 'name-missing',
  });
  const error = report(file, 'error', 'Unexpected port 70000, expected 0–65535\nsecond line 100%', {
    place: { line: 412, column: 5 },
    source: 'port-list',
    ruleId: 'port-range',
  });

  it('github: workflow annotations on the line, with GitHub escaping', () => {
    expect(formatGithubAnnotation(warning)).toBe(
      '::warning file=sources/port-numbers.txt,line=253,col=1,title=port-list%3Aname-missing::Unexpected port 101 without a name, expected a name',
    );
    expect(formatGithubAnnotation(error)).toBe(
      '::error file=sources/port-numbers.txt,line=412,col=5,title=port-list%3Aport-range::Unexpected port 70000, expected 0–65535%0Asecond line 100%25',
    );
  });

  it('json: one array of plain objects', () => {
    expect(JSON.parse(formatMessages([warning], 'json')[0] ?? '')).toEqual([
      {
        file: 'sources/port-numbers.txt',
        line: 253,
        column: 1,
        severity: 'warning',
        source: 'port-list',
        ruleId: 'name-missing',
        message: 'Unexpected port 101 without a name, expected a name',
      },
    ]);
  });
});

describe('build --format github', () => {
  const { stdout } = captureOutput();

  it('prints annotations to stdout', async () => {
    expect(await main(['build', '--out', await folderWith({}), '--format', 'github'])).toBe(0);
    expect(stdout).toContain(
      '::warning file=sources/port-numbers.txt,line=253,col=1,title=port-list%3Aname-missing::Unexpected port 101 without a name, expected a name after the port line',
    );
  });
});

describe('build summary', () => {
  it('shows per source records, lines and problems, and the change against the previous output', async () => {
    const result = await buildFolder('sources');
    const previous = diffRecords(result.dataset.records.slice(1), result.dataset.records);
    expect(formatBuildSummary(result, previous)).toEqual([
      'port-catalog: 781 catalog records (+1 −0 ~0 records against the previous output)',
      'source              records  lines entry/structure/reported  problems',
      'transfer-cft-ports  12       -                               ok',
      'port-numbers        771      485/48/0                        16 warnings, 1 notes',
      'iana (reference)    12341    49364/2/0                       ok',
    ]);
  });
});

describe('output/datapackage.json', () => {
  const descriptor = JSON.parse(readFileSync('output/datapackage.json', 'utf8')) as {
    resources: {
      path: string;
      bytes: number;
      hash: string;
      schema?: { fields: { name: string; type: string; constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[] } }[] };
    }[];
    licenses: unknown[];
    sources: unknown[];
  };

  it('gives each resource its bytes and sha256, and has sources and a license', () => {
    for (const resource of descriptor.resources) {
      const content = readFileSync(path.join('output', resource.path));
      expect(resource.bytes).toBe(content.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(content).digest('hex')}`);
    }
    expect(descriptor.licenses).toHaveLength(1);
    expect(descriptor.sources).toHaveLength(3);
  });

  it('loads ports.csv against its Table Schema: header, types and constraints', () => {
    const csv = descriptor.resources.find((resource) => resource.path === 'ports.csv');
    const fields = csv?.schema?.fields ?? [];
    const rows = parse(readFileSync('output/ports.csv', 'utf8'), { columns: false }) as string[][];
    const [header, ...data] = rows;
    expect(header).toEqual(fields.map((field) => field.name));
    expect(data.length).toBe(781);
    for (const row of data) {
      fields.forEach((field, index) => {
        const value = row[index] ?? '';
        const where = `${field.name} in ${row.join(',')}`;
        if (value === '') {
          expect(field.constraints?.required, where).not.toBe(true);
          return;
        }
        if (field.type === 'integer') {
          expect(value, where).toMatch(/^\d+$/);
          expect(Number(value), where).toBeGreaterThanOrEqual(field.constraints?.minimum ?? 0);
          expect(Number(value), where).toBeLessThanOrEqual(field.constraints?.maximum ?? Number.MAX_SAFE_INTEGER);
        }
        if (field.constraints?.enum) expect(field.constraints.enum, where).toContain(value);
      });
    }
  });

  it('derives its Table Schema from the record schema', () => {
    const fields = descriptor.resources[0]?.schema?.fields ?? [];
    expect(fields.find((field) => field.name === 'portStart')).toMatchObject({
      type: 'integer',
      constraints: { required: true, minimum: 0, maximum: 65535 },
    });
    expect(fields.find((field) => field.name === 'protocol')?.constraints?.enum).toEqual(['tcp', 'udp', 'sctp', 'dccp']);
    expect(fields.find((field) => field.name === 'name')).toMatchObject({ type: 'string' });
    expect(fields.find((field) => field.name === 'name')?.constraints).toBeUndefined();
  });
});

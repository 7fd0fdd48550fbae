/**
 * The README's examples, run: each command's shown output is what the
 * command prints now, each manifest snippet is a real entry, and each
 * script runs as written. A README that drifts from the program fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { buildFolder, captureOutput, folderWith, messagesOf, sourcesWithEdit } from './helpers.js';
import { readmeBlocks, readmeSection } from './readme.js';
import { readPortCell } from '../src/grammar/port-cell.js';

const { stdout, stderr } = captureOutput();

/** The indented code blocks of a bullet under "Command line", by the text that opens the bullet. */
function blocksAfter(opening: string): string[] {
  const section = readmeSection('Command line');
  const start = section.indexOf(opening);
  if (start < 0) throw new Error(`no "${opening}" in the Command line section`);
  const next = section.indexOf('\n- `', start + 1);
  const bullet = section.slice(start, next < 0 ? undefined : next);
  return [...bullet.matchAll(/^ {2}```\n([\s\S]*?)^ {2}```$/gm)].map((match) => (match[1] ?? '').replace(/^ {2}/gm, ''));
}

const lines = (block: string | undefined) => (block ?? '').split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);

describe('the README, run', () => {
  it('quick start: the two commands are the scripts CI runs', () => {
    expect(readmeBlocks('Quick start')[0]?.code).toBe(
      'npm ci && npm run build   # regenerates output/\nnpm test                  # type-checks, runs the tests, and checks output/ is fresh\n',
    );
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['build', 'test']));
    expect(readFileSync('.ci/run', 'utf8')).toContain('npm ci --no-audit --no-fund\nnpm test\n');
  });

  it('lookup 6801 prints what the README shows', async () => {
    const [shown] = blocksAfter('- `lookup` takes');
    expect(await main(['lookup', '6801'])).toBe(0);
    expect(stdout).toEqual(lines(shown));
  });

  it('free 8000-8100 --count 3 prints what the README shows, on stdout and stderr', async () => {
    const [out, err] = blocksAfter('- `free 8000-8100');
    expect(await main(['free', '8000-8100', '--count', '3'])).toBe(0);
    expect(stdout).toEqual(lines(out));
    expect(stderr).toEqual(lines(err));
  });

  it('the vendor page entry is the Pi-hole fixture\'s entry, comments aside', () => {
    const [entry] = readmeBlocks('Adding a vendor page');
    const fixture = JSON.parse(readFileSync('test/fixtures/pages/pihole/sources.json', 'utf8')) as { sources: unknown[] };
    expect(entry?.info).toBe('jsonc');
    expect(parseJsonc(entry?.code ?? '')).toEqual(fixture.sources[0]);
  });

  it('every worked page under "Adding a vendor page" gives the records shown, with no error or warning', async () => {
    const blocks = readmeBlocks('Adding a vendor page');
    const examples = blocks.flatMap((block, index) => {
      const entry = blocks[index + 1];
      const gives = blocks[index + 2];
      return block.info === 'markdown' && entry?.info === 'json' && gives?.info === 'text' ? [{ page: block.code, entry: entry.code, gives: gives.code }] : [];
    });
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const options = JSON.parse(`{${example.entry}}`) as Record<string, unknown>;
      const folder = await folderWith({
        'page.md': example.page,
        'sources.json': JSON.stringify({ sources: [{ id: 'page', file: 'page.md', format: 'markdown', title: 'Example', url: null, product: 'Example', ...options }] }),
      });
      const result = await buildFolder(folder);
      const shown = result.dataset.records.map((record) =>
        [
          `${record.portStart === record.portEnd ? record.portStart : `${record.portStart}-${record.portEnd}`}/${record.protocol}`,
          record.name,
          record.direction && `direction ${record.direction}`,
          record.configKey && `configKey ${record.configKey}`,
        ]
          .filter(Boolean)
          .join(' '),
      );
      expect({ page: example.page, records: shown }).toEqual({ page: example.page, records: lines(example.gives) });
      expect(messagesOf(result.files).filter((line) => !line.includes(': info: '))).toEqual([]);
    }
  });

  it('every port cell the README lists as read by the grammar reads as ports', () => {
    const section = readmeSection('Adding a vendor page');
    const listed = section.slice(section.indexOf('**Port cells** are read by one grammar:'), section.indexOf('A protocol written before a list'));
    const cells = [...listed.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    expect(cells.length).toBeGreaterThan(15);
    expect(cells.filter((cell) => readPortCell(cell).kind !== 'ports')).toEqual([]);
  });

  it('the table of committed sources lists every manifest entry, with its product, format and licence', () => {
    const manifest = parseJsonc(readFileSync('sources/sources.json', 'utf8')) as { sources: { id: string; product?: string; format: string; license?: string }[] };
    const section = readmeSection('Sources');
    const lines = section.split('\n');
    const header = lines.indexOf('| source | product | format | licence |');
    const end = lines.indexOf('', header);
    const rows = lines.slice(header + 2, end);
    expect(rows).toEqual(
      manifest.sources.map((entry) => `| \`${entry.id}\` | ${entry.product ?? '—'} | \`${entry.format}\` | ${entry.license ? `\`${entry.license}\`` : 'not stated (a seed document)'} |`),
    );
    const pages = manifest.sources.filter((entry) => entry.product !== undefined);
    expect(section).toContain(`The committed sources: ${pages.length} vendor pages of ${new Set(pages.map((entry) => entry.product)).size} products,`);
    expect(pages.filter((entry) => entry.license === undefined && entry.id !== 'transfer-cft-ports')).toEqual([]);
  });

  it('the accepted finding shown is one of the committed sources\' accepted findings', () => {
    const [shown] = readmeBlocks('Accepted findings');
    const committed = JSON.parse(readFileSync('sources/accepted.json', 'utf8')) as { accepted: unknown[] };
    expect(committed.accepted).toContainEqual(JSON.parse(shown?.code ?? ''));
  });

  it('the messages shown under "Errors and exit codes" are what a build prints', async () => {
    const [shown] = readmeBlocks('Errors and exit codes');
    const [badPort, ambiguous, duplicate] = lines(shown?.code);
    expect(await main(['build', '--verbose', '--out', await folderWith({})])).toBe(0);
    expect(stderr).toContain(`${ambiguous} (accepted)`);
    expect(stderr).toContain(duplicate);
    // The error: the committed list with port 70000 on line 412.
    const sources = await sourcesWithEdit('port-numbers.txt', (text) => {
      const list = text.split('\n');
      list[411] = (list[411] ?? '').replace(/^\d+/, '70000');
      return list.join('\n');
    });
    stderr.length = 0;
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr.map((line) => line.replace(`${path.relative(process.cwd(), sources)}/`, 'sources/'))).toContain(badPort);
  });

  it('the pull-request comment is what diff prints for the change it describes', async () => {
    const [, , comment] = readmeBlocks('Reviewing changes');
    const sources = await sourcesWithEdit('transfer-cft-ports.md', (page) => page.replace('<p>6801</p>', '<p>6802</p>'));
    const out = await folderWith({});
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    stdout.length = 0;
    expect(await main(['diff', 'output/ports.json', path.join(out, 'ports.json'), '--source-url', 'https://github.com/example/port-catalog/blob/main/sources'])).toBe(0);
    const [heading, ...body] = stdout.join('').split('\n');
    const [shownHeading, ...shownBody] = (comment?.code ?? '').split('\n');
    expect(heading).toBe(`## Port catalog changes: output/ports.json → ${path.join(out, 'ports.json')}`);
    expect(shownHeading).toBe('## Port catalog changes: HEAD:./output/ports.json → output/ports.json');
    expect(body).toEqual(shownBody);
  });

  it('the library example prints the record count, and the manifest error where there are no sources', async () => {
    const [example, error] = readmeBlocks('As a library');
    expect(example?.info).toBe('js');
    const project = await mkdtemp(path.join(tmpdir(), 'port-catalog-library-'));
    await mkdir(path.join(project, 'node_modules'));
    await symlink(process.cwd(), path.join(project, 'node_modules', 'port-catalog'));
    await writeFile(path.join(project, 'example.mjs'), example?.code ?? '');
    const stated = /prints the number of catalog records \(`(\d+)` for the committed sources\)/.exec(readmeSection('As a library'))?.[1];
    expect(stated).toBe(String((JSON.parse(readFileSync('output/ports.json', 'utf8')) as { records: unknown[] }).records.length));
    expect(execFileSync('node', [path.join(project, 'example.mjs')], { cwd: process.cwd(), encoding: 'utf8' })).toBe(`${stated}\n`);
    let failed: { status: number | null; stderr: string } | null = null;
    try {
      execFileSync('node', ['example.mjs'], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (thrown) {
      failed = thrown as { status: number | null; stderr: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toBe(error?.code);
  }, 60_000);

  it('every picture the README shows is committed', () => {
    const pictures = [...readFileSync('README.md', 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
    expect(pictures).toContain('test/screenshots/web-page.png');
    expect(pictures.filter((picture) => !existsSync(picture))).toEqual([]);
  });

  it('the Development tree names folders that exist', () => {
    const [tree] = readmeBlocks('Development');
    const named = [...(tree?.code ?? '').matchAll(/^ {2}(\w[\w-]*)\/ /gm)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((folder) => !existsSync(path.join('src', folder ?? '')))).toEqual([]);
  });
});

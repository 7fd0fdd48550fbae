/**
 * `npm run bench`: measures port-catalog and prints Markdown tables, every
 * figure a ratio of two commands run in turn (A B A B …) in one call, so a
 * machine that speeds up or slows down meanwhile moves both alike. Each run
 * is a fresh process. Inputs are generated from a fixed seed.
 *
 * The first table is the speed issue's: each target with its measure. The
 * tables after it give the detail by size.
 *
 * Options: `--quick` runs only the small sizes (a smoke test, a minute or so);
 * `--tables` runs only the HTML table pages against tabletojson.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generatePortList, generateTablePage } from './generate.js';
import { measurePageLoad } from './page-load.js';
import type { CaseResult } from './run-one.js';

const quick = process.argv.includes('--quick');
const tablesOnly = process.argv.includes('--tables');
const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');
const bin = path.join(projectRoot, 'dist/bin.js');
const runOne = path.join(here, 'run-one.js');
const lineScan = path.join(here, 'line-scan.js');
const peakRss = path.join(here, 'peak-rss.js');
const work = mkdtempSync(path.join(tmpdir(), 'port-catalog-bench-'));

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A port list of `entries` entries in its own folder, with a manifest naming it. */
function portListFolder(entries: number): { folder: string; list: string; megabytes: number } {
  const folder = mkdtempSync(path.join(work, `list-${entries}-`));
  const list = path.join(folder, 'list.txt');
  const text = generatePortList(entries);
  writeFileSync(list, text);
  writeFileSync(path.join(folder, 'sources.json'), JSON.stringify({ sources: [{ id: 'bench', file: 'list.txt', format: 'port-list', title: 'Bench', url: null }] }));
  return { folder, list, megabytes: Buffer.byteLength(text) / 1e6 };
}

/**
 * `pages` vendor pages in a folder: the committed sources' vendor pages in
 * turn, each copy with its own id and product name, so no two merge; no
 * reference registry.
 */
function manyPagesFolder(pages: number): string {
  const folder = mkdtempSync(path.join(work, `pages-${pages}-`));
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'sources/sources.json'), 'utf8')) as { sources: Record<string, unknown>[] };
  const vendor = manifest.sources.filter((entry) => typeof entry['product'] === 'string');
  const entries = Array.from({ length: pages }, (_, index) => {
    const entry = vendor[index % vendor.length] ?? {};
    const file = `p${index}-${String(entry['file'])}`;
    writeFileSync(path.join(folder, file), readFileSync(path.join(projectRoot, 'sources', String(entry['file']))));
    return { ...entry, id: `p${index}`, file, product: `${String(entry['product'])} ${index}` };
  });
  writeFileSync(path.join(folder, 'sources.json'), JSON.stringify({ sources: entries }));
  return folder;
}

function tablePage(rows: number): string {
  const file = path.join(work, `page-${rows}.md`);
  writeFileSync(file, generateTablePage(rows).page);
  return file;
}

interface ProcessRun {
  ms: number;
  peakMib: number;
  status: number | null;
  stderr: string;
}

/**
 * One whole process: wall time from spawn to exit, and, when `withPeak`, its
 * own peak RSS. Reading the peak preloads a module, which costs a start-up
 * what a small command takes, so timed runs go without it.
 */
function runProcess(args: readonly string[], withPeak = true): ProcessRun {
  const rssFile = path.join(work, 'peak-rss');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const child = spawnSync(process.execPath, [...(withPeak ? ['--import', peakRss] : []), ...args], {
    cwd: projectRoot,
    env: { ...process.env, PORT_CATALOG_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - start;
  const peakMib = Number(readFileSync(rssFile, { encoding: 'utf8', flag: 'a+' }) || Number.NaN);
  return { ms, peakMib, status: child.status, stderr: child.stderr };
}

function mustRun(args: readonly string[], withPeak = true): ProcessRun {
  const run = runProcess(args, withPeak);
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run;
}

interface Paired {
  a: number;
  b: number;
  ratio: number;
  peakMibA: number;
}

/**
 * A and B in turn, `runs` times after one warm-up pair that also reads A's
 * peak RSS; medians of each and of the pair ratios. The timed runs are bare
 * `node` processes, so `node -e 0` is what it says.
 */
function pairedProcesses(a: readonly string[], b: readonly string[], runs: number): Paired {
  const peakMibA = mustRun(a).peakMib;
  mustRun(b, false);
  const as: ProcessRun[] = [];
  const bs: ProcessRun[] = [];
  for (let run = 0; run < runs; run++) {
    as.push(mustRun(a, false));
    bs.push(mustRun(b, false));
  }
  return {
    a: median(as.map((each) => each.ms)),
    b: median(bs.map((each) => each.ms)),
    ratio: median(as.map((each, index) => each.ms / (bs[index]?.ms ?? Number.NaN))),
    peakMibA,
  };
}

/** Small inputs each in-process case runs once before it is timed. */
const warmUp = { list: portListFolder(10_000).list, page: tablePage(1_000) };

/** An in-process case (run-one.js) in a fresh process: its own timing of the work. */
function inProcess(name: string, file: string): CaseResult {
  const warmUpFile = name === 'table' || name === 'tabletojson' ? warmUp.page : warmUp.list;
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', runOne, name, file, warmUpFile], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${name} ${file} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as CaseResult;
}

/** Two in-process cases in turn, each in a fresh process. */
function pairedCases(a: string, b: string, file: string, runs: number): Paired & { items: number; lowest: number; highest: number } {
  const as: CaseResult[] = [];
  const bs: CaseResult[] = [];
  for (let run = 0; run < runs; run++) {
    as.push(inProcess(a, file));
    bs.push(inProcess(b, file));
  }
  const ratios = as.map((each, index) => each.ms / (bs[index]?.ms ?? Number.NaN));
  return {
    a: median(as.map((each) => each.ms)),
    b: median(bs.map((each) => each.ms)),
    ratio: median(ratios),
    lowest: Math.min(...ratios),
    highest: Math.max(...ratios),
    peakMibA: median(as.map((each) => each.peakMib)),
    items: as[0]?.items ?? 0,
  };
}

const print = (line = '') => console.log(line);
const targets: string[][] = [];
const target = (measure: string, value: string, goal: string, met: boolean) => targets.push([measure, value, goal, met ? 'met' : 'NOT met']);

const listRows: string[] = [];
if (!tablesOnly) {
  // Queries and the cold build, against starting Node.
  const nodeAlone = ['-e', '0'];
  const lookup = pairedProcesses([bin, 'lookup', '22'], nodeAlone, quick ? 3 : 9);
  target('`lookup 22` against `node -e 0`', `${fmt(lookup.ratio, 2)}× (${fmt(lookup.a)} ms against ${fmt(lookup.b)} ms)`, '≤ 2×', lookup.ratio <= 2);
  const coldOut = mkdtempSync(path.join(work, 'cold-'));
  const cold = pairedProcesses([bin, 'build', '--out', coldOut, '--quiet'], nodeAlone, quick ? 3 : 9);
  target('cold `build` of the committed sources against `node -e 0`', `${fmt(cold.ratio, 2)}× (${fmt(cold.a)} ms against ${fmt(cold.b)} ms)`, '≤ 5×', cold.ratio <= 5);

  // A whole build of a large port list, against a whole-process line scan of it.
  const wholeSize = quick ? 10_000 : 100_000;
  const whole = portListFolder(wholeSize);
  const wholeBuild = pairedProcesses([bin, 'build', '--sources', whole.folder, '--out', path.join(whole.folder, 'out'), '--quiet'], [lineScan, whole.list], quick ? 3 : 5);
  target(
    `whole build of a ${fmt(wholeSize)}-entry port list against a line scan (both whole processes)`,
    `${fmt(wholeBuild.ratio, 1)}× (${fmt(wholeBuild.a)} ms against ${fmt(wholeBuild.b)} ms), ${fmt(wholeBuild.peakMibA)} MiB peak`,
    '≤ 15×, ≤ 300 MiB',
    wholeBuild.ratio <= 15 && wholeBuild.peakMibA <= 300,
  );

  // The pipeline's stations in process, by size.
  const listSizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
  const perEntry = new Map<number, number>();
  let ratioAtLargest = Number.NaN;
  for (const size of listSizes) {
    const { list, megabytes } = portListFolder(size);
    const pair = pairedCases('port-list', 'line-scan', list, size >= 1_000_000 ? 3 : 5);
    perEntry.set(size, (pair.a * 1e6) / size);
    ratioAtLargest = pair.ratio;
    listRows.push(
      `| ${fmt(size)} | ${fmt(megabytes, 1)} | ${fmt(pair.a)} | ${fmt(size / (pair.a / 1000))} | ${fmt(pair.peakMibA)} | ${fmt(pair.b, 1)} | ${fmt(pair.ratio, 1)}× | ${fmt((pair.a * 1e6) / size)} |`,
    );
  }
  const largest = listSizes.at(-1) ?? 0;
  target(
    `${fmt(largest)}-entry list, parse + normalize + validate + merge, against the line scan`,
    `${fmt(ratioAtLargest, 1)}×`,
    '≤ 10× (at 1M)',
    ratioAtLargest <= 10,
  );
  if (!quick) {
    const growth = (perEntry.get(1_000_000) ?? Number.NaN) / (perEntry.get(10_000) ?? Number.NaN);
    target('per-entry cost at 1M against 10k', `${fmt(growth, 2)}×`, '≤ 1.3×', growth <= 1.3);

    // About 100 MB of port list, built whole: it must build, or fail with one clear line.
    const huge = portListFolder(1_570_000);
    const run = runProcess(['--max-old-space-size=8192', bin, 'build', '--sources', huge.folder, '--out', path.join(huge.folder, 'out'), '--quiet']);
    const lines = run.stderr.trim().split('\n').filter(Boolean);
    const outcome =
      run.status === 0
        ? `builds: ${fmt(run.ms / 1000, 1)} s, ${fmt(run.peakMib)} MiB peak`
        : `exit ${run.status}: ${lines.length === 1 ? lines[0] : `${lines.length} lines on stderr`}`;
    target(`${fmt(huge.megabytes)} MB port list (${fmt(1_570_000)} entries), whole build`, outcome, 'builds, or one clear message', run.status === 0 || lines.length === 1);
  }

  // Many vendor pages: the committed pages copied under distinct product names, built with no registry.
  // The cost per page, past a 10-page build's, at 1,000 pages against 100.
  const pageBuilds = new Map<number, number>();
  for (const pages of quick ? [10, 100] : [10, 100, 1_000]) {
    const folder = manyPagesFolder(pages);
    pageBuilds.set(pages, pairedProcesses([bin, 'build', '--sources', folder, '--out', path.join(folder, 'out'), '--quiet'], nodeAlone, quick ? 3 : 5).a);
  }
  const perPage = (pages: number) => ((pageBuilds.get(pages) ?? Number.NaN) - (pageBuilds.get(10) ?? Number.NaN)) / (pages - 10);
  if (!quick) {
    const growth = perPage(1_000) / perPage(100);
    target(
      'per-page cost of a build at 1,000 vendor pages against 100 (past a 10-page build)',
      `${fmt(growth, 2)}× (${fmt(perPage(1_000), 2)} ms against ${fmt(perPage(100), 2)} ms a page; builds of ${fmt(pageBuilds.get(100) ?? 0)} and ${fmt(pageBuilds.get(1_000) ?? 0)} ms)`,
      '≤ 1.3×',
      growth <= 1.3,
    );
  }
}

// HTML table pages in process, against tabletojson on the same <table>.
const tableRows: string[] = [];
for (const rows of quick ? [1_000] : [1_000, 20_000, 100_000]) {
  const page = tablePage(rows);
  const pair = pairedCases('table', 'tabletojson', page, rows >= 100_000 ? 3 : 5);
  tableRows.push(`| ${fmt(rows)} | ${fmt(pair.a)} | ${fmt(pair.b)} | ${fmt(pair.ratio, 2)}× (${fmt(pair.lowest, 2)}–${fmt(pair.highest, 2)}) | ${fmt(pair.peakMibA)} |`);
  if (rows >= 20_000) target(`HTML table page of ${fmt(rows)} rows against tabletojson (in process)`, `${fmt(pair.ratio, 2)}× (${fmt(pair.a)} ms against ${fmt(pair.b)} ms)`, '≤ 1.0×', pair.ratio <= 1);
}

print('## The speed targets');
print();
print('| measure | now | target | status |');
print('| --- | --- | --- | --- |');
for (const row of targets) print(`| ${row.join(' | ')} |`);
if (!tablesOnly) {
  print();
  print('## Port list in process: parse + normalize + validate + merge, against a line scan, paired');
  print();
  print('| entries | MB | ms | entries/s | peak RSS MiB | line scan ms | ratio | ns per entry |');
  print('| --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const row of listRows) print(row);
}

print();
print('## HTML table pages in process: parse + normalize + validate + merge, against tabletojson, paired');
print();
print('| rows | ms | tabletojson ms | ratio to tabletojson (spread of pairs) | peak RSS MiB |');
print('| --: | --: | --: | --: | --: |');
for (const row of tableRows) print(row);

// The web page, in a real browser: until its search answers, against a blank page.
if (!tablesOnly) {
  const webPage = path.join(projectRoot, 'output/index.html');
  const load = await measurePageLoad(webPage, work, quick ? 3 : 9, statSync(webPage).size);
  print();
  print('## The web page: time to a usable page, against a blank page, paired');
  print();
  print('| page | bytes | until the search answers `6801`, ms | blank page, ms | ratio |');
  print('| --- | --: | --: | --: | --: |');
  print(`| output/index.html | ${fmt(load.bytes)} | ${fmt(load.page)} | ${fmt(load.blank)} | ${fmt(load.ratio, 2)}× |`);
}
rmSync(work, { recursive: true, force: true });

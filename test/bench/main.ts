/**
 * `npm run bench`: measures port-catalog on synthetic inputs at several
 * sizes and on the committed sources, each case in a fresh process, and
 * prints Markdown tables with the targets of BENCHMARKS.md checked.
 *
 * Options: `--quick` runs only the smallest sizes (a smoke test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './run-one.js';

const quick = process.argv.includes('--quick');
const runOne = fileURLToPath(new URL('./run-one.js', import.meta.url));
const projectRoot = path.resolve(path.dirname(runOne), '..');
const portListSizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
const tableSizes = quick ? [1_000] : [1_000, 10_000, 100_000];
const buildSizes = quick ? [10_000] : [10_000, 100_000];

function run(name: string, size: number): CaseResult {
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', runOne, name, String(size)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${name} ${size} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as CaseResult;
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => bytes / 1e6;
const check = (ok: boolean) => (ok ? 'met' : 'NOT met');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Wall time of fresh processes, A and B in turn, so drift hits both alike. */
function coldRuns(a: string[], b: string[], runs: number): { a: number; b: number; ratio: number } {
  const time = (args: string[]) => {
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'ignore' });
    if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}`);
    return performance.now() - start;
  };
  time(a);
  time(b);
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = time(a);
    const y = time(b);
    ta.push(x);
    tb.push(y);
    ratios.push(x / y);
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios) };
}

const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  console.log(line);
};

print('## Port list: parse + normalize + validate + merge');
print();
print('| entries | MB | ms | entries/s | MB/s | peak RSS MB | baseline ms | ratio to baseline | ns per entry |');
print('| --: | --: | --: | --: | --: | --: | --: | --: | --: |');
const perEntry = new Map<number, number>();
let ratioAtMillion = Number.NaN;
for (const size of portListSizes) {
  const ours = run('port-list', size);
  const base = run('port-list-baseline', size);
  const ratio = ours.ms / base.ms;
  perEntry.set(size, (ours.ms * 1e6) / size);
  if (size === 1_000_000) ratioAtMillion = ratio;
  print(
    `| ${fmt(size)} | ${fmt(mb(ours.bytes), 1)} | ${fmt(ours.ms)} | ${fmt(size / (ours.ms / 1000))} | ${fmt(mb(ours.bytes) / (ours.ms / 1000), 1)} | ${fmt(ours.peakRssMb)} | ${fmt(base.ms, 1)} | ${fmt(ratio, 1)}× | ${fmt((ours.ms * 1e6) / size)} |`,
  );
}

print();
print('## HTML table pages: parse + normalize + validate + merge');
print();
print('| rows | MB | ms | rows/s | MB/s | peak RSS MB | baseline ms | ratio to baseline | tabletojson ms | ratio to tabletojson |');
print('| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
let tableRatioAtLargest = Number.NaN;
for (const size of tableSizes) {
  const ours = run('table', size);
  const base = run('table-baseline', size);
  const other = run('tabletojson', size);
  tableRatioAtLargest = ours.ms / other.ms;
  print(
    `| ${fmt(size)} | ${fmt(mb(ours.bytes), 1)} | ${fmt(ours.ms)} | ${fmt(size / (ours.ms / 1000))} | ${fmt(mb(ours.bytes) / (ours.ms / 1000), 1)} | ${fmt(ours.peakRssMb)} | ${fmt(base.ms, 1)} | ${fmt(ours.ms / base.ms, 1)}× | ${fmt(other.ms)} | ${fmt(ours.ms / other.ms, 2)}× |`,
  );
}

print();
print('## Whole build of a port list, all artifacts written');
print();
print('| entries | ms | peak RSS MB |');
print('| --: | --: | --: |');
let rssAtHundredThousand = Number.NaN;
for (const size of buildSizes) {
  const result = run('build', size);
  if (size === 100_000) rssAtHundredThousand = result.peakRssMb;
  print(`| ${fmt(size)} | ${fmt(result.ms)} | ${fmt(result.peakRssMb)} |`);
}

print();
print('## Cold build of the committed sources (fresh `node` process on the compiled JavaScript)');
print();
const out = mkdtempSync(path.join(tmpdir(), 'port-catalog-cold-'));
const cold = coldRuns([path.join(projectRoot, 'dist/bin.js'), 'build', '--out', out, '--quiet'], ['-e', '0'], quick ? 3 : 9);
print('| command | median ms |');
print('| --- | --: |');
print(`| port-catalog build | ${fmt(cold.a)} |`);
print(`| node -e 0 | ${fmt(cold.b)} |`);
print(`| ratio (median of paired runs) | ${fmt(cold.ratio, 1)}× |`);

print();
print('## Targets');
print();
const growth = (perEntry.get(1_000_000) ?? Number.NaN) / (perEntry.get(10_000) ?? Number.NaN);
print('| target | measured | status |');
print('| --- | --- | --- |');
print(`| cold build within 3× of \`node -e 0\` | ${fmt(cold.ratio, 1)}× | ${check(cold.ratio <= 3)} |`);
if (!quick) {
  print(`| 1M entries within 5× of the baseline | ${fmt(ratioAtMillion, 1)}× | ${check(ratioAtMillion <= 5)} |`);
  print(`| whole build at 100k entries under 1 GB RSS | ${fmt(rssAtHundredThousand)} MB | ${check(rssAtHundredThousand < 1024)} |`);
  print(`| cost per entry at 1M within 1.5× of 10k | ${fmt(growth, 2)}× | ${check(growth <= 1.5)} |`);
  print(`| 100k-row tables no slower than tabletojson | ${fmt(tableRatioAtLargest, 2)}× its time | ${check(tableRatioAtLargest <= 1)} |`);
}

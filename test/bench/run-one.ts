/**
 * Runs one in-process benchmark case and prints one JSON line:
 * `node run-one.js <case> <file> <warm-up file>`. The orchestrator (main.ts)
 * starts a fresh process per run, so each run's peak RSS is its own. The
 * case runs once untimed on the small warm-up file, so the timed run sees
 * compiled code at every size, then once timed on the file.
 *
 * Cases, each over a file main.ts generated:
 * - `port-list`: parse + normalize + validate + merge, the pipeline's own
 *   stations (planDocuments, readDocuments, mergeRecords);
 * - `table`: the same for a Markdown page of one large HTML table;
 * - `line-scan`: the floor any line reader pays: read, split lines, one regex test per line;
 * - `tabletojson`: tabletojson on the page's table, for comparison.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Tabletojson } from 'tabletojson';
import { VFile } from 'vfile';
import type { ManifestSource } from '../../dist/model/record.js';

// The compiled code, as users run it. These stations are not part of the
// library's surface, so they are imported from dist/ (beside .bench/, where
// this file is compiled to) rather than by package name.
const dist = new URL('../dist/', import.meta.url);
const load = async <T>(module: string) => (await import(new URL(module, dist).href)) as T;
const { mergeRecords } = await load<typeof import('../../dist/catalog/merge.js')>('catalog/merge.js');
const { loadFreshReading, planDocuments, readDocuments } = await load<typeof import('../../dist/pipeline/read-documents.js')>('pipeline/read-documents.js');

export interface CaseResult {
  case: string;
  /** Wall time of the measured work, in milliseconds (reading the file included). */
  ms: number;
  /** Entries, rows or records the work produced, to check it did the work. */
  items: number;
  /** Peak RSS of this process, in MiB. */
  peakMib: number;
}

const generator = { name: 'port-catalog-bench', version: '0' };

const sources: Record<string, ManifestSource> = {
  'port-list': { id: 'bench', file: 'list.txt', format: 'port-list', title: 'Bench', url: null },
  table: {
    id: 'bench',
    file: 'page.md',
    format: 'markdown',
    title: 'Bench',
    url: null,
    defaults: { protocols: ['tcp'] },
    columns: { Component: 'name', Port: 'port', Protocol: 'protocol' },
  },
};

/** parse + normalize + validate + merge, from the file's bytes, as a build runs them. */
async function throughPipeline(filePath: string, source: ManifestSource): Promise<number> {
  const file = new VFile({ path: filePath, value: await readFile(filePath) });
  const planned = planDocuments([{ source, file }], { generator });
  const { catalog } = readDocuments(planned, await loadFreshReading(planned));
  return mergeRecords(catalog).records.length;
}

async function lineScan(filePath: string): Promise<number> {
  const text = (await readFile(filePath)).toString('utf8');
  let matched = 0;
  for (const line of text.split('\n')) if (/^\d+\t/.test(line)) matched += 1;
  return matched;
}

async function tabletojson(filePath: string): Promise<number> {
  const page = (await readFile(filePath)).toString('utf8');
  const table = page.slice(page.indexOf('<table>'), page.indexOf('</table>') + '</table>'.length);
  return (Tabletojson.convert(table) as unknown[][])[0]?.length ?? 0;
}

async function work(name: string, filePath: string): Promise<number> {
  if (name === 'port-list' || name === 'table') {
    const source = sources[name];
    if (!source) throw new Error(`no source for ${name}`);
    return throughPipeline(filePath, source);
  }
  if (name === 'line-scan') return lineScan(filePath);
  if (name === 'tabletojson') return tabletojson(filePath);
  throw new Error(`unknown case ${name}`);
}

const [name = '', filePath = '', warmUpPath = ''] = process.argv.slice(2);
await work(name, warmUpPath);
const start = performance.now();
const items = await work(name, filePath);
const ms = performance.now() - start;
const result: CaseResult = { case: name, ms, items, peakMib: process.resourceUsage().maxRSS / 1024 };
console.log(JSON.stringify(result));

/**
 * Runs one benchmark case in this process and prints one JSON line:
 * `node run-one.js <case> <size>`. The orchestrator (main.ts) starts a fresh
 * process per case, so peak RSS is that case's own.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
// The package by its own name: the compiled dist/, exactly as users run it.
import {
  build,
  readSourceText,
  loadSources,
  mergeRecords,
  parseMarkdownHtmlTable,
  parsePortList,
  recordProblems,
  toRecords,
  writeArtifacts,
  type ParseResult,
  type PortRecord,
} from 'port-catalog';
import { Tabletojson } from 'tabletojson';
import { VFile } from 'vfile';
import { generatePortList, generateTablePage } from './generate.js';

const generator = { name: 'port-catalog-bench', version: '0' };

export interface CaseResult {
  case: string;
  size: number;
  bytes: number;
  /** Median wall time of the measured work, in milliseconds. */
  ms: number;
  /** Entries (or rows) the work produced, to check it did the work. */
  items: number;
  /** Peak RSS after one run in a fresh process: what a user's single run reaches. */
  peakRssMb: number;
}

const context = { sourceId: 'bench', ruleSource: 'bench', product: null, defaults: { protocols: ['tcp' as const] } };

/** parse + normalize + validate + merge, from the file's bytes. */
async function throughPipeline(filePath: string, parse: (file: VFile) => ParseResult): Promise<number> {
  const file = new VFile({ path: filePath, value: await readFile(filePath) });
  readSourceText(file);
  const records: PortRecord[] = [];
  for (const entry of parse(file).entries) {
    for (const { record } of toRecords(entry, context, file)) {
      if (recordProblems(record).length === 0) records.push(record);
    }
  }
  return mergeRecords(records).records.length;
}

/** The floor any line-based reader pays: read, split lines, one regex test per line. */
async function baseline(filePath: string): Promise<number> {
  const text = (await readFile(filePath)).toString('utf8');
  let matched = 0;
  for (const line of text.split('\n')) if (/^\d+\t/.test(line)) matched += 1;
  return matched;
}

async function withTempFile(name: string, content: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'port-catalog-bench-'));
  const filePath = path.join(folder, name);
  await writeFile(filePath, content);
  return filePath;
}

/** Median of `runs` timings of `work`, after one warm-up run whose peak RSS is kept. */
async function timed(
  runs: number,
  work: () => Promise<number> | number,
): Promise<{ ms: number; items: number; peakRssMb: number }> {
  let items = await work();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    items = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, items, peakRssMb };
}

async function runCase(name: string, size: number): Promise<CaseResult> {
  const runs = size >= 1_000_000 ? 1 : size >= 100_000 ? 3 : 5;
  let bytes = 0;
  let work: () => Promise<number> | number;
  if (name === 'port-list' || name === 'port-list-baseline') {
    const text = generatePortList(size);
    bytes = Buffer.byteLength(text);
    const filePath = await withTempFile('list.txt', text);
    work = name === 'port-list' ? () => throughPipeline(filePath, parsePortList) : () => baseline(filePath);
  } else if (name === 'table' || name === 'table-baseline' || name === 'tabletojson') {
    const { page, table } = generateTablePage(size);
    bytes = Buffer.byteLength(page);
    const filePath = await withTempFile('page.md', page);
    const columns = { Component: 'name', Port: 'port', Protocol: 'protocol' } as const;
    work =
      name === 'table'
        ? () => throughPipeline(filePath, (file) => parseMarkdownHtmlTable(file, { columns }))
        : name === 'table-baseline'
          ? () => baseline(filePath)
          : () => (Tabletojson.convert(table) as unknown[][])[0]?.length ?? 0;
  } else if (name === 'build') {
    const text = generatePortList(size);
    bytes = Buffer.byteLength(text);
    const folder = path.dirname(await withTempFile('list.txt', text));
    const manifest = { sources: [{ id: 'bench', file: 'list.txt', format: 'port-list', title: 'Bench', url: null }] };
    await writeFile(path.join(folder, 'sources.json'), JSON.stringify(manifest));
    const out = path.join(folder, 'out');
    work = async () => {
      const { documents } = await loadSources(folder);
      const result = await build(documents ?? [], { generator });
      await writeArtifacts(out, result.artifacts);
      return result.dataset.records.length;
    };
  } else {
    throw new Error(`unknown case ${name}`);
  }
  const { ms, items, peakRssMb } = await timed(runs, work);
  return { case: name, size, bytes, ms, items, peakRssMb };
}

const [name = '', size = '0'] = process.argv.slice(2);
console.log(JSON.stringify(await runCase(name, Number(size))));

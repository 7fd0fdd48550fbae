/**
 * Regex-heavy code must stay linear on hostile input. Each case runs at size
 * n and after doubling twice (4n): linear work grows about 4 times, quadratic
 * work 16 times. The test bounds that growth ratio at 8, midway, never an
 * absolute time, and takes the fastest of several runs so a busy machine
 * does not fail it.
 */
import { performance } from 'node:perf_hooks';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { toRecords } from '../src/normalize/to-records.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import { parsePortList } from '../src/parsers/port-list/parse.js';

const runs = 5;
const doublings = 2;
const maxGrowth = 8;
/** Sizes large enough that timer noise is small next to the work, per format (remark is the slower). */
const baseSize = { portList: 50_000, markdown: 10_000 };

/** Fastest of several runs, in milliseconds. */
function fastest(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const context = { sourceId: 'doc', ruleSource: 'test', product: null, defaults: { protocols: ['tcp' as const] } };

function throughPortList(text: string): void {
  const file = new VFile({ path: 'doc', value: text });
  for (const entry of parsePortList(file).entries) toRecords(entry, context, file);
}

function throughMarkdown(text: string): void {
  const file = new VFile({ path: 'doc', value: text });
  for (const entry of parseMarkdownHtmlTable(file, { columns: { Name: 'name', Port: 'port' } }).entries) {
    toRecords(entry, context, file);
  }
}

/** Hostile runs of one character or pattern, about `size` characters long. */
const hostile: Record<string, (size: number) => string> = {
  spaces: (size) => `a${' '.repeat(size)}b`,
  digits: (size) => '1'.repeat(size),
  stars: (size) => '*'.repeat(size),
  tabs: (size) => `${'\t'.repeat(size)}x`,
  brackets: (size) => '['.repeat(size),
  'link openers': (size) => '[](' .repeat(size / 3),
  pipes: (size) => `x${' |'.repeat(size / 2)} x`,
  'RFC mentions': (size) => 'RFC 1 and '.repeat(size / 10),
  'labels': (size) => 'Auth - '.repeat(size / 7),
  'bold openers': (size) => '** a'.repeat(size / 4),
  'spaces before More': (size) => `x${' '.repeat(size)}More`,
};

/** Where a hostile run can sit in each format. */
interface Placement {
  work: (text: string) => void;
  size: number;
  document: (run: string) => string;
}

const table = (cell: string) => `<table><tr><th>Name</th><th>Port</th></tr><tr><td>${cell}</td><td>1</td></tr></table>`;
const placements: Record<string, Placement> = {
  'a port-list line': { work: throughPortList, size: baseSize.portList, document: (run) => run },
  'a tab row name': { work: throughPortList, size: baseSize.portList, document: (run) => `80\tTCP\t${run}` },
  'a tab row detail': { work: throughPortList, size: baseSize.portList, document: (run) => `80\tTCP\tX\n\t${run}\t` },
  'an inline bold name': { work: throughPortList, size: baseSize.portList, document: (run) => `102 TCP **${run} |**\nUDP **B**` },
  'a block paragraph': { work: throughPortList, size: baseSize.portList, document: (run) => `7 TCP UDP\n\n${run}` },
  'a table cell': { work: throughMarkdown, size: baseSize.markdown, document: table },
  'a legend item': {
    work: throughMarkdown,
    size: baseSize.markdown,
    document: (run) => `${table('A')}\n\nLegend:\n\n- ${run}: ${run}`,
  },
};

describe('linear time on hostile input', () => {
  for (const [placement, { work, size, document }] of Object.entries(placements)) {
    for (const [name, make] of Object.entries(hostile)) {
      it(`${name} in ${placement}`, () => {
        const small = document(make(size));
        const large = document(make(size * 2 ** doublings));
        work(small); // warm up the JIT before measuring
        const growth = fastest(() => work(large)) / Math.max(fastest(() => work(small)), 0.5);
        expect(growth).toBeLessThan(maxGrowth);
      }, 30_000);
    }
  }
});

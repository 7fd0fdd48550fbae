/**
 * Costs bounded by input size: hostile tables, deep nesting and huge sources
 * cost time and memory in proportion to their bytes, and what cannot be
 * built fails with one line.
 */
import { VFile } from 'vfile';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { formatMessage } from '../src/model/messages.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import { extractTables } from '../src/parsers/tables/html.js';
import { overlappingPairs } from '../src/catalog/overlaps.js';
import type { PortRecord } from '../src/model/record.js';
import { record } from './records.js';
import { captureOutput, folderWith } from './helpers.js';
import { expectLinear } from './linear-growth.js';

const columns = { Name: 'name', Port: 'port' } as const;

describe('costs bounded by input size', () => {
  it('cuts spans that would outgrow the markup, with a warning at the table', () => {
    const rows = '<tr></tr>\n'.repeat(20_000);
    const page = `<table>\n<tr><th>Name</th><th>Port</th></tr>\n<tr><td rowspan="65534" colspan="1000">x</td><td>1</td></tr>\n${rows}</table>\n`;
    const file = new VFile({ path: 'page.md', value: page });
    const before = process.memoryUsage().heapUsed;
    parseMarkdownHtmlTable(file, { columns });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
    expect(file.messages.map(formatMessage)).toContain(
      'page.md:1:1: warning: Unexpected spans larger than the table can fill, expected rowspan and colspan within its rows; cut to one cell each (markdown-html-table:table-clamped)',
    );
  });

  it('reads tables nested in cells in linear time (4× the depth, under 8× the time)', () => {
    const nested = (depth: number) => `<table><tr><td>${'<table><tr><td>'.repeat(depth)}x${'</td></tr></table>'.repeat(depth)}</td></tr></table>`;
    expectLinear(extractTables, nested(2_000), nested(8_000));
  }, 60_000);

  it('reads deeply nested spans in a cell in linear time (4× the depth, under 8× the time)', () => {
    const spans = (depth: number) => `<table><tr><th>Name</th><th>Port</th></tr><tr><td>${'<span>'.repeat(depth)}x${'</span>'.repeat(depth)}</td><td>1</td></tr></table>`;
    expectLinear(extractTables, spans(10_000), spans(40_000));
  }, 60_000);
});

describe('overlap sweeps', () => {
  it('cost no more than the pairs they make when one side has many overlapping ranges (4× the ranges, under 8× the time)', () => {
    const side = (count: number) => Array.from({ length: count }, () => record({ portStart: 1, portEnd: 100 }));
    const few = [record({ portStart: 200 }), record({ portStart: 300 })];
    const pairsOf = ([many, other]: [PortRecord[], PortRecord[]]) => {
      if (overlappingPairs(many, other).length + overlappingPairs(other, many).length !== 0) throw new Error('no pair expected');
    };
    expectLinear(pairsOf, [side(20_000), few], [side(80_000), few]);
  });
});

describe('a dataset too large to hold', () => {
  const { stderr } = captureOutput();

  it('fails with one line, not a stack trace', async () => {
    vi.spyOn(JSON, 'stringify').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    expect(await main(['build', '--out', await folderWith({})])).toBe(1);
    expect(stderr.at(-1)).toBe(
      'port-catalog: the sources make a dataset too large to hold as one text (Invalid string length), expected sources that build an artifact under 512 MB',
    );
  });
});

/**
 * The readers must stay linear on hostile input: on one long line, and on
 * many lines. Each case runs at size n and at 4n and bounds the growth (see
 * linear-growth.ts).
 */
import { VFile } from 'vfile';
import { describe, it } from 'vitest';
import { toRecords } from '../src/normalize/to-records.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import { parsePortList } from '../src/parsers/port-list/parse.js';
import { expectLinear } from './linear-growth.js';

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

describe('linear time on one hostile line', () => {
  /** Sizes large enough that the work is not lost in fixed costs, per format (remark is the slower). */
  const baseSize = { portList: 20_000, markdown: 5_000 };

  /** Hostile runs of one character or pattern, about `size` characters long. */
  const hostile: Record<string, (size: number) => string> = {
    spaces: (size) => `a${' '.repeat(size)}b`,
    digits: (size) => '1'.repeat(size),
    stars: (size) => '*'.repeat(size),
    tabs: (size) => `${'\t'.repeat(size)}x`,
    brackets: (size) => '['.repeat(size),
    'link openers': (size) => '[]('.repeat(size / 3),
    pipes: (size) => `x${' |'.repeat(size / 2)} x`,
    'RFC mentions': (size) => 'RFC 1 and '.repeat(size / 10),
    labels: (size) => 'Auth - '.repeat(size / 7),
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

  for (const [placement, { work, size, document }] of Object.entries(placements)) {
    for (const [name, make] of Object.entries(hostile)) {
      it(`${name} in ${placement}`, () => {
        expectLinear(work, document(make(size)), document(make(size * 4)));
      }, 30_000);
    }
  }
});

/**
 * Many lines: the document grows by its number of lines, so work done per
 * line over all earlier lines (copying them, rescanning them, joining an
 * entry's lines again for every new one) shows. `lines(n, width)` makes a
 * document of about n lines, each about `width` characters wide.
 */
describe('linear time on many lines', () => {
  const filler = (width: number) => 'w'.repeat(Math.max(1, width));
  const range = (count: number) => Array.from({ length: count }, (_, index) => index);
  const portOf = (index: number) => index % 65536;

  interface ManyLines {
    work: (text: string) => void;
    /** Lines at size n. */
    count: number;
    lines: (count: number, width: number) => string;
  }

  const cases: Record<string, ManyLines> = {
    'tab rows': { work: throughPortList, count: 2_500, lines: (n, w) => range(n).map((i) => `${portOf(i)}\tTCP\tService ${filler(w)}`).join('\n') },
    'tab rows with a detail line each': {
      work: throughPortList,
      count: 2_500,
      lines: (n, w) => range(n).map((i) => `${portOf(i)}\tTCP UDP\tService\n\tDetail ${filler(w)}\t`).join('\n'),
    },
    'one tab row with many detail lines': {
      work: throughPortList,
      count: 5_000,
      lines: (n, w) => ['80\tTCP\tHTTP', ...range(n).map(() => `\tDetail ${filler(w)}\t`)].join('\n'),
    },
    'blank-line blocks': {
      work: throughPortList,
      count: 1_250,
      lines: (n, w) => range(n).map((i) => `${portOf(i)} TCP UDP\n\nName ${filler(w)}\n\nDescription ${filler(w)}`).join('\n\n'),
    },
    'one block with a paragraph of many lines': {
      work: throughPortList,
      count: 5_000,
      lines: (n, w) => ['7 TCP UDP', '', ...range(n).map(() => `prose ${filler(w)}`)].join('\n'),
    },
    'bullets': {
      work: throughPortList,
      count: 1_250,
      lines: (n, w) => range(n).map((i) => `- ${portOf(i)}\n\nTCP\n\nName ${filler(w)}`).join('\n\n'),
    },
    'inline bold names with a line per protocol': {
      work: throughPortList,
      count: 2_500,
      lines: (n, w) => range(n).map((i) => `${portOf(i)} TCP **A ${filler(w)} |**\nUDP **B**`).join('\n'),
    },
    'a double-spaced list': {
      work: throughPortList,
      count: 2_500,
      lines: (n, w) => range(n).map((i) => `${portOf(i)}\tTCP\tService ${filler(w)}`).join('\n\n'),
    },
    'headings and separators': {
      work: throughPortList,
      count: 1_250,
      lines: (n, w) => range(n).map((i) => `${i}-${i + 9}\n\n${portOf(i)}\tTCP\tS ${filler(w)}\n---------\t---------`).join('\n'),
    },
    'stray text, each line reported': {
      work: throughPortList,
      count: 5_000,
      lines: (n, w) => ['Title', '80\tTCP\tHTTP', '', '1-2', ...range(n).map(() => `stray ${filler(w)}`)].join('\n'),
    },
    'lines that start with a port but fit no layout': {
      work: throughPortList,
      count: 2_500,
      lines: (n, w) => ['80\tTCP\tHTTP', ...range(n).map((i) => `${portOf(i)} TCP UDP words ${filler(w)}`)].join('\n'),
    },
    'table rows': {
      work: throughMarkdown,
      count: 200,
      lines: (n, w) =>
        ['<table>', '<tr><th>Name</th><th>Port</th></tr>', ...range(n).map((i) => `<tr><td>S ${filler(w)}</td><td>${portOf(i)}</td></tr>`), '</table>'].join('\n'),
    },
    'tables': {
      work: throughMarkdown,
      count: 50,
      lines: (n, w) => range(n).map((i) => `<table><tr><th>Name</th><th>Port</th></tr><tr><td>S ${filler(w)}</td><td>${portOf(i)}</td></tr></table>`).join('\n\n'),
    },
    'pipe table rows': {
      work: throughMarkdown,
      count: 150,
      lines: (n, w) => ['| Name | Port |', '| - | - |', ...range(n).map((i) => `| S ${filler(w)} | ${portOf(i)} |`)].join('\n'),
    },
    'legend items': {
      work: throughMarkdown,
      count: 150,
      lines: (n, w) =>
        ['<table><tr><th>Name</th><th>Port</th></tr><tr><td>A</td><td>1</td></tr></table>', '', 'Legend:', '', ...range(n).map((i) => `- T${i}: ${filler(w)}`)].join('\n'),
    },
  };

  for (const [name, { work, count, lines }] of Object.entries(cases)) {
    it(`${name}: 4× the lines`, () => {
      expectLinear(work, lines(count, 10), lines(count * 4, 10));
    }, 30_000);

    it(`${name}: 2× the lines, each 2× as long`, () => {
      expectLinear(work, lines(count, 40), lines(count * 2, 80));
    }, 30_000);
  }
});

/**
 * Nesting bounded as a browser bounds it: past 512 open elements the HTML
 * parser flattens (src/parsers/tables/html-tree.ts), so a cell holding
 * 100,000 nested elements reads in linear time, with one `depth-capped`
 * warning at the first element flattened, and the grid around it unchanged.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/model/messages.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import { extractTables } from '../src/parsers/tables/html.js';
import type { CappedElement } from '../src/parsers/tables/html-tree.js';
import { expectLinear } from './linear-growth.js';

/** Tables' cell texts, and the elements reported as flattened. */
function read(html: string) {
  const capped: CappedElement[] = [];
  const tables = extractTables(html, 0, (element) => capped.push(element));
  return { grids: tables.map((table) => table.rows.map((row) => row.map((cell) => cell.text))), capped };
}

const header = '<table><tr><th>Port</th><th>Protocol</th></tr><tr><td>';
/** A two-row table whose first body cell holds `80` inside `depth` nested `<div>`s. */
const nestedDivs = (depth: number) => `${header}${'<div>'.repeat(depth)}80${'</div>'.repeat(depth)}</td><td>TCP</td></tr><tr><td>443</td><td>UDP</td></tr></table>`;

describe('nesting past 512 open elements', () => {
  it('reads a cell nested up to the cap as it is, with no message', () => {
    // A fragment's parse opens <html>, then <table>, <tbody>, <tr> and <td>: 5, and 507 divs make 512.
    expect(read(nestedDivs(507))).toEqual({ grids: [[['Port', 'Protocol'], ['80', 'TCP'], ['443', 'UDP']]], capped: [] });
  });

  it('flattens from the first element past the cap, keeps the grid, and says where', () => {
    // The 508th <div> would be the 513th open element; each <div> is 5 characters.
    expect(read(nestedDivs(600))).toEqual({
      grids: [[['Port', 'Protocol'], ['80', 'TCP'], ['443', 'UDP']]],
      capped: [{ tag: 'div', offset: header.length + 507 * 5 }],
    });
  });

  it('reports each run of too-deep nesting once, at its first element', () => {
    const deep = (text: string) => `<td>${'<span>'.repeat(600)}${text}${'</span>'.repeat(600)}</td>`;
    const html = `<table><tr>${deep('a')}${deep('b')}</tr></table>`;
    const firstCell = '<table><tr><td>'.length;
    const secondCell = firstCell + 600 * 6 + 1 + 600 * 7 + '</td><td>'.length;
    // <html>, <table>, <tbody>, <tr>, <td> and 507 spans are open when the 508th comes; each <span> is 6 characters.
    expect(read(html)).toEqual({
      grids: [[['a', 'b']]],
      capped: [
        { tag: 'span', offset: firstCell + 507 * 6 },
        { tag: 'span', offset: secondCell + 507 * 6 },
      ],
    });
  });

  it('still ends a cell left open at the next <td>, as a browser does', () => {
    const html = `<table><tr><td>${'<div><span>'.repeat(1000)}80<td>TCP<tr><td>443<td>UDP</table>`;
    expect(read(html).grids).toEqual([[['80', 'TCP'], ['443', 'UDP']]]);
  });

  it('keeps block elements past the cap as breaks between items', () => {
    // A flattened <p> is empty and its text follows it, as in Chromium's flattened tree; it still separates items.
    const html = `<table><tr><td>${'<div>'.repeat(600)}<p>80</p><p>443</p>${'</div>'.repeat(600)}</td></tr></table>`;
    const [table] = extractTables(html);
    expect(table?.rows[0]?.[0]?.items.map((item) => item.text)).toEqual(['80', '443']);
    expect(table?.rows[0]?.[0]?.text).toBe('80 443');
  });

  it('warns at the element in a page, under the page format', () => {
    const page = ['Ports:', '', header, `${'<div><span>'.repeat(300)}80${'</span></div>'.repeat(300)}</td><td>TCP</td></tr></table>`].join('\n');
    const file = new VFile({ path: 'page.md', value: page });
    const { entries } = parseMarkdownHtmlTable(file, { columns: { Port: 'port', Protocol: 'protocol' } });
    expect(entries.map((entry) => [entry.port, entry.protocols, entry.place.line])).toEqual([['80', ['TCP'], 3]]);
    // <html>, <table>, <tbody>, <tr> and <td> are 5; 253 pairs and the 254th <div> make 512, so the 254th <span> is
    // flattened: on line 4, after 253 pairs of 11 characters and a <div> of 5, at column 2783 + 5 + 1 = 2789.
    expect(file.messages.map(formatMessage)).toEqual([
      'page.md:4:2789: warning: Unexpected element nested past 512 levels (`<span>`), expected at most 512; it and deeper elements are flattened, as Chromium does (markdown-html-table:depth-capped)',
    ]);
  });
});

describe('nesting costs linear time', () => {
  const shapes: Record<string, (depth: number) => string> = {
    'closed <div><span>': (depth) => `<table><tr><td>${'<div><span>'.repeat(depth)}80${'</span></div>'.repeat(depth)}</td></tr></table>`,
    'unclosed <div><span>': (depth) => `<table><tr><td>${'<div><span>'.repeat(depth)}80<td>TCP</table>`,
    'tables in cells': (depth) => `<table><tr><td>${'<table><tr><td>'.repeat(depth)}80</table>`,
    'lists in items': (depth) => `<table><tr><td>${'<ul><li>'.repeat(depth)}80</table>`,
    'formatting elements': (depth) => `<table><tr><td>${'<b><i><em>'.repeat(depth)}80</table>`,
  };
  // The shape up to 100,000 levels; the others at a quarter of that, already 50 times past the cap.
  for (const [name, shape] of Object.entries(shapes)) {
    const depth = name === 'closed <div><span>' ? 25_000 : 6_250;
    it(`${name}: ${depth.toLocaleString('en')} then ${(depth * 4).toLocaleString('en')} levels`, () => {
      expectLinear((html: string) => extractTables(html), shape(depth), shape(depth * 4));
    }, 120_000);
  }
});

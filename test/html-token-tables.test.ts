/**
 * The token reading of HTML tables (html-token-tables.ts) against the whole
 * parse (html.ts, `readTablesFromTree`): where the token reading gives
 * tables, they must be the whole parse's, to every cell's text, item, offset
 * and span; where the markup needs the tree builder, it must give null.
 * The Chromium grids (html-grid.test.ts) hold the whole parse to the browser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTables, readTablesFromTree } from '../src/parsers/tables/html.js';
import { readTablesFromTokens } from '../src/parsers/tables/html-token-tables.js';
import type { Table } from '../src/parsers/tables/table.js';

/** Each slot's text, null where no cell covers it. */
const texts = (tables: readonly Table[] | null) => tables?.map((table) => table.rows.map((row) => row.map((cell) => (cell.offset < 0 ? null : cell.text))));

/** Pieces of markup that the token reading follows. */
const plainPieces = [
  '<table>', '</table>', '<thead>', '</thead>', '<tbody>', '</tbody>', '<tfoot>', '</tfoot>', '<tbody hidden>', '<thead style="display: none">',
  '<tr>', '</tr>', '<tr hidden>', '<TR>', '<td>', '</td>', '<th>', '</th>', '<td rowspan="2">', '<td rowspan="0">', '<td colspan="3">',
  '<th colspan="0">', '<td rowspan=x>', '<td hidden>', '<td style="DISPLAY : none">', '<TD ROWSPAN=2>',
  '80', '443/tcp', 'a b', ' ', '\n', '\t', '&amp;', '&nbsp;', '&#8203;', 'e&#769;', '&#x0;', '&lt;td&gt;', '<!-- c -->', '<!-- </table> -->',
  '<p>', '</p>', '<p/>', '<ul>', '</ul>', '<ol>', '</ol>', '<li>', '</li>', '<div>', '</div>', '<span>', '</span>', '<span hidden>',
  '<div style="display:none">', '<li hidden>', '<br>', '<br/>', '<br hidden>',
];
/** Pieces that need the tree builder somewhere: formatting, nesting, raw text, foreign content, foster parenting. */
const hostilePieces = [
  '<b>', '</b>', '<strong>', '</strong>', '<a href="x">', '</a>', '<code>', '<template>', '</template>', '<caption>', '<colgroup><col>',
  '<script>x</script>', '<style>td{}</style>', '<textarea></td></textarea>', '<svg><td>', '<select>', '<html>', '<body>', '</body>',
  '</br>', '<pre>\n', '\u0000', '<!DOCTYPE html>', '<table><tr><td>inner</table>', '<h1>', '</h1>', '<noscript>', '<plaintext>',
  '<img src=x>', 'x<table>', '<![CDATA[ <td> ]]>', '</span>', '</li>', '</p>', '</div>',
];

/** What a well-formed cell may hold: no end tag but in a piece it closes, openers left to the cell's end. */
const cellPieces = [
  ...plainPieces.filter((piece) => !/^<\/|table|t(?:head|body|foot)|<t[rdh]/i.test(piece)),
  '<p>80</p>', '<span>a</span>', '<ul><li>1</li><li>2</li></ul>', '<ol><li>1<li>2</ol>', '<div><p>a</p>b</div>', '<span hidden>x</span>',
  '<p hidden>x</p>', '<li>a', '<p>a', '<ul><li>80<li>443</li></ul>',
];
const cellTags = ['<td>', '<th>', '<td rowspan="2">', '<td colspan="2">', '<td rowspan="0">', '<td hidden>', '<td style="display:none">'];

const markup = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...plainPieces) }, { weight: 1, arbitrary: fc.constantFrom(...hostilePieces) }), { maxLength: 60 }).map((pieces) => pieces.join(''));
/** A table that is well formed but for what its cells hold, with text around it, then a hostile piece or none. */
const framedTable = fc
  .tuple(
    fc.constantFrom('', 'Intro.\n\n', '{ "title": "T" }', '<!-- note -->'),
    fc.array(fc.tuple(fc.constantFrom(...cellTags), fc.array(fc.constantFrom(...cellPieces), { maxLength: 8 })), { maxLength: 8 }),
    fc.constantFrom('', '\n\nLegend:\n\n- A: b\n', '<table><tr><td>2</td></tr></table>'),
    fc.option(fc.tuple(fc.constantFrom(...hostilePieces), fc.nat()), { freq: 2 }),
  )
  .map(([before, cells, after, hostile]) => {
    const rows = cells.map(([tag, cell]) => `<tr>${tag}${cell.join('')}</td><td>x</td></tr>`).join('\n');
    const text = `${before}<table>\n<tbody>\n${rows}\n</tbody>\n</table>${after}`;
    if (hostile === null) return text;
    const [piece, at] = hostile;
    const place = at % (text.length + 1);
    return text.slice(0, place) + piece + text.slice(place);
  });

describe('tables from tokens, against the whole parse', () => {
  it('gives the whole parse tables where it gives any, over random and hostile markup', () => {
    let runs = 0;
    let read = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: markup }, { weight: 3, arbitrary: framedTable }), fc.nat({ max: 50 }), (html, base) => {
        runs += 1;
        const fromTokens = readTablesFromTokens(html, base);
        if (fromTokens === null) return;
        read += 1;
        expect(fromTokens).toEqual(readTablesFromTree(html, base));
      }),
      { numRuns: 3000 },
    );
    // The inputs must reach the token reading often, or the property says little.
    expect(read).toBeGreaterThan(runs / 4);
  });

  it('reads the benchmark shape from tokens: lists, paragraphs, rowspans, offsets', () => {
    const html =
      'Intro.\n\n<table>\n<thead>\n<tr><th>Component</th><th><p>Port</p></th></tr>\n</thead>\n<tbody>\n' +
      '<tr><td><p><span>Relay</span></p>\n<ul>\n<li>k.a</li>\n<li>k.b</li>\n</ul></td><td rowspan="2"><p>\u00a0</p>\n<ul>\n<li>80</li>\n<li>81</li>\n</ul></td></tr>\n' +
      '<tr><td>Web&nbsp;UI</td></tr>\n</tbody>\n</table>\n';
    const tables = readTablesFromTokens(html);
    expect(tables).toEqual(readTablesFromTree(html));
    expect(texts(tables)).toEqual([
      [
        ['Component', 'Port'],
        ['Relay k.a k.b', '80 81'],
        ['Web UI', '80 81'],
      ],
    ]);
    const relay = tables?.[0]?.rows[1]?.[0];
    expect(relay?.offset).toBe(html.indexOf('<td><p><span>Relay'));
    expect(relay?.items).toEqual([
      { kind: 'paragraph', text: 'Relay', offset: html.indexOf('Relay') },
      { kind: 'list-item', text: 'k.a', offset: html.indexOf('k.a') },
      { kind: 'list-item', text: 'k.b', offset: html.indexOf('k.b') },
    ]);
    expect(tables?.[0]?.headerRows).toBe(1);
  });

  it('closes what an end tag closes as the tree builder does', () => {
    const html = '<table><tr><td><div><ul><li>a<span>b</ul>c</div><ol><li>d<p>e</ol></td></tr></table>';
    const tables = readTablesFromTokens(html);
    expect(tables).toEqual(readTablesFromTree(html));
    expect(tables?.[0]?.rows[0]?.[0]?.items.map((item) => [item.kind, item.text])).toEqual([
      ['list-item', 'ab'],
      ['paragraph', 'c'],
      ['text', 'd'],
      ['paragraph', 'e'],
    ]);
  });

  it('closes an open <p> or <li> as the tree builder does', () => {
    const html = '<table><tr><td><p>a<span>b<p>c<ul><li>d<div>e<li>f</li></ul>g</td></tr></table>';
    const tables = readTablesFromTokens(html);
    expect(tables).toEqual(readTablesFromTree(html));
    expect(tables?.[0]?.rows[0]?.[0]?.items.map((item) => [item.kind, item.text])).toEqual([
      ['paragraph', 'ab'],
      ['paragraph', 'c'],
      ['text', 'd'],
      ['paragraph', 'e'],
      ['list-item', 'f'],
      ['text', 'g'],
    ]);
  });

  // Each shape the token reading claims, read from tokens (not left to the
  // whole parse, which would give the same tables and hide a reading that
  // gives up too often), with each cell's text written out.
  it.each([
    ['a cell straight in <table>: row group and row implied', '<table><td>80</td></table>', [[['80']]]],
    ['a row straight in <table>: row group implied', '<table><tr><td>80</td></tr></table>', [[['80']]]],
    ['cells and rows closed by the next, with no end tags', '<table><tr><td>a<td>b<tr><td>c<td>d</table>', [[['a', 'b'], ['c', 'd']]]],
    ['row groups closed by the next, whitespace and comments between', '<table>\n<thead> <tr><th>Port</th></tr> </thead>\n<!-- c -->\n<tbody><tr><td>80</td></tr>\n<tbody><tr><td>443</td></tr></table>', [[['Port'], ['80'], ['443']]]],
    ['end tags of a row group and a row', '<table><tbody><tr><td>80</td></tr></tbody><tfoot><tr><td>443</td></tr></tfoot></table>', [[['80'], ['443']]]],
    ['a </table> that closes an open cell, <p> and list', '<table><tr><td><p>a<ul><li>80</table>', [[['a 80']]]],
    ['text and comments outside the tables, and two tables', 'Ports: <!-- x --> see<table><tr><td>80</td></tr></table>\nand<table><tr><td>443</td></tr></table>', [[['80']], [['443']]]],
    ['spaces inside a cell\u2019s text', '<table><tr><td>a b\tc</td></tr></table>', [[['a b c']]]],
    ['a <li> that closes an open <li> past a <span>', '<table><tr><td><li>a<span>b<li>c</td></tr></table>', [[['ab c']]]],
    ['a </li> that closes its <li> and what it holds', '<table><tr><td><ul><li>a<span>b</li><li>c</li></ul></td></tr></table>', [[['ab c']]]],
    ['a cell after a row\u2019s end tag: a row implied', '<table><tr><td>a</td></tr><td>b</td></table>', [[['a'], ['b']]]],
    ['a cell straight in <tbody>: a row implied', '<table><tbody><td>80</td></tbody></table>', [[['80']]]],
    ['the end tag of a row group the markup implied', '<table><tr><td>80</td></tr></tbody></table>', [[['80']]]],
    ['a space between two elements in a cell', '<table><tr><td><span>a</span> <span>b</span></td></tr></table>', [[['a b']]]],
    ['elements nested 256 deep in a cell', `<table><tr><td>${'<span>'.repeat(256)}80</td></tr></table>`, [[['80']]]],
  ])('reads %s from tokens, as the whole parse does', (_, html, expected) => {
    const tables = readTablesFromTokens(html);
    expect(tables).not.toBeNull();
    expect(tables).toEqual(readTablesFromTree(html));
    expect(texts(tables)).toEqual(expected);
  });

  it('leaves a cell 257 elements deep to the whole parse', () => {
    expect(readTablesFromTokens(`<table><tr><td>${'<span>'.repeat(257)}80</td></tr></table>`)).toBeNull();
  });

  it.each([
    ['text a table would foster-parent', '<table><tr>port<td>80</td></tr></table>'],
    ['a table inside a cell', '<table><tr><td><table><tr><td>80</td></tr></table></td></tr></table>'],
    ['a formatting element', '<table><tr><td><b>80</b></td></tr></table>'],
    ['an end tag that closes no open element', '<table><tr><td>80</span></td></tr></table>'],
    ['a </span> behind a <p>', '<table><tr><td><span><p>80</span></td></tr></table>'],
    ['a </li> outside the list opened in its <li>', '<table><tr><td><li>a<ul><li>80</li></li></td></tr></table>'],
    ['a </p> with no <p> open', '<table><tr><td>80</p></td></tr></table>'],
    ['a </td> for a <th>', '<table><tr><th>80</td></tr></table>'],
    ['a <template>', '<table><tr><td><template><td>x</template>80</td></tr></table>'],
    ['a <caption>', '<table><caption>Ports</caption><tr><td>80</td></tr></table>'],
    ['an end tag of a row group that is not open', '<table><tbody hidden><tr><td>a</td></tr></thead><tr><td>b</td></tr></table>'],
    ['a </tr> with no row open', '<table><tbody></tr><tr><td>80</td></tr></table>'],
    ['a table left open at the end', '<table><tr><td>80'],
    ['a tag outside any table', '<p>Ports</p><table><tr><td>80</td></tr></table>'],
    ['a NUL character', '<table><tr><td>8\u00000</td></tr></table>'],
    ['a <script> in a cell', '<table><tr><td><script>"</td>"</script>80</td></tr></table>'],
  ])('leaves %s to the whole parse', (_, html) => {
    expect(readTablesFromTokens(html)).toBeNull();
    expect(extractTables(html)).toEqual(readTablesFromTree(html));
  });

  it('leaves nesting that nears the parser cap to the whole parse', () => {
    const html = `<table><tr><td>${'<span>'.repeat(300)}80</td></tr></table>`;
    expect(readTablesFromTokens(html)).toBeNull();
    expect(texts(extractTables(html))).toEqual([[['80']]]);
  });
});

/**
 * Edge cases of the HTML table reader: row groups that are skipped, the
 * header-row heuristic, the span budget, hidden cells, and cell items with
 * their kinds and offsets.
 *
 * No Chromium was at hand for these shapes, so where a test states what a
 * browser renders, the expectation is reasoned from the HTML Standard's
 * table-processing model and rendering rules (`[hidden] { display: none }`,
 * a row group with `display: none` generates no rows) and from CSS syntax
 * (whitespace may stand around `:` and after `;`, property names and
 * keywords are ASCII case-insensitive), as the comments say.
 */
import { describe, expect, it } from 'vitest';
import { extractTables } from '../src/parsers/tables/html.js';
import type { Table } from '../src/parsers/tables/table.js';

/** Each slot's text, null where no cell covers it. */
const texts = (table: Table | undefined) => table?.rows.map((row) => row.map((cell) => (cell.offset < 0 ? null : cell.text)));
/** Each slot's spanned flag. */
const spans = (table: Table | undefined) => table?.rows.map((row) => row.map((cell) => cell.spanned));
/** `count` rows, each the given row. */
const repeat = <T>(count: number, row: T[]): T[][] => Array.from({ length: count }, () => row);

describe('row groups', () => {
  it('leaves out a hidden or display:none row group', () => {
    // A row group that is display:none generates no row boxes, so none of its rows are laid out.
    const [table] = extractTables(
      '<table><thead hidden><tr><th>H</th></tr></thead>' +
        '<tbody style="display:none"><tr><td>x</td></tr></tbody>' +
        '<tbody><tr><td>b</td></tr><tr><td>c</td></tr></tbody></table>',
    );
    expect(texts(table)).toEqual([['b'], ['c']]);
    expect(table?.headerRows).toBe(0);
  });

  it('looks past a caption and a colgroup for the header row', () => {
    const [table] = extractTables(
      '<table><caption>Ports</caption><colgroup><col></colgroup>' +
        '<tr><th>Port</th><th>Proto</th></tr><tr><td>22</td><td>tcp</td></tr></table>',
    );
    expect(texts(table)).toEqual([
      ['Port', 'Proto'],
      ['22', 'tcp'],
    ]);
    expect(table?.headerRows).toBe(1);
  });

  it('reads an empty first tbody as no header, and the rows after it', () => {
    const [table] = extractTables('<table><tbody></tbody><tbody><tr><th>A</th></tr><tr><td>1</td></tr></tbody></table>');
    expect(texts(table)).toEqual([['A'], ['1']]);
    expect(table?.headerRows).toBe(0);
  });

  it('says the table is HTML and where it starts', () => {
    const [table] = extractTables('<p>x</p><table><tr><td>a</td></tr></table>', 100);
    expect(table?.markup).toBe('html');
    expect(table?.offset).toBe(108);
  });
});

describe('header row without a thead', () => {
  const headerRowsOf = (firstRow: string) =>
    extractTables(`<table><tr>${firstRow}</tr><tr><td>22</td><td>tcp</td></tr></table>`)[0]?.headerRows;

  it('is a row of <th> only when another row follows', () => {
    expect(extractTables('<table><tr><th>A</th><th>B</th></tr></table>')[0]?.headerRows).toBe(0);
    expect(headerRowsOf('<th>A</th><th>B</th>')).toBe(1);
  });

  it('is not a row of plain <td>, an empty row, or a mix of <th> and <td>', () => {
    expect(headerRowsOf('<td>Port</td><td>Proto</td>')).toBe(0);
    expect(headerRowsOf('')).toBe(0);
    expect(headerRowsOf('<th>Port</th><td>Proto</td>')).toBe(0);
  });

  it('is not a row with an empty <td>, which holds no bold text', () => {
    expect(headerRowsOf('<th>Port</th><td></td>')).toBe(0);
  });

  it('is a row of wholly bold cells, whitespace around the bold text allowed', () => {
    expect(headerRowsOf('<td> <strong>Port</strong> </td><td>\n<b>Proto</b>\n</td>')).toBe(1);
  });

  it('ignores comments and script text when deciding a cell is wholly bold', () => {
    expect(headerRowsOf('<td><b>Port</b><!-- the port --></td><td><b>Proto</b><script>var x = 1;</script></td>')).toBe(1);
  });

  it('does not count text in a <span> as bold', () => {
    expect(headerRowsOf('<td><span>Port</span></td><td><b>Proto</b></td>')).toBe(0);
  });
});

describe('cells of a row', () => {
  it('gives a hidden cell and a script in the row no slot', () => {
    // parse5 puts the <script> inside the <tr>; it is not a cell, and a hidden cell generates no box.
    const [table] = extractTables('<table><tr><td>a</td><td hidden>h</td><script>s()</script><td>b</td></tr></table>');
    expect(texts(table)).toEqual([['a', 'b']]);
  });

  it('reads display:none with spaces, after another declaration, or in capitals', () => {
    // CSS allows whitespace around ':' and after ';', and `display`/`none` are case-insensitive.
    const [table] = extractTables(
      '<table><tr><td>a</td><td style="color: red; display: none">x</td><td style="display : none">y</td>' +
        '<td style="DISPLAY:NONE">z</td><td style="color: red">b</td></tr></table>',
    );
    expect(texts(table)).toEqual([['a', 'b']]);
  });

  it('marks every copy of a spanning cell as spanned, across and down', () => {
    const [table] = extractTables(
      '<table><tr><td colspan="2" rowspan="2">X</td><td>a</td></tr><tr><td>b</td></tr>' +
        '<tr><td>c</td><td>d</td><td>e</td></tr></table>',
    );
    expect(texts(table)).toEqual([
      ['X', 'X', 'a'],
      ['X', 'X', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(spans(table)).toEqual([
      [false, true, false],
      [true, true, false],
      [false, false, false],
    ]);
    expect(table?.rows[1]?.[1]).toEqual({ text: 'X', items: [{ kind: 'text', text: 'X', offset: 39 }], offset: 11, spanned: true });
  });
});

describe('span budget', () => {
  // 100,000 slots for markup under 6,250 bytes, else 16 slots per byte.
  const tall = (rows: number) => `<table><tr><td rowspan="0" colspan="1000">X</td></tr>${'<tr></tr>'.repeat(rows - 1)}</table>`;

  it('cuts a span of 101,000 slots in a short table to one slot, and says so', () => {
    const [table] = extractTables(tall(101));
    expect(table?.clamped).toBe(true);
    expect(table?.rows).toHaveLength(101);
    expect(table?.rows[0]).toEqual([{ text: 'X', items: [{ kind: 'text', text: 'X', offset: 42 }], offset: 11, spanned: false }]);
    expect(table?.rows[1]).toEqual([{ text: '', items: [], offset: -1, spanned: true }]);
    expect(texts(table)).toEqual([['X'], ...repeat(100, [null])]);
  });

  it('lays out a span of exactly 100,000 slots in full', () => {
    const [table] = extractTables(tall(100));
    expect(table && 'clamped' in table).toBe(false);
    expect(texts(table)).toEqual(repeat(100, ['X']));
    expect(spans(table)).toEqual([[false], ...repeat(99, [true])]);
  });

  it('allows 16 slots per byte of markup past 6,250 bytes', () => {
    // 961 bytes of table and 10,007 of paragraph: 175,488 slots, room for the 101,000.
    const [table] = extractTables(`${tall(101)}<p>${'x'.repeat(10_000)}</p>`);
    expect(table && 'clamped' in table).toBe(false);
    expect(texts(table)).toEqual(repeat(101, ['X']));
  });

  it('charges each span to what is left, cutting the one that no longer fits', () => {
    // 61 rows: A takes 61,000 slots, leaving 39,000, too few for B's 61,000.
    const [table] = extractTables(
      `<table><tr><td rowspan="0" colspan="1000">A</td><td rowspan="0" colspan="1000">B</td></tr>${'<tr></tr>'.repeat(60)}</table>`,
    );
    expect(table?.clamped).toBe(true);
    expect(texts(table)).toEqual([['A', 'B'], ...repeat(60, ['A', null])]);
    expect(table?.rows[0]?.[1]).toEqual({ text: 'B', items: [{ kind: 'text', text: 'B', offset: 79 }], offset: 48, spanned: false });
  });

  it('charges a span in the last row of a group for that one row only', () => {
    // rowspan="0" on the 60th of 60 rows covers 1 row: 1,000 slots, well within the budget.
    const [table] = extractTables(
      `<table><tr><td>x</td><td>y</td></tr>${'<tr></tr>'.repeat(58)}<tr><td rowspan="0" colspan="1000">Z</td></tr></table>`,
    );
    expect(table && 'clamped' in table).toBe(false);
    expect(texts(table)).toEqual([['x', 'y'], ...repeat(58, [null, null]), ['Z', 'Z']]);
    expect(spans(table)?.[59]).toEqual([false, true]);
  });
});

describe('cell items', () => {
  it('gives loose text, lines between <br> and text before a block the kind "text"', () => {
    const [table] = extractTables('<table><tr><td>plain</td><td>one<br>two</td><td>lead<p>para</p></td></tr></table>');
    expect(table?.rows).toEqual([
      [
        { text: 'plain', items: [{ kind: 'text', text: 'plain', offset: 15 }], offset: 11, spanned: false },
        {
          text: 'one two',
          items: [
            { kind: 'text', text: 'one', offset: 29 },
            { kind: 'text', text: 'two', offset: 36 },
          ],
          offset: 25,
          spanned: false,
        },
        {
          text: 'lead para',
          items: [
            { kind: 'text', text: 'lead', offset: 48 },
            { kind: 'paragraph', text: 'para', offset: 55 },
          ],
          offset: 44,
          spanned: false,
        },
      ],
    ]);
  });

  it('places an item at its first visible character', () => {
    const [table] = extractTables('<table><tr><td>\n  1761</td><td> <b>x</b></td><td>ab<b>cd</b></td></tr></table>');
    expect(table?.rows).toEqual([
      [
        { text: '1761', items: [{ kind: 'text', text: '1761', offset: 18 }], offset: 11, spanned: false },
        { text: 'x', items: [{ kind: 'text', text: 'x', offset: 35 }], offset: 27, spanned: false },
        { text: 'abcd', items: [{ kind: 'text', text: 'abcd', offset: 49 }], offset: 45, spanned: false },
      ],
    ]);
  });

  it('reads a comment in a cell as nothing', () => {
    const [table] = extractTables('<table><tr><td>a<!-- c -->b</td></tr></table>');
    expect(table?.rows).toEqual([[{ text: 'ab', items: [{ kind: 'text', text: 'ab', offset: 15 }], offset: 11, spanned: false }]]);
  });
});

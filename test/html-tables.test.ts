import { describe, expect, it } from 'vitest';
import { extractTables, type TableCell } from '../src/parsers/tables/html.js';
import type { Table } from '../src/parsers/tables/table.js';

/** The texts of a table's rows, for compact expectations. */
const texts = (rows: TableCell[][]) => rows.map((row) => row.map((cell) => cell.text));


/** The header row, or [] when the table has none. */
const headerOf = (table: Table | undefined) => (table && table.headerRows > 0 ? (table.rows[table.headerRows - 1] ?? []) : []);
/** The rows after the header rows. */
const bodyOf = (table: Table | undefined) => table?.rows.slice(table.headerRows) ?? [];

describe('extractTables', () => {
  it('takes the header row from <thead> and the rest as body rows', () => {
    const [table] = extractTables(
      '<table><thead><tr><th>Component</th><th><p>Port</p></th></tr></thead>' +
        '<tbody><tr><td>PeSIT</td><td>1761</td></tr><tr><td>SSL</td><td>1762</td></tr></tbody></table>',
    );
    expect(headerOf(table).map((cell) => cell.text)).toEqual(['Component', 'Port']);
    expect(texts(bodyOf(table))).toEqual([
      ['PeSIT', '1761'],
      ['SSL', '1762'],
    ]);
  });

  it('treats a first row made only of <th> as the header when there is no <thead>', () => {
    const [table] = extractTables('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>');
    expect(headerOf(table).map((cell) => cell.text)).toEqual(['A', 'B']);
    expect(texts(bodyOf(table))).toEqual([['1', '2']]);
  });

  it('has no header when the first row holds <td> cells', () => {
    const [table] = extractTables('<table><tr><td>1</td><td>2</td></tr></table>');
    expect(headerOf(table)).toEqual([]);
    expect(texts(bodyOf(table))).toEqual([['1', '2']]);
  });

  it('expands rowspan into the rows below, marking the copies as spanned', () => {
    const [table] = extractTables(
      '<table><tr><th>Name</th><th>Port</th><th>Proto</th></tr>' +
        '<tr><td rowspan="2">Kerberos</td><td>88</td><td>tcp</td></tr>' +
        '<tr><td>750</td><td>udp</td></tr>' +
        '<tr><td>Echo</td><td>7</td><td>tcp</td></tr></table>',
    );
    expect(texts(bodyOf(table))).toEqual([
      ['Kerberos', '88', 'tcp'],
      ['Kerberos', '750', 'udp'],
      ['Echo', '7', 'tcp'],
    ]);
    expect(bodyOf(table).map((row) => row.map((cell) => cell.spanned))).toEqual([
      [false, false, false],
      [true, false, false],
      [false, false, false],
    ]);
    expect(bodyOf(table)[1]?.[0]?.offset).toBe(bodyOf(table)[0]?.[0]?.offset);
  });

  it('expands colspan across columns', () => {
    const [table] = extractTables(
      '<table><tr><th>A</th><th>B</th><th>C</th></tr>' +
        '<tr><td colspan="2">wide</td><td>c</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>',
    );
    expect(texts(bodyOf(table))).toEqual([
      ['wide', 'wide', 'c'],
      ['a', 'b', 'c'],
    ]);
  });

  it('handles rowspan and colspan on one cell, and a rowspan running past the last row', () => {
    const [table] = extractTables(
      '<table><tr><td rowspan="2" colspan="2">X</td><td>1</td></tr><tr><td>2</td></tr>' +
        '<tr><td>a</td><td rowspan="9">b</td><td>c</td></tr></table>',
    );
    expect(texts(bodyOf(table))).toEqual([
      ['X', 'X', '1'],
      ['X', 'X', '2'],
      ['a', 'b', 'c'],
    ]);
  });

  it('clamps nonsense spans to 1', () => {
    const [table] = extractTables('<table><tr><td colspan="0">a</td><td rowspan="-3">b</td><td colspan="x">c</td></tr></table>');
    expect(texts(bodyOf(table))).toEqual([['a', 'b', 'c']]);
  });

  it('splits list, paragraph and <br> cells into items, dropping empty paragraphs', () => {
    const [table] = extractTables(
      '<table><tr><td><p><span>Secure Relay</span> RA</p>\n<ul>\n<li>ra.comm_port</li>\n<li>ra.admin_port</li>\n</ul></td>' +
        '<td><p>\u00a0</p>\n<ul><li>6811</li><li>6810</li></ul></td>' +
        '<td>one<br>two<br/>three</td></tr></table>',
    );
    const [names, ports, lines] = bodyOf(table)[0] ?? [];
    expect(names?.items.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'paragraph', text: 'Secure Relay RA' },
      { kind: 'list-item', text: 'ra.comm_port' },
      { kind: 'list-item', text: 'ra.admin_port' },
    ]);
    expect(ports?.items.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'list-item', text: '6811' },
      { kind: 'list-item', text: '6810' },
    ]);
    expect(lines?.items.map((item) => item.text)).toEqual(['one', 'two', 'three']);
    expect(names?.text).toBe('Secure Relay RA ra.comm_port ra.admin_port');
  });

  it('turns non-breaking spaces into spaces and collapses whitespace', () => {
    const [table] = extractTables('<table><tr><td>\u00a0Central&nbsp;&nbsp;Governance\n SSL </td></tr></table>');
    expect(bodyOf(table)[0]?.[0]?.text).toBe('Central Governance SSL');
  });

  it('gives each cell and item its offset in the HTML', () => {
    const html = '<table>\n<tr>\n<td>PeSIT</td>\n<td><p>a</p><p>1761</p></td>\n</tr>\n</table>';
    const [table] = extractTables(html);
    const [name, port] = bodyOf(table)[0] ?? [];
    expect(table?.offset).toBe(0);
    expect(name?.offset).toBe(html.indexOf('<td>PeSIT'));
    expect(name?.items[0]?.offset).toBe(html.indexOf('PeSIT'));
    expect(port?.items[1]?.offset).toBe(html.indexOf('1761'));
  });

  it('reads several tables and keeps a nested table inside its cell', () => {
    const tables = extractTables(
      '<table><tr><td>outer<table><tr><td>inner</td></tr></table></td></tr></table><table><tr><td>second</td></tr></table>',
    );
    expect(tables).toHaveLength(2);
    expect(bodyOf(tables[0])).toHaveLength(1);
    expect(bodyOf(tables[0])[0]?.[0]?.text).toBe('outer inner');
    expect(bodyOf(tables[1])[0]?.[0]?.text).toBe('second');
  });

  it('returns no tables for HTML without one, and reads a table cut short', () => {
    expect(extractTables('<p>no table here</p>')).toEqual([]);
    const [table] = extractTables('<table><tr><td>1761</td><td>PeSIT');
    expect(texts(bodyOf(table))).toEqual([['1761', 'PeSIT']]);
  });

  it('survives 10,000 nested tags in a cell', () => {
    const deep = `${'<span>'.repeat(10_000)}deep${'</span>'.repeat(10_000)}`;
    const [table] = extractTables(`<table><tr><td>${deep}</td></tr></table>`);
    expect(bodyOf(table)[0]?.[0]?.text).toBe('deep');
  });
});

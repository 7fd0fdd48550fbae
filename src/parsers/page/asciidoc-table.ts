/**
 * An AsciiDoc table, as Asciidoctor's table.rb lays it out: the lines
 * between the `|===` delimiters in, a Table out. Cells open at each
 * separator and run across lines; the `cols` attribute and each cell's
 * specifier (`2+`, `.3+`, `3*`, a style letter) place them on the grid.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { cleanSpace } from '../../model/text.js';
import { emptySlot, type Table, type TableCell } from '../tables/table.js';
import { cellOf, firstTextColumn, offsetAt, spannedCopy, tooLarge, withinBudget, type CellSyntax, type Segment, type SourceLine } from './markup-lines.js';

type At = (offset: number) => Point;

/** The block attributes a table reads: `format`, `separator`, `cols`, and the `header`/`noheader` options. */
export interface TableAttributes {
  named: ReadonlyMap<string, string>;
  options: ReadonlySet<string>;
}

/** How cells hold their content: `a`-styled cells hold AsciiDoc (lists included), the others paragraphs. */
export interface TableCellSyntax {
  prose: CellSyntax;
  document: CellSyntax;
}

/** One table to lay out. */
export interface AsciidocTable {
  /** The lines between the opening delimiter and the closing one (or the end of the page). */
  body: readonly SourceLine[];
  /** The opening delimiter line's text (`|===`, `,===`, `!===`). */
  delimiter: string;
  /** Offset of the opening delimiter. */
  offset: number;
  attributes: TableAttributes | null;
  syntax: TableCellSyntax;
}

/**
 * The Table a body of lines lays out to, or null when it cannot be read
 * (another format than `psv`, no cells, a grid its text cannot pay for);
 * each problem is reported where it stands.
 */
export function readAsciidocTable(input: AsciidocTable, report: Reporter, at: At): Table | null {
  const { body, delimiter, offset: tableOffset, attributes } = input;
  const format = attributes?.named.get('format') ?? (delimiter[0] === ',' ? 'csv' : delimiter[0] === ':' ? 'dsv' : 'psv');
  if (format !== 'psv') {
    report('table-malformed', `Unexpected \`${format}\` table, expected cells separated by \`|\`; its rows are not read`, at(tableOffset));
    return null;
  }
  const separator = (attributes?.named.get('separator') ?? '')[0] ?? (delimiter[0] === '!' ? '!' : '|');
  const columns = columnsOf(attributes?.named.get('cols'));
  const cells = tableCells(body, separator, report, at);
  let characters = 0;
  for (const line of body) characters += line.text.length;

  const firstLine = cells[0]?.line ?? -1;
  const onFirstLine = cells.filter((cell) => cell.line === firstLine);
  const firstLineWidth = onFirstLine.reduce((sum, cell) => sum + cell.spec.colspan * cell.spec.repeat, 0);
  const width = columns ? columns.length : firstLineWidth;
  if (cells.length === 0 || width === 0) {
    report('table-malformed', 'Unexpected table without cells, expected cells opening with `|`', at(tableOffset));
    return null;
  }
  const budget = Math.max(200_000, 8 * characters);
  if (!withinBudget(width, characters)) {
    report('table-malformed', tooLarge(1, 'row', width, characters), at(tableOffset));
    return null;
  }

  const layout = layOut(cells, width, columns, budget, input.syntax, report, at);
  if (!layout) {
    report('table-malformed', tooLarge(Math.ceil(budget / width), 'row', width, characters), at(tableOffset));
    return null;
  }
  const options = attributes?.options ?? new Set<string>();
  const explicitHeader = options.has('header');
  const noHeader = options.has('noheader');
  const implicitHeader =
    !explicitHeader &&
    !noHeader &&
    firstLine === 0 &&
    body[1]?.blank === true &&
    firstLineWidth === width &&
    onFirstLine.every((cell) => cell.spec.rowspan === 1);
  const headerRows = layout.length > 0 && (explicitHeader || implicitHeader) ? 1 : 0;
  return { markup: 'asciidoc', offset: tableOffset, rows: layout, headerRows };
}

/**
 * The table body cut into cells: a cell opens at each separator (with the
 * cell specifier written just before it) and runs to the next, across lines.
 */
function tableCells(body: readonly SourceLine[], separator: string, report: Reporter, at: At): RawCell[] {
  const cells: RawCell[] = [];
  let current: RawCell | null = null;
  for (const [index, line] of body.entries()) {
    const { text } = line;
    let contentStart = 0;
    let sawSeparator = false;
    for (let column = 0; column < text.length; column++) {
      const character = text[column];
      if (character === '\\' && text[column + 1] === separator) {
        column += 1;
        continue;
      }
      if (character !== separator) continue;
      const found = specBefore(text, contentStart, column, !sawSeparator);
      if (current) current.segments.push({ line, from: contentStart, to: found.start });
      else if (firstTextColumn(text, contentStart, found.start) >= 0) {
        const stray = firstTextColumn(text, contentStart, found.start);
        report(
          'table-malformed',
          `Unexpected text before the first cell (\`${excerpt(text.slice(stray, found.start))}\`), expected \`${separator}\``,
          at(offsetAt(line, stray)),
        );
      }
      current = { spec: found.spec, line: index, start: offsetAt(line, found.start), segments: [] };
      cells.push(current);
      contentStart = column + 1;
      sawSeparator = true;
    }
    if (current) current.segments.push({ line, from: contentStart, to: Infinity });
    else if (!line.blank) {
      report('table-malformed', `Unexpected text before the first cell (\`${excerpt(text)}\`), expected \`${separator}\``, at(offsetAt(line, line.indent)));
    }
  }
  return cells;
}

/**
 * Places cells on the grid, left to right and row by row, skipping slots a
 * row span from above covers. Null when the grid would pass `budget` slots.
 */
function layOut(
  cells: readonly RawCell[],
  width: number,
  columns: readonly string[] | null,
  budget: number,
  syntax: TableCellSyntax,
  report: Reporter,
  at: At,
): TableCell[][] | null {
  /** Per column: the last row a cell placed so far covers. */
  const busyUntil = new Int32Array(width).fill(-1);
  const placed: { row: number; column: number; colspan: number; rowspan: number; cell: TableCell }[] = [];
  let row = 0;
  let column = 0;
  for (const raw of cells) {
    let cell: TableCell | null = null;
    for (let copy = 0; copy < raw.spec.repeat; copy++) {
      for (;;) {
        while (column < width && (busyUntil[column] ?? -1) >= row) column += 1;
        if (column < width) break;
        // The row is full: on to the first row with a free slot (each full row is looked at once).
        let free = Infinity;
        for (const until of busyUntil) free = Math.min(free, until + 1);
        row = Math.max(row + 1, free);
        column = 0;
        if (row * width > budget) return null;
      }
      let colspan = Math.min(raw.spec.colspan, width - column);
      for (let across = 1; across < colspan; across++) {
        if ((busyUntil[column + across] ?? -1) >= row) {
          colspan = across;
          break;
        }
      }
      if (colspan !== raw.spec.colspan) {
        report(
          'table-malformed',
          `Unexpected cell spanning ${raw.spec.colspan} columns where ${colspan} ${colspan === 1 ? 'is' : 'are'} free, expected a span that fits the row`,
          at(raw.start),
        );
      }
      for (let across = 0; across < colspan; across++) busyUntil[column + across] = row + raw.spec.rowspan - 1;
      if (!cell) {
        // The style is the cell's own, else its column's (`cols="1,2a"`).
        const style = raw.spec.style ?? columns?.[column] ?? '';
        cell = cellOf(raw.segments, style === 'a' ? syntax.document : syntax.prose, raw.start);
      }
      placed.push({ row, column, colspan, rowspan: raw.spec.rowspan, cell: copy === 0 ? cell : { ...cell } });
      column += colspan;
    }
  }
  const last = placed.at(-1);
  const rowCount = last ? last.row + 1 : 0;
  if (rowCount * width > budget) return null;
  if (last && column < width) {
    let missing = 0;
    for (let free = column; free < width; free++) if ((busyUntil[free] ?? -1) < row) missing += 1;
    if (missing > 0) {
      report('table-malformed', `Unexpected end of table in a row with ${width - missing} of ${width} cells, expected ${missing} more`, at(last.cell.offset));
    }
  }
  const grid: TableCell[][] = Array.from({ length: rowCount }, () => new Array<TableCell>(width).fill(emptySlot));
  for (const { row: top, column: left, colspan, rowspan, cell } of placed) {
    const bottom = Math.min(top + rowspan, rowCount);
    const copy = colspan > 1 || bottom > top + 1 ? spannedCopy(cell) : cell;
    for (let down = top; down < bottom; down++) {
      const target = grid[down];
      if (!target) continue;
      for (let across = left; across < left + colspan; across++) target[across] = down === top && across === left ? cell : copy;
    }
  }
  return grid;
}

interface CellSpec {
  colspan: number;
  rowspan: number;
  repeat: number;
  style: string | null;
}

interface RawCell {
  spec: CellSpec;
  /** Index of the line the cell opens on. */
  line: number;
  /** Offset of the cell's specifier, or of its separator when it has none. */
  start: number;
  segments: Segment[];
}

const plainSpec: CellSpec = { colspan: 1, rowspan: 1, repeat: 1, style: null };
// Asciidoctor's own limits are looser; these are HTML's, which the table becomes.
const maxColspan = 1000;
const maxRowspan = 65534;
const maxRepeat = 1000;

/**
 * The cell specifier written just before a separator at `end`: a word of
 * `2+`, `.3+`, `2.3+`, `3*`, alignment (`^.>`) and a style letter, which
 * must open the line or follow a space. Without one, the spec is plain.
 */
function specBefore(text: string, from: number, end: number, lineStart: boolean): { spec: CellSpec; start: number } {
  let start = end;
  while (start > from && text[start - 1] !== ' ') start -= 1;
  if (start === end) return { spec: plainSpec, start: end };
  const opensWord = start > from || (lineStart && from === 0);
  const spec = opensWord ? parseSpec(text.slice(start, end)) : null;
  return spec ? { spec, start } : { spec: plainSpec, start: end };
}

function parseSpec(token: string): CellSpec | null {
  let index = 0;
  const spec: CellSpec = { ...plainSpec };
  const first = digitsAt(token, index);
  let after = first.end;
  let second = { value: -1, end: after };
  if (token[after] === '.') second = digitsAt(token, after + 1);
  if (second.end > after) after = second.end;
  const operator = token[after];
  if ((first.value >= 0 || second.value >= 0) && (operator === '+' || operator === '*')) {
    if (operator === '*') {
      if (second.value >= 0 || token[first.end] === '.') return null;
      spec.repeat = clamp(first.value, maxRepeat);
    } else {
      spec.colspan = first.value >= 0 ? clamp(first.value, maxColspan) : 1;
      spec.rowspan = second.value >= 0 ? clamp(second.value, maxRowspan) : 1;
    }
    index = after + 1;
  }
  if ('<^>'.includes(token[index] ?? ' ')) {
    index += 1;
    if (token[index] === '.') index += 1;
    if ('<^>'.includes(token[index] ?? ' ')) index += 1;
  } else if (token[index] === '.' && '<^>'.includes(token[index + 1] ?? ' ')) index += 2;
  const style = token[index];
  if (style !== undefined && 'adehlmsv'.includes(style)) {
    spec.style = style;
    index += 1;
  }
  return index === token.length ? spec : null;
}

function digitsAt(text: string, from: number): { value: number; end: number } {
  let end = from;
  while (end < text.length && end - from < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
  return { value: end > from ? Number(text.slice(from, end)) : -1, end };
}

function clamp(value: number, max: number): number {
  return Math.max(1, Math.min(value, max));
}

/**
 * The columns the `cols` attribute declares, each with its style letter
 * (`a`, `m`, … or ''): `"1,2a"`, `"3*"`, `"2*<,1"`, or a bare count `3`.
 * Null without the attribute.
 */
function columnsOf(cols: string | undefined): string[] | null {
  if (cols === undefined) return null;
  const value = cols.replace(/\s+/g, '');
  if (/^\d{1,4}$/.test(value)) return new Array<string>(Number(value)).fill('');
  const columns: string[] = [];
  for (const spec of value.split(/[,;]/)) {
    if (spec === '' && columns.length > 0) continue;
    const star = spec.indexOf('*');
    const repeat = star > 0 && /^\d{1,4}$/.test(spec.slice(0, star)) ? Number(spec.slice(0, star)) : 1;
    const last = spec.at(-1) ?? '';
    const style = /[a-z]/.test(last) && 'adehlmsv'.includes(last) ? last : '';
    for (let copy = 0; copy < repeat && columns.length < maxColspan; copy++) columns.push(style);
  }
  return columns;
}

function excerpt(text: string): string {
  const clean = cleanSpace(text);
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/**
 * reStructuredText grid and simple tables (docutils' `tableparser.py`): the
 * lines of a table in, a `Table` out. Grid tables take their spans from the
 * drawing; simple tables from their column rules and `---` span underlines.
 */
import type { Point } from '../../model/location.js';
import { emptySlot, type Table, type TableCell } from '../tables/table.js';
import {
  cellOf,
  excerpt,
  firstTextColumn,
  offsetAt,
  spannedCopy,
  tooLarge,
  withinBudget,
  type Segment,
  type SourceLine,
} from './markup-lines.js';
import type { RstPage } from './rst-syntax.js';

/** A table read from the lines at an index: the table (null when it cannot be laid out, reported) and the line after it. */
export interface TableRead {
  table: Table | null;
  next: number;
}

/** `+---+---+` at `column`: only `+` and `-`, opening with `+-`, closing with `+`. */
export function isGridTop(text: string, column: number): boolean {
  if (text[column] !== '+' || text[column + 1] !== '-' || !text.endsWith('+') || text.length - column < 3) return false;
  for (let index = column; index < text.length; index++) {
    const character = text[index];
    if (character !== '+' && character !== '-') return false;
  }
  return true;
}

/** A simple-table rule at `column`: two or more runs of `=` separated by spaces. */
export function isSimpleBorder(line: SourceLine, column: number): boolean {
  if (line.blank || line.indent !== column) return false;
  let runs = 0;
  for (let index = column; index < line.text.length; index++) {
    const character = line.text[index];
    if (character === '=') {
      if (line.text[index - 1] !== '=') runs += 1;
    } else if (character !== ' ') return false;
  }
  return runs >= 2;
}

/** A grid table whose top border is line `index`: its lines run while they start with `+` or `|` at the border's column. */
export function readGridTable(page: RstPage, index: number): TableRead {
  const { lines } = page;
  const column = lines.line(index).indent;
  let end = index;
  while (end < lines.length) {
    const line = lines.line(end);
    const character = line.text[column];
    if (line.blank || line.indent !== column || (character !== '+' && character !== '|')) break;
    end += 1;
  }
  const grid = new GridLayout(lines.lines.slice(index, end), column, page);
  return { table: grid.read(), next: end };
}

/**
 * The simple tables of one page, read in page order. Their rules are indexed
 * once for the whole page, so no table scans the lines after it again.
 */
export class SimpleTables {
  /** Simple-table rules by column, and how far each list has been consumed (tables are met in order). */
  private borders: Map<number, number[]> | null = null;
  private readonly cursors = new Map<number, number>();

  constructor(private readonly page: RstPage) {}

  /** A simple table whose top rule is line `index`: `=====  =====` rules, an optional header above the second rule. */
  read(index: number): TableRead {
    const { lines, report, at } = this.page;
    const top = lines.line(index);
    const column = top.indent;
    const columns = runsOf(top.text, column, '=');
    const borders = [index];
    let end = -1;
    const later = this.bordersAfter(index, column);
    for (let position = later.from; position < later.list.length; position++) {
      const next = later.list[position] ?? 0;
      const line = lines.line(next);
      if (line.text.length !== top.text.length) {
        report(
          'table-malformed',
          `Unexpected table border ${line.text.length - column} characters long, expected ${top.text.length - column} as the top border`,
          at(offsetAt(line, column)),
        );
      }
      borders.push(next);
      const after = lines.peek(next + 1);
      if (borders.length === 3 || !after || after.blank) {
        end = next;
        break;
      }
    }
    let bodyEnd = end;
    let resume = end + 1;
    if (end < 0) {
      report('table-truncated', 'Unexpected end of file in a simple table, expected a bottom border followed by a blank line', at(offsetAt(top, column)));
      const last = borders.at(-1) ?? index;
      if (borders.length > 1) {
        bodyEnd = last;
        resume = last + 1;
      } else {
        bodyEnd = lines.untilBlank(index);
        resume = bodyEnd;
      }
    }
    const headerEnd = borders.length === 3 && end >= 0 ? (borders[1] ?? index) : index;
    const characters = lines.characters(index, bodyEnd);
    if (!withinBudget((bodyEnd - index) * columns.length, characters)) {
      report('table-malformed', tooLarge(bodyEnd - index, 'line', columns.length, characters), at(offsetAt(top, column)));
      return { table: null, next: resume };
    }
    const header = this.rows(index + 1, headerEnd, columns);
    const body = this.rows(headerEnd + 1, bodyEnd, columns);
    return { table: { markup: 'rst-simple', offset: offsetAt(top, column), rows: [...header, ...body], headerRows: header.length }, next: resume };
  }

  /** Simple-table rules after line `index` at `column`. */
  private bordersAfter(index: number, column: number): { list: readonly number[]; from: number } {
    if (!this.borders) {
      const found = new Map<number, number[]>();
      this.page.lines.lines.forEach((line, position) => {
        if (!isSimpleBorder(line, line.indent)) return;
        const list = found.get(line.indent);
        if (list) list.push(position);
        else found.set(line.indent, [position]);
      });
      this.borders = found;
    }
    const list = this.borders.get(column) ?? [];
    let from = this.cursors.get(column) ?? 0;
    while (from < list.length && (list[from] ?? 0) <= index) from += 1;
    this.cursors.set(column, from);
    return { list, from };
  }

  /** The rows between two rules: a row starts with text in the first column; other lines continue it. */
  private rows(from: number, to: number, columns: readonly Run[]): TableCell[][] {
    const { report, at } = this.page;
    const groups: { lines: SourceLine[]; spans: Run[] | null }[] = [];
    let current: { lines: SourceLine[]; spans: Run[] | null } | null = null;
    const secondStart = columns[1]?.start ?? Infinity;
    for (let index = from; index < to; index++) {
      const line = this.page.lines.line(index);
      if (line.blank) {
        current?.lines.push(line);
        continue;
      }
      if (isSpanUnderline(line)) {
        if (current) current.spans = runsOf(line.text, 0, '-');
        else {
          report('table-malformed', 'Unexpected column-span underline without a row above it, expected a row of text', at(offsetAt(line, line.indent)));
        }
        current = null;
        continue;
      }
      if (current && firstTextColumn(line.text, 0, secondStart) < 0) current.lines.push(line);
      else {
        current = { lines: [line], spans: null };
        groups.push(current);
      }
    }
    return groups.map((group) => this.row(group.lines, columns, group.spans));
  }

  private row(lines: readonly SourceLine[], columns: readonly Run[], spans: readonly Run[] | null): TableCell[] {
    const { report, at, cells } = this.page;
    const row: TableCell[] = [];
    const firstLine = lines[0];
    if (!firstLine) return row;
    let spanIndex = 0;
    for (let index = 0; index < columns.length; ) {
      const column = columns[index];
      if (!column) break;
      let last = index;
      while (spans && spanIndex < spans.length && (spans[spanIndex]?.end ?? 0) <= column.start) spanIndex += 1;
      const candidate = spans?.[spanIndex];
      const span = candidate && candidate.start <= column.start ? candidate : undefined;
      if (span) while (last + 1 < columns.length && (columns[last + 1]?.start ?? Infinity) < span.end) last += 1;
      const from = index === 0 ? 0 : column.start;
      const to = columns[last + 1]?.start ?? Infinity;
      const marginStart = columns[last]?.end ?? to;
      for (const line of lines) {
        const stray = firstTextColumn(line.text, marginStart, to);
        if (stray >= 0 && to !== Infinity) {
          report(
            'table-malformed',
            `Unexpected text between columns (\`${excerpt(line.text.slice(stray, to))}\`), expected it inside a column's rule`,
            at(offsetAt(line, stray)),
          );
          break;
        }
      }
      const segments = lines.map((line) => ({ line, from, to }));
      const cell = cellOf(segments, cells, offsetAt(firstLine, column.start));
      row.push(cell);
      const copy = last > index ? spannedCopy(cell) : cell;
      for (let across = index + 1; across <= last; across++) row.push(copy);
      index = last + 1;
    }
    return row;
  }
}

/** A run of one character in a line, columns `start` to `end` (excluded). */
interface Run {
  start: number;
  end: number;
}

/**
 * A grid table laid out: column boundaries are the `+` of border runs on any
 * line, row boundaries the lines with a border between two of them; a cell
 * is open to the right where its `|` is missing and open below where its
 * border is missing, so spans come from the drawing alone.
 */
class GridLayout {
  private readonly width: number;

  private readonly report: RstPage['report'];
  private readonly at: RstPage['at'];

  constructor(
    private readonly block: readonly SourceLine[],
    private readonly column: number,
    private readonly page: RstPage,
  ) {
    this.report = page.report;
    this.at = page.at;
    this.width = (block[0]?.text.length ?? column) - column;
  }

  private charAt(row: number, column: number): string {
    return this.block[row]?.text[this.column + column] ?? ' ';
  }

  private place(row: number, column: number): Point {
    const line = this.block[row] ?? this.block[0];
    return this.at(line ? offsetAt(line, this.column + column) : 0);
  }

  read(): Table | null {
    const { block, width } = this;
    const first = block[0];
    if (!first) return null;
    let characters = 0;
    block.forEach((line, row) => {
      const length = line.text.length - this.column;
      characters += Math.min(length, width);
      if (length !== width) {
        this.report(
          'table-malformed',
          `Unexpected grid table line ${length} characters wide, expected ${width} as its top border`,
          this.place(row, Math.min(length, width)),
        );
      }
    });
    // Ragged lines are read as if padded; past this much padding the table is not a drawing at all.
    if (block.length * width > 2 * characters + 64 * block.length) {
      this.report('table-malformed', 'Unexpected grid table whose lines differ widely in width, expected a rectangle; its rows are not read', this.place(0, 0));
      return null;
    }

    const boundaries = this.columnBoundaries();
    const segments = this.borderSegments(boundaries);
    const borderRows = [...segments.keys()].sort((a, b) => a - b);
    const lastRow = block.length - 1;
    if (borderRows.at(-1) !== lastRow) {
      this.report('table-malformed', 'Unexpected end of grid table, expected a `+---+` border line', this.place(lastRow, 0));
      borderRows.push(block.length);
      segments.set(block.length, new Uint8Array(boundaries.length - 1).fill(1));
    }
    const columnCount = boundaries.length - 1;
    const bandCount = borderRows.length - 1;
    if (columnCount < 1 || bandCount < 1) {
      this.report('table-malformed', 'Unexpected grid table without cells, expected `|` between `+---+` borders', this.place(0, 0));
      return null;
    }
    const headerBand = borderRows.findIndex((row) => segments.get(row)?.includes(2));

    const rightClosed = this.rightEdges(boundaries, borderRows);
    const bottomClosed = (band: number, index: number) => (segments.get(borderRows[band + 1] ?? -1)?.[index] ?? 1) !== 0;
    const owner = new Int32Array(bandCount * columnCount).fill(-1);
    const cells: { band: number; lastBand: number; index: number; lastIndex: number; cell: TableCell; copy: TableCell }[] = [];
    for (let band = 0; band < bandCount; band++) {
      for (let index = 0; index < columnCount; index++) {
        if ((owner[band * columnCount + index] ?? -1) >= 0) continue;
        let lastIndex = index;
        while (
          lastIndex + 1 < columnCount &&
          !rightClosed[band * columnCount + lastIndex] &&
          (owner[band * columnCount + lastIndex + 1] ?? -1) < 0
        ) {
          lastIndex += 1;
        }
        let lastBand = band;
        while (lastBand + 1 < bandCount) {
          let open = 0;
          for (let across = index; across <= lastIndex; across++) if (!bottomClosed(lastBand, across)) open += 1;
          if (open === 0) break;
          if (open !== lastIndex - index + 1) {
            this.report('table-malformed', 'Unexpected border under part of a spanning cell, expected it under the whole cell or not at all', this.place(borderRows[lastBand + 1] ?? 0, boundaries[index] ?? 0));
            break;
          }
          lastBand += 1;
        }
        const id = cells.length;
        for (let down = band; down <= lastBand; down++) {
          for (let across = index; across <= lastIndex; across++) owner[down * columnCount + across] = id;
        }
        const cell = this.cellContent(band, lastBand, index, lastIndex, boundaries, borderRows);
        cells.push({ band, lastBand, index, lastIndex, cell, copy: lastBand > band || lastIndex > index ? spannedCopy(cell) : cell });
      }
    }

    const rows: TableCell[][] = [];
    for (let band = 0; band < bandCount; band++) {
      const row: TableCell[] = [];
      for (let index = 0; index < columnCount; index++) {
        const placed = cells[owner[band * columnCount + index] ?? -1];
        if (!placed) row.push(emptySlot);
        else row.push(placed.band === band && placed.index === index ? placed.cell : placed.copy);
      }
      rows.push(row);
    }
    return { markup: 'rst-grid', offset: offsetAt(first, this.column), rows, headerRows: Math.max(0, headerBand) };
  }

  /** Columns holding a `+` that touches a `-` or `=`, on any line. */
  private columnBoundaries(): number[] {
    const found = new Uint8Array(this.width);
    this.block.forEach((line, row) => {
      const end = Math.min(line.text.length - this.column, this.width);
      for (let column = 0; column < end; column++) {
        if (this.charAt(row, column) !== '+') continue;
        if (isRule(this.charAt(row, column - 1)) || isRule(this.charAt(row, column + 1))) found[column] = 1;
      }
    });
    const boundaries: number[] = [];
    found.forEach((value, column) => {
      if (value) boundaries.push(column);
    });
    return boundaries;
  }

  /** For each line holding a border: per column, 0 (none), 1 (`---`) or 2 (`===`). */
  private borderSegments(boundaries: readonly number[]): Map<number, Uint8Array> {
    const found = new Map<number, Uint8Array>();
    this.block.forEach((_line, row) => {
      let segments: Uint8Array | null = null;
      for (let index = 0; index + 1 < boundaries.length; index++) {
        const left = boundaries[index] ?? 0;
        const right = boundaries[index + 1] ?? 0;
        if (this.charAt(row, left) !== '+' && this.charAt(row, right) !== '+') continue;
        const rule = this.charAt(row, left + 1);
        if (!isRule(rule)) continue;
        let column = left + 2;
        while (column < right && this.charAt(row, column) === rule) column += 1;
        if (column < right) continue;
        segments ??= new Uint8Array(boundaries.length - 1);
        segments[index] = rule === '=' ? 2 : 1;
      }
      if (segments) found.set(row, segments);
    });
    return found;
  }

  /** Per band and column: is the `|` to the cell's right drawn on every line of the band? */
  private rightEdges(boundaries: readonly number[], borderRows: readonly number[]): Uint8Array {
    const columnCount = boundaries.length - 1;
    const closed = new Uint8Array((borderRows.length - 1) * columnCount);
    for (let band = 0; band + 1 < borderRows.length; band++) {
      const top = borderRows[band] ?? 0;
      const bottom = borderRows[band + 1] ?? 0;
      for (let index = 0; index < columnCount; index++) {
        const column = boundaries[index + 1] ?? 0;
        let bars = 0;
        let others = 0;
        let firstOther = -1;
        const outer = index === columnCount - 1;
        for (let row = top + 1; row < bottom; row++) {
          // A line too short for the table's right border was reported as such.
          if (outer && (this.block[row]?.text.length ?? 0) - this.column <= column) continue;
          const character = this.charAt(row, column);
          if (character === '|' || character === '+') bars += 1;
          else {
            others += 1;
            if (firstOther < 0) firstOther = row;
          }
        }
        if (bars > 0 && others > 0) {
          this.report(
            'table-malformed',
            `Unexpected \`${this.charAt(firstOther, column)}\` where the cell border runs, expected \`|\``,
            this.place(firstOther, column),
          );
        }
        // A border drawn on most lines of the band is a border; on none, the cell spans past it.
        closed[band * columnCount + index] = bars >= others ? 1 : 0;
      }
    }
    return closed;
  }

  private cellContent(band: number, lastBand: number, index: number, lastIndex: number, boundaries: readonly number[], borderRows: readonly number[]): TableCell {
    const from = this.column + (boundaries[index] ?? 0) + 1;
    const to = this.column + (boundaries[lastIndex + 1] ?? 0);
    const top = borderRows[band] ?? 0;
    const bottom = Math.min(borderRows[lastBand + 1] ?? 0, this.block.length);
    const segments: Segment[] = [];
    for (let row = top + 1; row < bottom; row++) {
      const line = this.block[row];
      if (!line) continue;
      // A line drawn too short (reported) still ends with its own border, not with text of the cell.
      const short = to >= line.text.length && (line.text.endsWith('|') || line.text.endsWith('+'));
      segments.push({ line, from, to: short ? line.text.length - 1 : to });
    }
    const startLine = this.block[top + 1 < bottom ? top + 1 : top];
    return cellOf(segments, this.page.cells, startLine ? offsetAt(startLine, from) : 0);
  }
}

function isRule(character: string): boolean {
  return character === '-' || character === '=';
}

/** A column-span underline in a simple table: runs of `-` separated by spaces. */
function isSpanUnderline(line: SourceLine): boolean {
  if (line.text[line.indent] !== '-') return false;
  for (let index = line.indent; index < line.text.length; index++) {
    const character = line.text[index];
    if (character !== '-' && character !== ' ') return false;
  }
  return true;
}

function runsOf(text: string, from: number, character: string): Run[] {
  const runs: Run[] = [];
  for (let index = from; index < text.length; index++) {
    if (text[index] !== character) continue;
    const start = index;
    while (text[index + 1] === character) index += 1;
    runs.push({ start, end: index + 1 });
  }
  return runs;
}

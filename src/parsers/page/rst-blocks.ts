/**
 * A reStructuredText page as blocks: section titles, grid tables, simple
 * tables, `list-table` directives, list items and paragraphs, read line by
 * line in one pass, the way docutils lays them out.
 *
 * What renders as content is read, including the bodies of admonitions
 * (`.. note::`) and containers (`.. table::`, `.. only::`); what renders as
 * code or is not rendered at all is skipped: literal blocks after `::`,
 * comments, targets, substitution definitions, and the bodies of other
 * directives (`.. code-block::`, `.. raw::`, `.. image::`, …).
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { cleanSpace } from '../../model/text.js';
import { emptySlot, type Table, type TableCell } from '../tables/table.js';
import { topLevelItem, type Block } from './blocks.js';
import {
  cellOf,
  closesAt,
  firstTextColumn,
  isWordCharacter,
  nextFinder,
  offsetAt,
  opensAt,
  spannedCopy,
  splitLines,
  tooLarge,
  withinBudget,
  type CellSyntax,
  type Segment,
  type SourceLine,
} from './markup-lines.js';

type At = (offset: number) => Point;

/** Every block of a reStructuredText page, in document order. Never throws; reports tables it cannot line up. */
export function readRstBlocks(text: string, report: Reporter, at: At): Block[] {
  const reader = new RstReader(splitLines(text), report, at);
  reader.read();
  return reader.blocks;
}

/** Admonitions: text after `::` on the directive line starts their content. */
const admonitions = new Set([
  ...['note', 'warning', 'tip', 'important', 'caution', 'danger', 'error', 'hint', 'attention'],
  ...['seealso', 'todo', 'versionadded', 'versionchanged', 'deprecated', 'versionremoved'],
]);

/** Directives whose body is ordinary content; their arguments and options (up to a blank line) are not. */
const containers = new Set([
  ...['admonition', 'table', 'topic', 'sidebar', 'container', 'only', 'ifconfig', 'class', 'rst-class'],
  ...['compound', 'epigraph', 'highlights', 'pull-quote', 'glossary', 'hlist', 'centered'],
  ...['tabs', 'tab', 'group-tab', 'tab-set', 'tab-item', 'dropdown', 'card', 'grid', 'grid-item', 'grid-item-card'],
]);

const bulletCharacters = '-*+•‣⁃';
const adornmentCharacters = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Cells hold paragraphs and lists, as the page does. */
const cellSyntax: CellSyntax = { render: renderRstInline, listMarker: listMarkerAt, itemContinuation: 'indented' };

class RstReader {
  readonly blocks: Block[] = [];
  /** Adornment styles (`u=` underline only, `o=` over- and underline) in order of first use: their depth. */
  private readonly styles: string[] = [];
  /** Simple-table rules by column, and how far each list has been consumed (tables are met in order). */
  private simpleBorders: Map<number, number[]> | null = null;
  private readonly simpleBorderCursors = new Map<number, number>();

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly report: Reporter,
    private readonly at: At,
  ) {}

  read(): void {
    const { lines } = this;
    let index = 0;
    while (index < lines.length) {
      const line = this.line(index);
      if (line.blank) {
        index += 1;
        continue;
      }
      index = this.readBlockAt(index, line);
    }
  }

  private line(index: number): SourceLine {
    return this.lines[index] ?? { start: 0, end: 0, text: '', indent: 0, blank: true, offsets: null };
  }

  /** Reads the block starting at a non-blank line; returns the index of the line after it. */
  private readBlockAt(index: number, line: SourceLine): number {
    const { text, indent } = line;
    if (text.startsWith('..', indent) && (text.length === indent + 2 || text[indent + 2] === ' ')) {
      return this.explicitMarkup(index, line);
    }
    if (text.startsWith('__', indent) && (text.length === indent + 2 || text[indent + 2] === ' ')) {
      return this.skipBody(index + 1, indent); // an anonymous target
    }
    if (isGridTop(text, indent)) return this.gridTable(index);
    if (isSimpleBorder(line, indent)) return this.simpleTable(index);
    const heading = this.headingAt(index);
    if (heading >= 0) return heading;
    if (isAdornment(line) && line.text.length >= 4) return index + 1; // a transition
    if (text.startsWith('>>>', indent)) return this.skipUntilBlank(index); // a doctest block
    const content = listMarkerAt(text, indent, text.length);
    if (content >= 0 && this.isListItem(index, line)) return this.listItem(index, line, content);
    return this.paragraph(index, line);
  }

  // Section titles.

  /** The index after a section title starting at `index`, or -1 when there is none. */
  private headingAt(index: number): number {
    const line = this.line(index);
    const next = this.lines[index + 1];
    if (isAdornment(line)) {
      const under = this.lines[index + 2];
      if (!next || next.blank || !under || under.text !== line.text || isAdornment(next)) return -1;
      const title = next.text.trim();
      if (codePoints(title) > line.text.length) return -1;
      this.addHeading(`o${line.text[0] ?? ''}`, title, offsetAt(next, next.indent));
      return index + 3;
    }
    if (line.indent > 0 || !next || !isAdornment(next) || codePoints(line.text) > next.text.length) return -1;
    this.addHeading(`u${next.text[0] ?? ''}`, line.text, offsetAt(line, 0));
    return index + 2;
  }

  private addHeading(style: string, title: string, offset: number): void {
    let depth = this.styles.indexOf(style) + 1;
    if (depth === 0) depth = this.styles.push(style);
    this.blocks.push({ kind: 'heading', depth, text: cleanSpace(renderRstInline(title)), offset });
  }

  /** A line that a section underline follows (so it ends the paragraph above it). */
  private isTitleLine(index: number): boolean {
    const line = this.line(index);
    const next = this.lines[index + 1];
    return line.indent === 0 && next !== undefined && isAdornment(next) && codePoints(line.text) <= next.text.length;
  }

  // Paragraphs and list items.

  private paragraph(index: number, line: SourceLine): number {
    const parts = [line.text.slice(line.indent)];
    let next = index + 1;
    for (; next < this.lines.length; next++) {
      const candidate = this.line(next);
      if (candidate.blank || candidate.indent !== line.indent || this.isTitleLine(next)) break;
      parts.push(candidate.text.slice(candidate.indent));
    }
    const source = cleanSpace(parts.join(' '));
    if (source !== '::') this.blocks.push({ kind: 'paragraph', source, offset: offsetAt(line, line.indent) });
    return source.endsWith('::') ? this.skipLiteralBlock(next, line.indent) : next;
  }

  /**
   * docutils reads `1.` as a list item only when the next line is blank, an
   * item of the same list, or indented under it; otherwise it is text
   * (`2024. A year` is a paragraph). Bullets need no such check.
   */
  private isListItem(index: number, line: SourceLine): boolean {
    if (bulletCharacters.includes(line.text[line.indent] ?? '')) return true;
    const next = this.lines[index + 1];
    if (!next || next.blank || next.indent > line.indent) return true;
    return next.indent === line.indent && listMarkerAt(next.text, next.indent, next.text.length) >= 0;
  }

  /** One list item: the text after its marker and the lines indented under it, up to a blank line. */
  private listItem(index: number, line: SourceLine, content: number): number {
    const parts: string[] = [];
    let offset = -1;
    const first = firstTextColumn(line.text, content);
    if (first >= 0) {
      parts.push(line.text.slice(first));
      offset = offsetAt(line, first);
    }
    let next = index + 1;
    for (; next < this.lines.length; next++) {
      const candidate = this.line(next);
      if (candidate.blank || candidate.indent <= line.indent) break;
      if (offset < 0) offset = offsetAt(candidate, candidate.indent);
      parts.push(candidate.text.slice(candidate.indent));
    }
    const source = cleanSpace(parts.join(' '));
    if (source !== '' && source !== '::') this.blocks.push(topLevelItem(source, offset));
    return source.endsWith('::') ? this.skipLiteralBlock(next, Math.min(content, line.text.length)) : next;
  }

  // Skipping what does not render as text.

  /** After a paragraph ending in `::`, the indented literal block that follows, if any. */
  private skipLiteralBlock(index: number, base: number): number {
    let next = index;
    while (next < this.lines.length && this.line(next).blank) next += 1;
    if (next >= this.lines.length || this.line(next).indent <= base) return index;
    return this.skipBody(next, base);
  }

  /** Lines from `index` that are blank or indented past `column`: the body of a directive or comment. */
  private skipBody(index: number, column: number): number {
    let next = index;
    while (next < this.lines.length && (this.line(next).blank || this.line(next).indent > column)) next += 1;
    return next;
  }

  private skipUntilBlank(index: number): number {
    let next = index;
    while (next < this.lines.length && !this.line(next).blank) next += 1;
    return next;
  }

  /** `..` blocks: directives, comments, targets, footnotes, substitution definitions. */
  private explicitMarkup(index: number, line: SourceLine): number {
    const column = line.indent;
    const nameStart = firstTextColumn(line.text, column + 2);
    if (nameStart < 0) {
      const next = this.lines[index + 1];
      return next && !next.blank && next.indent > column ? this.skipBody(index + 1, column) : index + 1;
    }
    const directive = directiveAt(line.text, nameStart);
    if (!directive) return this.skipBody(index + 1, column); // a comment, target, footnote or substitution
    const name = directive.name.toLowerCase();
    if (name === 'list-table') return this.listTable(index, line);
    if (name === 'csv-table') {
      this.report(
        'table-malformed',
        'Unexpected `csv-table` directive, expected a grid table, a simple table or a `list-table`; its rows are not read',
        this.at(offsetAt(line, column)),
      );
      return this.skipBody(index + 1, column);
    }
    if (admonitions.has(name)) return this.admonition(index, line, directive.after);
    if (containers.has(name)) {
      let next = index + 1;
      while (next < this.lines.length && !this.line(next).blank && this.line(next).indent > column) next += 1;
      return next;
    }
    return this.skipBody(index + 1, column);
  }

  /** An admonition: text after `::` is a paragraph of its body; its options are skipped; the rest of the body is read as content. */
  private admonition(index: number, line: SourceLine, after: number): number {
    const column = line.indent;
    let next = index + 1;
    const first = firstTextColumn(line.text, after);
    if (first >= 0) {
      const parts = [line.text.slice(first)];
      for (; next < this.lines.length; next++) {
        const candidate = this.line(next);
        if (candidate.blank || candidate.indent <= column || isFieldMarker(candidate)) break;
        parts.push(candidate.text.slice(candidate.indent));
      }
      this.blocks.push({ kind: 'paragraph', source: cleanSpace(parts.join(' ')), offset: offsetAt(line, first) });
    }
    let optionIndent = -1;
    for (; next < this.lines.length; next++) {
      const candidate = this.line(next);
      if (candidate.blank || candidate.indent <= column) break;
      if (isFieldMarker(candidate)) optionIndent = candidate.indent;
      else if (optionIndent < 0 || candidate.indent <= optionIndent) break;
    }
    return next;
  }

  // Tables.

  /** `.. list-table::`: options, then a two-level bullet list, one row per outer item. */
  private listTable(index: number, line: SourceLine): number {
    const column = line.indent;
    const tableOffset = offsetAt(line, column);
    let next = index + 1;
    let headerOption: { value: string; offset: number } | null = null;
    for (; next < this.lines.length; next++) {
      const candidate = this.line(next);
      if (candidate.blank || candidate.indent <= column || bulletAt(candidate.text, candidate.indent) >= 0) break;
      const field = fieldOf(candidate);
      if (field?.name === 'header-rows') headerOption = { value: field.value, offset: offsetAt(candidate, candidate.indent) };
    }
    const end = this.skipBody(next, column);

    const rows: ListRow[] = [];
    let rowIndent = -1;
    for (let row = next; row < end; ) {
      const candidate = this.line(row);
      if (candidate.blank) {
        row += 1;
        continue;
      }
      if (rowIndent < 0) rowIndent = candidate.indent;
      const content = candidate.indent === rowIndent ? bulletAt(candidate.text, rowIndent) : -1;
      if (content < 0) {
        this.report(
          'table-malformed',
          `Unexpected text in a \`list-table\` (\`${excerpt(candidate.text.slice(candidate.indent))}\`), expected a \`* -\` row`,
          this.at(offsetAt(candidate, candidate.indent)),
        );
        row += 1;
        continue;
      }
      let rowEnd = row + 1;
      while (rowEnd < end && (this.line(rowEnd).blank || this.line(rowEnd).indent > rowIndent)) rowEnd += 1;
      const segments: Segment[] = [{ line: candidate, from: content, to: Infinity }];
      for (let inner = row + 1; inner < rowEnd; inner++) segments.push({ line: this.line(inner), from: 0, to: Infinity });
      rows.push({ offset: offsetAt(candidate, rowIndent), cells: this.listCells(segments) });
      row = rowEnd;
    }
    if (rows.length === 0) {
      this.report('table-malformed', 'Unexpected `list-table` without rows, expected `* -` rows', this.at(tableOffset));
      return end;
    }

    const expected = rows[0]?.cells.length ?? 0;
    const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
    let characters = 0;
    for (let body = next; body < end; body++) characters += this.line(body).text.length;
    if (!withinBudget(rows.length * width, characters)) {
      this.report('table-malformed', tooLarge(rows.length, 'row', width, characters), this.at(tableOffset));
      return end;
    }
    for (const row of rows) {
      if (row.cells.length !== expected) {
        this.report(
          'table-malformed',
          `Unexpected row of ${count(row.cells.length, 'cell')}, expected ${count(expected, 'cell')} as in the first row`,
          this.at(row.offset),
        );
      }
    }
    const grid = rows.map((row) => [...row.cells, ...Array.from({ length: width - row.cells.length }, () => emptySlot)]);
    this.pushTable({ markup: 'rst-list-table', offset: tableOffset, rows: grid, headerRows: this.headerRowsOf(headerOption, grid.length) });
    return end;
  }

  private headerRowsOf(option: { value: string; offset: number } | null, rowCount: number): number {
    if (!option) return 0;
    if (!/^\d{1,6}$/.test(option.value)) {
      this.report('table-malformed', `Unexpected \`:header-rows:\` value (\`${excerpt(option.value)}\`), expected a whole number`, this.at(option.offset));
      return 0;
    }
    const wanted = Number(option.value);
    if (wanted > rowCount) {
      this.report('table-malformed', `Unexpected \`:header-rows: ${wanted}\` in a table of ${count(rowCount, 'row')}, expected at most ${rowCount}`, this.at(option.offset));
      return rowCount;
    }
    return wanted;
  }

  /** The cells of one list-table row: the items of the bullet list inside it. */
  private listCells(segments: readonly Segment[]): TableCell[] {
    const cells: { start: number; segments: Segment[] }[] = [];
    let cellIndent = -1;
    let current: { start: number; segments: Segment[] } | null = null;
    for (const segment of segments) {
      const { line } = segment;
      const column = firstTextColumn(line.text, segment.from);
      if (column < 0) {
        current?.segments.push(segment);
        continue;
      }
      if (cellIndent < 0) cellIndent = column;
      const content = column === cellIndent ? bulletAt(line.text, column) : -1;
      if (content >= 0) {
        current = { start: offsetAt(line, column), segments: [{ line, from: content, to: Infinity }] };
        cells.push(current);
      } else if (current && column > cellIndent) {
        current.segments.push(segment);
      } else {
        this.report(
          'table-malformed',
          `Unexpected text in a \`list-table\` row (\`${excerpt(line.text.slice(column))}\`), expected a \`- \` cell`,
          this.at(offsetAt(line, column)),
        );
        if (current) current.segments.push(segment);
        else {
          current = { start: offsetAt(line, column), segments: [segment] };
          cells.push(current);
        }
      }
    }
    return cells.map((cell) => cellOf(cell.segments, cellSyntax, cell.start));
  }

  /** A grid table: `+---+` borders, `|` between cells, `+===+` under the header; spans read from the borders. */
  private gridTable(index: number): number {
    const first = this.line(index);
    const column = first.indent;
    let end = index;
    while (end < this.lines.length) {
      const line = this.line(end);
      const character = line.text[column];
      if (line.blank || line.indent !== column || (character !== '+' && character !== '|')) break;
      end += 1;
    }
    const block = this.lines.slice(index, end);
    const grid = new GridLayout(block, column, this.report, this.at);
    const table = grid.read();
    if (table) this.pushTable(table);
    return end;
  }

  /** A simple table: `=====  =====` rules, an optional header above the second rule. */
  private simpleTable(index: number): number {
    const top = this.line(index);
    const column = top.indent;
    const columns = runsOf(top.text, column, '=');
    const borders = [index];
    let end = -1;
    const later = this.simpleBordersAfter(index, column);
    for (let position = later.from; position < later.list.length; position++) {
      const next = later.list[position] ?? 0;
      const line = this.line(next);
      if (line.text.length !== top.text.length) {
        this.report(
          'table-malformed',
          `Unexpected table border ${line.text.length - column} characters long, expected ${top.text.length - column} as the top border`,
          this.at(offsetAt(line, column)),
        );
      }
      borders.push(next);
      const after = this.lines[next + 1];
      if (borders.length === 3 || !after || after.blank) {
        end = next;
        break;
      }
    }
    let bodyEnd = end;
    let resume = end + 1;
    if (end < 0) {
      this.report('table-truncated', 'Unexpected end of file in a simple table, expected a bottom border followed by a blank line', this.at(offsetAt(top, column)));
      const last = borders.at(-1) ?? index;
      if (borders.length > 1) {
        bodyEnd = last;
        resume = last + 1;
      } else {
        bodyEnd = this.skipUntilBlank(index);
        resume = bodyEnd;
      }
    }
    const headerEnd = borders.length === 3 && end >= 0 ? (borders[1] ?? index) : index;
    let characters = 0;
    for (let line = index; line < bodyEnd; line++) characters += this.line(line).text.length;
    if (!withinBudget((bodyEnd - index) * columns.length, characters)) {
      this.report('table-malformed', tooLarge(bodyEnd - index, 'line', columns.length, characters), this.at(offsetAt(top, column)));
      return resume;
    }
    const header = this.simpleRows(index + 1, headerEnd, columns);
    const body = this.simpleRows(headerEnd + 1, bodyEnd, columns);
    this.pushTable({ markup: 'rst-simple', offset: offsetAt(top, column), rows: [...header, ...body], headerRows: header.length });
    return resume;
  }

  /**
   * Simple-table rules after line `index` at `column`, from an index of the
   * whole page built once, so no table scans the lines after it again.
   */
  private simpleBordersAfter(index: number, column: number): { list: readonly number[]; from: number } {
    if (!this.simpleBorders) {
      this.simpleBorders = new Map();
      this.lines.forEach((line, position) => {
        if (!isSimpleBorder(line, line.indent)) return;
        const list = this.simpleBorders?.get(line.indent);
        if (list) list.push(position);
        else this.simpleBorders?.set(line.indent, [position]);
      });
    }
    const list = this.simpleBorders.get(column) ?? [];
    let from = this.simpleBorderCursors.get(column) ?? 0;
    while (from < list.length && (list[from] ?? 0) <= index) from += 1;
    this.simpleBorderCursors.set(column, from);
    return { list, from };
  }

  /** The rows between two rules: a row starts with text in the first column; other lines continue it. */
  private simpleRows(from: number, to: number, columns: readonly Run[]): TableCell[][] {
    const groups: { lines: SourceLine[]; spans: Run[] | null }[] = [];
    let current: { lines: SourceLine[]; spans: Run[] | null } | null = null;
    const secondStart = columns[1]?.start ?? Infinity;
    for (let index = from; index < to; index++) {
      const line = this.line(index);
      if (line.blank) {
        current?.lines.push(line);
        continue;
      }
      if (isSpanUnderline(line)) {
        if (current) current.spans = runsOf(line.text, 0, '-');
        else {
          this.report('table-malformed', 'Unexpected column-span underline without a row above it, expected a row of text', this.at(offsetAt(line, line.indent)));
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
    return groups.map((group) => this.simpleRow(group.lines, columns, group.spans));
  }

  private simpleRow(lines: readonly SourceLine[], columns: readonly Run[], spans: readonly Run[] | null): TableCell[] {
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
          this.report(
            'table-malformed',
            `Unexpected text between columns (\`${excerpt(line.text.slice(stray, to))}\`), expected it inside a column's rule`,
            this.at(offsetAt(line, stray)),
          );
          break;
        }
      }
      const segments = lines.map((line) => ({ line, from, to }));
      const cell = cellOf(segments, cellSyntax, offsetAt(firstLine, column.start));
      row.push(cell);
      const copy = last > index ? spannedCopy(cell) : cell;
      for (let across = index + 1; across <= last; across++) row.push(copy);
      index = last + 1;
    }
    return row;
  }

  private pushTable(table: Table): void {
    this.blocks.push({ kind: 'table', table });
  }
}

interface ListRow {
  offset: number;
  cells: TableCell[];
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

  constructor(
    private readonly block: readonly SourceLine[],
    private readonly column: number,
    private readonly report: Reporter,
    private readonly at: At,
  ) {
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
    return cellOf(segments, cellSyntax, startLine ? offsetAt(startLine, from) : 0);
  }
}

// Line recognisers.

function isRule(character: string): boolean {
  return character === '-' || character === '=';
}

/** `+---+---+` at `column`: only `+` and `-`, opening with `+-`, closing with `+`. */
function isGridTop(text: string, column: number): boolean {
  if (text[column] !== '+' || text[column + 1] !== '-' || !text.endsWith('+') || text.length - column < 3) return false;
  for (let index = column; index < text.length; index++) {
    const character = text[index];
    if (character !== '+' && character !== '-') return false;
  }
  return true;
}

/** A simple-table rule at `column`: two or more runs of `=` separated by spaces. */
function isSimpleBorder(line: SourceLine, column: number): boolean {
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

/** A section adornment or transition: one punctuation character repeated, flush left. */
function isAdornment(line: SourceLine): boolean {
  if (line.blank || line.indent > 0) return false;
  const first = line.text[0] ?? '';
  if (!adornmentCharacters.includes(first)) return false;
  for (let index = 1; index < line.text.length; index++) if (line.text[index] !== first) return false;
  return true;
}

function codePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

/** The column after a bullet (`-`, `*`, `+`, `•`) and its spaces at `column`, or -1. */
function bulletAt(text: string, column: number, to = text.length): number {
  if (column >= to || !bulletCharacters.includes(text[column] ?? '\n')) return -1;
  return afterMarker(text, column + 1, to);
}

/** The column after a bullet or an enumerator (`1.`, `#.`, `1)`, `(1)`) and its spaces at `column`, or -1. */
export function listMarkerAt(text: string, column: number, to: number): number {
  const bullet = bulletAt(text, column, to);
  if (bullet >= 0) return bullet;
  let index = column;
  const parenthesized = text[index] === '(';
  if (parenthesized) index += 1;
  if (text[index] === '#') index += 1;
  else {
    const digits = index;
    while (index < to && index - digits < 10 && isDigit(text.charCodeAt(index))) index += 1;
    if (index === digits) return -1;
  }
  const closer = text[index];
  if (parenthesized ? closer !== ')' : closer !== '.' && closer !== ')') return -1;
  return afterMarker(text, index + 1, to);
}

function afterMarker(text: string, column: number, to: number): number {
  if (column < Math.min(to, text.length) && text[column] !== ' ') return -1;
  let index = column;
  while (index < to && text[index] === ' ') index += 1;
  return index;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A directive `name::` starting at `from`: its name and the column after `::`, or null. */
function directiveAt(text: string, from: number): { name: string; after: number } | null {
  let index = from;
  for (;;) {
    const start = index;
    while (index < text.length && isNameCharacter(text.charCodeAt(index))) index += 1;
    if (index === start) return null;
    if ('-._+:'.includes(text[index] ?? ' ') && isNameCharacter(text.charCodeAt(index + 1))) index += 1;
    else break;
  }
  const name = text.slice(from, index);
  if (text[index] === ' ') index += 1;
  if (!text.startsWith('::', index)) return null;
  const after = index + 2;
  return after === text.length || text[after] === ' ' ? { name, after } : null;
}

function isNameCharacter(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** A field list line `:name: value`. */
function isFieldMarker(line: SourceLine): boolean {
  return fieldOf(line) !== null;
}

function fieldOf(line: SourceLine): { name: string; value: string } | null {
  const { text, indent } = line;
  if (text[indent] !== ':') return null;
  const close = text.indexOf(':', indent + 1);
  if (close <= indent + 1) return null;
  const after = text[close + 1];
  if (after !== undefined && after !== ' ') return null;
  return { name: text.slice(indent + 1, close).trim().toLowerCase(), value: text.slice(close + 1).trim() };
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function excerpt(text: string): string {
  const clean = cleanSpace(text);
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

// Inline markup.

/**
 * reStructuredText inline markup as plain text: ``literal``, **strong**,
 * *emphasis*, `interpreted` and :role:`text` keep their text; references
 * (`text <url>`_, `text`_, name_) keep their text without the `_`;
 * |substitutions| stay as written; backslash escapes are resolved. One
 * pass: each opener looks only at the nearest closer, so the work stays
 * linear whatever the text.
 */
export function renderRstInline(source: string): string {
  const roles = roleStarts(source);
  const findLiteralEnd = nextFinder(source, '``');
  const findBacktick = nextFinder(source, '`');
  const findStrongEnd = nextFinder(source, '**');
  const findStar = nextFinder(source, '*');
  const out: string[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index] ?? '';
    if (character === '\\') {
      const escaped = source[index + 1];
      if (escaped !== undefined && escaped !== ' ' && escaped !== '\n') out.push(escaped);
      index += 2;
      continue;
    }
    const roleEnd = character === ':' ? roles.get(index) : undefined;
    const tick = roleEnd ?? (character === '`' ? index : -1);
    if (tick >= 0) {
      if (roleEnd === undefined && source.startsWith('``', tick)) {
        const close = opensAt(source, tick, 2) ? findLiteralEnd(tick + 2) : -1;
        if (close > tick + 2 && closesAt(source, close, 2)) {
          out.push(source.slice(tick + 2, close));
          index = close + 2;
        } else {
          out.push('``');
          index = tick + 2;
        }
        continue;
      }
      const close = opensAt(source, tick, 1) ? findBacktick(tick + 1) : -1;
      if (close > tick + 1 && source[close - 1] !== ' ') {
        out.push(unescape(referenceText(source.slice(tick + 1, close))));
        index = close + 1;
        if (source[index] === '_') index += source[index + 1] === '_' ? 2 : 1;
        else if (roleEnd === undefined && source[index] === ':') index = afterRole(source, index);
        continue;
      }
      out.push(source.slice(index, tick + 1));
      index = tick + 1;
      continue;
    }
    if (character === '*') {
      const strong = source[index + 1] === '*';
      const width = strong ? 2 : 1;
      const close = opensAt(source, index, width) ? (strong ? findStrongEnd : findStar)(index + width) : -1;
      if (close > index + width && closesAt(source, close, width)) {
        out.push(unescape(source.slice(index + width, close)));
        index = close + width;
      } else {
        out.push(strong ? '**' : '*');
        index += width;
      }
      continue;
    }
    if (character === '_' && endsReference(source, index)) {
      index += source[index + 1] === '_' ? 2 : 1;
      continue;
    }
    out.push(character);
    index += 1;
  }
  return out.join('');
}

/** For each backtick preceded by `:role:`, where the role starts → where the backtick is. */
function roleStarts(source: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (let tick = source.indexOf('`'); tick >= 0; tick = source.indexOf('`', tick + 1)) {
    if (source[tick - 1] !== ':') continue;
    let start = tick - 1;
    while (start > 0 && isRoleCharacter(source.charCodeAt(start - 1))) start -= 1;
    if (source[start] === ':' && tick - start >= 3 && !isWordCharacter(source.charCodeAt(start - 1))) starts.set(start, tick);
  }
  return starts;
}

/** The index after a `:role:` suffix at `index`, or `index` when there is none. */
function afterRole(source: string, index: number): number {
  let end = index + 1;
  while (end < source.length && isRoleCharacter(source.charCodeAt(end)) && source[end] !== ':') end += 1;
  return source[end] === ':' && end > index + 1 ? end + 1 : index;
}

function isRoleCharacter(code: number): boolean {
  return isNameCharacter(code) || code === 45 || code === 46 || code === 43 || code === 58;
}

/** The `_` or `__` closing a reference such as `name_` or `|sub|_`. */
function endsReference(source: string, index: number): boolean {
  const before = source.charCodeAt(index - 1);
  if (!(isWordCharacter(before) || before === 93 /* ] */ || before === 124) /* | */) return false;
  const width = source[index + 1] === '_' ? 2 : 1;
  return !isWordCharacter(source.charCodeAt(index + width)) && source[index + width] !== '_';
}

/** `text <url>` → `text`; `<url>` alone → `url`. */
function referenceText(inner: string): string {
  if (!inner.endsWith('>')) return inner;
  const open = inner.lastIndexOf('<');
  if (open < 0 || (open > 0 && inner[open - 1] !== ' ')) return inner;
  const text = inner.slice(0, open).trim();
  return text === '' ? inner.slice(open + 1, -1) : text;
}

function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  const out: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    if (character === '\\') {
      const escaped = text[index + 1];
      if (escaped !== undefined && escaped !== ' ') out.push(escaped);
      index += 1;
    } else out.push(character);
  }
  return out.join('');
}

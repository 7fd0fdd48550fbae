/**
 * An AsciiDoc page as blocks: section titles, `|===` tables, list items and
 * paragraphs, read line by line in one pass, the way Asciidoctor lays them
 * out.
 *
 * Example, sidebar, quote and open blocks (and admonitions) are read as
 * content; what renders as code or not at all is skipped: comments, listing
 * and literal blocks, passthroughs, literal (indented) paragraphs, block
 * titles, attribute entries, preprocessor directives and block macros.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { cleanSpace } from '../../model/text.js';
import { emptySlot, type TableCell } from '../tables/table.js';
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

/** Every block of an AsciiDoc page, in document order. Never throws; reports tables it cannot line up. */
export function readAsciidocBlocks(text: string, report: Reporter, at: At): Block[] {
  const reader = new AsciidocReader(splitLines(text), report, at);
  reader.read();
  return reader.blocks;
}

/** Block styles whose content is not prose: a paragraph or open block so styled is skipped. */
const verbatimStyles = new Set(['source', 'listing', 'literal', 'pass', 'comment', 'stem', 'latexmath', 'asciimath']);

/** Cells with the `a` style hold AsciiDoc content, lists included; other cells hold paragraphs. */
const proseCell: CellSyntax = { render: renderAsciidocInline, listMarker: null, itemContinuation: 'any' };
const documentCell: CellSyntax = { render: renderAsciidocInline, listMarker: listMarkerAt, itemContinuation: 'any' };

/** The attributes of a block attribute line (`[cols="1,2", options="header"]`, `[%header]`, `[source,sh]`). */
interface Attributes {
  style: string;
  options: Set<string>;
  named: Map<string, string>;
  offset: number;
}

class AsciidocReader {
  readonly blocks: Block[] = [];
  /** The attribute line waiting for the block it describes. */
  private attributes: Attributes | null = null;
  /** Set while reading a line that belongs to the next block (attributes, title, anchor) or to none (a comment). */
  private describesNext = false;

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly report: Reporter,
    private readonly at: At,
  ) {}

  private line(index: number): SourceLine {
    return this.lines[index] ?? { start: 0, end: 0, text: '', indent: 0, blank: true, offsets: null };
  }

  read(): void {
    let index = 0;
    while (index < this.lines.length) {
      const line = this.line(index);
      if (line.blank) {
        index += 1;
        continue;
      }
      this.describesNext = false;
      index = this.readBlockAt(index, line);
      // An attribute line describes the one block after it; titles, anchors and comments may stand between.
      if (!this.describesNext) this.attributes = null;
    }
  }

  /** Reads the block starting at a non-blank line; returns the index of the line after it. */
  private readBlockAt(index: number, line: SourceLine): number {
    const { text } = line;
    if (line.indent === 0) {
      const delimiter = delimiterKind(text);
      if (delimiter === 'comment' || delimiter === 'verbatim') return this.skipDelimited(index, text);
      if (delimiter === 'fence') return this.skipDelimited(index, '```');
      if (delimiter === 'table') return this.table(index, line);
      if (delimiter === 'compound') {
        const style = this.attributes?.style ?? '';
        return verbatimStyles.has(style) ? this.skipDelimited(index, text) : index + 1;
      }
      if (isLineComment(text)) {
        this.describesNext = true;
        return index + 1;
      }
      if (isBreak(text) || isPreprocessorOrBlockMacro(text)) return index + 1;
      if (isAttributeEntry(text)) return this.skipAttributeEntry(index);
      if (text.startsWith('[')) {
        if (text.startsWith('[[') && text.endsWith(']]')) {
          this.describesNext = true;
          return index + 1;
        }
        if (isAttributeLine(text)) {
          this.attributes = parseAttributes(text.slice(1, -1), line.start);
          this.describesNext = true;
          return index + 1;
        }
      }
      if (text[0] === '.' && text.length > 1 && text[1] !== '.' && text[1] !== ' ') {
        this.describesNext = true;
        return index + 1; // a block title: it names the next block, it is not a section
      }
      const heading = headingOf(text);
      if (heading) {
        this.blocks.push({ kind: 'heading', depth: heading.depth, text: cleanSpace(renderAsciidocInline(heading.title)), offset: line.start });
        return heading.depth === 1 && this.blocks.length === 1 ? this.skipHeader(index + 1) : index + 1;
      }
      if (text === '+') return index + 1; // a list continuation: what follows is read as its own block
    }
    const content = listMarkerAt(text, line.indent, text.length);
    if (content >= 0) return this.listItem(index, line, content);
    if (line.indent > 0) return this.skipParagraph(index); // a literal paragraph
    if (verbatimStyles.has(this.attributes?.style ?? '')) return this.skipParagraph(index);
    return this.paragraph(index, line);
  }

  // Prose.

  private paragraph(index: number, line: SourceLine): number {
    const parts = [line.text];
    let next = index + 1;
    for (; next < this.lines.length; next++) {
      const candidate = this.line(next);
      if (candidate.blank || interruptsParagraph(candidate)) break;
      if (!isLineComment(candidate.text)) parts.push(candidate.text.slice(candidate.indent));
    }
    this.blocks.push({ kind: 'paragraph', source: cleanSpace(parts.join(' ')), offset: offsetAt(line, 0) });
    return next;
  }

  /** One list item: the text after its marker and the lines after it, up to a blank line or the next item. */
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
      if (candidate.blank || interruptsParagraph(candidate)) break;
      if (listMarkerAt(candidate.text, candidate.indent, candidate.text.length) >= 0) break;
      if (isLineComment(candidate.text)) continue;
      if (offset < 0) offset = offsetAt(candidate, candidate.indent);
      parts.push(candidate.text.slice(candidate.indent));
    }
    const source = cleanSpace(parts.join(' '));
    if (source !== '') this.blocks.push(topLevelItem(source, offset));
    return next;
  }

  // Skipping what does not render as text.

  private skipParagraph(index: number): number {
    let next = index;
    while (next < this.lines.length && !this.line(next).blank) next += 1;
    return next;
  }

  /** A delimited block from its opening line to the line that repeats it (or the end of the page). */
  private skipDelimited(index: number, closing: string): number {
    for (let next = index + 1; next < this.lines.length; next++) {
      if (this.line(next).text === closing) return next + 1;
    }
    return this.lines.length;
  }

  /** The document header after `= Title`: author, revision and attribute lines, up to a blank line. */
  private skipHeader(index: number): number {
    return this.skipParagraph(index);
  }

  /** `:name: value`, with its `\`-continued lines. */
  private skipAttributeEntry(index: number): number {
    let next = index;
    while (next < this.lines.length && this.line(next).text.endsWith(' \\')) next += 1;
    return next + 1;
  }

  // Tables.

  private table(index: number, line: SourceLine): number {
    const attributes = this.attributes;
    const delimiter = line.text;
    const tableOffset = line.start;
    let end = index + 1;
    while (end < this.lines.length && this.line(end).text !== delimiter) end += 1;
    const resume = Math.min(end + 1, this.lines.length);
    if (end >= this.lines.length) {
      this.report('table-truncated', `Unexpected end of file inside a table, expected a closing \`${delimiter}\``, this.at(tableOffset));
    }

    const format = attributes?.named.get('format') ?? (delimiter[0] === ',' ? 'csv' : delimiter[0] === ':' ? 'dsv' : 'psv');
    if (format !== 'psv') {
      this.report(
        'table-malformed',
        `Unexpected \`${format}\` table, expected cells separated by \`|\`; its rows are not read`,
        this.at(tableOffset),
      );
      return resume;
    }
    const separator = (attributes?.named.get('separator') ?? '')[0] ?? (delimiter[0] === '!' ? '!' : '|');
    const columns = columnsOf(attributes?.named.get('cols'));
    const cells = this.tableCells(index + 1, end, separator);
    let characters = 0;
    for (let body = index + 1; body < end; body++) characters += this.line(body).text.length;

    const firstLine = cells[0]?.line ?? -1;
    const onFirstLine = cells.filter((cell) => cell.line === firstLine);
    const firstLineWidth = onFirstLine.reduce((sum, cell) => sum + cell.spec.colspan * cell.spec.repeat, 0);
    const width = columns ? columns.length : firstLineWidth;
    if (cells.length === 0 || width === 0) {
      this.report('table-malformed', 'Unexpected table without cells, expected cells opening with `|`', this.at(tableOffset));
      return resume;
    }
    const budget = Math.max(200_000, 8 * characters);
    if (!withinBudget(width, characters)) {
      this.report('table-malformed', tooLarge(1, 'row', width, characters), this.at(tableOffset));
      return resume;
    }

    const layout = this.layOut(cells, width, columns, budget);
    if (!layout) {
      this.report('table-malformed', tooLarge(Math.ceil(budget / width), 'row', width, characters), this.at(tableOffset));
      return resume;
    }
    const options = attributes?.options ?? new Set<string>();
    const explicitHeader = options.has('header');
    const noHeader = options.has('noheader');
    const implicitHeader =
      !explicitHeader &&
      !noHeader &&
      firstLine === index + 1 &&
      this.lines[index + 2]?.blank === true &&
      firstLineWidth === width &&
      onFirstLine.every((cell) => cell.spec.rowspan === 1);
    const headerRows = layout.length > 0 && (explicitHeader || implicitHeader) ? 1 : 0;
    this.blocks.push({ kind: 'table', table: { markup: 'asciidoc', offset: tableOffset, rows: layout, headerRows } });
    return resume;
  }

  /**
   * The table body cut into cells: a cell opens at each separator (with the
   * cell specifier written just before it) and runs to the next, across lines.
   */
  private tableCells(from: number, to: number, separator: string): RawCell[] {
    const cells: RawCell[] = [];
    let current: RawCell | null = null;
    for (let index = from; index < to; index++) {
      const line = this.line(index);
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
          this.report(
            'table-malformed',
            `Unexpected text before the first cell (\`${excerpt(text.slice(stray, found.start))}\`), expected \`${separator}\``,
            this.at(offsetAt(line, stray)),
          );
        }
        current = { spec: found.spec, line: index, start: offsetAt(line, found.start), segments: [] };
        cells.push(current);
        contentStart = column + 1;
        sawSeparator = true;
      }
      if (current) current.segments.push({ line, from: contentStart, to: Infinity });
      else if (!line.blank) {
        this.report('table-malformed', `Unexpected text before the first cell (\`${excerpt(text)}\`), expected \`${separator}\``, this.at(offsetAt(line, line.indent)));
      }
    }
    return cells;
  }

  /**
   * Places cells on the grid, left to right and row by row, skipping slots a
   * row span from above covers. Null when the grid would pass `budget` slots.
   */
  private layOut(cells: readonly RawCell[], width: number, columns: readonly string[] | null, budget: number): TableCell[][] | null {
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
          this.report(
            'table-malformed',
            `Unexpected cell spanning ${raw.spec.colspan} columns where ${colspan} ${colspan === 1 ? 'is' : 'are'} free, expected a span that fits the row`,
            this.at(raw.start),
          );
        }
        for (let across = 0; across < colspan; across++) busyUntil[column + across] = row + raw.spec.rowspan - 1;
        if (!cell) {
          // The style is the cell's own, else its column's (`cols="1,2a"`).
          const style = raw.spec.style ?? columns?.[column] ?? '';
          cell = cellOf(raw.segments, style === 'a' ? documentCell : proseCell, raw.start);
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
        this.report(
          'table-malformed',
          `Unexpected end of table in a row with ${width - missing} of ${width} cells, expected ${missing} more`,
          this.at(last.cell.offset),
        );
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

// Line recognisers.

type DelimiterKind = 'comment' | 'verbatim' | 'fence' | 'compound' | 'table' | null;

function delimiterKind(text: string): DelimiterKind {
  if (text === '--') return 'compound';
  if (text.startsWith('```')) return 'fence';
  if (text.length >= 4 && '|,:!'.includes(text[0] ?? '') && text.startsWith('===', 1) && isRunOf(text, '=', 1)) return 'table';
  if (text.length < 4) return null;
  const first = text[0] ?? '';
  if (!isRunOf(text, first, 0)) return null;
  if (first === '/') return 'comment';
  if (first === '-' || first === '.' || first === '+') return 'verbatim';
  if (first === '=' || first === '*' || first === '_') return 'compound';
  return null;
}

function isRunOf(text: string, character: string, from: number): boolean {
  for (let index = from; index < text.length; index++) if (text[index] !== character) return false;
  return true;
}

function isLineComment(text: string): boolean {
  return text.startsWith('//') && text[2] !== '/';
}

/** A thematic break (`'''`, `---`, `* * *`) or a page break (`<<<`). */
function isBreak(text: string): boolean {
  if (text === "'''" || text === '<<<') return true;
  const first = text[0] ?? '';
  if (!'-*_'.includes(first)) return false;
  let marks = 0;
  for (const character of text) {
    if (character === first) marks += 1;
    else if (character !== ' ') return false;
  }
  return marks === 3;
}

/** `include::…[]`, `ifdef::…[]`, `image::…[]`, `toc::[]`: a directive or a block macro on a line of its own. */
function isPreprocessorOrBlockMacro(text: string): boolean {
  let index = 0;
  while (index < text.length && index < 32 && /[a-z0-9_-]/.test(text[index] ?? '')) index += 1;
  if (index === 0 || !text.startsWith('::', index)) return false;
  const open = text.indexOf('[', index + 2);
  return open >= 0 && text.endsWith(']') && !/\s/.test(text.slice(index + 2, open));
}

/** `:name: value` or `:name!:`. */
function isAttributeEntry(text: string): boolean {
  if (text[0] !== ':') return false;
  let index = 1;
  if (text[index] === '!') index += 1;
  const nameStart = index;
  while (index < text.length && /[\w-]/.test(text[index] ?? '')) index += 1;
  if (index === nameStart) return false;
  if (text[index] === '!') index += 1;
  return text[index] === ':' && (index + 1 === text.length || text[index + 1] === ' ');
}

/** `[…]` on a line of its own, opening as Asciidoctor's block attribute lists do. */
function isAttributeLine(text: string): boolean {
  if (!text.endsWith(']') || text.length < 2) return false;
  const second = text[1] ?? '';
  return second === ']' || /[\w.#%{,"']/.test(second);
}

/** Lines that end a paragraph: a block delimiter, an attribute line, a list continuation. */
function interruptsParagraph(line: SourceLine): boolean {
  if (line.indent > 0) return false;
  const { text } = line;
  return delimiterKind(text) !== null || text === '+' || (text.startsWith('[') && isAttributeLine(text) && !text.startsWith('[['));
}

/** `== Title` (or Markdown's `## Title`): depth is the count of marks. */
function headingOf(text: string): { depth: number; title: string } | null {
  const mark = text[0];
  if (mark !== '=' && mark !== '#') return null;
  let depth = 0;
  while (text[depth] === mark) depth += 1;
  if (depth > 6 || text[depth] !== ' ') return null;
  let title = text.slice(depth + 1).trim();
  // A symmetric closing run (`== Title ==`) is not part of the title.
  const closing = mark.repeat(depth);
  if (title.endsWith(` ${closing}`)) title = title.slice(0, -closing.length - 1).trimEnd();
  return title === '' ? null : { depth, title };
}

/**
 * The column after a list marker and its spaces at `column`, or -1: `*` to
 * `*****`, `-`, `.` to `.....`, `1.`, `a.`, `i)`; a marker needs a space after it.
 */
export function listMarkerAt(text: string, column: number, to: number): number {
  const first = text[column] ?? '';
  let index = column;
  if (first === '*' || first === '.') {
    while (index < to && text[index] === first && index - column < 6) index += 1;
    if (index - column > 5) return -1;
  } else if (first === '-') index += 1;
  else {
    const start = index;
    while (index < to && index - start < 9 && /[0-9]/.test(text[index] ?? '')) index += 1;
    if (index > start) {
      if (text[index] !== '.') return -1;
    } else {
      // `a.`, `B.`, and the roman `i)`, `IV)` markers.
      if (/[a-zA-Z]/.test(first) && text[index + 1] === '.') index += 1;
      else {
        while (index < to && index - start < 8 && /[ivxlcdmIVXLCDM]/.test(text[index] ?? '')) index += 1;
        if (index === start || text[index] !== ')') return -1;
      }
    }
    index += 1;
  }
  if (index >= to || text[index] !== ' ') return -1;
  while (index < to && text[index] === ' ') index += 1;
  return index >= to ? -1 : index;
}

function parseAttributes(inner: string, offset: number): Attributes {
  const attributes: Attributes = { style: '', options: new Set(), named: new Map(), offset };
  let positional = 0;
  for (const entry of splitEntries(inner)) {
    const equals = entry.indexOf('=');
    const name = equals > 0 ? entry.slice(0, equals).trim() : '';
    if (equals > 0 && /^[\w-]+$/.test(name)) {
      const value = unquote(entry.slice(equals + 1).trim());
      attributes.named.set(name, value);
      if (name === 'options' || name === 'opts') for (const option of value.split(',')) attributes.options.add(option.trim());
      continue;
    }
    positional += 1;
    if (positional !== 1) continue;
    // The first positional attribute: a style with `#id`, `.role` and `%option` shorthands.
    const shorthand = /[#.%]/.exec(entry);
    attributes.style = (shorthand ? entry.slice(0, shorthand.index) : entry).trim().toLowerCase();
    for (const option of entry.split('%').slice(1)) attributes.options.add(option.split(/[#.]/)[0] ?? '');
  }
  return attributes;
}

/** Comma-separated entries, commas inside quotes kept. */
function splitEntries(inner: string): string[] {
  const entries: string[] = [];
  let quote = '';
  let start = 0;
  for (let index = 0; index < inner.length; index++) {
    const character = inner[index] ?? '';
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === ',') {
      entries.push(inner.slice(start, index).trim());
      start = index + 1;
    }
  }
  entries.push(inner.slice(start).trim());
  return entries;
}

function unquote(value: string): string {
  const first = value[0];
  return (first === '"' || first === "'") && value.length >= 2 && value.endsWith(first) ? value.slice(1, -1) : value;
}

function excerpt(text: string): string {
  const clean = cleanSpace(text);
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

// Inline markup.

const macros = new Set(['link', 'xref', 'mailto', 'image', 'kbd', 'btn', 'pass', 'footnote', 'footnoteref', 'anchor', 'icon']);
const escapable = '\\`*_#+[]<>{}|^~:';

/**
 * AsciiDoc inline markup as plain text: `code`, +pass+, *strong*, _em_ and
 * #mark# keep their text; link:url[text], https://url[text], xref:id[text]
 * and <<id,text>> keep their text (the target when the text is empty);
 * footnotes are dropped; `\` escapes are resolved. One pass: each opener
 * looks only at the nearest closer, so the work stays linear.
 */
export function renderAsciidocInline(source: string): string {
  const finders = new Map<string, (from: number) => number>();
  const find = (marker: string, from: number) => {
    let finder = finders.get(marker);
    if (!finder) {
      finder = nextFinder(source, marker);
      finders.set(marker, finder);
    }
    return finder(from);
  };
  const out: string[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index] ?? '';
    if (character === '\\' && escapable.includes(source[index + 1] ?? ' ')) {
      out.push(source[index + 1] ?? '');
      index += 2;
      continue;
    }
    if ('`+*_#'.includes(character)) {
      const quoted = quotedAt(source, index, character, find);
      if (quoted) {
        out.push(character === '`' || character === '+' ? quoted.inner : renderAsciidocInline(quoted.inner));
        index = quoted.end;
        continue;
      }
      let run = index;
      while (source[run] === character) run += 1;
      out.push(source.slice(index, run));
      index = run;
      continue;
    }
    if (character === '<' && source[index + 1] === '<') {
      const close = find('>>', index + 2);
      if (close > index + 2) {
        const inner = source.slice(index + 2, close);
        const comma = inner.indexOf(',');
        out.push(comma >= 0 ? inner.slice(comma + 1).trim() : inner.trim());
        index = close + 2;
        continue;
      }
    }
    // Macros open a word, except footnotes, which follow what they annotate (`8080footnote:[…]`).
    const opensWord = !isWordCharacter(source.charCodeAt(index - 1));
    if ((opensWord && /[a-z]/.test(character)) || (character === 'f' && source.startsWith('footnote', index))) {
      const macro = macroAt(source, index, find);
      if (macro) {
        out.push(macro.text);
        index = macro.end;
        continue;
      }
    }
    out.push(character);
    index += 1;
  }
  return out.join('');
}

/** A quoted span at `index` (`+++x+++`, `++x++`, `**x**`, or constrained `*x*`): its inner text and end. */
function quotedAt(
  source: string,
  index: number,
  mark: string,
  find: (marker: string, from: number) => number,
): { inner: string; end: number } | null {
  const widths = mark === '+' ? [3, 2] : [2];
  for (const width of widths) {
    const marker = mark.repeat(width);
    if (!source.startsWith(marker, index)) continue;
    const close = find(marker, index + width);
    if (close > index + width) return { inner: source.slice(index + width, close), end: close + width };
  }
  if (!opensAt(source, index, 1)) return null;
  const close = find(mark, index + 1);
  if (close <= index + 1 || !closesAt(source, close, 1)) return null;
  return { inner: source.slice(index + 1, close), end: close + 1 };
}

/** `link:url[text]`, `https://url[text]`, `xref:id[text]`, `kbd:[…]`, `footnote:[…]` … at `index`. */
function macroAt(source: string, index: number, find: (marker: string, from: number) => number): { text: string; end: number } | null {
  let colon = index;
  while (colon < source.length && colon - index < 12 && /[a-z]/.test(source[colon] ?? '')) colon += 1;
  if (source[colon] !== ':') return null;
  const name = source.slice(index, colon);
  const url = ['http', 'https', 'ftp', 'irc', 'file'].includes(name) && source.startsWith('//', colon + 1);
  if (!url && !macros.has(name)) return null;
  let targetEnd = colon + 1;
  while (targetEnd < source.length && source[targetEnd] !== '[' && source[targetEnd] !== ' ') targetEnd += 1;
  const target = source.slice(url ? index : colon + 1, targetEnd);
  // Without a label the scanned text stays as written, and is not scanned again.
  if (source[targetEnd] !== '[') return { text: source.slice(index, targetEnd), end: targetEnd };
  const close = find(']', targetEnd + 1);
  if (close < 0) return { text: source.slice(index, targetEnd), end: targetEnd };
  const label = source.slice(targetEnd + 1, close);
  const end = close + 1;
  if (name === 'footnote' || name === 'footnoteref' || name === 'anchor') return { text: '', end };
  if (name === 'pass' || name === 'kbd' || name === 'btn') return { text: label, end };
  const text = linkText(label);
  return { text: text === '' ? target : text, end };
}

/** The text of a link label: before any `,name=value` attributes, without the `^` (new window) mark. */
function linkText(label: string): string {
  const comma = label.indexOf(',');
  const text = comma >= 0 && label.slice(comma).includes('=') ? label.slice(0, comma) : label;
  return unquote(text.trim()).replace(/\^$/, '').trim();
}

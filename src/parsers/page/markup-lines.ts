/**
 * What the reStructuredText and AsciiDoc readers share: the document as
 * lines whose columns map back to offsets, and a table cell built from the
 * pieces of lines it covers (a rectangle of a grid table, the lines after a
 * `- ` marker, the text between two `|`).
 *
 * Columns are counted with tabs expanded to 8-column stops, as docutils
 * counts them, so a table drawn with tabs lines up as it does on screen;
 * every column still maps to an offset in the original text.
 */
import type { Point } from '../../model/location.js';
import { cleanSpace } from '../../model/text.js';
import type { CellItem, CellItemKind, TableCell } from '../tables/table.js';

const tabStop = 8;

/** One line of the document. */
export interface SourceLine {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the line's end (its `\n`, or the end of the document). */
  end: number;
  /** The line with tabs expanded and trailing whitespace removed. */
  text: string;
  /** Columns of leading spaces; `text.length` (0 when trimmed) for a blank line. */
  indent: number;
  blank: boolean;
  /** For a line holding a tab: the offset of each column of `text`. */
  offsets: number[] | null;
}

/** The document's lines, `\n`-separated. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lines.push(lineOf(text.slice(start, end), start, end));
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

function lineOf(raw: string, start: number, end: number): SourceLine {
  let text = raw;
  let offsets: number[] | null = null;
  if (raw.includes('\t')) {
    const pieces: string[] = [];
    offsets = [];
    for (let index = 0; index < raw.length; index++) {
      const character = raw[index] ?? '';
      const width = character === '\t' ? tabStop - (offsets.length % tabStop) : 1;
      pieces.push(character === '\t' ? ' '.repeat(width) : character);
      for (let column = 0; column < width; column++) offsets.push(start + index);
    }
    text = pieces.join('');
  }
  text = text.trimEnd();
  if (offsets) offsets.length = text.length;
  let indent = 0;
  while (indent < text.length && text.charCodeAt(indent) === 32) indent += 1;
  return { start, end, text, indent, blank: text.length === 0, offsets };
}

/** The document offset of a column of a line; a column past its text maps to the line's end at most. */
export function offsetAt(line: SourceLine, column: number): number {
  if (line.offsets) {
    const offset = line.offsets[column];
    if (offset !== undefined) return offset;
    const last = line.offsets.at(-1);
    const afterText = last === undefined ? line.start : last + 1;
    return Math.min(afterText + (column - line.offsets.length), line.end);
  }
  return Math.min(line.start + column, line.end);
}

/** The first column at or after `from` holding a character other than a space, or -1. */
export function firstTextColumn(text: string, from: number, to = text.length): number {
  const end = Math.min(to, text.length);
  for (let column = Math.max(0, from); column < end; column++) {
    if (text.charCodeAt(column) !== 32) return column;
  }
  return -1;
}

/** The part of a line a cell covers: columns `from` (included) to `to` (excluded). */
export interface Segment {
  line: SourceLine;
  from: number;
  to: number;
}

/** How a markup writes what stands inside a cell. */
export interface CellSyntax {
  /** Inline markup of an item's source (lines joined by spaces) as plain text. */
  render: (source: string) => string;
  /**
   * The column just after a list marker and its spaces when one starts at
   * `column` of `text` (not past `to`), or -1; null when cells hold no lists.
   */
  listMarker: ((text: string, column: number, to: number) => number) | null;
  /** 'indented': a list item continues on lines indented past its marker; 'any': on any line. */
  itemContinuation: 'indented' | 'any';
}

interface PendingItem {
  kind: CellItemKind;
  parts: string[];
  offset: number;
  markerColumn: number;
  lines: number;
}

/**
 * A cell from the segments it covers, in order (blank segments separate
 * paragraphs). `startOffset` places a cell without any text.
 */
export function cellOf(segments: readonly Segment[], syntax: CellSyntax, startOffset: number): TableCell {
  if (segments.every(({ line, from, to }) => firstTextColumn(line.text, from, to) < 0)) {
    return { text: '', items: [], offset: startOffset, spanned: false };
  }
  const pending: PendingItem[] = [];
  let current: PendingItem | null = null;
  let firstOffset = -1;
  for (const { line, from, to } of segments) {
    const end = Math.min(to, line.text.length);
    const column = firstTextColumn(line.text, from, end);
    if (column < 0) {
      current = null;
      continue;
    }
    if (firstOffset < 0) firstOffset = offsetAt(line, column);
    const content = syntax.listMarker ? syntax.listMarker(line.text, column, end) : -1;
    if (content >= 0) {
      const textColumn = firstTextColumn(line.text, content, end);
      current = { kind: 'list-item', parts: [], offset: -1, markerColumn: column, lines: 1 };
      pending.push(current);
      if (textColumn >= 0) {
        current.parts.push(line.text.slice(textColumn, end));
        current.offset = offsetAt(line, textColumn);
      }
      continue;
    }
    const continues =
      current !== null &&
      (current.kind !== 'list-item' || syntax.itemContinuation === 'any' || column > current.markerColumn);
    if (!continues || current === null) {
      current = { kind: 'paragraph', parts: [], offset: offsetAt(line, column), markerColumn: column, lines: 0 };
      pending.push(current);
    }
    current.parts.push(line.text.slice(column, end));
    if (current.offset < 0) current.offset = offsetAt(line, column);
    current.lines += 1;
  }
  const only = pending.length === 1 ? pending[0] : undefined;
  if (only && only.kind === 'paragraph' && only.lines === 1) only.kind = 'text';
  const items: CellItem[] = [];
  for (const item of pending) {
    const text = cleanSpace(syntax.render(item.parts.join(' ')));
    if (text !== '') items.push({ kind: item.kind, text, offset: item.offset });
  }
  return {
    text: items.map((item) => item.text).join(' '),
    items,
    offset: firstOffset < 0 ? startOffset : firstOffset,
    spanned: false,
  };
}

/**
 * Every row is as wide as its table, so a table of many rows and many
 * columns costs rows × columns slots however little text it holds. Past a
 * size no real page reaches, a table must be paid for by its text, which
 * keeps every reader linear in its input.
 */
export function withinBudget(slots: number, characters: number): boolean {
  return slots <= 200_000 || slots <= 8 * characters;
}

/** The message for a table refused by withinBudget. */
export function tooLarge(rows: number, rowNoun: string, columns: number, characters: number): string {
  return `Unexpected table of ${rows} ${rowNoun}s by ${columns} columns from ${characters} characters, expected a table its text fills; its rows are not read`;
}

/** The copy of a cell that the slots its span covers share. */
export function spannedCopy(cell: TableCell): TableCell {
  return { ...cell, spanned: true };
}

/**
 * Finds the next occurrence of a marker at or after a position, for scans
 * whose positions only grow: a search never rescans what an earlier one
 * passed, so a line full of openers without closers stays linear.
 */
export function nextFinder(text: string, marker: string): (from: number) => number {
  let lastFrom = -1;
  let lastFound = -1;
  return (from) => {
    if (lastFrom >= 0 && from >= lastFrom && (lastFound < 0 || from <= lastFound)) return lastFound;
    lastFrom = from;
    lastFound = text.indexOf(marker, from);
    return lastFound;
  };
}

/**
 * A letter, digit or `_`; past ASCII, anything but spaces and punctuation
 * (Latin-1 signs, General and CJK punctuation) counts as a letter. False
 * past either end of the text.
 */
export function isWordCharacter(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code > 127) return !((code >= 0xa0 && code <= 0xbf) || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f));
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Inline markup of `width` characters at `index` opens where it follows no word character and precedes no space. */
export function opensAt(source: string, index: number, width: number): boolean {
  const after = source[index + width];
  return !isWordCharacter(source.charCodeAt(index - 1)) && after !== undefined && after !== ' ';
}

/** …and closes where it follows no space and precedes no word character. */
export function closesAt(source: string, index: number, width: number): boolean {
  return source[index - 1] !== ' ' && !isWordCharacter(source.charCodeAt(index + width));
}

/** How a reader places an offset of the document for a message. */
export type At = (offset: number) => Point;

/** Text quoted in a message: whitespace collapsed, cut to 40 characters. */
export function excerpt(text: string): string {
  const clean = cleanSpace(text);
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** What a read past either end of the document sees: a blank line. */
const blankLine: SourceLine = { start: 0, end: 0, text: '', indent: 0, blank: true, offsets: null };

/**
 * The lines of a document, read by index, as asciidoctor's `Reader` and
 * docutils' state machine (`get_text_block`, `get_indented`) read them. Each
 * run takes the index it starts at and returns the index where it ends, so
 * a reader that resumes there never reads a line twice.
 */
export class LineCursor {
  constructor(readonly lines: readonly SourceLine[]) {}

  /** The number of lines. */
  get length(): number {
    return this.lines.length;
  }

  /** Line `index`, or a blank line past either end. */
  line(index: number): SourceLine {
    return this.lines[index] ?? blankLine;
  }

  /** Line `index`, or undefined past the end, for a look-ahead that must tell the end of the page from a blank line. */
  peek(index: number): SourceLine | undefined {
    return this.lines[index];
  }

  /** The first blank line at or after `index` (the end when there is none): the end of a text block. */
  untilBlank(index: number): number {
    let next = index;
    while (next < this.lines.length && !this.line(next).blank) next += 1;
    return next;
  }

  /** The first line at or after `index` that is not blank. */
  pastBlanks(index: number): number {
    let next = index;
    while (next < this.lines.length && this.line(next).blank) next += 1;
    return next;
  }

  /** The first line at or after `index` that is neither blank nor indented past `column`: the end of a body indented under `column`. */
  whileIndented(index: number, column: number): number {
    let next = index;
    while (next < this.lines.length && (this.line(next).blank || this.line(next).indent > column)) next += 1;
    return next;
  }

  /** The characters of lines `from` to `to` (excluded), trailing spaces left out: what a table drawn there is paid for with. */
  characters(from: number, to: number): number {
    let characters = 0;
    for (let index = from; index < to; index++) characters += this.line(index).text.length;
    return characters;
  }
}

/**
 * An AsciiDoc page as blocks: section titles, `|===` tables, list items and
 * paragraphs, read line by line in one pass, the way Asciidoctor lays them
 * out.
 *
 * Example, sidebar, quote and open blocks (and admonitions) are read as
 * content; what renders as code or not at all is skipped: comments, listing
 * and literal blocks, passthroughs, literal (indented) paragraphs, block
 * titles, attribute entries, preprocessor directives and block macros.
 *
 * This is the block scanner, as Asciidoctor's parser.rb is: a table's lines
 * go to asciidoc-table.ts, text to asciidoc-inline.ts.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { cleanSpace } from '../../model/text.js';
import { topLevelItem, type Block } from './blocks.js';
import { renderAsciidocInline, unquote } from './asciidoc-inline.js';
import { readAsciidocTable, type TableCellSyntax } from './asciidoc-table.js';
import { firstTextColumn, offsetAt, splitLines, type SourceLine } from './markup-lines.js';

export { renderAsciidocInline } from './asciidoc-inline.js';

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
const cellSyntax: TableCellSyntax = {
  prose: { render: renderAsciidocInline, listMarker: null, itemContinuation: 'any' },
  document: { render: renderAsciidocInline, listMarker: listMarkerAt, itemContinuation: 'any' },
};

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
    const delimiter = line.text;
    let end = index + 1;
    while (end < this.lines.length && this.line(end).text !== delimiter) end += 1;
    const resume = Math.min(end + 1, this.lines.length);
    if (end >= this.lines.length) {
      this.report('table-truncated', `Unexpected end of file inside a table, expected a closing \`${delimiter}\``, this.at(line.start));
    }
    const body = this.lines.slice(index + 1, end);
    const table = readAsciidocTable({ body, delimiter, offset: line.start, attributes: this.attributes, syntax: cellSyntax }, this.report, this.at);
    if (table) this.blocks.push({ kind: 'table', table });
    return resume;
  }
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

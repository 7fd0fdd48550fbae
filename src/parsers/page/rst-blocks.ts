/**
 * A reStructuredText page as blocks: section titles, grid tables, simple
 * tables, `list-table` directives, list items and paragraphs, read line by
 * line in one pass, the way docutils lays them out. This is the block
 * scanner (docutils' `states.py`); tables are laid out by `rst-tables.ts`
 * and `rst-list-table.ts`, inline markup rendered by `rst-inline.ts` with
 * the substitutions `rst-substitutions.ts` finds on the page first.
 *
 * Lists nest by indentation, as docutils nests them: a list item holds the
 * lines indented past its marker. An item's block gives its own paragraphs
 * only; the items of a list inside it (in its body, or inside a directive in
 * its body) follow it as blocks of their own, each naming its parent.
 *
 * What renders as content is read, including the bodies of admonitions
 * (`.. note::`) and containers (`.. table::`, `.. only::`); what renders as
 * code or is not rendered at all is skipped: literal blocks after `::`,
 * comments, targets, substitution definitions, and the bodies of other
 * directives (`.. code-block::`, `.. raw::`, `.. image::`, …).
 */
import type { Reporter } from '../../model/messages.js';
import { cleanSpace } from '../../model/text.js';
import type { Table } from '../tables/table.js';
import type { Block, ListItemBlock } from './blocks.js';
import { LineCursor, firstTextColumn, offsetAt, splitLines, type At, type SourceLine } from './markup-lines.js';
import { renderRstInline } from './rst-inline.js';
import { readListTable } from './rst-list-table.js';
import { readSubstitutions } from './rst-substitutions.js';
import { admonitions, bulletCharacters, cellSyntaxOf, containers, directiveAt, fieldOf, listMarkerAt, type RstPage } from './rst-syntax.js';
import { SimpleTables, isGridTop, isSimpleBorder, readGridTable, type TableRead } from './rst-tables.js';

/** Every block of a reStructuredText page, in document order. Never throws; reports tables it cannot line up. */
export function readRstBlocks(text: string, report: Reporter, at: At): Block[] {
  const lines = new LineCursor(splitLines(text));
  const substitutions = readSubstitutions(lines);
  const render = (source: string) => renderRstInline(source, substitutions);
  const reader = new RstReader({ lines, report, at, render, cells: cellSyntaxOf(render) });
  reader.read();
  return reader.blocks;
}

const adornmentCharacters = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * A body the lines below are read in: a list item's, or a directive's whose
 * content is read. It stays open while lines are indented past its column.
 */
interface OpenBody {
  /** The column of the item's marker or of the directive's `..`. */
  column: number;
  /** The item whose body this is; null for a directive's body. */
  own: ListItemBlock | null;
  /** The innermost item this body is in (its own item, for an item's body), or null. */
  item: ListItemBlock | null;
}

class RstReader {
  readonly blocks: Block[] = [];
  /** Adornment styles (`u=` underline only, `o=` over- and underline) in order of first use: their depth. */
  private readonly styles: string[] = [];
  private readonly lines: LineCursor;
  private readonly report: Reporter;
  private readonly at: At;
  private readonly simpleTables: SimpleTables;
  /** The bodies the current line may belong to, outermost first; their columns grow. */
  private readonly open: OpenBody[] = [];

  constructor(private readonly page: RstPage) {
    this.lines = page.lines;
    this.report = page.report;
    this.at = page.at;
    this.simpleTables = new SimpleTables(page);
  }

  read(): void {
    const { lines } = this;
    let index = 0;
    while (index < lines.length) {
      const line = lines.line(index);
      if (line.blank) {
        index += 1;
        continue;
      }
      // A line belongs to the bodies whose column it is indented past; the others end above it.
      while ((this.open.at(-1)?.column ?? -1) >= line.indent) this.open.pop();
      index = this.readBlockAt(index, line);
    }
    // An item without text of its own (`-` alone, or `- - x`, whose outer item holds only a list) gives no block.
    const items = this.blocks;
    let kept = 0;
    for (const block of items) if (block.kind !== 'list-item' || block.source !== '') items[kept++] = block;
    items.length = kept;
  }

  /** Reads the block starting at a non-blank line; returns the index of the line after it. */
  private readBlockAt(index: number, line: SourceLine): number {
    const { text, indent } = line;
    if (text.startsWith('..', indent) && (text.length === indent + 2 || text[indent + 2] === ' ')) {
      return this.explicitMarkup(index, line);
    }
    if (text.startsWith('__', indent) && (text.length === indent + 2 || text[indent + 2] === ' ')) {
      return this.lines.whileIndented(index + 1, indent); // an anonymous target
    }
    if (isGridTop(text, indent)) return this.table(readGridTable(this.page, index));
    if (isSimpleBorder(line, indent)) return this.table(this.simpleTables.read(index));
    const heading = this.headingAt(index);
    if (heading >= 0) return heading;
    if (isAdornment(line) && line.text.length >= 4) return index + 1; // a transition
    if (text.startsWith('>>>', indent)) return this.lines.untilBlank(index); // a doctest block
    const content = listMarkerAt(text, indent, text.length);
    if (content >= 0 && this.isListItem(index, text, indent)) return this.listItem(index, line, content);
    return this.paragraph(index, line);
  }

  private table({ table, next }: TableRead): number {
    if (table) this.pushTable(table);
    return next;
  }

  // Section titles.

  /** The index after a section title starting at `index`, or -1 when there is none. */
  private headingAt(index: number): number {
    const line = this.lines.line(index);
    const next = this.lines.peek(index + 1);
    if (isAdornment(line)) {
      const under = this.lines.peek(index + 2);
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
    this.blocks.push({ kind: 'heading', depth, text: cleanSpace(this.page.render(title)), offset });
  }

  /** A line that a section underline follows (so it ends the paragraph above it). */
  private isTitleLine(index: number): boolean {
    const line = this.lines.line(index);
    const next = this.lines.peek(index + 1);
    return line.indent === 0 && next !== undefined && isAdornment(next) && codePoints(line.text) <= next.text.length;
  }

  // Paragraphs and list items.

  /**
   * A paragraph: lines at one indentation up to a blank line. Inside a list
   * item it is the item's text, and a line that opens a list item ends it.
   * A field (`:Port: 22`) is a paragraph of its own, continued by the lines
   * indented under it, as docutils reads a field list's body.
   */
  private paragraph(index: number, line: SourceLine): number {
    const item = this.open.at(-1)?.item ?? null;
    const field = fieldOf(line) !== null;
    const parts = [line.text.slice(line.indent)];
    let next = index + 1;
    for (; next < this.lines.length; next++) {
      const candidate = this.lines.line(next);
      if (candidate.blank || this.isTitleLine(next)) break;
      if (field ? candidate.indent <= line.indent : candidate.indent !== line.indent) break;
      if (item && this.opensListItem(next, candidate)) break;
      parts.push(candidate.text.slice(candidate.indent));
    }
    const source = cleanSpace(parts.join(' '));
    const offset = offsetAt(line, line.indent);
    const own = this.open.at(-1)?.own;
    if (own) addText(own, source, offset);
    else if (source !== '::') this.blocks.push({ kind: 'paragraph', source, offset });
    return source.endsWith('::') ? this.skipLiteralBlock(next, line.indent) : next;
  }

  /**
   * docutils reads `1.` as a list item only when the next line is blank, an
   * item of the same list, or indented under it; otherwise it is text
   * (`2024. A year` is a paragraph). A next line outside the body this one
   * is in (the item or directive around it) ends that body, as the end of
   * the page would. Bullets need no such check.
   */
  private isListItem(index: number, text: string, column: number): boolean {
    if (bulletCharacters.includes(text[column] ?? '')) return true;
    const next = this.lines.peek(index + 1);
    const within = this.open.at(-1)?.column ?? -1;
    if (!next || next.blank || next.indent > column || next.indent <= within) return true;
    return next.indent === column && listMarkerAt(next.text, next.indent, next.text.length) >= 0;
  }

  /**
   * A line that opens a list item while a list item's text is being read.
   * docutils asks for a blank line before a nested list and reads the line
   * as text without one; a marker indented under an item is read here as
   * the nested item its writer meant, as Markdown reads it.
   */
  private opensListItem(index: number, line: SourceLine): boolean {
    return listMarkerAt(line.text, line.indent, line.text.length) >= 0 && this.isListItem(index, line.text, line.indent);
  }

  /**
   * A list item: its marker opens a body that holds the lines indented past
   * the marker. Its first paragraph is the text after the marker and the
   * lines indented under it, up to a blank line or a line that opens a
   * nested item; what follows in its body is read as blocks inside it.
   * Text that opens with a marker (`- - x`, `1. a) x`) is a list inside the
   * item on the same line, as docutils reads it.
   */
  private listItem(index: number, line: SourceLine, content: number): number {
    const { text } = line;
    let marker = line.indent;
    let body = content;
    let item = this.openItem(marker);
    for (let nested = listMarkerAt(text, body, text.length); nested >= 0 && this.isListItem(index, text, body); nested = listMarkerAt(text, body, text.length)) {
      marker = body;
      body = nested;
      item = this.openItem(marker);
    }
    const parts: string[] = [];
    let offset = -1;
    const first = firstTextColumn(text, body);
    if (first >= 0) {
      parts.push(text.slice(first));
      offset = offsetAt(line, first);
    }
    let next = index + 1;
    for (; next < this.lines.length; next++) {
      const candidate = this.lines.line(next);
      if (candidate.blank || candidate.indent <= marker || this.opensListItem(next, candidate)) break;
      if (offset < 0) offset = offsetAt(candidate, candidate.indent);
      parts.push(candidate.text.slice(candidate.indent));
    }
    const source = cleanSpace(parts.join(' '));
    addText(item, source, offset);
    return source.endsWith('::') ? this.skipLiteralBlock(next, Math.min(body, text.length)) : next;
  }

  /** A list item whose marker stands at `column`, inside the innermost open item, as a block and as the open body. */
  private openItem(column: number): ListItemBlock {
    const parent = this.open.at(-1)?.item ?? null;
    const item: ListItemBlock = { kind: 'list-item', source: '', offset: -1, depth: parent ? parent.depth + 1 : 0, parent };
    this.blocks.push(item);
    this.open.push({ column, own: item, item });
    return item;
  }

  /** A directive whose body is read as content: lines indented past its `..` are in it, not in the item around it. */
  private openDirective(column: number): void {
    this.open.push({ column, own: null, item: this.open.at(-1)?.item ?? null });
  }

  // Skipping what does not render as text.

  /** After a paragraph ending in `::`, the indented literal block that follows, if any. */
  private skipLiteralBlock(index: number, base: number): number {
    const next = this.lines.pastBlanks(index);
    if (next >= this.lines.length || this.lines.line(next).indent <= base) return index;
    return this.lines.whileIndented(next, base);
  }

  /** `..` blocks: directives, comments, targets, footnotes, substitution definitions. */
  private explicitMarkup(index: number, line: SourceLine): number {
    const column = line.indent;
    const nameStart = firstTextColumn(line.text, column + 2);
    if (nameStart < 0) {
      const next = this.lines.peek(index + 1);
      return next && !next.blank && next.indent > column ? this.lines.whileIndented(index + 1, column) : index + 1;
    }
    const directive = directiveAt(line.text, nameStart);
    if (!directive) return this.lines.whileIndented(index + 1, column); // a comment, target, footnote or substitution
    const name = directive.name.toLowerCase();
    if (name === 'list-table') return this.table(readListTable(this.page, index));
    if (name === 'csv-table') {
      this.report(
        'table-malformed',
        'Unexpected `csv-table` directive, expected a grid table, a simple table or a `list-table`; its rows are not read',
        this.at(offsetAt(line, column)),
      );
      return this.lines.whileIndented(index + 1, column);
    }
    if (admonitions.has(name)) return this.admonition(index, line, directive.after);
    if (containers.has(name)) {
      this.openDirective(column);
      let next = index + 1;
      while (next < this.lines.length && !this.lines.line(next).blank && this.lines.line(next).indent > column) next += 1;
      return next;
    }
    return this.lines.whileIndented(index + 1, column);
  }

  /** An admonition: text after `::` is a paragraph of its body; its options are skipped; the rest of the body is read as content. */
  private admonition(index: number, line: SourceLine, after: number): number {
    const column = line.indent;
    this.openDirective(column);
    let next = index + 1;
    const first = firstTextColumn(line.text, after);
    if (first >= 0) {
      const parts = [line.text.slice(first)];
      for (; next < this.lines.length; next++) {
        const candidate = this.lines.line(next);
        if (candidate.blank || candidate.indent <= column || fieldOf(candidate)) break;
        parts.push(candidate.text.slice(candidate.indent));
      }
      this.blocks.push({ kind: 'paragraph', source: cleanSpace(parts.join(' ')), offset: offsetAt(line, first) });
    }
    let optionIndent = -1;
    for (; next < this.lines.length; next++) {
      const candidate = this.lines.line(next);
      if (candidate.blank || candidate.indent <= column) break;
      if (fieldOf(candidate)) optionIndent = candidate.indent;
      else if (optionIndent < 0 || candidate.indent <= optionIndent) break;
    }
    return next;
  }

  private pushTable(table: Table): void {
    this.blocks.push({ kind: 'table', table });
  }
}

/** Adds a paragraph to an item's text; the item is placed at its first text. A paragraph of `::` alone only announces a literal block. */
function addText(item: ListItemBlock, source: string, offset: number): void {
  if (source === '' || source === '::') return;
  if (item.source === '') {
    item.source = source;
    item.offset = offset;
  } else item.source = `${item.source} ${source}`;
}

// Line recognisers.

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

/**
 * A reStructuredText page as blocks: section titles, grid tables, simple
 * tables, `list-table` directives, list items and paragraphs, read line by
 * line in one pass, the way docutils lays them out. This is the block
 * scanner (docutils' `states.py`); tables are laid out by `rst-tables.ts`
 * and `rst-list-table.ts`, inline markup rendered by `rst-inline.ts`.
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
import { topLevelItem, type Block } from './blocks.js';
import { LineCursor, firstTextColumn, offsetAt, splitLines, type At, type SourceLine } from './markup-lines.js';
import { isNameCharacter, renderRstInline } from './rst-inline.js';
import { readListTable } from './rst-list-table.js';
import { bulletCharacters, fieldOf, listMarkerAt } from './rst-syntax.js';
import { SimpleTables, isGridTop, isSimpleBorder, readGridTable, type TableRead } from './rst-tables.js';

export { renderRstInline } from './rst-inline.js';

/** Every block of a reStructuredText page, in document order. Never throws; reports tables it cannot line up. */
export function readRstBlocks(text: string, report: Reporter, at: At): Block[] {
  const reader = new RstReader(new LineCursor(splitLines(text)), report, at);
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

const adornmentCharacters = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

class RstReader {
  readonly blocks: Block[] = [];
  /** Adornment styles (`u=` underline only, `o=` over- and underline) in order of first use: their depth. */
  private readonly styles: string[] = [];
  private readonly simpleTables: SimpleTables;

  constructor(
    private readonly lines: LineCursor,
    private readonly report: Reporter,
    private readonly at: At,
  ) {
    this.simpleTables = new SimpleTables(lines, report, at);
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
      index = this.readBlockAt(index, line);
    }
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
    if (isGridTop(text, indent)) return this.table(readGridTable(this.lines, index, this.report, this.at));
    if (isSimpleBorder(line, indent)) return this.table(this.simpleTables.read(index));
    const heading = this.headingAt(index);
    if (heading >= 0) return heading;
    if (isAdornment(line) && line.text.length >= 4) return index + 1; // a transition
    if (text.startsWith('>>>', indent)) return this.lines.untilBlank(index); // a doctest block
    const content = listMarkerAt(text, indent, text.length);
    if (content >= 0 && this.isListItem(index, line)) return this.listItem(index, line, content);
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
    this.blocks.push({ kind: 'heading', depth, text: cleanSpace(renderRstInline(title)), offset });
  }

  /** A line that a section underline follows (so it ends the paragraph above it). */
  private isTitleLine(index: number): boolean {
    const line = this.lines.line(index);
    const next = this.lines.peek(index + 1);
    return line.indent === 0 && next !== undefined && isAdornment(next) && codePoints(line.text) <= next.text.length;
  }

  // Paragraphs and list items.

  private paragraph(index: number, line: SourceLine): number {
    const parts = [line.text.slice(line.indent)];
    let next = index + 1;
    for (; next < this.lines.length; next++) {
      const candidate = this.lines.line(next);
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
    const next = this.lines.peek(index + 1);
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
      const candidate = this.lines.line(next);
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
    if (name === 'list-table') return this.table(readListTable(this.lines, index, this.report, this.at));
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
      let next = index + 1;
      while (next < this.lines.length && !this.lines.line(next).blank && this.lines.line(next).indent > column) next += 1;
      return next;
    }
    return this.lines.whileIndented(index + 1, column);
  }

  /** An admonition: text after `::` is a paragraph of its body; its options are skipped; the rest of the body is read as content. */
  private admonition(index: number, line: SourceLine, after: number): number {
    const column = line.indent;
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

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
 * Section titles are one line (`== Title`) or two (a title over an
 * underline of `=`, `-`, `~`, `^` or `+` about as long as it). Lists nest by
 * marker (`*`, `**`; `.`, `..`; `1.`; `term::`, `term:::`), and a list
 * attached to an item with `+`, or inside an open block attached so, nests
 * in that item. Attribute references (`{name}`) resolve from the page's own
 * attribute entries. A delimited block never closed runs to the end of the
 * page, as in Asciidoctor, and is reported.
 *
 * This is the block scanner, as Asciidoctor's parser.rb is: what a line is
 * comes from asciidoc-lines.ts, a table's lines go to asciidoc-table.ts, text
 * to asciidoc-inline.ts.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { cleanSpace, plural } from '../../model/text.js';
import type { Block, ListItemBlock } from './blocks.js';
import { DocumentAttributes, renderAsciidocInline } from './asciidoc-inline.js';
import {
  attributeEntryOf,
  blockName,
  canBeTitle,
  characterCount,
  delimiterKind,
  descriptionTermOf,
  headingOf,
  interruptsParagraph,
  isAnchorLine,
  isAttributeLine,
  isBlockTitle,
  isBreak,
  isLineComment,
  isPreprocessorOrBlockMacro,
  listMarkerAt,
  listMarkerOf,
  parseAttributes,
  underlineDepth,
  underlineSlack,
  type AttributeEntry,
  type Attributes,
  type DelimiterKind,
} from './asciidoc-lines.js';
import { readAsciidocTable, type TableCellSyntax } from './asciidoc-table.js';
import { firstTextColumn, offsetAt, splitLines, type SourceLine } from './markup-lines.js';

export { renderAsciidocInline } from './asciidoc-inline.js';

type At = (offset: number) => Point;

/** Every block of an AsciiDoc page, in document order. Never throws; reports blocks it cannot read whole. */
export function readAsciidocBlocks(text: string, report: Reporter, at: At): Block[] {
  const reader = new AsciidocReader(text, report, at);
  reader.read();
  return reader.blocks;
}

/** Block styles whose content is not prose: a paragraph or open block so styled is skipped. */
const verbatimStyles = new Set(['source', 'listing', 'literal', 'pass', 'comment', 'stem', 'latexmath', 'asciimath']);

/**
 * What holds blocks: the page, or a delimited block whose content is read
 * as blocks (example, sidebar, quote, open). Everything read inside it stops
 * at its closing line, as Asciidoctor reads a block's lines apart.
 */
interface Container {
  /** Index of the line that closes it; for the page (or a block never closed), the end of what holds it. */
  end: number;
  /** `example`, `open`, …, for messages; `page` for the page. */
  name: string;
  /** The list item this container sits in (attached to it with `+`), or null. */
  item: ListItemBlock | null;
  /** The list open in this container: for each nesting level, its markers' trait and its last item. */
  levels: { trait: string; item: ListItemBlock }[];
}

class AsciidocReader {
  readonly blocks: Block[] = [];
  private readonly lines: readonly SourceLine[];
  /** The attribute line waiting for the block it describes. */
  private attributes: Attributes | null = null;
  /** Set while reading a line that belongs to the next block (attributes, title, anchor) or to none (a comment). */
  private describesNext = false;
  /** Set by a list continuation (`+`): the next block belongs to the last list item. */
  private attached = false;
  private readonly containers: Container[];
  /** For each line that opens or closes an example, sidebar, quote or open block: the next line of the same text, or -1. */
  private readonly nextSame: Int32Array;
  private readonly document: DocumentAttributes;
  /** Cells with the `a` style hold AsciiDoc content, lists included; other cells hold paragraphs. */
  private readonly cellSyntax: TableCellSyntax;

  constructor(
    private readonly text: string,
    private readonly report: Reporter,
    private readonly at: At,
  ) {
    this.lines = splitLines(text);
    this.containers = [{ end: this.lines.length, name: 'page', item: null, levels: [] }];
    this.nextSame = nextOfSameText(this.lines);
    this.document = new DocumentAttributes(Math.max(200_000, 8 * text.length));
    const render = (source: string) => renderAsciidocInline(this.document.resolve(source));
    this.cellSyntax = {
      prose: { render, listMarker: null, itemContinuation: 'any' },
      document: { render, listMarker: listMarkerAt, itemContinuation: 'any' },
    };
  }

  private line(index: number): SourceLine {
    return this.lines[index] ?? { start: 0, end: 0, text: '', indent: 0, blank: true, offsets: null };
  }

  /** The innermost container: the page, or the delimited block being read. */
  private get container(): Container {
    return this.containers.at(-1) ?? { end: this.lines.length, name: 'page', item: null, levels: [] };
  }

  read(): void {
    let index = 0;
    while (index < this.lines.length) {
      if (index === this.container.end) {
        // The closing line of a block (and of any block inside it never closed).
        while (this.containers.length > 1 && this.container.end === index) this.containers.pop();
        this.attributes = null;
        this.attached = false;
        index += 1;
        continue;
      }
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
      if (delimiter !== null) return this.delimited(index, line, delimiter);
      if (isLineComment(text) || isAnchorLine(text) || isBlockTitle(text)) return this.metadata(index);
      if (isAttributeLine(text)) {
        this.attributes = parseAttributes(text.slice(1, -1), line.start);
        return this.metadata(index);
      }
      if (isBreak(text) || isPreprocessorOrBlockMacro(text)) {
        this.beginBlock();
        return index + 1;
      }
      const entry = attributeEntryOf(text);
      if (entry) {
        if (!this.attached) this.container.levels.length = 0;
        return this.attributeEntry(index, entry);
      }
      const atx = headingOf(text);
      if (atx) return this.heading(index, line, atx.depth, atx.title, 1);
      const underlined = this.twoLineTitleAt(index, line);
      if (underlined > 0) return this.heading(index, line, underlined, text, 2);
      if (text === '+') {
        // A list continuation: the next block belongs to the last item.
        if (this.container.levels.length > 0) this.attached = true;
        return index + 1;
      }
    }
    const marker = listMarkerOf(text, line.indent, text.length);
    if (marker) {
      const first = firstTextColumn(text, marker.content);
      return this.listItem(index, marker.trait, null, first >= 0 ? { line, column: first } : null);
    }
    const term = descriptionTermOf(text);
    if (term) {
      const description = term.content >= 0 ? { line, column: term.content } : null;
      const termText = { text: text.slice(term.start, term.end), offset: offsetAt(line, term.start) };
      return this.listItem(index, term.trait, termText, description);
    }
    if (line.indent > 0) {
      // A literal paragraph: skipped. Within a list it belongs to the last item, as Asciidoctor reads it.
      this.attached = false;
      return this.skipParagraph(index);
    }
    const item = this.beginBlock();
    if (verbatimStyles.has(this.attributes?.style ?? '')) return this.skipParagraph(index);
    return this.paragraph(index, line, item !== null);
  }

  /**
   * A block starts: it belongs to the last list item when a `+` attached it
   * (returned); otherwise it ends the list open here.
   */
  private beginBlock(): ListItemBlock | null {
    const container = this.container;
    const item = this.attached ? (container.levels.at(-1)?.item ?? null) : null;
    this.attached = false;
    if (!item) container.levels.length = 0;
    return item;
  }

  /** A line that describes the next block (attributes, anchor, title) or none (a comment); unattached, it ends a list. */
  private metadata(index: number): number {
    if (!this.attached) this.container.levels.length = 0;
    this.describesNext = true;
    return index + 1;
  }

  // Sections.

  /**
   * The depth of a two-line title whose text is the line at `index`, or 0:
   * an underline of one of `=-~^+`, within two characters of the title's
   * length (counted in characters, tabs as one), inside the same block.
   */
  private twoLineTitleAt(index: number, line: SourceLine): number {
    if (index + 1 >= this.container.end) return 0;
    const underline = this.line(index + 1);
    const depth = underlineDepth(underline.text);
    if (depth === 0 || !canBeTitle(line.text)) return 0;
    const written = line.offsets ? this.text.slice(line.start, offsetAt(line, line.text.length - 1) + 1) : line.text;
    return Math.abs(characterCount(written) - underline.text.length) <= underlineSlack ? depth : 0;
  }

  private heading(index: number, line: SourceLine, depth: number, title: string, lineCount: number): number {
    this.beginBlock();
    let next = index + lineCount;
    // The document title is rendered with the attributes its header sets, as Asciidoctor renders it.
    if (depth === 1 && this.blocks.length === 0) next = this.header(next);
    this.blocks.push({ kind: 'heading', depth, text: cleanSpace(renderAsciidocInline(this.document.resolve(title))), offset: line.start });
    return next;
  }

  /** The document header after its title: author, revision and attribute entries, up to a blank line. */
  private header(index: number): number {
    const limit = this.container.end;
    let next = index;
    while (next < limit && !this.line(next).blank) {
      const entry = attributeEntryOf(this.line(next).text);
      next = entry ? this.attributeEntry(next, entry) : next + 1;
    }
    return next;
  }

  /** `:name: value`, with its lines continued by ` \` (or the older ` +`): the attribute is set from here on. */
  private attributeEntry(index: number, entry: AttributeEntry): number {
    let next = index + 1;
    let value = entry.value;
    const continuation = value === null ? '' : value.endsWith(' \\') ? ' \\' : value.endsWith(' +') ? ' +' : '';
    if (value !== null && continuation !== '') {
      const parts = [value.slice(0, -2).trimEnd()];
      const limit = this.container.end;
      let continues = true;
      while (continues && next < limit && !this.line(next).blank) {
        const part = this.line(next).text.trimStart();
        next += 1;
        continues = part.endsWith(continuation);
        parts.push(continues ? part.slice(0, -2).trimEnd() : part);
      }
      value = parts.join(' ');
    }
    this.document.set(entry.name, value);
    return next;
  }

  // Prose.

  /** A paragraph; one attached to a list item ends where the next item starts. */
  private paragraph(index: number, line: SourceLine, inList: boolean): number {
    const parts = [line.text];
    const limit = this.container.end;
    let next = index + 1;
    for (; next < limit; next++) {
      const candidate = this.line(next);
      if (candidate.blank || interruptsParagraph(candidate.text, candidate.indent)) break;
      if (inList && opensListItem(candidate)) break;
      if (!isLineComment(candidate.text)) parts.push(candidate.text.slice(candidate.indent));
    }
    this.blocks.push({ kind: 'paragraph', source: this.source(parts), offset: offsetAt(line, 0) });
    return next;
  }

  /**
   * One list item: its own text (after the marker, or a description list's
   * `term: description`) and the lines after it, up to a blank line, a block
   * or the next item. It nests by its marker's trait: the same trait as an
   * open level makes a sibling there (closing the levels below); a new one
   * opens a level below the last item.
   */
  private listItem(index: number, trait: string, term: { text: string; offset: number } | null, first: { line: SourceLine; column: number } | null): number {
    const parts: string[] = [];
    let offset = -1;
    if (first) {
      parts.push(first.line.text.slice(first.column));
      offset = offsetAt(first.line, first.column);
    }
    const limit = this.container.end;
    let next = index + 1;
    for (; next < limit; next++) {
      const candidate = this.line(next);
      if (candidate.blank || interruptsParagraph(candidate.text, candidate.indent) || opensListItem(candidate)) break;
      if (isLineComment(candidate.text)) continue;
      if (offset < 0) offset = offsetAt(candidate, candidate.indent);
      parts.push(candidate.text.slice(candidate.indent));
    }
    let source = this.source(parts);
    if (term) {
      const termText = this.source([term.text]);
      source = source === '' ? termText : `${termText}: ${source}`;
      offset = term.offset;
    }

    const container = this.container;
    this.attached = false;
    let level = container.levels.findIndex((open) => open.trait === trait);
    if (level < 0) level = container.levels.length;
    const parent = container.levels[level - 1]?.item ?? container.item;
    const item: ListItemBlock = { kind: 'list-item', source, offset, depth: parent ? parent.depth + 1 : 0, parent };
    container.levels.length = level;
    container.levels.push({ trait, item });
    if (source !== '') this.blocks.push(item);
    return next;
  }

  /** Lines joined by spaces, attribute references resolved, whitespace collapsed. */
  private source(parts: readonly string[]): string {
    return cleanSpace(this.document.resolve(parts.join(' ')));
  }

  // Delimited blocks.

  private delimited(index: number, line: SourceLine, kind: Exclude<DelimiterKind, null>): number {
    const item = this.beginBlock();
    switch (kind) {
      case 'table':
        return this.table(index, line);
      case 'fence':
        return this.skipDelimited(index, line, '```');
      case 'compound':
        if (verbatimStyles.has(this.attributes?.style ?? '')) return this.skipDelimited(index, line, line.text);
        return this.openContainer(index, line, item);
      default:
        return this.skipDelimited(index, line, line.text);
    }
  }

  /** An example, sidebar, quote or open block: its content is read as blocks, up to its closing line. */
  private openContainer(index: number, line: SourceLine, attachedTo: ListItemBlock | null): number {
    const enclosing = this.container;
    const close = this.nextSame[index] ?? -1;
    let end = close;
    if (close < 0 || close >= enclosing.end) {
      end = enclosing.end;
      this.reportUnclosed(index, line, line.text, end);
    }
    this.containers.push({ end, name: blockName(line.text), item: attachedTo ?? enclosing.item, levels: [] });
    return index + 1;
  }

  /** A block that does not render as text, from its opening line to the line that closes it (or the end of what holds it). */
  private skipDelimited(index: number, line: SourceLine, closing: string): number {
    const limit = this.container.end;
    for (let next = index + 1; next < limit; next++) {
      if (this.line(next).text === closing) return next + 1;
    }
    this.reportUnclosed(index, line, closing, limit);
    return limit;
  }

  /** A delimited block never closed: Asciidoctor reads it to the end of what holds it; say so, and how much it took. */
  private reportUnclosed(index: number, line: SourceLine, closing: string, end: number): void {
    const where = end >= this.lines.length ? 'the end of the page' : `the end of the enclosing ${this.container.name} block`;
    const took = plural(this.linesBetween(index + 1, end), 'line');
    this.report(
      'block-unclosed',
      `Unexpected ${blockName(line.text)} block never closed (opened by \`${line.text}\`, took ${took} to ${where}), expected a closing \`${closing}\``,
      this.at(line.start),
    );
  }

  /** How many lines of the page lie from `from` up to `end` (the empty line after a final line break is none). */
  private linesBetween(from: number, end: number): number {
    const last = this.lines.at(-1);
    const trailing = end === this.lines.length && this.lines.length > 1 && last !== undefined && last.start === last.end ? 1 : 0;
    return Math.max(0, end - from - trailing);
  }

  private skipParagraph(index: number): number {
    const limit = this.container.end;
    let next = index;
    while (next < limit && !this.line(next).blank) next += 1;
    return next;
  }

  // Tables.

  private table(index: number, line: SourceLine): number {
    const delimiter = line.text;
    const limit = this.container.end;
    let end = index + 1;
    while (end < limit && this.line(end).text !== delimiter) end += 1;
    const resume = Math.min(end + 1, limit);
    if (end >= limit) {
      const where = limit >= this.lines.length ? 'file' : `the enclosing ${this.container.name} block`;
      this.report('table-truncated', `Unexpected end of ${where} inside a table, expected a closing \`${delimiter}\``, this.at(line.start));
    }
    const body = this.lines.slice(index + 1, end);
    const table = readAsciidocTable({ body, delimiter, offset: line.start, attributes: this.attributes, syntax: this.cellSyntax }, this.report, this.at);
    if (table) this.blocks.push({ kind: 'table', table });
    return resume;
  }
}

/** Whether a line opens a list item (of any list): it ends the text of the item or paragraph before it. */
function opensListItem(line: SourceLine): boolean {
  return listMarkerOf(line.text, line.indent, line.text.length) !== null || descriptionTermOf(line.text) !== null;
}

/**
 * For each line that opens or closes an example, sidebar, quote or open
 * block, the index of the next line of the same text (-1 for none): the
 * line that closes the block it opens. One pass, from the end.
 */
function nextOfSameText(lines: readonly SourceLine[]): Int32Array {
  const next = new Int32Array(lines.length).fill(-1);
  const seen = new Map<string, number>();
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index];
    if (!line || line.indent > 0 || delimiterKind(line.text) !== 'compound') continue;
    next[index] = seen.get(line.text) ?? -1;
    seen.set(line.text, index);
  }
  return next;
}

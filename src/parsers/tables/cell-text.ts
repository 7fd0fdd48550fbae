/**
 * A table cell's text and items, gathered as its content is met in document
 * order: text as a browser's innerText gives it, whitespace collapsed, block
 * elements and `<br>` separating words; and the cell split into items
 * (paragraphs, list items, lines between `<br>`) for cells that list several
 * ports. Whoever walks the cell (a parsed tree, or a table's tokens) tells
 * it what comes; hidden content is never told.
 */
import { normalizeDecodedText } from '../../input/normalize-text.js';
import { cleanSpace } from '../../model/text.js';
import type { CellItem, CellItemKind, TableCell } from './table.js';

/** The item a block element's content makes: a list item for `<li>`, else a paragraph. */
export function itemKindOf(tag: string): CellItemKind {
  return tag === 'li' ? 'list-item' : 'paragraph';
}

/** One cell's text being gathered; offsets are offsets into the parsed text plus `base`. */
export class CellText {
  private readonly items: CellItem[] = [];
  /** The whole cell's text so far, before whitespace is collapsed. */
  private whole = '';
  private pending = '';
  private pendingOffset = -1;

  constructor(private readonly base: number) {}

  /** A text node: its value as parsed (character references decoded), starting at `start`. */
  text(value: string, start: number): void {
    // The parser has decoded the character references: their text goes through the source's rules too.
    const normalized = normalizeDecodedText(value);
    if (this.pendingOffset < 0 && normalized.trim() !== '') this.pendingOffset = start + leadingSpace(normalized);
    this.pending += normalized;
    this.whole += normalized;
  }

  /** A `<br>`, or a block element opening: the item before it ends, and words stay apart. */
  lineBreak(): void {
    this.flush('text');
    this.whole += ' ';
  }

  /** A block element closing: its content is one item of `kind`. */
  closeBlock(kind: CellItemKind): void {
    this.flush(kind);
    this.whole += ' ';
  }

  /** The cell, once its content has all been told; `offset` is that of its start tag. */
  finish(offset: number): TableCell {
    this.flush('text');
    return { text: cleanSpace(this.whole), items: this.items, offset: this.base + offset, spanned: false };
  }

  private flush(kind: CellItemKind): void {
    const text = cleanSpace(this.pending);
    if (text !== '') this.items.push({ kind, text, offset: this.base + this.pendingOffset });
    this.pending = '';
    this.pendingOffset = -1;
  }
}

/** How many whitespace characters open `text`, so an item's offset is that of its first visible character. */
function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

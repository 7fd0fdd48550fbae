/**
 * A page as blocks: what the markup-specific readers (Markdown, reStructuredText,
 * AsciiDoc) hand to the markup-free layers. Each block keeps the offset of its
 * start in the document, so rows and items can be reported at their line.
 */
import type { Table } from '../tables/table.js';

export type Block = HeadingBlock | TableBlock | ListItemBlock | ParagraphBlock;

/** A section heading; `depth` 1 is the page title level. */
export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  /** Rendered text of the heading. */
  text: string;
  offset: number;
}

export interface TableBlock {
  kind: 'table';
  table: Table;
}

/**
 * One list item (bullet or numbered), as written: the marker dropped, inline
 * markup kept (so a manifest pattern can name `` `{port}` ``), lines joined
 * by single spaces. Its own text only: nested items are blocks of their own,
 * after it, each naming the item it sits in, so every markup reader gives a
 * pattern the same text and a sub-item can take fields from its ancestors.
 */
export interface ListItemBlock {
  kind: 'list-item';
  source: string;
  offset: number;
  /** 0 for an item of a list that sits in no other list item; one more for each item it is nested in. */
  depth: number;
  /** The item this one is nested in, or null at depth 0. */
  parent: ListItemBlock | null;
  /** An item of a numbered list: its number (a page's footnotes under a table are often such a list). */
  ordinal?: number;
}

/** A top-level list item: depth 0, no parent. */
export function topLevelItem(source: string, offset: number): ListItemBlock {
  return { kind: 'list-item', source, offset, depth: 0, parent: null };
}

/** A paragraph of prose, as written (the Markdown reader keeps its line breaks, so offsets into it are the page's). */
export interface ParagraphBlock {
  kind: 'paragraph';
  source: string;
  offset: number;
}

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
 * by single spaces. Nested items are blocks of their own.
 */
export interface ListItemBlock {
  kind: 'list-item';
  source: string;
  offset: number;
}

/** A paragraph of prose, as written, lines joined by single spaces. */
export interface ParagraphBlock {
  kind: 'paragraph';
  source: string;
  offset: number;
}

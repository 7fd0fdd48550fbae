/**
 * The one Table shape every table reader produces, whatever the markup it
 * reads (HTML, pipe tables, reStructuredText, AsciiDoc): rows laid out on a
 * grid, header rows first, each cell split into items, with offsets into the
 * document so any cell can be reported at its own line.
 */

export type CellItemKind = 'text' | 'paragraph' | 'list-item';

/** One value inside a cell: a paragraph, a list item, or a line of loose text. */
export interface CellItem {
  kind: CellItemKind;
  /** Rendered text: markup removed, whitespace collapsed, trimmed. */
  text: string;
  /** Offset of the item's first character in the document. */
  offset: number;
}

export interface TableCell {
  /** The whole cell's rendered text, whitespace collapsed. */
  text: string;
  /** Non-empty items in document order. */
  items: CellItem[];
  /** Offset of the cell's start in the document; -1 for a slot no cell covers. */
  offset: number;
  /** True for a copy placed by a span (and for an empty slot); the original has false. */
  spanned: boolean;
}

/** The markup a table was written in, for messages and selection. */
export type TableMarkup = 'html' | 'pipe' | 'rst-grid' | 'rst-simple' | 'rst-list-table' | 'asciidoc';

export interface Table {
  markup: TableMarkup;
  /** Offset of the table's start in the document. */
  offset: number;
  /** Every row of the grid, header rows first; cell `i` of each row is column `i`, every row as wide as the table. */
  rows: TableCell[][];
  /** How many leading rows the markup marks as header rows (0 when it marks none). */
  headerRows: number;
  /** True when spans were cut to keep the grid in proportion to the markup's size. */
  clamped?: boolean;
}

/** A slot that no cell covers. */
export const emptySlot: TableCell = { text: '', items: [], offset: -1, spanned: true };

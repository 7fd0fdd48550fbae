/**
 * GFM pipe tables, as remark (with micromark's gfm-table extension) parses
 * them: the first row is the header, each cell is rendered to plain text, and
 * `<br>` inside a cell separates items, as in `80 (HTTP)<br/>443 (HTTPS)`.
 */
import type { PhrasingContent, Table as MdastTable, TableCell as MdastCell } from 'mdast';
import { renderPhrasing } from '../page/markdown-inline.js';
import { emptySlot, type Table, type TableCell } from './table.js';

/** The one Table shape for a pipe table node; offsets are the document's. */
export function pipeTable(node: MdastTable): Table {
  const rows = node.children.map((row) => row.children.map(readCell));
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return {
    markup: 'pipe',
    offset: node.position?.start.offset ?? 0,
    rows: rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? emptySlot)),
    headerRows: rows.length > 0 ? 1 : 0,
  };
}

function readCell(cell: MdastCell): TableCell {
  const offset = cell.position?.start.offset ?? 0;
  const items = renderPhrasing(cell.children as PhrasingContent[], offset).map((item) => ({ kind: 'text' as const, ...item }));
  return { text: items.map((item) => item.text).join(' '), items, offset: items[0]?.offset ?? offset, spanned: false };
}

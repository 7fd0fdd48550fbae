/**
 * An HTML table's grid from its rendered row groups, rows and cells, as
 * Chromium lays it out (see html.ts): the first `<thead>` first and the
 * first `<tfoot>` last, rowspans stopping at the end of their row group,
 * spans clamped as browsers clamp them and to a budget in proportion to the
 * markup, later cells covering earlier ones where spans overlap, and
 * columns in which no cell starts left out. Markup-free: whichever reading
 * of the markup found the groups, the grid is laid out here.
 */
import { append } from '../../model/append.js';
import { attributeOf, type WithAttributes } from './html-rendering.js';
import { emptySlot, type Table, type TableCell } from './table.js';

/** A rendered cell: its attributes (for its spans), what it reads as, and whether it marks its row as a header. */
export interface MarkupCell {
  attributes: WithAttributes;
  cell: TableCell;
  /** A `<th>`, or a cell whose every piece of text is bold: asked of the first row only. */
  marksHeader: () => boolean;
}

/** A rendered row group, its rendered rows each a list of rendered cells. */
export interface MarkupRowGroup {
  tag: 'thead' | 'tbody' | 'tfoot';
  rows: MarkupCell[][];
}

// HTML's own limits on spans; larger values are clamped as browsers do.
const maxColspan = 1000;
const maxRowspan = 65534;
/**
 * Slots a table may have per byte of its markup. Spans let a few bytes cover
 * many slots; past this budget a span is cut to one slot (and the table says
 * so), so a hostile `rowspan="65534" colspan="1000"` costs memory in
 * proportion to its bytes, not to its product.
 */
const slotsPerByte = 16;
const minimumBudget = 100_000;

/** The grid of a table starting at `offset`, whose markup (the whole text parsed) is `markupLength` long. */
export function layOutTable(groupsInMarkup: readonly MarkupRowGroup[], offset: number, markupLength: number): Table {
  const groups = inRenderedOrder(groupsInMarkup);
  const budget = { left: Math.max(minimumBudget, markupLength * slotsPerByte), clamped: false };
  const grid: TableCell[][] = [];
  const starts = new Set<number>();
  for (const group of groups) append(grid, layOutGroup(group.rows, budget, starts));
  // A column in which no cell starts is not laid out at all: a colspan
  // reaching past the last real column does not widen the table.
  const columns = [...starts].sort((a, b) => a - b);
  const rows = grid.map((row) => (isWholeRow(row, columns) ? row : columns.map((column) => row[column] ?? emptySlot)));
  return {
    markup: 'html',
    offset,
    rows,
    headerRows: headerRowCount(groups, rows),
    ...(budget.clamped ? { clamped: true } : {}),
  };
}

/**
 * The row groups in rendered order: the first <thead>, then the bodies and
 * other head and foot groups in markup order, then the first <tfoot>.
 */
function inRenderedOrder(groups: readonly MarkupRowGroup[]): MarkupRowGroup[] {
  const middle: MarkupRowGroup[] = [];
  let head: MarkupRowGroup | null = null;
  let foot: MarkupRowGroup | null = null;
  for (const group of groups) {
    if (group.tag === 'thead' && head === null) head = group;
    else if (group.tag === 'tfoot' && foot === null) foot = group;
    else middle.push(group);
  }
  return [...(head ? [head] : []), ...middle, ...(foot ? [foot] : [])];
}

/** Slots a table may still fill, and whether a span had to be cut to stay within them. */
interface SlotBudget {
  left: number;
  clamped: boolean;
}

/** Lays out one row group; a spanning cell is copied into every slot it covers. */
function layOutGroup(rows: readonly MarkupCell[][], budget: SlotBudget, starts: Set<number>): TableCell[][] {
  // Slots no cell covers are holes until the end, where they are filled with the empty slot.
  const grid: TableCell[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const line = grid[rowIndex] ?? [];
    let column = 0;
    for (const { attributes, cell } of row) {
      while (line[column] !== undefined) column += 1;
      starts.add(column);
      const rowsLeft = rows.length - rowIndex;
      let colspan = spanOf(attributes, 'colspan', maxColspan, 1);
      let rowspan = Math.min(spanOf(attributes, 'rowspan', maxRowspan, rowsLeft), rowsLeft);
      if (colspan * rowspan > budget.left) {
        budget.clamped = true;
        colspan = 1;
        rowspan = 1;
      }
      budget.left -= colspan * rowspan;
      for (let down = 0; down < rowspan; down++) {
        const target = grid[rowIndex + down] ?? [];
        for (let across = 0; across < colspan; across++) {
          target[column + across] = down > 0 || across > 0 ? { ...cell, spanned: true } : cell;
        }
      }
      column += colspan;
    }
  });
  for (const line of grid) for (let column = 0; column < line.length; column++) line[column] ??= emptySlot;
  return grid;
}

/**
 * Whether a laid-out row already is its row of the table: the columns are
 * every column from 0 (no column was left without a starting cell) and the
 * row fills each of them, so picking them out would copy it as it is.
 */
function isWholeRow(row: readonly TableCell[], columns: readonly number[]): boolean {
  return row.length === columns.length && columns[columns.length - 1] === columns.length - 1;
}

/** Header rows: a first <thead>; else a first row of only <th>, or of cells that are wholly bold. */
function headerRowCount(groups: readonly MarkupRowGroup[], rows: readonly TableCell[][]): number {
  const [first] = groups;
  if (!first) return 0;
  if (first.tag === 'thead') return first.rows.length;
  const firstRow = first.rows[0];
  if (!firstRow || rows.length < 2) return 0;
  return firstRow.length > 0 && firstRow.every((cell) => cell.marksHeader()) ? 1 : 0;
}

/** A span attribute as browsers read it: digits only, 0 means `zero`, out-of-range values clamped. */
function spanOf(element: WithAttributes, attribute: string, max: number, zero: number): number {
  const value = Number.parseInt(attributeOf(element, attribute) ?? '1', 10);
  if (!Number.isFinite(value) || value < 0) return 1;
  if (value === 0) return attribute === 'rowspan' ? zero : 1;
  return Math.min(value, max);
}

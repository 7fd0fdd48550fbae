/**
 * HTML tables as a browser lays them out. The markup is parsed by parse5,
 * the HTML Living Standard's own parser (implied tbody, unclosed cells,
 * foster parenting, comments), into parse5's own tree (html-tree.ts), and
 * the grid follows the standard's table-processing model as Chromium
 * renders it:
 *
 * - the first <thead> comes first and the first <tfoot> last, whatever their
 *   place in the markup;
 * - a rowspan stops at the end of its row group, and `rowspan="0"` runs to
 *   it; `colspan="0"` counts as 1; spans are clamped at 1000 columns and
 *   65534 rows, and to a grid no larger than the markup can pay for;
 * - rows and cells that are not rendered (`hidden`, `display:none`) are not
 *   in the grid, so the cells after a hidden cell move left;
 * - where spans overlap, the later cell covers the slot.
 *
 * A cell's text is what a browser's innerText gives, whitespace collapsed:
 * block elements and <br> separate words, script and style are not text.
 * The cell is also split into items (paragraphs, list items, lines between
 * <br>), for cells that list several ports. Offsets are offsets into the
 * HTML string plus `base`.
 */
import { normalizeDecodedText } from '../../input/normalize-text.js';
import { cleanSpace } from '../../model/text.js';
import { attributeOf, isElement, isText, maxNestingDepth, parseHtmlFragment, startOf, type CappedElement, type HtmlElement as Element, type HtmlNode as AnyNode } from './html-tree.js';
import { emptySlot, type CellItem, type CellItemKind, type Table, type TableCell } from './table.js';
import { append } from '../../model/append.js';

export type { CellItem, TableCell } from './table.js';

/** A table as read from HTML: the one Table shape. */
export type HtmlTable = Table;

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

/** Elements whose content a browser lays out on lines of its own. */
export const blockTags = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt'],
  ...['fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header'],
  ...['hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot'],
  ...['th', 'thead', 'tr', 'ul'],
]);
/** Elements whose content is never rendered text. */
export const hiddenTags = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link']);

/**
 * Reads every top-level table in `html` (tables inside a cell are that
 * cell's text). `depthCapped` hears each element where nesting went past the
 * parser's cap (html-tree.ts), its offset plus `base`. Never throws.
 */
export function extractTables(html: string, base = 0, depthCapped?: (element: CappedElement) => void): HtmlTable[] {
  const { root, depthCapped: capped } = parseHtmlFragment(html);
  if (depthCapped) for (const element of capped) depthCapped({ tag: element.tag, offset: base + element.offset });
  return topLevelTables(root.childNodes).map((table) => readTableElement(table, base, html.length));
}

/** The `depth-capped` message for an element that nested past the parser's cap. */
export function depthCappedReason(element: CappedElement): string {
  return `Unexpected element nested past ${maxNestingDepth} levels (\`<${element.tag}>\`), expected at most ${maxNestingDepth}; it and deeper elements are flattened, as Chromium does`;
}

/** Tables not inside another table, in document order; an explicit stack, so depth costs no recursion. */
function topLevelTables(roots: readonly AnyNode[]): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...roots].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (node.tagName === 'table') {
      found.push(node);
      continue;
    }
    for (let index = node.childNodes.length - 1; index >= 0; index--) {
      const child = node.childNodes[index];
      if (child) stack.push(child);
    }
  }
  return found;
}

/** A row group: the rows a rowspan may cover. */
interface RowGroup {
  header: boolean;
  rows: Element[];
}

/** The grid of one `<table>` element of a parsed tree; offsets are offsets into the parsed text plus `base`. */
export function readTableElement(table: Element, base: number, htmlLength: number): Table {
  const groups = rowGroups(table);
  const budget = { left: Math.max(minimumBudget, htmlLength * slotsPerByte), clamped: false };
  const grid: TableCell[][] = [];
  const starts = new Set<number>();
  for (const group of groups) append(grid, layOutGroup(group.rows, base, budget, starts));
  // A column in which no cell starts is not laid out at all: a colspan
  // reaching past the last real column does not widen the table.
  const columns = [...starts].sort((a, b) => a - b);
  const rows = grid.map((row) => (isWholeRow(row, columns) ? row : columns.map((column) => row[column] ?? emptySlot)));
  return {
    markup: 'html',
    offset: base + startOf(table),
    rows,
    headerRows: headerRowCount(groups, rows),
    ...(budget.clamped ? { clamped: true } : {}),
  };
}

/**
 * The table's row groups in rendered order: the first <thead>, then the
 * bodies and other head and foot groups in markup order, then the first
 * <tfoot>. Unrendered rows are left out. (parse5, as a browser, puts a
 * <tr> written straight inside <table> in an implied <tbody>.)
 */
function rowGroups(table: Element): RowGroup[] {
  const middle: RowGroup[] = [];
  let head: RowGroup | null = null;
  let foot: RowGroup | null = null;
  for (const child of elementChildren(table)) {
    if (!isRendered(child) || !['thead', 'tbody', 'tfoot'].includes(child.tagName)) continue;
    const group = { header: child.tagName === 'thead', rows: elementChildren(child).filter((row) => row.tagName === 'tr' && isRendered(row)) };
    if (child.tagName === 'thead' && head === null) head = group;
    else if (child.tagName === 'tfoot' && foot === null) foot = group;
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
function layOutGroup(rows: readonly Element[], base: number, budget: SlotBudget, starts: Set<number>): TableCell[][] {
  const grid: (TableCell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const line = grid[rowIndex] ?? [];
    let column = 0;
    for (const element of cellsOf(row)) {
      while (line[column] !== undefined) column += 1;
      starts.add(column);
      const cell = readCell(element, base);
      const rowsLeft = rows.length - rowIndex;
      let colspan = spanOf(element, 'colspan', maxColspan, 1);
      let rowspan = Math.min(spanOf(element, 'rowspan', maxRowspan, rowsLeft), rowsLeft);
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
  return grid.map((line) => Array.from(line, (cell) => cell ?? emptySlot));
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
function headerRowCount(groups: readonly RowGroup[], rows: readonly TableCell[][]): number {
  const [first] = groups;
  if (!first) return 0;
  if (first.header) return first.rows.length;
  const firstRow = first.rows[0];
  if (!firstRow || rows.length < 2) return 0;
  const cells = cellsOf(firstRow);
  const allHeader = cells.length > 0 && cells.every((cell) => cell.tagName === 'th' || isWhollyBold(cell));
  return allHeader ? 1 : 0;
}

/** A cell whose every piece of text is inside <strong> or <b> (`<td><strong>Port</strong></td>`). */
function isWhollyBold(cell: Element): boolean {
  let bold = false;
  const stack: { node: AnyNode; inBold: boolean }[] = cell.childNodes.map((node) => ({ node, inBold: false }));
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { node, inBold } = step;
    if (isText(node)) {
      if (normalizeDecodedText(node.value).trim() === '') continue;
      if (!inBold) return false;
      bold = true;
    } else if (isElement(node) && !hiddenTags.has(node.tagName)) {
      const nowBold = inBold || node.tagName === 'strong' || node.tagName === 'b';
      for (const child of node.childNodes) stack.push({ node: child, inBold: nowBold });
    }
  }
  return bold;
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (const child of row.childNodes) {
    if (isElement(child) && (child.tagName === 'td' || child.tagName === 'th') && isRendered(child)) cells.push(child);
  }
  return cells;
}

/** A span attribute as browsers read it: digits only, 0 means `zero`, out-of-range values clamped. */
function spanOf(element: Element, attribute: string, max: number, zero: number): number {
  const value = Number.parseInt(attributeOf(element, attribute) ?? '1', 10);
  if (!Number.isFinite(value) || value < 0) return 1;
  if (value === 0) return attribute === 'rowspan' ? zero : 1;
  return Math.min(value, max);
}

/** False for an element a browser does not render: `hidden`, or an inline `display: none`. */
export function isRendered(element: Element): boolean {
  if (element.attrs.length === 0) return true;
  return attributeOf(element, 'hidden') === undefined && !styleHides(attributeOf(element, 'style'));
}

/** Whether an inline style hides its element: `display: none` among its declarations. */
export function styleHides(style: string | undefined): boolean {
  return style !== undefined && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

/**
 * Splits a cell into items and renders its text. Walks the cell with an
 * explicit stack, not recursion, so deeply nested markup cannot overflow the
 * call stack.
 */
function readCell(cell: Element, base: number): TableCell {
  const items: CellItem[] = [];
  const textParts: string[] = [];
  let pending = '';
  let pendingOffset = -1;
  const flush = (kind: CellItemKind) => {
    const text = cleanSpace(pending);
    if (text !== '') items.push({ kind, text, offset: base + pendingOffset });
    pending = '';
    pendingOffset = -1;
  };

  // Nodes to walk, and the marks that close a block element's item once its content is walked.
  const stack: (AnyNode | CloseItem)[] = [];
  pushChildren(stack, cell);
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step instanceof CloseItem) {
      flush(step.kind);
      textParts.push(' ');
      continue;
    }
    if (isText(step)) {
      // parse5 has decoded the character references: their text goes through the source's rules too.
      const value = normalizeDecodedText(step.value);
      if (pendingOffset < 0 && value.trim() !== '') pendingOffset = startOf(step) + leadingSpace(value);
      pending += value;
      textParts.push(value);
    } else if (isElement(step)) {
      if (hiddenTags.has(step.tagName) || !isRendered(step)) continue;
      if (step.tagName === 'br') {
        flush('text');
        textParts.push(' ');
        continue;
      }
      if (blockTags.has(step.tagName)) {
        flush('text');
        textParts.push(' ');
        stack.push(step.tagName === 'li' ? closeListItem : closeParagraph);
      }
      pushChildren(stack, step);
    }
  }
  flush('text');
  return { text: cleanSpace(textParts.join('')), items, offset: base + startOf(cell), spanned: false };
}

/** Where a block element's content ends inside a cell: the item it holds closes. */
class CloseItem {
  constructor(readonly kind: CellItemKind) {}
}
const closeListItem = new CloseItem('list-item');
const closeParagraph = new CloseItem('paragraph');

/** Pushes an element's children so that they pop in document order. */
function pushChildren(stack: (AnyNode | CloseItem)[], element: Element): void {
  for (let index = element.childNodes.length - 1; index >= 0; index--) {
    const child = element.childNodes[index];
    if (child) stack.push(child);
  }
}

/** How many whitespace characters open `text`, so an item's offset is that of its first visible character. */
function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function elementChildren(element: Element): Element[] {
  return element.childNodes.filter(isElement);
}

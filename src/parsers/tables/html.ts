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
import { CellText, itemKindOf } from './cell-text.js';
import { hiddenTags, isRendered, blockTags } from './html-rendering.js';
import { readTablesFromTokens } from './html-token-tables.js';
import { isElement, isText, maxNestingDepth, parseHtmlFragment, startOf, type CappedElement, type HtmlElement as Element, type HtmlNode as AnyNode } from './html-tree.js';
import { layOutTable, type MarkupCell, type MarkupRowGroup } from './table-layout.js';
import type { CellItemKind, Table, TableCell } from './table.js';

export type { CellItem, TableCell } from './table.js';
export { blockTags, hiddenTags, isRendered, styleHides } from './html-rendering.js';

/** A table as read from HTML: the one Table shape. */
export type HtmlTable = Table;

/**
 * Reads every top-level table in `html` (tables inside a cell are that
 * cell's text). `depthCapped` hears each element where nesting went past the
 * parser's cap (html-tree.ts), its offset plus `base`. Never throws.
 *
 * Markup that needs none of the tree builder's repairs is read from parse5's
 * tokens (html-token-tables.ts), which gives the same tables without
 * building the tree; any other markup is parsed whole.
 */
export function extractTables(html: string, base = 0, depthCapped?: (element: CappedElement) => void): HtmlTable[] {
  return readTablesFromTokens(html, base) ?? readTablesFromTree(html, base, depthCapped);
}

/** Every top-level table, from parse5's whole tree: the reading for any markup. */
export function readTablesFromTree(html: string, base = 0, depthCapped?: (element: CappedElement) => void): HtmlTable[] {
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

/** The grid of one `<table>` element of a parsed tree; offsets are offsets into the parsed text plus `base`. */
export function readTableElement(table: Element, base: number, htmlLength: number): Table {
  return layOutTable(rowGroups(table, base), base + startOf(table), htmlLength);
}

/**
 * The table's rendered row groups in markup order, each with its rendered
 * rows and cells. (parse5, as a browser, puts a <tr> written straight inside
 * <table> in an implied <tbody>.)
 */
function rowGroups(table: Element, base: number): MarkupRowGroup[] {
  const groups: MarkupRowGroup[] = [];
  for (const child of elementChildren(table)) {
    const tag = child.tagName;
    if (!isRendered(child) || (tag !== 'thead' && tag !== 'tbody' && tag !== 'tfoot')) continue;
    const rows = elementChildren(child).filter((row) => row.tagName === 'tr' && isRendered(row));
    groups.push({ tag, rows: rows.map((row) => cellsOf(row).map((cell) => markupCell(cell, base))) });
  }
  return groups;
}

function markupCell(element: Element, base: number): MarkupCell {
  return { attributes: element, cell: readCell(element, base), marksHeader: () => element.tagName === 'th' || isWhollyBold(element) };
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

/**
 * Splits a cell into items and renders its text. Walks the cell with an
 * explicit stack, not recursion, so deeply nested markup cannot overflow the
 * call stack.
 */
function readCell(cell: Element, base: number): TableCell {
  const text = new CellText(base);
  // Nodes to walk, and the marks that close a block element's item once its content is walked.
  const stack: (AnyNode | CloseItem)[] = [];
  pushChildren(stack, cell);
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step instanceof CloseItem) text.closeBlock(step.kind);
    else if (isText(step)) text.text(step.value, startOf(step));
    else if (isElement(step)) {
      if (hiddenTags.has(step.tagName) || !isRendered(step)) continue;
      if (step.tagName === 'br') {
        text.lineBreak();
        continue;
      }
      if (blockTags.has(step.tagName)) {
        text.lineBreak();
        stack.push(step.tagName === 'li' ? closeListItem : closeParagraph);
      }
      pushChildren(stack, step);
    }
  }
  return text.finish(startOf(cell));
}

/** Where a block element's content ends inside a cell: the item it holds closes. */
class CloseItem {
  constructor(readonly kind: CellItemKind) {}
}
const closeListItem = new CloseItem(itemKindOf('li'));
const closeParagraph = new CloseItem(itemKindOf('p'));

/** Pushes an element's children so that they pop in document order. */
function pushChildren(stack: (AnyNode | CloseItem)[], element: Element): void {
  for (let index = element.childNodes.length - 1; index >= 0; index--) {
    const child = element.childNodes[index];
    if (child) stack.push(child);
  }
}

function elementChildren(element: Element): Element[] {
  return element.childNodes.filter(isElement);
}

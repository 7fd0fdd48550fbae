/**
 * A generic reader for HTML tables: headers, rows of cells with rowspan and
 * colspan expanded, and each cell split into items (paragraphs, list items,
 * lines between <br>). It knows nothing about ports; callers map headers to
 * fields. Offsets are relative to the HTML string it is given.
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { cleanSpace } from '../../model/text.js';
import { emptySlot, type CellItem, type CellItemKind, type Table, type TableCell } from './table.js';

export type { CellItem, TableCell } from './table.js';

/** A table as read from HTML: the one Table shape. */
export type HtmlTable = Table;

// HTML's own limits on spans; larger values are clamped as browsers do.
const maxColspan = 1000;
const maxRowspan = 65534;

const blockTags = new Set([
  ...['p', 'div', 'li', 'dt', 'dd', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['table', 'tr', 'td', 'th'],
]);

/** Reads every top-level table in `html`. Never throws on malformed markup. */
export function extractTables(html: string): HtmlTable[] {
  // cheerio/slim always parses with htmlparser2; its options travel under
  // `xml`, and `xmlMode: false` keeps HTML rules (void <br>, implied </p>).
  const $ = load(html, { xml: { xmlMode: false, withStartIndices: true } }, false);
  return $('table')
    .toArray()
    .filter((table) => $(table).parents('table').length === 0)
    .map((table) => readTable(table));
}

function readTable(table: Element): HtmlTable {
  const rowElements = ownRows(table);
  const headerRows = rowElements.filter((row) => row.parent !== null && isTag(row.parent, 'thead'));
  let bodyRows = rowElements.filter((row) => !headerRows.includes(row));
  let headerRow = headerRows.at(-1);
  if (!headerRow && bodyRows[0] && cellsOf(bodyRows[0]).every((cell) => cell.name === 'th')) {
    headerRow = bodyRows[0];
    bodyRows = bodyRows.slice(1);
  }
  const headers = headerRow ? expandSpans([headerRow]) : [];
  return {
    markup: 'html',
    offset: table.startIndex ?? 0,
    rows: [...headers, ...expandSpans(bodyRows)],
    headerRows: headers.length,
  };
}

/** The table's own rows, not those of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.name)) {
      rows.push(...elementChildren(child).filter((row) => row.name === 'tr'));
    }
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return elementChildren(row).filter((cell) => cell.name === 'td' || cell.name === 'th');
}

/** Lays rows out on a grid, copying a spanning cell into every slot it covers. */
function expandSpans(rows: Element[]): TableCell[][] {
  const grid: TableCell[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const line = grid[rowIndex] ?? [];
    let column = 0;
    for (const element of cellsOf(row)) {
      while (line[column] !== undefined) column += 1;
      const cell = readCell(element);
      const colspan = spanOf(element, 'colspan', maxColspan);
      const rowspan = Math.min(spanOf(element, 'rowspan', maxRowspan), rows.length - rowIndex);
      for (let down = 0; down < rowspan; down++) {
        const target = grid[rowIndex + down] ?? [];
        for (let across = 0; across < colspan; across++) {
          const spanned = down > 0 || across > 0;
          target[column + across] = spanned ? { ...cell, spanned } : cell;
        }
      }
      column += colspan;
    }
  });
  return grid.map((line) => Array.from(line, (cell) => cell ?? emptySlot));
}

function spanOf(element: Element, attribute: string, max: number): number {
  const value = Number.parseInt(element.attribs[attribute] ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

/**
 * Splits a cell into items. Walks the cell with an explicit stack, not
 * recursion, so deeply nested markup cannot overflow the call stack.
 */
function readCell(cell: Element): TableCell {
  const items: CellItem[] = [];
  const textParts: string[] = [];
  let pending = '';
  let pendingOffset = -1;
  const flush = (kind: CellItemKind) => {
    const text = cleanSpace(pending);
    if (text !== '') items.push({ kind, text, offset: pendingOffset });
    pending = '';
    pendingOffset = -1;
  };

  type Step = { node: AnyNode } | { close: CellItemKind };
  const stack: Step[] = [...cell.children].reverse().map((node) => ({ node }));
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('close' in step) {
      flush(step.close);
      continue;
    }
    const { node } = step;
    if (node.type === 'text') {
      if (pendingOffset < 0 && node.data.trim() !== '') pendingOffset = node.startIndex ?? -1;
      pending += node.data;
      textParts.push(node.data);
    } else if (isElement(node)) {
      if (node.name === 'br') {
        flush('text');
        textParts.push(' ');
        continue;
      }
      const block = blockTags.has(node.name) || node.name === 'ul' || node.name === 'ol';
      if (block) {
        flush('text');
        textParts.push(' ');
        stack.push({ close: node.name === 'li' ? 'list-item' : 'paragraph' });
      }
      for (const child of [...node.children].reverse()) stack.push({ node: child });
    }
  }
  flush('text');
  return { text: cleanSpace(textParts.join('')), items, offset: cell.startIndex ?? 0, spanned: false };
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function isTag(node: AnyNode, name: string): boolean {
  return isElement(node) && node.name === name;
}

function elementChildren(element: Element): Element[] {
  return element.children.filter(isElement);
}

/**
 * Parser for a vendor documentation page: Markdown (optionally opened by JSON
 * front matter) holding an HTML `<table>` of default ports, and optionally a
 * "Legend:" bullet list that describes the table's rows.
 *
 * remark-parse finds the table (a blank line inside it splits it into several
 * mdast `html` nodes, so the document is sliced from the first node to
 * `</table>`), then the generic table reader reads it. Which column holds what
 * comes from the manifest, not from this file.
 */
import type { Html, List, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { pointsOf, type Point } from '../../model/location.js';
import { reporterFor, type Reporter } from '../../model/messages.js';
import { cleanOrNull } from '../../model/text.js';
import type { ParseResult } from '../../model/source-entry.js';
import { extractTables } from '../tables/html.js';
import { applyLegend, splitLegendItem, type LegendEntry } from '../tables/legend.js';
import type { Table, TableCell } from '../tables/table.js';
import { entriesOfTable, type ColumnMapping } from '../tables/table-entries.js';
import { blankOut, readJsonFrontMatter } from './front-matter.js';

export type { TableField } from '../tables/table-entries.js';

export interface MarkdownHtmlTableOptions {
  /** Header text (any case, surrounding space ignored) to field. Must map one header to `port`. */
  columns: ColumnMapping;
}

/**
 * The page is read for its blocks (html, lists, paragraphs), never for inline
 * formatting, which normalization strips anyway. Turning off emphasis, links
 * and images keeps remark linear on hostile text such as long runs of `[` or
 * `** a`, which otherwise cost it time that grows with the square of the line.
 */
const blocksOnly = { disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd'] } };

/** Reads the port table (and legend) of a Markdown page. Reports problems on `file`; never throws. */
export function parseMarkdownHtmlTable(file: VFile, options: MarkdownHtmlTableOptions): ParseResult {
  const report = reporterFor(file, 'markdown-html-table');
  const text = stripBom(String(file.value));
  const at = pointsOf(text);

  const frontMatter = readJsonFrontMatter(text);
  let documentTitle: string | null = null;
  let body = text;
  if (frontMatter.kind === 'invalid') {
    report('front-matter', frontMatter.reason, at(frontMatter.offset));
    return { entries: [], documentTitle, lineRoles: null };
  }
  if (frontMatter.kind === 'object') {
    const title = frontMatter.data['title'];
    documentTitle = typeof title === 'string' ? cleanOrNull(title) : null;
    body = blankOut(text, frontMatter.end);
  }

  const tree = unified().data('micromarkExtensions', [blocksOnly]).use(remarkParse).parse(withoutTableBodies(body));
  const tables = findTables(tree, body, report, at);
  if (tables.length === 0) {
    if (!file.messages.some((m) => m.fatal)) {
      report('table-missing', 'Unexpected document without an HTML table, expected a `<table>`', { line: 1, column: 1 });
    }
    return { entries: [], documentTitle, lineRoles: null };
  }

  const entries = tables.flatMap((table) => entriesOfTable(table, options.columns, report, at));
  applyLegend(readLegend(tree, report), entries, report);
  return { entries, documentTitle, lineRoles: null };
}

/**
 * remark needs to see where each table starts (an html node at its first
 * line), not its rows, which cheerio reads from the original text. So remark
 * parses a copy in which each table keeps its first line and, of the rest of
 * its body, only the line breaks: every line number stays the same, and
 * micromark is spared scanning a large table character by character. A body
 * holding a code fence is left whole, so masking can never hide a fence.
 */
export function withoutTableBodies(text: string): string {
  const pieces: string[] = [];
  let copiedUpTo = 0;
  const starts = /^ {0,3}<table(?=[\s>/]|$)/gim;
  for (let start = starts.exec(text); start; start = starts.exec(text)) {
    if (start.index < copiedUpTo) continue;
    const firstLineEnd = text.indexOf('\n', start.index);
    if (firstLineEnd < 0) break;
    const close = /<\/table\s*>/gi;
    close.lastIndex = firstLineEnd;
    const end = close.exec(text);
    if (!end) break;
    const bodyEnd = end.index + end[0].length;
    const rest = text.slice(firstLineEnd, bodyEnd);
    if (/^ {0,3}(?:```|~~~)/m.test(rest)) continue;
    pieces.push(text.slice(copiedUpTo, firstLineEnd), rest.replace(/[^\n]+/g, ''));
    copiedUpTo = bodyEnd;
    starts.lastIndex = bodyEnd;
  }
  pieces.push(text.slice(copiedUpTo));
  return pieces.join('');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Tables in the document, from `html` nodes; each slice runs from `<table` to
 * its `</table>` in the original text. Nodes are placed by line and column,
 * which the masked copy remark parsed shares with the original.
 */
function findTables(tree: Root, body: string, report: Reporter, at: (offset: number) => Point): Table[] {
  const found: Table[] = [];
  const offsets = location(body);
  let searchedUpTo = 0;
  for (const node of tree.children) {
    if (node.type !== 'html' || !/^<table[\s>/]/i.test((node as Html).value)) continue;
    const point = node.position?.start;
    const start = point ? (offsets.toOffset({ line: point.line, column: point.column }) ?? 0) : 0;
    if (start < searchedUpTo) continue;
    const close = /<\/table\s*>/gi;
    close.lastIndex = start;
    const end = close.exec(body);
    if (!end) {
      report('table-truncated', 'Unexpected end of file inside a table, expected `</table>`', at(start));
      break;
    }
    searchedUpTo = end.index + end[0].length;
    for (const table of extractTables(body.slice(start, searchedUpTo))) found.push(shifted(table, start));
  }
  return found;
}

/** The bullet list that follows a paragraph reading "Legend" or "Legend:". */
function readLegend(tree: Root, report: Reporter): LegendEntry[] {
  const index = tree.children.findIndex(
    (node) => node.type === 'paragraph' && /^legend:?$/i.test(toString(node as Paragraph).trim()),
  );
  const list = index >= 0 ? tree.children[index + 1] : undefined;
  if (!list || list.type !== 'list') return [];
  const entries: LegendEntry[] = [];
  for (const item of (list as List).children) {
    const start = item.position?.start ?? { line: 1, column: 1 };
    const place = { line: start.line, column: start.column };
    const entry = splitLegendItem(toString(item).replace(/\s+/g, ' ').trim(), place);
    if (entry) entries.push(entry);
    else {
      report('legend-item', 'Unexpected legend item without `: `, expected `Term: description`', place);
    }
  }
  return entries;
}

/** A table read from a slice of the document, with its offsets made document offsets. */
function shifted(table: Table, base: number): Table {
  const moveCell = (cell: TableCell): TableCell =>
    cell.offset < 0 ? cell : { ...cell, offset: cell.offset + base, items: cell.items.map((item) => ({ ...item, offset: item.offset + base })) };
  return { ...table, offset: table.offset + base, rows: table.rows.map((row) => row.map(moveCell)) };
}

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
import { report, type Point } from '../messages.js';
import type { ManifestSource } from '../record.js';
import { cleanOrNull } from '../normalize/text.js';
import { extractTables, type HtmlTable, type TableCell } from './html-tables.js';
import { blankOut, readJsonFrontMatter } from './json-front-matter.js';
import { matchLegend, splitLegendItem, type LegendEntry } from './legend.js';
import { sourceEntry, type ParseResult, type SourceEntry } from '../source-entry.js';

export type TableField = NonNullable<NonNullable<ManifestSource['columns']>[string]>;

export interface MarkdownHtmlTableOptions {
  /** Header text (any case, surrounding space ignored) to field. Must map one header to `port`. */
  columns: Readonly<Record<string, TableField | undefined>>;
}

const source = 'markdown-html-table';

/**
 * The page is read for its blocks (html, lists, paragraphs), never for inline
 * formatting, which normalization strips anyway. Turning off emphasis, links
 * and images keeps remark linear on hostile text such as long runs of `[` or
 * `** a`, which otherwise cost it time that grows with the square of the line.
 */
const blocksOnly = { disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd'] } };

/** Reads the port table (and legend) of a Markdown page. Reports problems on `file`; never throws. */
export function parseMarkdownHtmlTable(file: VFile, options: MarkdownHtmlTableOptions): ParseResult {
  const text = stripBom(String(file.value));
  const toPoint = pointsOf(text);
  const at = (offset: number): Point => toPoint(offset);

  const frontMatter = readJsonFrontMatter(text);
  let documentTitle: string | null = null;
  let body = text;
  if (frontMatter.kind === 'invalid') {
    report(file, 'error', frontMatter.reason, { place: at(frontMatter.offset), source, ruleId: 'front-matter' });
    return { entries: [], documentTitle, lineRoles: null };
  }
  if (frontMatter.kind === 'object') {
    const title = frontMatter.data['title'];
    documentTitle = typeof title === 'string' ? cleanOrNull(title) : null;
    body = blankOut(text, frontMatter.end);
  }

  const tree = unified().data('micromarkExtensions', [blocksOnly]).use(remarkParse).parse(withoutTableBodies(body));
  const tables = findTables(tree, body, file, at);
  if (tables.length === 0) {
    if (!file.messages.some((m) => m.fatal)) {
      report(file, 'error', 'Unexpected document without an HTML table, expected a `<table>`', {
        place: { line: 1, column: 1 },
        source,
        ruleId: 'table-missing',
      });
    }
    return { entries: [], documentTitle, lineRoles: null };
  }

  const entries = tables.flatMap((table) => entriesOfTable(table, options, file, at));
  applyLegend(readLegend(tree, file), entries, file);
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

function pointsOf(text: string): (offset: number) => Point {
  const place = location(text);
  return (offset) => {
    const point = place.toPoint(Math.max(0, Math.min(offset, text.length)));
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  };
}

interface LocatedTable {
  table: HtmlTable;
  /** Offset of the table's HTML in the document. */
  base: number;
}

/**
 * Tables in the document, from `html` nodes; each slice runs from `<table` to
 * its `</table>` in the original text. Nodes are placed by line and column,
 * which the masked copy remark parsed shares with the original.
 */
function findTables(tree: Root, body: string, file: VFile, at: (offset: number) => Point): LocatedTable[] {
  const found: LocatedTable[] = [];
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
      report(file, 'error', 'Unexpected end of file inside a table, expected `</table>`', {
        place: at(start),
        source,
        ruleId: 'table-truncated',
      });
      break;
    }
    searchedUpTo = end.index + end[0].length;
    for (const table of extractTables(body.slice(start, searchedUpTo))) found.push({ table, base: start });
  }
  return found;
}

function entriesOfTable(
  { table, base }: LocatedTable,
  options: MarkdownHtmlTableOptions,
  file: VFile,
  at: (offset: number) => Point,
): SourceEntry[] {
  const mapping = new Map(
    Object.entries(options.columns).flatMap(([header, field]) => (field ? [[header.trim().toLowerCase(), field]] : [])),
  );
  const fields = table.headers.map((cell) => mapping.get(cell.text.toLowerCase()) ?? null);
  if (!fields.includes('port')) {
    const headers = table.headers.map((cell) => `\`${cell.text}\``).join(', ') || 'none';
    const expected = [...mapping].filter(([, field]) => field === 'port').map(([header]) => `\`${header}\``);
    report(
      file,
      'error',
      `Unexpected table without a port column (headers: ${headers}), expected a header ${expected.join(' or ') || 'mapped to `port` in the manifest'}`,
      { place: at(base + table.offset), source, ruleId: 'port-column' },
    );
    return [];
  }
  table.headers.forEach((cell, index) => {
    if (fields[index] === null && cell.text !== '') {
      report(file, 'warning', `Unexpected column \`${cell.text}\`, expected one mapped in the manifest`, {
        place: at(base + cell.offset),
        source,
        ruleId: 'column-unmapped',
      });
    }
  });
  return table.rows.flatMap((row) => entriesOfRow(row, fields, file, (offset) => at(base + offset)));
}

/**
 * One row becomes one entry per port item. A name cell may hold, after the
 * name, the configuration keys of the ports (e.g. `ra.comm_port`,
 * `ra.admin_port`); they pair with the port items by position.
 */
function entriesOfRow(
  row: readonly TableCell[],
  fields: readonly (TableField | null)[],
  file: VFile,
  at: (offset: number) => Point,
): SourceEntry[] {
  const cellFor = (field: TableField) => {
    const index = fields.indexOf(field);
    return index >= 0 ? row[index] : undefined;
  };
  const first = row.find((cell) => !cell.spanned) ?? row[0];
  if (!first) return [];
  const place = at(first.offset);
  const portCell = cellFor('port');
  const ports = portCell?.items ?? [];
  if (ports.length === 0) {
    report(file, 'warning', 'Unexpected row without a port, expected a port number', {
      place: at(portCell && portCell.offset >= 0 ? portCell.offset : first.offset),
      source,
      ruleId: 'port-missing',
    });
    return [];
  }

  const [nameItem, ...keyItems] = cellFor('name')?.items ?? [];
  const keyCell = cellFor('configKey');
  const keys = keyCell ? keyCell.items : keyItems;
  if (keys.length > 0 && keys.length !== ports.length) {
    report(
      file,
      'warning',
      `Unexpected ${keys.length} configuration keys for ${ports.length} ports, expected one key per port`,
      { place: at((keys[0] ?? first).offset), source, ruleId: 'config-key-count' },
    );
  }
  const pairKeys = keys.length === ports.length;
  const textOf = (field: TableField) => cellFor(field)?.text || null;
  const protocolText = textOf('protocol');

  return ports.map((port, index) =>
    sourceEntry({
      place,
      port: port.text,
      portPlace: at(port.offset),
      protocols: protocolText ? protocolText.split(/[\s,/]+/).filter(Boolean) : null,
      name: nameItem?.text ?? null,
      description: textOf('description'),
      notes: cellFor('notes')?.items.map((item) => item.text) ?? [],
      serviceName: textOf('serviceName'),
      configKey: pairKeys ? (keys[index]?.text ?? null) : null,
    }),
  );
}

/** The bullet list that follows a paragraph reading "Legend" or "Legend:". */
function readLegend(tree: Root, file: VFile): LegendEntry[] {
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
      report(file, 'warning', 'Unexpected legend item without `: `, expected `Term: description`', {
        place,
        source,
        ruleId: 'legend-item',
      });
    }
  }
  return entries;
}

/** Gives each legend description to the entries of the row name it matches. */
function applyLegend(legend: readonly LegendEntry[], entries: SourceEntry[], file: VFile): void {
  const names = entries.flatMap((entry) => (entry.name ? [entry.name] : []));
  for (const match of matchLegend(legend, names)) {
    const { entry } = match;
    if (match.kind === 'unmatched') {
      report(file, 'warning', `Unexpected legend term \`${entry.term}\`, expected the name of a table row`, {
        place: entry.place,
        source,
        ruleId: 'legend-unmatched',
      });
      continue;
    }
    if (match.kind === 'ambiguous') {
      const candidates = match.candidates.map((name) => `\`${name}\``).join(', ');
      report(file, 'warning', `Unexpected legend term \`${entry.term}\` matching several rows (${candidates}), expected one`, {
        place: entry.place,
        source,
        ruleId: 'legend-ambiguous',
      });
      continue;
    }
    entries.forEach((row, index) => {
      if (row.name !== match.name) return;
      entries[index] = {
        ...row,
        description: row.description ?? entry.description,
        notes: entry.qualifier ? [...row.notes, entry.qualifier] : row.notes,
      };
    });
  }
}

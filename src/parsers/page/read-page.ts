/**
 * A vendor documentation page, by its manifest entry alone: front matter,
 * then the page's blocks (from the reader for its markup), then the
 * markup-free layers: the tables the manifest chooses, with their columns
 * mapped to fields; the list items its patterns read; a legend that describes
 * table rows. Every table and item is accounted for: read, or skipped with a
 * message that says why.
 */
import type { VFile } from 'vfile';
import { pointsOf, type Point } from '../../model/location.js';
import { reporterFor, type Reporter } from '../../model/messages.js';
import type { ManifestSource } from '../../model/record.js';
import type { ParseResult, SourceEntry } from '../../model/source-entry.js';
import { cleanOrNull, cleanSpace, plural } from '../../model/text.js';
import { stripMarkup } from '../../normalize/markup.js';
import { compileItemPattern, type ItemPattern } from '../lists/item-pattern.js';
import { entriesOfItems, entriesOfMentions, type MentionText } from '../lists/list-entries.js';
import { columnsOf, hasHeaders, headerKey, type Column } from '../tables/columns.js';
import { applyLegend, splitLegendItem, type LegendEntry } from '../tables/legend.js';
import type { Table } from '../tables/table.js';
import { entriesOfTable } from '../tables/table-entries.js';
import type { Block } from './blocks.js';
import { blankOut, readFrontMatter, titleOf } from './front-matter.js';
import { append } from '../../model/append.js';

/** Reads a page's text into blocks; offsets are offsets into the text. */
export type BlockReader = (text: string, report: Reporter, at: (offset: number) => Point) => Block[];

/** Reads a page. Reports problems on `file`, under the source's format; never throws. */
export function readPage(file: VFile, source: ManifestSource, readBlocks: BlockReader): ParseResult {
  const report = reporterFor(file, source.format, { unreadable: source.unreadable });
  const text = String(file.value);
  const at = pointsOf(text);

  const frontMatter = readFrontMatter(text);
  if (frontMatter.kind === 'invalid') {
    report('front-matter', frontMatter.reason, at(frontMatter.offset));
    return { entries: [], documentTitle: null, lineRoles: null };
  }
  const documentTitle = frontMatter.kind === 'object' ? cleanOrNull(titleOf(frontMatter.data)) : null;
  const body = frontMatter.kind === 'object' ? blankOut(text, frontMatter.end) : text;
  const blocks = withHeadings(readBlocks(body, report, at));

  const patterns = compile(source.items?.patterns ?? [], report);
  const mentions = compile(source.mentions?.patterns ?? [], report);
  const tables = blocks.flatMap((block) => (block.kind === 'table' ? [block] : []));
  const entries: SourceEntry[] = [];
  tables.forEach(({ table, heading }, index) => {
    if (table.clamped) {
      report('table-clamped', 'Unexpected spans larger than the table can fill, expected rowspan and colspan within its rows; cut to one cell each', at(table.offset));
    }
    append(entries, entriesOfChosenTable(table, heading, index + 1, source, report, at, mentions));
  });
  const legend = readLegend(blocks, report, at);
  applyLegend(legend.entries, entries, report);

  if (patterns.length > 0) {
    const headings = source.items?.headings;
    const items = blocks.flatMap((block) =>
      block.kind === 'list-item' && !legend.items.has(block) && underHeading(block.heading, headings) ? [block] : [],
    );
    append(entries, entriesOfItems(items, patterns, report, at));
  }
  if (mentions.length > 0) {
    const headings = source.mentions?.headings;
    const prose = blocks.flatMap((block) =>
      (block.kind === 'paragraph' || block.kind === 'list-item') && !legend.items.has(block) && underHeading(block.heading, headings) ? [block] : [],
    );
    append(entries, entriesOfMentions(prose, mentions, at));
  }

  if (entries.length === 0 && !file.messages.some((message) => message.fatal)) {
    const what = tables.length === 0 ? 'without a table' : `with no entry from its ${plural(tables.length, 'table')}`;
    const expected = patterns.length + mentions.length > 0 ? 'a table with a column mapped to `port`, or text the patterns read' : 'a table with a column mapped to `port`';
    report('table-missing', `Unexpected document ${what}, expected ${expected}`, { line: 1, column: 1 });
  }
  return { entries, documentTitle, lineRoles: null };
}

type Placed<T extends Block> = T & { heading: string | null };
type PlacedBlock = Placed<Block>;

/** Each block with the text of the nearest heading above it. */
function withHeadings(blocks: readonly Block[]): PlacedBlock[] {
  let heading: string | null = null;
  return blocks.map((block) => {
    const placed = { ...block, heading };
    if (block.kind === 'heading') heading = block.text;
    return placed;
  });
}

function underHeading(heading: string | null, wanted: readonly string[] | undefined): boolean {
  if (!wanted) return true;
  const key = headerKey(stripMarkup(heading ?? ''));
  return wanted.some((text) => headerKey(text) === key);
}

function compile(sources: readonly string[], report: Reporter): ItemPattern[] {
  return sources.flatMap((pattern) => {
    try {
      return [compileItemPattern(pattern)];
    } catch (error) {
      // compileItemPattern explains the problem in its message.
      report('item-pattern', error instanceof Error ? error.message : String(error), { line: 1, column: 1 });
      return [];
    }
  });
}

/**
 * The entries of one table, when the manifest chooses it. Without a
 * `tables` choice, a table is read when a column maps to `port`; one with
 * other mapped columns but no port column is reported, one with none is
 * skipped with a note.
 */
function entriesOfChosenTable(
  table: Table,
  heading: string | null,
  position: number,
  source: ManifestSource,
  report: Reporter,
  at: (offset: number) => Point,
  mentions: readonly ItemPattern[],
): SourceEntry[] {
  const withHeader = source.headerRows === undefined ? table : { ...table, headerRows: Math.min(source.headerRows, table.rows.length) };
  const columns = columnsOf(withHeader, source.columns ?? {});
  const headers = withHeader.headerRows === 0 ? 'none' : describeHeaders(columns);
  const hasPort = columns.some((column) => column.field === 'port');
  const choice = source.tables;
  if (choice) {
    const chosen =
      (!choice.headers || hasHeaders(columns, choice.headers)) &&
      (!choice.headings || underHeading(heading, choice.headings)) &&
      (!choice.positions || choice.positions.includes(position));
    if (!chosen) {
      report('table-skipped', `Table ${position} (headers: ${headers}) is not chosen by the manifest; not read`, at(table.offset));
      return [];
    }
    if (!hasPort) {
      report('port-column', `Unexpected table without a port column (headers: ${headers}), expected a header mapped to \`port\` in the manifest`, at(table.offset));
      return [];
    }
  } else if (!hasPort && mentions.length > 0 && columns.some((column) => column.field === 'name')) {
    return entriesOfMentions(mentionsInRows(withHeader, columns), mentions, at);
  } else if (!hasPort) {
    const mapped = columns.filter((column) => column.field !== null && column.field !== 'ignore');
    if (mapped.length > 0) {
      const names = mapped.map((column) => `\`${column.header}\``).join(', ');
      report('table-partial', `Unexpected table with mapped columns (${names}) but no port column, expected a header mapped to \`port\`; not read`, at(table.offset));
    } else {
      report('table-skipped', `Table ${position} (headers: ${headers}) has no column mapped to \`port\`; not read`, at(table.offset));
    }
    return [];
  }
  for (const column of columns) {
    if (column.field === null && column.header !== '') {
      const cell = withHeader.rows[withHeader.headerRows - 1]?.[column.index];
      report('column-unmapped', `Unexpected column \`${column.header}\`, expected one mapped in the manifest`, at(cell && cell.offset >= 0 ? cell.offset : table.offset));
    }
  }
  const entries = entriesOfTable(withHeader, { columns, protocolsIn: source.protocolsIn ?? [], report, at });
  const bodyRows = withHeader.rows.length - withHeader.headerRows;
  if (entries.length === 0) {
    const why = bodyRows === 0 ? 'without body rows' : `with no entry from its ${plural(bodyRows, 'body row')}`;
    report('table-empty', `Unexpected table ${why}, expected rows with ports`, at(table.offset));
  }
  return entries;
}

function describeHeaders(columns: readonly Column[]): string {
  return columns.map((column) => `\`${column.header}\``).join(', ') || 'none';
}

/**
 * A legend: the list items right after a heading or paragraph that reads
 * `Legend` (`Legend:`, `**Legend:**`, `## Legend`), each `Term: description`.
 */
function readLegend(blocks: readonly PlacedBlock[], report: Reporter, at: (offset: number) => Point): { entries: LegendEntry[]; items: Set<Block> } {
  const entries: LegendEntry[] = [];
  const items = new Set<Block>();
  blocks.forEach((block, index) => {
    const label = block.kind === 'heading' ? block.text : block.kind === 'paragraph' ? block.source : null;
    if (label === null || !/^legend:?$/i.test(cleanSpace(stripMarkup(label)))) return;
    for (let next = index + 1; next < blocks.length; next++) {
      const item = blocks[next];
      if (!item || item.kind !== 'list-item') break;
      items.add(item);
      const place = at(item.offset);
      const entry = splitLegendItem(cleanSpace(stripMarkup(item.source)), place);
      if (entry) entries.push(entry);
      else report('legend-item', 'Unexpected legend item without `: `, expected `Term: description`', place);
    }
  });
  return { entries, items };
}

/** The items of a table's body cells, each with the name its row gives (the row's name columns). */
function mentionsInRows(table: Table, columns: readonly Column[]): MentionText[] {
  const nameColumns = columns.filter((column) => column.field === 'name').map((column) => column.index);
  return table.rows.slice(table.headerRows).flatMap((row) => {
    const rowName = nameColumns.map((index) => row[index]?.text ?? '').filter(Boolean).join(' ') || null;
    return row.flatMap((cell, index) =>
      cell.spanned || nameColumns.includes(index) ? [] : cell.items.map((item) => ({ source: item.text, offset: item.offset, rowName })),
    );
  });
}

/**
 * A vendor documentation page, by its manifest entry alone: front matter,
 * then the page's blocks (from the reader for its markup), then the
 * markup-free layers: the tables the manifest chooses, with their columns
 * mapped to fields; the list items and sentences its patterns read; a
 * legend and footnotes that describe table rows; the defaults of the part
 * of the page each entry comes from. Every table and item is accounted for:
 * read, or skipped with a message that says why.
 */
import type { VFile } from 'vfile';
import type { EntryDefaults, TableSelector } from '../../generated/schema-types.js';
import { pointsOf, type Point } from '../../model/location.js';
import { reporterFor, type Reporter } from '../../model/messages.js';
import type { ManifestSource } from '../../model/record.js';
import type { ParseResult, SourceEntry } from '../../model/source-entry.js';
import { cleanOrNull, cleanSpace, plural } from '../../model/text.js';
import { findDirection } from '../../grammar/direction-words.js';
import { findProtocolWords } from '../../grammar/protocol-words.js';
import { renderText, stripMarkup } from '../../normalize/markup.js';
import { compileItemPattern, type ItemPattern } from '../lists/item-pattern.js';
import { entriesOfItems, entriesOfMentions, type Inherited, type MentionText, type NestedItem } from '../lists/list-entries.js';
import { readHeadings, underHeadings } from './heading-entries.js';
import { columnsOf, hasHeaders, type Column } from '../tables/columns.js';
import { definitionOf, resolveFootnotes } from '../tables/footnotes.js';
import { applyLegend, splitLegendItem, type LegendEntry } from '../tables/legend.js';
import { joinRangeRows } from '../tables/range-rows.js';
import type { Table } from '../tables/table.js';
import { entriesOfTable } from '../tables/table-entries.js';
import type { Block, HeadingBlock, ListItemBlock, TableBlock } from './blocks.js';
import { blankOut, readFrontMatter, titleOf } from './front-matter.js';
import { describeChoices } from './filter-messages.js';
import { defaultsFor, placeBlocks, underHeading, type Placed, type PlacedBlock } from './sections.js';
import { append } from '../../model/append.js';

/** Reads a page's text into blocks; offsets are offsets into the text. */
export type BlockReader = (text: string, report: Reporter, at: (offset: number) => Point) => Block[];

/** What reading a page needs at every step. */
interface PageContext {
  source: ManifestSource;
  report: Reporter;
  at: (offset: number) => Point;
  /** What the headings the manifest's `headings` patterns read give the entries under them. */
  headingFields: ReadonlyMap<HeadingBlock, Inherited>;
}

/** Reads a page. Reports problems on `file`, under the source's format; never throws. */
export function readPage(file: VFile, source: ManifestSource, readBlocks: BlockReader): ParseResult {
  const report = reporterFor(file, source.format, { unreadable: source.unreadable, hints: true });
  const text = String(file.value);
  const at = pointsOf(text);

  const frontMatter = readFrontMatter(text);
  if (frontMatter.kind === 'invalid') {
    report('front-matter', frontMatter.reason, at(frontMatter.offset));
    return { entries: [], documentTitle: null, lineRoles: null };
  }
  const documentTitle = frontMatter.kind === 'object' ? cleanOrNull(titleOf(frontMatter.data)) : null;
  const body = frontMatter.kind === 'object' ? blankOut(text, frontMatter.end) : text;
  const blocks = placeBlocks(readBlocks(body, report, at));
  const headingPatterns = compile(source.headings?.patterns ?? [], report);
  const headings = readHeadings(blocks, { patterns: headingPatterns, text: compile(source.headings?.text ?? [], report), levels: source.headings?.levels, report, at });
  const page: PageContext = { source, report, at, headingFields: headings.fields };

  const patterns = compile(source.items?.patterns ?? [], report);
  const parents = compile(source.items?.parents ?? [], report);
  const mentions = compile(source.mentions?.patterns ?? [], report);
  const entries: SourceEntry[] = headings.entries.map(({ entry, placed }) => inScope(entry, placed, '', page));

  const tables = blocks.flatMap((placed, index) => (placed.block.kind === 'table' ? [{ placed: placed as Placed<TableBlock>, index }] : []));
  let chosen = 0;
  tables.forEach(({ placed, index }, position) => {
    const { table } = placed.block;
    if (table.clamped) {
      report('table-clamped', 'Unexpected spans larger than the table can fill, expected rowspan and colspan within its rows; cut to one cell each', at(table.offset));
    }
    const read = entriesOfChosenTable(placed, position + 1, page, mentions);
    if (read.chosen) chosen += 1;
    const footnotes = footnotesAfter(blocks, index);
    const resolved = resolveFootnotes(
      read.entries.map((entry) => underHeadings(entry, placed, page.headingFields)),
      footnotes,
    );
    append(entries, source.rangeRows ? joinRangeRows(resolved, report) : resolved);
  });
  const legend = readLegend(blocks, report, at);
  applyLegend(legend.entries, entries, report);

  const itemsUnder = (headings: readonly string[] | undefined) =>
    blocks.flatMap((placed) => (placed.block.kind === 'list-item' && !legend.items.has(placed.block) && underHeading(placed, headings) ? [placed as Placed<ListItemBlock>] : []));
  if (patterns.length > 0) {
    const items = itemsUnder(source.items?.headings);
    const placedOf = new Map<NestedItem, PlacedBlock>(items.map((placed) => [placed.block, placed]));
    const read = entriesOfItems(items.map((placed) => placed.block), { patterns, parents, report, at });
    const withScope = read.map(({ entry, item }) => inScope(entry, placedOf.get(item), item.source, page));
    append(entries, source.rangeRows ? joinRangeRows(withScope, report) : withScope);
  }
  if (mentions.length > 0) {
    const prose = blocks.flatMap((placed) =>
      (placed.block.kind === 'paragraph' || placed.block.kind === 'list-item') && !legend.items.has(placed.block) && underHeading(placed, source.mentions?.headings) ? [placed] : [],
    );
    const placedOf = new Map<MentionText, PlacedBlock>();
    const texts = prose.map((placed) => {
      const block = placed.block as Extract<Block, { source: string }>;
      const text: MentionText = { source: block.source, offset: block.offset };
      placedOf.set(text, placed);
      return text;
    });
    for (const { entry, text } of entriesOfMentions(texts, mentions, at, report)) entries.push(inScope(entry, placedOf.get(text), text.source, page));
  }

  const filtered = reportEmptyFilters(blocks, { tablesChosen: chosen, tableCount: tables.length }, page);
  if (entries.length === 0 && !filtered && !file.messages.some((message) => message.fatal)) {
    const what = tables.length === 0 ? 'without a table' : `with no entry from its ${plural(tables.length, 'table')}`;
    const expected = patterns.length + mentions.length + headingPatterns.length > 0 ? 'a table with a column mapped to `port`, or text the patterns read' : 'a table with a column mapped to `port`';
    report('table-missing', `Unexpected document ${what}, expected ${expected}`, { line: 1, column: 1 });
  }
  return { entries, documentTitle, lineRoles: null };
}

/**
 * An entry of an item, sentence or heading with what the headings above it
 * give, the defaults of its part of the page, and a direction its text
 * states where the manifest says to look.
 */
function inScope(entry: SourceEntry, placed: PlacedBlock | undefined, text: string, page: PageContext): SourceEntry {
  const { source } = page;
  const filled = underHeadings(entry, placed, page.headingFields);
  const defaults = placed ? defaultsFor(placed, source) : null;
  const direction = filled.direction ?? stated(filled, text, source.directionIn, findDirection);
  const protocols =
    filled.protocols ??
    stated(filled, text, source.protocolsIn, (written) => {
      const found = findProtocolWords(written).protocols;
      return found.length > 0 ? found.join(' ') : null;
    });
  return { ...filled, ...(defaults ? { defaults } : {}), direction, protocols: typeof protocols === 'string' ? [protocols] : protocols };
}

/** What the fields the manifest names (`directionIn`, `protocolsIn`) state, as `find` reads it, nearest field first; or null. */
function stated(entry: SourceEntry, text: string, fields: ManifestSource['directionIn'], find: (text: string) => string | null): string | null {
  for (const field of fields ?? []) {
    const texts = field === 'name' ? [entry.name] : field === 'description' ? [entry.description] : field === 'notes' ? entry.notes : field === 'port' ? [entry.port] : [renderText(text)];
    for (const written of texts) {
      const found = written ? find(written) : null;
      if (found) return found;
    }
  }
  return null;
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

/** The manifest's table selectors as a list; null when it gives none (every table with a port column is read). */
function selectorsOf(source: ManifestSource): readonly TableSelector[] | null {
  const tables = source.tables;
  if (tables === undefined) return null;
  return Array.isArray(tables) ? tables : [tables];
}

/** The first selector that chooses the table, or undefined. */
function chooser(selectors: readonly TableSelector[], columns: readonly Column[], placed: PlacedBlock, position: number): TableSelector | undefined {
  return selectors.find(
    (choice) =>
      (!choice.headers || hasHeaders(columns, choice.headers)) && (!choice.headings || underHeading(placed, choice.headings)) && (!choice.positions || choice.positions.includes(position)),
  );
}

/**
 * The entries of one table, when the manifest chooses it, with the defaults
 * of its part of the page (and of the selector that chose it). Without a
 * `tables` choice, a table is read when a column maps to `port`; one with
 * other mapped columns but no port column is reported, one with none is
 * skipped with a note.
 */
function entriesOfChosenTable(placed: Placed<TableBlock>, position: number, page: PageContext, mentions: readonly ItemPattern[]): { entries: SourceEntry[]; chosen: boolean } {
  const { source, report, at } = page;
  const { table } = placed.block;
  const withHeader = source.headerRows === undefined ? table : { ...table, headerRows: Math.min(source.headerRows, table.rows.length) };
  const columns = columnsOf(withHeader, source.columns ?? {});
  const headers = withHeader.headerRows === 0 ? 'none' : describeHeaders(columns);
  const hasPort = columns.some((column) => column.field === 'port');
  const selectors = selectorsOf(source);
  let selected: EntryDefaults | undefined;
  if (selectors) {
    const choice = chooser(selectors, columns, placed, position);
    if (!choice) {
      report('table-skipped', `Table ${position} (headers: ${headers}) is not chosen by the manifest; not read`, at(table.offset));
      return { entries: [], chosen: false };
    }
    if (!hasPort) {
      report('port-column', `Unexpected table without a port column (headers: ${headers}), expected a header mapped to \`port\` in the manifest`, at(table.offset));
      return { entries: [], chosen: true };
    }
    selected = choice.defaults;
  } else if (!hasPort && mentions.length > 0 && columns.some((column) => column.field === 'name')) {
    const scoped = entriesOfMentions(mentionsInRows(withHeader, columns), mentions, at, report).map(({ entry, text }) => inScope(entry, placed, text.source, page));
    return { entries: scoped, chosen: true };
  } else if (!hasPort) {
    const mapped = columns.filter((column) => column.field !== null && column.field !== 'ignore');
    if (mapped.length > 0) {
      const names = mapped.map((column) => `\`${column.header}\``).join(', ');
      report('table-partial', `Unexpected table with mapped columns (${names}) but no port column, expected a header mapped to \`port\`; not read`, at(table.offset));
    } else {
      report('table-skipped', `Table ${position} (headers: ${headers}) has no column mapped to \`port\`; not read`, at(table.offset));
    }
    return { entries: [], chosen: false };
  }
  for (const column of columns) {
    if (column.field === null && column.header !== '') {
      const cell = withHeader.rows[withHeader.headerRows - 1]?.[column.index];
      report('column-unmapped', `Unexpected column \`${column.header}\`, expected one mapped in the manifest`, at(cell && cell.offset >= 0 ? cell.offset : table.offset));
    }
  }
  const defaults = defaultsFor(placed, source, selected);
  const read = entriesOfTable(withHeader, {
    columns,
    protocolsIn: source.protocolsIn ?? [],
    directionIn: source.directionIn ?? [],
    nameLines: source.nameLines ?? 'join',
    ...(defaults ? { defaults } : {}),
    report,
    at,
  });
  const bodyRows = withHeader.rows.length - withHeader.headerRows;
  if (read.length === 0) {
    const why = bodyRows === 0 ? 'without body rows' : `with no entry from its ${plural(bodyRows, 'body row')}`;
    report('table-empty', `Unexpected table ${why}, expected rows with ports`, at(table.offset));
  }
  return { entries: read, chosen: true };
}

function describeHeaders(columns: readonly Column[]): string {
  return columns.map((column) => `\`${column.header}\``).join(', ') || 'none';
}

/**
 * The footnotes the page writes under the table at `index`: the paragraphs
 * and list items after it, up to the next table or heading, that open with
 * a marker (`† text`, `[3] text`), and the items of a numbered list there.
 */
function footnotesAfter(blocks: readonly PlacedBlock[], index: number): Map<string, string> {
  const definitions = new Map<string, string>();
  for (let next = index + 1; next < blocks.length; next++) {
    const block = blocks[next]?.block;
    if (!block || block.kind === 'table' || block.kind === 'heading') break;
    const ordinal = block.kind === 'list-item' ? (block.ordinal ?? null) : null;
    const definition = definitionOf(renderText(block.source), ordinal);
    if (definition && !definitions.has(definition.marker)) definitions.set(definition.marker, definition.text);
  }
  for (const [marker, text] of pageFootnotes(blocks)) if (!definitions.has(marker)) definitions.set(marker, text);
  return definitions;
}

/** GFM footnote definitions (`[^label]: text`), which hold for the whole page wherever they are written; the first of a label wins. */
function pageFootnotes(blocks: readonly PlacedBlock[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const { block } of blocks) {
    if (block.kind !== 'paragraph' || !block.source.trimStart().startsWith('[^')) continue;
    const definition = definitionOf(renderText(block.source), null);
    if (definition?.page && !definitions.has(definition.marker)) definitions.set(definition.marker, definition.text);
  }
  return definitions;
}

/** After reading: a `tables`, `items` or `mentions` filter that chose nothing is an error that lists what the page has. Returns whether one was reported. */
function reportEmptyFilters(blocks: readonly PlacedBlock[], tables: { tablesChosen: number; tableCount: number }, page: PageContext): boolean {
  const { source, report } = page;
  const messages: string[] = [];
  const selectors = selectorsOf(source);
  if (selectors && tables.tablesChosen === 0) messages.push(describeChoices('tables', selectors, blocks));
  const under = (kinds: readonly Block['kind'][], headings: readonly string[] | undefined) =>
    headings !== undefined && !blocks.some((placed) => kinds.includes(placed.block.kind) && underHeading(placed, headings));
  if (source.items && under(['list-item'], source.items.headings)) messages.push(describeChoices('items', [{ headings: source.items.headings ?? [] }], blocks));
  if (source.mentions && under(['paragraph', 'list-item'], source.mentions.headings)) {
    messages.push(describeChoices('mentions', [{ headings: source.mentions.headings ?? [] }], blocks));
  }
  for (const message of messages) report('filter-empty', message, { line: 1, column: 1 });
  return messages.length > 0;
}

/**
 * A legend: the list items right after a heading or paragraph that reads
 * `Legend` (`Legend:`, `**Legend:**`, `## Legend`), each `Term: description`.
 */
function readLegend(blocks: readonly PlacedBlock[], report: Reporter, at: (offset: number) => Point): { entries: LegendEntry[]; items: Set<Block> } {
  const entries: LegendEntry[] = [];
  const items = new Set<Block>();
  blocks.forEach(({ block }, index) => {
    const label = block.kind === 'heading' ? block.text : block.kind === 'paragraph' ? block.source : null;
    if (label === null || !/^legend:?$/i.test(cleanSpace(stripMarkup(label)))) return;
    for (let next = index + 1; next < blocks.length; next++) {
      const item = blocks[next]?.block;
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

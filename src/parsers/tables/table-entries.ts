/**
 * From a table to entries. Markup-free: it reads the one Table shape,
 * whatever markup the table was written in.
 *
 * Each body row gives one entry per port its port cells hold (the port-cell
 * grammar reads `80, 443`, `6000-6063`, `443/tcp`, `53 (DNS)`, …). Several
 * columns may map to one field: name and description texts are joined in
 * column order, each notes column gives its own notes, and each port column
 * gives its own entries, noted with its header when there are several. A
 * cell the grammar cannot read is reported at its line, never guessed.
 */
import type { EntryDefaults } from '../../generated/schema-types.js';
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { sourceEntry, type SourceEntry } from '../../model/source-entry.js';
import { readPortCell, type PortSpan } from '../../grammar/port-cell.js';
import { isZeroPort } from '../../grammar/port-number.js';
import { findProtocolWords } from '../../grammar/protocol-words.js';
import { findDirection } from '../../grammar/direction-words.js';
import type { Column, TableField } from './columns.js';
import type { CellItem, Table, TableCell } from './table.js';
import { splitMarkers } from './footnotes.js';
import { append } from '../../model/append.js';

/** How to read a table's rows. */
export interface RowReading {
  columns: readonly Column[];
  /** Fields whose text may state the protocol when no protocol column does. */
  protocolsIn: readonly ('name' | 'description' | 'notes' | 'port' | 'text')[];
  /** Fields whose text may state the direction when no direction column does; `text` is the whole row. */
  directionIn?: readonly ('name' | 'description' | 'notes' | 'port' | 'text')[];
  /** What a name cell's lines after the first are: more of the name (the default), or the ports' configuration keys. */
  nameLines?: 'join' | 'configKey';
  /** What the part of the page the table is in gives its entries; absent, the source's own defaults apply. */
  defaults?: EntryDefaults;
  report: Reporter;
  at: (offset: number) => Point;
}

/** Texts that stand for no value in any column: `None`, `N/A`, `-`, `—`. */
const placeholders = new Set(['none', 'n/a', 'na', '-', '–', '—', '--', 'n.a.']);

/** The longest placeholder: a longer text is none, whatever its case. */
const longestPlaceholder = Math.max(...[...placeholders].map((placeholder) => placeholder.length));

/** Whether a cell says nothing: empty, or a placeholder. */
export function isPlaceholder(text: string): boolean {
  return text === '' || (text.length <= longestPlaceholder && placeholders.has(text.toLowerCase()));
}

/** Entries of the table's body rows. */
export function entriesOfTable(table: Table, reading: RowReading): SourceEntry[] {
  const fields = columnsByField(reading.columns);
  const entries: SourceEntry[] = [];
  for (let index = table.headerRows; index < table.rows.length; index++) {
    const row = table.rows[index];
    if (row) append(entries, entriesOfRow(row, reading, fields));
  }
  return entries;
}

/** The columns mapped to each field, in column order: found once per table, not once per row. */
type ColumnsByField = ReadonlyMap<TableField, readonly Column[]>;

function columnsByField(columns: readonly Column[]): ColumnsByField {
  const byField = new Map<TableField, Column[]>();
  for (const column of columns) {
    if (column.field === null) continue;
    const same = byField.get(column.field);
    if (same) same.push(column);
    else byField.set(column.field, [column]);
  }
  return byField;
}

const noColumns: readonly Column[] = [];

/** A port read from a cell, with the notes that belong to it. */
interface PortOfRow {
  span: PortSpan;
  offset: number;
  notes: string[];
  /** Position of the port among its cell's items, to pair configuration keys. */
  item: number;
  column: Column;
}

function entriesOfRow(row: readonly TableCell[], reading: RowReading, fields: ColumnsByField): SourceEntry[] {
  const { report, at } = reading;
  const first = row.find((cell) => !cell.spanned && cell.offset >= 0) ?? row.find((cell) => cell.offset >= 0);
  if (!first) return [];
  const portColumns = fields.get('port') ?? noColumns;
  const written: PortOfRow[] = [];
  let unreadable = false;
  let emptyPortCells = 0;
  for (const column of portColumns) {
    const cell = row[column.index];
    if (!cell || cell.text === '') {
      emptyPortCells += 1;
      continue;
    }
    // With several port columns, each port is noted with its column's header.
    const read = portsOfCell(cell, { column, note: portColumns.length > 1 ? column.header : null }, report, at);
    if (read === null) unreadable = true;
    else append(written, read);
  }
  for (const port of written) for (const doubt of port.span.doubts) report('port-doubt', doubt, at(port.offset + port.span.offset));
  // Port 0 is reported as a doubt and gives no record; a row of port 0 alone gives nothing.
  const ports = written.filter((port) => !isZeroPort(port.span));
  if (written.length > 0 && ports.length === 0) return [];
  // An unreadable cell is reported and gives nothing; the row's other port columns still give theirs.
  if (ports.length === 0) {
    if (unreadable) return [];
    if (emptyPortCells === portColumns.length) {
      const portCell = portColumns[0] && row[portColumns[0].index];
      report('port-missing', 'Unexpected row without a port, expected a port number', at(portCell && portCell.offset >= 0 ? portCell.offset : first.offset));
    }
    return [];
  }

  const texts = (field: TableField) => {
    const cells: TableCell[] = [];
    for (const column of fields.get(field) ?? noColumns) {
      const cell = row[column.index];
      if (cell && !isPlaceholder(cell.text)) cells.push(cell);
    }
    return cells;
  };
  const nameCells = texts('name');
  const [nameItem, ...moreItems] = nameCells[0]?.items ?? [];
  const keyLines = reading.nameLines === 'configKey';
  const firstName = keyLines ? nameItem?.text : nameCells[0]?.items.map((item) => item.text).join(' ');
  const name = [firstName, ...nameCells.slice(1).map((cell) => cell.text)].filter(Boolean).join(' ') || null;
  const keys = configKeys(texts('configKey'), keyLines ? moreItems : [], ports, report, at);
  const notesColumns = fields.get('notes') ?? noColumns;
  const notes = notesColumns.flatMap((column) =>
    (row[column.index]?.items ?? []).flatMap((item) => (isPlaceholder(item.text) ? [] : [notesColumns.length > 1 || isBareAnswer(item.text) ? `${column.header}: ${item.text}` : item.text])),
  );
  const description = texts('description').map((cell) => cell.text).join(' ') || null;
  const protocolText = texts('protocol').map((cell) => cell.text).join(' ');
  const stated = protocolText === '' ? statedProtocols(reading.protocolsIn, { name, description, notes, ports, row }) : null;
  const directionText = texts('direction').map((cell) => cell.text).join(' ');
  const directionIn = reading.directionIn ?? [];
  const direction = directionText !== '' ? directionText : directionIn.length > 0 ? statedDirection(directionIn, { name, description, notes, ports, row }) : null;

  return ports.map((port, index) =>
    sourceEntry({
      place: at(first.offset),
      port: port.span.start === port.span.end ? `${port.span.start}` : `${port.span.start}-${port.span.end}`,
      portPlace: at(port.offset),
      protocols: protocolsOf(port, protocolText, stated),
      name,
      description,
      notes: [...notes, ...port.notes],
      serviceName: texts('serviceName')[0]?.text ?? null,
      configKey: keys?.[index] ?? null,
      direction,
      ...(reading.defaults ? { defaults: reading.defaults } : {}),
    }),
  );
}

/**
 * The ports of one cell. A cell whose items each read as ports (a list of
 * ports, one per line) is read item by item, so keys can pair with them;
 * otherwise the cell's whole text is read, and items that hold only a
 * qualifier (`(Cluster only)` under `5432`) give notes to every port.
 * Returns null, after reporting, when the cell cannot be read.
 */
function portsOfCell(cell: TableCell, from: PortColumn, report: Reporter, at: (offset: number) => Point): PortOfRow[] | null {
  const readings = cell.items.map((item) => ({ item, reading: readPortCell(item.text) }));
  const portItems = readings.filter(({ reading }) => reading.kind === 'ports');
  const qualifiers = readings.flatMap(({ reading }) => (reading.kind === 'none' ? reading.notes : []));
  const itemWise = portItems.length > 1 && readings.every(({ reading }) => reading.kind !== 'unreadable');
  if (itemWise) {
    return portItems.flatMap(({ item, reading }, index) =>
      reading.kind === 'ports' ? portsOf(reading.ports, reading.notes, item, index, qualifiers, from) : [],
    );
  }
  const whole: CellItem = { kind: 'text', text: cell.text, offset: cell.items[0]?.offset ?? cell.offset };
  const reading = readPortCell(whole.text);
  if (reading.kind === 'unreadable') {
    const item = itemAt(cell, reading.offset) ?? whole;
    report('port-cell', reading.reason, at(item.offset + Math.max(0, reading.offset - offsetInCellText(cell, item))));
    return null;
  }
  if (reading.kind === 'none') return [];
  return portsOf(reading.ports, reading.notes, whole, 0, [], from);
}

/** The column a port cell is in, and the note its ports take from it, if any. */
interface PortColumn {
  column: Column;
  note: string | null;
}

function portsOf(spans: readonly PortSpan[], cellNotes: readonly string[], item: CellItem, index: number, extra: readonly string[], from: PortColumn): PortOfRow[] {
  return spans.map((span) => ({
    span,
    offset: item.offset,
    notes: from.note === null ? [...span.notes, ...cellNotes, ...extra] : [...span.notes, ...cellNotes, ...extra, from.note],
    item: index,
    column: from.column,
  }));
}

/** The item of `cell` that holds the character at `offset` of the cell's text. */
function itemAt(cell: TableCell, offset: number): CellItem | undefined {
  let from = 0;
  for (const item of cell.items) {
    const start = cell.text.indexOf(item.text, from);
    if (start < 0) continue;
    if (offset < start + item.text.length) return item;
    from = start + item.text.length;
  }
  return cell.items.at(-1);
}

function offsetInCellText(cell: TableCell, item: CellItem): number {
  return Math.max(0, cell.text.indexOf(item.text));
}

/**
 * Configuration keys pair with the ports by position: from a column mapped to
 * `configKey`, or, where the manifest says `"nameLines": "configKey"`, from
 * the items after the name in the name cell (`Secure Relay RA` /
 * `ra.comm_port` / `ra.admin_port`).
 */
function configKeys(
  keyCells: readonly TableCell[],
  keyItems: readonly CellItem[],
  ports: readonly PortOfRow[],
  report: Reporter,
  at: (offset: number) => Point,
): string[] | null {
  const keys = keyCells.length > 0 ? keyCells.flatMap((cell) => cell.items) : keyItems;
  if (keys.length === 0) return null;
  if (keys.length !== ports.length) {
    report(
      'config-key-count',
      `Unexpected ${keys.length} configuration keys for ${ports.length} ports, expected one key per port`,
      at(keys[0]?.offset ?? 0),
    );
    return null;
  }
  return keys.map((key) => key.text);
}

/** Protocol words of a port: written with it (`443/tcp`), given to its column, or stated by the row. */
function protocolsOf(port: PortOfRow, protocolText: string, stated: string[] | null): string[] | null {
  if (port.span.protocols.length > 0) return port.span.protocols;
  if (port.column.protocol) return [port.column.protocol];
  if (protocolText !== '') return [protocolText];
  return stated;
}

/** The direction written inside the fields the manifest names (`Outgoing connections`), as a direction word, or null. */
function statedDirection(
  fields: NonNullable<RowReading['directionIn']>,
  row: { name: string | null; description: string | null; notes: readonly string[]; ports: readonly PortOfRow[]; row: readonly TableCell[] },
): string | null {
  for (const field of fields) {
    const texts =
      field === 'name' ? [row.name] : field === 'description' ? [row.description] : field === 'notes' ? row.notes : field === 'port' ? row.ports.map((port) => port.span.written) : [rowText(row.row)];
    for (const text of texts) {
      const direction = text ? findDirection(text) : null;
      if (direction) return direction;
    }
  }
  return null;
}

/** A row's whole text: its own cells' texts, in order. */
function rowText(row: readonly TableCell[]): string {
  return row.filter((cell) => !cell.spanned).map((cell) => cell.text).join(' ');
}

/** Protocols written inside the fields the manifest names (`Server RPC (TCP and UDP)`), or null. */
function statedProtocols(
  fields: RowReading['protocolsIn'],
  row: { name: string | null; description: string | null; notes: readonly string[]; ports: readonly PortOfRow[]; row: readonly TableCell[] },
): string[] | null {
  const texts = fields.flatMap((field) => {
    if (field === 'name') return row.name ? [row.name] : [];
    if (field === 'description') return row.description ? [row.description] : [];
    if (field === 'notes') return [...row.notes];
    if (field === 'text') return [rowText(row.row)];
    return row.ports.map((port) => port.span.written);
  });
  const found = findProtocolWords(texts.join(' ')).protocols;
  return found.length > 0 ? found : null;
}

/** Answers that say nothing without their column's header (`On by default: No`). */
const bareAnswers = new Set(['yes', 'no', 'true', 'false', 'y', 'n', 'on', 'off', 'optional', 'required', '✓', '✔', '✅']);

/** Whether a note is a bare answer (footnote markers aside: `No*`), to be kept with its column's header. */
function isBareAnswer(text: string): boolean {
  return bareAnswers.has(splitMarkers(text).text.toLowerCase());
}

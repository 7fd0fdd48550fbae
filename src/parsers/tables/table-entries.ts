/**
 * From a table to entries: the manifest maps header text to fields, and each
 * body row becomes one entry per port item. Markup-free: it reads the one
 * Table shape, whatever markup the table was written in.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import type { ManifestSource } from '../../model/record.js';
import { sourceEntry, type SourceEntry } from '../../model/source-entry.js';
import type { Table, TableCell } from './table.js';

export type TableField = NonNullable<NonNullable<ManifestSource['columns']>[string]>;

/** Header text (any case, surrounding space ignored) to field. */
export type ColumnMapping = Readonly<Record<string, TableField | undefined>>;

/** Entries of one table; problems are reported at the cell they are about. */
export function entriesOfTable(
  table: Table,
  columns: ColumnMapping,
  report: Reporter,
  at: (offset: number) => Point,
): SourceEntry[] {
  const mapping = new Map(
    Object.entries(columns).flatMap(([header, field]) => (field ? [[header.trim().toLowerCase(), field]] : [])),
  );
  const headers = table.rows[table.headerRows - 1] ?? [];
  const fields = headers.map((cell) => mapping.get(cell.text.toLowerCase()) ?? null);
  if (!fields.includes('port')) {
    const named = headers.map((cell) => `\`${cell.text}\``).join(', ') || 'none';
    const expected = [...mapping].filter(([, field]) => field === 'port').map(([header]) => `\`${header}\``);
    report(
      'port-column',
      `Unexpected table without a port column (headers: ${named}), expected a header ${expected.join(' or ') || 'mapped to `port` in the manifest'}`,
      at(table.offset),
    );
    return [];
  }
  headers.forEach((cell, index) => {
    if (fields[index] === null && cell.text !== '') {
      report('column-unmapped', `Unexpected column \`${cell.text}\`, expected one mapped in the manifest`, at(cell.offset));
    }
  });
  return table.rows.slice(table.headerRows).flatMap((row) => entriesOfRow(row, fields, report, at));
}

/**
 * One row becomes one entry per port item. A name cell may hold, after the
 * name, the configuration keys of the ports (e.g. `ra.comm_port`,
 * `ra.admin_port`); they pair with the port items by position.
 */
function entriesOfRow(
  row: readonly TableCell[],
  fields: readonly (TableField | null)[],
  report: Reporter,
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
    report('port-missing', 'Unexpected row without a port, expected a port number', at(portCell && portCell.offset >= 0 ? portCell.offset : first.offset));
    return [];
  }

  const [nameItem, ...keyItems] = cellFor('name')?.items ?? [];
  const keyCell = cellFor('configKey');
  const keys = keyCell ? keyCell.items : keyItems;
  if (keys.length > 0 && keys.length !== ports.length) {
    report(
      'config-key-count',
      `Unexpected ${keys.length} configuration keys for ${ports.length} ports, expected one key per port`,
      at((keys[0] ?? first).offset),
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

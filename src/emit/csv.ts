/**
 * ports.csv: one row per record, the contract's fields as columns in schema
 * order. Arrays are joined with "; ", sources written as `id:line`, null as
 * an empty cell.
 *
 * Cells a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or CR) are prefixed with a single quote (csv-stringify's escape_formulas,
 * as OWASP's CSV-injection guidance advises).
 */
import { stringify } from 'csv-stringify/sync';
import { recordFields, type PortRecord } from '../record.js';

export const listSeparator = '; ';

/** One record as CSV cells, keyed by field. */
export function csvCells(record: PortRecord): Record<(typeof recordFields)[number], string | number> {
  return {
    portStart: record.portStart,
    portEnd: record.portEnd,
    protocol: record.protocol,
    status: record.status,
    serviceName: record.serviceName ?? '',
    name: record.name ?? '',
    description: record.description ?? '',
    references: record.references.join(listSeparator),
    notes: record.notes.join(listSeparator),
    category: record.category,
    product: record.product ?? '',
    configKey: record.configKey ?? '',
    sources: record.sources.map((ref) => `${ref.source}:${ref.line}`).join(listSeparator),
  };
}

/** Serializes records to CSV with a header row. */
export function emitCsv(records: readonly PortRecord[]): string {
  return stringify(records.map(csvCells), {
    columns: [...recordFields],
    header: true,
    record_delimiter: '\n',
    escape_formulas: true,
  });
}

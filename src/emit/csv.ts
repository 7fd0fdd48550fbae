/**
 * ports.csv: one row per record, the contract's fields as columns in schema
 * order. Arrays are joined with "; ", sources written as `id:line`, null as
 * an empty cell.
 *
 * Cells a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or CR) are prefixed with a single quote (csv-stringify's escape_formulas,
 * as OWASP's CSV-injection guidance advises). A cell that already starts
 * with a quote gets one more, so a reader recovers every cell exactly by
 * dropping one leading quote.
 */
import { stringify } from 'csv-stringify/sync';
import { formatSources, recordFields, type PortRecord } from '../model/record.js';

export const listSeparator = '; ';

/** One record as CSV cells, keyed by field. */
export function csvCells(record: PortRecord): Record<(typeof recordFields)[number], string | number> {
  return {
    portStart: record.portStart,
    portEnd: record.portEnd,
    protocol: record.protocol,
    status: record.status,
    serviceName: quoteLeadingQuote(record.serviceName ?? ''),
    aliases: quoteLeadingQuote(record.aliases.join(listSeparator)),
    name: quoteLeadingQuote(record.name ?? ''),
    description: quoteLeadingQuote(record.description ?? ''),
    references: record.references.join(listSeparator),
    notes: quoteLeadingQuote(record.notes.join(listSeparator)),
    category: record.category,
    product: quoteLeadingQuote(record.product ?? ''),
    configKey: quoteLeadingQuote(record.configKey ?? ''),
    direction: record.direction ?? '',
    sources: formatSources(record, listSeparator),
  };
}

/** `'x` → `''x`, so the formula quote csv-stringify adds is never ambiguous. */
function quoteLeadingQuote(text: string): string {
  return text.startsWith("'") ? `'${text}` : text;
}

/** Serializes records to CSV with a header row. */
export function emitCsv(records: readonly PortRecord[]): string {
  return [...csvChunks(records)].join('');
}

/** Records per call of csv-stringify: each call's rows end in the record delimiter, so calls join. */
const rowsPerChunk = 2000;

/** The same text as emitCsv, a few thousand rows at a time: the header with the first. */
export function* csvChunks(records: readonly PortRecord[]): Generator<string> {
  const rows = (start: number) =>
    stringify(records.slice(start, start + rowsPerChunk).map(csvCells), {
      columns: [...recordFields],
      header: start === 0,
      record_delimiter: '\n',
      escape_formulas: true,
    });
  yield rows(0);
  for (let start = rowsPerChunk; start < records.length; start += rowsPerChunk) yield rows(start);
}

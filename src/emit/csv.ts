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

/** csv-stringify's settings: the contract's fields as columns, `\n` line ends, formula escaping. */
const stringifyOptions = { columns: [...recordFields], record_delimiter: '\n', escape_formulas: true };

/**
 * A cell csv-stringify writes as it is: no delimiter, quote or line break
 * that it would quote, and no first character escape_formulas would prefix.
 * (A tab it leaves alone but at the start; here any tab goes to it.)
 */
const plainCell = /^(?![-=+@\uFF1D\uFF0B\uFF0D\uFF20])[^,"\t\r\n]*$/;

/** Rows per chunk: enough to make each write worth it, few enough to stream. */
const rowsPerChunk = 2000;

/**
 * The same text as emitCsv, a few thousand rows at a time, the header with
 * the first. csv-stringify writes the header and every row that holds a cell
 * to quote or escape; a row of plain cells, nearly all of them, is joined
 * directly, which spares csv-stringify's cost for each field of every row.
 * A property test holds both paths to csv-stringify's bytes.
 */
export function* csvChunks(records: readonly PortRecord[]): Generator<string> {
  let chunk = stringify([], { ...stringifyOptions, header: true });
  for (const [index, record] of records.entries()) {
    const cells = csvCells(record);
    chunk += csvRow(recordFields.map((field) => cells[field]));
    if ((index + 1) % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** One row and its line end: joined when every cell is plain, else by csv-stringify. */
export function csvRow(cells: readonly (string | number)[]): string {
  const written = cells.map(String);
  return written.every((cell) => plainCell.test(cell)) ? `${written.join(',')}\n` : stringify([cells], { ...stringifyOptions, header: false });
}

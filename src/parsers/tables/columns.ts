/**
 * Which field each column of a table fills. The manifest maps header text to
 * fields; a column is named by its header rows' texts joined by a space
 * (`Protocol TCP` under a two-row header), or by its last header row alone,
 * or, for a table whose header names nothing (a label over the first column),
 * by its position: `#2` is the second column.
 * Header text is compared without case, repeated space or footnote markers
 * (`Explicit TLS<sup>1</sup>` is `explicit tls`).
 */
import type { ManifestSource, Protocol } from '../../model/record.js';
import type { Table } from './table.js';

type ManifestColumn = NonNullable<NonNullable<ManifestSource['columns']>[string]>;
export type TableField = Extract<ManifestColumn, string>;

/** Header text to field, as the manifest writes it. */
export type ColumnMapping = Readonly<Record<string, ManifestColumn | undefined>>;

export interface Column {
  index: number;
  /** The header as shown in messages: every header row's text, joined. */
  header: string;
  /** The keys the column answers to: its whole header, and its last header row's text. */
  keys: string[];
  /** The field the manifest maps the column to, or null when it maps none. */
  field: TableField | null;
  /** The protocol the manifest gives every port of the column, if any. */
  protocol: Protocol | null;
}

/** A header as compared: lower case, single spaces, no footnote markers. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*(?:\[[^\]\s]{1,3}\]|[*†‡]+)(?=\s|$)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `#2`: a manifest key that names a column by its 1-based position, for a table whose header names nothing. */
const positionKey = /^#([1-9]\d{0,2})$/;

/** The columns of `table`, named and mapped: by position (`#2`) first, then by header text. */
export function columnsOf(table: Table, mapping: ColumnMapping): Column[] {
  const lookup = new Map<string, ManifestColumn>();
  const byPosition = new Map<number, ManifestColumn>();
  for (const [header, column] of Object.entries(mapping)) {
    if (column === undefined) continue;
    const position = positionKey.exec(header)?.[1];
    if (position !== undefined) byPosition.set(Number(position) - 1, column);
    else lookup.set(headerKey(header), column);
  }
  const headerRows = table.rows.slice(0, table.headerRows);
  const width = table.rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, index) => {
    const texts: string[] = [];
    for (const row of headerRows) {
      const text = row[index]?.text ?? '';
      if (text !== '' && texts.at(-1) !== text) texts.push(text);
    }
    const header = texts.join(' ');
    const keys = [...new Set([headerKey(header), headerKey(texts.at(-1) ?? '')])];
    const mapped = byPosition.get(index) ?? keys.map((key) => lookup.get(key)).find((found) => found !== undefined) ?? null;
    const field = mapped === null ? null : typeof mapped === 'string' ? mapped : mapped.field;
    const protocol = mapped !== null && typeof mapped === 'object' ? (mapped.protocol ?? null) : null;
    return { index, header, keys, field, protocol };
  });
}

/** True when the table has every one of `headers` (compared as headers are). */
export function hasHeaders(columns: readonly Column[], headers: readonly string[]): boolean {
  const present = new Set(columns.flatMap((column) => column.keys));
  return headers.every((header) => present.has(headerKey(header)));
}

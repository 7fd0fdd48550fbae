/**
 * A reference record as references.json stores it: one compact row, written
 * by emit/reference-index.ts and read by the query commands and the web page,
 * which both turn a row back into a record with `recordOfRow`, so they answer
 * from the same records.
 */
import { categoryOf, type PortRecord, type ReferenceRecord } from './record.js';

/** The order of a compact reference row's fields. */
export const referenceRowFields = ['portStart', 'portEnd', 'protocol', 'status', 'serviceName', 'aliases', 'name', 'source', 'line'] as const;

export type ReferenceRow = [number, number, PortRecord['protocol'], PortRecord['status'], string | null, string[], string | null, string, number];

/** A reference record as a row: the fields a query reads, and its first source line. */
export function rowOf(record: ReferenceRecord): ReferenceRow {
  const first = record.sources[0] ?? { source: '', line: 0 };
  return [record.portStart, record.portEnd, record.protocol, record.status, record.serviceName, record.aliases, record.name, first.source, first.line];
}

/** The lists a reference row does not carry, shared by every record made from one (a query never changes a record). */
const none: string[] = [];

/** The record a row stands for, as the queries see it: what the row does not carry is empty or null. */
export function recordOfRow(row: ReferenceRow): PortRecord {
  const portStart = row[0];
  return {
    portStart,
    portEnd: row[1],
    protocol: row[2],
    status: row[3],
    serviceName: row[4],
    aliases: row[5],
    name: row[6],
    description: null,
    references: none,
    notes: none,
    category: categoryOf(portStart),
    product: null,
    configKey: null,
    direction: null,
    sources: [{ source: row[7], line: row[8] }],
  };
}

/**
 * references.json: the reference sources' records, compact, so `lookup`,
 * `free` and `conflicts` answer from built data without reading, parsing and
 * normalizing the registry again. One record per line, as an array
 * `[portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]`,
 * in catalog order, so a registry upgrade reads as a line diff. The header
 * names the fields and gives `widest`, the largest `portEnd - portStart` of
 * any row: rows in port order, one a line, and `widest` let a query find the
 * rows of its ports by binary search (query/reference-rows.ts).
 */
import { compareRecords, type ReferenceRecord } from '../model/record.js';
import { referenceRowFields, rowOf } from '../model/reference-row.js';

/** The index's text: a small header, then one row per line. */
export function emitReferenceIndex(references: readonly ReferenceRecord[], generator: { name: string; version: string }): string {
  return [...referenceIndexChunks(references, generator)].join('');
}

/** The same text as emitReferenceIndex, a row at a time: `{"index":…,"rows":[`, a line per row, `]}`. */
export function* referenceIndexChunks(references: readonly ReferenceRecord[], generator: { name: string; version: string }): Generator<string> {
  const widest = references.reduce((most, record) => Math.max(most, record.portEnd - record.portStart), 0);
  const header = JSON.stringify({ name: generator.name, version: generator.version, fields: referenceRowFields, widest });
  yield `{"index":${header},"rows":[\n`;
  let separator = '';
  for (const record of [...references].sort(compareRecords)) {
    yield `${separator}${JSON.stringify(rowOf(record))}`;
    separator = ',\n';
  }
  yield references.length > 0 ? '\n]}\n' : ']}\n';
}

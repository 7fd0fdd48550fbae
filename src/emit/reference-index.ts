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
import { asReferenceList, type ReferenceList } from '../model/reference-list.js';
import { referenceRowFields, rowOf } from '../model/reference-row.js';

/** The index's text: a small header, then one row per line. */
export function emitReferenceIndex(references: readonly ReferenceRecord[], generator: { name: string; version: string }): string {
  return [...referenceIndexChunks(references, generator)].join('');
}

/**
 * The same text as emitReferenceIndex, a row at a time: `{"index":…,"rows":[`,
 * a line per row, `]}`. `rowsText`, when given, is referenceRowsText of these
 * very records, written ahead of time (pipeline/prebuilt.ts): the registry's
 * 12,000 rows are then not sorted and written again in each build, and only
 * their ports are read.
 */
export function* referenceIndexChunks(
  references: readonly ReferenceRecord[] | ReferenceList,
  generator: { name: string; version: string },
  rowsText: string | null = null,
): Generator<string> {
  const list = asReferenceList(references);
  const header = JSON.stringify({ name: generator.name, version: generator.version, fields: referenceRowFields, widest: list.widest() });
  yield `{"index":${header},"rows":[\n`;
  if (rowsText !== null) yield rowsText;
  else yield* referenceRowLines(list.all());
  yield list.length > 0 ? '\n]}\n' : ']}\n';
}

/** The index's rows, sorted, one a line, separated by `,\n`, in chunks. */
function* referenceRowLines(references: readonly ReferenceRecord[]): Generator<string> {
  let separator = '';
  for (const record of [...references].sort(compareRecords)) {
    yield `${separator}${JSON.stringify(rowOf(record))}`;
    separator = ',\n';
  }
}

/** The index's rows of these records as one text, as referenceIndexChunks writes them: what a build may be given ahead of time. */
export function referenceRowsText(references: readonly ReferenceRecord[]): string {
  return [...referenceRowLines(references)].join('');
}

/**
 * A reference source's records as a build holds them: a list whose rows'
 * ports and protocols are at hand, and whose records are made when asked.
 * The registry read ahead of time has 12,341 rows, and a build meets a few
 * hundred of them; making every one a record cost a cold build its largest
 * share of parsing and garbage. A list of records in memory is one too
 * (`referenceListOf`), so the comparison has one way to ask.
 */
import type { PortRecord, Protocol, ReferenceRecord } from './record.js';

/** A row's ports and protocol, and its place in its list: what the overlap sweep needs of it. */
export interface RowRange {
  readonly portStart: number;
  readonly portEnd: number;
  readonly protocol: Protocol;
  readonly row: number;
}

/** Records by row, made on demand; `at` gives the same object for a row each time. */
export interface ReferenceList<R extends PortRecord = ReferenceRecord> {
  readonly length: number;
  /** Every row's ports and protocol, in row order, made once. */
  ranges(): readonly RowRange[];
  /** The record of a row. */
  at(row: number): R;
  /** The row of a record this list gave, or undefined for any other object. */
  rowOf(record: PortRecord): number | undefined;
  /** Every record, in row order, made once. */
  all(): readonly R[];
}

/** Whether `references` is a list rather than records already made. */
export function isReferenceList<R extends PortRecord>(references: readonly R[] | ReferenceList<R>): references is ReferenceList<R> {
  return !Array.isArray(references);
}

/** The records as a list, whichever they are. */
export function asReferenceList<R extends PortRecord>(references: readonly R[] | ReferenceList<R>): ReferenceList<R> {
  return isReferenceList(references) ? references : referenceListOf(references);
}

/** A list over records already made. */
export function referenceListOf<R extends PortRecord>(records: readonly R[]): ReferenceList<R> {
  let ranges: RowRange[] | null = null;
  let rows: Map<PortRecord, number> | null = null;
  return {
    length: records.length,
    ranges: () => (ranges ??= records.map(({ portStart, portEnd, protocol }, row) => ({ portStart, portEnd, protocol, row }))),
    at: (row) => recordAt(records, row),
    rowOf: (record) => (rows ??= new Map(records.map((each, row): [PortRecord, number] => [each, row]))).get(record),
    all: () => records,
  };
}

/**
 * A list made from each row's ports and a function that makes the row's
 * record: each record is made once, when first asked for.
 */
export function lazyReferenceList<R extends PortRecord>(ranges: readonly RowRange[], make: (row: number) => R): ReferenceList<R> {
  const made: (R | undefined)[] = new Array<R | undefined>(ranges.length);
  const rows = new Map<PortRecord, number>();
  let all: R[] | null = null;
  const at = (row: number): R => {
    const known = made[row];
    if (known !== undefined) return known;
    if (!(row >= 0 && row < ranges.length)) throw new RangeError(`internal error: no reference row ${row}`);
    const record = make(row);
    made[row] = record;
    rows.set(record, row);
    return record;
  };
  return {
    length: ranges.length,
    ranges: () => ranges,
    at,
    rowOf: (record) => rows.get(record),
    all: () => (all ??= ranges.map((_, row) => at(row))),
  };
}

/** Several lists as one, rows numbered on from list to list (as the web page numbers them). */
export function joinReferenceLists<R extends PortRecord>(lists: readonly ReferenceList<R>[]): ReferenceList<R> {
  const [only, ...others] = lists;
  if (only === undefined) return referenceListOf<R>([]);
  if (others.length === 0) return only;
  const firsts: number[] = [];
  let length = 0;
  for (const list of lists) {
    firsts.push(length);
    length += list.length;
  }
  const listOf = (row: number): number => {
    let index = firsts.length - 1;
    while (index > 0 && (firsts[index] ?? 0) > row) index -= 1;
    return index;
  };
  let ranges: RowRange[] | null = null;
  let all: R[] | null = null;
  return {
    length,
    ranges: () =>
      (ranges ??= lists.flatMap((list, index) => {
        const first = firsts[index] ?? 0;
        return list.ranges().map((range) => ({ ...range, row: first + range.row }));
      })),
    at: (row) => {
      const index = listOf(row);
      const list = lists[index];
      if (list === undefined) throw new RangeError(`internal error: no reference row ${row}`);
      return list.at(row - (firsts[index] ?? 0));
    },
    rowOf: (record) => {
      for (const [index, list] of lists.entries()) {
        const row = list.rowOf(record);
        if (row !== undefined) return row + (firsts[index] ?? 0);
      }
      return undefined;
    },
    all: () => (all ??= lists.flatMap((list) => [...list.all()])),
  };
}

function recordAt<R>(records: readonly R[], row: number): R {
  const record = records[row];
  if (record === undefined) throw new RangeError(`internal error: no reference row ${row}`);
  return record;
}

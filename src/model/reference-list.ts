/**
 * A reference source's records as a build holds them: a list whose rows'
 * ports and protocols are at hand, and whose records are made when asked.
 * The registry read ahead of time has 12,341 rows, and a build meets a few
 * hundred of them; making every one a record cost a cold build its largest
 * share of parsing and garbage. A list of records in memory is one too
 * (`referenceListOf`), so the comparison has one way to ask.
 */
import type { PortRecord, Protocol, ReferenceRecord } from './record.js';

/** What finding the rows a record meets needs of it. */
type PortRange = Pick<PortRecord, 'portStart' | 'portEnd' | 'protocol'>;

/** A row's ports and protocol, and its place in its list: what the overlap sweep needs of it. */
export interface RowRange {
  readonly portStart: number;
  readonly portEnd: number;
  readonly protocol: Protocol;
  readonly row: number;
}

/** Each row's ports and protocol, read by row: from objects, or from numbers held compact. */
export interface RowPorts {
  readonly length: number;
  portStart(row: number): number;
  portEnd(row: number): number;
  protocol(row: number): Protocol;
}

/** The ports of rows held as objects (records, or ranges). */
export function rowPortsOf(rows: readonly PortRange[]): RowPorts {
  return {
    length: rows.length,
    portStart: (row) => recordAt(rows, row).portStart,
    portEnd: (row) => recordAt(rows, row).portEnd,
    protocol: (row) => recordAt(rows, row).protocol,
  };
}

/** Records by row, made on demand; `at` gives the same object for a row each time. */
export interface ReferenceList<R extends PortRecord = ReferenceRecord> {
  readonly length: number;
  /**
   * The rows that share a port with one of `records` on its protocol, in
   * row order: all a comparison with those records can meet. Only these
   * rows' ranges are made.
   */
  rangesMeeting(records: readonly PortRange[]): RowRange[];
  /** The most ports a row spans, less one (0 when every row is one port, or there is none). */
  widest(): number;
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
  let rows: Map<PortRecord, number> | null = null;
  return {
    length: records.length,
    rangesMeeting: (meeting) => rangesMeetingIn(rowPortsOf(records), meeting),
    widest: () => widestIn(rowPortsOf(records)),
    at: (row) => recordAt(records, row),
    rowOf: (record) => (rows ??= new Map(records.map((each, row): [PortRecord, number] => [each, row]))).get(record),
    all: () => records,
  };
}

/**
 * A list made from each row's ports and a function that makes the row's
 * record: each record is made once, when first asked for, and each row's
 * range only when asked for too.
 */
export function lazyReferenceList<R extends PortRecord>(ports: RowPorts, make: (row: number) => R): ReferenceList<R> {
  const made: (R | undefined)[] = new Array<R | undefined>(ports.length);
  const rows = new Map<PortRecord, number>();
  let all: R[] | null = null;
  const at = (row: number): R => {
    const known = made[row];
    if (known !== undefined) return known;
    if (!(row >= 0 && row < ports.length)) throw new RangeError(`internal error: no reference row ${row}`);
    const record = make(row);
    made[row] = record;
    rows.set(record, row);
    return record;
  };
  return {
    length: ports.length,
    rangesMeeting: (meeting) => rangesMeetingIn(ports, meeting),
    widest: () => widestIn(ports),
    at,
    rowOf: (record) => rows.get(record),
    all: () => (all ??= Array.from({ length: ports.length }, (_, row) => at(row))),
  };
}

function widestIn(ports: RowPorts): number {
  let widest = 0;
  for (let row = 0; row < ports.length; row += 1) widest = Math.max(widest, ports.portEnd(row) - ports.portStart(row));
  return widest;
}

function rangeOf(ports: RowPorts, row: number): RowRange {
  return { portStart: ports.portStart(row), portEnd: ports.portEnd(row), protocol: ports.protocol(row), row };
}

/** The rows of `ports` that share a port with one of `records` on its protocol, in row order. */
function rangesMeetingIn(ports: RowPorts, records: readonly PortRange[]): RowRange[] {
  const spans = coveredSpans(records);
  const met: RowRange[] = [];
  for (let row = 0; row < ports.length; row += 1) {
    const covered = spans.get(ports.protocol(row));
    if (covered !== undefined && meets(covered, ports.portStart(row), ports.portEnd(row))) met.push(rangeOf(ports, row));
  }
  return met;
}

/** Per protocol, the ports `records` cover: sorted, disjoint spans, as start, end, start, end, … */
function coveredSpans(records: readonly PortRange[]): Map<Protocol, number[]> {
  const byProtocol = new Map<Protocol, PortRange[]>();
  for (const record of records) {
    const list = byProtocol.get(record.protocol);
    if (list) list.push(record);
    else byProtocol.set(record.protocol, [record]);
  }
  const spans = new Map<Protocol, number[]>();
  for (const [protocol, list] of byProtocol) {
    const merged: number[] = [];
    for (const { portStart, portEnd } of [...list].sort((a, b) => a.portStart - b.portStart)) {
      const last = merged.length - 1;
      if (last > 0 && portStart <= (merged[last] ?? 0) + 1) merged[last] = Math.max(merged[last] ?? 0, portEnd);
      else merged.push(portStart, portEnd);
    }
    spans.set(protocol, merged);
  }
  return spans;
}

/** Whether ports `start`–`end` share one with the sorted, disjoint `spans`: only the last span that starts by `end` can. */
function meets(spans: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length / 2 - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((spans[2 * middle] ?? Infinity) <= end) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return last >= 0 && (spans[2 * last + 1] ?? -1) >= start;
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
  let all: R[] | null = null;
  const numbered = (index: number, listed: readonly RowRange[]): RowRange[] => listed.map((range) => ({ ...range, row: (firsts[index] ?? 0) + range.row }));
  return {
    length,
    rangesMeeting: (meeting) => lists.flatMap((list, index) => numbered(index, list.rangesMeeting(meeting))),
    widest: () => Math.max(0, ...lists.map((list) => list.widest())),
    at: (row) => {
      const index = listOf(row);
      const list = lists[index];
      if (list === undefined || !(row >= 0 && row < length)) throw new RangeError(`internal error: no reference row ${row}`);
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

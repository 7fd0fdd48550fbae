/**
 * What covers each of the 65,536 ports, for the port map: the strongest of
 * a clash (a conflict of the report on the port), a product's port, an
 * assignment (a catalog service or a reference row), a reserved port, a port
 * listed as unassigned or deprecated, a category range only, or nothing.
 *
 * Ranges are counted by difference arrays (one +1 at a range's start and one
 * −1 past its end, per kind, then one running sum), so the cost is the
 * records plus the ports, however wide the ranges.
 */
import type { Conflict } from '../compare/conflicts.js';
import { sharedPorts, type PortRecord, type Protocol } from '../model/record.js';

/** The kinds, weakest first: a port shows the strongest kind that covers it. */
export const portKinds = ['free', 'category', 'vacant', 'reserved', 'assigned', 'product', 'clash'] as const;
export type PortKind = (typeof portKinds)[number];

const portCount = 65536;

/** The kind a record gives the ports it covers. */
export function kindOfRecord(record: PortRecord): PortKind {
  switch (record.status) {
    case 'category':
      return 'category';
    case 'unassigned':
    case 'deprecated':
      return 'vacant';
    case 'reserved':
      return 'reserved';
    case 'assigned':
      return record.product === null ? 'assigned' : 'product';
  }
}

/**
 * Each port's kind, as its place in `portKinds`, for the records of one
 * protocol (every protocol when `protocol` is null). A conflict marks the
 * ports its sides share.
 */
export function portKindsOf(records: readonly PortRecord[], conflicts: readonly Conflict[], protocol: Protocol | null): Uint8Array {
  const kindCount = portKinds.length;
  // One row of differences per port: counts[port * kindCount + kind].
  const counts = new Int32Array((portCount + 1) * kindCount);
  const add = (kind: PortKind, start: number, end: number) => {
    if (start > end) return;
    const place = portKinds.indexOf(kind);
    const from = start * kindCount + place;
    const past = (end + 1) * kindCount + place;
    counts[from] = (counts[from] ?? 0) + 1;
    counts[past] = (counts[past] ?? 0) - 1;
  };
  const wanted = (record: PortRecord) => protocol === null || record.protocol === protocol;
  for (const record of records) if (wanted(record)) add(kindOfRecord(record), record.portStart, record.portEnd);
  for (const { sides } of conflicts) {
    const records = sides.map((side) => side.record);
    if (records.every(wanted)) {
      const shared = sharedPorts(records);
      add('clash', shared.portStart, shared.portEnd);
    }
  }
  const kinds = new Uint8Array(portCount);
  const running = new Int32Array(kindCount);
  for (let port = 0; port < portCount; port++) {
    let strongest = 0;
    for (let kind = 0; kind < kindCount; kind++) {
      const covering = (running[kind] ?? 0) + (counts[port * kindCount + kind] ?? 0);
      running[kind] = covering;
      if (covering > 0) strongest = kind;
    }
    kinds[port] = strongest;
  }
  return kinds;
}

/**
 * Which port ranges overlap, found by sort and sweep rather than by trying
 * all pairs: per protocol, items in port order, with the ranges still open at
 * the current port kept in small active lists. The cost is n log n plus the
 * number of overlapping pairs, which matters on the full IANA registry.
 */
import type { PortRecord } from '../model/record.js';

/** What the sweep needs of an item. */
export type PortRange = Pick<PortRecord, 'portStart' | 'portEnd' | 'protocol'>;

/** Every pair (one from `left`, one from `right`) on the same protocol whose ranges share a port. */
export function overlappingPairs<A extends PortRange, B extends PortRange>(
  left: readonly A[],
  right: readonly B[],
): [A, B][] {
  // Nothing pairs with an empty side: a build without references, or without products, sorts nothing.
  if (left.length === 0 || right.length === 0) return [];
  type Tagged = { side: 'left'; item: A } | { side: 'right'; item: B };
  const tagged: Tagged[] = [
    ...left.map((item): Tagged => ({ side: 'left', item })),
    ...right.map((item): Tagged => ({ side: 'right', item })),
  ];
  const byProtocol = new Map<string, Tagged[]>();
  for (const entry of tagged) {
    const list = byProtocol.get(entry.item.protocol);
    if (list) list.push(entry);
    else byProtocol.set(entry.item.protocol, [entry]);
  }
  const pairs: [A, B][] = [];
  for (const list of byProtocol.values()) {
    list.sort((a, b) => a.item.portStart - b.item.portStart);
    const openLeft: A[] = [];
    const openRight: B[] = [];
    // A side's open list is pruned only when the other side is about to
    // pair with it: then every item kept makes a pair and every item dropped
    // goes once, so many overlapping items of one side cost no more than
    // the pairs they make.
    for (const entry of list) {
      const start = entry.item.portStart;
      if (entry.side === 'left') {
        dropEnded(openRight, start);
        for (const other of openRight) pairs.push([entry.item, other]);
        openLeft.push(entry.item);
      } else {
        dropEnded(openLeft, start);
        for (const other of openLeft) pairs.push([other, entry.item]);
        openRight.push(entry.item);
      }
    }
  }
  return pairs;
}

/** Removes, in place, the ranges that end before `port` (no new array per step). */
function dropEnded(open: PortRange[], port: number): void {
  let kept = 0;
  for (const item of open) if (item.portEnd >= port) open[kept++] = item;
  open.length = kept;
}

/** A vacancy overlap: an unassigned or reserved range holding an assigned port on one protocol. */
export interface Overlap {
  vacant: PortRecord;
  assigned: PortRecord;
}

/** Every unassigned or reserved range that shares a port with an assigned record (`875-885` against 876). */
export function findVacancyOverlaps(records: readonly PortRecord[]): Overlap[] {
  const vacant = records.filter((record) => record.status === 'unassigned' || record.status === 'reserved');
  const assigned = records.filter((record) => record.status === 'assigned');
  return overlappingPairs(vacant, assigned).map(([range, port]) => ({ vacant: range, assigned: port }));
}

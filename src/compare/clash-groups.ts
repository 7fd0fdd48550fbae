/**
 * Product clashes as a reader wants them at catalog size: grouped by the
 * ports they share, each group naming every product (and catalog service)
 * on those ports, rather than one row per pair, which grows with the square
 * of the products on a busy port; and per product, how many of its ports
 * clash and with which products.
 */
import type { Conflict } from './conflicts.js';
import { compareRecords, compareText, type PortRecord } from '../model/record.js';

/** The records that share one port range on one protocol. */
export interface ClashGroup {
  protocol: PortRecord['protocol'];
  /** The ports every pair of the group shares: the overlap of the first pair found. */
  portStart: number;
  portEnd: number;
  /** Every record of the group, in catalog order. */
  records: PortRecord[];
}

/** A product's clashes: how many groups it is in, and the other products and services it meets there. */
export interface ProductClashes {
  product: string;
  groups: number;
  /** Other products, sorted; catalog services count as one entry, `catalog services`. */
  with: string[];
}

/** The product clashes of a report, grouped by the port range and protocol they share, in port order. */
export function clashGroups(conflicts: readonly Conflict[]): ClashGroup[] {
  const groups = new Map<string, ClashGroup>();
  for (const conflict of conflicts) {
    if (conflict.kind !== 'product-clash') continue;
    const [first, second] = conflict.sides;
    const start = Math.max(first.record.portStart, second.record.portStart);
    const end = Math.min(first.record.portEnd, second.record.portEnd);
    const key = `${first.record.protocol}|${start}|${end}`;
    let group = groups.get(key);
    if (!group) {
      group = { protocol: first.record.protocol, portStart: start, portEnd: end, records: [] };
      groups.set(key, group);
    }
    for (const side of [first, second]) if (!group.records.includes(side.record)) group.records.push(side.record);
  }
  const sorted = [...groups.values()].sort((a, b) => a.portStart - b.portStart || a.portEnd - b.portEnd || compareText(a.protocol, b.protocol));
  for (const group of sorted) group.records.sort(compareRecords);
  return sorted;
}

/** Each product with a clash, most clashes first, then by name. */
export function clashesByProduct(groups: readonly ClashGroup[]): ProductClashes[] {
  const byProduct = new Map<string, { groups: number; with: Set<string> }>();
  for (const group of groups) {
    const products = new Set(group.records.flatMap((record) => (record.product === null ? [] : [record.product])));
    const others = (product: string) => group.records.flatMap((record) => (record.product === product ? [] : [record.product ?? 'catalog services']));
    for (const product of products) {
      const entry = byProduct.get(product) ?? { groups: 0, with: new Set<string>() };
      entry.groups += 1;
      for (const other of others(product)) entry.with.add(other);
      byProduct.set(product, entry);
    }
  }
  return [...byProduct]
    .map(([product, entry]) => ({ product, groups: entry.groups, with: [...entry.with].sort(compareText) }))
    .sort((a, b) => b.groups - a.groups || compareText(a.product, b.product));
}

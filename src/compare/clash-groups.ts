/**
 * Product clashes as a reader wants them at catalog size: grouped by the
 * ports they share, each group naming every product (and catalog service)
 * on those ports, rather than one row per pair, which grows with the square
 * of the products on a busy port; and per product, how many of its ports
 * clash and with which products.
 */
import type { Conflict } from './conflicts.js';
import { compareText, sharedPorts, type PortRecord } from '../model/record.js';

/** The records that share one port range on one protocol. */
export interface ClashGroup {
  protocol: PortRecord['protocol'];
  /** The ports every record of the group uses. */
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

/** The product clashes of a report (one per port range and protocol the records share), in port order. */
export function clashGroups(conflicts: readonly Conflict[]): ClashGroup[] {
  const groups = conflicts.flatMap((conflict): ClashGroup[] => {
    if (conflict.kind !== 'product-clash') return [];
    const records = conflict.sides.map((side) => side.record);
    return [{ protocol: records[0]?.protocol ?? 'tcp', ...sharedPorts(records), records }];
  });
  return groups.sort((a, b) => a.portStart - b.portStart || a.portEnd - b.portEnd || compareText(a.protocol, b.protocol));
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

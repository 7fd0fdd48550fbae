/**
 * Record identity, defined once. Two records are the same assignment when
 * they cover the same port range on the same protocol, belong to the same
 * product (or both to none), and name the same thing: the same name
 * (ignoring case and spacing) and the same service keyword, or, for records
 * without a name, the same keyword, or the same status. Two registered
 * keywords are two assignments, whatever their names say, unless a source
 * makes one an alias of the other (normalization then gives both the
 * primary keyword).
 *
 * The product is part of every identity: vendor pages name their parts
 * generically (`REST API`, `Web console`, `HTTPS`), so two products' parts
 * of one name on one port are two records, and the conflict report calls
 * them a product clash. A catalog service (no product) and a product on one
 * port stay two records as well.
 *
 * An identity has two parts: the range and protocol, as one number
 * (rangeKey), and what the record names, as text (identityLabel). Merging
 * keys its groups by the number and keeps a few labels under each, rather
 * than building one long text key per record.
 */
import { compareText, protocols, type PortRecord, type Protocol } from '../model/record.js';

/** The key under which records merge, as one text. */
export function identityKey(record: PortRecord): string {
  return `${record.portStart}-${record.portEnd}/${record.protocol}/${identityLabel(record)}`;
}

/** Protocols ranked by code point, as compareRecords orders them. */
const protocolRank: Readonly<Record<Protocol, number>> = Object.fromEntries([...protocols].sort(compareText).map((protocol, rank) => [protocol, rank])) as Record<Protocol, number>;

/** A record's port range as one number, ordered by start, then end. */
export function portRangeKey(record: Pick<PortRecord, 'portStart' | 'portEnd'>): number {
  return record.portStart * 65536 + record.portEnd;
}

/**
 * A record's port range and protocol as one number, in the order
 * compareRecords puts them (start, end, protocol by code point). Exact: it
 * stays below 2^35, far under 2^53.
 */
export function rangeKey(record: Pick<PortRecord, 'portStart' | 'portEnd' | 'protocol'>): number {
  const rank = protocolRank[record.protocol];
  if (rank === undefined) throw new Error(`internal error: unknown protocol ${record.protocol}`);
  return portRangeKey(record) * protocols.length + rank;
}

/** What a record names, for identity within its range and protocol. */
export function identityLabel(record: PortRecord): string {
  const product = record.product === null ? '' : `product:${foldName(record.product)}|`;
  if (record.name !== null) {
    const service = record.serviceName === null ? '' : `|service:${record.serviceName.toLowerCase()}`;
    return `${product}name:${foldName(record.name)}${service}`;
  }
  if (record.serviceName !== null) return `${product}service:${record.serviceName.toLowerCase()}`;
  return record.product === null ? `status:${record.status}` : `product:${foldName(record.product)}`;
}

/** A name folded for comparison: lower case, single spaces. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Record identity, defined once. Two records are the same assignment when
 * they cover the same port range on the same protocol and name the same
 * thing: the same name (ignoring case and spacing) and the same service
 * keyword, or, for records without a name, the same keyword, or the same
 * product, or the same status. Two registered keywords are two assignments,
 * whatever their names say, unless a source makes one an alias of the other
 * (normalization then gives both the primary keyword).
 */
import type { PortRecord } from '../model/record.js';

/** The key under which records merge. */
export function identityKey(record: PortRecord): string {
  return `${record.portStart}-${record.portEnd}/${record.protocol}/${identityLabel(record)}`;
}

function identityLabel(record: PortRecord): string {
  if (record.name !== null) {
    const service = record.serviceName === null ? '' : `|service:${record.serviceName.toLowerCase()}`;
    return `name:${foldName(record.name)}${service}`;
  }
  if (record.serviceName !== null) return `service:${record.serviceName.toLowerCase()}`;
  if (record.product !== null) return `product:${foldName(record.product)}`;
  return `status:${record.status}`;
}

/** A name folded for comparison: lower case, single spaces. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

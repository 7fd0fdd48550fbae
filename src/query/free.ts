/**
 * `port-catalog free A-B`: the ports of a range that nothing uses, for a
 * vendor choosing defaults. A port is used when an assigned record of the
 * catalog (a product or a service) or of a reference covers it on the
 * protocol asked. Unassigned, reserved, deprecated and category ranges do
 * not use a port. One sweep over the records that overlap the range.
 */
import type { PortRecord, Protocol } from '../model/record.js';

export interface FreeQuery {
  start: number;
  end: number;
  protocol: Protocol;
  /** At most this many ports, lowest first. */
  count: number;
}

/** Free ports of the range, lowest first. */
export function freePorts(query: FreeQuery, records: readonly PortRecord[]): number[] {
  const used = records
    .filter((record) => record.status === 'assigned' && record.protocol === query.protocol && record.portStart <= query.end && query.start <= record.portEnd)
    .map((record) => [Math.max(record.portStart, query.start), Math.min(record.portEnd, query.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  const free: number[] = [];
  let next = query.start;
  for (const [start, end] of used) {
    for (let port = next; port < start && free.length < query.count; port++) free.push(port);
    next = Math.max(next, end + 1);
    if (free.length >= query.count) return free;
  }
  for (let port = next; port <= query.end && free.length < query.count; port++) free.push(port);
  return free;
}

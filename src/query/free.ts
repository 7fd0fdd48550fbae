/**
 * `port-catalog free A-B`: the ports of a range a vendor may pick as a
 * default. A port is used when an assigned record of the catalog (a product
 * or a service) or of a reference covers it on the protocol asked.
 * Unassigned, deprecated and category ranges use no port.
 *
 * Some free ports are still no default to pick, and are skipped unless the
 * query includes them: port 0 never (to `bind()` it means "any port"); the
 * ports of a `reserved` record (IANA holds them back); the well-known ports
 * 0–1023 (system ports, which need privileges to listen on); and the dynamic
 * ports 49152–65535, which RFC 6335 says are never assigned, as systems hand
 * them out for outgoing connections. One sweep over the records that
 * overlap the range.
 */
import type { PortRecord, Protocol } from '../model/record.js';

/** What `free` assumes when it is not told (`--protocol tcp --count 10`, nothing included), as typed. */
export const freeDefaults = { protocol: 'tcp', count: '10' } as const;

/** Free ports a query can ask for that are skipped by default. */
export const optionalKinds = ['well-known', 'dynamic', 'reserved'] as const;
export type OptionalKind = (typeof optionalKinds)[number];

export interface FreeQuery {
  start: number;
  end: number;
  protocol: Protocol;
  /** At most this many ports, lowest first. */
  count: number;
  /** Kinds of free port to offer that are skipped by default. */
  include?: readonly OptionalKind[];
}

/** Why free ports of the range were not offered, and which. */
export interface Skipped {
  why: 'port-zero' | OptionalKind;
  /** How many free ports of the range this skipped. */
  ports: number;
}

export interface FreeAnswer {
  /** Free ports, lowest first, at most the query's count. */
  free: number[];
  /** Further free ports of the range beyond the count. */
  more: number;
  /** Free ports left out, by reason, in the order of `skipReasons`. */
  skipped: Skipped[];
}

/** Free ports of the range, lowest first, with how many more there are and what was skipped. */
export function freePorts(query: FreeQuery, records: readonly PortRecord[]): FreeAnswer {
  const overlapping = records.filter((record) => record.protocol === query.protocol && record.portStart <= query.end && query.start <= record.portEnd);
  const used = spansOf(overlapping.filter((record) => record.status === 'assigned'), query);
  const reserved = spansOf(overlapping.filter((record) => record.status === 'reserved'), query);
  const include = new Set(query.include ?? []);
  const counts = new Map<Skipped['why'], number>();
  const free: number[] = [];
  let more = 0;
  let usedAt = 0;
  let reservedAt = 0;
  for (let port = query.start; port <= query.end; port++) {
    while ((used[usedAt]?.[1] ?? Infinity) < port) usedAt++;
    while ((reserved[reservedAt]?.[1] ?? Infinity) < port) reservedAt++;
    if (inside(used[usedAt], port)) continue;
    const why = skipReason(port, inside(reserved[reservedAt], port), include);
    if (why !== null) counts.set(why, (counts.get(why) ?? 0) + 1);
    else if (free.length < query.count) free.push(port);
    else more++;
  }
  const skipped = skipOrder.flatMap((why) => {
    const ports = counts.get(why) ?? 0;
    return ports > 0 ? [{ why, ports }] : [];
  });
  return { free, more, skipped };
}

const skipOrder: readonly Skipped['why'][] = ['port-zero', 'reserved', 'well-known', 'dynamic'];

/** Why a free port is not offered, or null when it is. */
function skipReason(port: number, isReserved: boolean, include: ReadonlySet<OptionalKind>): Skipped['why'] | null {
  if (port === 0) return 'port-zero';
  if (isReserved && !include.has('reserved')) return 'reserved';
  if (port <= 1023 && !include.has('well-known')) return 'well-known';
  if (port >= 49152 && !include.has('dynamic')) return 'dynamic';
  return null;
}

/** The records' ranges cut to the query's, in order of start, merged where they touch. */
function spansOf(records: readonly PortRecord[], query: FreeQuery): [number, number][] {
  const spans = records.map((record): [number, number] => [Math.max(record.portStart, query.start), Math.min(record.portEnd, query.end)]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

function inside(span: readonly [number, number] | undefined, port: number): boolean {
  return span !== undefined && span[0] <= port && port <= span[1];
}

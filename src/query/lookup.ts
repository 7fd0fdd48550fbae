/**
 * `port-catalog lookup`: every catalog and reference record that covers a
 * port, with its sources. Pure: the CLI builds, this module answers, and emit/lookup-text.ts words the answer.
 */
import { compareRecords, highestPort, protocols, type PortRecord, type Protocol, type ReferenceRecord, type Role } from '../model/record.js';

export interface PortQuery {
  /** As the user wrote it, e.g. `6801` or `22/udp`. */
  text: string;
  port: number;
  protocol: Protocol | null;
}

export interface LookupHit {
  role: Role;
  record: PortRecord;
}

/** Reads `PORT` or `PORT/PROTOCOL`; returns a reason when it cannot. */
export function parsePortQuery(text: string): PortQuery | string {
  const match = /^(\d{1,5})(?:\/([a-z]+))?$/i.exec(text.trim());
  const port = Number(match?.[1]);
  if (!match || port > highestPort) return `Unexpected port \`${text}\`, expected PORT or PORT/PROTOCOL with PORT 0–${highestPort}`;
  const protocol = match[2]?.toLowerCase() ?? null;
  if (protocol !== null && !(protocols as readonly string[]).includes(protocol)) {
    return `Unexpected protocol \`${match[2]}\`, expected one of ${protocols.join(', ')}`;
  }
  return { text, port, protocol: protocol as Protocol | null };
}

/** Catalog records first, then reference records, each in catalog order. */
export function lookup(query: PortQuery, catalog: readonly PortRecord[], references: readonly ReferenceRecord[]): LookupHit[] {
  const covers = (record: PortRecord) =>
    record.portStart <= query.port && query.port <= record.portEnd && (query.protocol === null || record.protocol === query.protocol);
  const hits = (role: Role, records: readonly PortRecord[]) =>
    records.filter(covers).sort(compareRecords).map((record) => ({ role, record }));
  return [...hits('catalog', catalog), ...hits('reference', references.map(withoutAlias))];
}

function withoutAlias(reference: ReferenceRecord): PortRecord {
  const { aliasOf: _aliasOf, ...record } = reference;
  return record;
}

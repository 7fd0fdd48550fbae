/**
 * `port-catalog lookup`: which product or service uses a port. A query is a
 * port (`22`), a port and protocol (`22/udp`), a range (`8000-8100`), or a
 * service keyword or name (`ssh`, `"Secure Shell"`); `--product` narrows to
 * one product. Pure: the CLI reads the built data, this module answers, and
 * emit/lookup-text.ts words the answer.
 */
import { foldName } from '../catalog/identity.js';
import { readPortCell } from '../grammar/port-cell.js';
import { protocolOf } from '../grammar/protocol-words.js';
import { compareRecords, highestPort, type PortRecord, type Protocol, type Role } from '../model/record.js';

export type PortQuery =
  | { kind: 'ports'; text: string; start: number; end: number; protocol: Protocol | null }
  | { kind: 'name'; text: string; folded: string };

export interface LookupHit {
  role: Role;
  record: PortRecord;
}

/** Reads a query; returns a reason when it is a port query that cannot be read. */
export function parsePortQuery(text: string): PortQuery | string {
  const trimmed = text.trim();
  if (!/^\d/.test(trimmed)) return trimmed === '' ? 'Unexpected empty query, expected a port, a range or a name' : { kind: 'name', text, folded: foldName(trimmed) };
  const slash = trimmed.lastIndexOf('/');
  const protocolWord = slash > 0 ? trimmed.slice(slash + 1) : null;
  const protocol = protocolWord === null ? null : protocolOf(protocolWord);
  if (protocolWord !== null && protocol === null) return `Unexpected protocol \`${protocolWord}\`, expected tcp, udp, sctp or dccp`;
  const reading = readPortCell(slash > 0 ? trimmed.slice(0, slash) : trimmed);
  const [span, ...more] = reading.kind === 'ports' ? reading.ports : [];
  if (!span || more.length > 0 || span.end > highestPort || span.start > span.end) {
    return `Unexpected port \`${text}\`, expected PORT, PORT/PROTOCOL or A-B with ports 0–${highestPort}`;
  }
  return { kind: 'ports', text, start: span.start, end: span.end, protocol };
}

/** Catalog records first, then reference records, each in catalog order; `product` keeps only that product's catalog records. */
export function lookup(query: PortQuery, catalog: readonly PortRecord[], references: readonly PortRecord[], product: string | null = null): LookupHit[] {
  const matches = (record: PortRecord) => (query.kind === 'ports' ? covers(query, record) : names(query.folded, record));
  const hits = (role: Role, records: readonly PortRecord[]) => records.filter(matches).sort(compareRecords).map((record) => ({ role, record }));
  const ours = product === null ? catalog : catalog.filter((record) => record.product !== null && foldName(record.product) === foldName(product));
  return [...hits('catalog', ours), ...(product === null ? hits('reference', references) : [])];
}

function covers(query: Extract<PortQuery, { kind: 'ports' }>, record: PortRecord): boolean {
  return record.portStart <= query.end && query.start <= record.portEnd && (query.protocol === null || record.protocol === query.protocol);
}

/** A keyword or alias equal to the query, or a name equal to it, case and spacing aside. */
function names(folded: string, record: PortRecord): boolean {
  const keywords = [record.serviceName, ...record.aliases].flatMap((keyword) => (keyword ? [keyword.toLowerCase()] : []));
  return keywords.includes(folded) || (record.name !== null && foldName(record.name) === folded) || (record.product !== null && foldName(record.product) === folded);
}

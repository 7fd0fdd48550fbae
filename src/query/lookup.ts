/**
 * `port-catalog lookup`: which product or service uses a port. A query is a
 * port (`22`), a port and protocol (`22/udp`), a range (`8000-8100`), or
 * words (`ssh`, `www`, `secure shell`); `--product` narrows to one product.
 * Pure: the CLI reads the built data, this module answers, and
 * emit/lookup-text.ts words the answer.
 *
 * Words match as a person searching expects: a record matches exactly when
 * a keyword or alias, its name or its product is the query (case and
 * spacing aside), and by words when the query's words stand in that order,
 * each whole, in its name, product or a keyword (`www-http`
 * holds the words `www` and `http`). Exact matches come first.
 */
import { foldName } from '../catalog/identity.js';
import { readPortCell } from '../grammar/port-cell.js';
import { protocolOf } from '../grammar/protocol-words.js';
import { compareRecords, highestPort, type PortRecord, type Protocol, type Role } from '../model/record.js';

export type PortQuery =
  | { kind: 'ports'; text: string; start: number; end: number; protocol: Protocol | null }
  | { kind: 'name'; text: string; folded: string; words: string[] };

/** How a record met a query: it covers the port, it is named exactly, or the query's words stand in it. */
export type HitMatch = 'port' | 'exact' | 'words';

export interface LookupHit {
  role: Role;
  record: PortRecord;
  match: HitMatch;
}

/** Reads a query; returns a reason when it is a port query that cannot be read. */
export function parsePortQuery(text: string): PortQuery | string {
  const trimmed = text.trim();
  if (!/^\d/.test(trimmed)) {
    if (trimmed === '') return 'Unexpected empty query, expected a port, a range or a name';
    const words = wordsOf(trimmed);
    if (words.length === 0) return `Unexpected query \`${text}\` without a letter or digit, expected a port, a range or a name`;
    return { kind: 'name', text, folded: foldName(trimmed), words };
  }
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

/** Lower-case words: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether a catalog record is `product`'s, as `--product` compares names: letter case and spacing aside. */
export function ofProduct(product: string): (record: PortRecord) => boolean {
  const wanted = foldName(product);
  return (record) => record.product !== null && foldName(record.product) === wanted;
}

/**
 * Every record the query matches. For a port query, catalog records, then
 * reference records, each in catalog order. For words, exact matches before
 * matches by words, and within each catalog records first. `product` keeps
 * only that product's catalog records.
 */
export function lookup(query: PortQuery, catalog: readonly PortRecord[], references: readonly PortRecord[], product: string | null = null): LookupHit[] {
  const ours = product === null ? catalog : catalog.filter(ofProduct(product));
  const theirs = product === null ? references : [];
  if (query.kind === 'ports') {
    const hits = (role: Role, records: readonly PortRecord[]) =>
      records.filter((record) => covers(query, record)).sort(compareRecords).map((record): LookupHit => ({ role, record, match: 'port' }));
    return [...hits('catalog', ours), ...hits('reference', theirs)];
  }
  const byMatch = (role: Role, records: readonly PortRecord[], match: 'exact' | 'words') =>
    records.filter((record) => nameMatch(query, record) === match).sort(compareRecords).map((record): LookupHit => ({ role, record, match }));
  return [...byMatch('catalog', ours, 'exact'), ...byMatch('reference', theirs, 'exact'), ...byMatch('catalog', ours, 'words'), ...byMatch('reference', theirs, 'words')];
}

function covers(query: Extract<PortQuery, { kind: 'ports' }>, record: PortRecord): boolean {
  return record.portStart <= query.end && query.start <= record.portEnd && (query.protocol === null || record.protocol === query.protocol);
}

/** How a record meets a word query, or null. */
export function nameMatch(query: Extract<PortQuery, { kind: 'name' }>, record: PortRecord): 'exact' | 'words' | null {
  const keywords = [record.serviceName, ...record.aliases].flatMap((keyword) => (keyword ? [keyword] : []));
  const named = [record.name, record.product].flatMap((text) => (text === null ? [] : [text]));
  if (keywords.some((keyword) => keyword.toLowerCase() === query.folded) || named.some((text) => foldName(text) === query.folded)) return 'exact';
  const texts = [...named, ...keywords];
  return texts.some((text) => holdsWords(wordsOf(text), query.words)) ? 'words' : null;
}

/** Whether `wanted` stands in `words` as a run, in order. */
function holdsWords(words: readonly string[], wanted: readonly string[]): boolean {
  for (let start = 0; start + wanted.length <= words.length; start++) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

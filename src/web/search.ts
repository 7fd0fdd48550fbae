/**
 * The page's search: what `lookup` answers for the text of the search box,
 * with the page's filters. The query is read by the command line's own
 * parsePortQuery and answered by its own lookup, on the same records, so a
 * query means here what it means there; the product filter is lookup's
 * `--product`, and protocol, status and category narrow its answer.
 * With an empty box, the filters alone choose records.
 */
import type { Category, PortRecord, Protocol, Status } from '../model/record.js';
import { lookup, ofProduct, parsePortQuery, type LookupHit } from '../query/lookup.js';

export interface Filters {
  protocol: Protocol | null;
  status: Status | null;
  category: Category | null;
  /** A product as the catalog writes it. */
  product: string | null;
}

export const noFilters: Filters = { protocol: null, status: null, category: null, product: null };

export type SearchAnswer =
  /** Nothing asked: an empty box and no filter. */
  | { kind: 'none' }
  /** A query that cannot be read, and why, as `lookup` says it. */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'hits'; hits: LookupHit[] };

/** The records the text and filters choose, in lookup's order. */
export function search(records: { catalog: readonly PortRecord[]; references: readonly PortRecord[] }, text: string, filters: Filters): SearchAnswer {
  const kept = (record: PortRecord) =>
    (filters.protocol === null || record.protocol === filters.protocol) &&
    (filters.status === null || record.status === filters.status) &&
    (filters.category === null || record.category === filters.category);
  if (text.trim() === '') {
    if (filters.protocol === null && filters.status === null && filters.category === null && filters.product === null) return { kind: 'none' };
    const ofChosenProduct = filters.product === null ? () => true : ofProduct(filters.product);
    const catalog = records.catalog.filter((record) => kept(record) && ofChosenProduct(record));
    const references = filters.product === null ? records.references.filter(kept) : [];
    return { kind: 'hits', hits: [...catalog.map((record): LookupHit => ({ role: 'catalog', record, match: 'port' })), ...references.map((record): LookupHit => ({ role: 'reference', record, match: 'port' }))] };
  }
  const query = parsePortQuery(text);
  if (typeof query === 'string') return { kind: 'unreadable', reason: query };
  return { kind: 'hits', hits: lookup(query, records.catalog, records.references, filters.product).filter((hit) => kept(hit.record)) };
}

/**
 * Dedupe and merge: records with one identity (see identity.ts) become one
 * record that carries the union of their sources and the fuller value of
 * each field. Distinct services sharing a port keep distinct identities.
 */
import { identityKey } from './identity.js';
import { compareRecords, compareSourceRefs, compareText, formatSourceRef, type PortRecord, type SourceRef } from '../model/record.js';
import { sortReferences } from '../grammar/references.js';

/** A record that merged into an earlier one from the same source. */
export interface Duplicate {
  /** The merged record. */
  record: PortRecord;
  /** Where the identity was first seen in that source. */
  first: SourceRef;
  /** The repeat. */
  duplicate: SourceRef;
}

export interface MergeResult {
  /** Merged records in catalog order. */
  records: PortRecord[];
  /** Repeats within one source, for reporting. */
  duplicates: Duplicate[];
}

/**
 * Merges records by identity; the result does not depend on input order:
 * each group is sorted before it is combined, and the merged records once at
 * the end (one sort of the whole input, not two).
 */
export function mergeRecords(input: readonly PortRecord[]): MergeResult {
  const groups = new Map<string, PortRecord[]>();
  for (const record of input) {
    const key = identityKey(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const records: PortRecord[] = [];
  const duplicates: Duplicate[] = [];
  for (const group of groups.values()) {
    const merged = group.sort(compareRecords).reduce(mergePair);
    records.push(merged);
    duplicates.push(...repeatsWithinSources(merged));
  }
  return { records: records.sort(compareRecords), duplicates };
}

/** Combines two records of one identity. */
export function mergePair(a: PortRecord, b: PortRecord): PortRecord {
  return {
    portStart: a.portStart,
    portEnd: a.portEnd,
    protocol: a.protocol,
    status: a.status,
    serviceName: fuller(a.serviceName, b.serviceName),
    name: fuller(a.name, b.name),
    description: fuller(a.description, b.description),
    references: sortReferences([...a.references, ...b.references]),
    notes: [...new Set([...a.notes, ...b.notes])],
    category: a.category,
    product: fuller(a.product, b.product),
    configKey: fuller(a.configKey, b.configKey),
    sources: unionSources(a.sources, b.sources),
  };
}

/** The fuller of two values: present over null, longer over shorter, then code-point order. */
export function fuller(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return compareText(a, b) <= 0 ? a : b;
}

function unionSources(a: readonly SourceRef[], b: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const ref of [...a, ...b]) seen.set(formatSourceRef(ref), ref);
  return [...seen.values()].sort(compareSourceRefs);
}

function repeatsWithinSources(record: PortRecord): Duplicate[] {
  const repeats: Duplicate[] = [];
  record.sources.forEach((ref, index) => {
    const first = record.sources.find((other) => other.source === ref.source);
    if (first && index > 0 && first !== ref) repeats.push({ record, first, duplicate: ref });
  });
  return repeats;
}

/**
 * Dedupe and merge: records with one identity (see identity.ts) become one
 * record that carries the union of their sources and the fuller value of
 * each field. Distinct services sharing a port keep distinct identities.
 */
import { identityLabel, rangeKey } from './identity.js';
import { RangeBuckets, type BucketRules } from './range-buckets.js';
import { compareRecords, compareSourceRefs, compareText, formatSourceRef, type PortRecord, type SourceRef } from '../model/record.js';
import { sortReferences } from '../grammar/references.js';
import { noteParts } from '../model/text.js';
import { append } from '../model/append.js';

/** A record that merged into an earlier one from the same source. */
export interface Duplicate {
  /** The merged record. */
  record: PortRecord;
  /** Where the identity was first seen in that source. */
  first: SourceRef;
  /** The repeat. */
  duplicate: SourceRef;
}

/** Two records of one identity that say different things in one field. */
export interface Disagreement {
  /** The merged record. */
  record: PortRecord;
  field: DisagreeingField;
  /** Where the text that was kept as the field came from, and the text. */
  kept: { ref: SourceRef; text: string };
  /** Where the other text came from; it is kept in the record's notes. */
  other: { ref: SourceRef; text: string };
}

/**
 * Text fields two records of one identity may disagree on. Directions never
 * do: `in` and `out` together are `both`.
 */
export type DisagreeingField = 'serviceName' | 'description' | 'configKey';

export interface MergeResult {
  /** Merged records in catalog order. */
  records: PortRecord[];
  /** Repeats within one source, for reporting. */
  duplicates: Duplicate[];
  /** Fields on which merged records disagreed: the other text is in the record's notes. */
  disagreements: Disagreement[];
}

/** The records of one identity, in the order they came. */
interface Group {
  label: string;
  records: PortRecord[];
  merged: PortRecord | null;
}

const byLabel: BucketRules<Group, string> = {
  matches: (group, label) => group.label === label,
  keyOfItem: (group) => group.label,
  keyOfProbe: (label) => label,
};

/**
 * Merges records by identity; the result does not depend on input order:
 * each group is sorted before it is combined, and the merged records come
 * out in catalog order: the distinct range keys sorted as numbers, then the
 * few records of each key by compareRecords, which costs far less than
 * sorting every record by compareRecords.
 * Merging never drops text: where two records disagree on a field, the
 * fuller text is the field and the other is kept as a note. Repeats and
 * disagreements are listed in the order their identities first came.
 */
export function mergeRecords(input: readonly PortRecord[]): MergeResult {
  const ranges = new RangeBuckets(byLabel);
  const inOrder: Group[] = [];
  for (const record of input) {
    const key = rangeKey(record);
    const label = identityLabel(record);
    let group = ranges.find(key, label);
    if (!group) {
      group = { label, records: [], merged: null };
      ranges.add(key, group);
      inOrder.push(group);
    }
    group.records.push(record);
  }
  const duplicates: Duplicate[] = [];
  const disagreements: Disagreement[] = [];
  for (const group of inOrder) {
    const { record, disagreements: found } = mergeGroup(group.records.sort(compareRecords));
    group.merged = record;
    append(duplicates, repeatsWithinSources(record));
    append(disagreements, found);
  }
  const records: PortRecord[] = [];
  for (const key of ranges.sortedKeys()) {
    const groups = ranges.itemsOf(key);
    const merged = groups.map(mergedOf);
    append(records, merged.sort(compareRecords));
  }
  return { records, duplicates, disagreements };
}

function mergedOf(group: Group): PortRecord {
  if (!group.merged) throw new Error('internal error: a group was not merged');
  return group.merged;
}

const disagreeingFields: readonly DisagreeingField[] = ['serviceName', 'description', 'configKey'];

/**
 * Combines the records of one identity in one pass, so the cost is linear in
 * the group's size however many duplicates it holds.
 */
function mergeGroup(group: readonly PortRecord[]): { record: PortRecord; disagreements: Disagreement[] } {
  const [first, ...rest] = group;
  if (!first) throw new Error('internal error: empty merge group');
  if (rest.length === 0) return { record: first, disagreements: [] };
  let { serviceName, name, description, product, configKey, direction } = first;
  const aliases = new Set<string>();
  const references = new Set<string>();
  const notes = new Set<string>();
  const sources = new Map<string, SourceRef>();
  for (const record of group) {
    serviceName = fuller(serviceName, record.serviceName);
    name = fuller(name, record.name);
    description = fuller(description, record.description);
    product = fuller(product, record.product);
    configKey = fuller(configKey, record.configKey);
    direction = combinedDirection(direction, record.direction);
    for (const alias of record.aliases) aliases.add(alias);
    for (const reference of record.references) references.add(reference);
    for (const note of record.notes) notes.add(note);
    for (const ref of record.sources) sources.set(formatSourceRef(ref), ref);
  }
  const disagreements = disagreementsOf(group, { serviceName, description, configKey });
  for (const { field, other } of disagreements) {
    for (const part of noteParts(`${otherLabels[field]}${other.text}`)) notes.add(part);
  }
  // Spread first, so every key keeps the schema's order.
  const record: PortRecord = {
    ...first,
    serviceName,
    name,
    description,
    product,
    configKey,
    direction,
    aliases: [...aliases].filter((alias) => alias !== serviceName).sort(compareText),
    references: sortReferences(references),
    notes: [...notes],
    sources: [...sources.values()].sort(compareSourceRefs),
  };
  for (const disagreement of disagreements) disagreement.record = record;
  return { record, disagreements };
}

/** Each text of a field that differs from the one the merged record kept, once. */
function disagreementsOf(group: readonly PortRecord[], kept: Readonly<Record<DisagreeingField, string | null>>): Disagreement[] {
  const found: Disagreement[] = [];
  for (const field of disagreeingFields) {
    const keptText = kept[field];
    if (keptText === null) continue;
    const keptRef = sourceOf(group.find((record) => record[field] === keptText));
    const seen = new Set<string>([keptText]);
    for (const record of group) {
      const text = record[field];
      if (text === null || seen.has(text)) continue;
      seen.add(text);
      found.push({ record, field, kept: { ref: keptRef, text: keptText }, other: { ref: sourceOf(record), text } });
    }
  }
  return found;
}

/** A record's first source line; every record has one (the schema says so). */
function sourceOf(record: PortRecord | undefined): SourceRef {
  const ref = record?.sources[0];
  if (!ref) throw new Error('internal error: a merged record without a source');
  return ref;
}

/** How a note names the text a merged record did not keep as the field. */
const otherLabels: Record<DisagreeingField, string> = {
  serviceName: 'Also known as: ',
  description: 'Also: ',
  configKey: 'Also configured by: ',
};

/** Directions of one identity: one stated direction stands; `in` and `out` together are `both`. */
function combinedDirection(a: PortRecord['direction'], b: PortRecord['direction']): PortRecord['direction'] {
  if (a === null || a === b) return b ?? a;
  if (b === null) return a;
  return 'both';
}

/** The fuller of two values: present over null, longer over shorter, then code-point order. */
export function fuller(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return compareText(a, b) <= 0 ? a : b;
}

/** Each source line after the first of its source: a source that gave one identity twice. */
function repeatsWithinSources(record: PortRecord): Duplicate[] {
  const repeats: Duplicate[] = [];
  const firsts = new Map<string, SourceRef>();
  for (const ref of record.sources) {
    const first = firsts.get(ref.source);
    if (first) repeats.push({ record, first, duplicate: ref });
    else firsts.set(ref.source, ref);
  }
  return repeats;
}

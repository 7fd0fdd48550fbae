/**
 * A semantic diff of two datasets (ports.json), for review: records added,
 * removed and changed, matched by identity (identity.ts), and the counts
 * per status and category. Order and formatting are not changes: records are
 * compared as values, keyed by identity.
 *
 * A record whose identity changed (a rename) would show as one removed and
 * one added; a second pass pairs such records when they share their port
 * range, protocol and first source line, and reports them as changed.
 */
import { foldName, identityKey } from '../catalog/identity.js';
import { categories, compareRecords, recordFields, statuses, type PortDataset, type PortRecord } from '../model/record.js';

export type RecordField = (typeof recordFields)[number];

export interface FieldChange {
  field: RecordField;
  old: unknown;
  new: unknown;
}

export interface ChangedRecord {
  old: PortRecord;
  new: PortRecord;
  fields: FieldChange[];
}

export interface CountChange {
  name: string;
  old: number;
  new: number;
}

/** A record whose role stayed (same product and configuration key, or same service) while its port moved. */
export interface MovedRecord {
  old: PortRecord;
  new: PortRecord;
  /** What the record is, e.g. `Transfer CFT \`ma.comm_port\``. */
  label: string;
}

export interface DatasetDiff {
  added: PortRecord[];
  removed: PortRecord[];
  changed: ChangedRecord[];
  moved: MovedRecord[];
  counts: CountChange[];
  total: { old: number; new: number };
}

/** Compares two lists of records. */
export function diffRecords(oldInput: readonly PortRecord[], newInput: readonly PortRecord[]): DatasetDiff {
  const oldRecords = oldInput.map(withCurrentFields);
  const newRecords = newInput.map(withCurrentFields);
  const before = byIdentity(oldRecords);
  const after = byIdentity(newRecords);
  const changed: ChangedRecord[] = [];
  let removed: PortRecord[] = [];
  let added: PortRecord[] = [];
  for (const [key, record] of before) {
    const other = after.get(key);
    if (!other) removed.push(record);
    else {
      const fields = changedFields(record, other);
      if (fields.length > 0) changed.push({ old: record, new: other, fields });
    }
  }
  for (const [key, record] of after) if (!before.has(key)) added.push(record);

  // Renames: an identity that vanished and one that appeared at the same place.
  const placeOf = (record: PortRecord) => {
    const first = record.sources[0];
    return `${record.portStart}-${record.portEnd}/${record.protocol}@${first?.source}:${first?.line}`;
  };
  const addedByPlace = new Map<string, PortRecord[]>();
  for (const record of added) {
    const list = addedByPlace.get(placeOf(record));
    if (list) list.push(record);
    else addedByPlace.set(placeOf(record), [record]);
  }
  const paired = new Set<PortRecord>();
  removed = removed.filter((record) => {
    const candidates = addedByPlace.get(placeOf(record)) ?? [];
    const match = candidates.find((candidate) => !paired.has(candidate));
    if (!match) return true;
    paired.add(match);
    changed.push({ old: record, new: match, fields: changedFields(record, match) });
    return false;
  });
  added = added.filter((record) => !paired.has(record));

  // Moves: the same role (a product's configuration key, or a service) on another port.
  const addedByRole = new Map<string, PortRecord[]>();
  for (const record of added) {
    const role = roleOf(record);
    if (role === null) continue;
    const list = addedByRole.get(role);
    if (list) list.push(record);
    else addedByRole.set(role, [record]);
  }
  const moved: MovedRecord[] = [];
  const movedTo = new Set<PortRecord>();
  removed = removed.filter((record) => {
    const role = roleOf(record);
    const match = role === null ? undefined : (addedByRole.get(role) ?? []).find((candidate) => !movedTo.has(candidate));
    if (!match) return true;
    movedTo.add(match);
    moved.push({ old: record, new: match, label: roleLabel(match) });
    return false;
  });
  added = added.filter((record) => !movedTo.has(record));

  return {
    added: added.sort(compareRecords),
    removed: removed.sort(compareRecords),
    changed: changed.sort((a, b) => compareRecords(a.new, b.new)),
    moved: moved.sort((a, b) => compareRecords(a.new, b.new)),
    counts: countChanges(oldRecords, newRecords),
    total: { old: oldRecords.length, new: newRecords.length },
  };
}

/** Compares two datasets' records. */
export function diffDatasets(oldDataset: Pick<PortDataset, 'records'>, newDataset: Pick<PortDataset, 'records'>): DatasetDiff {
  return diffRecords(oldDataset.records, newDataset.records);
}

/** True when the diff holds no record change. */
export function isEmptyDiff(diff: DatasetDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && diff.moved.length === 0;
}

/** "+3 −1 ~2 records". */
export function diffHeadline(diff: DatasetDiff): string {
  const moved = diff.moved.length > 0 ? ` →${diff.moved.length} moved` : '';
  return `+${diff.added.length} −${diff.removed.length} ~${diff.changed.length} records${moved}`;
}

function byIdentity(records: readonly PortRecord[]): Map<string, PortRecord> {
  const map = new Map<string, PortRecord>();
  for (const record of records) map.set(identityKey(record), record);
  return map;
}

function changedFields(before: PortRecord, after: PortRecord): FieldChange[] {
  return recordFields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, old: before[field], new: after[field] }));
}

function countChanges(before: readonly PortRecord[], after: readonly PortRecord[]): CountChange[] {
  const count = (records: readonly PortRecord[], test: (record: PortRecord) => boolean) => records.filter(test).length;
  return [
    ...statuses.map((status) => ({
      name: `status: ${status}`,
      old: count(before, (r) => r.status === status),
      new: count(after, (r) => r.status === status),
    })),
    ...categories.map((category) => ({
      name: `category: ${category}`,
      old: count(before, (r) => r.category === category),
      new: count(after, (r) => r.category === category),
    })),
  ];
}

/**
 * What a record is, apart from its port: a product's configuration key (or,
 * without one, the product's name for it), or a service's keyword or name.
 * Null when it says too little to follow across a move.
 */
function roleOf(record: PortRecord): string | null {
  const protocol = record.protocol;
  if (record.product !== null) {
    const what = record.configKey ?? (record.name === null ? null : `name:${foldName(record.name)}`);
    return what === null ? null : `${protocol}|product:${foldName(record.product)}|${what}`;
  }
  if (record.status !== 'assigned') return null;
  if (record.serviceName !== null) return `${protocol}|service:${record.serviceName.toLowerCase()}`;
  return record.name === null ? null : `${protocol}|name:${foldName(record.name)}`;
}

function roleLabel(record: PortRecord): string {
  if (record.product !== null) return `${record.product} ${record.configKey === null ? `"${record.name ?? ''}"` : `\`${record.configKey}\``}`;
  return record.serviceName ?? record.name ?? '';
}

/** A record of an older ports.json, with the fields the contract gained since (aliases, direction) at their empty values. */
function withCurrentFields(record: PortRecord): PortRecord {
  const written = record as Partial<PortRecord> & PortRecord;
  return { ...written, aliases: written.aliases ?? [], direction: written.direction ?? null };
}

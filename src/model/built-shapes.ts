/**
 * Checks of the files `build` writes, for the commands that read them back
 * (lookup, free, conflicts, diff): the type of every field a command reads,
 * so a damaged or hand-edited file is one clear message, never a crash in
 * the middle of a query. Types only, and cheap: the schema itself is checked
 * where the files are made and reviewed (`build`, `check`, the tests), and
 * loading its validators would cost a lookup more than the lookup.
 */
import { categories, protocols, recordFields, statuses, type PortRecord } from './record.js';
import { referenceRowFields, type ReferenceRow } from './reference-row.js';

type RecordField = (typeof recordFields)[number];

const isText = (value: unknown) => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
const isTexts = (value: unknown) => Array.isArray(value) && value.every(isText);
const isPort = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSourceRef = (value: unknown) => isObject(value) && isText(value['source']) && Number.isInteger(value['line']);

/** What each field of a record must be. */
const recordFieldTypes: Readonly<Record<RecordField, (value: unknown) => boolean>> = {
  portStart: isPort,
  portEnd: isPort,
  protocol: (value) => protocols.includes(value as PortRecord['protocol']),
  status: (value) => statuses.includes(value as PortRecord['status']),
  serviceName: isTextOrNull,
  aliases: isTexts,
  name: isTextOrNull,
  description: isTextOrNull,
  references: isTexts,
  notes: isTexts,
  category: (value) => categories.includes(value as PortRecord['category']),
  product: isTextOrNull,
  configKey: isTextOrNull,
  direction: (value) => value === null || value === 'in' || value === 'out' || value === 'both',
  sources: (value) => Array.isArray(value) && value.every(isSourceRef),
};

/**
 * The first field of `record` that is missing or of the wrong type, `/`
 * when it is no object, or null when it is a record. Fields in `mayLack`
 * may be absent, as in a ports.json written before the contract gained them.
 */
export function wrongRecordField(record: unknown, mayLack: readonly RecordField[] = []): string | null {
  if (!isObject(record)) return '/';
  for (const field of recordFields) {
    const value = record[field];
    if (value === undefined && mayLack.includes(field)) continue;
    if (!recordFieldTypes[field](value)) return field;
  }
  return null;
}

/** The `records` of a ports.json, or a reason it has none that a command can read. */
export function datasetRecords(dataset: unknown, mayLack: readonly RecordField[] = []): { records: PortRecord[] } | { reason: string } {
  const records = isObject(dataset) ? dataset['records'] : undefined;
  if (!Array.isArray(records)) return { reason: 'without a `records` array' };
  for (const [number, record] of records.entries()) {
    const field = wrongRecordField(record, mayLack);
    if (field === '/') return { reason: `record ${number} not an object` };
    if (field !== null) return { reason: `record ${number} with a wrong \`${field}\`` };
  }
  return { records: records as PortRecord[] };
}

/**
 * A conflict's side as conflicts.json writes it: its ports as `portStart` and
 * `portEnd`, or, as written before those, as one `port` text (`225-229`),
 * which upgradeSides turns into the two numbers.
 */
function isSideSummary(value: unknown): boolean {
  return (
    isObject(value) &&
    isText(value['role']) &&
    ((isPort(value['portStart']) && isPort(value['portEnd'])) || (isText(value['port']) && /^\d+(?:-\d+)?$/.test(value['port'] as string))) &&
    isText(value['protocol']) &&
    isText(value['status']) &&
    isTextOrNull(value['serviceName']) &&
    isTextOrNull(value['name']) &&
    isTextOrNull(value['product']) &&
    isTextOrNull(value['configKey']) &&
    isTexts(value['sources'])
  );
}

const isConflict = (value: unknown) => isObject(value) && isText(value['kind']) && isText(value['explanation']) && Array.isArray(value['sides']) && value['sides'].every(isSideSummary);
const isUnregistered = (value: unknown) => isObject(value) && isSideSummary(value['catalog']) && (value['reference'] === null || isSideSummary(value['reference']));
const isAgreement = (value: unknown) => isObject(value) && isSideSummary(value['catalog']);

/** Whether `value` is a conflicts.json as build writes it, as far as the commands read it. */
export function isConflictReport(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { conflicts, unregistered, agreements } = value;
  return Array.isArray(conflicts) && conflicts.every(isConflict) && Array.isArray(unregistered) && unregistered.every(isUnregistered) && Array.isArray(agreements) && agreements.every(isAgreement);
}

/** Whether `value` is a list of conflicts as conflicts.json writes them. */
export function isConflictList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isConflict);
}

/** Conflicts with every side's ports as `portStart` and `portEnd`, whichever way the file wrote them. */
export function upgradeSides<T extends { sides: object[] }>(conflicts: readonly T[]): T[] {
  return conflicts.map((conflict) => ({ ...conflict, sides: conflict.sides.map(upgradeSide) }));
}

/** A conflicts.json's report with every side upgraded as upgradeSides does. */
export function upgradeReport<T extends { conflicts: { sides: object[] }[]; unregistered: { catalog: object; reference: object | null }[]; agreements: { catalog: object }[] }>(report: T): T {
  return {
    ...report,
    conflicts: upgradeSides(report.conflicts),
    unregistered: report.unregistered.map((entry) => ({ ...entry, catalog: upgradeSide(entry.catalog), reference: entry.reference === null ? null : upgradeSide(entry.reference) })),
    agreements: report.agreements.map((entry) => ({ ...entry, catalog: upgradeSide(entry.catalog) })),
  };
}

function upgradeSide<S extends object>(side: S): S {
  if (!('port' in side) || typeof side.port !== 'string') return side;
  const { port, ...rest } = side;
  const [start = 0, end = start] = port.split('-').map(Number);
  // The fields the old text stood for, under their new names: the same side.
  return { ...rest, portStart: start, portEnd: end } as unknown as S;
}

/** Whether `row` is a row of references.json as build writes it. Read by index: this runs on every row of every query. */
export function isReferenceRow(row: unknown): row is ReferenceRow {
  if (!Array.isArray(row) || row.length !== referenceRowFields.length) return false;
  const fields: readonly unknown[] = row;
  return (
    isPort(fields[0]) &&
    isPort(fields[1]) &&
    recordFieldTypes.protocol(fields[2]) &&
    recordFieldTypes.status(fields[3]) &&
    isTextOrNull(fields[4]) &&
    isTexts(fields[5]) &&
    isTextOrNull(fields[6]) &&
    isText(fields[7]) &&
    Number.isInteger(fields[8])
  );
}

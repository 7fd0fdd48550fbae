/**
 * The conflict report: where the catalog and its reference sources (or two
 * catalog sources) disagree about a port, which vendor ports the reference
 * leaves unregistered, and how many entries agree, with how each match was
 * decided (see name-match.ts).
 *
 * Ranges that name a whole category (an assigned range such as the
 * registered ports 1024–49151) are not services, so they are not compared.
 */
import { matchMethods, matchService, type MatchMethod, type NameMatch } from './name-match.js';
import { findVacancyOverlaps, overlappingPairs, type Overlap } from '../catalog/overlaps.js';
import { compareRecords, compareText, displayName, formatPortRange, sharedPorts, type PortRecord, type ReferenceRecord, type Role } from '../model/record.js';
import { append } from '../model/append.js';
// Only the type: the web page's bundle takes referenceSays from here, and stays as it was.
import type { ReferenceList } from '../model/reference-list.js';

export interface Side {
  role: Role;
  record: PortRecord;
}

export type ConflictKind = 'different-service' | 'assigned-in-vacant-range' | 'product-clash';

export interface Conflict {
  kind: ConflictKind;
  /**
   * For `different-service`: catalog, then reference. For `assigned-in-vacant-range`: the range, then the assigned port.
   * For `product-clash`: every catalog record on the ports they share (two or more, of two or more owners), in catalog order.
   */
  sides: [Side, Side, ...Side[]];
  explanation: string;
}

export interface Agreement {
  catalog: PortRecord;
  reference: ReferenceRecord;
  match: NameMatch;
}

export interface Unregistered {
  catalog: PortRecord;
  /** What the reference says of the port (unassigned, reserved), or null when it does not list it. */
  reference: ReferenceRecord | null;
}

/** What the reference says of an unregistered vendor port, in the report's words: `the reference says reserved`, `the reference does not list it`. */
export function referenceSays(reference: { status: string } | null): string {
  return `the reference ${reference ? `says ${reference.status}` : 'does not list it'}`;
}

export interface ConflictReport {
  conflicts: Conflict[];
  unregistered: Unregistered[];
  agreements: Agreement[];
  /** Catalog records the references say nothing about. */
  notInReference: number;
  /** Assigned catalog records with neither name nor keyword, so nothing to compare. */
  unnamed: number;
}

/**
 * Compares the catalog with the references, and the catalog with itself.
 * The references may be a list (model/reference-list.ts) that makes only
 * the records the catalog meets.
 * `catalogOverlaps` are the catalog's own vacancy overlaps, when the caller
 * has found them already.
 */
export function buildConflictReport(
  catalog: readonly PortRecord[],
  references: readonly ReferenceRecord[] | ReferenceList,
  catalogOverlaps: readonly Overlap[] = findVacancyOverlaps(catalog),
): ConflictReport {
  const comparable = catalog.filter((record) => record.status !== 'category' && (record.status !== 'assigned' || record.portStart === record.portEnd));
  const referencesOf = new Map<PortRecord, ReferenceRecord[]>();
  for (const [record, reference] of overlappingReferences(comparable, references)) {
    const found = referencesOf.get(record);
    if (found) found.push(reference);
    else referencesOf.set(record, [reference]);
  }

  const report: ConflictReport = { conflicts: [], unregistered: [], agreements: [], notInReference: 0, unnamed: 0 };
  for (const record of comparable) {
    const found = primariesFirst(referencesOf.get(record) ?? []);
    if (record.status === 'assigned' && record.name === null && record.serviceName === null) report.unnamed += 1;
    else if (found.length === 0 && record.product !== null && record.status === 'assigned') {
      report.unregistered.push({ catalog: record, reference: null });
    } else if (found.length === 0) report.notInReference += 1;
    else if (record.status === 'assigned') compareAssigned(record, found, report);
    else compareVacant(record, found, report);
  }
  for (const { vacant, assigned } of catalogOverlaps) {
    report.conflicts.push(vacancy({ role: 'catalog', record: vacant }, { role: 'catalog', record: assigned }));
  }
  append(report.conflicts, productClashes(catalog));
  report.conflicts.sort(compareConflicts);
  return report;
}

/** The sweep's pairs; a list's rows are swept by their ports alone, so only the rows a catalog record meets become records. */
function overlappingReferences(comparable: readonly PortRecord[], references: readonly ReferenceRecord[] | ReferenceList): [PortRecord, ReferenceRecord][] {
  if (Array.isArray(references)) return overlappingPairs(comparable, references as readonly ReferenceRecord[]);
  const list = references as ReferenceList;
  return overlappingPairs(comparable, list.rangesMeeting(comparable)).map(([record, { row }]) => [record, list.at(row)]);
}

function compareAssigned(record: PortRecord, found: ReferenceRecord[], report: ConflictReport): void {
  const assigned = found.filter((reference) => reference.status === 'assigned');
  if (assigned.length === 0) {
    if (record.product !== null) report.unregistered.push({ catalog: record, reference: found[0] ?? null });
    else report.conflicts.push(vacancy({ role: 'reference', record: found[0] ?? record }, { role: 'catalog', record }));
    return;
  }
  const best = bestMatch(record, assigned);
  if (best) {
    report.agreements.push(best);
    return;
  }
  const primary = assigned[0] ?? record;
  report.conflicts.push({
    kind: 'different-service',
    sides: [
      { role: 'catalog', record },
      { role: 'reference', record: primary },
    ],
    explanation: `${describe(record)} and ${describe(primary)} share no keyword, acronym, product or significant word`,
  });
}

function compareVacant(record: PortRecord, found: ReferenceRecord[], report: ConflictReport): void {
  const assigned = found.filter((reference) => reference.status === 'assigned');
  for (const reference of assigned) {
    report.conflicts.push(vacancy({ role: 'catalog', record }, { role: 'reference', record: reference }));
  }
  const same = found.find((reference) => reference.status === record.status);
  const match = assigned.length === 0 && same ? matchService(record, same) : null;
  if (same && match) report.agreements.push({ catalog: record, reference: same, match });
}

function vacancy(range: Side, port: Side): Conflict {
  return {
    kind: 'assigned-in-vacant-range',
    sides: [range, port],
    explanation: `${describe(port.record)} is assigned, but ${range.role === port.role ? 'the same catalog' : `the ${range.role}`} says ${range.record.status}`,
  };
}

/** Registry rows marked as aliases come after the primary rows they stand for. */
function primariesFirst(found: ReferenceRecord[]): ReferenceRecord[] {
  return [...found.filter((r) => r.aliasOf === null), ...found.filter((r) => r.aliasOf !== null)];
}

function describe(record: PortRecord): string {
  const name = displayName(record);
  return record.serviceName && record.name ? `"${name}" (\`${record.serviceName}\`)` : `"${name}"`;
}

function compareConflicts(a: Conflict, b: Conflict): number {
  return (
    compareRecords(a.sides[0].record, b.sides[0].record) ||
    compareRecords(a.sides[1].record, b.sides[1].record) ||
    a.sides.length - b.sides.length ||
    compareText(a.kind, b.kind)
  );
}

/** How strong each way of agreeing is, by its place in `matchMethods`: a keyword shared beats a shared word. */
const strength = (method: MatchMethod): number => matchMethods.length - matchMethods.indexOf(method);

/**
 * The reference that agrees best with `record`: the strongest rule wins, and
 * among equals the first row (primaries come before aliases). 105/tcp
 * "Mailbox Name Nameserver" takes `csnet-ns` (same name), not `cso` (one
 * shared word).
 */
function bestMatch(record: PortRecord, references: readonly ReferenceRecord[]): Agreement | null {
  let best: Agreement | null = null;
  for (const reference of references) {
    const match = matchService(record, reference);
    if (match && (best === null || strength(match.method) > strength(best.match.method))) best = { catalog: record, reference, match };
  }
  return best;
}

/**
 * Two products on one port, or a product on a port a catalog service uses:
 * the clash a vendor must check before choosing defaults. Ranges count, so a
 * product's 30000–32767 clashes with any port inside it. One conflict per
 * port range and protocol the clashing records share, naming every record
 * there: a busy port that ten products use is one entry of ten sides, not
 * forty-five pairs, so the report grows with the catalog, not its square.
 */
function productClashes(catalog: readonly PortRecord[]): Conflict[] {
  const assigned = catalog.filter((record) => record.status === 'assigned');
  const products = assigned.filter((record) => record.product !== null);
  const groups = new Map<string, { portStart: number; portEnd: number; records: Set<PortRecord> }>();
  for (const [first, second] of overlappingPairs(products, assigned)) {
    if (first === second || first.product === second.product) continue;
    const shared = sharedPorts([first, second]);
    const key = `${first.protocol}|${shared.portStart}|${shared.portEnd}`;
    const group = groups.get(key) ?? { ...shared, records: new Set<PortRecord>() };
    group.records.add(first).add(second);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ portStart, portEnd, records }) => {
    const [first, second, ...more] = [...records].sort(compareRecords).map((record): Side => ({ role: 'catalog', record }));
    if (!first || !second) throw new Error('a product clash has two sides at least');
    const uses = [first, second, ...more].map((side) => describeUse(side.record));
    const listed = `${uses.slice(0, -1).join(', ')} and ${uses[uses.length - 1] ?? ''}`;
    return {
      kind: 'product-clash' as const,
      sides: [first, second, ...more],
      explanation: `${listed} ${uses.length === 2 ? 'both' : 'all'} use ${formatPortRange({ portStart, portEnd })}/${first.record.protocol}`,
    };
  });
}

function describeUse(record: PortRecord): string {
  const what = describe(record);
  return record.product ? `${record.product} ${what}${record.configKey ? ` (\`${record.configKey}\`)` : ''}` : what;
}


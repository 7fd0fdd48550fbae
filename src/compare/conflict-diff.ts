/**
 * Which conflicts a change introduces and which it resolves: the conflict
 * reports (conflicts.json) of both sides, compared by what each conflict is
 * about (its kind and the ports, protocols and owners of its sides), not by
 * its wording or its source lines, which move with unrelated edits.
 */
import type { Role } from '../model/record.js';

/** One record as a side of a conflict, as conflicts.json writes it. */
export interface SideSummary {
  role: Role;
  portStart: number;
  portEnd: number;
  protocol: string;
  status: string;
  serviceName: string | null;
  name: string | null;
  product: string | null;
  configKey: string | null;
  sources: string[];
}


/** A conflict as conflicts.json writes it. */
export interface ConflictEntry {
  kind: string;
  sides: SideSummary[];
  explanation: string;
}

export interface ConflictDiff {
  introduced: ConflictEntry[];
  resolved: ConflictEntry[];
}

/** Conflicts only in `after` (introduced) and only in `before` (resolved), each in its report's order. */
export function diffConflicts(before: readonly ConflictEntry[], after: readonly ConflictEntry[]): ConflictDiff {
  const keys = (entries: readonly ConflictEntry[]) => new Set(entries.map(conflictKey));
  const had = keys(before);
  const has = keys(after);
  return {
    introduced: after.filter((entry) => !had.has(conflictKey(entry))),
    resolved: before.filter((entry) => !has.has(conflictKey(entry))),
  };
}

function conflictKey(entry: ConflictEntry): string {
  const side = (summary: SideSummary) => [summary.role, summary.portStart, summary.portEnd, summary.protocol, summary.status, summary.product ?? '', summary.configKey ?? '', summary.serviceName ?? summary.name ?? ''].join(':');
  return `${entry.kind}|${entry.sides.map(side).join('|')}`;
}

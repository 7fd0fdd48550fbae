/**
 * conflicts.json: the conflict report for scripts and CI gates. Keys are
 * written in a fixed order; every side names its records' source lines.
 */
import type { ConflictReport } from '../compare/conflicts.js';
import type { Role } from '../model/record.js';
import { matchMethods } from '../compare/name-match.js';
import { formatSourceRef, type PortDataset, type PortRecord } from '../model/record.js';
import type { SideSummary } from '../compare/conflict-diff.js';

/** What the conflict emitters need. */
export interface ConflictDocument {
  generator: PortDataset['generator'];
  sources: PortDataset['sources'];
  report: ConflictReport;
}

export type { SideSummary } from '../compare/conflict-diff.js';

/** One record as a side of a comparison. */
export function sideSummary(role: Role, record: PortRecord): SideSummary {
  return {
    role,
    portStart: record.portStart,
    portEnd: record.portEnd,
    protocol: record.protocol,
    status: record.status,
    serviceName: record.serviceName,
    name: record.name,
    product: record.product,
    configKey: record.configKey,
    sources: record.sources.map(formatSourceRef),
  };
}

/** Counts the report gives at the top, also used by the Markdown and the CLI. */
export function conflictCounts(report: ConflictReport) {
  const byKind: Record<string, number> = { 'different-service': 0, 'assigned-in-vacant-range': 0, 'product-clash': 0 };
  for (const conflict of report.conflicts) byKind[conflict.kind] = (byKind[conflict.kind] ?? 0) + 1;
  const byMethod: Record<string, number> = Object.fromEntries(matchMethods.map((method) => [method, 0]));
  for (const agreement of report.agreements) byMethod[agreement.match.method] = (byMethod[agreement.match.method] ?? 0) + 1;
  return {
    conflicts: report.conflicts.length,
    conflictsByKind: byKind,
    unregistered: report.unregistered.length,
    agreements: report.agreements.length,
    agreementsByMethod: byMethod,
    notInReference: report.notInReference,
    unnamed: report.unnamed,
  };
}

/** Serializes the report: pretty JSON, LF, final newline. */
export function emitConflictsJson({ generator, sources, report }: ConflictDocument): string {
  const document = {
    generator: { name: generator.name, version: generator.version },
    sources: sources.map(({ id, role, file, sha256 }) => ({ id, role, file, sha256 })),
    counts: conflictCounts(report),
    conflicts: report.conflicts.map((conflict) => ({
      kind: conflict.kind,
      sides: conflict.sides.map((side) => sideSummary(side.role, side.record)),
      explanation: conflict.explanation,
    })),
    unregistered: report.unregistered.map(({ catalog, reference }) => ({
      catalog: sideSummary('catalog', catalog),
      reference: reference ? sideSummary('reference', reference) : null,
    })),
    agreements: report.agreements.map(({ catalog, reference, match }) => ({
      method: match.method,
      explanation: match.explanation,
      catalog: sideSummary('catalog', catalog),
      reference: sideSummary('reference', reference),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

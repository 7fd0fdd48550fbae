/**
 * The conflict report (conflicts.json) as terminal lines, and narrowed to one
 * product, for `port-catalog conflicts`, which reads the built report.
 */
import { referenceSays } from '../compare/conflicts.js';
import type { SideSummary } from './conflicts-json.js';
import { formatPortRange, sharedPorts } from '../model/record.js';

/** What `conflicts` reads of conflicts.json. */
export interface ConflictsDocument {
  conflicts: { kind: string; sides: SideSummary[]; explanation: string }[];
  unregistered: { catalog: SideSummary; reference: SideSummary | null }[];
  agreements: { catalog: SideSummary }[];
}

/** Only what involves `product`; the whole report when no product is given. */
export function forProduct(report: ConflictsDocument, product: string | null): ConflictsDocument {
  if (product === null) return report;
  const involves = (side: SideSummary) => side.product === product;
  return {
    conflicts: report.conflicts.filter((conflict) => conflict.sides.some(involves)),
    unregistered: report.unregistered.filter(({ catalog }) => involves(catalog)),
    agreements: report.agreements.filter(({ catalog }) => involves(catalog)),
  };
}

/** Conflicts first, then unregistered vendor ports, then a count line. */
export function formatConflicts(report: ConflictsDocument): string[] {
  const lines = report.conflicts.map((conflict) => {
    const [first] = conflict.sides;
    if (!first || conflict.sides.length < 2) return `${conflict.kind}: ${conflict.explanation}`;
    const sides = conflict.sides.map((side) => `${side.role} ${label(side)}`).join(' vs ');
    return `${formatPortRange(sharedPorts(conflict.sides))}/${first.protocol}: ${conflict.kind}: ${sides}. ${conflict.explanation}`;
  });
  for (const { catalog, reference } of report.unregistered) {
    lines.push(`${place(catalog)}: unregistered: ${label(catalog)}; ${referenceSays(reference)}`);
  }
  lines.push(`${report.conflicts.length} conflict(s), ${report.unregistered.length} unregistered vendor port(s), ${report.agreements.length} agreement(s).`);
  return lines;
}

function place(side: SideSummary): string {
  return `${formatPortRange(side)}/${side.protocol}`;
}

function label(side: SideSummary): string {
  const name = side.name ?? side.serviceName ?? side.status;
  const extra = [side.serviceName !== name ? side.serviceName : null, side.product].filter(Boolean).join(', ');
  return `"${name}"${extra ? ` (${extra})` : ''} [${side.sources.join(', ')}]`;
}

/** The conflict report as terminal lines, and narrowed to one product, for `port-catalog conflicts`. */
import type { ConflictReport } from '../compare/conflicts.js';
import { displayName, formatPortRange, formatSources, type PortRecord } from '../model/record.js';

/** Only what involves `product` (compared without case); the whole report when no product is given. */
export function forProduct(report: ConflictReport, product: string | undefined): ConflictReport {
  if (product === undefined) return report;
  const wanted = product.trim().toLowerCase();
  const involves = (record: PortRecord) => record.product?.toLowerCase() === wanted;
  return {
    ...report,
    conflicts: report.conflicts.filter((conflict) => conflict.sides.some((side) => involves(side.record))),
    unregistered: report.unregistered.filter(({ catalog }) => involves(catalog)),
    agreements: report.agreements.filter(({ catalog }) => involves(catalog)),
  };
}

/** Conflicts first, then unregistered vendor ports, then a count line. */
export function formatConflicts(report: ConflictReport): string[] {
  const lines = report.conflicts.map((conflict) => {
    const [first, second] = conflict.sides;
    return `${place(second.record)}: ${conflict.kind}: ${first.role} ${label(first.record)} vs ${second.role} ${label(second.record)}. ${conflict.explanation}`;
  });
  for (const { catalog, reference } of report.unregistered) {
    lines.push(`${place(catalog)}: unregistered: ${label(catalog)}; the reference ${reference ? `says ${reference.status}` : 'does not list it'}`);
  }
  lines.push(
    `${report.conflicts.length} conflict(s), ${report.unregistered.length} unregistered vendor port(s), ${report.agreements.length} agreement(s).`,
  );
  return lines;
}

function place(record: PortRecord): string {
  return `${formatPortRange(record)}/${record.protocol}`;
}

function label(record: PortRecord): string {
  const name = displayName(record);
  const extra = [record.serviceName !== name ? record.serviceName : null, record.product].filter(Boolean).join(', ');
  const sources = formatSources(record);
  return `"${name}"${extra ? ` (${extra})` : ''} [${sources}]`;
}

/**
 * What merging and the overlap check found, worded as messages and reported
 * on the source line each is about. Findings that differ only in protocol
 * become one message listing the protocols.
 */
import type { Disagreement, Duplicate } from '../catalog/merge.js';
import type { Overlap } from '../catalog/overlaps.js';
import { causeAt, reporterFor } from '../model/messages.js';
import { abbreviate } from '../grammar/port-cell.js';
import { formatPortRange, formatSourceRef, type PortRecord } from '../model/record.js';
import { spanLength, wideGaps, type Coverage } from '../catalog/coverage.js';
import type { SourceDocument } from './read-documents.js';

/** A finding about records, to be reported on one source line. */
interface Finding {
  /** Manifest id of the source the finding is reported on. */
  sourceId: string;
  line: number;
  /** The stage that found it, for the message's `(source:rule)`. */
  source: 'merge' | 'overlap' | 'product';
  ruleId: 'duplicate' | 'vacancy' | 'disagreement' | 'port-reused';
  /** The message, given the protocols it concerns, e.g. `tcp, udp`. */
  reason: (protocols: string) => string;
  /** Equal for findings that are the same but for protocol. */
  key: string;
  protocol: string;
  /** The line of the same source this finding refers back to (a first occurrence), if any. */
  causeLine?: number;
}

/** What merging found: repeats, and fields merged records disagreed on. */
export interface MergeFindings {
  records: readonly PortRecord[];
  duplicates: readonly Duplicate[];
  disagreements: readonly Disagreement[];
}

/** Reports merge duplicates, disagreements and vacancy overlaps on the documents they concern. */
export function reportFindings(merged: MergeFindings, overlaps: readonly Overlap[], documents: readonly SourceDocument[]): void {
  const grouped = new Map<string, { finding: Finding; protocols: string[] }>();
  const findings = [
    ...duplicateFindings(merged.duplicates),
    ...disagreementFindings(merged.disagreements),
    ...reusedPortFindings(merged.records),
    ...overlapFindings(overlaps),
  ];
  for (const finding of findings) {
    const key = `${finding.sourceId}:${finding.line}:${finding.key}`;
    const group = grouped.get(key);
    if (group) group.protocols.push(finding.protocol);
    else grouped.set(key, { finding, protocols: [finding.protocol] });
  }
  const byId = new Map(documents.map((document) => [document.source.id, document]));
  for (const { finding, protocols } of grouped.values()) {
    const document = byId.get(finding.sourceId);
    if (!document) continue;
    const { file } = document;
    const cause = finding.causeLine === undefined ? undefined : causeAt(file, 'First occurrence', { line: finding.causeLine, column: 1 });
    const report = reporterFor(file, finding.source);
    report(finding.ruleId, finding.reason(protocols.join(', ')), { line: finding.line, column: 1 }, cause);
  }
}

function duplicateFindings(duplicates: readonly Duplicate[]): Finding[] {
  return duplicates.map(({ record, first, duplicate }) => ({
    sourceId: duplicate.source,
    line: duplicate.line,
    source: 'merge',
    ruleId: 'duplicate',
    key: `${formatPortRange(record)}:${first.line}`,
    protocol: record.protocol,
    causeLine: first.line,
    reason: (protocols) =>
      `Duplicate entry for ${formatPortRange(record)} (${protocols}), merged into the one at line ${first.line}`,
  }));
}

/** Each text merging kept only in notes, reported at the line it came from. */
function disagreementFindings(disagreements: readonly Disagreement[]): Finding[] {
  return disagreements.map(({ record, field, kept, other }) => {
    const keptAt = kept.ref.source === other.ref.source ? `line ${kept.ref.line}` : formatSourceRef(kept.ref);
    return {
      sourceId: other.ref.source,
      line: other.ref.line,
      source: 'merge',
      ruleId: 'disagreement',
      key: `${formatPortRange(record)}:${field}:${other.text}`,
      protocol: record.protocol,
      ...(kept.ref.source === other.ref.source ? { causeLine: kept.ref.line } : {}),
      reason: (protocols) =>
        `Different \`${field}\` for ${formatPortRange(record)} (${protocols}) than at ${keptAt}, expected one; kept \`${abbreviate(kept.text)}\`, and this one in notes`,
    };
  });
}

/**
 * One product's port under two configuration keys: either the page repeats
 * a port by mistake, or two settings default to one port and clash.
 */
function reusedPortFindings(records: readonly PortRecord[]): Finding[] {
  const firstKey = new Map<string, PortRecord>();
  const findings: Finding[] = [];
  for (const record of records) {
    if (record.status !== 'assigned' || record.product === null || record.configKey === null) continue;
    const key = `${record.product}|${formatPortRange(record)}|${record.protocol}`;
    const first = firstKey.get(key);
    const ref = record.sources[0];
    const firstRef = first?.sources[0];
    if (!first) firstKey.set(key, record);
    if (!first || !ref || !firstRef || first.configKey === record.configKey) continue;
    findings.push({
      sourceId: ref.source,
      line: ref.line,
      source: 'product',
      ruleId: 'port-reused',
      key: `${key}|${record.configKey}`,
      protocol: record.protocol,
      ...(firstRef.source === ref.source ? { causeLine: firstRef.line } : {}),
      reason: (protocols) =>
        `Unexpected port ${formatPortRange(record)} (${protocols}) of ${record.product} under a second configuration key \`${record.configKey}\` (\`${first.configKey}\` at ${formatSourceRef(firstRef)}), expected one key per port`,
    });
  }
  return findings;
}

/** Overlaps within one source; overlaps across sources belong to the conflict report. */
function overlapFindings(overlaps: readonly Overlap[]): Finding[] {
  return overlaps.flatMap(({ vacant, assigned }) =>
    assigned.sources.flatMap((ref): Finding[] => {
      const range = vacant.sources.find((other) => other.source === ref.source);
      if (!range) return [];
      const label = assigned.name ? ` (${assigned.name})` : '';
      return [
        {
          sourceId: ref.source,
          line: ref.line,
          source: 'overlap',
          ruleId: 'vacancy',
          key: `${range.line}:${formatPortRange(assigned)}:${assigned.name ?? ''}`,
          protocol: assigned.protocol,
          causeLine: range.line,
          reason: (protocols: string) =>
            `Unexpected assigned port ${formatPortRange(assigned)}${label} inside the ${vacant.status} range ${formatPortRange(vacant)} at line ${range.line} (${protocols}), expected no overlap; both kept`,
        },
      ];
    }),
  );
}

/**
 * A scraped port list that skips more than `wideGap` ports inside its span
 * says nothing of them: worth knowing before anyone reads "no record" there
 * as "free". Reported at the entry after the gap. A vendor page lists only
 * its product's ports, and a registry lists what is assigned, so neither's
 * gaps are reported.
 */
export function reportWideGaps(
  coverage: ReadonlyMap<string, Coverage>,
  records: readonly PortRecord[],
  sources: readonly { id: string; format: string; product: string | null }[],
  documents: readonly SourceDocument[],
): void {
  const lists = sources.filter((source) => source.format === 'port-list' && source.product === null);
  for (const source of lists) {
    const gaps = wideGaps(coverage.get(source.id)?.gaps ?? []);
    const file = documents.find((document) => document.source.id === source.id)?.file;
    if (gaps.length === 0 || !file) continue;
    const report = reporterFor(file, 'coverage');
    for (const gap of gaps) {
      const [first = 0, last = 0] = gap;
      const after = firstLineAt(records, source.id, last + 1);
      const before = lastLineAt(records, source.id, first - 1);
      report(
        'gap',
        `Unexpected gap of ${spanLength(gap)} ports without an entry (${formatPortRange({ portStart: first, portEnd: last })}) between port ${first - 1}${before === null ? '' : ` at line ${before}`} and port ${last + 1}, expected a list to cover its span; the list says nothing of these ports`,
        { line: after ?? 1, column: 1 },
      );
    }
  }
}

/** The first line of `source` that gives an entry starting at `port`. */
function firstLineAt(records: readonly PortRecord[], source: string, port: number): number | null {
  const lines = records.filter((record) => record.status !== 'category' && record.portStart === port).flatMap((record) => record.sources.filter((ref) => ref.source === source).map((ref) => ref.line));
  return lines.length === 0 ? null : Math.min(...lines);
}

/** The last line of `source` that gives an entry ending at `port`. */
function lastLineAt(records: readonly PortRecord[], source: string, port: number): number | null {
  const lines = records.filter((record) => record.status !== 'category' && record.portEnd === port).flatMap((record) => record.sources.filter((ref) => ref.source === source).map((ref) => ref.line));
  return lines.length === 0 ? null : Math.max(...lines);
}

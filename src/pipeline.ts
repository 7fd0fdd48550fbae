/**
 * The whole pipeline on values: source documents in, dataset and artifact
 * bytes out, with every problem as a message on the file it is about.
 * No file system here; the CLI reads and writes.
 *
 *   decode → parse → normalize → validate → merge → dataset → emit
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import { createDataset, type DatasetSource } from './dataset.js';
import { decodeText } from './decode.js';
import { emitCsv } from './emit/csv.js';
import { emitJson } from './emit/json.js';
import { emitMarkdown } from './emit/markdown.js';
import { formatPortRange, type ManifestSource, type PortDataset } from './record.js';
import { mergeRecords } from './merge.js';
import { report } from './messages.js';
import { toRecords, type PlacedRecord } from './normalize/to-records.js';
import { parsers } from './parsers/registry.js';
import { datasetProblems, recordProblems } from './schema.js';

export interface SourceDocument {
  /** The manifest's entry for the document. */
  source: ManifestSource;
  /** The document; `path` is what messages print, `value` its bytes. */
  file: VFile;
}

export interface BuildOptions {
  generator: { name: string; version: string };
}

/** File names of the artifacts, in the order they are written. */
export const artifactNames = ['ports.json', 'ports.csv', 'ports.md'] as const;
export type ArtifactName = (typeof artifactNames)[number];

export interface BuildResult {
  dataset: PortDataset;
  artifacts: Record<ArtifactName, string>;
  /** Every document, with its messages. */
  files: VFile[];
  /** Per source: how many entries and records it gave. */
  perSource: { id: string; entries: number; records: number }[];
}

/** Runs the pipeline. Never throws on bad input: look for fatal messages in `files`. */
export function build(documents: readonly SourceDocument[], options: BuildOptions): BuildResult {
  const placed: { document: SourceDocument; record: PlacedRecord }[] = [];
  const datasetSources: DatasetSource[] = [];
  const perSource: BuildResult['perSource'] = [];

  for (const document of documents) {
    const { source, file } = document;
    const sha256 = createHash('sha256').update(file.value).digest('hex');
    const parsed = decodeText(file) ? parsers[source.format](file, source) : { entries: [], documentTitle: null };
    const context = {
      sourceId: source.id,
      ruleSource: source.format,
      product: source.product ?? null,
      defaults: source.defaults ?? {},
    };
    const records = parsed.entries.flatMap((entry) => toRecords(entry, context, file));
    for (const record of records) placed.push({ document, record });
    perSource.push({ id: source.id, entries: parsed.entries.length, records: records.length });
    datasetSources.push({
      id: source.id,
      file: source.file,
      format: source.format,
      title: source.title,
      documentTitle: parsed.documentTitle,
      url: source.url,
      product: source.product ?? null,
      sha256,
    });
  }

  const valid = placed.filter(({ document, record }) => isValid(record, document.file));
  const merged = mergeRecords(valid.map(({ record }) => record.record));
  reportDuplicates(merged.duplicates, documents);

  const dataset = createDataset({ generator: options.generator, sources: datasetSources, records: merged.records });
  const problems = datasetProblems(dataset);
  if (problems.length > 0) {
    // Every record was validated above, so this is a bug in this program, not in a source.
    throw new Error(`internal error: dataset does not match its schema: ${JSON.stringify(problems.slice(0, 3))}`);
  }
  return {
    dataset,
    artifacts: {
      'ports.json': emitJson(dataset),
      'ports.csv': emitCsv(dataset.records),
      'ports.md': emitMarkdown(dataset),
    },
    files: documents.map((document) => document.file),
    perSource,
  };
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

function reportDuplicates(
  duplicates: ReturnType<typeof mergeRecords>['duplicates'],
  documents: readonly SourceDocument[],
): void {
  for (const { record, first, duplicate } of duplicates) {
    const document = documents.find((candidate) => candidate.source.id === duplicate.source);
    if (!document) continue;
    const label = `${formatPortRange(record)}/${record.protocol}`;
    report(document.file, 'info', `Duplicate entry for ${label}, merged into the one at line ${first.line}`, {
      place: { line: duplicate.line, column: 1 },
      source: 'merge',
      ruleId: 'duplicate',
    });
  }
}

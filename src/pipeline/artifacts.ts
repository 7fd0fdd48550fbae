/**
 * The artifacts of a build: each file's text as a stream, from the dataset
 * and the conflict report; and the web page, when the build is given the
 * page's bundled code.
 */
import type { Artifact } from '../emit/artifact.js';
import { emitConflictsJson } from '../emit/conflicts-json.js';
import { conflictsMarkdownChunks } from '../emit/conflicts-markdown.js';
import { csvChunks } from '../emit/csv.js';
import { emitDataPackage } from '../emit/datapackage.js';
import { jsonChunks } from '../emit/json.js';
import { markdownChunks } from '../emit/markdown.js';
import { tableSchemaFor } from '../emit/table-schema.js';
import type { ConflictReport } from '../compare/conflicts.js';
import { referenceIndexChunks } from '../emit/reference-index.js';
import type { PortDataset, PortRecord } from '../model/record.js';
import type { ReferenceList } from '../model/reference-list.js';
import { emitWebData } from '../emit/web-data.js';
import type { ReferenceDocument } from './read-documents.js';
import { webPageChunks, type WebApp } from '../emit/web-page.js';
import { loadSchema } from '../model/schema.js';

/** File names of the artifacts, in the order they are written (datapackage.json describes files before it). */
export const artifactNames = ['ports.json', 'ports.csv', 'ports.md', 'conflicts.json', 'conflicts.md', 'references.json', 'datapackage.json', 'index.html'] as const;
export type ArtifactName = (typeof artifactNames)[number];

/** What the web page needs beyond the data every artifact reads. */
export interface WebPageInput {
  app: WebApp;
  /** Each source's `origin.url`, by id, for links to a source's line. */
  origins: ReadonlyMap<string, string>;
  /** The catalog index of each record as the conflict report holds it (before enrichment copied it). */
  catalogIndex: ReadonlyMap<PortRecord, number>;
}

/**
 * Every artifact, by name, in write order; index.html only with `web`.
 * Nothing is written out until a writer asks. `referenceDocuments` are the
 * `references` by document, with what was made of each ahead of time.
 */
export function assembleArtifacts(
  dataset: PortDataset,
  conflicts: ConflictReport,
  references: ReferenceList,
  referenceDocuments: readonly ReferenceDocument[],
  generator: { name: string; version: string },
  web?: WebPageInput,
): ReadonlyMap<ArtifactName, Artifact> {
  const report = { generator, sources: dataset.sources, report: conflicts };
  const byName: Record<Exclude<ArtifactName, 'index.html'>, Artifact> = {
    'ports.json': () => jsonChunks(dataset),
    'ports.csv': () => csvChunks(dataset.records),
    'ports.md': () => markdownChunks(dataset),
    'conflicts.json': () => [emitConflictsJson(report)],
    'conflicts.md': () => conflictsMarkdownChunks(report),
    'references.json': () => referenceIndexChunks(references, generator, rowsWrittenAhead(references, referenceDocuments)),
    'datapackage.json': (written) => [emitDataPackage({ dataset, written, tableSchema: tableSchemaFor(loadSchema('record')) })],
  };
  const artifacts = new Map<ArtifactName, Artifact>(artifactNames.flatMap((name) => (name === 'index.html' ? [] : [[name, byName[name]]])));
  if (web) {
    const data = { generator, sources: dataset.sources, origins: web.origins, catalog: dataset.records, references: referenceDocuments, report: conflicts, catalogIndex: web.catalogIndex };
    artifacts.set('index.html', () => webPageChunks(web.app, emitWebData(data), generator));
  }
  return artifacts;
}

/**
 * references.json's rows as written ahead of time, when every reference
 * record is one document's and that document's rows were: rows of several
 * documents interleave in port order, so they are then written afresh.
 */
function rowsWrittenAhead(references: ReferenceList, documents: readonly ReferenceDocument[]): string | null {
  const [only, ...others] = documents;
  return only !== undefined && others.length === 0 && only.records.length === references.length ? only.indexRows : null;
}

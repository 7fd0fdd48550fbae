/** The artifacts of a build: each file's text as a stream, from the dataset and the conflict report. */
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
import type { PortDataset, ReferenceRecord } from '../model/record.js';
import { loadSchema } from '../model/schema.js';

/** File names of the artifacts, in the order they are written (datapackage.json describes files before it). */
export const artifactNames = ['ports.json', 'ports.csv', 'ports.md', 'conflicts.json', 'conflicts.md', 'references.json', 'datapackage.json'] as const;
export type ArtifactName = (typeof artifactNames)[number];

/** Every artifact, by name, in write order. Nothing is written out until a writer asks. */
export function assembleArtifacts(
  dataset: PortDataset,
  conflicts: ConflictReport,
  references: readonly ReferenceRecord[],
  generator: { name: string; version: string },
): ReadonlyMap<ArtifactName, Artifact> {
  const report = { generator, sources: dataset.sources, report: conflicts };
  const byName: Record<ArtifactName, Artifact> = {
    'ports.json': () => jsonChunks(dataset),
    'ports.csv': () => csvChunks(dataset.records),
    'ports.md': () => markdownChunks(dataset),
    'conflicts.json': () => [emitConflictsJson(report)],
    'conflicts.md': () => conflictsMarkdownChunks(report),
    'references.json': () => referenceIndexChunks(references, generator),
    'datapackage.json': (written) => [emitDataPackage({ dataset, written, tableSchema: tableSchemaFor(loadSchema('record')) })],
  };
  return new Map(artifactNames.map((name) => [name, byName[name]]));
}

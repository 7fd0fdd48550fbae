/** The artifacts of a build: each file's bytes, from the dataset and the conflict report. */
import { emitConflictsJson } from '../emit/conflicts-json.js';
import { emitConflictsMarkdown } from '../emit/conflicts-markdown.js';
import { emitCsv } from '../emit/csv.js';
import { emitDataPackage } from '../emit/datapackage.js';
import { emitJson } from '../emit/json.js';
import { emitMarkdown } from '../emit/markdown.js';
import { tableSchemaFor } from '../emit/table-schema.js';
import type { ConflictReport } from '../compare/conflicts.js';
import { emitReferenceIndex } from '../emit/reference-index.js';
import type { PortDataset, ReferenceRecord } from '../model/record.js';
import { loadSchema } from '../model/schema.js';

/** File names of the artifacts, in the order they are written. */
export const artifactNames = ['ports.json', 'ports.csv', 'ports.md', 'conflicts.json', 'conflicts.md', 'references.json', 'datapackage.json'] as const;
export type ArtifactName = (typeof artifactNames)[number];

/** Every artifact's text. */
export function assembleArtifacts(
  dataset: PortDataset,
  conflicts: ConflictReport,
  references: readonly ReferenceRecord[],
  generator: { name: string; version: string },
): Record<ArtifactName, string> {
  const report = { generator, sources: dataset.sources, report: conflicts };
  const json = emitJson(dataset);
  const csv = emitCsv(dataset.records);
  const referenceIndex = emitReferenceIndex(references, generator);
  return {
    'ports.json': json,
    'ports.csv': csv,
    'ports.md': emitMarkdown(dataset),
    'conflicts.json': emitConflictsJson(report),
    'conflicts.md': emitConflictsMarkdown(report),
    'references.json': referenceIndex,
    'datapackage.json': emitDataPackage({ dataset, csv, json, referenceIndex, tableSchema: tableSchemaFor(loadSchema('record')) }),
  };
}

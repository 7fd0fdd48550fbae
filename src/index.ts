/**
 * port-catalog as a library: each stage on its own, and build() for the
 * whole pipeline. Nothing here touches the file system except loadSources
 * and writeArtifacts, which the CLI uses.
 */
export type {
  Category,
  ManifestSource,
  PortDataset,
  PortRecord,
  Protocol,
  ReferenceRecord,
  SourceManifest,
  SourceRef,
  Status,
} from './model/record.js';
export { categoryOf, compareRecords, recordFields } from './model/record.js';

export { readManifest, type LoadedManifest } from './input/manifest.js';
export { decodeText } from './input/decode.js';
export { normalizeText, type NormalizedText } from './input/normalize-text.js';
export { readSourceText } from './input/source-text.js';
export { extractTables, type CellItem, type HtmlTable, type TableCell } from './parsers/tables/html.js';
export { parseMarkdownHtmlTable, type MarkdownHtmlTableOptions } from './parsers/page/markdown-page.js';
export { matchLegend, type LegendEntry, type LegendMatch } from './parsers/tables/legend.js';
export { parsePortList } from './parsers/port-list/parse.js';
export { parseIanaCsv } from './parsers/registries/iana-csv.js';
export { parseEtcServices } from './parsers/registries/etc-services.js';
export { parsePortNumbersJson } from './parsers/registries/port-numbers-json.js';
export { formats, loadParsers, type Format, type Parser } from './parsers/registry.js';
export { collectEntries } from './model/source-entry.js';
export type { EntryStream, LineRole, ParseResult, ParseSummary, SourceEntry } from './model/source-entry.js';
export { toRecords, type NormalizeContext, type PlacedRecord } from './normalize/to-records.js';
export { recordProblems, datasetProblems, manifestProblems } from './model/schema.js';
export { createAjv } from './model/ajv.js';
export { identityKey } from './catalog/identity.js';
export { mergeRecords, type MergeResult, type Duplicate } from './catalog/merge.js';
export { createDataset } from './catalog/dataset.js';
export { overlappingPairs, findVacancyOverlaps, type Overlap } from './catalog/overlaps.js';
export { matchService, type MatchMethod, type NameMatch } from './compare/name-match.js';
export {
  buildConflictReport,
  type Agreement,
  type Conflict,
  type ConflictReport,
  type Unregistered,
} from './compare/conflicts.js';
export { enrichFromReferences } from './compare/enrich.js';
export { lookup, parsePortQuery, type LookupHit, type PortQuery } from './query/lookup.js';
export { emitConflictsJson } from './emit/conflicts-json.js';
export { emitConflictsMarkdown } from './emit/conflicts-markdown.js';
export { artifactTexts, type Artifact, type ArtifactFacts, type Artifacts } from './emit/artifact.js';
export { emitJson } from './emit/json.js';
export { emitCsv } from './emit/csv.js';
export { emitMarkdown } from './emit/markdown.js';
export { build, artifactNames, type BuildOptions, type BuildResult, type SourceDocument } from './pipeline/build.js';
export { formatMessage, formatMessages, formatGithubAnnotation, type MessageFormat, type Severity } from './model/messages.js';
export { diffRecords, diffDatasets, diffHeadline, isEmptyDiff, type DatasetDiff, type ChangedRecord } from './compare/diff.js';
export { emitDiffMarkdown } from './emit/diff-markdown.js';
export { emitDataPackage } from './emit/datapackage.js';
export { tableSchemaFor, type TableSchema } from './emit/table-schema.js';
export { formatBuildSummary } from './summary.js';
export { loadSources } from './files/load-sources.js';
export { writeArtifacts } from './files/write-artifacts.js';

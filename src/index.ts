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
  SourceManifest,
  SourceRef,
  Status,
} from './record.js';
export { categoryOf, compareRecords, recordFields } from './record.js';

export { readManifest, type LoadedManifest } from './manifest.js';
export { decodeText } from './decode.js';
export { extractTables, type CellItem, type HtmlTable, type TableCell } from './parsers/html-tables.js';
export { parseMarkdownHtmlTable, type MarkdownHtmlTableOptions } from './parsers/markdown-html-table.js';
export { matchLegend, type LegendEntry, type LegendMatch } from './parsers/legend.js';
export { parsePortList } from './parsers/port-list/parse.js';
export { parseIanaCsv } from './parsers/iana-csv.js';
export { parseEtcServices } from './parsers/etc-services.js';
export { parsePortNumbersJson } from './parsers/port-numbers-json.js';
export { parsers, type Format, type Parser } from './parsers/registry.js';
export type { LineRole, ParseResult, SourceEntry } from './source-entry.js';
export { toRecords, type NormalizeContext, type PlacedRecord } from './normalize/to-records.js';
export { recordProblems, datasetProblems, manifestProblems, createAjv } from './schema.js';
export { identityKey } from './identity.js';
export { mergeRecords, type MergeResult, type Duplicate } from './merge.js';
export { createDataset } from './dataset.js';
export { overlappingPairs, findVacancyOverlaps, type Overlap } from './overlaps.js';
export { matchService, type MatchMethod, type NameMatch } from './name-match.js';
export {
  buildConflictReport,
  type Agreement,
  type Conflict,
  type ConflictReport,
  type ReferenceRecord,
  type Unregistered,
} from './conflicts.js';
export { enrichFromReferences } from './enrich.js';
export { lookup, parsePortQuery, type LookupHit, type PortQuery } from './lookup.js';
export { emitConflictsJson } from './emit/conflicts-json.js';
export { emitConflictsMarkdown } from './emit/conflicts-markdown.js';
export { emitJson } from './emit/json.js';
export { emitCsv } from './emit/csv.js';
export { emitMarkdown } from './emit/markdown.js';
export { build, artifactNames, type BuildOptions, type BuildResult, type SourceDocument } from './pipeline.js';
export { formatMessage, formatMessages, formatGithubAnnotation, type MessageFormat, type Severity } from './messages.js';
export { diffRecords, diffDatasets, diffHeadline, isEmptyDiff, type DatasetDiff, type ChangedRecord } from './diff.js';
export { emitDiffMarkdown } from './emit/diff-markdown.js';
export { emitDataPackage } from './emit/datapackage.js';
export { tableSchemaFor, type TableSchema } from './table-schema.js';
export { formatBuildSummary } from './summary.js';
export { loadSources } from './files/load-sources.js';
export { writeArtifacts } from './files/write-artifacts.js';

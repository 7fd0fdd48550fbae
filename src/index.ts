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
export { parsers, type Format, type Parser } from './parsers/registry.js';
export type { ParseResult, SourceEntry } from './source-entry.js';
export { toRecords, type NormalizeContext, type PlacedRecord } from './normalize/to-records.js';
export { recordProblems, datasetProblems, manifestProblems, createAjv } from './schema.js';
export { identityKey } from './identity.js';
export { mergeRecords, type MergeResult, type Duplicate } from './merge.js';
export { createDataset } from './dataset.js';
export { emitJson } from './emit/json.js';
export { emitCsv } from './emit/csv.js';
export { emitMarkdown } from './emit/markdown.js';
export { build, artifactNames, type BuildOptions, type BuildResult, type SourceDocument } from './pipeline.js';
export { formatMessage, type Severity } from './messages.js';
export { loadSources } from './files/load-sources.js';
export { writeArtifacts } from './files/write-artifacts.js';

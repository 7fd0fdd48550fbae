/**
 * Normalization: one source entry becomes one record per protocol, with
 * clean text, references, status and category. Problems become messages on
 * the source's file, at the entry's place.
 */
import type { VFile } from 'vfile';
import type { Point } from '../model/location.js';
import { reporterFor } from '../model/messages.js';
import { categoryOf, type PortRecord, type Protocol, type Status } from '../model/record.js';
import type { SourceEntry } from '../model/source-entry.js';
import { stripMarkup } from './markup.js';
import { parsePortRange } from '../grammar/port-cell.js';
import { readProtocolWords } from '../grammar/protocol-words.js';
import { extractReferences, readReferenceTokens, sortReferences } from '../grammar/references.js';
import { statusWord } from '../grammar/status-words.js';
import { cleanOrNull } from '../model/text.js';

/** What normalization needs to know about the entry's source. */
export interface NormalizeContext {
  /** Manifest id of the source. */
  sourceId: string;
  /** Rule namespace for messages, usually the source's format. */
  ruleSource: string;
  product: string | null;
  defaults: { protocols?: readonly Protocol[]; status?: Status };
}

/** A record with the place of the entry it came from, for later messages. */
export interface PlacedRecord {
  record: PortRecord;
  place: Point;
}

/** Turns one entry into records, or reports why it cannot. */
export function toRecords(entry: SourceEntry, context: NormalizeContext, file: VFile): PlacedRecord[] {
  const range = parsePortRange(entry.port);
  if (!range.ok) {
    reporterFor(file, context.ruleSource)(range.ruleId, range.reason, entry.portPlace);
    return [];
  }

  const protocols = protocolsOf(entry, context, file);
  if (protocols.length === 0) return [];

  const name = cleanText(entry.name);
  const description = cleanText(entry.description);
  const status = name.text ? statusWord(name.text) : null;
  const listed = readReferenceTokens(entry.references);
  const notes = [
    status?.remark ?? null,
    ...name.notes,
    ...description.notes,
    ...entry.notes.map((note) => cleanOrNull(stripMarkup(note))),
    ...listed.notes,
  ];

  return protocols.map((protocol) => ({
    place: entry.place,
    record: {
      portStart: range.start,
      portEnd: range.end,
      protocol,
      status: status?.status ?? context.defaults.status ?? 'assigned',
      serviceName: cleanOrNull(entry.serviceName),
      name: status ? null : name.text,
      description: description.text,
      references: sortReferences([...name.references, ...description.references, ...listed.references]),
      notes: distinctNotes(notes),
      category: categoryOf(range.start),
      product: context.product,
      configKey: cleanOrNull(entry.configKey),
      sources: [{ source: context.sourceId, line: entry.place.line }],
    },
  }));
}

function protocolsOf(entry: SourceEntry, context: NormalizeContext, file: VFile): Protocol[] {
  const report = reporterFor(file, context.ruleSource);
  if (entry.protocols === null) {
    if (context.defaults.protocols) return [...context.defaults.protocols];
    report('protocol-missing', 'Unexpected entry without a protocol, expected protocol words or a manifest default', entry.place);
    return [];
  }
  const words = readProtocolWords(entry.protocols);
  for (const word of words.unknown) {
    report('protocol-unknown', `Unexpected protocol \`${word}\`, expected \`tcp\`, \`udp\`, \`sctp\` or \`dccp\``, entry.place);
  }
  return words.unknown.length > 0 ? [] : words.protocols;
}

/** Notes without empties or repeats; a note holding the CSV list separator `; ` becomes several. */
function distinctNotes(notes: readonly (string | null)[]): string[] {
  const parts = notes.flatMap((note) => (note === null ? [] : note.split('; ')));
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
}

/** Markup stripped, RFC mentions moved out, whitespace cleaned. */
function cleanText(text: string | null): { text: string | null; references: string[]; notes: string[] } {
  if (text === null) return { text: null, references: [], notes: [] };
  const extracted = extractReferences(stripMarkup(text));
  return { text: cleanOrNull(extracted.text), references: extracted.references, notes: extracted.notes };
}

/**
 * Normalization: one source entry becomes one record per protocol, with
 * clean text, references, status and category. Problems become messages on
 * the source's file, at the entry's place.
 */
import type { VFile } from 'vfile';
import { report, type Point } from '../messages.js';
import { categoryOf, type PortRecord, type Protocol, type Status } from '../record.js';
import type { SourceEntry } from '../source-entry.js';
import { stripMarkup } from './markup.js';
import { parsePortRange } from './port-range.js';
import { readProtocolWords } from './protocols.js';
import { extractReferences, readReferenceTokens, sortReferences } from './references.js';
import { statusWord } from './status.js';
import { cleanOrNull } from './text.js';

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
  const source = context.ruleSource;
  const range = parsePortRange(entry.port);
  if (!range.ok) {
    report(file, 'error', range.reason, { place: entry.portPlace, source, ruleId: range.ruleId });
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
  const source = context.ruleSource;
  if (entry.protocols === null) {
    if (context.defaults.protocols) return [...context.defaults.protocols];
    report(file, 'error', 'Unexpected entry without a protocol, expected protocol words or a manifest default', {
      place: entry.place,
      source,
      ruleId: 'protocol-missing',
    });
    return [];
  }
  const words = readProtocolWords(entry.protocols);
  for (const word of words.unknown) {
    report(file, 'error', `Unexpected protocol \`${word}\`, expected \`tcp\`, \`udp\`, \`sctp\` or \`dccp\``, {
      place: entry.place,
      source,
      ruleId: 'protocol-unknown',
    });
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

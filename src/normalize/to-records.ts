/**
 * Normalization: one source entry becomes one record per protocol, with
 * clean text, references, status and category. Problems become messages on
 * the source's file, at the entry's place.
 */
import type { VFile } from 'vfile';
import type { Point } from '../model/location.js';
import { reporterFor, type Reporter } from '../model/messages.js';
import { readDirection } from '../grammar/direction-words.js';
import { categoryOf, compareText, type PortRecord, type Protocol, type Status } from '../model/record.js';
import type { SourceEntry } from '../model/source-entry.js';
import { stripMarkup } from './markup.js';
import { parsePortRange } from '../grammar/port-cell.js';
import { readProtocolWords, type ProtocolWords } from '../grammar/protocol-words.js';
import { extractReferences, readReferenceTokens, sortReferences } from '../grammar/references.js';
import { isCategoryRange, statusWord } from '../grammar/status-words.js';
import { cleanOrNull, noteParts } from '../model/text.js';

/** What normalization needs to know about the entry's source. */
export interface NormalizeContext {
  /** Manifest id of the source. */
  sourceId: string;
  /** Rule namespace for messages, usually the source's format. */
  ruleSource: string;
  product: string | null;
  defaults: { protocols?: readonly Protocol[]; status?: Status; direction?: 'in' | 'out' | 'both' };
  /** How an entry that cannot be read is reported (the manifest's `unreadable`). */
  unreadable?: 'error' | 'warning';
  /** Whether errors name the manifest option that would read or skip them (for pages). */
  hints?: boolean;
}

/** A record with the place of the entry it came from, for later messages. */
export interface PlacedRecord {
  record: PortRecord;
  place: Point;
}

/** Turns one entry into records, or reports why it cannot. */
export function toRecords(entry: SourceEntry, context: NormalizeContext, file: VFile): PlacedRecord[] {
  // Most entries report nothing: the reporter is made at the first problem.
  const report: Reporter = (...problem) => reporterFor(file, context.ruleSource, { unreadable: context.unreadable, hints: context.hints })(...problem);
  const range = parsePortRange(entry.port);
  if (!range.ok) {
    report(range.ruleId, range.reason, entry.portPlace);
    return [];
  }
  const defaults = entry.defaults ?? context.defaults;
  const { protocols, qualifiers } = protocolsOf(entry, defaults, report);
  const direction = entry.direction === null ? (defaults.direction ?? null) : readDirection(entry.direction);
  if (direction === undefined) {
    report('direction-unknown', `Unexpected direction \`${entry.direction}\`, expected \`in\`, \`out\` or \`both\``, entry.place);
  }
  if (protocols.length === 0 || direction === undefined) return [];

  const name = cleanText(entry.name);
  const description = cleanText(entry.description);
  const word = name.text ? statusWord(name.text) : null;
  const category = isCategoryRange(range.start, range.end, `${name.text ?? ''} ${description.text ?? ''}`);
  const status = category ? 'category' : (word?.status ?? defaults.status ?? 'assigned');
  const { serviceName, aliases } = keywordsOf(entry);
  const listed = readReferenceTokens(entry.references);
  const notes = distinctNotes([
    word?.remark ?? null,
    ...name.notes,
    ...description.notes,
    ...entry.notes.map((note) => cleanOrNull(stripMarkup(note))),
    ...qualifiers,
    ...listed.notes,
  ]);
  const references = sortReferences([...name.references, ...description.references, ...listed.references]);
  const configKey = cleanOrNull(entry.configKey);

  // The records of one entry differ only in protocol; they share its lists, which no stage changes in place.
  return protocols.map((protocol) => ({
    place: entry.place,
    record: {
      portStart: range.start,
      portEnd: range.end,
      protocol,
      status,
      serviceName,
      aliases,
      name: word && !word.keepsName ? null : name.text,
      description: description.text,
      references,
      notes,
      category: categoryOf(range.start),
      product: context.product,
      configKey,
      direction,
      sources: [{ source: context.sourceId, line: entry.place.line }],
    },
  }));
}

/**
 * The entry's protocols: the words it states, else the manifest's default.
 * Words that qualify a protocol (`IPv4 UDP`) are kept as notes.
 */
function protocolsOf(entry: SourceEntry, defaults: NormalizeContext['defaults'], report: Reporter): { protocols: Protocol[]; qualifiers: string[] } {
  if (entry.protocols === null) {
    if (defaults.protocols) return { protocols: [...defaults.protocols], qualifiers: [] };
    report('protocol-missing', 'Unexpected entry without a protocol, expected protocol words or a manifest default', entry.place);
    return { protocols: [], qualifiers: [] };
  }
  const words = protocolWordsOf(entry.protocols);
  for (const word of words.unknown) {
    report('protocol-unknown', `Unexpected protocol \`${word}\`, expected \`tcp\`, \`udp\`, \`sctp\` or \`dccp\``, entry.place);
  }
  return { protocols: words.unknown.length > 0 ? [] : words.protocols, qualifiers: words.qualifiers ?? [] };
}

/**
 * Sources repeat a few protocol phrasings (`TCP`, `TCP UDP`) thousands of
 * times: each is read once. The results are shared, so never changed.
 */
const protocolWordsRead = new Map<string, ProtocolWords>();
const rememberedPhrasings = 1000;

function protocolWordsOf(words: readonly string[]): ProtocolWords {
  // A line break separates protocol words, so joining by one keeps phrasings that read alike together.
  const phrasing = words.length === 1 ? (words[0] ?? '') : words.join('\n');
  let read = protocolWordsRead.get(phrasing);
  if (!read) {
    read = readProtocolWords(words);
    if (protocolWordsRead.size >= rememberedPhrasings) protocolWordsRead.clear();
    protocolWordsRead.set(phrasing, read);
  }
  return read;
}

/** Notes without empties or repeats; a note holding the CSV list separator `; ` becomes several. */
function distinctNotes(notes: readonly (string | null)[]): string[] {
  const distinct = new Set<string>();
  for (const note of notes) if (note !== null) for (const part of noteParts(note)) distinct.add(part);
  return [...distinct];
}

/** Markup stripped, RFC mentions moved out, whitespace cleaned. */
const noText: Readonly<CleanText> = { text: null, references: [], notes: [] };

interface CleanText {
  text: string | null;
  references: readonly string[];
  notes: readonly string[];
}

function cleanText(text: string | null): Readonly<CleanText> {
  if (text === null) return noText;
  const extracted = extractReferences(stripMarkup(text));
  return { text: cleanOrNull(extracted.text), references: extracted.references, notes: extracted.notes };
}

/**
 * The entry's keyword and its aliases. An alias row of a registry stands for
 * its primary keyword: the record carries the primary as `serviceName` and
 * the row's own keyword as an alias, so 80/tcp is `http` with aliases `www`
 * and `www-http`, whichever row came first.
 */
function keywordsOf(entry: SourceEntry): { serviceName: string | null; aliases: string[] } {
  const own = cleanOrNull(entry.serviceName);
  const primary = cleanOrNull(entry.aliasOf);
  if (entry.aliases.length === 0 && (primary === null || primary === own)) return { serviceName: own, aliases: [] };
  const listed = entry.aliases.flatMap((alias) => cleanOrNull(alias) ?? []);
  if (primary === null || primary === own) return { serviceName: own, aliases: [...new Set(listed)].sort(compareText) };
  return { serviceName: primary, aliases: [...new Set([...(own ? [own] : []), ...listed])].sort(compareText) };
}

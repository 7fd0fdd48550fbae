/**
 * Ports written as list items (`* Port \`7946\` TCP/UDP for …`) or in
 * sentences, read with the manifest's patterns.
 *
 * A pattern matches the item's own text as rendered (renderText): links keep
 * their text, URLs and tags go, entities are decoded. A pattern that names
 * code or emphasis marks itself (`` `{port}` for {name} ``) matches the text
 * with those marks kept. Patterns are tried in order; one that matches but
 * whose captures do not read (a `{port}` that is no port, a `{protocols}`
 * that is no protocol) gives way to the next; only when none reads is the
 * item reported, with what each pattern found.
 *
 * A nested item takes the fields it does not capture from the items it sits
 * in, nearest first: the fields an ancestor's pattern captured, those its
 * `parents` pattern captures, or else, for an ancestor that holds the nested
 * list and states no port, its text as the name (`* Admin service:` ›
 * `* Port: TCP/8443` gives 8443/tcp named `Admin service`).
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import type { RuleId } from '../../model/rules.js';
import { sourceEntry, type SourceEntry } from '../../model/source-entry.js';
import { abbreviate, readPortCell, type PortCellReading } from '../../grammar/port-cell.js';
import { isZeroPort } from '../../grammar/port-number.js';
import { readProtocolWords } from '../../grammar/protocol-words.js';
import { readDirection } from '../../grammar/direction-words.js';
import { renderText } from '../../normalize/markup.js';
import type { Captures, ItemPattern, Placeholder } from './item-pattern.js';

/** One list item or sentence to read, as written, with the offset of its first character. */
export interface ItemText {
  source: string;
  offset: number;
}

/** A list item, with the item it is nested in (null at the top). */
export interface NestedItem extends ItemText {
  parent: NestedItem | null;
}

/** Fields an item (or a heading) passes to the items nested in it (or under it). */
export type Inherited = Partial<Record<Exclude<Placeholder, 'port' | '_'>, string>>;
const inheritedFields = ['name', 'description', 'notes', 'protocols', 'configKey', 'direction'] as const;

/** The item's text as a pattern sees it. */
export function textFor(pattern: ItemPattern, source: string): string {
  return renderText(source, pattern.usesMarks);
}

/** Why a pattern that matched could not read its captures. */
interface Failure {
  pattern: ItemPattern;
  ruleId: RuleId;
  reason: string;
  /** Offset of the text at fault in the item's source. */
  offset: number;
}

/** What the patterns make of one text: the pattern that read it with its captures and ports, or why none did. */
type Reading =
  | { kind: 'read'; pattern: ItemPattern; captures: Captures; ports: Extract<PortCellReading, { kind: 'ports' }>; text: string }
  | { kind: 'failed'; failures: Failure[] }
  | { kind: 'unmatched' };

/** Tries the patterns in order on one text. */
export function readWithPatterns(source: string, patterns: readonly ItemPattern[]): Reading {
  const failures: Failure[] = [];
  for (const pattern of patterns) {
    const text = textFor(pattern, source);
    const captures = pattern.match(text);
    if (!captures?.port) continue;
    const where = (capture: { text: string }) => Math.max(0, source.indexOf(capture.text));
    const ports = readPortCell(captures.port.text);
    if (ports.kind !== 'ports') {
      const reason = ports.kind === 'unreadable' ? ports.reason : `Unexpected \`${captures.port.text}\` for a port, expected a port number`;
      failures.push({ pattern, ruleId: 'port-cell', reason, offset: where(captures.port) + (ports.kind === 'unreadable' ? ports.offset : 0) });
      continue;
    }
    const protocols = captures.protocols ? readProtocolWords([captures.protocols.text]) : null;
    if (protocols && (protocols.unknown.length > 0 || protocols.protocols.length === 0)) {
      const word = protocols.unknown[0] ?? captures.protocols?.text ?? '';
      failures.push({ pattern, ruleId: 'protocol-unknown', reason: `Unexpected protocol \`${word}\`, expected \`tcp\`, \`udp\`, \`sctp\` or \`dccp\``, offset: where(captures.protocols ?? { text: '' }) });
      continue;
    }
    if (captures.direction && !readDirection(captures.direction.text)) {
      failures.push({ pattern, ruleId: 'direction-unknown', reason: `Unexpected direction \`${captures.direction.text}\`, expected \`in\`, \`out\` or \`both\``, offset: where(captures.direction) });
      continue;
    }
    return { kind: 'read', pattern, captures, ports, text };
  }
  return failures.length > 0 ? { kind: 'failed', failures } : { kind: 'unmatched' };
}

export interface ItemReading {
  patterns: readonly ItemPattern[];
  /** Patterns for the items that hold nested lists: their captures pass to the nested items. */
  parents: readonly ItemPattern[];
  report: Reporter;
  at: (offset: number) => Point;
}

/**
 * Entries of the items the patterns read, in document order; an item comes
 * before the items nested in it. A capture's `{port}` may hold several
 * ports (`80, 443`): each becomes its own entry. Returns, with each entry,
 * the item it came from.
 */
export function entriesOfItems(items: readonly NestedItem[], reading: ItemReading): { entry: SourceEntry; item: NestedItem }[] {
  const { patterns, report, at } = reading;
  const holders = new Set(items.flatMap((item) => (item.parent ? [item.parent] : [])));
  const given = new Map<NestedItem, Inherited>();
  const inherited = (item: NestedItem): Inherited => {
    const fields: Inherited = {};
    for (let ancestor = item.parent; ancestor; ancestor = ancestor.parent) {
      const theirs = given.get(ancestor) ?? {};
      for (const field of inheritedFields) fields[field] ??= theirs[field];
    }
    return fields;
  };
  const entries: { entry: SourceEntry; item: NestedItem }[] = [];
  for (const item of items) {
    const read = readWithPatterns(item.source, patterns);
    if (read.kind === 'read') {
      given.set(item, fieldsOf(read.captures));
      reportDoubts(read, item, report, at);
      for (const entry of entriesOfReading(item, read, inherited(item), at)) entries.push({ entry, item });
      continue;
    }
    // An item that holds a nested list and states no port is its items' heading, whatever a pattern made of it.
    if (holders.has(item) && !mentionsPort(renderText(item.source))) {
      given.set(item, parentFields(item, reading.parents));
      continue;
    }
    if (read.kind === 'failed') {
      reportFailures(read.failures, item, patterns, report, at);
      continue;
    }
    if (holders.has(item)) given.set(item, parentFields(item, reading.parents));
    else if (mentionsPort(renderText(item.source))) {
      const tried = patterns.map((pattern) => `\`${pattern.source}\``).join(' or ');
      report('item-unmatched', `Unexpected list item that mentions a port (\`${abbreviate(renderText(item.source), 60)}\`), expected ${tried}`, at(item.offset));
    }
  }
  return entries;
}

/** A port the grammar read with a doubt (port 0, leading zeros, an ambiguous separator), as a warning at it. */
function reportDoubts(read: Extract<Reading, { kind: 'read' }>, item: ItemText, report: Reporter, at: (offset: number) => Point): void {
  const portOffset = Math.max(0, item.source.indexOf(read.captures.port?.text ?? ''));
  for (const span of read.ports.ports) for (const doubt of span.doubts) report('port-doubt', doubt, at(item.offset + portOffset + span.offset));
}

/** What an item that holds a nested list gives it: a `parents` pattern's captures, or its text as the name. */
function parentFields(item: NestedItem, parents: readonly ItemPattern[]): Inherited {
  for (const pattern of parents) {
    const captures = pattern.match(textFor(pattern, item.source));
    if (captures) return fieldsOf(captures);
  }
  const text = renderText(item.source).replace(/\s*:$/, '');
  return text === '' || mentionsPort(text) ? {} : { name: text };
}

/** The fields a pattern's captures give, port aside. */
export function fieldsOf(captures: Captures): Inherited {
  const fields: Inherited = {};
  for (const field of inheritedFields) if (captures[field]) fields[field] = captures[field]?.text;
  return fields;
}

/**
 * An item that patterns matched but none could read: one error at the first
 * failure, under its rule. With one pattern, its reason; with several, what
 * each pattern made of the item, so the maintainer sees which to fix.
 */
function reportFailures(failures: readonly Failure[], item: ItemText, patterns: readonly ItemPattern[], report: Reporter, at: (offset: number) => Point): void {
  const [first] = failures;
  if (!first) return;
  if (patterns.length === 1) {
    report(first.ruleId, first.reason, at(item.offset + first.offset));
    return;
  }
  const each = patterns.map((pattern) => {
    const failure = failures.find((candidate) => candidate.pattern === pattern);
    return failure ? `\`${pattern.source}\` gives ${failure.reason.replace(/^Unexpected /, 'an unexpected ')}` : `\`${pattern.source}\` does not match`;
  });
  report(first.ruleId, `Unexpected list item (\`${abbreviate(renderText(item.source), 60)}\`) that no pattern reads: ${each.join('; ')}`, at(item.offset + first.offset));
}

/**
 * An entry with the fields it lacks filled from `fields` (an enclosing
 * heading's): a name, description, configuration key or direction it has
 * stands, notes add, protocols apply only where it states none.
 */
export function filledFrom(entry: SourceEntry, fields: Inherited): SourceEntry {
  return {
    ...entry,
    name: entry.name ?? fields.name ?? null,
    description: entry.description ?? fields.description ?? null,
    configKey: entry.configKey ?? fields.configKey ?? null,
    direction: entry.direction ?? fields.direction ?? null,
    protocols: entry.protocols ?? (fields.protocols ? [fields.protocols] : null),
    notes: fields.notes ? [...entry.notes, fields.notes] : entry.notes,
  };
}

/**
 * The entries of one read item: one per port, its own captures first, then
 * what it inherits. An item's entries cite the item's line; a sentence's
 * (`atPort`) cite the line its port is written on, as a paragraph's sentences
 * run over several lines.
 */
export function entriesOfReading(item: ItemText, read: Extract<Reading, { kind: 'read' }>, inherited: Inherited, at: (offset: number) => Point, atPort = false): SourceEntry[] {
  const { captures, ports } = read;
  const own = (field: (typeof inheritedFields)[number]) => captures[field]?.text ?? inherited[field] ?? null;
  const portOffset = Math.max(0, item.source.indexOf(captures.port?.text ?? ''));
  const protocols = own('protocols');
  // Port 0 is reported as a doubt (reportDoubts) and gives no record.
  return ports.ports.filter((span) => !isZeroPort(span)).map((span) =>
    sourceEntry({
      place: at(item.offset + (atPort ? portOffset : 0)),
      port: span.start === span.end ? `${span.start}` : `${span.start}-${span.end}`,
      portPlace: at(item.offset + portOffset + span.offset),
      protocols: span.protocols.length > 0 ? span.protocols : ports.protocols.length > 0 ? ports.protocols : protocols === null ? null : [protocols],
      name: own('name'),
      description: own('description'),
      notes: [...(own('notes') === null ? [] : [own('notes') ?? '']), ...span.notes, ...ports.notes],
      configKey: own('configKey'),
      direction: own('direction'),
    }),
  );
}

/**
 * Whether text looks like it names a port: `port 8080`, `ports 80 and 443`,
 * `8080/tcp`, `TCP/443`, `443 TCP`. Each pattern is bounded, so linear.
 */
export function mentionsPort(text: string): boolean {
  return (
    /\bports?\b[^.\d\n]{0,20}\d{1,5}\b/i.test(text) ||
    /\b\d{1,5}\s?\/\s?(?:tcp|udp)\b/i.test(text) ||
    /\b(?:tcp|udp)\s?\/?\s?\d{1,5}\b/i.test(text) ||
    /\b\d{1,5}\s(?:tcp|udp)\b/i.test(text)
  );
}

/** A text to look for mentions in, with the name its table row gives, if any. */
export interface MentionText extends ItemText {
  rowName?: string | null;
}

/** Sentence ends: a stop, then space, then what opens a sentence. */
export const sentenceBreak = /(?<=[.!?])\s+(?=[A-Z0-9"“(])/;

/**
 * Entries for the ports stated in sentences: each sentence of each rendered
 * text is matched whole against the patterns, in order. Prose holds other
 * numbers, so a match whose captures do not read is no match, and a
 * sentence that no pattern reads says nothing.
 */
export function entriesOfMentions(texts: readonly MentionText[], patterns: readonly ItemPattern[], at: (offset: number) => Point, report?: Reporter): { entry: SourceEntry; text: MentionText }[] {
  const entries: { entry: SourceEntry; text: MentionText }[] = [];
  for (const text of texts) {
    let from = 0;
    for (const sentence of text.source.split(sentenceBreak)) {
      const start = text.source.indexOf(sentence, from);
      from = start + sentence.length;
      const read = readWithPatterns(sentence, patterns);
      if (read.kind !== 'read') continue;
      const inherited: Inherited = text.rowName ? { name: text.rowName } : {};
      const place = { source: sentence, offset: text.offset + Math.max(0, start) };
      if (report) reportDoubts(read, place, report, at);
      for (const entry of entriesOfReading(place, read, inherited, at, true)) entries.push({ entry, text });
    }
  }
  return entries;
}

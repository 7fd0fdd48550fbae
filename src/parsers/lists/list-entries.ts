/**
 * Ports written as list items (`* Port \`7946\` TCP/UDP for …`), read with
 * the manifest's item patterns. An item that matches no pattern but mentions
 * a port is reported at its line: it may be an entry the patterns miss.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { sourceEntry, type SourceEntry } from '../../model/source-entry.js';
import { readPortCell } from '../../grammar/port-cell.js';
import { abbreviate } from '../../grammar/port-cell.js';
import type { ItemPattern } from './item-pattern.js';

/** One list item or sentence to read, as written, with the offset of its first character. */
export interface ItemText {
  source: string;
  offset: number;
}

/**
 * Entries of the items the patterns match. A capture's `{port}` may hold
 * several ports (`80, 443`): each becomes its own entry.
 */
export function entriesOfItems(
  items: readonly ItemText[],
  patterns: readonly ItemPattern[],
  report: Reporter,
  at: (offset: number) => Point,
): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const item of items) {
    const leading = item.source.length - item.source.trimStart().length;
    const captures = patterns.map((pattern) => pattern.match(item.source)).find((found) => found !== null);
    if (!captures) {
      if (mentionsPort(item.source)) {
        const tried = patterns.map((pattern) => `\`${pattern.source}\``).join(' or ');
        report('item-unmatched', `Unexpected list item that mentions a port (\`${abbreviate(item.source, 60)}\`), expected ${tried}`, at(item.offset));
      }
      continue;
    }
    const port = captures.port;
    if (!port) continue;
    const reading = readPortCell(port.text);
    if (reading.kind !== 'ports') {
      const reason = reading.kind === 'unreadable' ? reading.reason : `Unexpected \`${port.text}\` for a port, expected a port number`;
      report('port-cell', reason, at(item.offset + leading + port.offset + (reading.kind === 'unreadable' ? reading.offset : 0)));
      continue;
    }
    const protocols = captures.protocols ? [captures.protocols.text] : null;
    for (const span of reading.ports) {
      entries.push(
        sourceEntry({
          place: at(item.offset),
          port: span.start === span.end ? `${span.start}` : `${span.start}-${span.end}`,
          portPlace: at(item.offset + leading + port.offset + span.offset),
          protocols: span.protocols.length > 0 ? span.protocols : (reading.protocols.length > 0 ? reading.protocols : protocols),
          name: captures.name?.text ?? null,
          description: captures.description?.text ?? null,
          notes: [...(captures.notes ? [captures.notes.text] : []), ...span.notes, ...reading.notes],
          configKey: captures.configKey?.text ?? null,
          direction: captures.direction?.text ?? null,
        }),
      );
    }
  }
  return entries;
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
const sentenceBreak = /(?<=[.!?])\s+(?=[A-Z0-9"“(])/;

/**
 * Entries for the ports stated in sentences: each sentence of each text is
 * matched whole against the patterns. Prose holds other numbers, so a match
 * whose `{port}` is not a port is no match, and a sentence that matches
 * nothing says nothing.
 */
export function entriesOfMentions(texts: readonly MentionText[], patterns: readonly ItemPattern[], at: (offset: number) => Point): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const text of texts) {
    for (const sentence of text.source.split(sentenceBreak)) {
      for (const pattern of patterns) {
        const captures = pattern.match(sentence);
        const reading = captures?.port ? readPortCell(captures.port.text) : null;
        if (!captures || reading?.kind !== 'ports') continue;
        for (const span of reading.ports) {
          entries.push(
            sourceEntry({
              place: at(text.offset),
              port: span.start === span.end ? `${span.start}` : `${span.start}-${span.end}`,
              protocols: span.protocols.length > 0 ? span.protocols : captures.protocols ? [captures.protocols.text] : null,
              name: captures.name?.text ?? text.rowName ?? null,
              description: captures.description?.text ?? null,
              notes: [...(captures.notes ? [captures.notes.text] : []), ...span.notes, ...reading.notes],
            }),
          );
        }
        break;
      }
    }
  }
  return entries;
}

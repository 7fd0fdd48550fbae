/**
 * Two rows that are one range: `RTP port range start` 30000 and `RTP port
 * range end` 30100, or `min`/`max`, `from`/`to`, `first`/`last`, … Where the
 * manifest asks for it (`rangeRows`), rows whose names end in a start word
 * and the matching end word, and otherwise agree, become one range entry
 * named by what the two names share, with an info message naming both
 * lines. A start or end row without its pair stays a single port, with a
 * warning.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import type { SourceEntry } from '../../model/source-entry.js';

/** Start word to the end words that close it. */
const pairs: ReadonlyMap<string, readonly string[]> = new Map([
  ['start', ['end', 'stop']],
  ['begin', ['end']],
  ['min', ['max']],
  ['minimum', ['maximum']],
  ['from', ['to']],
  ['first', ['last']],
  ['lower', ['upper']],
  ['low', ['high']],
]);
const endWords = new Set([...pairs.values()].flat());

/** A name's last word (lower case) and what comes before it, punctuation around the word aside. */
function lastWord(name: string | null): { stem: string; word: string } | null {
  const match = /^(.*?)[\s_.(-]*([A-Za-z]+)[\s).:]*$/.exec(name ?? '');
  if (!match?.[2]) return null;
  return { stem: (match[1] ?? '').replace(/[\s_(-]+$/, ''), word: match[2].toLowerCase() };
}

const samePort = (entry: SourceEntry) => /^\d+$/.test(entry.port);
const sameProtocols = (a: SourceEntry, b: SourceEntry) => (a.protocols ?? []).join(',').toLowerCase() === (b.protocols ?? []).join(',').toLowerCase();

/** The entries with each start/end pair joined into one range entry, in the order they came. */
export function joinRangeRows(entries: readonly SourceEntry[], report: Reporter, where: (entry: SourceEntry) => Point = (entry) => entry.place): SourceEntry[] {
  const joined: SourceEntry[] = [];
  const used = new Set<number>();
  // End rows by stem and word, each list ascending, so finding a start's end is one step, not a scan.
  const endsByKey = new Map<string, { indices: number[]; next: number }>();
  entries.forEach((entry, index) => {
    const end = lastWord(entry.name);
    if (!end || !endWords.has(end.word) || !samePort(entry)) return;
    const key = `${end.stem.toLowerCase()}|${end.word}`;
    const found = endsByKey.get(key);
    if (found) found.indices.push(index);
    else endsByKey.set(key, { indices: [index], next: 0 });
  });
  const nextEnd = (start: { stem: string }, closers: readonly string[], index: number, entry: SourceEntry): number => {
    for (const word of closers) {
      const list = endsByKey.get(`${start.stem.toLowerCase()}|${word}`);
      if (!list) continue;
      while (list.next < list.indices.length && ((list.indices[list.next] ?? 0) <= index || used.has(list.indices[list.next] ?? 0))) list.next++;
      const candidate = list.indices[list.next];
      if (candidate !== undefined && sameProtocols(entry, entries[candidate] ?? entry)) return candidate;
    }
    return -1;
  };
  entries.forEach((entry, index) => {
    if (used.has(index)) return;
    const start = lastWord(entry.name);
    const closers = start ? pairs.get(start.word) : undefined;
    if (!start || !closers || !samePort(entry)) {
      if (start && endWords.has(start.word) && samePort(entry)) {
        report('range-unpaired', `Unexpected range end \`${entry.name}\` without its start row, expected a row named \`${start.stem} …\` before it; kept as port ${entry.port}`, where(entry));
      }
      joined.push(entry);
      return;
    }
    const endIndex = nextEnd(start, closers, index, entry);
    const end = entries[endIndex];
    if (!end) {
      report('range-unpaired', `Unexpected range start \`${entry.name}\` without its end row, expected a row named \`${start.stem} ${closers[0] ?? ''}\`; kept as port ${entry.port}`, where(entry));
      joined.push(entry);
      return;
    }
    used.add(endIndex);
    const [first, last] = [Number(entry.port), Number(end.port)].sort((a, b) => a - b);
    report('range-joined', `Rows \`${entry.name}\` (line ${where(entry).line}) and \`${end.name}\` (line ${where(end).line}) read as one range ${first}–${last}, named \`${start.stem}\``, where(entry));
    joined.push({
      ...entry,
      port: `${first}-${last}`,
      name: start.stem || null,
      description: entry.description ?? end.description,
      notes: [...new Set([...entry.notes, ...end.notes])],
    });
  });
  return joined;
}

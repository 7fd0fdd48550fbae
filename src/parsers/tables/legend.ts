/**
 * A legend is a bullet list of `Term: description` lines that explains the
 * rows of a table. Matching a term to a row name is deliberate, in two steps:
 *
 * 1. exact: the term's words, in order, are the row name's words
 *    ("PeSIT (PESITANY protocol)" is "PeSIT": a parenthetical in the term only qualifies it);
 * 2. otherwise containment: every word of the term is a word of the row name
 *    ("Copilot for Central Governance" is "Transfer CFT UI (Copilot) server for Central Governance").
 *
 * An exact match wins over containment, so "Central Governance" is never given
 * to "Central Governance SSL". A step that finds several names is ambiguous.
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import type { SourceEntry } from '../../model/source-entry.js';

export interface LegendEntry {
  /** The term before the colon, as written. */
  term: string;
  /** What the term's parenthetical said, e.g. `PESITANY protocol`, or null. */
  qualifier: string | null;
  description: string;
  place: Point;
}

export type LegendMatch =
  | { kind: 'exact' | 'contained'; entry: LegendEntry; name: string }
  | { kind: 'ambiguous'; entry: LegendEntry; candidates: string[] }
  | { kind: 'unmatched'; entry: LegendEntry };

const parenthetical = /\(([^()]*)\)/g;

/** Splits `Term (qualifier): description`; null when there is no `: `. */
export function splitLegendItem(text: string, place: Point): LegendEntry | null {
  const colon = text.indexOf(': ');
  if (colon <= 0) return null;
  const rawTerm = text.slice(0, colon);
  const qualifiers = [...rawTerm.matchAll(parenthetical)].map((match) => (match[1] ?? '').trim());
  return {
    term: rawTerm.replace(parenthetical, ' ').replace(/\s+/g, ' ').trim(),
    qualifier: qualifiers.filter(Boolean).join('; ') || null,
    description: text.slice(colon + 2).trim(),
    place,
  };
}

/** Lower-cased words of a name, punctuation and parentheses dropped. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_.]+/gu) ?? [];
}

/** Matches each legend entry to one of `names` (distinct row names). */
export function matchLegend(entries: readonly LegendEntry[], names: readonly string[]): LegendMatch[] {
  const candidates = [...new Set(names)].map((name) => ({ name, words: wordsOf(name) }));
  return entries.map((entry): LegendMatch => {
    const term = wordsOf(entry.term);
    const exact = candidates.filter((c) => c.words.join(' ') === term.join(' '));
    const found = exact.length > 0 ? exact : candidates.filter((c) => term.every((w) => c.words.includes(w)));
    const [only, ...others] = term.length > 0 ? found : [];
    if (only === undefined) return { kind: 'unmatched', entry };
    if (others.length > 0) return { kind: 'ambiguous', entry, candidates: found.map((c) => c.name) };
    return { kind: exact.length > 0 ? 'exact' : 'contained', entry, name: only.name };
  });
}

/** Gives each legend description to the entries of the row name it matches; reports the terms it cannot place. */
export function applyLegend(legend: readonly LegendEntry[], entries: SourceEntry[], report: Reporter): void {
  const names = entries.flatMap((entry) => (entry.name ? [entry.name] : []));
  for (const match of matchLegend(legend, names)) {
    const { entry } = match;
    if (match.kind === 'unmatched') {
      report('legend-unmatched', `Unexpected legend term \`${entry.term}\`, expected the name of a table row`, entry.place);
      continue;
    }
    if (match.kind === 'ambiguous') {
      const candidates = match.candidates.map((name) => `\`${name}\``).join(', ');
      report('legend-ambiguous', `Unexpected legend term \`${entry.term}\` matching several rows (${candidates}), expected one`, entry.place);
      continue;
    }
    entries.forEach((row, index) => {
      if (row.name !== match.name) return;
      entries[index] = {
        ...row,
        description: row.description ?? entry.description,
        notes: entry.qualifier ? [...row.notes, entry.qualifier] : row.notes,
      };
    });
  }
}

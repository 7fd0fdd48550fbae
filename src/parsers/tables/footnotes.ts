/**
 * Footnotes of a table: markers in its cells (`Web UI†`, `465<sup>3</sup>`,
 * `Admin¹`, `8 *`) and the notes the page writes for them under the table
 * (`† Only on Linux.`, `[3] Since 2018.`, a numbered list whose item 3 is
 * the note of `3`). A marker leaves the name and description; where the page
 * defines it, its text becomes a note of every record that carries it, and
 * otherwise the record keeps a note naming the marker (`footnote †`).
 */
import type { SourceEntry } from '../../model/source-entry.js';
import { cleanSpace } from '../../model/text.js';

/** Superscript digits as digits. */
const superscripts = new Map([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((digit, value) => [digit, String(value)]));

/**
 * Markers a name or description ends a word with: `*`, `†`, `‡` (repeated),
 * superscript digits, and ` [3]` (how a rendered `<sup>3</sup>` reads). A
 * marker follows a word (a letter, a digit, a closing bracket), so the `*` of
 * a path such as `/api/*` is text. Linear: each alternative is a bounded run.
 */
const markerInText = /(?<=[\p{L}\p{N})\]])\s?(?:([*†‡]{1,3})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\s?\[(\w{1,3})\]|\^(\w{1,3}))(?=$|[\s,.;:)])/gu;

/** A marker as one key: `3` for `³`, `[3]`, `^3` and `3`; symbols as written. */
export function markerKey(written: string): string {
  return [...written].map((character) => superscripts.get(character) ?? character).join('');
}

/** A character every marker holds: a text without one has no marker, and the marker search is skipped. */
const markerCharacter = /[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹[^]/;

/** Text without its footnote markers, and the markers it had. */
export function splitMarkers(text: string): { text: string; markers: string[] } {
  if (!markerCharacter.test(text)) return { text: cleanSpace(text), markers: [] };
  const markers: string[] = [];
  const stripped = text.replace(markerInText, (_match, symbols?: string, digits?: string, bracketed?: string, careted?: string) => {
    markers.push(markerKey(symbols ?? digits ?? bracketed ?? careted ?? ''));
    return '';
  });
  return { text: cleanSpace(stripped), markers };
}

/**
 * How a footnote's text opens: its marker, then the note (`† Only on Linux`,
 * `[3] Since 2018`, `¹ Optional`, `3. Since 2018`, and GFM's
 * `[^label]: Since 2018`).
 */
const definitionOpening = /^\s*(?:([*†‡]{1,3})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[(\w{1,3})\]|\^(\w{1,3})|\((\d{1,2})\)|(\d{1,2})[.)]|\[\^([\p{L}\p{N}_-]{1,64})\]:)\s+(\S[^]*)$/u;

/** A footnote the page defines: its marker and its text. */
export interface FootnoteDefinition {
  marker: string;
  text: string;
  /** A GFM definition (`[^label]: text`), which holds for the whole page, wherever it is written. */
  page?: boolean;
}

/** The footnote a rendered paragraph or list item defines, or null. `ordinal` is a numbered list item's number. */
export function definitionOf(text: string, ordinal: number | null): FootnoteDefinition | null {
  const match = definitionOpening.exec(text);
  if (match) {
    const marker = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[6] ?? match[7] ?? '';
    return { marker: markerKey(marker), text: cleanSpace(match[8] ?? ''), page: match[7] !== undefined };
  }
  return ordinal === null ? null : { marker: String(ordinal), text: cleanSpace(text) };
}

/** `footnote 3`: how the port-cell grammar notes a marker written with a port. */
const portFootnote = /^footnote (.+)$/;

/**
 * The entries with their markers resolved: names and descriptions without
 * markers; each marker (from those texts or from a port's `footnote X`
 * note) as the page's note for it when the page defines one, else as
 * `footnote X`.
 */
export function resolveFootnotes(entries: readonly SourceEntry[], definitions: ReadonlyMap<string, string>): SourceEntry[] {
  return entries.map((entry) => {
    const name = entry.name === null ? null : splitMarkers(entry.name);
    const description = entry.description === null ? null : splitMarkers(entry.description);
    const markers = [...(name?.markers ?? []), ...(description?.markers ?? [])];
    const notes: string[] = [];
    for (const note of entry.notes) {
      const marker = portFootnote.exec(note)?.[1];
      if (marker === undefined) notes.push(note);
      else markers.push(markerKey(marker));
    }
    for (const marker of new Set(markers)) notes.push(definitions.get(marker) ?? `footnote ${marker}`);
    if (markers.length === 0 && entry.name === (name?.text ?? null) && entry.description === (description?.text ?? null)) return entry;
    return { ...entry, name: name?.text || null, description: description?.text || null, notes };
  });
}

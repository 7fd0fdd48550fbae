/**
 * Whitespace cleanup shared by every parser: non-breaking and other Unicode
 * spaces become plain spaces, runs collapse to one, ends are trimmed.
 */

const spaceRun = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapses all whitespace, including non-breaking spaces, to single spaces and trims. */
export function cleanSpace(text: string): string {
  return text.replace(spaceRun, ' ').trim();
}

/** Like cleanSpace, but turns an empty result into null. */
export function cleanOrNull(text: string | null | undefined): string | null {
  if (text == null) return null;
  const cleaned = cleanSpace(text);
  return cleaned === '' ? null : cleaned;
}

/**
 * A note as list items: the CSV list separator `; ` may not stand inside a
 * note, so a text holding it becomes several notes. Empty parts are dropped.
 */
export function noteParts(text: string): string[] {
  return text.split('; ').map((part) => part.trim()).filter((part) => part !== '');
}

/** `1 note`, `2 notes`: a count with its noun, plural when it is not one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

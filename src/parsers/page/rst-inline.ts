/**
 * reStructuredText inline markup as plain text (docutils' `Inliner`): what a
 * heading, a list item pattern's text or a table cell shows once rendered.
 * ``literal``, **strong**, *emphasis*, `interpreted` and :role:`text` keep
 * their text; references (`text <url>`_, `text`_, name_, footnote and
 * citation references [1]_) keep their text without the `_`;
 * |substitutions| give the text their definition on the page gives, and
 * stay as written when it gives none (a Sphinx project may define them in
 * its configuration); backslash escapes are resolved.
 */
import { closesAt, isWordCharacter, nextFinder, opensAt } from './markup-lines.js';

/** What a substitution definition gives: its text, and whether it takes the whitespace on either side away (`:trim:`). */
export interface Substitution {
  text: string;
  trimLeft: boolean;
  trimRight: boolean;
}

/** A page's substitution definitions, by name (see substitutionKey). */
export type Substitutions = ReadonlyMap<string, Substitution>;

const noSubstitutions: Substitutions = new Map();

/** How a substitution name is looked up: docutils falls back to the name without case and with its spaces collapsed. */
export function substitutionKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Renders inline markup to plain text in one pass: each opener looks only at
 * the nearest closer, so the work stays linear whatever the text.
 */
export function renderRstInline(source: string, substitutions: Substitutions = noSubstitutions): string {
  const roles = roleStarts(source);
  const findLiteralEnd = nextFinder(source, '``');
  const findBacktick = nextFinder(source, '`');
  const findStrongEnd = nextFinder(source, '**');
  const findStar = nextFinder(source, '*');
  const findBar = nextFinder(source, '|');
  const out: string[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index] ?? '';
    if (character === '\\') {
      const escaped = source[index + 1];
      if (escaped !== undefined && escaped !== ' ' && escaped !== '\n') out.push(escaped);
      index += 2;
      continue;
    }
    const roleEnd = character === ':' ? roles.get(index) : undefined;
    const tick = roleEnd ?? (character === '`' ? index : -1);
    if (tick >= 0) {
      if (roleEnd === undefined && source.startsWith('``', tick)) {
        const close = opensAt(source, tick, 2) ? findLiteralEnd(tick + 2) : -1;
        if (close > tick + 2 && closesAt(source, close, 2)) {
          out.push(source.slice(tick + 2, close));
          index = close + 2;
        } else {
          out.push('``');
          index = tick + 2;
        }
        continue;
      }
      const close = opensAt(source, tick, 1) ? findBacktick(tick + 1) : -1;
      if (close > tick + 1 && source[close - 1] !== ' ') {
        out.push(unescape(referenceText(source.slice(tick + 1, close))));
        index = close + 1;
        if (source[index] === '_') index += source[index + 1] === '_' ? 2 : 1;
        else if (roleEnd === undefined && source[index] === ':') index = afterRole(source, index);
        continue;
      }
      out.push(source.slice(index, tick + 1));
      index = tick + 1;
      continue;
    }
    if (character === '*') {
      const strong = source[index + 1] === '*';
      const width = strong ? 2 : 1;
      const close = opensAt(source, index, width) ? (strong ? findStrongEnd : findStar)(index + width) : -1;
      if (close > index + width && closesAt(source, close, width)) {
        out.push(unescape(source.slice(index + width, close)));
        index = close + width;
      } else {
        out.push(strong ? '**' : '*');
        index += width;
      }
      continue;
    }
    if (character === '|') {
      const reference = substitutionAt(source, index, findBar);
      if (!reference) {
        out.push('|');
        index += 1;
        continue;
      }
      const found = substitutions.get(substitutionKey(reference.name));
      index = reference.end;
      if (!found) {
        out.push(`|${reference.name}|`);
        continue;
      }
      if (found.trimLeft) trimEnd(out);
      out.push(found.text);
      if (found.trimRight) while (source[index] === ' ') index += 1;
      continue;
    }
    if (character === '_' && endsReference(source, index)) {
      index += source[index + 1] === '_' ? 2 : 1;
      continue;
    }
    out.push(character);
    index += 1;
  }
  return out.join('');
}

/** A character of a simple reference name, a role or a directive name: an ASCII letter, a digit or `_`. */
export function isNameCharacter(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** An ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A substitution reference `|name|` (or `|name|_`, `|name|__`, a reference
 * too) opening at `index`: its name and the index after it, or null.
 */
function substitutionAt(source: string, index: number, findBar: (from: number) => number): { name: string; end: number } | null {
  if (!opensAt(source, index, 1)) return null;
  const close = findBar(index + 1);
  if (close < 0 || source[close - 1] === ' ') return null;
  let end = close + 1;
  if (source[end] === '_') end += source[end + 1] === '_' ? 2 : 1;
  if (isWordCharacter(source.charCodeAt(end))) return null;
  return { name: source.slice(index + 1, close), end };
}

/** Drops the spaces at the end of what is written so far: a `:trim:` substitution takes them away. */
function trimEnd(out: string[]): void {
  // Each call pays only for the spaces it removes, so a run of trimming references stays linear.
  for (let last = out.pop(); last !== undefined; last = out.pop()) {
    let end = last.length;
    while (end > 0 && last.charCodeAt(end - 1) === 32) end -= 1;
    if (end > 0) {
      out.push(end === last.length ? last : last.slice(0, end));
      return;
    }
  }
}

/** For each backtick preceded by `:role:`, where the role starts → where the backtick is. */
function roleStarts(source: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (let tick = source.indexOf('`'); tick >= 0; tick = source.indexOf('`', tick + 1)) {
    if (source[tick - 1] !== ':') continue;
    let start = tick - 1;
    while (start > 0 && isRoleCharacter(source.charCodeAt(start - 1))) start -= 1;
    if (source[start] === ':' && tick - start >= 3 && !isWordCharacter(source.charCodeAt(start - 1))) starts.set(start, tick);
  }
  return starts;
}

/** The index after a `:role:` suffix at `index`, or `index` when there is none. */
function afterRole(source: string, index: number): number {
  let end = index + 1;
  while (end < source.length && isRoleCharacter(source.charCodeAt(end)) && source[end] !== ':') end += 1;
  return source[end] === ':' && end > index + 1 ? end + 1 : index;
}

function isRoleCharacter(code: number): boolean {
  return isNameCharacter(code) || code === 45 || code === 46 || code === 43 || code === 58;
}

/** The `_` or `__` closing a reference such as `name_` or `[1]_` (`|sub|_` is read with its substitution). */
function endsReference(source: string, index: number): boolean {
  const before = source.charCodeAt(index - 1);
  if (!(isWordCharacter(before) || before === 93) /* ] */) return false;
  const width = source[index + 1] === '_' ? 2 : 1;
  return !isWordCharacter(source.charCodeAt(index + width)) && source[index + width] !== '_';
}

/** `text <url>` → `text`; `<url>` alone → `url`. */
function referenceText(inner: string): string {
  if (!inner.endsWith('>')) return inner;
  const open = inner.lastIndexOf('<');
  if (open < 0 || (open > 0 && inner[open - 1] !== ' ')) return inner;
  const text = inner.slice(0, open).trim();
  return text === '' ? inner.slice(open + 1, -1) : text;
}

function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  const out: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    if (character === '\\') {
      const escaped = text[index + 1];
      if (escaped !== undefined && escaped !== ' ') out.push(escaped);
      index += 1;
    } else out.push(character);
  }
  return out.join('');
}

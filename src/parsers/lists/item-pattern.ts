/**
 * Item patterns from the manifest, such as ``Port `{port}` {protocols} for {name}``,
 * compiled to an anchored matcher that runs in linear time: no regex, no
 * backtracking. Literal text must match exactly (a run of spaces matches one
 * or more whitespace characters, case is ignored); each placeholder ends at the first
 * occurrence of the literal text after it; `[…]` marks an optional part,
 * tried first and skipped when it does not match.
 */

/** Fields a placeholder can fill; `_` is text to skip. */
export const placeholderNames = ['port', 'protocols', 'name', 'description', 'notes', 'configKey', 'direction', '_'] as const;
export type Placeholder = (typeof placeholderNames)[number];

type Part = { kind: 'literal'; text: string } | { kind: 'slot'; name: Placeholder } | { kind: 'optional'; parts: Part[] };

export interface Capture {
  text: string;
  /** Offset of the capture in the matched text. */
  offset: number;
}

export type Captures = Partial<Record<Placeholder, Capture>>;

export interface ItemPattern {
  source: string;
  /** Whether the pattern's own text names code or emphasis marks (`` ` ``, `*`, `_`), so it matches text that keeps them. */
  usesMarks: boolean;
  /** The captures of `text` when the whole text matches, else null. */
  match(text: string): Captures | null;
}

/** Compiles a pattern; throws an Error whose message says what is wrong (the manifest loader reports it). */
export function compileItemPattern(source: string): ItemPattern {
  const parts = parse(source);
  return { source, usesMarks: literalsOf(parts).some((literal) => /[`*_]/.test(literal)), match: (text) => matchParts(parts, text.trim(), 0, true)?.captures ?? null };
}

function literalsOf(parts: readonly Part[]): string[] {
  return parts.flatMap((part) => (part.kind === 'literal' ? [part.text] : part.kind === 'optional' ? literalsOf(part.parts) : []));
}

function parse(source: string): Part[] {
  const stack: Part[][] = [[]];
  let literal = '';
  const top = () => stack[stack.length - 1] as Part[];
  const flush = () => {
    if (literal !== '') top().push({ kind: 'literal', text: literal });
    literal = '';
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index] ?? '';
    if (char === '\\' && index + 1 < source.length) {
      literal += source[index + 1];
      index += 1;
    } else if (char === '{') {
      const close = source.indexOf('}', index);
      const name = source.slice(index + 1, close);
      if (close < 0 || !(placeholderNames as readonly string[]).includes(name)) {
        throw new Error(`Unexpected \`${source.slice(index, close < 0 ? undefined : close + 1)}\` in item pattern, expected one of ${placeholderNames.map((n) => `{${n}}`).join(', ')}`);
      }
      flush();
      const previous = top().at(-1);
      if (previous?.kind === 'slot') throw new Error(`Unexpected \`{${name}}\` right after \`{${previous.name}}\` in item pattern, expected text between them`);
      top().push({ kind: 'slot', name: name as Placeholder });
      index = close;
    } else if (char === '[') {
      flush();
      stack.push([]);
    } else if (char === ']' && stack.length > 1) {
      flush();
      const parts = stack.pop() as Part[];
      top().push({ kind: 'optional', parts });
    } else literal += char;
  }
  flush();
  if (stack.length > 1) throw new Error('Unexpected end of item pattern inside `[`, expected `]`');
  return stack[0] as Part[];
}

interface Matched {
  end: number;
  captures: Captures;
}

/**
 * Matches `parts` at `from`. A slot takes the text up to the first place the
 * next literal matches (or everything, when it ends the pattern). `whole`
 * says the match must reach the end of `text`.
 */
function matchParts(parts: readonly Part[], text: string, from: number, whole: boolean): Matched | null {
  let position = from;
  const captures: Captures = {};
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as Part;
    if (part.kind === 'literal') {
      const end = literalAt(part.text, text, position);
      if (end < 0) return null;
      position = end;
    } else if (part.kind === 'optional') {
      const rest = parts.slice(index + 1);
      const tried = matchParts(part.parts, text, position, false);
      if (tried && (rest.length > 0 || !whole || tried.end === text.length)) {
        Object.assign(captures, tried.captures);
        position = tried.end;
      }
    } else {
      const next = parts[index + 1];
      const end = next === undefined ? (whole ? text.length : position) : slotEnd(next, text, position);
      if (end < 0) return null;
      const raw = text.slice(position, end);
      const trimmed = raw.trim();
      if (trimmed === '') return null;
      // A name is no sentence: the period that ends the item's prose is not part of it.
      const value = part.name === 'name' ? trimmed.replace(/\.$/, '') : trimmed;
      if (part.name !== '_') captures[part.name] = { text: value, offset: position + raw.indexOf(trimmed) };
      position = end;
    }
  }
  if (whole && text.slice(position).trim() !== '') return null;
  return { end: position, captures };
}

/** Where the slot before `next` ends: where `next`'s first literal text first matches. */
function slotEnd(next: Part, text: string, from: number): number {
  const literal = firstLiteral(next);
  if (literal === null) return text.length;
  const anchor = literal.trim()[0];
  if (anchor === undefined) {
    // Only spaces follow the slot: it ends at the next whitespace.
    for (let at = from + 1; at < text.length; at++) if (/\s/.test(text[at] ?? '')) return at;
    return next.kind === 'optional' ? text.length : -1;
  }
  for (let at = text.indexOf(anchor, from + 1); at >= 0; at = text.indexOf(anchor, at + 1)) {
    const start = literal.startsWith(' ') ? backOverSpace(text, at) : at;
    if (start > from && literalAt(literal, text, start) >= 0) return start;
  }
  return next.kind === 'optional' ? text.length : -1;
}

function firstLiteral(part: Part): string | null {
  if (part.kind === 'literal') return part.text;
  if (part.kind === 'optional') return part.parts[0] ? firstLiteral(part.parts[0]) : null;
  return null;
}

function backOverSpace(text: string, at: number): number {
  let start = at;
  while (start > 0 && /\s/.test(text[start - 1] ?? '')) start -= 1;
  return start;
}

/**
 * Matches literal pattern text at `at`: a run of spaces matches one or more
 * whitespace characters (none only at the start or the end of the text, which
 * is trimmed), letters ignore case. Returns the end, or -1.
 */
function literalAt(literal: string, text: string, at: number): number {
  let position = at;
  for (let index = 0; index < literal.length; index++) {
    const char = literal[index] ?? '';
    if (char === ' ') {
      const before = position;
      while (position < text.length && /\s/.test(text[position] ?? '')) position += 1;
      if (position === before && position > 0 && position < text.length) return -1;
      while (literal[index + 1] === ' ') index += 1;
      continue;
    }
    if ((text[position] ?? '').toLowerCase() !== char.toLowerCase()) return -1;
    position += 1;
  }
  return position;
}

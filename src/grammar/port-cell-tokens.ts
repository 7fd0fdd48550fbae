/**
 * The tokenizer of the port-cell grammar (port-cell.ts): it turns a cell, or
 * the inside of a pair of parentheses, into numbers, words, punctuation,
 * parentheticals, footnotes and comparisons, and stops at the first character
 * it cannot place.
 */
import { cleanSpace } from '../model/text.js';
import { groupedNumberEnd, portNumberValue } from './port-number.js';

/** Junk first: a code read from a slot no token was stored in (0) is junk, never a port. */
const tokenKinds = [
  'junk',
  'number',
  'word',
  'dash',
  'comma',
  'semicolon',
  'plus',
  'amp',
  'slash',
  'colon',
  'comparison',
  'parenthetical',
  'footnote',
] as const;
export type TokenKind = (typeof tokenKinds)[number];
const tokenKindCodes = new Map<TokenKind, number>(tokenKinds.map((kind, code) => [kind, code]));

/**
 * A view of one token: a place in the cell and what kind of thing stands
 * there. Views are made on access and dropped at once; text and value are
 * sliced only when a rule asks.
 */
export class Token {
  constructor(
    private readonly source: string,
    readonly kind: TokenKind,
    readonly offset: number,
    /** Offset just after the token. */
    readonly end: number,
    /** Whitespace stands right before it: `443/tcp` is glued, `80 TCP` is not. */
    readonly spaced: boolean,
    /** For junk that says itself what was missing (an unclosed `(`); otherwise the position decides. */
    readonly expected?: string,
  ) {}

  /** As written. */
  get text(): string {
    return this.source.slice(this.offset, this.end);
  }

  /** A word in lower case, a parenthetical's cleaned content, a footnote's marker, else the text. */
  get value(): string {
    if (this.kind === 'word') return this.text.toLowerCase();
    if (this.kind === 'parenthetical') return cleanSpace(this.source.slice(this.offset + 1, this.end - 1));
    if (this.kind === 'footnote') return footnoteMarker(this.text);
    return this.text;
  }

  /** A number's value, thousands separators left out (`20,000` gives 20000). */
  get number(): number {
    return portNumberValue(this.text);
  }
}

/**
 * The tokens of a cell, stored in typed arrays rather than as objects: a long
 * hostile cell then leaves the garbage collector little to copy, which keeps
 * the reading time proportional to the cell's length.
 */
export class TokenList {
  readonly #source: string;
  #kinds = new Uint8Array(initialTokenCapacity);
  #offsets = new Int32Array(initialTokenCapacity);
  #ends = new Int32Array(initialTokenCapacity);
  #spaced = new Uint8Array(initialTokenCapacity);
  /** Only the last token can be junk, since tokenizing stops there; this is what it expected. */
  #expected: string | undefined;
  length = 0;

  constructor(source: string) {
    this.#source = source;
  }

  push(token: Token): void {
    if (this.length === this.#kinds.length) this.#grow();
    this.#kinds[this.length] = tokenKindCodes.get(token.kind) ?? 0;
    this.#offsets[this.length] = token.offset;
    this.#ends[this.length] = token.end;
    this.#spaced[this.length] = token.spaced ? 1 : 0;
    this.#expected = token.expected;
    this.length++;
  }

  /** Doubling keeps pushes linear overall, and a cell that stops early allocates little. */
  #grow(): void {
    const capacity = this.#kinds.length * 2;
    const kinds = new Uint8Array(capacity);
    const offsets = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const spaced = new Uint8Array(capacity);
    kinds.set(this.#kinds);
    offsets.set(this.#offsets);
    ends.set(this.#ends);
    spaced.set(this.#spaced);
    this.#kinds = kinds;
    this.#offsets = offsets;
    this.#ends = ends;
    this.#spaced = spaced;
  }

  /** The token at index, counting from the end when negative, or undefined. */
  at(index: number): Token | undefined {
    const at = index < 0 ? this.length + index : index;
    if (at < 0 || at >= this.length) return undefined;
    const kind = tokenKinds[this.#kinds[at] ?? 0] ?? 'junk';
    const expected = at === this.length - 1 ? this.#expected : undefined;
    return new Token(this.#source, kind, this.#offsets[at] ?? 0, this.#ends[at] ?? 0, this.#spaced[at] === 1, expected);
  }

  /** The kind at index without making a view, for scans: junk past either end, since no token was stored there. */
  kindAt(index: number): TokenKind | undefined {
    return tokenKinds[this.#kinds[index] ?? 0];
  }
}

const initialTokenCapacity = 16;
const maxPortDigits = 10;
const dashes = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);
const footnoteMarks = new Set(['*', '†', '‡']);
const superscriptDigits = new Map([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((digit, value) => [digit, String(value)]));
const punctuation: ReadonlyMap<string, TokenKind> = new Map([
  [',', 'comma'],
  [';', 'semicolon'],
  ['+', 'plus'],
  ['&', 'amp'],
  ['/', 'slash'],
  [':', 'colon'],
  ['≥', 'comparison'],
]);
/** Footnote markers like `^3` or `[iv]` are short; a longer run is prose, not a marker. */
const maxFootnoteLength = 3;
/** A GFM footnote label (`[^Consul-notes]`) names its note, so it may be a few words long. */
const maxFootnoteLabelLength = 64;
const isFootnoteLabelCharacter = (character: string) => isDigit(character) || isLetter(character) || character === '-' || character === '_';
const space = /^\s$/u;
const letter = /^[\p{L}\p{M}]$/u;

const isDigit = (character: string): boolean => character >= '0' && character <= '9';
const isLetter = (character: string): boolean => letter.test(character);

/** `[3]` and `^3` give `3`, `³` gives `3`, `*` stays `*`. */
function footnoteMarker(written: string): string {
  if (written.startsWith('[^')) return written.slice(2, -1);
  if (written.startsWith('[')) return written.slice(1, -1);
  if (written.startsWith('^')) return written.slice(1);
  return [...written].map((character) => superscriptDigits.get(character) ?? character).join('');
}

/**
 * Tokens of text[from, to). Stops after the first junk token, which no rule can
 * step over: an unclosed `(` scans to the end once, and stopping there keeps
 * the next `(` from scanning again.
 */
export function tokenize(text: string, from: number, to: number): TokenList {
  const tokens = new TokenList(text);
  let index = from;
  let spaced = false;
  while (index < to) {
    if (space.test(text.charAt(index))) {
      spaced = true;
      index++;
      continue;
    }
    const token = readToken(text, index, to, spaced);
    tokens.push(token);
    if (token.kind === 'junk') break;
    index = token.end;
    spaced = false;
  }
  return tokens;
}

type MakeToken = (kind: TokenKind, end: number, expected?: string) => Token;

function readToken(text: string, offset: number, to: number, spaced: boolean): Token {
  const character = text.charAt(offset);
  const make: MakeToken = (kind, end, expected) => new Token(text, kind, offset, end, spaced, expected);

  if (isDigit(character) || isLetter(character)) return readAlphanumeric(text, offset, to, make);
  if (dashes.has(character)) return make('dash', offset + 1);
  // `>=` is one comparison, so `>= 1024` reads like `≥ 1024`.
  if (character === '>') return make('comparison', offset + 1 < to && text.charAt(offset + 1) === '=' ? offset + 2 : offset + 1);
  const kind = punctuation.get(character);
  if (kind !== undefined) return make(kind, offset + 1);
  if (character === '(') {
    const closer = closingParenthesis(text, offset, to);
    return closer < 0 ? make('junk', offset + 1, 'a closing `)`') : make('parenthetical', closer + 1);
  }
  if (character === ')') return make('junk', offset + 1, 'an opening `(` before it');
  if (footnoteMarks.has(character)) {
    let end = offset + 1;
    while (end < to && text.charAt(end) === character) end++;
    return make('footnote', end);
  }
  if (superscriptDigits.has(character)) {
    let end = offset + 1;
    while (end < to && superscriptDigits.has(text.charAt(end))) end++;
    return make('footnote', end);
  }
  if (character === '^' || character === '[') return readMarkedFootnote(text, offset, to, make);
  const codePoint = text.codePointAt(offset) ?? 0;
  return make('junk', offset + (codePoint > 0xffff ? 2 : 1));
}

/** The offset of the `)` closing the `(` at offset, or -1; nested pairs are skipped whole. */
function closingParenthesis(text: string, offset: number, to: number): number {
  let depth = 0;
  for (let index = offset; index < to; index++) {
    const character = text.charAt(index);
    if (character === '(') depth++;
    else if (character === ')') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * A run of letters and digits: a number (with its thousands group, `20,000`),
 * a word, or junk when it mixes them (`80abc`).
 */
function readAlphanumeric(text: string, offset: number, to: number, make: MakeToken): Token {
  let end = offset;
  let digits = 0;
  let lettered = false;
  for (; end < to; end++) {
    const character = text.charAt(end);
    if (isDigit(character)) digits++;
    else if (isLetter(character)) lettered = true;
    else break;
  }
  if (!lettered) {
    if (digits > maxPortDigits) return make('junk', end, `a port of at most ${maxPortDigits} digits`);
    return make('number', groupedNumberEnd(text, offset, end, isLetter));
  }
  return make(digits === 0 ? 'word' : 'junk', end);
}

/**
 * `^3` and `[3]`: a short run of letters or digits behind a marker; and a GFM
 * footnote reference, `[^label]`, whose label may be longer and hold `-`/`_`.
 */
function readMarkedFootnote(text: string, offset: number, to: number, make: MakeToken): Token {
  const bracketed = text.charAt(offset) === '[';
  if (bracketed && text.charAt(offset + 1) === '^') {
    let end = offset + 2;
    while (end < to && end - offset - 2 < maxFootnoteLabelLength && isFootnoteLabelCharacter(text.charAt(end))) end++;
    if (end === offset + 2 || end >= to || text.charAt(end) !== ']') return make('junk', offset + 1, 'a footnote like `[3]` or `[^label]`');
    return make('footnote', end + 1);
  }
  let end = offset + 1;
  while (end < to && end - offset - 1 < maxFootnoteLength && (isDigit(text.charAt(end)) || isLetter(text.charAt(end)))) end++;
  const expected = `a footnote like ${bracketed ? '`[3]`' : '`^3`'}`;
  if (end === offset + 1) return make('junk', offset + 1, expected);
  if (!bracketed) return make('footnote', end);
  if (end >= to || text.charAt(end) !== ']') return make('junk', offset + 1, expected);
  return make('footnote', end + 1);
}

/**
 * Port cells as sources write them: `80`, `225-229`, `1024 – 65535`,
 * `1645,1646,1812, and 1813`, `443/tcp`, `TCP 80`, `80 (HTTP), 443 (HTTPS)`,
 * `135 + Dynamic: 1024 -65535`, `disabled (8501)`, `0, 8 *`.
 *
 * One grammar for every format. A small tokenizer turns the cell into tokens,
 * then one named rule per layout reads them:
 *   noPort             `''`, `N/A`, `-`, `none`, optionally with `(notes)`
 *   wordsAroundPorts   `disabled (8501)`, `TCP (80, 443)`
 *   portList           items and separators, where an item is
 *     label            `Dynamic:` or `TCP:` before the spans it applies to
 *     protocolGroup    `TCP`, `TCP/UDP`, `TCP & UDP`, `TCP only`
 *     range            `80`, `N-M` with any dash and spacing, `N to M`, `N through M`
 *     slashProtocols   `443/tcp`, `53/tcp/udp` (glued)
 *     qualifiers       `(HTTP)`, footnotes `*` `†` `‡` `^3` `[3]` `³`
 *     separator        `,` `;` `and` `or` `+` `&`, whitespace, `, and`
 *
 * The grammar is pure: it returns what it could not read, with an offset, and
 * callers report it. Each rule reads on from where the last one stopped, and
 * the tokenizer stops at the first character it cannot place, so a hostile
 * cell costs time in proportion to its length.
 */
import { highestPort } from '../model/record.js';
import { cleanSpace } from '../model/text.js';
import { isFillerWord, protocolOf } from './protocol-words.js';

export type PortRangeResult =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: string; ruleId: 'port-range' };

/**
 * The one definition of a port or range as a regex source (`80`, `225-229`),
 * with no groups so callers can wrap it. Readers build their patterns from it
 * instead of keeping their own copy.
 */
export const portPattern = '\\d{1,10}(?:-\\d{1,10})?';

const rangePattern = /^(\d{1,10})(?:\s*[-–]\s*(\d{1,10}))?$/;

/** Parses a port or an inclusive range; says what is wrong otherwise. */
export function parsePortRange(text: string): PortRangeResult {
  const written = text.trim();
  const match = rangePattern.exec(written);
  if (!match) return rangeFailure(`Unexpected port \`${abbreviate(written)}\`, expected a number or a range like \`225-229\``);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return checkBounds(start, end, written);
}

/** Checks a span read by readPortCell against the port bounds, with parsePortRange's messages. */
export function checkPortSpan(span: Pick<PortSpan, 'start' | 'end' | 'written'>): PortRangeResult {
  return checkBounds(span.start, span.end, span.written);
}

function checkBounds(start: number, end: number, written: string): PortRangeResult {
  for (const port of [start, end]) {
    if (port > highestPort) return rangeFailure(`Unexpected port ${port}, expected 0–${highestPort}`);
  }
  if (start > end) return rangeFailure(`Unexpected range \`${written}\`, expected the first port not to exceed the last`);
  return { ok: true, start, end };
}

function rangeFailure(reason: string): PortRangeResult {
  return { ok: false, reason, ruleId: 'port-range' };
}

/** Keeps messages readable when a source line is huge. */
export function abbreviate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const portSlashProtocolPattern = new RegExp(`^(${portPattern})/([A-Za-z]+)$`);

/** Reads a registry key that is exactly `N/word` or `N-M/word`, both parts as written; null otherwise. */
export function readPortSlashProtocol(text: string): { port: string; protocol: string } | null {
  const match = portSlashProtocolPattern.exec(text);
  const port = match?.[1];
  const protocol = match?.[2];
  return port === undefined || protocol === undefined ? null : { port, protocol };
}

/** One port or range of a cell, with what the cell says about it alone. */
export interface PortSpan {
  /** First port as written; not range-checked (see checkPortSpan). */
  start: number;
  /** Last port; equal to start for a single port. */
  end: number;
  /** The span's text as written, glued protocols included: `1024 -65535`, `443/tcp`, `TCP/443`. */
  written: string;
  /** Offset of the span's first character in the cell text. */
  offset: number;
  /** Protocol words written with this port, as written: `443/tcp` → `tcp`, `TCP 80` → `TCP`. */
  protocols: string[];
  /** Qualifiers of this port: its label, parentheticals and footnotes (`footnote *`). */
  notes: string[];
}

/** What a port cell says: ports, explicitly no port, or where reading stopped. */
export type PortCellReading =
  | { kind: 'ports'; ports: PortSpan[]; protocols: string[]; notes: string[] }
  | { kind: 'none'; notes: string[] }
  | { kind: 'unreadable'; reason: string; offset: number };

/** Reads the plain text of a port cell into spans, protocols and notes; never guesses. */
export function readPortCell(text: string): PortCellReading {
  const tokens = tokenize(text, 0, text.length);
  return readNoPort(text, tokens) ?? readWordsAroundPorts(text, tokens) ?? readPortList(text, tokens);
}

// ---------------------------------------------------------------------------
// Tokens

const tokenKinds = [
  'number',
  'word',
  'dash',
  'comma',
  'semicolon',
  'plus',
  'amp',
  'slash',
  'colon',
  'parenthetical',
  'footnote',
  'junk',
] as const;
type TokenKind = (typeof tokenKinds)[number];
const tokenKindCodes = new Map<TokenKind, number>(tokenKinds.map((kind, code) => [kind, code]));

/**
 * A view of one token: a place in the cell and what kind of thing stands
 * there. Views are made on access and dropped at once; text and value are
 * sliced only when a rule asks.
 */
class Token {
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
}

/**
 * The tokens of a cell, stored in typed arrays rather than as objects: a long
 * hostile cell then leaves the garbage collector little to copy, which keeps
 * the reading time proportional to the cell's length.
 */
class TokenList {
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

  /** The kind at index without making a view, for scans. */
  kindAt(index: number): TokenKind | undefined {
    return index >= 0 && index < this.length ? tokenKinds[this.#kinds[index] ?? 0] : undefined;
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
]);
/** Footnote markers like `^3` or `[iv]` are short; a longer run is prose, not a marker. */
const maxFootnoteLength = 3;
const space = /^\s$/u;
const letter = /^[\p{L}\p{M}]$/u;

const isDigit = (character: string): boolean => character >= '0' && character <= '9';
const isLetter = (character: string): boolean => letter.test(character);

/** `[3]` and `^3` give `3`, `³` gives `3`, `*` stays `*`. */
function footnoteMarker(written: string): string {
  if (written.startsWith('[')) return written.slice(1, -1);
  if (written.startsWith('^')) return written.slice(1);
  return [...written].map((character) => superscriptDigits.get(character) ?? character).join('');
}

/**
 * Tokens of text[from, to). Stops after the first junk token, which no rule can
 * step over: an unclosed `(` scans to the end once, and stopping there keeps
 * the next `(` from scanning again.
 */
function tokenize(text: string, from: number, to: number): TokenList {
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

/** A run of letters and digits: a number, a word, or junk when it mixes them (`80abc`). */
function readAlphanumeric(text: string, offset: number, to: number, make: MakeToken): Token {
  let end = offset;
  let digits = 0;
  let letters = 0;
  for (; end < to; end++) {
    const character = text.charAt(end);
    if (isDigit(character)) digits++;
    else if (isLetter(character)) letters++;
    else break;
  }
  if (letters === 0) {
    return digits > maxPortDigits ? make('junk', end, `a port of at most ${maxPortDigits} digits`) : make('number', end);
  }
  return make(digits === 0 ? 'word' : 'junk', end);
}

/** `^3` and `[3]`: a short run of letters or digits behind a marker. */
function readMarkedFootnote(text: string, offset: number, to: number, make: MakeToken): Token {
  const bracketed = text.charAt(offset) === '[';
  let end = offset + 1;
  while (end < to && end - offset - 1 < maxFootnoteLength && (isDigit(text.charAt(end)) || isLetter(text.charAt(end)))) end++;
  const expected = `a footnote like ${bracketed ? '`[3]`' : '`^3`'}`;
  if (end === offset + 1) return make('junk', offset + 1, expected);
  if (!bracketed) return make('footnote', end);
  if (end >= to || text.charAt(end) !== ']') return make('junk', offset + 1, expected);
  return make('footnote', end + 1);
}

// ---------------------------------------------------------------------------
// Rules

const noPortWords = new Set(['', 'n/a', '-', '–', '—', 'none']);

/** Rule noPort: the cell says there is no port (`N/A`, `—`, `none (retired)`). */
function readNoPort(text: string, tokens: TokenList): PortCellReading | null {
  let first = tokens.length;
  while (first > 0 && tokens.kindAt(first - 1) === 'parenthetical') first--;
  const said = cleanSpace(text.slice(0, tokens.at(first)?.offset ?? text.length));
  // A cell of nothing but parentheses names no port and no absence either.
  if (said === '' && first < tokens.length) return null;
  if (!noPortWords.has(said.toLowerCase())) return null;
  const notes: string[] = [];
  for (let index = first; index < tokens.length; index++) {
    const note = tokens.at(index)?.value ?? '';
    if (note === '') return null;
    notes.push(note);
  }
  return { kind: 'none', notes };
}

const wordsPrefixKinds = new Set<TokenKind | undefined>(['word', 'comma', 'slash', 'amp', 'plus', 'dash']);

/**
 * Rule wordsAroundPorts: `disabled (8501)`. Words without digits, then the
 * ports in parentheses closing the cell; the words apply to every port. The
 * inner text is read by portList alone, so nesting cannot recurse.
 */
function readWordsAroundPorts(text: string, tokens: TokenList): PortCellReading | null {
  const ports = tokens.at(-1);
  const firstWord = tokens.at(0);
  if (ports?.kind !== 'parenthetical' || firstWord?.kind !== 'word') return null;
  const words: Token[] = [];
  for (let index = 0; index < tokens.length - 1; index++) {
    if (!wordsPrefixKinds.has(tokens.kindAt(index))) return null;
    const token = tokens.at(index);
    if (token?.kind === 'word') words.push(token);
  }
  const innerTokens = tokenize(text, ports.offset + 1, ports.end - 1);
  if (innerTokens.length === 0) return null;
  const inner = readPortList(text, innerTokens);
  if (inner.kind !== 'ports') return null;
  if (isProtocolPhrase(words)) {
    const protocols = words.filter(isProtocolWord).map((token) => token.text);
    return { ...inner, protocols: [...protocols, ...inner.protocols] };
  }
  const note = cleanSpace(text.slice(firstWord.offset, ports.offset));
  return { ...inner, notes: [note, ...inner.notes] };
}

interface Stuck {
  kind: 'stuck';
  written: string;
  offset: number;
  expected: string;
}

const stuckAt = (token: Token, expected: string): Stuck => ({ kind: 'stuck', written: token.text, offset: token.offset, expected });
const stuckAtEnd = (state: ListState): Stuck => ({ kind: 'stuck', written: '', offset: state.text.length, expected: 'a port' });

function unreadable(stuck: Stuck): PortCellReading {
  return {
    kind: 'unreadable',
    reason: `Unexpected \`${abbreviate(stuck.written)}\` in a port cell, expected ${stuck.expected}`,
    offset: stuck.offset,
  };
}

const expectPort = 'a port, a range or a list of ports';
const expectSeparator = 'a separator between ports (`,`, `;`, `and`, `or`, `+`, `&` or a space)';

interface ListState {
  readonly text: string;
  readonly tokens: TokenList;
  index: number;
  /**
   * Which port a protocol word belongs to: decided by the first item. A cell
   * that opens with one (`TCP 80, UDP 53`) writes it before its port; any other
   * (`80 TCP, 53 UDP`) after.
   */
  mode: 'before-port' | 'after-port' | undefined;
  /** The latest label, applied to every span after it. */
  label: { notes: string[]; protocols: string[] };
  /** Parentheticals written right after the current span. */
  parentheticals: number;
  /** Token index of the current span's last parenthetical, or -1. */
  lastParenthetical: number;
}

/** Rule portList: items joined by separators, each item a span with what belongs to it. */
function readPortList(text: string, tokens: TokenList): PortCellReading {
  const state: ListState = {
    text,
    tokens,
    index: 0,
    mode: undefined,
    label: { notes: [], protocols: [] },
    parentheticals: 0,
    lastParenthetical: -1,
  };
  const spans: PortSpan[] = [];
  /** Spans before the current one without a parenthetical of their own. */
  let bareSpans = 0;
  for (;;) {
    const label = readLabel(state);
    if (label) return unreadable(label);
    const span = readSpanItem(state);
    if ('kind' in span) return unreadable(span);
    state.parentheticals = 0;
    state.lastParenthetical = -1;
    const qualifiers = readQualifiers(state, span);
    if (qualifiers) return unreadable(qualifiers);
    spans.push(span);
    if (state.index >= tokens.length) break;
    if (state.parentheticals === 0) bareSpans++;
    const separator = readSeparator(state);
    if (separator) return unreadable(separator);
  }
  return { kind: 'ports', ports: spans, protocols: [], notes: cellNotes(state, spans, bareSpans) };
}

/**
 * A parenthetical closing the cell qualifies the whole cell (`80 or 443 (by
 * default)`), unless every span has a parenthetical of its own (`80 (HTTP),
 * 443 (HTTPS)`), when it is the last span's like the others. Moves it there.
 */
function cellNotes(state: ListState, spans: readonly PortSpan[], bareSpans: number): string[] {
  const last = spans.at(-1);
  if (!last || state.lastParenthetical !== state.tokens.length - 1 || bareSpans === 0) return [];
  const note = last.notes.pop();
  return note === undefined ? [] : [note];
}

/** Rule label: `Dynamic:`, `Non-secure:`, `TCP:`; applies to the spans after it. */
function readLabel(state: ListState): Stuck | undefined {
  const { tokens, text } = state;
  let index = state.index;
  while (tokens.kindAt(index) === 'word' || (isGluedDash(tokens, index) && index > state.index && tokens.kindAt(index + 1) === 'word')) index++;
  const colon = tokens.at(index);
  const first = tokens.at(state.index);
  if (first?.kind !== 'word' || colon?.kind !== 'colon' || colon.spaced || tokens.at(index - 1)?.kind !== 'word') return undefined;
  const words: Token[] = [];
  for (let word = state.index; word < index; word++) {
    const token = tokens.at(word);
    if (token?.kind === 'word') words.push(token);
  }
  const written = cleanSpace(text.slice(first.offset, colon.offset));
  state.label = isProtocolPhrase(words)
    ? { notes: [], protocols: words.filter(isProtocolWord).map((token) => token.text) }
    : { notes: [written], protocols: [] };
  state.index = index + 1;
  if (state.index >= tokens.length) return { kind: 'stuck', written: `${written}:`, offset: first.offset, expected: 'a port after it' };
  return undefined;
}

/** A hyphen inside a label word (`Non-secure`), glued on both sides. */
function isGluedDash(tokens: TokenList, index: number): boolean {
  const dash = tokens.at(index);
  const after = tokens.at(index + 1);
  return dash?.kind === 'dash' && !dash.spaced && after !== undefined && !after.spaced;
}

/**
 * Rule item: protocol words written before the port, then the range and its
 * glued protocols. The span is built in place, since a long list makes many.
 */
function readSpanItem(state: ListState): PortSpan | Stuck {
  const { tokens } = state;
  const first = tokens.at(state.index);
  if (first === undefined) return stuckAtEnd(state);
  state.mode ??= isProtocolWord(first) ? 'before-port' : 'after-port';

  const span: PortSpan = {
    start: 0,
    end: 0,
    written: '',
    offset: first.offset,
    protocols: state.label.protocols.slice(),
    notes: state.label.notes.slice(),
  };
  if (isProtocolWord(first)) {
    const group = readProtocolGroup(tokens, state.index, first);
    const next = tokens.at(group.next);
    const glued = tokens.at(group.next + 1);
    if (next?.kind === 'slash' && !next.spaced && glued?.kind === 'number' && !glued.spaced) {
      // `TCP/443`: glued, so it belongs to this port whatever the cell's habit.
      state.index = group.next + 1;
    } else if (state.mode === 'before-port') {
      if (next === undefined) return stuckAt(group.last, 'a port after it');
      if (next.kind !== 'number') return stuckAt(next, next.expected ?? 'a port after a protocol word');
      state.index = group.next;
      span.offset = next.offset;
    } else {
      return stuckAt(first, 'a port before a protocol word');
    }
    span.protocols.push(...group.words);
  }

  const rangeEnd = readRange(state, span);
  if (rangeEnd.kind === 'stuck') return rangeEnd;
  const protocolEnd = readSlashProtocols(state, span);
  if (protocolEnd?.kind === 'stuck') return protocolEnd;
  span.written = state.text.slice(span.offset, (protocolEnd ?? rangeEnd).end);
  return span;
}

const rangeWords = new Set(['to', 'through']);

/** Rule range: `80`, `N-M` with any dash and spacing, `N to M`, `N through M`. Sets the span's ports; returns its last token. */
function readRange(state: ListState, span: PortSpan): Token | Stuck {
  const { tokens } = state;
  const first = tokens.at(state.index);
  if (first?.kind !== 'number') return first === undefined ? stuckAtEnd(state) : stuckAt(first, first.expected ?? expectPort);
  span.start = Number(first.text);
  const link = tokens.at(state.index + 1);
  if (link?.kind !== 'dash' && !(link?.kind === 'word' && rangeWords.has(link.value))) {
    state.index += 1;
    span.end = span.start;
    return first;
  }
  const last = tokens.at(state.index + 2);
  if (last === undefined) return stuckAt(link, 'the last port of a range after it');
  if (last.kind !== 'number') return stuckAt(last, last.expected ?? `the last port of a range after \`${link.text}\``);
  state.index += 3;
  span.end = Number(last.text);
  return last;
}

/** Rule slashProtocols: `443/tcp`, `53/tcp/udp`, all glued. Adds to the span's protocols; returns the last word read. */
function readSlashProtocols(state: ListState, span: PortSpan): Token | Stuck | undefined {
  const { tokens } = state;
  let last: Token | undefined;
  for (;;) {
    const slash = tokens.at(state.index);
    if (slash?.kind !== 'slash' || slash.spaced) return last;
    const word = tokens.at(state.index + 1);
    if (word === undefined) return stuckAt(slash, 'a protocol word after it');
    if (word.spaced || !isProtocolWord(word)) return stuckAt(word, word.expected ?? 'a protocol word after `/`');
    span.protocols.push(word.text);
    last = word;
    state.index += 2;
  }
}

/** Rule qualifiers: parentheticals, footnotes, and protocol words written after their port. */
function readQualifiers(state: ListState, span: PortSpan): Stuck | undefined {
  const { tokens } = state;
  for (;;) {
    const token = tokens.at(state.index);
    if (token === undefined) return undefined;
    if (token.kind === 'parenthetical') {
      const note = token.value;
      if (note === '') return stuckAt(token, 'a qualifier inside the parentheses');
      span.notes.push(note);
      state.parentheticals++;
      state.lastParenthetical = state.index;
      state.index++;
    } else if (token.kind === 'footnote') {
      span.notes.push(`footnote ${token.value}`);
      state.index++;
    } else if (state.mode === 'after-port' && isProtocolWord(token)) {
      const group = readProtocolGroup(tokens, state.index, token);
      span.protocols.push(...group.words);
      state.index = group.next;
    } else {
      return undefined;
    }
  }
}

/** Rule separator: `,` `;` optionally followed by `and` `or` `+` `&`, one of those alone, or whitespace. */
function readSeparator(state: ListState): Stuck | undefined {
  const { tokens } = state;
  const first = tokens.at(state.index);
  if (first === undefined) return undefined;
  let last = first;
  if (first.kind === 'comma' || first.kind === 'semicolon') {
    state.index++;
    const conjunction = tokens.at(state.index);
    if (conjunction !== undefined && isConjunction(conjunction)) {
      last = conjunction;
      state.index++;
    }
  } else if (isConjunction(first)) {
    state.index++;
  } else if (!first.spaced) {
    return stuckAt(first, first.expected ?? expectSeparator);
  }
  return state.index >= tokens.length ? stuckAt(last, 'a port after it') : undefined;
}

/**
 * Rule protocolGroup: `TCP`, `TCP UDP`, `TCP/UDP`, `TCP & UDP`, `TCP and UDP`,
 * `TCP, UDP`, `TCP only`. A connector joins only when a protocol word follows
 * it; otherwise it is left to separate ports (`80 TCP and 443 UDP`).
 */
function readProtocolGroup(tokens: TokenList, start: number, first: Token): { words: string[]; next: number; last: Token } {
  const words = [first.text];
  let index = start + 1;
  let last = first;
  for (;;) {
    const token = tokens.at(index);
    const after = tokens.at(index + 1);
    if (token !== undefined && isProtocolWord(token)) {
      words.push(token.text);
      last = token;
      index++;
    } else if (token?.kind === 'word' && token.value === 'only') {
      last = token;
      index++;
    } else if (token !== undefined && isProtocolConnector(token) && after !== undefined && isProtocolWord(after)) {
      words.push(after.text);
      last = after;
      index += 2;
    } else break;
  }
  return { words, next: index, last };
}

function isProtocolWord(token: Token): boolean {
  return token.kind === 'word' && protocolOf(token.value) !== null;
}

function isConjunction(token: Token): boolean {
  if (token.kind === 'plus' || token.kind === 'amp') return true;
  if (token.kind !== 'word') return false;
  const word = token.value;
  return word === 'and' || word === 'or';
}

function isProtocolConnector(token: Token): boolean {
  return token.kind === 'slash' || token.kind === 'comma' || isConjunction(token);
}

/** Words that only name protocols (`TCP and UDP`, `TCP only`): they give protocols, not a note. */
function isProtocolPhrase(words: readonly Token[]): boolean {
  return words.some(isProtocolWord) && words.every((word) => isProtocolWord(word) || isFillerWord(word.value));
}

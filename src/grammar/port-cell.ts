/**
 * Port cells as sources write them: `80`, `225-229`, `1024 – 65535`,
 * `1645,1646,1812, and 1813`, `443/tcp`, `TCP 80`, `80 (HTTP), 443 (HTTPS)`,
 * `135 + Dynamic: 1024 -65535`, `disabled (8501)`, `0, 8 *`, `8420 / 4421`,
 * `UDP/5000,5001,5002`, `20000 and above`, `between 1024 and 2048`,
 * `20,000`, `TCP 389 (636)`, `:8000`.
 *
 * One grammar for every format. A small tokenizer (port-cell-tokens.ts) turns
 * the cell into tokens, then one named rule per layout reads them:
 *   noPort             `''`, `N/A`, `-`, `none`, optionally with `(notes)`
 *   wordsAroundPorts   `disabled (8501)`, `TCP (80, 443)`: the whole cell
 *   portList           items and separators, where an item is
 *     label            `Dynamic:` or `TCP:` before the spans it applies to
 *     wordsItem        `off (9443)`, `disabled by default (7443)` as one item
 *                      of a list (`HTTPS: off (9443)`, `8443, off (9443)*`)
 *     hostColon        `:8000`, a `host:port` with the host left out
 *     protocolGroup    `TCP`, `TCP/UDP`, `TCP & UDP`, `TCP only`
 *     range            `80`, `N-M` with any dash and spacing, `N to M`,
 *                      `N through M`, `between A and B`, `from A to B`
 *     openRange        `greater than N`, `more than N`, `above N`, `over N`,
 *                      `> N` (N+1–65535); `N and above`, `N or above`,
 *                      `N and higher`, `N or higher`, `N and up`, `N+`,
 *                      `>= N`, `≥ N` (N–65535); the words as written become
 *                      a note (`20000 and above`)
 *     slashProtocols   `443/tcp`, `53/tcp/udp` (glued)
 *     alternative      `389 (636)`: see below
 *     qualifiers       `(HTTP)`, `(UDP)` (protocol words alone: protocols),
 *                      footnotes `*` `†` `‡` `^3` `[3]` `³` `[^label]`
 *     separator        `,` `;` `and` `or` `+` `&`, whitespace, `, and`, and
 *                      `/` before a number (`80/443`, `8420 / 4421`): no
 *                      protocol word is a number, so a number after `/` can
 *                      only be another port
 *
 * Decisions a reader of a cell might make otherwise:
 * - In a cell that opens with protocol words (`TCP 80`, `UDP/5000`), the
 *   protocol words written before a port apply to every port after them that
 *   names none, until the next protocol words written before a port or the
 *   next label: `TCP 80 and 443` is two TCP ports, `TCP 80, UDP 53` one of
 *   each, and in `TCP 80, 443/udp, 8443` 8443 is TCP. In a cell that opens
 *   with a port, protocol words stay with their port (`80 TCP, 443`).
 * - Grammar words count only as words: `(to)`, `(and)` or `(above)` in
 *   parentheses are notes, or stop the reading where a word was expected.
 * - A parenthetical right after a port that holds one number and nothing else
 *   is a second port, noted `alternative`, with the first port's protocols:
 *   pages write `TCP 389 (636)` for LDAP and LDAPS. Any other parenthetical,
 *   or one after a note (`389 (LDAP) (636)`), is a note.
 * - Numbers may be written with a thousands separator (port-number.ts says
 *   exactly when): `20,000` and `20 000` are 20000, `80,443` is two ports.
 * - What a caller should doubt is kept on the span as messages (`doubts`):
 *   a lone port 0 (`0`, `000`, `0-0`), leading zeros before a port (`0080`),
 *   and a thousands separator that could also have separated two ports
 *   (`22,443`). Port 0 starting a range (`0-1023`) is no doubt.
 *
 * The grammar is pure: it returns what it could not read, with an offset, and
 * callers report it. Each rule reads on from where the last one stopped, the
 * tokenizer stops at the first character it cannot place, and ports inside
 * parentheses are read by a list that reads no further parentheses as ports,
 * so a hostile cell costs time in proportion to its length.
 */
import { highestPort } from '../model/record.js';
import { cleanSpace } from '../model/text.js';
import { tokenize, type Token, type TokenList } from './port-cell-tokens.js';
import { isZeroPort, portNumberDoubts, zeroPortDoubt } from './port-number.js';
import { isFillerWord, protocolOf, readProtocolWords } from './protocol-words.js';

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
  /**
   * The span's text as written, glued protocols and range words included:
   * `1024 -65535`, `443/tcp`, `TCP/443`, `between 1 and 5`, `1024+`.
   */
  written: string;
  /** Offset of the span's first character in the cell text. */
  offset: number;
  /** Protocol words written with this port, as written: `443/tcp` → `tcp`, `TCP 80` → `TCP`. */
  protocols: string[];
  /** Qualifiers of this port: its label, parentheticals and footnotes (`footnote *`). */
  notes: string[];
  /**
   * What the reading of this span may have got wrong, as messages for callers
   * to report as warnings, each naming the text as written and what was read:
   * ``Unexpected leading zeros in `0080`, read as port 80``.
   */
  doubts: string[];
}

/** What a port cell says: ports, explicitly no port, or where reading stopped. */
export type PortCellReading =
  | { kind: 'ports'; ports: PortSpan[]; protocols: string[]; notes: string[] }
  | { kind: 'none'; notes: string[] }
  | { kind: 'unreadable'; reason: string; offset: number };

type PortsReading = Extract<PortCellReading, { kind: 'ports' }>;

/** Reads the plain text of a port cell into spans, protocols and notes; never guesses. */
export function readPortCell(text: string): PortCellReading {
  const tokens = tokenize(text, 0, text.length);
  return readNoPort(text, tokens) ?? readWordsAroundPorts(text, tokens) ?? readPortList(text, tokens, false);
}

// ---------------------------------------------------------------------------
// Rules

/** What a cell writes for no port: empty, `N/A`, a dash, `none`, or a cross mark (`X`, `✗`), as a table marks a thing not there. */
const noPortWords = new Set(['', 'n/a', '-', '–', '—', 'none', 'x', '✗', '✘', '×']);

/** Rule noPort: the cell says there is no port (`N/A`, `—`, `X`, `none (retired)`). */
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

const wordsPrefixKinds = new Set<string | undefined>(['word', 'comma', 'slash', 'amp', 'plus', 'dash']);

/**
 * Rule wordsAroundPorts: `disabled (8501)`. Words without digits, then the
 * ports in parentheses closing the cell; the words apply to every port, as
 * the cell's notes or protocols.
 */
function readWordsAroundPorts(text: string, tokens: TokenList): PortCellReading | null {
  const parentheses = tokens.at(-1);
  const firstWord = tokens.at(0);
  if (parentheses?.kind !== 'parenthetical' || firstWord?.kind !== 'word') return null;
  const words: Token[] = [];
  for (let index = 0; index < tokens.length - 1; index++) {
    if (!wordsPrefixKinds.has(tokens.kindAt(index))) return null;
    const token = tokens.at(index);
    if (token?.kind === 'word') words.push(token);
  }
  const inner = portsInside(text, parentheses);
  if (inner === null) return null;
  const said = wordsSay(words, cleanSpace(text.slice(firstWord.offset, parentheses.offset)));
  return { ...inner, protocols: [...said.protocols, ...inner.protocols], notes: [...said.notes, ...inner.notes] };
}

/**
 * The ports inside a parenthetical, or null when it holds none (`()` among
 * them). They are read by a nested portList, which reads no parentheses of
 * its own as ports, so nesting cannot recurse.
 */
function portsInside(text: string, parentheses: Token): PortsReading | null {
  const inner = readPortList(text, tokenize(text, parentheses.offset + 1, parentheses.end - 1), true);
  return inner.kind === 'ports' ? inner : null;
}

/** What words before ports say: protocols when they only name protocols (`TCP and UDP`), else one note as written. */
function wordsSay(words: readonly Token[], written: string): { protocols: string[]; notes: string[] } {
  if (isProtocolPhrase(words)) return { protocols: words.filter(isProtocolWord).map((token) => token.text), notes: [] };
  return { protocols: [], notes: [written] };
}

interface Stuck {
  kind: 'stuck';
  written: string;
  offset: number;
  expected: string;
}

const stuckAt = (token: Token, expected: string): Stuck => ({ kind: 'stuck', written: token.text, offset: token.offset, expected });

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
  /** Reading the inside of parentheses: no wordsItem here, so parentheses are never read as ports twice over. */
  readonly nested: boolean;
  index: number;
  /**
   * Which port a protocol word belongs to: decided by the first span item. A
   * cell that opens with one (`TCP 80, UDP 53`) writes it before its port;
   * any other (`80 TCP, 53 UDP`) after.
   */
  mode: 'before-port' | 'after-port' | undefined;
  /** The latest label, applied to every span after it. */
  label: { notes: string[]; protocols: string[] };
  /** In before-port mode, the latest protocol words written before a port, for the ports after it that name none. */
  carried: string[];
  /** Whether a parenthetical note follows the current item. */
  noted: boolean;
  /**
   * The last parenthetical note read: its token index, and the spans its note
   * went to. Only the last item's can close the cell, so it is never reset.
   */
  lastNote: { index: number; spans: PortSpan[]; protocols?: string[] } | undefined;
}

/** Rule portList: items joined by separators, each item a span (or a wordsItem's spans) with what belongs to it. */
function readPortList(text: string, tokens: TokenList, nested: boolean): PortCellReading {
  const state: ListState = {
    text,
    tokens,
    nested,
    index: 0,
    mode: undefined,
    label: { notes: [], protocols: [] },
    carried: [],
    noted: false,
    lastNote: undefined,
  };
  const spans: PortSpan[] = [];
  /** Whether an item before the current one has no parenthetical note of its own. */
  let anyBare = false;
  for (;;) {
    const label = readLabel(state);
    if (label) return unreadable(label);
    let item = readWordsItem(state);
    let alternative: Token | undefined;
    state.noted = false;
    if (item === undefined) {
      const span = readSpanItem(state);
      if ('kind' in span) return unreadable(span);
      item = [span];
      alternative = readAlternative(state);
    }
    const qualifiers = readQualifiers(state, item);
    if (qualifiers) return unreadable(qualifiers);
    spans.push(...item);
    if (alternative !== undefined) spans.push(alternativeSpan(state, item, alternative));
    if (state.index >= tokens.length) break;
    if (!state.noted) anyBare = true;
    const separator = readSeparator(state);
    if (separator) return unreadable(separator);
  }
  spreadClosingProtocols(state, anyBare, spans);
  return { kind: 'ports', ports: spans, protocols: [], notes: cellNotes(state, anyBare) };
}

/**
 * Protocol words closing the cell in parentheses, after a space, name the
 * protocols of every port that names none (`80, 443 (TCP)`), as a closing
 * note qualifies the whole cell. They stay the last item's when glued to its
 * port (`8300, 8301(UDP)`) or when every item has a parenthetical of its own
 * (`80 (HTTP), 443 (TCP)`).
 */
function spreadClosingProtocols(state: ListState, anyBare: boolean, spans: readonly PortSpan[]): void {
  const last = state.lastNote;
  if (last?.protocols === undefined || last.index !== state.tokens.length - 1 || !anyBare || !state.tokens.at(last.index)?.spaced) return;
  for (const span of spans) if (span.protocols.length === 0) span.protocols.push(...last.protocols);
}

/**
 * A parenthetical closing the cell qualifies the whole cell (`80 or 443 (by
 * default)`), unless every item has a parenthetical of its own (`80 (HTTP),
 * 443 (HTTPS)`), when it is the last item's like the others. Moves it there.
 */
function cellNotes(state: ListState, anyBare: boolean): string[] {
  const last = state.lastNote;
  if (last === undefined || last.protocols !== undefined || last.index !== state.tokens.length - 1 || !anyBare) return [];
  let note: string | undefined;
  for (const span of last.spans) note = span.notes.pop();
  return note === undefined ? [] : [note];
}

/** Rule label: `Dynamic:`, `Non-secure:`, `TCP:`; applies to the spans after it, and ends any carried protocols. */
function readLabel(state: ListState): Stuck | undefined {
  const { tokens, text } = state;
  const index = wordsEnd(tokens, state.index);
  const colon = tokens.at(index);
  const first = tokens.at(state.index);
  // wordsEnd takes a hyphen only before a word, so the colon follows a word.
  if (first?.kind !== 'word' || colon?.kind !== 'colon' || colon.spaced) return undefined;
  const written = cleanSpace(text.slice(first.offset, colon.offset));
  state.label = wordsSay(wordsIn(tokens, state.index, index), written);
  state.carried = [];
  state.index = index + 1;
  if (state.index >= tokens.length) return { kind: 'stuck', written: `${written}:`, offset: first.offset, expected: 'a port after it' };
  return undefined;
}

/**
 * Where a run of words starting at `start` ends, hyphenated words
 * (`Non-secure`) included. Callers check that the run starts with a word.
 */
function wordsEnd(tokens: TokenList, start: number): number {
  let index = start;
  while (tokens.kindAt(index) === 'word' || (isGluedDash(tokens, index) && tokens.kindAt(index + 1) === 'word')) index++;
  return index;
}

/** The word tokens of [from, to). */
function wordsIn(tokens: TokenList, from: number, to: number): Token[] {
  const words: Token[] = [];
  for (let index = from; index < to; index++) {
    const token = tokens.at(index);
    if (token?.kind === 'word') words.push(token);
  }
  return words;
}

/** A hyphen inside a label word (`Non-secure`), glued on both sides. */
function isGluedDash(tokens: TokenList, index: number): boolean {
  const dash = tokens.at(index);
  const after = tokens.at(index + 1);
  return dash?.kind === 'dash' && !dash.spaced && after !== undefined && !after.spaced;
}

/**
 * Rule wordsItem: `off (9443)` as one item of a list (`HTTPS: off (9443)`,
 * `8443, disabled by default (7443)*`). Words, then the ports in parentheses;
 * the words become a note of each of those ports, or their protocols when
 * they only name protocols (`TCP (80), UDP (53)`). Undefined when the item is
 * not laid out so, or inside parentheses already.
 */
function readWordsItem(state: ListState): PortSpan[] | undefined {
  const { tokens, text } = state;
  const first = tokens.at(state.index);
  if (state.nested || first?.kind !== 'word') return undefined;
  const end = wordsEnd(tokens, state.index);
  const parentheses = tokens.at(end);
  if (parentheses?.kind !== 'parenthetical') return undefined;
  const inner = portsInside(text, parentheses);
  if (inner === null) return undefined;
  const said = wordsSay(wordsIn(tokens, state.index, end), cleanSpace(text.slice(first.offset, parentheses.offset)));
  state.index = end + 1;
  return inner.ports.map((span) => ({
    ...span,
    protocols: protocolsOf(state, [...said.protocols, ...span.protocols]),
    notes: [...state.label.notes, ...said.notes, ...span.notes, ...inner.notes],
  }));
}

/** A span's protocols: its label's, then its own, or in before-port mode the carried ones when it names none. */
function protocolsOf(state: ListState, own: readonly string[]): string[] {
  const named = own.length > 0 || state.mode !== 'before-port' ? own : state.carried;
  return [...state.label.protocols, ...named];
}

/**
 * Rule item: protocol words written before the port, then the range and its
 * glued protocols. The span is built in place, since a long list makes many.
 */
function readSpanItem(state: ListState): PortSpan | Stuck {
  const { tokens } = state;
  skipHostColon(state);
  const first = tokens.at(state.index);
  if (first === undefined) return { kind: 'stuck', written: '', offset: state.text.length, expected: 'a port' };
  state.mode ??= isProtocolWord(first) ? 'before-port' : 'after-port';

  const span: PortSpan = {
    start: 0,
    end: 0,
    written: '',
    offset: first.offset,
    protocols: [],
    notes: state.label.notes.slice(),
    doubts: [],
  };
  const own: string[] = [];
  let rangeStart = first;
  if (isProtocolWord(first)) {
    const group = readProtocolGroup(tokens, state.index, first);
    const next = tokens.at(group.next);
    const glued = tokens.at(group.next + 1);
    if (next?.kind === 'slash' && !next.spaced && glued?.kind === 'number' && !glued.spaced) {
      // `TCP/443`: glued, so it belongs to this port whatever the cell's habit.
      state.index = group.next + 1;
      rangeStart = glued;
    } else if (state.mode === 'before-port') {
      if (next === undefined) return stuckAt(group.last, 'a port after it');
      if (!startsRange(tokens, group.next, next)) return stuckAt(next, next.expected ?? 'a port after a protocol word');
      state.index = group.next;
      span.offset = next.offset;
      rangeStart = next;
    } else {
      return stuckAt(first, 'a port before a protocol word');
    }
    own.push(...group.words);
    // Read only in before-port mode (protocolsOf).
    state.carried = group.words;
  }

  const rangeEnd = readRange(state, span, rangeStart);
  if (rangeEnd.kind === 'stuck') return rangeEnd;
  if (isZeroPort(span)) span.doubts.push(zeroPortDoubt(state.text.slice(rangeStart.offset, rangeEnd.end)));
  const protocolEnd = readSlashProtocols(state, own);
  if (protocolEnd?.kind === 'stuck') return protocolEnd;
  span.protocols = protocolsOf(state, own);
  span.written = state.text.slice(span.offset, (protocolEnd ?? rangeEnd).end);
  return span;
}

/** Rule hostColon: `:8000` as `host:port` tables write it with the host left out; the colon is passed over. */
function skipHostColon(state: ListState): void {
  const colon = state.tokens.at(state.index);
  const port = state.tokens.at(state.index + 1);
  if (colon?.kind === 'colon' && port?.kind === 'number' && !port.spaced) state.index++;
}

const rangeWords = new Set(['to', 'through']);

/** The link between the ports of a range: a dash, `to` or `through`. */
function isRangeLink(token: Token): boolean {
  return token.kind === 'dash' || (token.kind === 'word' && rangeWords.has(token.value));
}

/** Whether a range (rules range and openRange) starts at `token`, at index. */
function startsRange(tokens: TokenList, index: number, token: Token): boolean {
  return token.kind === 'number' || openerAt(tokens, index, token) !== undefined || (token.kind === 'word' && rangeOpeners.has(token.value));
}

/** Words that open a range of two ports in words: `between A and B`, `from A to B`. */
const rangeOpeners = new Set(['between', 'from']);

/**
 * Rule range: `80`, `N-M` with any dash and spacing, `N to M`, `N through M`,
 * `between A and B`, `from A to B`, and rule openRange. `first` is the token
 * at state.index. Sets the span's ports, notes and doubts; returns its last token.
 */
function readRange(state: ListState, span: PortSpan, first: Token): Token | Stuck {
  const opener = openerAt(state.tokens, state.index, first);
  if (opener !== undefined) return readOpenAbove(state, span, first, opener);
  if (first.kind === 'word' && first.value === 'between') return readBetween(state, span, first);
  if (first.kind === 'word' && first.value === 'from') return readFrom(state, span, first);
  if (first.kind !== 'number') return stuckAt(first, first.expected ?? expectPort);
  const link = state.tokens.at(state.index + 1);
  if (link !== undefined && isRangeLink(link)) return readLinkedRange(state, span, first, link);
  const openEnd = openEndAfter(state.tokens, state.index + 1);
  if (openEnd !== undefined) {
    state.index = openEnd.next;
    setOpenRange(state, span, first, first.number, first, openEnd.last);
    return openEnd.last;
  }
  state.index += 1;
  span.start = first.number;
  span.end = span.start;
  span.doubts.push(...portNumberDoubts(first.text));
  return first;
}

/** `N-M`, `N to M`, `N through M`, with state.index at N and `link` after it. */
function readLinkedRange(state: ListState, span: PortSpan, first: Token, link: Token): Token | Stuck {
  const last = state.tokens.at(state.index + 2);
  if (last === undefined) return stuckAt(link, 'the last port of a range after it');
  if (last.kind !== 'number') return stuckAt(last, last.expected ?? `the last port of a range after \`${link.text}\``);
  state.index += 3;
  setRange(span, first, last);
  return last;
}

function setRange(span: PortSpan, first: Token, last: Token): void {
  span.start = first.number;
  span.end = last.number;
  span.doubts.push(...portNumberDoubts(first.text), ...portNumberDoubts(last.text));
}

/** `between 1024 and 2048`, ends included, with state.index at `between`. */
function readBetween(state: ListState, span: PortSpan, between: Token): Token | Stuck {
  const { tokens } = state;
  const first = tokens.at(state.index + 1);
  if (first === undefined) return stuckAt(between, 'the first port of a range after it');
  if (first.kind !== 'number') return stuckAt(first, first.expected ?? 'the first port of a range after `between`');
  const and = tokens.at(state.index + 2);
  if (and === undefined) return stuckAt(first, '`and` and the last port of the range after it');
  if (and.kind !== 'word' || and.value !== 'and') return stuckAt(and, and.expected ?? '`and` before the last port of the range');
  const last = tokens.at(state.index + 3);
  if (last === undefined) return stuckAt(and, 'the last port of a range after it');
  if (last.kind !== 'number') return stuckAt(last, last.expected ?? 'the last port of a range after `and`');
  state.index += 4;
  setRange(span, first, last);
  return last;
}

/** `from 1024 to 2048` (or `through`, or a dash), ends included, with state.index at `from`. */
function readFrom(state: ListState, span: PortSpan, from: Token): Token | Stuck {
  const { tokens } = state;
  const first = tokens.at(state.index + 1);
  if (first === undefined) return stuckAt(from, 'the first port of a range after it');
  if (first.kind !== 'number') return stuckAt(first, first.expected ?? 'the first port of a range after `from`');
  const link = tokens.at(state.index + 2);
  if (link === undefined) return stuckAt(first, '`to` and the last port of the range after it');
  if (!isRangeLink(link)) return stuckAt(link, link.expected ?? '`to` before the last port of the range');
  state.index += 1;
  return readLinkedRange(state, span, first, link);
}

interface Opener {
  /** The opener's last token: `than` of `greater than`, `>`. */
  last: Token;
  /** Index of the token after it. */
  next: number;
  /** Whether the port named is in the range (`>= 1024`) or the range starts above it (`above 1024`). */
  inclusive: boolean;
}

/** Words that open a range above a port, and whether they need `than` after them (`greater than`). */
const aboveWords: ReadonlyMap<string, boolean> = new Map([
  ['above', false],
  ['over', false],
  ['greater', true],
  ['more', true],
]);

/** Rule openRange, before the port: `greater than`, `more than`, `above`, `over`, `>`, `>=`, `≥` at `first`, at index. */
function openerAt(tokens: TokenList, index: number, first: Token): Opener | undefined {
  if (first.kind === 'comparison') return { last: first, next: index + 1, inclusive: first.text !== '>' };
  if (first.kind !== 'word') return undefined;
  const needsThan = aboveWords.get(first.value);
  if (needsThan === undefined) return undefined;
  if (!needsThan) return { last: first, next: index + 1, inclusive: false };
  const than = tokens.at(index + 1);
  return than?.kind === 'word' && than.value === 'than' ? { last: than, next: index + 2, inclusive: false } : undefined;
}

/** `above 1024` (1025–65535), `>= 1024` (1024–65535), with state.index at the opener's first token. */
function readOpenAbove(state: ListState, span: PortSpan, first: Token, opener: Opener): Token | Stuck {
  const port = state.tokens.at(opener.next);
  if (port === undefined) return stuckAt(opener.last, 'a port after it');
  if (port.kind !== 'number') return stuckAt(port, port.expected ?? `a port after \`${opener.last.text}\``);
  state.index = opener.next + 1;
  setOpenRange(state, span, first, port.number + (opener.inclusive ? 0 : 1), port, port);
  return port;
}

/** Words after `and` or `or` that carry a range up to the highest port: `1024 and above`, `1024 or higher`, `1024 and up`. */
const upwardWords = new Set(['above', 'higher', 'up', 'greater']);

/** Rule openRange, after the port: `+` glued to it and not followed by a port, or `and`/`or` and an upward word. */
function openEndAfter(tokens: TokenList, index: number): { last: Token; next: number } | undefined {
  const first = tokens.at(index);
  if (first?.kind === 'plus' && !first.spaced) return tokens.kindAt(index + 1) === 'number' ? undefined : { last: first, next: index + 1 };
  const word = tokens.at(index + 1);
  if (first === undefined || !isConjunctionWord(first) || word?.kind !== 'word' || !upwardWords.has(word.value)) return undefined;
  return { last: word, next: index + 2 };
}

/** A range from `start` to the highest port, its words as written (from `first` to `last`) kept as a note. */
function setOpenRange(state: ListState, span: PortSpan, first: Token, start: number, port: Token, last: Token): void {
  span.start = start;
  span.end = highestPort;
  span.notes.push(cleanSpace(state.text.slice(first.offset, last.end)));
  span.doubts.push(...portNumberDoubts(port.text));
}

/** Rule slashProtocols: `443/tcp`, `53/tcp/udp`, all glued. Adds to the span's own protocols; returns the last word read. */
function readSlashProtocols(state: ListState, own: string[]): Token | Stuck | undefined {
  const { tokens } = state;
  let last: Token | undefined;
  for (;;) {
    const slash = tokens.at(state.index);
    if (slash?.kind !== 'slash' || slash.spaced) return last;
    const word = tokens.at(state.index + 1);
    if (word === undefined) return stuckAt(slash, 'a protocol word or a port after it');
    // `80/443`: a number after `/` is another port, left to rule separator.
    if (word.kind === 'number') return last;
    if (word.spaced || !isProtocolWord(word)) return stuckAt(word, word.expected ?? 'a protocol word or a port after `/`');
    own.push(word.text);
    last = word;
    state.index += 2;
  }
}

/**
 * Rule alternative: `389 (636)`. A parenthetical right after a port that
 * holds one number and nothing else is a second port; returns that number,
 * undefined when the parenthetical is a note (or there is none).
 */
function readAlternative(state: ListState): Token | undefined {
  const parentheses = state.tokens.at(state.index);
  if (parentheses?.kind !== 'parenthetical') return undefined;
  const inner = tokenize(state.text, parentheses.offset + 1, parentheses.end - 1);
  const port = inner.at(0);
  if (inner.length !== 1 || port?.kind !== 'number') return undefined;
  state.index++;
  return port;
}

/** The span of an alternative port: the label's notes and `alternative`, and the protocols its port ended with. */
function alternativeSpan(state: ListState, item: readonly PortSpan[], port: Token): PortSpan {
  return {
    start: port.number,
    end: port.number,
    written: port.text,
    offset: port.offset,
    protocols: item.flatMap((span) => span.protocols),
    notes: [...state.label.notes, 'alternative'],
    doubts: port.number === 0 ? [zeroPortDoubt(port.text)] : portNumberDoubts(port.text),
  };
}

/** The protocols a parenthetical names when it holds protocol words and nothing else (`(UDP)`, `(TCP and UDP)`), else null. */
function protocolsAlone(note: string): string[] | null {
  const words = readProtocolWords([note]);
  return words.protocols.length > 0 && words.unknown.length === 0 && words.qualifiers === undefined ? words.protocols : null;
}

/**
 * Rule qualifiers: parentheticals, footnotes, and protocol words written after
 * their port; each goes to every span of the item. A parenthetical of protocol
 * words alone (`8301 (UDP)`) gives the port its protocols; any other is a note.
 */
function readQualifiers(state: ListState, spans: PortSpan[]): Stuck | undefined {
  const { tokens } = state;
  for (;;) {
    const token = tokens.at(state.index);
    if (token === undefined) return undefined;
    if (token.kind === 'parenthetical') {
      const note = token.value;
      if (note === '') return stuckAt(token, 'a qualifier inside the parentheses');
      const named = protocolsAlone(note);
      if (named) for (const span of spans) span.protocols.push(...named);
      else for (const span of spans) span.notes.push(note);
      state.noted = true;
      state.lastNote = named ? { index: state.index, spans, protocols: named } : { index: state.index, spans };
      state.index++;
    } else if (token.kind === 'footnote') {
      for (const span of spans) span.notes.push(`footnote ${token.value}`);
      state.index++;
    } else if (state.mode === 'after-port' && isProtocolWord(token)) {
      const group = readProtocolGroup(tokens, state.index, token);
      for (const span of spans) span.protocols.push(...group.words);
      state.index = group.next;
    } else {
      return undefined;
    }
  }
}

/**
 * Rule separator: `,` `;` optionally followed by `and` `or` `+` `&`, one of
 * those alone, `/` before a number, or whitespace.
 */
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
  } else if (isConjunction(first) || (first.kind === 'slash' && tokens.kindAt(state.index + 1) === 'number')) {
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

function isConjunctionWord(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const word = token.value;
  return word === 'and' || word === 'or';
}

function isConjunction(token: Token): boolean {
  return token.kind === 'plus' || token.kind === 'amp' || isConjunctionWord(token);
}

function isProtocolConnector(token: Token): boolean {
  return token.kind === 'slash' || token.kind === 'comma' || isConjunction(token);
}

/** Words that only name protocols (`TCP and UDP`, `TCP only`): they give protocols, not a note. */
function isProtocolPhrase(words: readonly Token[]): boolean {
  return words.some(isProtocolWord) && words.every((word) => isProtocolWord(word) || isFillerWord(word.value));
}

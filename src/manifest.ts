/**
 * The source manifest (sources/sources.json): parsed with positions so every
 * problem points at its line, checked against schemas/manifest.schema.json,
 * then checked for what a schema cannot say (unique ids, files that stay
 * inside the sources folder).
 */
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report, type Point } from './messages.js';
import type { ManifestSource, SourceManifest } from './record.js';
import { manifestProblems } from './schema.js';

const source = 'manifest';

export interface LoadedManifest {
  manifest: SourceManifest;
  /** The place of a value in the manifest, by JSON path, e.g. `['sources', 0, 'file']`. */
  placeOf(jsonPath: (string | number)[]): Point;
}

/** Reads and checks a manifest. Returns null, with errors on `file`, when it cannot be used. */
export function readManifest(file: VFile): LoadedManifest | null {
  const text = String(file.value);
  const toPoint = location(text);
  const at = (offset: number): Point => {
    const point = toPoint.toPoint(offset);
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  };

  if (text.trim() === '') {
    report(file, 'error', 'Unexpected empty manifest, expected a JSON object', { place: at(0), source, ruleId: 'json' });
    return null;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const error of errors) {
    report(file, 'error', `Unexpected JSON (${printParseErrorCode(error.error)}), expected a valid manifest`, {
      place: at(error.offset),
      source,
      ruleId: 'json',
    });
  }
  if (!tree || errors.length > 0) return null;

  const placeOf = (jsonPath: (string | number)[]): Point => {
    for (let depth = jsonPath.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, jsonPath.slice(0, depth));
      if (node) return at(node.offset);
    }
    return at(0);
  };
  const value: unknown = JSON.parse(text);
  const problems = manifestProblems(value);
  for (const problem of problems) {
    const jsonPath = problem.pointer.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    report(file, 'error', `Invalid manifest: \`${problem.pointer}\` ${problem.reason}`, {
      place: placeOf(jsonPath),
      source,
      ruleId: 'schema',
    });
  }
  if (problems.length > 0) return null;

  const manifest = value as SourceManifest;
  const usable = checkIds(manifest.sources, file, placeOf) && checkFiles(manifest.sources, file, placeOf);
  return usable ? { manifest, placeOf } : null;
}

function checkIds(sources: readonly ManifestSource[], file: VFile, placeOf: LoadedManifest['placeOf']): boolean {
  const first = new Map<string, number>();
  let ok = true;
  sources.forEach((entry, index) => {
    const earlier = first.get(entry.id);
    if (earlier === undefined) {
      first.set(entry.id, index);
      return;
    }
    ok = false;
    const line = placeOf(['sources', earlier, 'id']).line;
    report(file, 'error', `Unexpected duplicate source id \`${entry.id}\` (first at line ${line}), expected unique ids`, {
      place: placeOf(['sources', index, 'id']),
      source,
      ruleId: 'duplicate-id',
    });
  });
  return ok;
}

function checkFiles(sources: readonly ManifestSource[], file: VFile, placeOf: LoadedManifest['placeOf']): boolean {
  let ok = true;
  sources.forEach((entry, index) => {
    if (isInsideFolder(entry.file)) return;
    ok = false;
    report(file, 'error', `Unexpected file path \`${entry.file}\`, expected a path inside the sources folder`, {
      place: placeOf(['sources', index, 'file']),
      source,
      ruleId: 'file-outside',
    });
  });
  return ok;
}

/** True for a relative path that stays inside its folder (`a/b.txt`, not `../x` or `/etc/passwd`). */
export function isInsideFolder(file: string): boolean {
  if (file.includes('\\') || file.includes('\0') || path.posix.isAbsolute(file)) return false;
  const normalized = path.posix.normalize(file);
  return normalized !== '.' && normalized !== '..' && !normalized.startsWith('../');
}

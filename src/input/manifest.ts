/**
 * The source manifest (sources/sources.json): parsed with positions so every
 * problem points at its line, checked against schemas/manifest.schema.json,
 * then checked for what a schema cannot say (unique ids, files that stay
 * inside the sources folder).
 */
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { pointsOf, type Point } from '../model/location.js';
import { causeAt, reporterFor, type Reporter } from '../model/messages.js';
import type { ManifestSource, SourceManifest } from '../model/record.js';
import { manifestProblems } from '../model/schema.js';

export interface LoadedManifest {
  manifest: SourceManifest;
  /** The place of a value in the manifest, by JSON path, e.g. `['sources', 0, 'file']`. */
  placeOf(jsonPath: (string | number)[]): Point;
}

/** Reads and checks a manifest. Returns null, with errors on `file`, when it cannot be used. */
export function readManifest(file: VFile): LoadedManifest | null {
  const report = reporterFor(file, 'manifest');
  const text = String(file.value);
  const at = pointsOf(text);

  if (text.trim() === '') {
    report('json', 'Unexpected empty manifest, expected a JSON object', at(0));
    return null;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const error of errors) {
    report('json', `Unexpected JSON (${printParseErrorCode(error.error)}), expected a valid manifest`, at(error.offset));
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
    report('schema', `Invalid manifest: \`${problem.pointer}\` ${problem.reason}`, placeOf(jsonPath));
  }
  if (problems.length > 0) return null;

  const manifest = value as SourceManifest;
  const usable = checkIds(manifest.sources, file, report, placeOf) && checkFiles(manifest.sources, report, placeOf);
  return usable ? { manifest, placeOf } : null;
}

function checkIds(sources: readonly ManifestSource[], file: VFile, report: Reporter, placeOf: LoadedManifest['placeOf']): boolean {
  const first = new Map<string, number>();
  let ok = true;
  sources.forEach((entry, index) => {
    const earlier = first.get(entry.id);
    if (earlier === undefined) {
      first.set(entry.id, index);
      return;
    }
    ok = false;
    const firstPlace = placeOf(['sources', earlier, 'id']);
    const cause = causeAt(file, `First source with id \`${entry.id}\``, firstPlace);
    report(
      'duplicate-id',
      `Unexpected duplicate source id \`${entry.id}\` (first at line ${firstPlace.line}), expected unique ids`,
      placeOf(['sources', index, 'id']),
      cause,
    );
  });
  return ok;
}

function checkFiles(sources: readonly ManifestSource[], report: Reporter, placeOf: LoadedManifest['placeOf']): boolean {
  let ok = true;
  sources.forEach((entry, index) => {
    if (isInsideFolder(entry.file)) return;
    ok = false;
    report('file-outside', `Unexpected file path \`${entry.file}\`, expected a path inside the sources folder`, placeOf(['sources', index, 'file']));
  });
  return ok;
}

/** True for a relative path that stays inside its folder (`a/b.txt`, not `../x` or `/etc/passwd`). */
export function isInsideFolder(file: string): boolean {
  if (file.includes('\\') || file.includes('\0') || path.posix.isAbsolute(file)) return false;
  const normalized = path.posix.normalize(file);
  return normalized !== '.' && normalized !== '..' && !normalized.startsWith('../');
}

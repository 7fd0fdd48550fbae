/**
 * The source manifest (sources/sources.json): parsed with positions so every
 * problem points at its line, checked against schemas/manifest.schema.json,
 * then checked for what a schema cannot say (unique ids, files that stay
 * inside the sources folder).
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Point } from '../model/location.js';
import { readCheckedJson } from './checked-json.js';
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
  const checked = readCheckedJson<SourceManifest>(file, report, { what: 'manifest', problems: manifestProblems });
  if (!checked) return null;
  const { value: manifest, placeOf } = checked;
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

/**
 * Reads a sources folder: its manifest (sources.json) and every document the
 * manifest names. Problems become messages on the manifest's VFile, placed at
 * the manifest line that names the document. Files are read synchronously,
 * one after another (see regular-file.ts for why).
 */
import { accessSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { displayPath } from './display-path.js';
import { VFile } from 'vfile';
import { readManifest } from '../input/manifest.js';
import { createHash } from 'node:crypto';
import { reporterFor, type Reporter } from '../model/messages.js';
import type { Point } from '../model/location.js';
import type { ManifestSource } from '../model/record.js';
import type { SourceDocument } from '../pipeline/build.js';
import { isErrnoException, wordsFor } from './os-errors.js';
import { NotRegularFileError, readRegularFile } from './regular-file.js';

export const manifestName = 'sources.json';
export const acceptedName = 'accepted.json';

export interface LoadedSources {
  manifestFile: VFile;
  /** Null when the manifest or a document could not be read; see manifestFile.messages. */
  documents: SourceDocument[] | null;
}

/** Loads the manifest in `folder` and the documents it lists. Never throws for missing or bad input. */
export async function loadSources(folder: string): Promise<LoadedSources> {
  const manifestPath = path.join(folder, manifestName);
  const manifestFile = new VFile({ path: displayPath(manifestPath) });
  const report = reporterFor(manifestFile, 'manifest');
  try {
    manifestFile.value = readRegularFile(manifestPath).toString('utf8');
  } catch (error) {
    report('read', `Cannot read the manifest (${describe(error)}), expected ${manifestName} in \`${folder}\``, { line: 1, column: 1 });
    return { manifestFile, documents: null };
  }
  const loaded = readManifest(manifestFile);
  if (!loaded) return { manifestFile, documents: null };

  const documents: SourceDocument[] = [];
  let folderReal: string | null = null;
  for (const [index, source] of loaded.manifest.sources.entries()) {
    // A place is found only for a message: finding one parses the manifest again, with places.
    try {
      const located = source.package ? locateInPackage(source.package, source.file) : locateInFolder((folderReal ??= realpathSync(folder)), folder, source.file);
      const bytes = readRegularFile(located.path);
      const file = new VFile({ path: displayPath(located.path), value: bytes });
      if (source.sha256 !== undefined) checkDigest(bytes, source.sha256, source, report, () => loaded.placeOf(['sources', index, 'sha256']));
      documents.push({ source, file, ...(located.name ? { name: located.name } : {}) });
    } catch (error) {
      const what = source.package ? `\`${source.file}\` of package \`${source.package}\`` : `\`${source.file}\``;
      report('read', `Cannot read source ${what} (${describe(error)}), expected a readable file`, loaded.placeOf(['sources', index, source.package ? 'package' : 'file']));
    }
  }
  const failed = manifestFile.messages.some((message) => message.fatal);
  return { manifestFile, documents: failed ? null : documents };
}

interface Located {
  path: string;
  /** How the dataset names the file, when not by its manifest path. */
  name?: string;
}

/** A file inside the sources folder (`folderReal` is its real path); a link that leads outside is refused. */
function locateInFolder(folderReal: string, folder: string, file: string): Located {
  const real = realpathSync(path.join(folder, file));
  if (!real.startsWith(folderReal + path.sep)) throw new Error('it leads outside the sources folder through a link');
  return { path: real };
}

/**
 * A file inside an installed package, found the way Node finds this
 * program's own dependencies. Named `package@version/file` in the dataset,
 * so the data's version shows in review.
 */
function locateInPackage(name: string, file: string): Located {
  const require = createRequire(import.meta.url);
  for (const modules of require.resolve.paths(name) ?? []) {
    const root = path.join(modules, name);
    let manifest: string;
    try {
      manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    } catch {
      continue;
    }
    const version = (JSON.parse(manifest) as { version?: string }).version ?? '0.0.0';
    const target = path.join(root, file);
    if (!target.startsWith(root + path.sep)) throw new Error('the path leaves the package');
    accessSync(target);
    return { path: target, name: `${name}@${version}/${file}` };
  }
  throw new Error('the package is not installed');
}

export { displayPath } from './display-path.js';

/**
 * A copied page is never edited by hand: bytes that differ from the sha256
 * the entry records are an error at that line of the manifest, naming the
 * file and how to mend it.
 */
function checkDigest(bytes: Buffer, expected: string, source: ManifestSource, report: Reporter, place: () => Point): void {
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual === expected) return;
  report(
    'sha256',
    `Unexpected sha256 ${actual.slice(0, 12)}… of \`${source.file}\`, expected ${expected.slice(0, 12)}… as its entry records; a copied page is never edited by hand: run \`port-catalog fetch ${source.id}\` to copy it afresh, or set \`sha256\` to ${actual} if the change is deliberate`,
    place(),
  );
}

function describe(error: unknown): string {
  if (error instanceof NotRegularFileError) return error.message;
  if (isErrnoException(error)) return error.code === 'ENOENT' ? 'no such file' : `${wordsFor(error.code)}, ${error.code}`;
  return error instanceof Error ? error.message : String(error);
}

/** The accepted-findings file beside the manifest (`accepted.json`), or null when the folder has none. */
export async function loadAccepted(folder: string): Promise<VFile | null> {
  const filePath = path.join(folder, acceptedName);
  const file = new VFile({ path: displayPath(filePath) });
  try {
    file.value = readRegularFile(filePath).toString('utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    reporterFor(file, 'accepted')('read', `Cannot read the accepted findings (${describe(error)}), expected ${acceptedName} to be a readable file`, { line: 1, column: 1 });
  }
  return file;
}

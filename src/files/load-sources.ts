/**
 * Reads a sources folder: its manifest (sources.json) and every document the
 * manifest names. Problems become messages on the manifest's VFile, placed at
 * the manifest line that names the document.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { readManifest } from '../manifest.js';
import { report } from '../messages.js';
import type { SourceDocument } from '../pipeline.js';

export const manifestName = 'sources.json';

export interface LoadedSources {
  manifestFile: VFile;
  /** Null when the manifest or a document could not be read; see manifestFile.messages. */
  documents: SourceDocument[] | null;
}

/** Loads the manifest in `folder` and the documents it lists. Never throws for missing or bad input. */
export async function loadSources(folder: string): Promise<LoadedSources> {
  const manifestPath = path.join(folder, manifestName);
  const manifestFile = new VFile({ path: displayPath(manifestPath) });
  try {
    manifestFile.value = await readFile(manifestPath, 'utf8');
  } catch (error) {
    report(manifestFile, 'error', `Cannot read the manifest (${describe(error)}), expected ${manifestName} in \`${folder}\``, {
      place: { line: 1, column: 1 },
      source: 'manifest',
      ruleId: 'read',
    });
    return { manifestFile, documents: null };
  }
  const loaded = readManifest(manifestFile);
  if (!loaded) return { manifestFile, documents: null };

  const folderReal = await realpath(folder);
  const documents: SourceDocument[] = [];
  for (const [index, source] of loaded.manifest.sources.entries()) {
    const filePath = path.join(folder, source.file);
    const place = loaded.placeOf(['sources', index, 'file']);
    try {
      const real = await realpath(filePath);
      if (real !== folderReal && !real.startsWith(folderReal + path.sep)) {
        throw new Error('it leads outside the sources folder through a link');
      }
      documents.push({ source, file: new VFile({ path: displayPath(filePath), value: await readFile(real) }) });
    } catch (error) {
      report(manifestFile, 'error', `Cannot read source \`${source.file}\` (${describe(error)}), expected a readable file`, {
        place,
        source: 'manifest',
        ruleId: 'read',
      });
    }
  }
  const failed = manifestFile.messages.some((message) => message.fatal);
  return { manifestFile, documents: failed ? null : documents };
}

/** Paths in messages are relative to the working directory, as compilers print them. */
export function displayPath(filePath: string): string {
  return path.relative(process.cwd(), filePath) || filePath;
}

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  if (error instanceof Error && 'code' in error && error.code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

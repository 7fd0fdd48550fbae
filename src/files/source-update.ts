/**
 * Writes what `fetch` brought: each changed document, then the manifest with
 * the documents' new sha256 (and commit), each by a rename from a temporary
 * file beside it, so a reader never sees a half-written file. The manifest
 * is edited in place with jsonc-parser, which keeps its layout and comments:
 * only the values that changed change.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';

/** One document to write, and the manifest values that record it. */
export interface SourceUpdate {
  /** Index of the entry in the manifest's `sources`. */
  index: number;
  /** Path of the document on disk. */
  file: string;
  bytes: Buffer;
  sha256: string;
  /** The commit the origin URL names, to record as `origin.commit`, if it names one. */
  commit: string | null;
}

/** Writes `bytes` to `file` whole or not at all: a temporary file in the same folder, flushed, then renamed. */
export async function writeAtomically(file: string, bytes: Buffer | string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The manifest's text with each update's sha256 (and commit) set, its layout kept. */
export function updatedManifest(text: string, updates: readonly SourceUpdate[]): string {
  let result = text;
  const set = (jsonPath: JSONPath, value: string) => {
    result = applyEdits(result, modify(result, jsonPath, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
  };
  for (const update of updates) {
    set(['sources', update.index, 'sha256'], update.sha256);
    if (update.commit !== null) set(['sources', update.index, 'origin', 'commit'], update.commit);
  }
  return result;
}

/** Writes the documents, then the manifest that records them. */
export async function writeUpdates(manifestPath: string, manifestText: string, updates: readonly SourceUpdate[]): Promise<void> {
  for (const update of updates) await writeAtomically(update.file, update.bytes);
  await writeAtomically(manifestPath, updatedManifest(manifestText, updates));
}

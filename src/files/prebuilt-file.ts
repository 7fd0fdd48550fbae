/**
 * Where the reference documents read ahead of time are kept: beside the
 * compiled code (dist/), written by `npm run compile`, shipped with the
 * package, never committed and never edited by hand.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';
import { readPrebuiltText, type PrebuiltDocument } from '../pipeline/prebuilt.js';
import { isErrnoException } from './os-errors.js';

/** dist/prebuilt-references.json of the package, whether the code runs from src/ or dist/. */
export const prebuiltPath = fileURLToPath(packageFile('dist/prebuilt-references.json'));

/** The stored documents by key; none when the file is missing (the code was compiled by tsc alone). */
export async function loadPrebuilt(): Promise<Map<string, PrebuiltDocument>> {
  const text = await readFile(prebuiltPath, 'utf8').catch((error: unknown) => {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? new Map() : readPrebuiltText(text);
}

/** Replaces the file whole: a build reading it meanwhile sees the old one or the new one. */
export async function writePrebuilt(text: string): Promise<void> {
  const staged = `${prebuiltPath}.${process.pid}.tmp`;
  await writeFile(staged, text, 'utf8');
  await rename(staged, prebuiltPath);
}

/**
 * Where the source documents read ahead of time are kept: beside the
 * compiled code (dist/), written by `npm run compile`, shipped with the
 * package, never committed and never edited by hand.
 *
 * The file is headed by a stamp of the compiled command line that was built
 * with it (its entry, and the names of its parts, which carry a hash of
 * their content), and is used only while that stamp holds. A lone `tsc`,
 * which rewrites dist/ without reading the sources again, therefore makes
 * builds read them afresh rather than from a copy older than the code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';
import { readPrebuiltText, type PrebuiltDocument } from '../pipeline/prebuilt.js';

/** dist/prebuilt-sources.json of the package, whether the code runs from src/ or dist/. */
export const prebuiltPath = fileURLToPath(packageFile('dist/prebuilt-sources.json'));

/** The compiled command line's stamp, or null when there is none (nothing compiled, or tsc alone). */
export function programStamp(): string | null {
  try {
    const entry = readFileSync(packageFile('dist/bin.js'));
    const parts = readdirSync(packageFile('dist/cli/')).sort();
    return createHash('sha256').update(entry).update(parts.join('\n')).digest('hex');
  } catch {
    // No bundle: nothing read ahead of time can be trusted to match the code.
    return null;
  }
}

/**
 * The stored documents by key; none when the file is missing, unreadable, or
 * from another build of the program. Read synchronously, as sources are
 * (files/regular-file.ts).
 */
export function loadPrebuilt(): Map<string, PrebuiltDocument> {
  const program = programStamp();
  let bytes: Buffer;
  try {
    bytes = readFileSync(prebuiltPath);
  } catch {
    // A cache that cannot be read only means reading every document afresh.
    return new Map();
  }
  return program === null ? new Map() : readPrebuiltText(bytes, program);
}

/** Replaces the file whole: a build reading it meanwhile sees the old one or the new one. */
export async function writePrebuilt(text: string): Promise<void> {
  const staged = `${prebuiltPath}.${process.pid}.tmp`;
  try {
    await writeFile(staged, text, 'utf8');
    await rename(staged, prebuiltPath);
  } catch (error) {
    await rm(staged, { force: true });
    throw error;
  }
}

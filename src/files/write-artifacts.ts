/**
 * Writes artifacts so a reader never sees a half-written output folder: all
 * files go to a temporary folder beside the output folder first, and are
 * renamed into place (each rename atomic) only once every one is written.
 * On any failure the temporary folder is removed and the output is untouched.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `artifacts` (file name → text) into `outFolder`. */
export async function writeArtifacts(outFolder: string, artifacts: Readonly<Record<string, string>>): Promise<void> {
  const parent = path.dirname(path.resolve(outFolder));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(outFolder)}-`));
  try {
    for (const [name, content] of Object.entries(artifacts)) {
      await writeFile(path.join(staging, name), content, 'utf8');
    }
    await mkdir(outFolder, { recursive: true });
    for (const name of Object.keys(artifacts)) {
      await rename(path.join(staging, name), path.join(outFolder, name));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Names of artifacts whose file in `outFolder` differs from the given text, or is missing. */
export async function staleArtifacts(
  outFolder: string,
  artifacts: Readonly<Record<string, string>>,
): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, content] of Object.entries(artifacts)) {
    const current = await readFile(path.join(outFolder, name), 'utf8').catch(() => null);
    if (current !== content) stale.push(name);
  }
  return stale;
}

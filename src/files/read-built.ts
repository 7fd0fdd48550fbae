/**
 * The built data the query commands read: ports.json, references.json and
 * conflicts.json of an output folder. Without `--out`, the folder is
 * `output/` of the working directory when it holds a build, else the
 * package's own `output/` (the data an installed package ships), so
 * `npx port-catalog lookup 22` works outside a checkout.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';

/** The package's own output folder. */
const packagedOutput = fileURLToPath(packageFile('output/'));

/** The folder to read: `out` when given, else ./output when it holds ports.json, else the package's. */
export async function builtFolder(out: string | undefined): Promise<string> {
  if (out !== undefined) return out;
  const local = 'output';
  return access(path.join(local, 'ports.json')).then(
    () => local,
    () => packagedOutput,
  );
}

/** A file of the built data, as text, or null when the folder has none. */
export async function readBuiltFile(folder: string, name: string): Promise<string | null> {
  return (await readBuiltBytes(folder, name))?.toString('utf8') ?? null;
}

/** A file of the built data, as bytes, or null when the folder has none. */
export async function readBuiltBytes(folder: string, name: string): Promise<Buffer | null> {
  return readFile(path.join(folder, name)).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  });
}

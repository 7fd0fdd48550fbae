/**
 * The built data the query commands read: ports.json, references.json and
 * conflicts.json of an output folder. Without `--out`, the folder is
 * `output/` of the working directory when it holds a port-catalog build
 * (its ports.json names port-catalog as generator), else the package's own
 * `output/` (the data an installed package ships), so `npx port-catalog
 * lookup 22` works outside a checkout, and a project's own output/ports.json
 * of another kind is not taken for a build.
 */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../model/package-files.js';

/** The package's own output folder. */
const packagedOutput = fileURLToPath(packageFile('output/'));

/** The folder to read, and, for --verbose, why it was chosen. */
export interface BuiltFolder {
  folder: string;
  why: string;
}

/** How a build's ports.json begins: `build` writes the generator within its first lines. */
const generatorMark = /"generator"\s*:\s*\{\s*"name"\s*:\s*"port-catalog"/;
const headBytes = 4096;

/** The folder to read: `out` when given, else ./output when it holds a port-catalog build, else the package's. */
export async function builtFolder(out: string | undefined): Promise<BuiltFolder> {
  if (out !== undefined) return { folder: out, why: `reading the build in ${out} (--out)` };
  const local = 'output';
  const head = await readHead(path.join(local, 'ports.json'));
  if (head !== null && generatorMark.test(head)) return { folder: local, why: `reading the build in ./${local} (no --out given)` };
  const reason = head === null ? `./${local}/ports.json does not exist` : `./${local}/ports.json is not a port-catalog build (no port-catalog generator in it)`;
  return { folder: packagedOutput.replace(/\/$/, ''), why: `${reason}; reading the data this package ships, ${packagedOutput}` };
}

/** The first bytes of a file as text, or null when it cannot be read. */
async function readHead(file: string): Promise<string | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(headBytes);
      const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
      return buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    // Missing, a folder, unreadable: in every case no build to read here.
    return null;
  }
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

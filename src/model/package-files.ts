/**
 * Where this package's own files are (package.json, schemas/, output/, the
 * registry read ahead of time in dist/), found once by walking up from this
 * module to the folder that holds the package's package.json. It holds
 * wherever the code runs from: src/ under the tests, dist/ as compiled, or
 * the one-file command line, whose modules sit at other depths.
 */
import { existsSync, readFileSync } from 'node:fs';

function findPackageRoot(): URL {
  for (let folder = new URL('./', import.meta.url); ; folder = new URL('../', folder)) {
    const manifest = new URL('package.json', folder);
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'port-catalog') return folder;
    if (new URL('../', folder).href === folder.href) throw new Error(`internal error: no port-catalog package.json above ${import.meta.url}`);
  }
}

/** The package's folder, as a file URL ending in `/`. */
export const packageRoot = findPackageRoot();

/** A file or folder of the package, by its path from the package's folder (`schemas/`, `output/ports.json`). */
export function packageFile(relative: string): URL {
  return new URL(relative, packageRoot);
}

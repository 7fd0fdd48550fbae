/**
 * "Is this port taken, and by what?" for scripts, from the data this package
 * ships: `import { isTaken, usesOf } from 'port-catalog/uses'`. One answer
 * covers every source the build read: vendor products, the catalog's own
 * services and the reference registry (whose rows are in references.json,
 * found by binary search, so a question costs a few milliseconds after the
 * first). Nothing of the build pipeline is loaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertSettledSync } from './files/settle-output.js';
import { packageFile } from './model/package-files.js';
import type { PortRecord, Protocol, Role } from './model/record.js';
import { readBuiltData } from './query/built-data.js';
import { lookup } from './query/lookup.js';

export type { PortRecord, Protocol, Role } from './model/record.js';

/** A record that covers the port asked about: a catalog record (a product's or a service's) or a reference row. */
export interface PortUse {
  role: Role;
  record: PortRecord;
}

export interface UsesOptions {
  /** A folder holding a build (ports.json, references.json) to answer from; default: the data this package ships. */
  out?: string;
}

/** Each folder's catalog, read once; references are read per question, by binary search. */
const catalogs = new Map<string, { catalog: PortRecord[]; references: Buffer | null }>();

function builtIn(folder: string): { catalog: PortRecord[]; references: Buffer | null } {
  // A folder a killed build left half switched is refused, never read as a mix.
  assertSettledSync(folder);
  let built = catalogs.get(folder);
  if (!built) {
    const references = readOptional(path.join(folder, 'references.json'));
    built = { catalog: readBuiltData(readFileSync(path.join(folder, 'ports.json'), 'utf8'), null, []).catalog, references };
    catalogs.set(folder, built);
  }
  return built;
}

function readOptional(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Every record that covers `port` on `protocol`, whatever its status:
 * catalog records first (products and services, in catalog order), then
 * the reference registry's rows. A port is taken where one of them is
 * `assigned`; `reserved`, `unassigned`, `deprecated` and `category`
 * records say what else is known of it.
 */
export function usesOf(port: number, protocol: Protocol, options: UsesOptions = {}): PortUse[] {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Unexpected port ${String(port)}, expected a whole number 0–65535`);
  const folder = options.out ?? fileURLToPath(packageFile('output/'));
  const { catalog, references } = builtIn(folder);
  const span = { start: port, end: port };
  const rows = references === null ? [] : readBuiltData('{"records":[]}', references, [span]).references;
  return lookup({ kind: 'ports', text: `${port}/${protocol}`, ...span, protocol }, catalog, rows).map(({ role, record }) => ({ role, record }));
}

/** Whether an `assigned` record of any source (a product, a catalog service, the registry) covers `port` on `protocol`. */
export function isTaken(port: number, protocol: Protocol, options: UsesOptions = {}): boolean {
  return usesOf(port, protocol, options).some(({ record }) => record.status === 'assigned');
}

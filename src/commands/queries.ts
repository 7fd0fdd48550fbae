/**
 * The query commands, `lookup`, `free` and `conflicts`: they answer from the
 * built data (ports.json, references.json, conflicts.json) and load nothing
 * of the build pipeline, so they cost about what starting Node costs.
 */
import { nearestName } from '../query/nearest.js';
import { readBuiltData, type BuiltData } from '../query/built-data.js';
import { parseBuilt } from '../query/parse-built.js';
import type { PortSpan } from '../query/reference-rows.js';
import { isConflictReport } from '../model/built-shapes.js';
import { freePorts } from '../query/free.js';
import { lookup, parsePortQuery, type PortQuery } from '../query/lookup.js';
import { formatHits } from '../emit/lookup-text.js';
import { builtFolder, readBuiltBytes, readBuiltFile } from '../files/read-built.js';
import { protocolOf } from '../grammar/protocol-words.js';
import { forProduct, formatConflicts, type ConflictsDocument } from '../emit/conflicts-text.js';
import { highestPort } from '../model/record.js';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** What a query command prints, and its exit code; the CLI does the printing. */
export interface CommandOutput {
  stdout: string[];
  stderr: string[];
  code: number;
}

const usage = (message: string): CommandOutput => ({ stdout: [], stderr: [`port-catalog: ${message}`], code: exitCodes.usage });

const missing = (folder: string, name: string): CommandOutput => ({
  stdout: [],
  stderr: [`port-catalog: cannot read ${folder}/${name}: no such file, expected the output of \`port-catalog build\``],
  code: exitCodes.failed,
});

/** Which reference rows a command needs: none, those of some ports, or all. */
type ReferencesWanted = 'none' | readonly PortSpan[] | 'all';

/**
 * The built data of the folder, with the reference rows the command wants
 * (references.json is not read when it wants none), or what to print when
 * the folder has no build or it is not what `build` writes.
 */
async function loadData(out: string | undefined, wanted: ReferencesWanted): Promise<(BuiltData & { folder: string }) | CommandOutput> {
  const folder = await builtFolder(out);
  const [ports, references] = await Promise.all([readBuiltFile(folder, 'ports.json'), wanted === 'none' ? null : readBuiltBytes(folder, 'references.json')]);
  if (ports === null) return missing(folder, 'ports.json');
  try {
    return { ...readBuiltData(ports, references, typeof wanted === 'string' ? null : wanted), folder };
  } catch (error) {
    // readBuiltData explains what is wrong with the file in its message.
    return { stdout: [], stderr: [`port-catalog: ${error instanceof Error ? error.message : String(error)}`], code: exitCodes.failed };
  }
}

/** The products the catalog knows, sorted. */
function productsOf(data: BuiltData): string[] {
  return [...new Set(data.catalog.flatMap((record) => (record.product === null ? [] : [record.product])))].sort();
}

/** A product the user named, as the catalog writes it; or the usage error that lists the known ones. */
function resolveProduct(data: BuiltData, wanted: string | undefined): { product: string | null } | CommandOutput {
  if (wanted === undefined) return { product: null };
  const known = productsOf(data);
  const found = known.find((product) => product.toLowerCase() === wanted.trim().toLowerCase());
  if (found) return { product: found };
  const nearest = nearestName(wanted, known);
  return usage(
    `Unexpected product \`${wanted}\`${nearest ? ` (did you mean \`${nearest}\`?)` : ''}, expected one of ${known.map((product) => `\`${product}\``).join(', ') || 'none: the catalog has no product'}`,
  );
}

/** The reference rows queries need: those of their ports, or every row when one asks by name. */
function referencesFor(queries: readonly PortQuery[]): ReferencesWanted {
  const spans = queries.flatMap((query) => (query.kind === 'ports' ? [query] : []));
  return spans.length < queries.length ? 'all' : spans;
}

export interface LookupOptions {
  out?: string;
  product?: string;
  json: boolean;
}

/** `lookup QUERY…`: every catalog and reference record a query matches. */
export async function lookupCommand(queries: readonly string[], options: LookupOptions): Promise<CommandOutput> {
  const parsed = queries.map(parsePortQuery);
  const bad = parsed.filter((query): query is string => typeof query === 'string');
  if (bad.length > 0) return { stdout: [], stderr: bad.map((reason) => `port-catalog: ${reason}`), code: exitCodes.usage };
  // With --product only catalog records answer; a port query needs only the reference rows of its ports.
  const data = await loadData(options.out, options.product !== undefined ? 'none' : referencesFor(parsed as PortQuery[]));
  if ('code' in data) return data;
  const product = resolveProduct(data, options.product);
  if ('code' in product) return product;
  const answers = (parsed as PortQuery[]).map((query) => ({ query, hits: lookup(query, data.catalog, data.references, product.product) }));
  if (options.json) {
    const json = answers.map(({ query, hits }) => ({ query: query.text, records: hits.map(({ role, record }) => ({ role, ...record })) }));
    return { stdout: [JSON.stringify(json, null, 2)], stderr: [], code: exitCodes.ok };
  }
  return { stdout: answers.flatMap(({ query, hits }) => formatHits(query, hits)), stderr: [], code: exitCodes.ok };
}

export interface FreeOptions {
  out?: string;
  protocol: string;
  count: string;
  json: boolean;
}

/** `free A-B`: ports of the range no catalog product or service, nor any reference assignment, uses. */
export async function freeCommand(range: string, options: FreeOptions): Promise<CommandOutput> {
  const query = parsePortQuery(range);
  if (typeof query === 'string' || query.kind !== 'ports') return usage(`Unexpected range \`${range}\`, expected A-B with ports 0–${highestPort}`);
  const protocol = protocolOf(options.protocol);
  if (protocol === null) return usage(`Unexpected protocol \`${options.protocol}\`, expected tcp, udp, sctp or dccp`);
  const count = Number(options.count);
  if (!Number.isInteger(count) || count < 1) return usage(`Unexpected count \`${options.count}\`, expected a whole number of 1 or more`);
  const data = await loadData(options.out, [query]);
  if ('code' in data) return data;
  const free = freePorts({ start: query.start, end: query.end, protocol: query.protocol ?? protocol, count }, [...data.catalog, ...data.references]);
  if (options.json) return { stdout: [JSON.stringify({ range: `${query.start}-${query.end}`, protocol: query.protocol ?? protocol, free })], stderr: [], code: exitCodes.ok };
  const lines = free.length === 0 ? [`no free ${query.protocol ?? protocol} port in ${query.start}-${query.end}`] : free.map(String);
  return { stdout: lines, stderr: [], code: exitCodes.ok };
}

export interface ConflictsOptions {
  out?: string;
  product?: string;
  json: boolean;
}

/** `conflicts [--product NAME]`: the conflicts of the built report; exit 1 when there is any. */
export async function conflictsCommand(options: ConflictsOptions): Promise<CommandOutput> {
  const data = await loadData(options.out, 'none');
  if ('code' in data) return data;
  const product = resolveProduct(data, options.product);
  if ('code' in product) return product;
  const text = await readBuiltFile(data.folder, 'conflicts.json');
  if (text === null) return missing(data.folder, 'conflicts.json');
  let written: unknown;
  try {
    written = parseBuilt(text, 'conflicts.json');
  } catch (error) {
    // parseBuilt names the file and what JSON.parse said.
    return { stdout: [], stderr: [`port-catalog: ${error instanceof Error ? error.message : String(error)}`], code: exitCodes.failed };
  }
  if (!isConflictReport(written)) {
    return { stdout: [], stderr: ['port-catalog: Unexpected conflicts.json without the conflicts, unregistered ports and agreements `build` writes, expected the file `build` writes'], code: exitCodes.failed };
  }
  const report = forProduct(written as ConflictsDocument, product.product);
  const code = report.conflicts.length > 0 ? exitCodes.failed : exitCodes.ok;
  if (options.json) return { stdout: [JSON.stringify(report, null, 2)], stderr: [], code };
  return { stdout: formatConflicts(report), stderr: [], code };
}

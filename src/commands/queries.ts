/**
 * The query commands, `lookup`, `free` and `conflicts`: they answer from the
 * built data (ports.json, references.json, conflicts.json) and load nothing
 * of the build pipeline, so they cost about what starting Node costs.
 */
import { nearestName } from '../model/nearest.js';
import path from 'node:path';
import { BuiltFileError, readBuiltData, type BuiltData } from '../query/built-data.js';
import { parseBuilt } from '../query/parse-built.js';
import { freeNotes, formatHits } from '../emit/lookup-text.js';
import { freePorts } from '../query/free.js';
import { readFreeQuery } from '../query/free-query.js';
import type { PortSpan } from '../query/reference-rows.js';
import { isConflictReport, upgradeReport } from '../model/built-shapes.js';
import { lookup, parsePortQuery, type LookupHit, type PortQuery } from '../query/lookup.js';
import { builtFolder, readBuiltBytes, readBuiltFile } from '../files/read-built.js';
import { hasJournal, MixedOutputError, settleOutput } from '../files/settle-output.js';
import { forProduct, formatConflicts, type ConflictsDocument } from '../emit/conflicts-text.js';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** What a query command prints, and its exit code; the CLI does the printing. */
export interface CommandOutput {
  stdout: string[];
  stderr: string[];
  code: number;
}

const usage = (message: string): CommandOutput => ({ stdout: [], stderr: [`port-catalog: ${message}`], code: exitCodes.usage });

/** A failure about a file of the built data: one line that names the file and how to choose another folder. */
const unusable = (folder: string, name: string, problem: string): CommandOutput => ({
  stdout: [],
  stderr: [`port-catalog: cannot use ${path.join(folder, name)}: ${problem}; name the folder of a port-catalog build with --out DIR`],
  code: exitCodes.failed,
});

/** Which reference rows a command needs: none, those of some ports, or all. */
type ReferencesWanted = 'none' | readonly PortSpan[] | 'all';

/** Built data, the folder it came from, why that folder (for --verbose), and what finishing an interrupted build there said. */
type LoadedData = BuiltData & { folder: string; notes: string[]; settled: string[] };

/**
 * The built data of the folder, with the reference rows the command wants
 * (references.json is not read when it wants none), or what to print when
 * the folder has no build or it is not what `build` writes. `notes` says
 * which folder was read and why, for --verbose.
 */
async function loadData(out: string | undefined, wanted: ReferencesWanted): Promise<LoadedData | CommandOutput> {
  const { folder, why } = await builtFolder(out);
  const settled: string[] = [];
  // A switch a killed build left is finished before reading, and looked for again after, in case a build
  // committed one meanwhile: the answer never comes from a mix of two builds.
  for (let attempt = 0; ; attempt++) {
    try {
      for (const line of await settleOutput(folder)) settled.push(`port-catalog: ${line}`);
    } catch (error) {
      if (!(error instanceof MixedOutputError)) throw error;
      return { stdout: [], stderr: [`port-catalog: ${error.message}`], code: exitCodes.failed };
    }
    const [ports, references] = await Promise.all([readBuiltFile(folder, 'ports.json'), wanted === 'none' ? null : readBuiltBytes(folder, 'references.json')]);
    if (attempt === 0 && (await hasJournal(folder))) continue;
    if (ports === null) return unusable(folder, 'ports.json', 'no such file, expected the output of `port-catalog build`');
    try {
      return { ...readBuiltData(ports, references, typeof wanted === 'string' ? null : wanted), folder, notes: [`port-catalog: ${why}`], settled };
    } catch (error) {
      if (!(error instanceof BuiltFileError)) throw error;
      return unusable(folder, error.file, error.message);
    }
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
  verbose?: boolean;
}

/** `lookup QUERY…`: every catalog and reference record a query matches; exit 1 when no query matches any, as grep does. */
export async function lookupCommand(queries: readonly string[], options: LookupOptions): Promise<CommandOutput> {
  const parsed = queries.map(parsePortQuery);
  const bad = parsed.filter((query): query is string => typeof query === 'string');
  if (bad.length > 0) return { stdout: [], stderr: bad.map((reason) => `port-catalog: ${reason}`), code: exitCodes.usage };
  // A port query needs only the reference rows of its ports; with --product they are read too, to say what the filter hid.
  const data = await loadData(options.out, referencesFor(parsed as PortQuery[]));
  if ('code' in data) return data;
  const product = resolveProduct(data, options.product);
  if ('code' in product) return product;
  const answers = (parsed as PortQuery[]).map((query) => ({ query, hits: lookup(query, data.catalog, data.references, product.product) }));
  const code = answers.some(({ hits }) => hits.length > 0) ? exitCodes.ok : exitCodes.failed;
  const stderr = [...data.settled, ...(options.verbose ? data.notes : [])];
  if (options.json) {
    const json = answers.map(({ query, hits }) => ({ query: query.text, records: hits.map(({ role, match, record }) => ({ role, match, ...record })) }));
    return { stdout: [JSON.stringify(json, null, 2)], stderr, code };
  }
  const stdout = answers.flatMap(({ query, hits }) => formatHits(query, hits, hits.length > 0 ? '' : whyNone(query, data, product.product)));
  return { stdout, stderr, code };
}

/** Why a query found nothing: no record at all, or only records the --product filter hid. */
function whyNone(query: PortQuery, data: BuiltData, product: string | null): string {
  const what = query.kind === 'ports' ? 'covers this port' : 'has these words in its keyword, name or product';
  if (product === null) return `no record ${what}`;
  const hidden: LookupHit[] = lookup(query, data.catalog, data.references);
  if (hidden.length === 0) return `no record ${what}`;
  return `no record of ${product} ${what}; ${hidden.length === 1 ? '1 record of another product, service or reference does' : `${hidden.length} records of other products, services or references do`} (drop --product to see them)`;
}

export interface FreeOptions {
  out?: string;
  protocol: string;
  count: string;
  include?: string;
  json: boolean;
  verbose?: boolean;
}

/** `free A-B`: ports of the range no catalog product or service, nor any reference assignment, uses, without the kinds a vendor must not pick. */
export async function freeCommand(range: string, options: FreeOptions): Promise<CommandOutput> {
  const query = readFreeQuery({ range, protocol: options.protocol, count: options.count, include: options.include });
  if (typeof query === 'string') return usage(query);
  const data = await loadData(options.out, [query]);
  if ('code' in data) return data;
  const answer = freePorts(query, [...data.catalog, ...data.references]);
  const stderr = [...data.settled, ...(options.verbose ? data.notes : [])];
  const span = `${query.start}-${query.end}`;
  if (options.json) return { stdout: [JSON.stringify({ range: span, protocol: query.protocol, ...answer })], stderr, code: exitCodes.ok };
  const lines = answer.free.length === 0 ? [`no free ${query.protocol} port to pick in ${span}`] : answer.free.map(String);
  return { stdout: lines, stderr: [...stderr, ...freeNotes(answer, span, query.protocol).map((note) => `port-catalog: ${note}`)], code: exitCodes.ok };
}

export interface ConflictsOptions {
  out?: string;
  product?: string;
  json: boolean;
  verbose?: boolean;
}

/** `conflicts [--product NAME]`: the conflicts of the built report; exit 1 when there is any. */
export async function conflictsCommand(options: ConflictsOptions): Promise<CommandOutput> {
  const data = await loadData(options.out, 'none');
  if ('code' in data) return data;
  const product = resolveProduct(data, options.product);
  if ('code' in product) return product;
  const text = await readBuiltFile(data.folder, 'conflicts.json');
  if (text === null) return unusable(data.folder, 'conflicts.json', 'no such file, expected the output of `port-catalog build`');
  let written: unknown;
  try {
    written = parseBuilt(text, 'conflicts.json');
  } catch (error) {
    if (!(error instanceof BuiltFileError)) throw error;
    return unusable(data.folder, error.file, error.message);
  }
  if (!isConflictReport(written)) {
    return unusable(data.folder, 'conflicts.json', 'Unexpected conflicts.json without the conflicts, unregistered ports and agreements `build` writes');
  }
  const report = forProduct(upgradeReport(written as ConflictsDocument), product.product);
  const code = report.conflicts.length > 0 ? exitCodes.failed : exitCodes.ok;
  const stderr = [...data.settled, ...(options.verbose ? data.notes : [])];
  if (options.json) return { stdout: [JSON.stringify(report, null, 2)], stderr, code };
  return { stdout: formatConflicts(report), stderr, code };
}

/**
 * `port-catalog fetch [ID…]`: follow the upstream pages. Downloads each named
 * source (by default every one with an `origin`) from its origin URL; where
 * the bytes differ from the committed file, writes them and records their
 * sha256 (and the commit the URL names) in the manifest. One line per
 * source: unchanged, updated with the size change, or failed with the
 * reason. `--check` only says what would change, and exits 1 if anything
 * would, for a scheduled CI job. The maintainer then runs `build` and
 * reviews the diff as usual.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { readManifest } from '../input/manifest.js';
import { formatMessages } from '../model/messages.js';
import { nearestName } from '../model/nearest.js';
import type { ManifestSource } from '../model/record.js';
import { defaultLimits, download, DownloadError, type DownloadLimits } from '../files/download.js';
import { displayPath } from '../files/display-path.js';
import { manifestName } from '../files/load-sources.js';
import { readRegularFile } from '../files/regular-file.js';
import { writeUpdates, type SourceUpdate } from '../files/source-update.js';
import { exitCodes, type CommandOutput } from './queries.js';

export interface FetchOptions {
  sources: string;
  check: boolean;
  /** Seconds for one source's whole transfer. */
  timeout: string;
  /** Bytes one source may have. */
  maxBytes: string;
}

type Outcome = { kind: 'unchanged' } | { kind: 'changed'; before: number; after: number; update: SourceUpdate } | { kind: 'failed'; reason: string };

/** Formats whose documents are HTML pages: for the others, an HTML page served is an error page or a site's rendering. */
const htmlFormats: readonly ManifestSource['format'][] = ['html'];

/** How many sources download at once. */
const parallel = 4;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const usage = (message: string): CommandOutput => ({ stdout: [], stderr: [`port-catalog: ${message}`], code: exitCodes.usage });

/** Runs `fetch`; the CLI prints what it returns. */
export async function fetchCommand(ids: readonly string[], options: FetchOptions): Promise<CommandOutput> {
  const limits = readLimits(options);
  if ('code' in limits) return limits;
  const manifestPath = path.join(options.sources, manifestName);
  const manifestFile = new VFile({ path: displayPath(manifestPath) });
  let manifestText: string;
  try {
    manifestText = readRegularFile(manifestPath).toString('utf8');
  } catch (error) {
    return { stdout: [], stderr: [`port-catalog: cannot read ${displayPath(manifestPath)} (${error instanceof Error ? error.message : String(error)})`], code: exitCodes.failed };
  }
  manifestFile.value = manifestText;
  const loaded = readManifest(manifestFile);
  if (!loaded) return { stdout: [], stderr: formatMessages(manifestFile.messages, 'text'), code: exitCodes.failed };
  const sources = loaded.manifest.sources;
  const chosen = choose(sources, ids);
  if ('code' in chosen) return chosen;

  const outcomes = new Map<string, Outcome>();
  const queue = [...chosen];
  await Promise.all(
    Array.from({ length: Math.min(parallel, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) outcomes.set(next.source.id, await fetchOne(next.source, next.index, options.sources, limits));
    }),
  );
  const updates = [...outcomes.values()].flatMap((outcome) => (outcome.kind === 'changed' ? [outcome.update] : []));
  if (!options.check && updates.length > 0) await writeUpdates(manifestPath, manifestText, updates);
  const stdout = chosen.map(({ source }) => lineOf(source.id, outcomes.get(source.id) ?? { kind: 'failed', reason: 'not fetched' }, options.check));
  const failed = [...outcomes.values()].some((outcome) => outcome.kind === 'failed');
  const code = failed || (options.check && updates.length > 0) ? exitCodes.failed : exitCodes.ok;
  return { stdout, stderr: [], code };
}

function readLimits(options: FetchOptions): DownloadLimits | CommandOutput {
  const seconds = Number(options.timeout);
  const bytes = Number(options.maxBytes);
  if (!(seconds > 0)) return usage(`Unexpected --timeout \`${options.timeout}\`, expected seconds above 0`);
  if (!Number.isInteger(bytes) || bytes < 1) return usage(`Unexpected --max-bytes \`${options.maxBytes}\`, expected a whole number of bytes`);
  return { ...defaultLimits, timeoutMs: seconds * 1000, maxBytes: bytes };
}

/** The sources to fetch: those named, each with an origin; else every source with one. */
function choose(sources: readonly ManifestSource[], ids: readonly string[]): { source: ManifestSource; index: number }[] | CommandOutput {
  const indexed = sources.map((source, index) => ({ source, index }));
  if (ids.length === 0) return indexed.filter(({ source }) => source.origin !== undefined);
  const chosen: { source: ManifestSource; index: number }[] = [];
  for (const id of ids) {
    const found = indexed.find(({ source }) => source.id === id);
    if (!found) {
      const nearest = nearestName(id, sources.map((source) => source.id));
      return usage(`Unexpected source \`${id}\`${nearest ? ` (did you mean \`${nearest}\`?)` : ''}, expected the id of a manifest entry`);
    }
    if (!found.source.origin) return usage(`Unexpected source \`${id}\` without an \`origin\`, expected an entry that records the URL its bytes came from`);
    chosen.push(found);
  }
  return chosen;
}

/** Downloads one source and compares it with the committed file. */
async function fetchOne(source: ManifestSource, index: number, folder: string, limits: DownloadLimits): Promise<Outcome> {
  const url = source.origin?.url ?? '';
  const file = path.join(folder, source.file);
  let bytes: Buffer;
  try {
    bytes = await download(url, htmlFormats.includes(source.format), limits);
  } catch (error) {
    if (error instanceof DownloadError) return { kind: 'failed', reason: error.message };
    throw error;
  }
  const current = await readFile(file).catch(() => null);
  const digest = sha256(bytes);
  if (current !== null && sha256(current) === digest && source.sha256 === digest) return { kind: 'unchanged' };
  const commit = /\/([0-9a-f]{40})\//.exec(url)?.[1] ?? null;
  return { kind: 'changed', before: current?.length ?? 0, after: bytes.length, update: { index, file, bytes, sha256: digest, commit: commit === source.origin?.commit ? null : commit } };
}

function lineOf(id: string, outcome: Outcome, check: boolean): string {
  if (outcome.kind === 'unchanged') return `${id}: unchanged`;
  if (outcome.kind === 'failed') return `${id}: failed (${outcome.reason})`;
  const change = outcome.after - outcome.before;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${id}: ${check ? 'would update' : 'updated'} (${outcome.before} → ${outcome.after} bytes, ${sign}${Math.abs(change)})`;
}

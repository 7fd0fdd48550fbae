/**
 * The output folder always holds one complete build, even when a build is
 * killed at any point, the disk fills up, or two builds run at once.
 *
 * A build takes the folder's lock (output-lock.ts), then switches files in
 * four steps, all inside the folder, so every rename stays on one file
 * system (a folder that is a mount point of its own works):
 *
 *   1. stage: every file goes to `<out>/.staging-<pid>-<random>/`, then all are flushed to disk;
 *   2. commit: a journal `<out>/.switch.json`, naming the staging folder and
 *      each file with its sha256, is written in the staging folder, flushed,
 *      and renamed into place (atomic: it is there whole or not at all);
 *   3. move: each file is renamed over the old one;
 *   4. clean up: the journal, then the staging folder, are removed.
 *
 * Whoever opens the folder next (build or check) first finishes what it
 * finds: a journal means every staged file was complete, so the switch is
 * rolled forward; a staging folder without a journal was never committed and
 * is removed. A build stopped before the commit therefore leaves the old
 * files as they were; one stopped after it leaves what the next run completes.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { artifactFacts, forEachArtifact, type ArtifactFacts, type Artifacts } from '../emit/artifact.js';
import { displayPath } from './display-path.js';
import { commandLine, journalName, lockName, lockOutput, type OutputLock } from './output-lock.js';
import { FileSystemFault, describingFaults, faultFrom, isErrnoException } from './os-errors.js';
import { NotRegularFileError, regularFileFacts } from './regular-file.js';

/** Called after each step of opening and writing; a test stops or fails a build there. May throw. */
export type StepHook = (step: string) => void | Promise<void>;

export interface OutputOptions {
  /** The command line recorded as the lock's holder, shown to a build that has to wait. */
  command?: string;
  /** How long to wait for another build's lock, in milliseconds (default 2000). */
  lockWaitMs?: number;
  /**
   * Called after each step: `locked`, `staging`, `staged <file>`, `journal staged`,
   * `committed`, `moved <file>`, `journal removed`, `staging removed`; when
   * finishing an interrupted build, `finished <file>` and `finished`.
   */
  afterStep?: StepHook;
}

/** An output folder opened for writing: locked, and left by an earlier build finished or cleaned. */
export interface OutputFolder {
  /** What opening found and did, one line each (a finished switch, stale staging folders, a stale lock). */
  readonly report: readonly string[];
  /** Writes `artifacts` as one switch, each streamed to its file. */
  write(artifacts: Artifacts): Promise<void>;
  /** Releases the lock; removes the folder again if opening created it and nothing was written. */
  close(): Promise<void>;
}

export { journalName } from './output-lock.js';
const stagingPrefix = '.staging-';
const defaultLockWaitMs = 2000;
/** Errors that say the folder cannot be written to, though it can be read. */
const cannotWriteCodes = ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'];

/** The journal: written only once every staged file is complete and on disk. */
interface Journal {
  staging: string;
  files: { name: string; sha256: string }[];
}

/** How a folder is named in messages: `output/`. */
function folderLabel(folder: string): string {
  return `${displayPath(folder).replace(/[\\/]+$/, '')}/`;
}

/**
 * Opens `outFolder` for writing: creates it if missing, takes its lock, and
 * finishes or cleans up after an interrupted build. Every system error
 * becomes a FileSystemFault (`cannot write output/: …`).
 */
export async function openOutputFolder(outFolder: string, options: OutputOptions = {}): Promise<OutputFolder> {
  const label = folderLabel(outFolder);
  const step = options.afterStep ?? (() => undefined);
  return describingFaults('write', label, async () => {
    await assertFolderOrMissing(outFolder, label);
    const created = await mkdir(outFolder, { recursive: true });
    const lock = await lockOutput(outFolder, {
      command: options.command ?? commandLine('port-catalog', []),
      waitMs: options.lockWaitMs ?? defaultLockWaitMs,
      display: label,
      verb: 'write',
    }).catch(async (error: unknown) => {
      await removeCreated(outFolder, created);
      throw error;
    });
    let wrote = false;
    const close = async () => {
      await describingFaults('write', label, async () => {
        await lock.release();
        if (!wrote) await removeCreated(outFolder, created);
      });
    };
    try {
      await step('locked');
      const report = [...staleLockReport(lock, label), ...(await finishInterrupted(outFolder, label, step))];
      return {
        report,
        write: async (artifacts) => {
          wrote = true;
          await describingFaults('write', label, () => switchFiles(outFolder, label, artifacts, step));
        },
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  });
}

/**
 * Writes `artifacts` (file name → text) into `outFolder` as one switch,
 * under the folder's lock: a reader, a later build, or a build killed at any
 * point never leaves a mix of old and new files. See the file comment.
 */
export async function writeArtifacts(
  outFolder: string,
  artifacts: Artifacts,
  options: OutputOptions = {},
): Promise<void> {
  const folder = await openOutputFolder(outFolder, options);
  try {
    await folder.write(artifacts);
  } finally {
    await folder.close();
  }
}

/**
 * Opens `outFolder` for `check`: like openOutputFolder, but never creates
 * it, and on a folder it may not write to (read-only, not ours) it reads
 * without the lock, as long as there is no interrupted build to finish.
 */
export async function openOutputForCheck(outFolder: string, options: OutputOptions = {}): Promise<OutputFolder> {
  const label = folderLabel(outFolder);
  if (!(await assertFolderOrMissing(outFolder, label))) return { report: [], write: refuseWrite, close: async () => undefined };
  let lock: OutputLock;
  try {
    lock = await lockOutput(outFolder, {
      command: options.command ?? commandLine('port-catalog', ['check']),
      waitMs: options.lockWaitMs ?? defaultLockWaitMs,
      display: label,
      verb: 'check',
    });
  } catch (error) {
    // Comparing needs no write access: a read-only folder, one owned by
    // someone else, or a full disk is still checked, only without the lock.
    if (!isErrnoException(error) || !cannotWriteCodes.includes(error.code)) {
      throw isErrnoException(error) ? faultFrom(error, 'write', label) : error;
    }
    const journal = await describingFaults('read', label, () => readFile(path.join(outFolder, journalName)).then(() => true, absentAsFalse));
    if (journal) throw faultFrom(error, 'finish the interrupted build in', label);
    return { report: [], write: refuseWrite, close: async () => undefined };
  }
  const close = () => describingFaults('write', label, () => lock.release());
  try {
    const report = await describingFaults('write', label, async () => [
      ...staleLockReport(lock, label),
      ...(await finishInterrupted(outFolder, label, options.afterStep ?? (() => undefined))),
    ]);
    return { report, write: refuseWrite, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function refuseWrite(): Promise<void> {
  throw new Error('internal error: a folder opened for check is not written');
}

function absentAsFalse(error: unknown): false {
  if (isErrnoException(error) && error.code === 'ENOENT') return false;
  throw error;
}

/** True if `folder` is a folder, false if it is missing; a fault if it is anything else. */
async function assertFolderOrMissing(folder: string, label: string): Promise<boolean> {
  const info = await stat(folder).catch(absentAsFalse);
  if (info === false) return false;
  if (!info.isDirectory()) throw new FileSystemFault('write', label.replace(/\/$/, ''), '--out names a file, not a folder', 'ENOTDIR');
  return true;
}

/** Removes the folders `mkdir -p` made (deepest first), as long as each is still empty. */
async function removeCreated(folder: string, firstCreated: string | undefined): Promise<void> {
  if (firstCreated === undefined) return;
  const top = path.resolve(firstCreated);
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch (error) {
      // Something else was put there meanwhile: it stays, and so do its parents.
      if (isErrnoException(error) && (error.code === 'ENOTEMPTY' || error.code === 'EEXIST')) return;
      throw error;
    }
    if (current === top || current === path.dirname(current)) return;
  }
}

function staleLockReport(lock: OutputLock, label: string): string[] {
  const holder = lock.removedStale;
  return holder ? [`removed the lock of a build that is no longer running (pid ${holder.pid}: ${holder.command}) from ${label}`] : [];
}

/** Flushes a file to disk on the thread pool, while the build goes on. */
const flushInBackground = promisify(fsync);

/**
 * The switch itself; see the file comment for the steps. Its system calls
 * are synchronous (a round trip through the thread pool for each cost more
 * than the call), except the flush of each staged file: that starts as soon
 * as the file is written and runs while the next one is made.
 */
async function switchFiles(folder: string, label: string, artifacts: Artifacts, step: StepHook): Promise<void> {
  const names = [...artifacts.keys()];
  for (const name of names) {
    if (!isPlainName(name)) throw new Error(`internal error: artifact name \`${name}\` is not a plain file name`);
  }
  const stagingName = `${stagingPrefix}${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = path.join(folder, stagingName);
  let committed = false;
  try {
    mkdirSync(staging);
    await step('staging');
    const staged: number[] = [];
    const flushes: Promise<void>[] = [];
    let written: Map<string, ArtifactFacts>;
    try {
      written = await forEachArtifact(artifacts, async (name, batches) => {
        const fd = writeStaged(path.join(staging, name), batches);
        staged.push(fd);
        const flush = flushInBackground(fd);
        // Its failure is met below, once every file is written; until then it must not count as unhandled.
        flush.catch(() => undefined);
        flushes.push(flush);
        await step(`staged ${name}`);
      });
      // Every staged file on disk before the journal names them.
      await Promise.all(flushes);
    } finally {
      // A descriptor is closed only once its flush has ended, whichever way.
      await Promise.allSettled(flushes);
      for (const fd of staged) closeSync(fd);
    }
    const journal: Journal = { staging: stagingName, files: names.map((name) => ({ name, sha256: factsOf(written, name).sha256 })) };
    writeDurably(path.join(staging, journalName), Buffer.from(`${JSON.stringify(journal, null, 2)}\n`, 'utf8'));
    syncFolder(staging);
    await step('journal staged');
    renameSync(path.join(staging, journalName), path.join(folder, journalName));
    syncFolder(folder);
    committed = true;
    await step('committed');
    for (const name of names) {
      renameSync(path.join(staging, name), path.join(folder, name));
      await step(`moved ${name}`);
    }
    syncFolder(folder);
    unlinkSync(path.join(folder, journalName));
    syncFolder(folder);
    await step('journal removed');
    rmSync(staging, { recursive: true, force: true });
    await step('staging removed');
  } catch (error) {
    if (!committed) {
      // Nothing was moved yet: the old files stand as they were.
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    if (isErrnoException(error)) throw faultFrom(error, 'write', label, 'the next build or check finishes the switch');
    throw error;
  }
}

/**
 * Finishes a switch a killed build left (a journal), and removes staging
 * folders no journal names. Safe to stop at any point itself: it only renames
 * what is still staged, and removes the journal after the files are in place.
 */
async function finishInterrupted(folder: string, label: string, step: StepHook): Promise<string[]> {
  const report: string[] = [];
  const journalText = await readFile(path.join(folder, journalName), 'utf8').catch(absentAsFalse);
  let finished: string | null = null;
  if (journalText !== false) {
    const journal = parseJournal(journalText);
    if (journal) {
      finished = journal.staging;
      let moved = 0;
      for (const { name } of journal.files) {
        try {
          await rename(path.join(folder, journal.staging, name), path.join(folder, name));
          moved += 1;
          await step(`finished ${name}`);
        } catch (error) {
          // Moved before the interruption.
          if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error;
        }
      }
      syncFolder(folder);
      const differing = await differingFiles(folder, journal);
      report.push(
        differing.length === 0
          ? `finished an interrupted build in ${label} (moved ${moved} of ${journal.files.length} files into place)`
          : `found an interrupted build in ${label} that cannot be finished (changed since it was written: ${differing.join(', ')}); its files may be mixed`,
      );
    } else {
      report.push(`removed an unreadable ${journalName} from ${label}; its files may be mixed`);
    }
    await unlink(path.join(folder, journalName));
    syncFolder(folder);
    await step('finished');
  }
  let stale = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.name.startsWith(stagingPrefix) || !entry.isDirectory()) continue;
    await rm(path.join(folder, entry.name), { recursive: true, force: true });
    if (entry.name !== finished) stale += 1;
  }
  if (stale > 0) report.push(`removed ${stale} staging folder(s) of an interrupted build from ${label}`);
  return report;
}

/** The journal, if it is one this program wrote; its names are checked, since they become paths. */
function parseJournal(text: string): Journal | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { staging, files } = data as { staging?: unknown; files?: unknown };
  if (typeof staging !== 'string' || !staging.startsWith(stagingPrefix) || !isPlainName(staging) || !Array.isArray(files)) return null;
  const entries: Journal['files'] = [];
  for (const file of files as unknown[]) {
    const { name, sha256: hash } = (file ?? {}) as { name?: unknown; sha256?: unknown };
    if (typeof name !== 'string' || !isPlainName(name) || typeof hash !== 'string') return null;
    entries.push({ name, sha256: hash });
  }
  return { staging, files: entries };
}

async function differingFiles(folder: string, journal: Journal): Promise<string[]> {
  const differing: string[] = [];
  for (const { name, sha256: expected } of journal.files) {
    const facts = factsOr(path.join(folder, name), (error) => {
      if (error instanceof NotRegularFileError) return false;
      return absentAsFalse(error);
    });
    if (facts === false || facts.sha256 !== expected) differing.push(name);
  }
  return differing;
}

/** A file's facts, or what `otherwise` makes of the error reading it. */
function factsOr<T>(filePath: string, otherwise: (error: unknown) => T): ArtifactFacts | T {
  try {
    return regularFileFacts(filePath);
  } catch (error) {
    return otherwise(error);
  }
}

function factsOf(written: ReadonlyMap<string, ArtifactFacts>, name: string): ArtifactFacts {
  const facts = written.get(name);
  if (!facts) throw new Error(`internal error: ${name} was staged without its facts`);
  return facts;
}

/** A name that stays inside the folder and is not one of this program's own dot files. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\0]/.test(name) && name !== lockName && name !== journalName;
}

/** Writes a new file and leaves it open (its descriptor), for the caller to flush to disk before a journal names it. */
function writeStaged(filePath: string, batches: Iterable<Buffer>): number {
  const fd = openSync(filePath, 'wx');
  try {
    for (const batch of batches) writeAll(fd, batch);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Writes every byte of `buffer`: a write may take fewer (a full disk says so
 * only on the next one). A batch is a megabyte at most.
 */
function writeAll(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

/** Writes a new file and flushes it to disk, so a journal written after it never names a half-written file. */
function writeDurably(filePath: string, bytes: Buffer): void {
  const fd = writeStaged(filePath, [bytes]);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (renames, removals) to disk. Windows cannot open a folder for this. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The artifacts whose file in `outFolder` differs from what the
 * artifact writes (by size and sha256), is missing, or is not a regular file
 * (which `missing` tells apart, so `check` can say which).
 * Both sides are read a block at a time, so neither is ever held whole.
 */
export async function staleArtifacts(outFolder: string, artifacts: Artifacts): Promise<{ name: string; missing: boolean }[]> {
  const stale: { name: string; missing: boolean }[] = [];
  for (const [name, facts] of artifactFacts(artifacts)) {
    const filePath = path.join(outFolder, name);
    const current = factsOr(filePath, (error) => {
      if (error instanceof NotRegularFileError) return 'not a file' as const;
      if (isErrnoException(error) && error.code === 'ENOENT') return 'missing' as const;
      throw isErrnoException(error) ? faultFrom(error, 'read', displayPath(filePath)) : error;
    });
    if (typeof current === 'string' || current.bytes !== facts.bytes || current.sha256 !== facts.sha256) stale.push({ name, missing: current === 'missing' });
  }
  return stale;
}

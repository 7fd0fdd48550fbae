/**
 * One build at a time per output folder. Two builds of different sources
 * into one folder would otherwise interleave their files and both succeed.
 *
 * The lock is a file, `<out>/.lock`, created exclusively (O_EXCL) and holding
 * its holder: pid, host and command line. Being the lock and the note about
 * its holder at once, it cannot name the wrong holder. A holder on this host
 * whose process is gone (a killed build) is detected at once and its lock
 * removed; no timers refresh the lock, so a build busy parsing for a long
 * time never looks abandoned. (proper-lockfile, which refreshes an mtime
 * from a timer, would declare a lock stale whenever the synchronous parse
 * outlasts its threshold, and let a second build in.)
 */
import { hostname } from 'node:os';
import { open, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileSystemFault, isErrnoException } from './os-errors.js';

export const lockName = '.lock';

/** The journal of a build's switch, committed before any file moves (write-artifacts.ts), and looked for by every reader (settle-output.ts). */
export const journalName = '.switch.json';

/** Who holds a lock. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The command line, e.g. `port-catalog build --out output`. */
  command: string;
}

export interface OutputLock {
  /** A lock left by a build that is no longer running, removed to take this one; null if there was none. */
  removedStale: LockHolder | null;
  /** Removes the lock. Safe to call more than once. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** The command line to record as the holder. */
  command: string;
  /** How long to wait for another holder, in milliseconds. */
  waitMs: number;
  /** How the folder is named in messages, e.g. `output/`. */
  display: string;
  /** What the lock is taken for, in a message when it is held: `write`, `check`. */
  verb: string;
}

/** How often a waiting build looks again. */
const pollMs = 50;

/**
 * A lock file without a readable holder is being written this instant, or
 * its writer died between creating and writing it; after this long it is
 * the latter.
 */
const unreadableStaleMs = 10_000;

/**
 * Takes the lock on `folder` (which must exist), waiting up to
 * `options.waitMs` for another holder. Throws a FileSystemFault naming the
 * holder when it is still held, or the system error when the lock cannot be
 * written at all (a read-only folder fails at once, without waiting).
 */
export async function lockOutput(folder: string, options: LockOptions): Promise<OutputLock> {
  const lockPath = path.join(folder, lockName);
  const me: LockHolder = { pid: process.pid, host: hostname(), command: options.command };
  const deadline = Date.now() + options.waitMs;
  let removedStale: LockHolder | null = null;
  for (;;) {
    if (await create(lockPath, `${JSON.stringify(me)}\n`)) {
      let released = false;
      return {
        removedStale,
        release: async () => {
          if (released) return;
          released = true;
          await rm(lockPath, { force: true });
        },
      };
    }
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' ? !isRunning(holder) : await olderThan(lockPath, unreadableStaleMs)) {
      // The holder cannot release it any more; the lock only stands in the way.
      await rm(lockPath, { force: true });
      if (holder !== 'unreadable') removedStale = holder;
      continue;
    }
    if (Date.now() >= deadline) throw heldBy(holder, options);
    await sleep(pollMs);
  }
}

/** Creates `lockPath` with `content`; false if it already exists. A file half made is removed again. */
async function create(lockPath: string, content: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } catch (error) {
    // Out of space or quota after the create: a lock without a holder would block every later build.
    await handle.close();
    await rm(lockPath, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

async function readHolder(lockPath: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const data = JSON.parse(text) as Partial<LockHolder> | null;
    if (typeof data?.pid === 'number' && typeof data.host === 'string' && typeof data.command === 'string') {
      return { pid: data.pid, host: data.host, command: data.command };
    }
  } catch {
    // Not JSON yet: the holder is between creating the file and writing it.
  }
  return 'unreadable';
}

/**
 * Whether the holder may still be running. A process on another host cannot
 * be asked, so it counts as running: the message then names it.
 */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, owned by someone else.
    return !(isErrnoException(error) && error.code === 'ESRCH');
  }
}

async function olderThan(filePath: string, ms: number): Promise<boolean> {
  const info = await stat(filePath).catch((error: unknown) => {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  });
  return info !== null && info.mtimeMs < Date.now() - ms;
}

function heldBy(holder: LockHolder | 'unreadable', options: LockOptions): FileSystemFault {
  const who =
    holder === 'unreadable'
      ? 'holder unknown'
      : `pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}: ${holder.command}`;
  const waited = `${Math.round(options.waitMs / 100) / 10} s`;
  return new FileSystemFault(options.verb, options.display, `another build holds its lock (${who}), waited ${waited}`, null, {
    advice: `if no build is running, remove ${options.display}${lockName}`,
  });
}

/** A command line as one string, quoting arguments a shell would split. */
export function commandLine(program: string, argv: readonly string[]): string {
  return [program, ...argv].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');
}

/**
 * Faults and hostile input: the output folder under real system faults (a
 * mount point of its own, a read-only or full file system, a file where a
 * folder should be), a build killed at each step of its switch, concurrent
 * builds, sources that are not regular files, and control characters on
 * their way to a terminal.
 *
 * Real faults come from a tmpfs mounted for the test when that is allowed
 * (root on Linux); elsewhere the same cases run against a mocked system call
 * that fails as the real one does. The mocked cases always run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cp, lstat, readFile, readdir, rm, statfs, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { FileSystemFault, faultFrom } from '../src/files/os-errors.js';
import { lockName } from '../src/files/output-lock.js';
import { NotRegularFileError, readRegularFile } from '../src/files/regular-file.js';
import { fixedArtifacts } from '../src/emit/artifact.js';
import { journalName, writeArtifacts } from '../src/files/write-artifacts.js';
import { formatGithubAnnotation, formatMessage, formatMessages, reporterFor } from '../src/model/messages.js';
import { terminalJson, terminalLine, terminalText } from '../src/model/terminal.js';
import { artifactNames } from '../src/pipeline/build.js';
import { formatBuildSummary } from '../src/summary.js';
import { buildFolder, captureOutput, folderWith, rejectionMessage } from './helpers.js';
import { VFile } from 'vfile';

/** System calls that fail on demand, in either form (fs/promises, or node:fs's synchronous one): each returns the error to throw for a call, or null to let it through. */
const failing = vi.hoisted(() => ({
  open: null as ((file: string, flags: unknown) => Error | null) | null,
  rename: null as ((from: string, to: string) => Error | null) | null,
  /** The error a flush to disk (fsync) fails with, or null to let it through. */
  fsync: null as Error | null,
  /** The most bytes a write takes at a time, or null for all it is given. */
  writeLimit: null as number | null,
  writes: 0,
}));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  // The buffer form, the one artifacts are written with.
  const writeSync = (fd: number, buffer: NodeJS.ArrayBufferView, offset?: number | null, length?: number | null, position?: number | null): number => {
    failing.writes += 1;
    const start = offset ?? 0;
    const wanted = length ?? buffer.byteLength - start;
    return actual.writeSync(fd, buffer, start, failing.writeLimit === null ? wanted : Math.min(wanted, failing.writeLimit), position);
  };
  const openSync: typeof actual.openSync = (file, flags, mode) => {
    const error = failing.open?.(String(file), flags);
    if (error) throw error;
    return actual.openSync(file, flags, mode);
  };
  const renameSync: typeof actual.renameSync = (from, to) => {
    const error = failing.rename?.(String(from), String(to));
    if (error) throw error;
    actual.renameSync(from, to);
  };
  // The callback form, the one staged files are flushed with, on the thread pool.
  const fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    if (failing.fsync) process.nextTick(callback, failing.fsync);
    else actual.fsync(fd, callback);
  }) as typeof actual.fsync;
  const replaced = { writeSync: writeSync as typeof actual.writeSync, openSync, renameSync, fsync };
  return { ...actual, default: { ...actual, ...replaced }, ...replaced };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (file, flags, mode) => {
    const error = failing.open?.(String(file), flags);
    if (error) throw error;
    return actual.open(file, flags, mode);
  };
  const rename: typeof actual.rename = async (from, to) => {
    const error = failing.rename?.(String(from), String(to));
    if (error) throw error;
    return actual.rename(from, to);
  };
  return { ...actual, default: { ...actual, open, rename }, open, rename };
});

const { stdout, stderr } = captureOutput();

afterEach(() => {
  failing.open = null;
  failing.rename = null;
  failing.fsync = null;
  failing.writeLimit = null;
});

/** A system error as Node makes it. */
function systemError(code: string, errno: number, words: string, syscall: string, file: string): NodeJS.ErrnoException & { code: string } {
  return Object.assign(new Error(`${code}: ${words}, ${syscall} '${file}'`), { code, errno, syscall, path: file });
}

// ---------------------------------------------------------------------------
// Sources: two small, different catalogs, so a build is fast and old and new
// output differ.

function manifest(product: string, file = 'page.md'): string {
  return `${JSON.stringify(
    {
      sources: [
        {
          id: 'page',
          file,
          format: 'markdown',
          title: 'Page',
          url: null,
          product,
          defaults: { protocols: ['tcp'] },
          columns: { Component: 'name', Port: 'port' },
        },
        { id: 'ref', file: 'services', format: 'etc-services', title: 'Reference', url: null, role: 'reference' },
      ],
    },
    null,
    2,
  )}\n`;
}

function page(rows: [string, number][]): string {
  return `<table>\n<tr><th>Component</th><th>Port</th></tr>\n${rows.map(([name, port]) => `<tr><td>${name}</td><td>${port}</td></tr>\n`).join('')}</table>\n`;
}

const services = 'http-alt\t8080/tcp\t# HTTP Alternate\n';

function sourcesOf(product: string, rows: [string, number][]): Promise<string> {
  return folderWith({ 'sources.json': manifest(product), 'page.md': page(rows), services });
}

const sourcesA = () => sourcesOf('Alpha Suite', [['Alpha', 8080], ['Beta', 9999]]);
const sourcesB = () => sourcesOf('Bravo Suite', [['Bravo', 7070]]);

/** Every entry under `folder`, dot files included: path → bytes (base64), a folder as `<folder>`. */
async function tree(folder: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  const walk = async (relative: string) => {
    for (const name of (await readdir(path.join(folder, relative))).sort()) {
      const inner = path.join(relative, name);
      const info = await lstat(path.join(folder, inner));
      if (info.isDirectory()) {
        entries[`${inner}/`] = '<folder>';
        await walk(inner);
      } else {
        entries[inner] = (await readFile(path.join(folder, inner))).toString('base64');
      }
    }
  };
  await walk('');
  return entries;
}

/** How the CLI names a folder in messages. */
const label = (folder: string) => `${path.relative(process.cwd(), folder)}/`;

/** A pid that belonged to a process and no longer does. */
function deadPid(): number {
  const { pid } = spawnSync('true');
  if (pid === undefined) throw new Error('could not start a process');
  return pid;
}

/** A built output folder for `sources` (`--quiet`, so nothing is printed). */
async function builtOutput(sources: string): Promise<string> {
  const out = await folderWith({});
  expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
  return out;
}

// ---------------------------------------------------------------------------
// Real file systems: a tmpfs per test, when this machine lets us mount one.

const mounted: string[] = [];

function mountTmpfs(options: string): string | null {
  const point = mkdtempSync(path.join(tmpdir(), 'port-catalog-mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point], { stdio: 'ignore' });
  } catch {
    rmSync(point, { recursive: true, force: true });
    return null;
  }
  mounted.push(point);
  return point;
}

function unmountAll(): void {
  for (const point of mounted.splice(0)) {
    execFileSync('umount', [point], { stdio: 'ignore' });
    rmSync(point, { recursive: true, force: true });
  }
}

const canMount = process.platform === 'linux' && mountTmpfs('size=64k') !== null;
unmountAll();
afterEach(unmountAll);

function tmpfs(options: string): string {
  const point = mountTmpfs(options);
  if (point === null) throw new Error('mount failed after the probe succeeded');
  return point;
}

// ---------------------------------------------------------------------------

describe('output folder: a mount point of its own', () => {
  it.runIf(canMount)('builds and checks into --out that is a tmpfs mount point (real)', async () => {
    const sources = await sourcesA();
    const expected = await tree(await builtOutput(sources));
    const out = tmpfs('size=1m');
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    expect(await tree(out)).toEqual(expected);
    expect(await main(['check', '--sources', sources, '--out', out])).toBe(0);
    expect(stdout).toEqual([`${path.relative(process.cwd(), out)} is up to date.`]);
    expect(stderr).toEqual([]);
  });

  it('never renames across the folder boundary (mocked EXDEV for any rename leaving --out)', async () => {
    const sources = await sourcesA();
    const expected = await tree(await builtOutput(sources));
    const out = await folderWith({});
    const inside = (file: string) => path.resolve(file).startsWith(path.resolve(out) + path.sep);
    failing.rename = (from, to) =>
      inside(from) && inside(to) ? null : systemError('EXDEV', -18, 'cross-device link not permitted', 'rename', from);
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    expect(await tree(out)).toEqual(expected);
  });
});

describe('output folder: operating-system errors are one line, exit 1, output intact', () => {
  it.runIf(canMount)('read-only file system (real): build fails, check still reads', async () => {
    const sources = await sourcesA();
    const point = tmpfs('size=1m');
    const out = path.join(point, 'out');
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    const before = await tree(out);
    execFileSync('mount', ['-o', 'remount,ro', point], { stdio: 'ignore' });
    expect(await main(['build', '--sources', await sourcesB(), '--out', out, '--quiet'])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot write ${label(out)}: read-only file system (EROFS)`]);
    expect(await tree(out)).toEqual(before);
    stderr.length = 0;
    expect(await main(['check', '--sources', sources, '--out', out])).toBe(0);
    expect(stdout).toEqual([`${path.relative(process.cwd(), out)} is up to date.`]);
    expect(stderr).toEqual([]);
  });

  it('read-only file system (mocked EROFS)', async () => {
    const out = await builtOutput(await sourcesA());
    const before = await tree(out);
    // Creating a file in the folder (the lock first) fails, as on a read-only mount.
    failing.open = (file, flags) =>
      file.startsWith(out) && typeof flags === 'string' && flags !== 'r'
        ? systemError('EROFS', -30, 'read-only file system', 'open', file)
        : null;
    expect(await main(['build', '--sources', await sourcesB(), '--out', out, '--quiet'])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot write ${label(out)}: read-only file system (EROFS)`]);
    expect(await tree(out)).toEqual(before);
  });

  it.runIf(canMount)('disk full (real): ENOSPC while staging, staging removed, lock released', async () => {
    const sources = await sourcesA();
    const point = tmpfs('size=128k');
    const out = path.join(point, 'out');
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    const before = await tree(out);
    // Leave two pages: the lock fits, the staged files do not.
    const free = await statfs(point);
    await writeFile(path.join(point, 'filler'), Buffer.alloc(Number(free.bavail * free.bsize) - 2 * 4096));
    const heard: string[] = [];
    expect(await main(['build', '--sources', await sourcesB(), '--out', out, '--quiet'], { afterStep: (step) => void heard.push(step) })).toBe(1);
    // It failed while staging, after the lock and before the commit.
    expect(heard.slice(0, 2)).toEqual(['locked', 'staging']);
    expect(heard).not.toContain('journal staged');
    expect(stderr).toEqual([`port-catalog: cannot write ${label(out)}: no space left on device (ENOSPC)`]);
    expect(await tree(out)).toEqual(before);
  });

  it('disk full (mocked ENOSPC on a staged file)', async () => {
    const out = await builtOutput(await sourcesA());
    const before = await tree(out);
    failing.open = (file) =>
      file.includes(`${path.sep}.staging-`) && file.endsWith('ports.md')
        ? systemError('ENOSPC', -28, 'no space left on device', 'open', file)
        : null;
    expect(await main(['build', '--sources', await sourcesB(), '--out', out, '--quiet'])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot write ${label(out)}: no space left on device (ENOSPC)`]);
    expect(await tree(out)).toEqual(before);
  });

  it('a staged file that cannot be flushed to disk (mocked EIO): the build fails, the old files stand', async () => {
    const out = await builtOutput(await sourcesA());
    const before = await tree(out);
    // The first flush fails at once, while the next artifacts are made: its failure must wait for them, not end the process.
    failing.fsync = systemError('EIO', -5, 'i/o error', 'fsync', out);
    expect(await main(['build', '--sources', await sourcesB(), '--out', out, '--quiet'])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot write ${label(out)}: input/output error (EIO)`]);
    expect(await tree(out)).toEqual(before);
  });

  it('a flush that fails while the writer waits between files is met once every file is written', async () => {
    const out = await folderWith({ 'keep.txt': 'old\n' });
    failing.fsync = systemError('EIO', -5, 'i/o error', 'fsync', out);
    // The first file's flush fails while the writer waits after it (a slow step): that must not be an unhandled rejection.
    const afterStep = (step: string) => (step === 'staged a.txt' ? new Promise<void>((resolve) => setTimeout(resolve, 20)) : undefined);
    expect(await rejectionMessage(writeArtifacts(out, fixedArtifacts({ 'a.txt': 'a\n', 'b.txt': 'b\n' }), { afterStep }))).toBe(`cannot write ${label(out)}: input/output error (EIO)`);
    expect(await tree(out)).toEqual({ 'keep.txt': Buffer.from('old\n').toString('base64') });
  });

  it('--out naming an existing file', async () => {
    const folder = await folderWith({ 'notes.txt': 'mine\n' });
    const out = path.join(folder, 'notes.txt');
    expect(await main(['build', '--sources', await sourcesA(), '--out', out, '--quiet'])).toBe(1);
    expect(await main(['check', '--sources', await sourcesA(), '--out', out])).toBe(1);
    const line = `port-catalog: cannot write ${path.relative(process.cwd(), out)}: --out names a file, not a folder (ENOTDIR)`;
    expect(stderr).toEqual([line, line]);
    expect(await tree(folder)).toEqual({ 'notes.txt': Buffer.from('mine\n').toString('base64') });
  });

  it('--out below an existing file', async () => {
    const folder = await folderWith({ 'notes.txt': 'mine\n' });
    const out = path.join(folder, 'notes.txt', 'out');
    expect(await main(['build', '--sources', await sourcesA(), '--out', out, '--quiet'])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot write ${label(out)}: a part of the path is not a folder (ENOTDIR)`]);
  });

  it('a new --out is removed again when the build fails', async () => {
    const folder = await folderWith({});
    const out = path.join(folder, 'new', 'out');
    const sources = await folderWith({ 'sources.json': manifest('X'), 'page.md': page([['A', 70000]]), services });
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(1);
    expect(await readdir(folder)).toEqual([]);
  });

  it('faults read as one line', () => {
    const fault = faultFrom(systemError('EROFS', -30, 'read-only file system', 'open', 'x'), 'write', 'output/');
    expect(fault).toBeInstanceOf(FileSystemFault);
    expect(fault.message).toBe('cannot write output/: read-only file system (EROFS)');
    expect(faultFrom(systemError('ENOSPC', -28, 'no space', 'write', 'x'), 'write', 'output/').message).toBe(
      'cannot write output/: no space left on device (ENOSPC)',
    );
    expect(faultFrom(systemError('EDQUOT', -122, 'quota', 'write', 'x'), 'write', 'out/', 'the next build or check finishes the switch').message).toBe(
      'cannot write out/: disk quota exceeded (EDQUOT); the next build or check finishes the switch',
    );
  });
});

// ---------------------------------------------------------------------------

/** Every step of a build's switch, in order, as the hook hears them. */
const steps = [
  'locked',
  'staging',
  ...artifactNames.map((name) => `staged ${name}`),
  'journal staged',
  'committed',
  ...artifactNames.map((name) => `moved ${name}`),
  'journal removed',
  'staging removed',
];
const committedAt = steps.indexOf('committed');

class StopHere extends Error {}

describe('output folder: a build killed at each step of the switch', () => {
  it('a clean build goes through every step, and leaves only the artifacts', async () => {
    const heard: string[] = [];
    const out = await folderWith({});
    expect(await main(['build', '--sources', await sourcesA(), '--out', out, '--quiet'], { afterStep: (step) => void heard.push(step) })).toBe(0);
    expect(heard).toEqual(steps);
    expect(Object.keys(await tree(out))).toEqual([...artifactNames].sort());
  });

  let sourcesNew = '';
  let oldOut = '';
  let newOut = '';
  let oldSet: Record<string, string> = {};
  let newSet: Record<string, string> = {};
  beforeAll(async () => {
    sourcesNew = await sourcesB();
    oldOut = await builtOutput(await sourcesA());
    oldSet = await tree(oldOut);
    newOut = await builtOutput(sourcesNew);
    newSet = await tree(newOut);
  });

  it.each(steps.map((step, index) => [step, index] as const))('killed after `%s`', async (step, index) => {
    const out = await folderWith({});
    await cp(oldOut, out, { recursive: true });
    const killed = await folderWith({});
    const command = `port-catalog build --sources ${sourcesNew} --out ${out}`;

    // The disk as a kill at this step leaves it: copied while the build waits in the hook.
    const afterStep = (heard: string) => {
      if (heard !== step) return;
      cpSync(out, killed, { recursive: true });
      throw new StopHere(heard);
    };
    await expect(main(['build', '--sources', sourcesNew, '--out', out], { afterStep })).rejects.toBeInstanceOf(StopHere);

    // In-process, a failure before the commit leaves the old files and nothing else;
    // after it, the journal stays for the next run.
    const afterFailure = await tree(out);
    if (index < committedAt) expect(afterFailure).toEqual(oldSet);
    else if (index < steps.indexOf('journal removed')) expect(Object.keys(afterFailure)).toContain(journalName);
    else expect(Object.keys(afterFailure).filter((name) => !name.startsWith('.staging-'))).toEqual(Object.keys(newSet));

    // The killed process cannot release its lock; give it a pid that is gone.
    const lock = JSON.parse(await readFile(path.join(killed, lockName), 'utf8')) as { pid: number; command: string };
    expect(lock).toMatchObject({ pid: process.pid, command });
    const pid = deadPid();
    await writeFile(path.join(killed, lockName), JSON.stringify({ ...lock, pid }));

    stderr.length = 0;
    const staleLock = `port-catalog: removed the lock of a build that is no longer running (pid ${pid}: ${command}) from ${label(killed)}`;
    const staleStaging = `port-catalog: removed 1 staging folder(s) of an interrupted build from ${label(killed)}`;
    const moved = steps.slice(committedAt + 1, index + 1).filter((heard) => heard.startsWith('moved ')).length;
    if (index < committedAt) {
      // Not committed: the old set stands; check removes the leftovers and finds it stale.
      expect(await main(['check', '--sources', sourcesNew, '--out', killed])).toBe(1);
      expect(stderr.filter((line) => line.startsWith('port-catalog: removed'))).toEqual([
        staleLock,
        ...(index >= steps.indexOf('staging') ? [staleStaging] : []),
      ]);
      expect(await tree(killed)).toEqual(oldSet);
    } else {
      // Committed: check finishes the switch and says so.
      expect(await main(['check', '--sources', sourcesNew, '--out', killed])).toBe(0);
      const finished = `port-catalog: finished an interrupted build in ${label(killed)} (moved ${artifactNames.length - moved} of ${artifactNames.length} files into place)`;
      const journalGone = index >= steps.indexOf('journal removed');
      const stagingGone = index >= steps.indexOf('staging removed');
      expect(stderr).toEqual([staleLock, ...(journalGone ? [] : [finished]), ...(journalGone && !stagingGone ? [staleStaging] : [])]);
      expect(await tree(killed)).toEqual(newSet);
    }
    // Whatever the kill left, the next build writes the new set and leaves nothing else.
    expect(await main(['build', '--sources', sourcesNew, '--out', out, '--quiet'])).toBe(0);
    expect(await tree(out)).toEqual(newSet);
  });

  /** What each query prints and exits with on a folder holding one clean build. */
  const queries: string[][] = [['lookup', '22', '1768'], ['free', '1760-1770', '--include', 'reserved'], ['conflicts']];
  type Answers = { code: number; stdout: string[] }[];
  const answersOn = async (folder: string): Promise<Answers> => {
    const answers: Answers = [];
    for (const query of queries) {
      stdout.length = 0;
      const code = await main([...query, '--out', folder]);
      answers.push({ code, stdout: [...stdout] });
    }
    return answers;
  };
  // The answers of the old and of the new build, each clean: asked once, compared after every kill.
  // Asked inside a test, not in beforeAll: captureOutput only catches what a test prints.
  const answersOf = new Map<string, Promise<Answers>>();
  const cleanAnswers = (folder: string): Promise<Answers> => {
    const asked = answersOf.get(folder) ?? answersOn(folder);
    answersOf.set(folder, asked);
    return asked;
  };

  it.each(steps.map((step, index) => [step, index] as const))('killed after `%s`, lookup, free and conflicts answer from one build, never a mix', async (step, index) => {
    const out = await folderWith({});
    await cp(oldOut, out, { recursive: true });
    const killed = await folderWith({});
    const afterStep = (heard: string) => {
      if (heard !== step) return;
      cpSync(out, killed, { recursive: true });
      throw new StopHere(heard);
    };
    await expect(main(['build', '--sources', sourcesNew, '--out', out], { afterStep })).rejects.toBeInstanceOf(StopHere);
    const lock = JSON.parse(await readFile(path.join(killed, lockName), 'utf8')) as { pid: number };
    await writeFile(path.join(killed, lockName), JSON.stringify({ ...lock, pid: deadPid() }));
    const expected = await cleanAnswers(index < committedAt ? oldOut : newOut);
    // Each query runs on its own copy of what the kill left, as the first reader of it.
    for (const [at, query] of queries.entries()) {
      const copy = await folderWith({});
      await cp(killed, copy, { recursive: true });
      stdout.length = 0;
      stderr.length = 0;
      const code = await main([...query, '--out', copy]);
      expect({ code, stdout: [...stdout] }).toEqual(expected[at]);
      if (index >= committedAt && index < steps.indexOf('journal removed')) {
        // The query finished the switch, and said so.
        expect(stderr).toContain(`port-catalog: finished an interrupted build in ${label(copy)} (moved ${artifactNames.length - steps.slice(committedAt + 1, index + 1).filter((heard) => heard.startsWith('moved ')).length} of ${artifactNames.length} files into place)`);
        expect(Object.keys(await tree(copy)).filter((name) => !name.startsWith('.'))).toEqual(Object.keys(newSet).filter((name) => !name.startsWith('.')));
        expect(await tree(copy)).toEqual(newSet);
      }
    }
  });

  it('a query that may not write the folder refuses a half-switched build with one line, and never answers', async () => {
    const out = await folderWith({});
    await cp(oldOut, out, { recursive: true });
    const killed = await folderWith({});
    const afterStep = (heard: string) => {
      if (heard !== `moved ${artifactNames[0]}`) return;
      cpSync(out, killed, { recursive: true });
      throw new StopHere(heard);
    };
    await expect(main(['build', '--sources', sourcesNew, '--out', out], { afterStep })).rejects.toBeInstanceOf(StopHere);
    await rm(path.join(killed, lockName));
    // As on a read-only mount: creating any file in the folder (the lock first) fails.
    failing.open = (file, flags) =>
      file.startsWith(killed) && typeof flags === 'string' && flags !== 'r' ? systemError('EROFS', -30, 'read-only file system', 'open', file) : null;
    for (const query of queries) {
      stdout.length = 0;
      stderr.length = 0;
      expect(await main([...query, '--out', killed])).toBe(1);
      expect(stdout).toEqual([]);
      expect(stderr).toEqual([
        `port-catalog: cannot answer from ${label(killed)}: a build was interrupted while switching its files, so they may be mixed, and this process cannot write it: read-only file system (EROFS); run \`port-catalog check --out ${path.relative(process.cwd(), killed)}\` where the folder can be written to finish it`,
      ]);
    }
  });

  it('a finish that is itself killed is finished by the next run', async () => {
    const out = await folderWith({});
    await cp(oldOut, out, { recursive: true });
    const killed = await folderWith({});
    const twiceKilled = await folderWith({});
    const stopAt = (target: string, copyTo: string) => (heard: string) => {
      if (heard !== target) return;
      cpSync(out, copyTo, { recursive: true });
      throw new StopHere(heard);
    };
    await expect(main(['build', '--sources', sourcesNew, '--out', out], { afterStep: stopAt(`moved ${artifactNames[0]}`, killed) })).rejects.toBeInstanceOf(StopHere);
    // The finish (by check) is killed in turn, after moving two more files.
    const copyKilled = (heard: string) => {
      if (heard !== `finished ${artifactNames[2]}`) return;
      cpSync(killed, twiceKilled, { recursive: true });
      throw new StopHere(heard);
    };
    // Each killed run's lock is removed by hand here; a dead holder's lock is covered above.
    await rm(path.join(killed, lockName));
    await expect(main(['check', '--sources', sourcesNew, '--out', killed], { afterStep: copyKilled })).rejects.toBeInstanceOf(StopHere);
    await rm(path.join(twiceKilled, lockName));
    stderr.length = 0;
    expect(await main(['check', '--sources', sourcesNew, '--out', twiceKilled])).toBe(0);
    expect(stderr).toEqual([
      `port-catalog: finished an interrupted build in ${label(twiceKilled)} (moved ${artifactNames.length - 3} of ${artifactNames.length} files into place)`,
    ]);
    expect(await tree(twiceKilled)).toEqual(newSet);
  });

  it('a journal whose files were changed is reported, not trusted', async () => {
    const out = await folderWith({});
    await cp(oldOut, out, { recursive: true });
    const killed = await folderWith({});
    const afterStep = (heard: string) => {
      if (heard !== 'committed') return;
      cpSync(out, killed, { recursive: true });
      throw new StopHere(heard);
    };
    await expect(main(['build', '--sources', sourcesNew, '--out', out], { afterStep })).rejects.toBeInstanceOf(StopHere);
    await rm(path.join(killed, lockName));
    const staging = (await readdir(killed)).find((name) => name.startsWith('.staging-')) ?? '';
    await writeFile(path.join(killed, staging, 'ports.csv'), 'tampered\n');
    expect(await main(['check', '--sources', sourcesNew, '--out', killed])).toBe(1);
    expect(stderr).toEqual([
      `port-catalog: found an interrupted build in ${label(killed)} that cannot be finished (changed since it was written: ports.csv); its files may be mixed`,
      `${path.relative(process.cwd(), path.join(killed, 'ports.csv'))}: stale`,
      'port-catalog: output is stale; run `npm run build` and commit the result.',
    ]);
  });

  it.runIf(canMount)('check on a read-only folder holding an interrupted build says it cannot finish it (real)', async () => {
    const point = tmpfs('size=1m');
    const out = path.join(point, 'out');
    expect(await main(['build', '--sources', await sourcesA(), '--out', out, '--quiet'])).toBe(0);
    const afterStep = (heard: string) => {
      if (heard === 'committed') throw new StopHere(heard);
    };
    await expect(main(['build', '--sources', sourcesNew, '--out', out], { afterStep })).rejects.toBeInstanceOf(StopHere);
    execFileSync('mount', ['-o', 'remount,ro', point], { stdio: 'ignore' });
    const before = await tree(out);
    expect(await main(['check', '--sources', sourcesNew, '--out', out])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot finish the interrupted build in ${label(out)}: read-only file system (EROFS)`]);
    expect(await tree(out)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------

describe('output folder: concurrent builds', () => {
  it('a second build into a locked folder waits, then fails naming the holder; the first completes', async () => {
    const [first, second] = [await sourcesA(), await sourcesB()];
    const firstSet = await tree(await builtOutput(first));
    const out = await builtOutput(second);
    let secondExit: number | null = null;
    let secondErrors: string[] = [];
    const afterStep = async (heard: string) => {
      if (heard !== `staged ${artifactNames[0]}`) return;
      const before = stderr.length;
      secondExit = await main(['build', '--sources', second, '--out', out, '--quiet'], { lockWaitMs: 200 });
      secondErrors = stderr.slice(before);
    };
    expect(await main(['build', '--sources', first, '--out', out, '--quiet'], { afterStep })).toBe(0);
    expect(secondExit).toBe(1);
    expect(secondErrors).toEqual([
      `port-catalog: cannot write ${label(out)}: another build holds its lock (pid ${process.pid}: port-catalog build --sources ${first} --out ${out} --quiet), waited 0.2 s; if no build is running, remove ${label(out)}${lockName}`,
    ]);
    expect(await tree(out)).toEqual(firstSet);
  });

  it('a second build that starts while the first holds the lock runs once it is released', async () => {
    const [first, second] = [await sourcesA(), await sourcesB()];
    const secondSet = await tree(await builtOutput(second));
    const out = await folderWith({});
    let secondRun: Promise<number> | null = null;
    const afterStep = (heard: string) => {
      if (heard === 'locked') secondRun = main(['build', '--sources', second, '--out', out, '--quiet'], { lockWaitMs: 5000 });
    };
    expect(await main(['build', '--sources', first, '--out', out, '--quiet'], { afterStep })).toBe(0);
    expect(await secondRun).toBe(0);
    expect(await tree(out)).toEqual(secondSet);
    expect(stderr).toEqual([]);
  });

  it('the lock is released after a failed build: the next one does not wait', async () => {
    const out = await builtOutput(await sourcesA());
    const bad = await folderWith({ 'sources.json': manifest('X'), 'page.md': page([['A', 70000]]), services });
    expect(await main(['build', '--sources', bad, '--out', out, '--quiet'])).toBe(1);
    expect(await readdir(out)).not.toContain(lockName);
    expect(await main(['build', '--sources', await sourcesB(), '--out', out, '--quiet'], { lockWaitMs: 0 })).toBe(0);
  });

  it('writeArtifacts takes the same lock', async () => {
    const out = await folderWith({});
    const afterStep = async (heard: string) => {
      if (heard !== 'locked') return;
      const inner = writeArtifacts(out, fixedArtifacts({ 'a.txt': 'a\n' }), { command: 'inner', lockWaitMs: 0 });
      expect(await rejectionMessage(inner)).toContain(`another build holds its lock (pid ${process.pid}: outer)`);
    };
    await writeArtifacts(out, fixedArtifacts({ 'b.txt': 'b\n' }), { command: 'outer', afterStep });
    expect(await tree(out)).toEqual({ 'b.txt': Buffer.from('b\n').toString('base64') });
  });

  it('writes every byte when the system takes fewer than asked at a time', async () => {
    const out = await folderWith({});
    // At most 1,000 bytes per call, as a file system under pressure may do.
    failing.writeLimit = 1000;
    failing.writes = 0;
    const text = `${'é'.repeat(5000)}\n`;
    await writeArtifacts(out, fixedArtifacts({ 'a.txt': text }));
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe(text);
    // 10,001 bytes of the file, and the journal's.
    expect(failing.writes).toBeGreaterThanOrEqual(11);
  });
});

// ---------------------------------------------------------------------------

describe('sources that are not regular files', () => {
  const manifestLine = (sources: string) => path.relative(process.cwd(), path.join(sources, 'sources.json'));

  it('a named pipe as a source is a located error at once, not a hang', async () => {
    const sources = await folderWith({ 'sources.json': manifest('X'), services });
    execFileSync('mkfifo', [path.join(sources, 'page.md')], { stdio: 'ignore' });
    const out = await builtOutput(await sourcesA());
    const before = await tree(out);
    expect(await main(['build', '--sources', sources, '--out', out])).toBe(1);
    expect(stderr).toEqual([
      `${manifestLine(sources)}:5:15: error: Cannot read source \`page.md\` (it is a named pipe, not a regular file), expected a readable file (manifest:read)`,
    ]);
    expect(await tree(out)).toEqual(before);
  });

  it('a character device as the manifest (a link to /dev/zero) is refused before it is read', async () => {
    const sources = await folderWith({});
    await symlink('/dev/zero', path.join(sources, 'sources.json'));
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr).toEqual([
      `${manifestLine(sources)}:1:1: error: Cannot read the manifest (it is a character device, not a regular file), expected sources.json in \`${sources}\` (manifest:read)`,
    ]);
  });

  it('a folder as a source', async () => {
    const sources = await folderWith({ 'sources.json': manifest('X'), services, 'page.md/inner': 'x' });
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toBe(
      `${manifestLine(sources)}:5:15: error: Cannot read source \`page.md\` (it is a folder, not a regular file), expected a readable file (manifest:read)`,
    );
  });

  it('readRegularFile refuses devices and pipes', async () => {
    expect(() => readRegularFile('/dev/zero')).toThrow(new NotRegularFileError('a character device'));
    const folder = await folderWith({});
    execFileSync('mkfifo', [path.join(folder, 'pipe')], { stdio: 'ignore' });
    expect(() => readRegularFile(path.join(folder, 'pipe'))).toThrow(new NotRegularFileError('a named pipe'));
  });

  it('diff refuses a named pipe as ports.json', async () => {
    const folder = await folderWith({ 'old.json': '{"records":[]}\n' });
    const pipe = path.join(folder, 'pipe.json');
    execFileSync('mkfifo', [pipe], { stdio: 'ignore' });
    expect(await main(['diff', path.join(folder, 'old.json'), '--path', pipe])).toBe(2);
    expect(stderr).toEqual([`port-catalog: Cannot read \`${pipe}\` (it is a named pipe, not a regular file), expected ports.json`]);
  });

  it('check counts a named pipe in the output folder as stale rather than reading it', async () => {
    const sources = await sourcesA();
    const out = await builtOutput(sources);
    const csv = path.join(out, 'ports.csv');
    await rm(csv);
    execFileSync('mkfifo', [csv], { stdio: 'ignore' });
    expect(await main(['check', '--sources', sources, '--out', out])).toBe(1);
    expect(stderr[0]).toBe(`${path.relative(process.cwd(), csv)}: stale`);
  });
});

// ---------------------------------------------------------------------------

const hostile = 'Evil\u001b[31m\u202eCorp\u0007\u009b';
const shown = 'Evil\\x1b[31m<U+202E>Corp\\x07\\x9b';
/** No raw control or bidi character is left (line feeds between lines aside). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds.
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters never reach the terminal raw', () => {
  it('terminalLine shows C0, DEL, C1 and bidi controls, keeps tab and other text, and is idempotent', () => {
    expect(terminalLine('a\u0000b\u001bc\u007fd\u0085e\u202af\u2066g\u2069h\ti\nj\rk é ∞')).toBe(
      'a\\x00b\\x1bc\\x7fd\\x85e<U+202A>f<U+2066>g<U+2069>h\ti\\nj\\rk é ∞',
    );
    expect(terminalLine(terminalLine(hostile))).toBe(shown);
    expect(terminalText(`${hostile}\n${hostile}`)).toBe(`${shown}\n${shown}`);
    const json = JSON.stringify({ name: hostile });
    expect(terminalJson(json)).toBe('{"name":"Evil\\u001b[31m\\u202eCorp\\u0007\\u009b"}');
    expect(JSON.parse(terminalJson(json))).toEqual({ name: hostile });
  });

  it('lookup, text and --json', async () => {
    const sources = await sourcesOf(hostile, [['Alpha', 8080]]);
    const out = await folderWith({});
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    stdout.length = 0;
    stderr.length = 0;
    expect(await main(['lookup', '8080', '--out', out])).toBe(0);
    expect(stdout).toEqual(['8080:', `  catalog   8080/tcp         Alpha (${shown})  [page:3]`, '  reference 8080/tcp         http-alt: HTTP Alternate  [ref:1]']);
    stdout.length = 0;
    expect(await main(['lookup', '8080', '--out', out, '--json'])).toBe(0);
    expect(stdout.join('')).not.toMatch(raw);
    expect(JSON.parse(stdout.join(''))[0].records[0].product).toBe(hostile);
  });

  it('conflicts, text and --json', async () => {
    const sources = await sourcesOf(hostile, [['Alpha', 8080]]);
    const out = await folderWith({});
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    stdout.length = 0;
    stderr.length = 0;
    expect(await main(['conflicts', '--out', out])).toBe(1);
    expect(stdout[0]).toBe(
      `8080/tcp: different-service: catalog "Alpha" (${shown}) [page:3] vs reference "HTTP Alternate" (http-alt) [ref:1]. "Alpha" and "HTTP Alternate" (\`http-alt\`) share no keyword, acronym, product or significant word`,
    );
    stdout.length = 0;
    expect(await main(['conflicts', '--out', out, '--json'])).toBe(1);
    expect(stdout.join('')).not.toMatch(raw);
    expect(stdout.join('')).toContain('"product": "Evil\\u001b[31m\\u202eCorp\\u0007\\u009b"');
  });

  it('diff of a hostile ports.json, Markdown and --json', async () => {
    const record = {
      portStart: 1, portEnd: 1, protocol: 'tcp', status: 'assigned', serviceName: null, name: hostile, description: null,
      references: [], notes: [], category: 'well-known', product: null, configKey: null, direction: null, sources: [{ source: 'x', line: 1 }],
    };
    const folder = await folderWith({ 'old.json': '{"records":[]}\n', 'new.json': JSON.stringify({ records: [record] }) });
    const [oldFile, newFile] = [path.join(folder, 'old.json'), path.join(folder, 'new.json')];
    expect(await main(['diff', oldFile, newFile])).toBe(0);
    expect(stdout.join('')).not.toMatch(raw);
    expect(stdout.join('')).toContain(shown.replace('[', '\\['));
    stdout.length = 0;
    expect(await main(['diff', oldFile, newFile, '--json'])).toBe(0);
    expect(stdout.join('')).not.toMatch(raw);
    expect(JSON.parse(stdout.join('')).added[0].name).toBe(hostile);
  });

  it("the build's messages in all three formats: a source named with controls", async () => {
    const name = `pa\u001b]0;owned\u0007ge\u202e.md`;
    const sources = await folderWith({ 'sources.json': manifest('X', name), services });
    const where = `${path.relative(process.cwd(), path.join(sources, 'sources.json'))}`;
    const reason = 'Cannot read source `pa\\x1b]0;owned\\x07ge<U+202E>.md` (no such file), expected a readable file';

    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toBe(`${where}:5:15: error: ${reason} (manifest:read)`);

    stdout.length = 0;
    expect(await main(['build', '--sources', sources, '--out', await folderWith({}), '--format', 'github'])).toBe(1);
    expect(stdout).toEqual([`::error file=${where},line=5,col=15,title=manifest%3Aread::${reason}`]);

    stdout.length = 0;
    expect(await main(['build', '--sources', sources, '--out', await folderWith({}), '--format', 'json'])).toBe(1);
    expect(stdout.join('')).not.toMatch(raw);
    expect(JSON.parse(stdout.join(''))[0].message).toBe(`Cannot read source \`${name}\` (no such file), expected a readable file`);
  });

  it('formatMessage and formatGithubAnnotation escape controls in the path and the reason', () => {
    const file = new VFile({ path: `a\u001bb.md` });
    const message = reporterFor(file, 'port-list')('port-range', `Unexpected \`\u202e1\`\nnext`, { line: 2, column: 3 });
    expect(formatMessage(message)).toBe('a\\x1bb.md:2:3: error: Unexpected `<U+202E>1`\\nnext (port-list:port-range)');
    expect(formatGithubAnnotation(message)).toBe('::error file=a\\x1bb.md,line=2,col=3,title=port-list%3Aport-range::Unexpected `<U+202E>1`%0Anext');
    expect(formatMessages([message], 'json')[0]).not.toMatch(raw);
  });

  it('the build summary and the paths the CLI prints', async () => {
    const sources = await sourcesA();
    const result = await buildFolder(sources);
    const [first] = result.perSource;
    if (!first) throw new Error('no source');
    const lines = formatBuildSummary({ ...result, perSource: [{ ...first, id: 'a\u001b[2Jb\u202e' }] }, null);
    expect(lines[2]).toBe('a\\x1b[2Jb<U+202E>  2        -                               ok');

    const out = path.join(await folderWith({}), 'out\u001b[2J');
    const isTTY = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      expect(await main(['build', '--sources', sources, '--out', out])).toBe(0);
    } finally {
      process.stdout.isTTY = isTTY;
    }
    // The summary's own style sequences (SGR, `ESC [ n m`) are there when colours are on,
    // as under CI; anything else raw, like the path's `ESC [2J`, must not be.
    expect(stdout.join('\n').replace(/\u001b\[\d+m/g, '')).not.toMatch(raw);
    expect(stdout.at(-1)).toBe(`Wrote ${artifactNames.length} files to ${path.relative(process.cwd(), out).replace('\u001b', '\\x1b')}/.`);
  });

  it('a lookup query with controls is echoed escaped', async () => {
    expect(await main(['lookup', '8\u001b[2J0\u202e'])).toBe(2);
    expect(stderr).toEqual(['port-catalog: Unexpected port `8\\x1b[2J0<U+202E>`, expected PORT, PORT/PROTOCOL or A-B with ports 0–65535']);
  });

  it('command-line errors echo arguments escaped', async () => {
    expect(await main(['build', '--b\u001b[2Jogus'])).toBe(2);
    expect(stderr.join('')).toContain("error: unknown option '--b\\x1b[2Jogus'");
    expect(stderr.join('')).not.toMatch(/\u001b/);
  });
});

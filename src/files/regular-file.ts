/**
 * Reading a file that must be a regular file. A named pipe blocks a read
 * until some other process writes to it (a build that hangs forever), and a
 * device such as /dev/zero never ends (memory grows without bound), so
 * anything else is refused before it is read.
 *
 * The reads are synchronous. A build reads a few dozen small files one after
 * another, and each asynchronous call is a round trip through libuv's thread
 * pool: on two busy cores those waits were a tenth of a cold build, longer
 * than the reads themselves.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { FactsCounter, type ArtifactFacts } from '../emit/artifact.js';

/** The file exists but is not a regular file; `kind` says what it is, in words. */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';

  constructor(readonly kind: string) {
    super(`it is ${kind}, not a regular file`);
  }
}

/** What a non-regular file is, in words (`a named pipe`, `a character device`, …). */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

// Absent on Windows, which has no FIFOs or terminals to open this way.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The bytes of `filePath`, which must be a regular file (links are
 * followed). Checked twice: by path before opening, so a device is never
 * opened, and by the open descriptor, so a file swapped for a pipe in
 * between is still refused. The open never blocks on a pipe and never makes
 * a terminal the controlling one. Throws NotRegularFileError, or the system
 * error.
 */
export function readRegularFile(filePath: string): Buffer {
  return withRegularFile(filePath, (fd) => readFileSync(fd));
}

/** Size and sha256 of `filePath`, which must be a regular file; read a block at a time, never held whole. */
export function regularFileFacts(filePath: string): ArtifactFacts {
  return withRegularFile(filePath, (fd) => {
    const counter = new FactsCounter();
    const block = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const bytesRead = readSync(fd, block, 0, block.length, null);
      if (bytesRead === 0) return counter.facts();
      counter.add(block.subarray(0, bytesRead));
    }
  });
}

function withRegularFile<T>(filePath: string, use: (fd: number) => T): T {
  const before = statSync(filePath);
  if (!before.isFile()) throw new NotRegularFileError(kindOf(before));
  const fd = openSync(filePath, openFlags);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new NotRegularFileError(kindOf(opened));
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

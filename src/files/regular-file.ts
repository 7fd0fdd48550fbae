/**
 * Reading a file that must be a regular file. A named pipe blocks a read
 * until some other process writes to it (a build that hangs forever), and a
 * device such as /dev/zero never ends (memory grows without bound), so
 * anything else is refused before it is read.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
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
 * opened, and by the open handle, so a file swapped for a pipe in between is
 * still refused. The open never blocks on a pipe and never makes a terminal
 * the controlling one. Throws NotRegularFileError, or the system error.
 */
export async function readRegularFile(filePath: string): Promise<Buffer> {
  return withRegularFile(filePath, (handle) => handle.readFile());
}

/** Size and sha256 of `filePath`, which must be a regular file; read a block at a time, never held whole. */
export async function regularFileFacts(filePath: string): Promise<ArtifactFacts> {
  return withRegularFile(filePath, async (handle) => {
    const counter = new FactsCounter();
    const block = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, block.length, null);
      if (bytesRead === 0) return counter.facts();
      counter.add(block.subarray(0, bytesRead));
    }
  });
}

async function withRegularFile<T>(filePath: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  const before = await stat(filePath);
  if (!before.isFile()) throw new NotRegularFileError(kindOf(before));
  const handle = await open(filePath, openFlags);
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new NotRegularFileError(kindOf(opened));
    return await use(handle);
  } finally {
    await handle.close();
  }
}

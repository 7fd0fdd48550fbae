/**
 * Operating-system errors as one line a person can act on:
 * `cannot write output/: read-only file system (EROFS)`. A full disk or a
 * read-only folder is a fact about the machine, not a bug in this program,
 * so it gets no stack trace; the CLI prints the line and exits 1.
 */
import { getSystemErrorMap } from 'node:util';

/** A Node error from a system call: it has a string `code` such as `ENOSPC`. */
export function isErrnoException(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && !(error instanceof FileSystemFault) && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** A file-system operation that failed, worded for the person who asked for it. */
export class FileSystemFault extends Error {
  override readonly name = 'FileSystemFault';

  /**
   * @param verb what was being done, e.g. `write`, `read`
   * @param target the path as the user should see it, e.g. `output/`
   * @param words why, in plain words
   * @param code the system's error code, e.g. `EROFS`, when there is one
   * @param options.advice what happens next or what to do, after the code
   */
  constructor(
    readonly verb: string,
    readonly target: string,
    readonly words: string,
    readonly code: string | null,
    options: { cause?: unknown; advice?: string } = {},
  ) {
    super(
      `cannot ${verb} ${target}: ${words}${code ? ` (${code})` : ''}${options.advice ? `; ${options.advice}` : ''}`,
      { cause: options.cause },
    );
  }
}

/**
 * Words for codes where libuv's own are missing or say less than they could
 * here (this project says "folder", not "directory").
 */
const plainWords: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOTEMPTY: 'the folder is not empty',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
};

/** libuv's message for each code name, e.g. `ENOSPC` → `no space left on device`. */
const systemWords = new Map([...getSystemErrorMap().values()].map(([code, words]) => [code, words]));

/** The plain words for a system error code, e.g. `read-only file system` for `EROFS`. */
export function wordsFor(code: string): string {
  return plainWords[code] ?? systemWords.get(code) ?? 'system error';
}

/** A system error as a fault: `cannot <verb> <target>: <words> (<CODE>)[; <advice>]`. */
export function faultFrom(
  error: NodeJS.ErrnoException & { code: string },
  verb: string,
  target: string,
  advice?: string,
): FileSystemFault {
  return new FileSystemFault(verb, target, wordsFor(error.code), error.code, { cause: error, ...(advice ? { advice } : {}) });
}

/**
 * Runs `work`; a system error it throws becomes a fault naming `verb` and
 * `target`. A fault already made passes through unchanged (it is more
 * precise), and anything else is a bug and keeps its stack.
 */
export async function describingFaults<T>(verb: string, target: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isErrnoException(error)) throw faultFrom(error, verb, target);
    throw error;
  }
}

/** The verb for a system call, for an error that reached the CLI without one. */
export function verbFor(syscall: string | undefined): string {
  switch (syscall) {
    case 'open':
    case 'read':
    case 'stat':
    case 'lstat':
    case 'fstat':
    case 'realpath':
    case 'scandir':
      return 'read';
    case 'mkdir':
      return 'create';
    case 'unlink':
    case 'rmdir':
    case 'rm':
      return 'remove';
    case 'rename':
      return 'rename';
    default:
      return 'write';
  }
}

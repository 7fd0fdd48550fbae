/**
 * Before a query reads built data, the folder must hold one build, not a
 * switch a killed build left half done (its journal, `.switch.json`, still
 * there). Where the query may write the folder, it finishes the switch, as
 * `build` and `check` do; where it may not (a read-only install, someone
 * else's folder), it refuses with one line that says how to finish it. The
 * usual case, no journal, costs one file-system look.
 */
import { access } from 'node:fs/promises';
import { accessSync } from 'node:fs';
import path from 'node:path';
import { FileSystemFault } from './os-errors.js';
import { displayPath } from './display-path.js';
import { journalName } from './output-lock.js';

/** A folder whose half-done switch cannot be finished here: the one line to print. */
export class MixedOutputError extends Error {
  override name = 'MixedOutputError';
}

const refusal = (folder: string, why: string) =>
  new MixedOutputError(
    `cannot answer from ${displayPath(folder)}/: a build was interrupted while switching its files, so they may be mixed, and ${why}; run \`port-catalog check --out ${displayPath(folder)}\` where the folder can be written to finish it`,
  );

/** Whether the folder holds a switch's journal. */
export async function hasJournal(folder: string): Promise<boolean> {
  return access(path.join(folder, journalName)).then(
    () => true,
    () => false,
  );
}

/**
 * Finishes an interrupted switch in `folder`, if there is one. Returns what
 * finishing said (for --verbose and stderr); throws a MixedOutputError when
 * it cannot be finished here.
 */
export async function settleOutput(folder: string): Promise<string[]> {
  if (!(await hasJournal(folder))) return [];
  const { openOutputForCheck } = await import('./write-artifacts.js');
  try {
    const opened = await openOutputForCheck(folder, { command: 'port-catalog (a query finishing an interrupted build)' });
    await opened.close();
    if (await hasJournal(folder)) throw refusal(folder, 'its journal could not be removed');
    return [...opened.report];
  } catch (error) {
    if (error instanceof FileSystemFault) throw refusal(folder, error.message.replace(/^cannot [^:]*: /, 'this process cannot write it: '));
    throw error;
  }
}

/** For synchronous readers (the library's `port-catalog/uses`): refuses a folder holding a journal, which it cannot finish. */
export function assertSettledSync(folder: string): void {
  try {
    accessSync(path.join(folder, journalName));
  } catch {
    return;
  }
  throw refusal(folder, 'a synchronous reader does not finish it');
}

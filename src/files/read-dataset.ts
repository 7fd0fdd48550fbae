/**
 * One side of a diff: a ports.json file, or the ports.json committed at a git
 * revision (read with `git show REV:./PATH`, relative to the working directory),
 * with the conflicts.json beside it when there is one.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ConflictEntry } from '../compare/conflict-diff.js';
import { datasetRecords, isConflictList, upgradeSides } from '../model/built-shapes.js';
import type { PortRecord } from '../model/record.js';
import { isErrnoException, wordsFor } from './os-errors.js';
import { NotRegularFileError, readRegularFile } from './regular-file.js';

const run = promisify(execFile);

export interface DatasetSide {
  /** How the side is named in reports: a path, or `REV:path`. */
  label: string;
  records: PortRecord[];
  /** The dataset's sources: manifest id and file, for links to their lines. */
  sources: { id: string; file: string }[];
  /** The conflicts of conflicts.json beside ports.json, or null when there is none. */
  conflicts: ConflictEntry[] | null;
}

/** Reads ports.json from a file; only a regular file, so a named pipe cannot hang `diff`. */
export async function readDatasetFile(filePath: string): Promise<DatasetSide> {
  let text: string;
  try {
    text = readRegularFile(filePath).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new Error(`Cannot read \`${filePath}\` (${error.message}), expected ports.json`);
    if (isErrnoException(error)) throw new Error(`Cannot read \`${filePath}\` (${wordsFor(error.code)}, ${error.code}), expected ports.json`);
    throw error;
  }
  const beside = path.join(path.dirname(filePath), 'conflicts.json');
  let besideText: string | null;
  try {
    besideText = readRegularFile(beside).toString('utf8');
  } catch {
    // A dataset without its conflict report is still compared, record by record.
    besideText = null;
  }
  const conflicts = besideText === null ? null : conflictsOf(besideText);
  return { label: filePath, ...datasetOf(text, filePath), conflicts };
}

/** Reads `datasetPath` as committed at `revision`. */
export async function readDatasetAtRevision(revision: string, datasetPath: string): Promise<DatasetSide> {
  if (revision.startsWith('-')) throw new Error(`Unexpected revision \`${revision}\`, expected a git revision`);
  const spec = `${revision}:./${datasetPath.replace(/^\.\//, '')}`;
  const { stdout } = await run('git', ['show', spec], { maxBuffer: 1 << 30, encoding: 'utf8' }).catch((error: unknown) => {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    throw new Error(`Cannot read \`${spec}\` from git (${detail})`);
  });
  const besideSpec = `${revision}:./${path.posix.join(path.posix.dirname(datasetPath.replace(/^\.\//, '')), 'conflicts.json')}`;
  const conflicts = await run('git', ['show', besideSpec], { maxBuffer: 1 << 30, encoding: 'utf8' }).then(({ stdout: text }) => conflictsOf(text), () => null);
  return { label: spec, ...datasetOf(stdout, spec), conflicts };
}

/** A side as the user wrote it: an existing file, or else a git revision holding `datasetPath`. */
export async function readDatasetSide(spec: string, datasetPath: string): Promise<DatasetSide> {
  const isFile = await stat(spec).then((info) => info.isFile(), () => false);
  return isFile ? readDatasetFile(spec) : readDatasetAtRevision(spec, datasetPath);
}

function datasetOf(text: string, label: string): Pick<DatasetSide, 'records' | 'sources'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`Unexpected content in \`${label}\` (${error instanceof Error ? error.message : String(error)}), expected ports.json`);
  }
  // A ports.json from before the contract gained aliases and direction is still a side.
  const read = datasetRecords(data, ['aliases', 'direction']);
  if ('reason' in read) throw new Error(`Unexpected \`${label}\` ${read.reason}, expected ports.json`);
  const sources = (data as { sources?: unknown }).sources;
  return { records: read.records, sources: Array.isArray(sources) ? (sources as DatasetSide['sources']) : [] };
}

/** The conflicts of a conflicts.json text; null when it is not one, as a diff can go on without them. */
function conflictsOf(text: string): ConflictEntry[] | null {
  try {
    const conflicts = (JSON.parse(text) as { conflicts?: unknown } | null)?.conflicts;
    // A conflicts.json from before `portStart` and `portEnd` is read as if written with them.
    return isConflictList(conflicts) ? upgradeSides(conflicts as ConflictEntry[]) : null;
  } catch {
    // An unreadable neighbour only means the diff shows no Conflicts section.
    return null;
  }
}

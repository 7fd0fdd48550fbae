/**
 * One side of a diff: a ports.json file, or the ports.json committed at a git
 * revision (read with `git show REV:./PATH`, relative to the working directory).
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { PortRecord } from '../model/record.js';
import { isErrnoException, wordsFor } from './os-errors.js';
import { NotRegularFileError, readRegularFile } from './regular-file.js';

const run = promisify(execFile);

export interface DatasetSide {
  /** How the side is named in reports: a path, or `REV:path`. */
  label: string;
  records: PortRecord[];
}

/** Reads ports.json from a file; only a regular file, so a named pipe cannot hang `diff`. */
export async function readDatasetFile(filePath: string): Promise<DatasetSide> {
  let text: string;
  try {
    text = (await readRegularFile(filePath)).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new Error(`Cannot read \`${filePath}\` (${error.message}), expected ports.json`);
    if (isErrnoException(error)) throw new Error(`Cannot read \`${filePath}\` (${wordsFor(error.code)}, ${error.code}), expected ports.json`);
    throw error;
  }
  return { label: filePath, records: recordsOf(text, filePath) };
}

/** Reads `datasetPath` as committed at `revision`. */
export async function readDatasetAtRevision(revision: string, datasetPath: string): Promise<DatasetSide> {
  if (revision.startsWith('-')) throw new Error(`Unexpected revision \`${revision}\`, expected a git revision`);
  const spec = `${revision}:./${datasetPath.replace(/^\.\//, '')}`;
  const { stdout } = await run('git', ['show', spec], { maxBuffer: 1 << 30, encoding: 'utf8' }).catch((error: unknown) => {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
    throw new Error(`Cannot read \`${spec}\` from git (${detail})`);
  });
  return { label: spec, records: recordsOf(stdout, spec) };
}

/** A side as the user wrote it: an existing file, or else a git revision holding `datasetPath`. */
export async function readDatasetSide(spec: string, datasetPath: string): Promise<DatasetSide> {
  const isFile = await stat(spec).then((info) => info.isFile(), () => false);
  return isFile ? readDatasetFile(spec) : readDatasetAtRevision(spec, datasetPath);
}

function recordsOf(text: string, label: string): PortRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`Unexpected content in \`${label}\` (${error instanceof Error ? error.message : String(error)}), expected ports.json`);
  }
  const records = (data as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) throw new Error(`Unexpected \`${label}\` without a \`records\` array, expected ports.json`);
  return records as PortRecord[];
}

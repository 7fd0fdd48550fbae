/**
 * The built data the query commands answer from: the catalog records of
 * ports.json and the reference rows of references.json. Reading them costs
 * a JSON.parse of ports.json, the reference rows a query wants (see
 * reference-rows.ts), and a look at each record's and row's types (see
 * model/built-shapes.ts); nothing of the build pipeline is loaded.
 */
import { datasetRecords } from '../model/built-shapes.js';
import type { PortRecord } from '../model/record.js';
import { recordOfRow } from '../model/reference-row.js';
import { BuiltFileError, parseBuilt } from './parse-built.js';

export { BuiltFileError } from './parse-built.js';
import { wantedReferenceRows, type PortSpan } from './reference-rows.js';

export interface BuiltData {
  catalog: PortRecord[];
  /** The reference records of the ports the query asked about. */
  references: PortRecord[];
}

/**
 * Built data from ports.json's text and references.json's bytes, keeping the
 * reference rows whose ports meet one of `spans` (every row when it is null).
 * Throws a BuiltFileError that names the file when one is not what `build` writes.
 */
export function readBuiltData(portsJson: string, referencesJson: Buffer | null, spans: readonly PortSpan[] | null): BuiltData {
  const read = datasetRecords(parseBuilt(portsJson, 'ports.json'));
  if ('reason' in read) throw new BuiltFileError('ports.json', `Unexpected ports.json ${read.reason}, expected the file \`build\` writes`);
  const rows = referencesJson === null ? [] : wantedReferenceRows(referencesJson, spans);
  return { catalog: read.records, references: rows.map(recordOfRow) };
}

/**
 * The built data the query commands answer from: the catalog records of
 * ports.json and the reference rows of references.json. Reading them costs
 * a JSON.parse each and a look at each record's and row's types (see
 * model/built-shapes.ts); nothing of the build pipeline is loaded.
 */
import { datasetRecords, isReferenceRow } from '../model/built-shapes.js';
import type { PortRecord } from '../model/record.js';
import { referenceRowFields, type ReferenceRow } from '../model/reference-row.js';

export interface BuiltData {
  catalog: PortRecord[];
  references: PortRecord[];
}

/** Built data from the two files' texts. Throws an Error that names the file when one is not what `build` writes. */
export function readBuiltData(portsJson: string, referencesJson: string | null): BuiltData {
  const read = datasetRecords(parseBuilt(portsJson, 'ports.json'));
  if ('reason' in read) throw new Error(`Unexpected ports.json ${read.reason}, expected the file \`build\` writes`);
  const rows = referencesJson === null ? [] : referenceRows(parseBuilt(referencesJson, 'references.json'));
  return { catalog: read.records, references: rows.map(recordOfRow) };
}

/** The rows of a references.json, each checked to be a row as build writes it. */
function referenceRows(index: unknown): ReferenceRow[] {
  const rows = (index as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('Unexpected references.json without a `rows` array, expected the file `build` writes');
  rows.forEach((row: unknown, number) => {
    if (!isReferenceRow(row)) {
      throw new Error(`Unexpected references.json row ${number} (\`${JSON.stringify(row)?.slice(0, 80)}\`), expected [${referenceRowFields.join(', ')}]`);
    }
  });
  return rows as ReferenceRow[];
}

/** A built file's JSON; a text that is none is an Error naming the file. */
export function parseBuilt(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse explains itself only in its message.
    throw new Error(`Unexpected content in ${name} (${error instanceof Error ? error.message : String(error)}), expected the file \`build\` writes`);
  }
}

/** The lists a reference row does not carry, shared by every record made from one (a query never changes a record). */
const none: string[] = [];

function recordOfRow(row: ReferenceRow): PortRecord {
  const portStart = row[0];
  return {
    portStart,
    portEnd: row[1],
    protocol: row[2],
    status: row[3],
    serviceName: row[4],
    aliases: row[5],
    name: row[6],
    description: null,
    references: none,
    notes: none,
    category: portStart <= 1023 ? 'well-known' : portStart <= 49151 ? 'registered' : 'dynamic',
    product: null,
    configKey: null,
    direction: null,
    sources: [{ source: row[7], line: row[8] }],
  };
}

/**
 * The built data the query commands answer from: the catalog records of
 * ports.json and the reference rows of references.json. Reading them costs
 * a JSON.parse each; nothing of the build pipeline is loaded.
 */
import type { PortRecord } from '../model/record.js';
import type { ReferenceRow } from '../model/reference-row.js';

export interface BuiltData {
  catalog: PortRecord[];
  references: PortRecord[];
}

/** Built data from the two files' texts. Throws an Error that names the file when one is not what `build` writes. */
export function readBuiltData(portsJson: string, referencesJson: string | null): BuiltData {
  const catalog = parseOr<{ records?: PortRecord[] }>(portsJson, 'ports.json').records;
  if (!Array.isArray(catalog)) throw new Error('Unexpected ports.json without a `records` array, expected the file `build` writes');
  const rows = referencesJson === null ? [] : parseOr<{ rows?: ReferenceRow[] }>(referencesJson, 'references.json').rows ?? [];
  return { catalog, references: rows.map(recordOfRow) };
}

function parseOr<T>(text: string, name: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // JSON.parse explains itself only in its message.
    throw new Error(`Unexpected content in ${name} (${error instanceof Error ? error.message : String(error)}), expected the file \`build\` writes`);
  }
}

function recordOfRow([portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]: ReferenceRow): PortRecord {
  return {
    portStart,
    portEnd,
    protocol,
    status,
    serviceName,
    aliases,
    name,
    description: null,
    references: [],
    notes: [],
    category: portStart <= 1023 ? 'well-known' : portStart <= 49151 ? 'registered' : 'dynamic',
    product: null,
    configKey: null,
    direction: null,
    sources: [{ source, line }],
  };
}

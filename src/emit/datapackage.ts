/**
 * datapackage.json: a Frictionless Data Package describing the artifacts,
 * so tools can load ports.csv with its types: each resource with its bytes
 * and sha256, the CSV's Table Schema (derived from the record schema), the
 * sources and the license.
 */
import type { PortDataset } from '../model/record.js';
import type { ArtifactFacts } from './artifact.js';
import type { TableSchema } from './table-schema.js';

export interface DataPackageInput {
  dataset: PortDataset;
  /** Size and digest of each file the descriptor lists, as written. */
  written: ReadonlyMap<string, ArtifactFacts>;
  tableSchema: TableSchema;
}

/** The files the descriptor lists; they are written before it. */
export const describedFiles = ['ports.csv', 'ports.json', 'references.json'] as const;

/** The descriptor, pretty JSON with a final newline. */
export function emitDataPackage({ dataset, written, tableSchema }: DataPackageInput): string {
  const facts = (name: (typeof describedFiles)[number]) => {
    const file = written.get(name);
    if (!file) throw new Error(`internal error: datapackage.json is written before ${name}`);
    return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
  };
  const descriptor = {
    profile: 'data-package',
    name: dataset.generator.name,
    title: 'Port catalog',
    description: 'Network port assignments merged from vendor documentation and port lists, each record with the source lines it came from.',
    version: dataset.generator.version,
    licenses: [
      {
        name: 'MIT',
        path: 'https://opensource.org/licenses/MIT',
        title: 'MIT License, for the compilation; each source document keeps its publisher’s terms',
      },
    ],
    sources: dataset.sources.map((source) => ({
      title: source.title,
      ...(source.url ? { path: source.url } : {}),
      ...(source.license ? { license: source.license } : {}),
      ...(source.role === 'reference' ? { description: 'reference: compared with the catalog, not catalogued' } : {}),
    })),
    resources: [
      {
        name: 'ports',
        path: 'ports.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...facts('ports.csv'),
        dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchema,
      },
      {
        name: 'ports-json',
        path: 'ports.json',
        profile: 'data-resource',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        ...facts('ports.json'),
        description: 'The same records with provenance; validates against schemas/dataset.schema.json.',
      },
      {
        name: 'references',
        path: 'references.json',
        profile: 'data-resource',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        ...facts('references.json'),
        description: 'The reference sources\u2019 records (the IANA registry), compact: one row per record, fields named in its header. lookup, free and conflicts read it.',
      },
    ],
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** The project's JSON Schemas, in schemas/: the single source of truth for every data shape. */
import { readFileSync } from 'node:fs';
import { packageFile } from './package-files.js';

const schemaDir = packageFile('schemas/');

export const schemaFiles = {
  record: 'port-record.schema.json',
  manifest: 'manifest.schema.json',
  accepted: 'accepted.schema.json',
  dataset: 'dataset.schema.json',
} as const;

export type SchemaName = keyof typeof schemaFiles;
export const schemaNames = Object.keys(schemaFiles) as SchemaName[];

/** Reads one of the package's own schemas. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  const text = readFileSync(new URL(schemaFiles[name], schemaDir), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * One ajv instance for the whole process, with every schema in schemas/ added
 * and each validator compiled once, at first use.
 *
 * Conversions (string to number, defaults) are done in explicit code, never by
 * ajv's coerceTypes or useDefaults: a validator here only ever says yes or no.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { AcceptedFindings, PortDataset, PortRecord, SourceManifest } from '../generated/schema-types.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module
// object, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

const schemaDir = new URL('../../schemas/', import.meta.url);

export const schemaFiles = {
  record: 'port-record.schema.json',
  manifest: 'manifest.schema.json',
  accepted: 'accepted.schema.json',
  dataset: 'dataset.schema.json',
} as const;

type SchemaName = keyof typeof schemaFiles;

/** Reads one of the package's own schemas. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  const text = readFileSync(new URL(schemaFiles[name], schemaDir), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

/** Creates a strict ajv instance holding all of the project's schemas. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const name of Object.keys(schemaFiles) as SchemaName[]) {
    ajv.addSchema(loadSchema(name));
  }
  return ajv;
}

let shared: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor<T>(name: SchemaName): ValidateFunction<T> {
  let validate = compiled.get(name);
  if (!validate) {
    shared ??= createAjv();
    const id = loadSchema(name)['$id'];
    if (typeof id !== 'string') throw new Error(`schemas/${schemaFiles[name]} has no $id`);
    validate = shared.getSchema(id);
    if (!validate) throw new Error(`schema ${id} was not added to ajv`);
    compiled.set(name, validate);
  }
  return validate as ValidateFunction<T>;
}

/** One problem found by validation, with a JSON pointer into the value. */
export interface SchemaProblem {
  pointer: string;
  reason: string;
}

function describeError(error: ErrorObject): SchemaProblem {
  const pointer = error.instancePath || '/';
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return { pointer, reason: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { pointer, reason: `has unexpected property \`${extra}\`` };
  }
  return { pointer, reason: error.message ?? error.keyword };
}

function problemsOf<T>(name: SchemaName, value: unknown): SchemaProblem[] {
  const validate = validatorFor<T>(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

/** Problems with one record against the record schema, plus the rules it cannot express. */
export function recordProblems(value: unknown): SchemaProblem[] {
  const problems = problemsOf<PortRecord>('record', value);
  if (problems.length === 0) {
    const record = value as PortRecord;
    if (record.portStart > record.portEnd) {
      problems.push({ pointer: '/portStart', reason: 'must not be greater than portEnd' });
    }
  }
  return problems;
}

/** Problems with a parsed manifest against the manifest schema. */
export function manifestProblems(value: unknown): SchemaProblem[] {
  return problemsOf<SourceManifest>('manifest', value);
}

/** Problems with a whole dataset (output/ports.json) against the dataset schema. */
export function datasetProblems(value: unknown): SchemaProblem[] {
  const problems = problemsOf<PortDataset>('dataset', value);
  if (problems.length === 0) {
    (value as PortDataset).records.forEach((record, index) => {
      for (const problem of recordProblems(record)) {
        problems.push({ pointer: `/records/${index}${problem.pointer}`, reason: problem.reason });
      }
    });
  }
  return problems;
}

/** Problems with a parsed accepted-findings file against its schema. */
export function acceptedProblems(value: unknown): SchemaProblem[] {
  return problemsOf<AcceptedFindings>('accepted', value);
}

/**
 * Validation against schemas/, by the validators ajv compiled ahead of time
 * (src/generated/validators.ts; see ajv.ts), so a build neither loads ajv
 * nor compiles a schema. A validator only ever says yes or no, with ajv's
 * errors; this module turns them into problems with a JSON pointer.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import * as compiled from '../generated/validators.js';
import type { PortDataset, PortRecord } from '../generated/schema-types.js';
import type { SchemaName } from './schema-files.js';

export { loadSchema, schemaFiles } from './schema-files.js';

/** What ajv's compiled code is: a function that says yes or no and leaves its errors on itself. */
interface CompiledValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// The generated module is plain JavaScript (ts-nocheck); this is its shape.
const validators: Readonly<Record<SchemaName, CompiledValidator>> = compiled as Record<SchemaName, CompiledValidator>;

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

function problemsOf(name: SchemaName, value: unknown): SchemaProblem[] {
  const validate = validators[name];
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

/** Problems with one record against the record schema, plus the rules it cannot express. */
export function recordProblems(value: unknown): SchemaProblem[] {
  const problems = problemsOf('record', value);
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
  return problemsOf('manifest', value);
}

/** Problems with a whole dataset (output/ports.json) against the dataset schema. */
export function datasetProblems(value: unknown): SchemaProblem[] {
  const problems = problemsOf('dataset', value);
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
  return problemsOf('accepted', value);
}

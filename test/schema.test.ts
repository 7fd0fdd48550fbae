import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv, schemaId } from '../src/model/ajv.js';
import { datasetProblems, manifestProblems, recordProblems } from '../src/model/schema.js';
import { fieldsInSchemaOrder, record } from './records.js';

describe('schemas', () => {
  it('list the record fields in the order the tests write by hand', () => {
    const schema = JSON.parse(readFileSync('schemas/port-record.schema.json', 'utf8')) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(fieldsInSchemaOrder);
    expect(schema.required).toEqual(fieldsInSchemaOrder);
  });

  it('compile in the ajv factory, which rejects an empty object and accepts a complete record', () => {
    const ajv = createAjv();
    const validateRecord = ajv.getSchema(schemaId('record'));
    expect(validateRecord?.({})).toBe(false);
    expect(validateRecord?.(record({ portStart: 7, name: 'Echo' }))).toBe(true);
    expect(ajv.getSchema(schemaId('manifest'))?.({})).toBe(false);
  });

  it('reject an empty object', () => {
    expect(recordProblems({}).length).toBeGreaterThan(0);
    expect(manifestProblems({}).length).toBeGreaterThan(0);
    expect(datasetProblems({}).length).toBeGreaterThan(0);
  });

  it('accept a complete record and name each problem of a bad one', () => {
    expect(recordProblems(record({ portStart: 7, name: 'Echo' }))).toEqual([]);
    expect(
      recordProblems({ ...record({ portStart: 70000, name: '' }), protocol: 'ipx', references: ['rfc 1'] }),
    ).toEqual([
      { pointer: '/portStart', reason: 'must be <= 65535' },
      { pointer: '/portEnd', reason: 'must be <= 65535' },
      { pointer: '/protocol', reason: 'must be one of "tcp", "udp", "sctp", "dccp"' },
      { pointer: '/name', reason: 'must NOT have fewer than 1 characters' },
      { pointer: '/references/0', reason: 'must match pattern "^RFC[1-9][0-9]*$"' },
    ]);
    expect(recordProblems({ ...record({ portStart: 7 }), extra: 1 })).toEqual([
      { pointer: '/', reason: 'has unexpected property `extra`' },
    ]);
  });

  it('check what JSON Schema cannot: portStart ≤ portEnd', () => {
    expect(recordProblems(record({ portStart: 30, portEnd: 20 }))).toEqual([
      { pointer: '/portStart', reason: 'must not be greater than portEnd' },
    ]);
  });

  it('accept the committed output/ports.json', () => {
    const dataset: unknown = JSON.parse(readFileSync('output/ports.json', 'utf8'));
    expect(datasetProblems(dataset)).toEqual([]);
  });

  it('accept the committed manifest', () => {
    expect(manifestProblems(JSON.parse(readFileSync('sources/sources.json', 'utf8')))).toEqual([]);
  });
});

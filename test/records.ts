/** A record builder for tests: every field explicit, overridable. */
import type { PortRecord } from '../src/model/record.js';

export function record(fields: Partial<PortRecord> & Pick<PortRecord, 'portStart'>): PortRecord {
  return {
    portEnd: fields.portStart,
    protocol: 'tcp',
    status: 'assigned',
    serviceName: null,
    aliases: [],
    name: null,
    description: null,
    references: [],
    notes: [],
    category: 'well-known',
    product: null,
    configKey: null,
    direction: null,
    sources: [{ source: 'list', line: 1 }],
    ...fields,
  };
}

/**
 * The record contract's fields in schema order, written out by hand (the
 * README's table; schema.test.ts checks the schema file lists them so), for
 * tests of JSON key order and CSV columns.
 */
export const fieldsInSchemaOrder = [
  'portStart',
  'portEnd',
  'protocol',
  'status',
  'serviceName',
  'aliases',
  'name',
  'description',
  'references',
  'notes',
  'category',
  'product',
  'configKey',
  'direction',
  'sources',
];

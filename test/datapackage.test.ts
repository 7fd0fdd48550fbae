/**
 * datapackage.json: the Frictionless descriptor and the CSV's Table Schema,
 * as the built CLI writes them from the committed sources (not the committed
 * files, which `check` compares with the build).
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { folderWith } from './helpers.js';
import { fieldsInSchemaOrder } from './records.js';

describe('datapackage.json', () => {
  let texts: Record<string, string> = {};
  beforeAll(async () => {
    const out = await folderWith({});
    execFileSync(process.execPath, ['dist/bin.js', 'build', '--quiet', '--out', out]);
    texts = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(path.join(out, name), 'utf8')]));
  });
  const written = (name: string) => texts[name] ?? '';
  const descriptor = () => JSON.parse(written('datapackage.json')) as {
    resources: {
      path: string;
      bytes: number;
      hash: string;
      schema?: { fields: { name: string; type: string; constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[] } }[] };
    }[];
    licenses: unknown[];
    sources: unknown[];
  };

  it('gives each resource its bytes and sha256, and has sources and a license', () => {
    const { resources, licenses, sources } = descriptor();
    expect(resources.map((resource) => resource.path)).toEqual(['ports.csv', 'ports.json', 'references.json']);
    for (const resource of resources) {
      const content = Buffer.from(written(resource.path), 'utf8');
      expect(resource.bytes).toBe(content.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(content).digest('hex')}`);
    }
    expect(licenses).toHaveLength(1);
    const dataset = JSON.parse(written('ports.json')) as { sources: { id: string; license?: string }[] };
    expect(sources).toHaveLength(dataset.sources.length);
  });

  it('loads ports.csv against its Table Schema: header, types and constraints', () => {
    const csv = descriptor().resources.find((resource) => resource.path === 'ports.csv');
    const fields = csv?.schema?.fields ?? [];
    const rows = parse(written('ports.csv'), { columns: false }) as string[][];
    const [header, ...data] = rows;
    expect(header).toEqual(fieldsInSchemaOrder);
    expect(fields.map((field) => field.name)).toEqual(fieldsInSchemaOrder);
    expect(data.length).toBe((JSON.parse(written('ports.json')) as { records: unknown[] }).records.length);
    for (const row of data) {
      fields.forEach((field, index) => {
        const value = row[index] ?? '';
        const where = `${field.name} in ${row.join(',')}`;
        if (value === '') {
          expect(field.constraints?.required, where).not.toBe(true);
          return;
        }
        if (field.type === 'integer') {
          expect(value, where).toMatch(/^\d+$/);
          expect(Number(value), where).toBeGreaterThanOrEqual(field.constraints?.minimum ?? 0);
          expect(Number(value), where).toBeLessThanOrEqual(field.constraints?.maximum ?? Number.MAX_SAFE_INTEGER);
        }
        if (field.constraints?.enum) expect(field.constraints.enum, where).toContain(value);
      });
    }
  });

  it('derives its Table Schema from the record schema', () => {
    const fields = descriptor().resources[0]?.schema?.fields ?? [];
    expect(fields.find((field) => field.name === 'portStart')).toMatchObject({
      type: 'integer',
      constraints: { required: true, minimum: 0, maximum: 65535 },
    });
    expect(fields.find((field) => field.name === 'protocol')?.constraints?.enum).toEqual(['tcp', 'udp', 'sctp', 'dccp']);
    expect(fields.find((field) => field.name === 'name')).toMatchObject({ type: 'string' });
    expect(fields.find((field) => field.name === 'name')?.constraints).toBeUndefined();
  });
});

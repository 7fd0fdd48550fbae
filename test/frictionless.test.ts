/**
 * output/datapackage.json as a Frictionless tool reads it: frictionlessdata's
 * own `datapackage` library must find the descriptor valid and cast every
 * row of ports.csv with its Table Schema.
 */
import { readFileSync } from 'node:fs';
import { Package } from 'datapackage';
import { describe, expect, it } from 'vitest';

const committed = JSON.parse(readFileSync('output/datapackage.json', 'utf8')) as { resources: { name: string; schema?: { fields: { name: string; constraints?: { enum?: unknown[] } }[] } }[] };

describe('the data package, read by the Frictionless library', () => {
  it('is a valid descriptor', async () => {
    const dataPackage = await Package.load('output/datapackage.json', { basePath: 'output' });
    expect(dataPackage.errors.map((error) => error.message)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
  });

  it('casts every row of ports.csv to its types, nulls where a cell is empty', async () => {
    const dataPackage = await Package.load('output/datapackage.json', { basePath: 'output' });
    const resource = dataPackage.getResource('ports');
    if (!resource) throw new Error('no resource named ports');
    const rows = await resource.read({ keyed: true, cast: true });
    const dataset = JSON.parse(readFileSync('output/ports.json', 'utf8')) as { records: { portStart: number; direction: string | null; name: string | null }[] };
    expect(rows).toHaveLength(dataset.records.length);
    expect(rows.map((row) => [row.portStart, row.direction, row.name])).toEqual(dataset.records.map((record) => [record.portStart, record.direction, record.name]));
  });

  it('rejects null as an enum value, which the record schema allows for a nullable field', async () => {
    const broken = structuredClone(committed);
    const direction = broken.resources.find((resource) => resource.name === 'ports')?.schema?.fields.find((field) => field.name === 'direction');
    if (!direction?.constraints?.enum) throw new Error('no direction enum');
    expect(direction.constraints.enum).toEqual(['in', 'out', 'both']);
    direction.constraints.enum.push(null);
    const dataPackage = await Package.load(broken, { basePath: 'output' });
    expect(dataPackage.valid).toBe(false);
  });
});

/**
 * Properties that must hold for any input, checked with fast-check:
 * parsers never throw, every record they lead to is schema-valid, and CSV
 * reads back to the same records as JSON.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readSourceText } from '../src/input/source-text.js';
import { csvCells, emitCsv, listSeparator } from '../src/emit/csv.js';
import { toRecords } from '../src/normalize/to-records.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import { parsePortList } from '../src/parsers/port-list/parse.js';
import { categoryOf, protocols, recordFields, statuses, type PortRecord } from '../src/model/record.js';
import { recordProblems } from '../src/model/schema.js';
import { anyText, markdownText, portListText } from './arbitraries.js';

const columns = { Component: 'name', Port: 'port', Protocol: 'protocol' } as const;
const parsers = [
  { format: 'port-list', parser: (file: VFile) => parsePortList(file), shaped: portListText },
  { format: 'markdown-html-table', parser: (file: VFile) => parseMarkdownHtmlTable(file, { columns }), shaped: markdownText },
];

describe.each(parsers)('$format on arbitrary input', ({ format, parser, shaped }) => {
  const documentText = fc.oneof(anyText, shaped);

  it('returns entries and messages and never throws', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const file = new VFile({ path: 'doc', value: Buffer.from(text) });
        if (!readSourceText(file)) return;
        const result = parser(file);
        expect(Array.isArray(result.entries)).toBe(true);
        for (const message of file.messages) {
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leads only to schema-valid records', () => {
    const context = { sourceId: 'doc', ruleSource: format, product: null, defaults: { protocols: ['tcp' as const] } };
    fc.assert(
      fc.property(documentText, (text) => {
        const file = new VFile({ path: 'doc', value: Buffer.from(text) });
        if (!readSourceText(file)) return;
        for (const entry of parser(file).entries) {
          for (const { record } of toRecords(entry, context, file)) expect(recordProblems(record)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Any text the schema allows in a nullable text field. */
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const note = text.filter((value) => !value.includes(listSeparator));
const validRecord: fc.Arbitrary<PortRecord> = fc
  .record({
    start: fc.integer({ min: 0, max: 65535 }),
    length: fc.integer({ min: 0, max: 100 }),
    protocol: fc.constantFrom(...protocols),
    status: fc.constantFrom(...statuses),
    serviceName: fc.option(text),
    aliases: fc.uniqueArray(note, { maxLength: 2 }),
    name: fc.option(text),
    description: fc.option(text),
    references: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 3 }),
    notes: fc.uniqueArray(note, { maxLength: 3 }),
    product: fc.option(text),
    configKey: fc.option(text),
    direction: fc.constantFrom('in', 'out', 'both', null),
    lines: fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 3 }),
  })
  .map((r) => ({
    portStart: r.start,
    portEnd: Math.min(65535, r.start + r.length),
    protocol: r.protocol,
    status: r.status,
    serviceName: r.serviceName,
    aliases: r.aliases,
    name: r.name,
    description: r.description,
    references: [...r.references].sort((a, b) => a - b).map((n) => `RFC${n}`),
    notes: r.notes,
    category: categoryOf(r.start),
    product: r.product,
    configKey: r.configKey,
    direction: r.direction,
    sources: r.lines.map((line) => ({ source: 'src', line })),
  }));

/** Reads one CSV row back into a record, as a consumer following the README would. */
function recordFromCsv(row: Record<string, string>): PortRecord {
  const cell = (field: string) => (row[field] ?? '').replace(/^'/, '');
  const nullable = (field: string) => cell(field) || null;
  const list = (field: string) => (cell(field) === '' ? [] : cell(field).split(listSeparator));
  return {
    portStart: Number(cell('portStart')),
    portEnd: Number(cell('portEnd')),
    protocol: cell('protocol') as PortRecord['protocol'],
    status: cell('status') as PortRecord['status'],
    serviceName: nullable('serviceName'),
    aliases: list('aliases'),
    name: nullable('name'),
    description: nullable('description'),
    references: list('references'),
    notes: list('notes'),
    category: cell('category') as PortRecord['category'],
    product: nullable('product'),
    configKey: nullable('configKey'),
    direction: nullable('direction') as PortRecord['direction'],
    sources: list('sources').map((ref) => {
      const colon = ref.lastIndexOf(':');
      return { source: ref.slice(0, colon), line: Number(ref.slice(colon + 1)) };
    }),
  };
}

describe('CSV', () => {
  it('reads back with csv-parse to the same records as the JSON', () => {
    fc.assert(
      fc.property(fc.array(validRecord, { maxLength: 8 }), (records) => {
        expect(records.every((record) => recordProblems(record).length === 0)).toBe(true);
        const rows = parse(emitCsv(records), { columns: true }) as Record<string, string>[];
        expect(rows.map(recordFromCsv)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('writes every field of the contract, and only those', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        expect(Object.keys(csvCells(record))).toEqual([...recordFields]);
      }),
    );
  });
});

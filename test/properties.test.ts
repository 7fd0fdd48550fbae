/**
 * Properties that must hold for any input, checked with fast-check: bytes
 * that are not UTF-8 are refused at the first bad byte, parsers never throw,
 * every record they lead to keeps the record contract (checked here by hand,
 * not by the project's validator), and CSV escapes formulas and reads back
 * to the same records as JSON.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readSourceText } from '../src/input/source-text.js';
import { stringify } from 'csv-stringify/sync';
import { csvCells, emitCsv } from '../src/emit/csv.js';
import { formatMessage } from '../src/model/messages.js';
import { toRecords } from '../src/normalize/to-records.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import { parsePortList } from '../src/parsers/port-list/parse.js';
import type { PortRecord } from '../src/model/record.js';
import { markdownText, notUtf8, portListText } from './arbitraries.js';
import { fieldsInSchemaOrder } from './records.js';

const runs = 300;

describe('bytes that are not UTF-8', () => {
  it('the generator makes bytes no UTF-8 decoder accepts', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(notUtf8, ({ bytes }) => {
        expect(() => strict.decode(bytes)).toThrow();
      }),
      { numRuns: runs },
    );
  });

  it('are refused with one error at the first bad byte, and nothing is read', () => {
    fc.assert(
      fc.property(notUtf8, ({ before, bytes }) => {
        const file = new VFile({ path: 'doc', value: bytes });
        expect(readSourceText(file)).toBeNull();
        // The place after `before`: CRLF, CR and LF each end a line.
        const lines = before.split(/\r\n|\r|\n/);
        const place = `${lines.length}:${(lines.at(-1) ?? '').length + 1}`;
        expect(file.messages.map(formatMessage)).toEqual([`doc:${place}: error: Unexpected bytes that are not UTF-8, expected UTF-8 text (decode:encoding)`]);
      }),
      { numRuns: runs },
    );
  });
});

const columns = { Component: 'name', Port: 'port', Protocol: 'protocol' } as const;
const parsers = [
  { format: 'port-list', parser: (file: VFile) => parsePortList(file), shaped: portListText },
  { format: 'markdown-html-table', parser: (file: VFile) => parseMarkdownHtmlTable(file, { columns }), shaped: markdownText },
];

/** The record contract (README, schemas/port-record.schema.json), written out by hand: what is wrong with `record`. */
function contractViolations(record: PortRecord, lineCount: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
  const isPort = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535;
  const optionalText = (value: unknown) => value === null || (typeof value === 'string' && value.length > 0);
  const distinct = (items: readonly string[]) => new Set(items).size === items.length;

  check(Object.keys(record).join() === fieldsInSchemaOrder.join(), `fields ${Object.keys(record).join()}`);
  check(isPort(record.portStart) && isPort(record.portEnd), `ports ${record.portStart}-${record.portEnd}`);
  check(record.portStart <= record.portEnd, `range ${record.portStart}-${record.portEnd}`);
  check(['tcp', 'udp', 'sctp', 'dccp'].includes(record.protocol), `protocol ${record.protocol}`);
  check(['assigned', 'unassigned', 'reserved', 'deprecated', 'category'].includes(record.status), `status ${record.status}`);
  const category = record.portStart <= 1023 ? 'well-known' : record.portStart <= 49151 ? 'registered' : 'dynamic';
  check(record.category === category, `category ${record.category} for ${record.portStart}`);
  for (const field of ['serviceName', 'name', 'description', 'product', 'configKey'] as const) {
    check(optionalText(record[field]), `${field} ${JSON.stringify(record[field])}`);
  }
  check(record.aliases.every((alias) => alias.length > 0) && distinct(record.aliases), `aliases ${JSON.stringify(record.aliases)}`);
  const numbers = record.references.map((reference) => (/^RFC[1-9]\d*$/.test(reference) ? Number(reference.slice(3)) : Number.NaN));
  check(numbers.every((n, index) => n > (numbers[index - 1] ?? 0)), `references ${JSON.stringify(record.references)}`);
  check(record.notes.every((note) => note.length > 0 && !note.includes('; ')) && distinct(record.notes), `notes ${JSON.stringify(record.notes)}`);
  check([null, 'in', 'out', 'both'].includes(record.direction), `direction ${record.direction}`);
  check(
    record.sources.length > 0 &&
      record.sources.every((ref) => Object.keys(ref).join() === 'source,line' && ref.source === 'doc' && Number.isInteger(ref.line) && ref.line >= 1 && ref.line <= lineCount),
    `sources ${JSON.stringify(record.sources)}`,
  );
  return problems;
}

describe.each(parsers)('$format on arbitrary input', ({ format, parser, shaped }) => {
  const context = { sourceId: 'doc', ruleSource: format, product: null, defaults: { protocols: ['tcp' as const] } };

  it('returns entries and messages and never throws, whatever the bytes', () => {
    const documentBytes = fc.oneof(
      { weight: 3, arbitrary: shaped.map((text) => Buffer.from(text)) },
      { weight: 1, arbitrary: notUtf8.map(({ bytes }) => bytes) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((text) => Buffer.from(text)) },
    );
    fc.assert(
      fc.property(documentBytes, (bytes) => {
        const file = new VFile({ path: 'doc', value: bytes });
        if (!readSourceText(file)) return;
        const result = parser(file);
        expect(Array.isArray(result.entries)).toBe(true);
        for (const message of file.messages) {
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: runs },
    );
  });

  it('leads only to records that keep the contract, and to records in most runs', () => {
    let withRecords = 0;
    let total = 0;
    fc.assert(
      fc.property(shaped, (text) => {
        total += 1;
        const file = new VFile({ path: 'doc', value: Buffer.from(text) });
        if (!readSourceText(file)) return;
        const lineCount = String(file.value).split('\n').length;
        let records = 0;
        for (const entry of parser(file).entries) {
          for (const { record } of toRecords(entry, context, file)) {
            records += 1;
            expect(contractViolations(record, lineCount), JSON.stringify(record)).toEqual([]);
          }
        }
        if (records > 0) withRecords += 1;
      }),
      { numRuns: runs },
    );
    // The generators are built so most documents hold good entries; a property checked on no record proves nothing.
    expect(withRecords / total).toBeGreaterThan(0.75);
  });
});

/**
 * Cells a spreadsheet would run as a formula: the README's list (OWASP's),
 * and the full-width ＝ ＋ － ＠ that Apple Numbers folds into it, which
 * csv-stringify's escape_formulas escapes too.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text as sources write it, often starting the way a formula or an escaped cell does. */
const plainText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const text = fc.oneof(
  { weight: 2, arbitrary: plainText },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', "'", "'=", "''", '=+', ' ='), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([lead, rest]) => lead + rest) },
);
const note = text.filter((value) => !value.includes('; '));
const validRecord: fc.Arbitrary<PortRecord> = fc
  .record({
    start: fc.integer({ min: 0, max: 65535 }),
    length: fc.integer({ min: 0, max: 100 }),
    protocol: fc.constantFrom('tcp', 'udp', 'sctp', 'dccp'),
    status: fc.constantFrom('assigned', 'unassigned', 'reserved', 'deprecated', 'category'),
    serviceName: fc.option(text),
    aliases: fc.uniqueArray(text, { maxLength: 3 }),
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
    aliases: r.aliases.filter((alias) => !alias.includes('; ')),
    name: r.name,
    description: r.description,
    references: [...r.references].sort((a, b) => a - b).map((n) => `RFC${n}`),
    notes: r.notes,
    category: r.start <= 1023 ? 'well-known' : r.start <= 49151 ? 'registered' : 'dynamic',
    product: r.product,
    configKey: r.configKey,
    direction: r.direction,
    sources: r.lines.map((line) => ({ source: 'src', line })),
  }));

/** Reads one raw CSV cell as the README says: drop one leading `'`, if there is one. */
const unescape = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

/** Reads one CSV row back into a record, as a consumer following the README would. */
function recordFromCsv(row: Record<string, string>): PortRecord {
  const cell = (field: string) => unescape(row[field] ?? '');
  const nullable = (field: string) => cell(field) || null;
  const list = (field: string) => (cell(field) === '' ? [] : cell(field).split('; '));
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

/** The cell text the README's rules give for a field, before escaping. */
function plainCell(record: PortRecord, field: string): string {
  const value = record[field as keyof PortRecord];
  if (value === null) return '';
  if (field === 'sources') return record.sources.map((ref) => `${ref.source}:${ref.line}`).join('; ');
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

describe('CSV', () => {
  const records = fc.array(validRecord, { maxLength: 8 });

  it('escapes exactly the cells that start like a formula or with a quote, with one quote', () => {
    let escaped = 0;
    fc.assert(
      fc.property(records, (input) => {
        const rows = parse(emitCsv(input), { columns: true }) as Record<string, string>[];
        input.forEach((record, index) => {
          for (const field of fieldsInSchemaOrder) {
            const plain = plainCell(record, field);
            const raw = rows[index]?.[field];
            expect(raw, `${field} of ${JSON.stringify(plain)}`).toBe(formulaStart.test(plain) || plain.startsWith("'") ? `'${plain}` : plain);
            expect(formulaStart.test(raw ?? ''), `raw cell ${JSON.stringify(raw)}`).toBe(false);
            if (raw !== plain) escaped += 1;
          }
        });
      }),
      { numRuns: runs },
    );
    expect(escaped).toBeGreaterThan(runs);
  });

  it('is byte for byte one csv-stringify call over every record, though plain rows are joined directly', () => {
    /** Text mostly plain, with what CSV quotes or escapes somewhere in it: the direct path and csv-stringify both run. */
    const cellText = fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ().:/]{0,12}$/) },
      { weight: 2, arbitrary: fc.array(fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\t', '-', '=', '+', '@', "'", '\uFF0B', ';', 'é'), { maxLength: 8 }).map((parts) => parts.join('')) },
    );
    const mixed = fc.record({ portStart: fc.integer({ min: 0, max: 65535 }), name: fc.option(cellText), description: fc.option(cellText), configKey: fc.option(cellText), aliases: fc.array(cellText.filter((alias) => !alias.includes('; ')), { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(mixed, { maxLength: 12 }), (fields) => {
        const input = fields.map((each) => ({ ...each, portEnd: each.portStart, protocol: 'tcp' as const, status: 'assigned' as const, serviceName: null, references: [], notes: [], category: 'registered' as const, product: null, direction: null, sources: [{ source: 'list', line: 1 }] }));
        const whole = stringify(input.map(csvCells), { columns: fieldsInSchemaOrder, header: true, record_delimiter: '\n', escape_formulas: true });
        expect(emitCsv(input)).toBe(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back with csv-parse to the same records as the JSON', () => {
    fc.assert(
      fc.property(records, (input) => {
        const rows = parse(emitCsv(input), { columns: true }) as Record<string, string>[];
        expect(rows.map(recordFromCsv)).toEqual(input);
      }),
      { numRuns: runs },
    );
  });

  it('writes every field of the contract, and only those', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        expect(Object.keys(csvCells(record))).toEqual(fieldsInSchemaOrder);
      }),
    );
  });
});

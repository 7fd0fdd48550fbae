import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../src/catalog/dataset.js';
import { emitCsv } from '../src/emit/csv.js';
import { emitJson } from '../src/emit/json.js';
import { emitMarkdown } from '../src/emit/markdown.js';
import { fieldsInSchemaOrder, record } from './records.js';

const generator = { name: 'port-catalog', version: '0.0.0-test' };
const source = {
  id: 'list',
  file: 'list.txt',
  format: 'port-list',
  role: 'catalog' as const,
  title: 'A list',
  documentTitle: null,
  url: null,
  product: null,
  sha256: 'a'.repeat(64),
};

describe('emitCsv', () => {
  it('writes a header in schema order, joins arrays with "; " and sources as id:line', () => {
    const csv = emitCsv([
      record({
        portStart: 49,
        name: 'Login Host Protocol',
        references: ['RFC927', 'RFC1492'],
        notes: ['a', 'b'],
        sources: [
          { source: 'list', line: 153 },
          { source: 'other', line: 2 },
        ],
      }),
    ]);
    expect(csv).toBe(
      'portStart,portEnd,protocol,status,serviceName,aliases,name,description,references,notes,category,product,configKey,direction,sources\n' +
        '49,49,tcp,assigned,,,Login Host Protocol,,RFC927; RFC1492,a; b,well-known,,,,list:153; other:2\n',
    );
    expect(csv.split('\n')[0]?.split(',')).toEqual(fieldsInSchemaOrder);
  });

  it('quotes commas, quotes and newlines, and neutralises spreadsheet formulas', () => {
    const csv = emitCsv([
      record({ portStart: 1, name: 'a, "b"', description: '=HYPERLINK("x")', notes: ['+1', '@SUM(A1)', '-2'] }),
    ]);
    const [, row] = parse(csv) as string[][];
    expect(row?.[6]).toBe('a, "b"');
    expect(row?.[7]).toBe('\'=HYPERLINK("x")');
    expect(row?.[9]).toBe("'+1; @SUM(A1); -2");
  });
});

describe('emitJson', () => {
  it('writes keys in schema order with two-space indent, LF and a final newline', () => {
    const dataset = createDataset({
      generator,
      sources: [source],
      records: [{ ...record({ portStart: 7, name: 'Echo' }), sources: [{ line: 3, source: 'list' }] }],
    });
    const json = emitJson(dataset);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).not.toContain('\r');
    const parsed = JSON.parse(json) as { records: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['$schema', 'generator', 'sources', 'counts', 'records']);
    expect(Object.keys(parsed.records[0] ?? {})).toEqual(fieldsInSchemaOrder);
    expect(json).toContain('"sources": [\n        {\n          "source": "list",\n          "line": 3\n        }');
  });
});

describe('emitMarkdown', () => {
  const markdown = (records: ReturnType<typeof record>[]) =>
    emitMarkdown(createDataset({ generator, sources: [source], records }));

  it('writes ranges with an en dash, links RFCs and shares a row between protocols', () => {
    const text = markdown([
      record({ portStart: 7, name: 'Echo', references: ['RFC862'] }),
      record({ portStart: 7, protocol: 'udp', name: 'Echo', references: ['RFC862'] }),
      record({ portStart: 225, portEnd: 229, status: 'reserved' }),
    ]);
    expect(text).toContain('## Well-known ports (0–1023)');
    // Every column stays, empty or not: Port, Protocol, Status, Name, Service, Aliases, Description, References, Notes, Sources.
    expect(text).toContain('| 7 | tcp, udp | assigned | Echo | | | | [RFC862](https://www.rfc-editor.org/rfc/rfc862) | | list:1 |');
    expect(text).toContain('| 225–229 | tcp | reserved | | | | | | | list:1 |');
  });

  it('escapes source text so it cannot break the table or inject HTML or links', () => {
    const text = markdown([record({ portStart: 1, name: 'a | b <script>x</script> [l](http://e) *e*' })]);
    const row = text.split('\n').find((line) => line.startsWith('| 1 |'));
    expect(row).toBe('| 1 | tcp | assigned | a \\| b \\<script>x\\</script> \\[l]\\(http\\://e) \\*e\\* | | | | | | list:1 |');
  });
});

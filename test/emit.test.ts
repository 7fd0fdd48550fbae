import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../src/catalog/dataset.js';
import { emitCsv } from '../src/emit/csv.js';
import { emitJson } from '../src/emit/json.js';
import { emitMarkdown } from '../src/emit/markdown.js';
import type { PortRecord } from '../src/model/record.js';
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
  license: null,
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

describe('emitCsv, empty and quoted cells', () => {
  it('writes null as an empty cell, a direction as its word, and doubles only a leading quote', () => {
    const csv = emitCsv([
      record({ portStart: 2, name: null, direction: null, sources: [{ source: 'list', line: 7 }] }),
      record({ portStart: 3, name: "'quoted", description: "O'", configKey: "k'", direction: 'in', sources: [{ source: 'list', line: 8 }] }),
    ]);
    expect(csv.split('\n').slice(1)).toEqual([
      '2,2,tcp,assigned,,,,,,,well-known,,,,list:7',
      "3,3,tcp,assigned,,,''quoted,O',,,well-known,,k',in,list:8",
      '',
    ]);
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

describe('createDataset', () => {
  const ordered = (fields: Partial<PortRecord> & Pick<PortRecord, 'portStart'>): PortRecord => {
    const full = new Map(Object.entries(record(fields)));
    return Object.fromEntries(fieldsInSchemaOrder.map((field) => [field, full.get(field)])) as unknown as PortRecord;
  };

  it('keeps a record whose keys are in schema order as it is, and copies one whose keys are not', () => {
    const inOrder = ordered({ portStart: 7 });
    const outOfOrder = record({ portStart: 8 }); // the builder adds portStart last
    const wrongRef = { ...ordered({ portStart: 9 }), sources: [{ line: 2, source: 'list' }] };
    const extraKey = { ...ordered({ portStart: 10 }), extra: 1 } as PortRecord;
    const { records } = createDataset({ generator, sources: [source], records: [inOrder, outOfOrder, wrongRef, extraKey] });
    expect(records[0]).toBe(inOrder);
    expect(records[1]).not.toBe(outOfOrder);
    expect(Object.keys(records[1] ?? {})).toEqual(fieldsInSchemaOrder);
    expect(records[2]).not.toBe(wrongRef);
    expect(Object.keys(records[2]?.sources[0] ?? {})).toEqual(['source', 'line']);
    expect(records[3]).not.toBe(extraKey);
    expect(Object.keys(records[3] ?? {})).toEqual(fieldsInSchemaOrder);
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

describe('emitMarkdown, a whole catalog', () => {
  const page = {
    id: 'page',
    file: 'page.md',
    format: 'markdown',
    role: 'catalog' as const,
    title: 'Vendor page',
    documentTitle: null,
    url: 'https://example.com/ports',
    product: null,
    sha256: '0123456789abcdef'.repeat(4),
    license: null,
  };
  const at = (source: string, line: number) => [{ source, line }];
  const serviceHeader = ['| Port | Protocol | Status | Name | Service | Aliases | Description | References | Notes | Sources |', '| - | - | - | - | - | - | - | - | - | - |'];
  const productHeader = [
    '| Port | Protocol | Status | Name | Config key | Direction | Service | Description | References | Notes | Sources |',
    '| - | - | - | - | - | - | - | - | - | - | - |',
  ];
  const counts = (rows: [string, number][]) => ['| Records | Count |', '| - | - |', ...rows.map(([what, n]) => `| ${what} | ${n} |`)];

  it('writes the title, summary, sources, one table per category and one per product, every line as expected', () => {
    const echo = { portStart: 7, name: 'Echo', serviceName: 'echo', aliases: ['ekko', 'eko'], references: ['RFC862', 'RFC863'], sources: at('list', 3) };
    const records = [
      record({ ...echo, protocol: 'tcp' }),
      record({ ...echo, protocol: 'udp' }),
      record({ portStart: 225, portEnd: 229, status: 'reserved', sources: at('list', 5) }),
      record({ portStart: 3000, name: 'Thing', description: 'Does things.', notes: ['first', 'second'], category: 'registered', sources: at('list', 7) }),
      record({ portStart: 8000, name: 'Alpha Admin', serviceName: 'alpha-adm', product: 'Alpha', configKey: 'alpha.port', direction: 'in', category: 'registered', sources: at('page', 2) }),
      record({ portStart: 9000, name: 'Zeta', product: 'Zeta', direction: 'both', category: 'registered', sources: at('page', 4) }),
      record({ portStart: 50000, protocol: 'udp', name: 'Ephemeral', category: 'dynamic', sources: at('list', 9) }),
    ];
    const text = emitMarkdown(createDataset({ generator, sources: [source, page], records }));
    expect(text.split('\n')).toEqual([
      '# Port catalog',
      '',
      'Generated by port-catalog 0.0.0-test. Do not edit: change `sources/` and run `npm run build`.',
      '',
      '## Summary',
      '',
      ...counts([
        ['all', 7],
        ['Category: well-known', 3],
        ['Category: registered', 3],
        ['Category: dynamic', 1],
        ['Status: assigned', 6],
        ['Status: unassigned', 0],
        ['Status: reserved', 1],
        ['Status: deprecated', 0],
        ['Status: category', 0],
        ['Protocol: tcp', 5],
        ['Protocol: udp', 2],
        ['Protocol: sctp', 0],
        ['Protocol: dccp', 0],
      ]),
      '',
      '## Sources',
      '',
      '- `list`: A list (catalog, list.txt, sha256 aaaaaaaaaaaa)',
      '- `page`: [Vendor page](https://example.com/ports) (catalog, page.md, sha256 0123456789ab)',
      '',
      '## Coverage',
      '',
      "The ports each catalog source has entries for (category ranges aside), and the gaps of more than 100 ports inside a list's span. A port in a gap is in no entry of that source, which says nothing of whether it is taken: ask the reference registry too (`port-catalog lookup`, `port-catalog/uses`).",
      '',
      '| Source | Ports covered | Covered ranges | Gaps over 100 ports |',
      '| - | - | - | - |',
      // 7, 225–229, 3000 and 50000: eight ports; the gaps between them are each over 100 ports.
      '| `list` | 8 | 7, 225–229, 3000, 50000 | 8–224 (217 ports), 230–2999 (2770 ports), 3001–49999 (46999 ports) |',
      '| `page` | 2 | 8000, 9000 | 8001–8999 (999 ports) |',
      '',
      '## Well-known ports (0–1023)',
      '',
      ...serviceHeader,
      '| 7 | tcp, udp | assigned | Echo | `echo` | `ekko`, `eko` | | [RFC862](https://www.rfc-editor.org/rfc/rfc862), [RFC863](https://www.rfc-editor.org/rfc/rfc863) | | list:3 |',
      '| 225–229 | tcp | reserved | | | | | | | list:5 |',
      '',
      '## Registered ports (1024–49151)',
      '',
      ...serviceHeader,
      '| 3000 | tcp | assigned | Thing | | | Does things. | | first; second | list:7 |',
      '',
      '## Dynamic ports (49152–65535)',
      '',
      ...serviceHeader,
      '| 50000 | udp | assigned | Ephemeral | | | | | | list:9 |',
      '',
      '## Products',
      '',
      '### Alpha',
      '',
      ...productHeader,
      '| 8000 | tcp | assigned | Alpha Admin | `alpha.port` | in | `alpha-adm` | | | | page:2 |',
      '',
      '### Zeta',
      '',
      ...productHeader,
      '| 9000 | tcp | assigned | Zeta | | both | | | | | page:4 |',
      '',
    ]);
  });

  it('leaves out a category without records and the products part when no record has a product', () => {
    const text = emitMarkdown(
      createDataset({ generator, sources: [source], records: [record({ portStart: 1024, name: 'One', category: 'registered', sources: at('list', 1) })] }),
    );
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# Port catalog', '## Summary', '## Sources', '## Coverage', '## Registered ports (1024–49151)']);
    expect(text.endsWith('| 1024 | tcp | assigned | One | | | | | | list:1 |\n')).toBe(true);
  });

  it('pairs the protocols of each of many services on one port, past the point where rows are indexed', () => {
    const names = Array.from({ length: 12 }, (_, index) => `Service ${String.fromCharCode(65 + index)}`);
    const records = [...names.map((name) => record({ portStart: 5, name })), ...names.map((name) => record({ portStart: 5, protocol: 'udp', name }))];
    const text = emitMarkdown(createDataset({ generator, sources: [source], records }));
    expect(text.split('\n').filter((line) => line.startsWith('| 5 |'))).toEqual(names.map((name) => `| 5 | tcp, udp | assigned | ${name} | | | | | | list:1 |`));
  });

  it('keeps apart records whose lists differ item by item, and lists products in code-point order whatever their ports', () => {
    const records = [
      record({ portStart: 5, name: 'Same', aliases: ['a'], sources: [{ source: 'list', line: 1 }] }),
      record({ portStart: 5, protocol: 'udp', name: 'Same', aliases: ['b'], sources: [{ source: 'list', line: 1 }] }),
      record({ portStart: 5, protocol: 'sctp', name: 'Same', aliases: ['a'], sources: [{ source: 'list', line: 2 }] }),
      record({ portStart: 5, protocol: 'dccp', name: 'Same', aliases: ['a'], sources: [{ source: 'other', line: 1 }] }),
      record({ portStart: 6000, name: 'Z service', product: 'Zeta', category: 'registered' }),
      record({ portStart: 7000, name: 'A service', product: 'Alpha', category: 'registered' }),
    ];
    const lines = emitMarkdown(createDataset({ generator, sources: [source], records })).split('\n');
    expect(lines.filter((line) => line.startsWith('| 5 |'))).toEqual([
      '| 5 | tcp | assigned | Same | | `a` | | | | list:1 |',
      '| 5 | udp | assigned | Same | | `b` | | | | list:1 |',
      '| 5 | sctp | assigned | Same | | `a` | | | | list:2 |',
      '| 5 | dccp | assigned | Same | | `a` | | | | other:1 |',
    ]);
    expect(lines.filter((line) => line.startsWith('### '))).toEqual(['### Alpha', '### Zeta']);
  });

  it('gives records that differ in more than protocol rows of their own, in the order given', () => {
    const text = emitMarkdown(
      createDataset({
        generator,
        sources: [source],
        records: [
          record({ portStart: 5, name: 'Same', sources: at('list', 1) }),
          record({ portStart: 5, protocol: 'udp', name: 'Same', sources: at('list', 2) }),
          record({ portStart: 5, protocol: 'sctp', name: 'Same', sources: at('list', 1) }),
          record({ portStart: 5, protocol: 'dccp', name: 'Same', notes: ['n'], sources: at('list', 1) }),
        ],
      }),
    );
    expect(text.split('\n').filter((line) => line.startsWith('| 5 |'))).toEqual([
      '| 5 | tcp, sctp | assigned | Same | | | | | | list:1 |',
      '| 5 | udp | assigned | Same | | | | | | list:2 |',
      '| 5 | dccp | assigned | Same | | | | | n | list:1 |',
    ]);
  });
});

/**
 * References held as a list (model/reference-list.ts): the comparison and
 * the enrichment make records only of the rows the catalog meets, and give
 * what they give with the records made in full.
 */
import { describe, expect, it } from 'vitest';
import { buildConflictReport } from '../src/compare/conflicts.js';
import { enrichFromReferences } from '../src/compare/enrich.js';
import { joinReferenceLists, lazyReferenceList, referenceListOf, rowPortsOf } from '../src/model/reference-list.js';
import type { ReferenceRecord } from '../src/model/record.js';
import { prebuiltText, readPrebuiltText, storeDocument } from '../src/pipeline/prebuilt.js';
import { VFile } from 'vfile';
import { record } from './records.js';

const reference = (fields: Parameters<typeof record>[0], aliasOf: string | null = null): ReferenceRecord => ({ ...record(fields), aliasOf });
const rows = [
  reference({ portStart: 22, serviceName: 'ssh', name: 'The Secure Shell (SSH) Protocol', sources: [{ source: 'ref', line: 1 }] }),
  reference({ portStart: 80, serviceName: 'http', aliases: ['www'], name: 'World Wide Web HTTP', sources: [{ source: 'ref', line: 2 }] }),
  reference({ portStart: 80, serviceName: 'www-http', name: 'World Wide Web HTTP', sources: [{ source: 'ref', line: 3 }] }, 'http'),
  reference({ portStart: 443, serviceName: 'https', name: 'http protocol over TLS/SSL', sources: [{ source: 'ref', line: 4 }] }),
  reference({ portStart: 9000, status: 'unassigned', name: null, sources: [{ source: 'ref', line: 5 }] }),
];
const catalog = [record({ portStart: 80, name: 'HTTP', serviceName: 'http', product: 'Alpha', sources: [{ source: 'alpha', line: 7 }] })];

/** A lazy list over `rows` that notes each row it makes. */
function counted(): { list: ReturnType<typeof lazyReferenceList<ReferenceRecord>>; made: number[] } {
  const made: number[] = [];
  const list = lazyReferenceList<ReferenceRecord>(rowPortsOf(rows), (row) => {
    made.push(row);
    const stored = rows[row];
    if (!stored) throw new Error('no such row');
    return { ...stored };
  });
  return { list, made };
}

describe('a lazy list of references', () => {
  it('makes a row once, when first asked, and knows its row', () => {
    const { list, made } = counted();
    expect(list.length).toBe(5);
    expect(made).toEqual([]);
    const http = list.at(1);
    expect(list.at(1)).toBe(http);
    expect(made).toEqual([1]);
    expect(list.rowOf(http)).toBe(1);
    expect(list.rowOf(rows[1] ?? http)).toBeUndefined();
    expect(list.all().map((each) => each.serviceName)).toEqual(['ssh', 'http', 'www-http', 'https', null]);
    expect(made).toEqual([1, 0, 2, 3, 4]);
  });

  it('numbers rows on from list to list when joined', () => {
    const joined = joinReferenceLists([referenceListOf(rows.slice(0, 2)), referenceListOf(rows.slice(2))]);
    expect(joined.length).toBe(5);
    const everyPort = [record({ portStart: 0, portEnd: 65535 })];
    expect(joined.rangesMeeting(everyPort).map(({ portStart, row }) => [portStart, row])).toEqual([[22, 0], [80, 1], [80, 2], [443, 3], [9000, 4]]);
    expect(joined.widest()).toBe(0);
    expect([0, 1, 2, 3, 4].map((row) => joined.at(row))).toEqual(rows);
    expect(joined.all()).toEqual(rows);
    const third = rows[2];
    if (!third) throw new Error('no third row');
    expect(joined.rowOf(third)).toBe(2);
  });
});

describe('the rows a list meets', () => {
  const ranged = [
    reference({ portStart: 10, portEnd: 19, sources: [{ source: 'ref', line: 1 }] }),
    reference({ portStart: 20, sources: [{ source: 'ref', line: 2 }] }),
    reference({ portStart: 20, protocol: 'udp', sources: [{ source: 'ref', line: 3 }] }),
    reference({ portStart: 25, portEnd: 40, sources: [{ source: 'ref', line: 4 }] }),
    reference({ portStart: 41, sources: [{ source: 'ref', line: 5 }] }),
    reference({ portStart: 1000, portEnd: 2000, sources: [{ source: 'ref', line: 6 }] }),
  ];
  const met = (records: Parameters<typeof record>[0][]) => (list: ReturnType<typeof referenceListOf<ReferenceRecord>>) =>
    list.rangesMeeting(records.map((fields) => record(fields))).map(({ row }) => row);

  it('are those sharing a port with a record on its protocol, in row order, from any form of list', () => {
    const lazy = lazyReferenceList<ReferenceRecord>(rowPortsOf(ranged), (row) => {
      throw new Error(`row ${row} was made: finding the rows met needs only their ports`);
    });
    for (const list of [referenceListOf(ranged), lazy]) {
      // 19 ends the first row; 20-24 meet the second (tcp only), and 24 is a gap before the fourth.
      expect(met([{ portStart: 19, portEnd: 24 }])(list)).toEqual([0, 1]);
      // Two records side by side cover 30-45: the fourth row and the fifth.
      expect(met([{ portStart: 42, portEnd: 45 }, { portStart: 30, portEnd: 41 }])(list)).toEqual([3, 4]);
      // A record inside a long row, and one on udp.
      expect(met([{ portStart: 1500 }, { portStart: 20, protocol: 'udp' }])(list)).toEqual([2, 5]);
      expect(met([{ portStart: 21, portEnd: 24 }, { portStart: 2001, portEnd: 9999 }, { portStart: 20, protocol: 'sctp' }])(list)).toEqual([]);
      expect(met([])(list)).toEqual([]);
      // A short record inside a long one: the long one still covers the ports after it (25-40 and 41 meet 29-45).
      expect(met([{ portStart: 29, portEnd: 45 }, { portStart: 30 }])(list)).toEqual([3, 4]);
      expect(met([{ portStart: 1, portEnd: 1999 }, { portStart: 5, portEnd: 6 }, { portStart: 8 }])(list).slice(-1)).toEqual([5]);
      expect(list.widest()).toBe(1000);
    }
    expect(met([{ portStart: 0, portEnd: 65535 }])(lazy)).toEqual([0, 1, 3, 4, 5]);
    // Rows are numbered on across joined lists, and the widest row is the widest of any.
    const joined = joinReferenceLists([referenceListOf(ranged.slice(0, 3)), lazy]);
    // The joined list holds the first three rows, then all six again (rows 3-8).
    expect(met([{ portStart: 1500 }, { portStart: 20, protocol: 'udp' }])(joined)).toEqual([2, 5, 8]);
    expect(joined.widest()).toBe(1000);
    expect(joinReferenceLists<ReferenceRecord>([]).length).toBe(0);
    expect(joinReferenceLists<ReferenceRecord>([]).widest()).toBe(0);
  });

  it('refuses a row it does not hold', () => {
    const lazy = lazyReferenceList<ReferenceRecord>(rowPortsOf(ranged), (row) => ranged[row] ?? ranged[0] ?? reference({ portStart: 0 }));
    const joined = joinReferenceLists([referenceListOf(ranged.slice(0, 2)), referenceListOf(ranged.slice(2))]);
    for (const list of [lazy, joined, referenceListOf(ranged)]) {
      expect(() => list.at(6)).toThrow(new RangeError('internal error: no reference row 6'));
      expect(() => list.at(-1)).toThrow(new RangeError('internal error: no reference row -1'));
    }
  });
});

describe('comparing and enriching from a list', () => {
  it('gives the report and records the records give, making only the rows on the catalog’s ports', () => {
    const { list, made } = counted();
    const report = buildConflictReport(catalog, list);
    expect(made).toEqual([1, 2]);
    expect(report.agreements.map(({ reference: agreed, match }) => [agreed.serviceName, match.method])).toEqual([['http', 'same-keyword']]);
    expect(JSON.stringify(report)).toBe(JSON.stringify(buildConflictReport(catalog, rows)));
    const enriched = enrichFromReferences(catalog, report.agreements, list);
    expect(made).toEqual([1, 2]);
    expect(enriched.map(({ serviceName, aliases }) => [serviceName, aliases])).toEqual([['http', ['www']]]);
    expect(enriched).toEqual(enrichFromReferences(catalog, buildConflictReport(catalog, rows).agreements, rows));
  });
});

describe('enriching from registered aliases', () => {
  const http = (fields: Partial<ReferenceRecord>, line: number) =>
    reference({ portStart: 80, serviceName: 'http', name: 'World Wide Web HTTP', sources: [{ source: 'ref', line }], ...fields });
  const registry = [
    http({ aliases: ['www'] }, 1),
    http({ protocol: 'udp', aliases: ['on-udp'] }, 2),
    http({ portEnd: 81, aliases: ['wider'] }, 3),
    http({ serviceName: 'other', name: 'Something Else', aliases: ['not-http'] }, 4),
    http({ aliases: ['web'] }, 5),
  ];

  it('takes the aliases of the agreeing keyword on exactly its ports and protocol, from a list as from records', () => {
    const catalogHttp = [record({ portStart: 80, name: 'HTTP', serviceName: 'http' })];
    for (const references of [registry, referenceListOf(registry)]) {
      const report = buildConflictReport(catalogHttp, references);
      expect(report.agreements.map(({ reference: agreed }) => agreed.sources[0]?.line)).toEqual([1]);
      const [enriched] = enrichFromReferences(catalogHttp, report.agreements, references);
      expect(enriched?.aliases).toEqual(['web', 'www']);
    }
  });
});

describe('a reference document stored compact', () => {
  const stored = storeDocument('key', { entries: 5, records: 5, lines: null }, null, rows, new VFile(), { webTable: '{}', indexRows: { source: 'ref', text: '' } });

  it('is read back with its rows as they were', () => {
    const [read] = [...readPrebuiltText(prebuiltText([stored], 'this program'), 'this program').values()];
    expect(read?.rows).toEqual(stored.rows);
  });

  it('is headed by a line of ASCII, and read back with every other character as it was', () => {
    const named = [reference({ portStart: 7, name: 'Ångström – ✔️ 𝌆', notes: ['é'], sources: [{ source: 'ref', line: 1 }] })];
    const storedNamed = storeDocument('key', { entries: 1, records: 1, lines: null }, 'Tïtle', named, new VFile(), { webTable: '{"x":"ü"}', indexRows: { source: 'ref', text: '"ß"' } });
    const text = prebuiltText([storedNamed], 'this program');
    expect(text.split('\n', 1)[0]).toMatch(/^[\0-\x7f]*$/);
    const [read] = [...readPrebuiltText(text, 'this program').values()];
    expect(read?.rows).toEqual(storedNamed.rows);
    expect([read?.documentTitle, read?.webTable, read?.indexRows]).toEqual(['Tïtle', '{"x":"ü"}', { source: 'ref', text: '"ß"' }]);
  });

  it('is not used when its ports do not fit its rows', () => {
    const text = prebuiltText([stored], 'this program').replace('"ranges":[22,22,0,', '"ranges":[');
    expect(readPrebuiltText(text, 'this program').size).toBe(0);
  });
});

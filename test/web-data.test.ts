/**
 * The web page's data (emit/web-data.ts writes it, web/catalog-data.ts reads
 * it): every catalog record comes back as it went in, every reference record
 * as the command line reads its references.json row, the conflict report's
 * sides point at those records, no `<` is left to end the page's <script>
 * early, and the committed page holds what ports.json and references.json hold.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Conflict, ConflictReport } from '../src/compare/conflicts.js';
import { emitWebData, referenceTable } from '../src/emit/web-data.js';
import { referenceListOf } from '../src/model/reference-list.js';
import type { PortDataset, PortRecord, ReferenceRecord } from '../src/model/record.js';
import { compareRecords } from '../src/model/record.js';
import type { WebDataJson } from '../src/model/web-data.js';
import { readBuiltData } from '../src/query/built-data.js';
import { readCatalogData } from '../src/web/catalog-data.js';
import { record } from './records.js';

const source = (id: string, role: 'catalog' | 'reference', fields: Partial<PortDataset['sources'][number]> = {}): PortDataset['sources'][number] => ({
  id,
  file: `${id}.txt`,
  format: 'port-list',
  role,
  title: `Title of ${id}`,
  documentTitle: null,
  url: null,
  product: null,
  sha256: '0'.repeat(64),
  license: null,
  coverage: null,
  ...fields,
});

const reference = (fields: Partial<PortRecord> & Pick<PortRecord, 'portStart'>): ReferenceRecord => ({ ...record({ sources: [{ source: 'ref', line: 1 }], ...fields }), aliasOf: null });

const sources = [
  source('list', 'catalog'),
  source('page', 'catalog', { product: 'Acme <b>Suite</b>', url: 'https://example.org/ports', title: 'Acme ports' }),
  source('ref', 'reference', { url: 'javascript:alert(1)' }),
];

const product = record({
  portStart: 6801,
  category: 'registered',
  name: 'Secure </script><script>alert(1)</script> Relay',
  description: 'Line one \u2028 and <!-- a comment',
  notes: ['Default: on', 'Note <img src=x onerror=alert(1)>'],
  references: ['RFC1', 'RFC793'],
  product: 'Acme <b>Suite</b>',
  configKey: 'relay.port',
  direction: 'both',
  aliases: ['relay', 'sr'],
  sources: [
    { source: 'page', line: 12 },
    { source: 'ref', line: 40 },
  ],
});
const range = record({ portStart: 1024, portEnd: 49151, protocol: 'udp', status: 'category', category: 'registered', name: 'registered ports', sources: [{ source: 'list', line: 695 }] });
const vacant = record({ portStart: 225, portEnd: 229, status: 'reserved', sources: [{ source: 'list', line: 7 }] });
const beta = record({ portStart: 6800, portEnd: 6802, product: 'Beta', name: 'Beta bus', sources: [{ source: 'page', line: 20 }] });
const gamma = record({ portStart: 6801, product: 'Gamma', name: 'Gamma relay', sources: [{ source: 'page', line: 21 }] });
const catalog = [vacant, range, product, beta, gamma];

const acnetTcp = reference({ portStart: 6801, category: 'registered', serviceName: 'acnet', name: 'ACNET Control System Protocol', sources: [{ source: 'ref', line: 39062 }] });
const acnetUdp = reference({ portStart: 6801, protocol: 'udp', category: 'registered', serviceName: 'acnet', name: 'ACNET Control System Protocol', sources: [{ source: 'ref', line: 39066 }] });
const www = reference({ portStart: 80, serviceName: 'http', aliases: ['www', 'www-http'], name: 'World Wide Web HTTP', description: 'dropped: a row has no description', references: ['RFC9110'], sources: [{ source: 'ref', line: 20 }, { source: 'ref', line: 21 }] });
const unassigned = reference({ portStart: 227, status: 'unassigned', sources: [{ source: 'ref', line: 30 }] });
const references = [www, unassigned, acnetTcp, acnetUdp];

const clash: Conflict = { kind: 'different-service', sides: [{ role: 'catalog', record: product }, { role: 'reference', record: acnetTcp }], explanation: '"Secure Relay" and "ACNET" share <nothing>' };
const inRange: Conflict = { kind: 'assigned-in-vacant-range', sides: [{ role: 'catalog', record: vacant }, { role: 'reference', record: unassigned }], explanation: 'x is assigned' };
const threeWay: Conflict = {
  kind: 'product-clash',
  sides: [
    { role: 'catalog', record: product },
    { role: 'catalog', record: beta },
    { role: 'catalog', record: gamma },
  ],
  explanation: 'three products on 6801',
};
const report: ConflictReport = {
  conflicts: [clash, inRange, threeWay],
  unregistered: [{ catalog: product, reference: null }, { catalog: range, reference: acnetUdp }],
  agreements: [{ catalog: vacant, reference: unassigned, match: { method: 'same-status', explanation: 'both say unassigned' } }],
  notInReference: 0,
  unnamed: 0,
};

const emitted = () =>
  emitWebData({
    generator: { name: 'port-catalog', version: '9.9.9' },
    sources,
    origins: new Map([['page', 'https://raw.githubusercontent.com/acme/docs/abc/ports.md']]),
    catalog,
    references: [{ id: 'ref', records: referenceListOf(references), table: null }],
    report,
  });

/** A reference record as `lookup` sees a references.json row: written out by hand for each row above. */
const asRow = (fields: Partial<PortRecord> & Pick<PortRecord, 'portStart'>): PortRecord => record({ ...fields });

describe('the page data', () => {
  it('holds no `<`, so nothing in it can close the page\u2019s <script> element, and parses as JSON', () => {
    const text = emitted();
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    expect((JSON.parse(text) as WebDataJson).version).toBe(3);
  });

  it('gives back every catalog record as it went in, field by field, and the sources with their origin', () => {
    const data = readCatalogData(JSON.parse(emitted()) as WebDataJson);
    expect(data.catalog).toEqual(catalog);
    expect(data.catalog[2]?.name).toBe('Secure </script><script>alert(1)</script> Relay');
    expect(data.catalog[2]?.description).toBe('Line one \u2028 and <!-- a comment');
    expect(data.generator).toEqual({ name: 'port-catalog', version: '9.9.9' });
    expect(data.sources).toEqual([
      { id: 'list', title: 'Title of list', url: null, origin: null, product: null, role: 'catalog' },
      { id: 'page', title: 'Acme ports', url: 'https://example.org/ports', origin: 'https://raw.githubusercontent.com/acme/docs/abc/ports.md', product: 'Acme <b>Suite</b>', role: 'catalog' },
      { id: 'ref', title: 'Title of ref', url: 'javascript:alert(1)', origin: null, product: null, role: 'reference' },
    ]);
  });

  it('gives back each reference record as a references.json row reads: first source line only, no description, references or notes', () => {
    const data = readCatalogData(JSON.parse(emitted()) as WebDataJson);
    expect(data.references).toEqual([
      asRow({ portStart: 80, serviceName: 'http', aliases: ['www', 'www-http'], name: 'World Wide Web HTTP', sources: [{ source: 'ref', line: 20 }] }),
      asRow({ portStart: 227, status: 'unassigned', sources: [{ source: 'ref', line: 30 }] }),
      asRow({ portStart: 6801, category: 'registered', serviceName: 'acnet', name: 'ACNET Control System Protocol', sources: [{ source: 'ref', line: 39062 }] }),
      asRow({ portStart: 6801, protocol: 'udp', category: 'registered', serviceName: 'acnet', name: 'ACNET Control System Protocol', sources: [{ source: 'ref', line: 39066 }] }),
    ]);
  });

  it('points the report\u2019s sides at the records the page holds', () => {
    const data = readCatalogData(JSON.parse(emitted()) as WebDataJson);
    const [relay] = data.catalog.filter((each) => each.portStart === 6801);
    const [acnet] = data.references.filter((each) => each.serviceName === 'acnet' && each.protocol === 'tcp');
    const [first, second, third] = data.conflicts;
    expect(first?.kind).toBe('different-service');
    expect(first?.sides[0].record).toBe(relay);
    expect(first?.sides[1]).toEqual({ role: 'reference', record: acnet });
    expect(first?.sides[1].record).toBe(acnet);
    expect(first?.explanation).toBe('"Secure Relay" and "ACNET" share <nothing>');
    expect(second?.kind).toBe('assigned-in-vacant-range');
    expect(second?.sides.map((side) => [side.role, side.record.portStart, side.record.status])).toEqual([
      ['catalog', 225, 'reserved'],
      ['reference', 227, 'unassigned'],
    ]);
    // A product clash names every record on the shared ports: here three.
    expect(third?.kind).toBe('product-clash');
    expect(third?.sides.map((side) => [side.role, side.record.product, side.record.portStart, side.record.portEnd])).toEqual([
      ['catalog', 'Acme <b>Suite</b>', 6801, 6801],
      ['catalog', 'Beta', 6800, 6802],
      ['catalog', 'Gamma', 6801, 6801],
    ]);
    expect(third?.sides[1].record).toBe(data.catalog[3]);
    expect(third?.explanation).toBe('three products on 6801');
    expect(data.unregistered.map(({ catalog: ours, reference: theirs }) => [ours.portStart, theirs?.protocol ?? null])).toEqual([
      [6801, null],
      [1024, 'udp'],
    ]);
    expect(data.agreements.map(({ catalog: ours, reference: theirs, method }) => [ours.portStart, theirs.portStart, method])).toEqual([[225, 227, 'same-status']]);
  });

  it('names each text of a reference table once where the row before names it too (tcp and udp rows of one service)', () => {
    const table = JSON.parse(referenceTable([acnetTcp, acnetUdp, www])) as { strings: string[]; rows: number[] };
    expect(table.strings).toEqual(['acnet', 'ACNET Control System Protocol', 'http', 'World Wide Web HTTP', 'www', 'www-http']);
    // first port (difference), width, protocol, status, keyword (2 next, 1 as before), name, line (difference), aliases.
    expect(table.rows).toEqual([6801, 0, 0, 0, 2, 2, 39062, 0, 0, 0, 1, 0, 1, 1, 4, 0, 80 - 6801, 0, 0, 0, 2, 2, 20 - 39066, 2]);
  });

  it('refuses data of another layout, and data that points past its arrays', () => {
    const json = JSON.parse(emitted()) as WebDataJson;
    expect(() => readCatalogData({ ...json, version: 2 })).toThrow('Unexpected data layout 2, expected 3');
    expect(() => readCatalogData({ ...json, strings: [] })).toThrow(/^Unexpected data that points past its arrays/);
    expect(() => readCatalogData({ ...json, references: [{ source: 'nowhere', table: { strings: [], rows: [] } }] })).toThrow("Unexpected reference table of source `nowhere`, expected one of the data's sources");
  });
});

describe('the committed page', () => {
  const page = readFileSync('output/index.html', 'utf8');
  const data = () => {
    const match = /<script type="application\/json" id="catalog-data">([^<]*)<\/script>/.exec(page);
    if (!match?.[1]) throw new Error('no data in output/index.html');
    return readCatalogData(JSON.parse(match[1]) as WebDataJson);
  };

  it('is under 2 MB, code and data together', () => {
    expect(statSync('output/index.html').size).toBeLessThan(2_000_000);
  });

  it('holds the records of ports.json and of references.json\u2019s rows, which lookup and free read', () => {
    const built = readBuiltData(readFileSync('output/ports.json', 'utf8'), readFileSync('output/references.json'), null);
    const { catalog: pageCatalog, references: pageReferences } = data();
    expect(pageCatalog).toEqual(built.catalog);
    expect(pageReferences).toHaveLength(12341);
    expect([...pageReferences].sort(compareRecords)).toEqual(built.references);
  });

  it('holds the conflict report of conflicts.json, side by side', () => {
    const written = JSON.parse(readFileSync('output/conflicts.json', 'utf8')) as {
      conflicts: { kind: string; explanation: string; sides: { role: string; portStart: number; portEnd: number; protocol: string; name: string | null; sources: string[] }[] }[];
      unregistered: unknown[];
      agreements: unknown[];
    };
    const { conflicts, unregistered, agreements } = data();
    expect(conflicts.map((conflict) => [conflict.kind, conflict.explanation, ...conflict.sides.map(({ role, record: ours }) => [role, ours.portStart, ours.portEnd, ours.protocol, ours.name])])).toEqual(
      written.conflicts.map((conflict) => [conflict.kind, conflict.explanation, ...conflict.sides.map((each) => [each.role, each.portStart, each.portEnd, each.protocol, each.name])]),
    );
    // A catalog side is the record as ports.json holds it, whose sources may have gained the reference's line since the report was made.
    conflicts.forEach((conflict, index) => {
      conflict.sides.forEach(({ record: ours }, sideIndex) => {
        const cited = ours.sources.map(({ source: id, line }) => `${id}:${line}`);
        expect(cited).toEqual(expect.arrayContaining(written.conflicts[index]?.sides[sideIndex]?.sources ?? ['missing']));
      });
    });
    expect(unregistered).toHaveLength(written.unregistered.length);
    expect(agreements).toHaveLength(written.agreements.length);
  });
});

/**
 * A query reads the reference rows of its ports from references.json by
 * binary search over the lines `build` writes (src/query/reference-rows.ts).
 * The rows it finds must be exactly those a whole JSON.parse of the file
 * gives, for any span, any layout of the same JSON, and any widths of range;
 * and a damaged row it reads is the same one-line error as before.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceIndexChunks } from '../src/emit/reference-index.js';
import type { ReferenceRow } from '../src/model/reference-row.js';
import { wantedReferenceRows, type PortSpan } from '../src/query/reference-rows.js';
import { record } from './records.js';

const generator = { name: 'port-catalog', version: '0.0.0-test' };
const fields = '["portStart","portEnd","protocol","status","serviceName","aliases","name","source","line"]';

/** What a whole parse of the file keeps for the spans: the expectation, computed without the code under test. */
function rowsMeeting(text: string, spans: readonly PortSpan[]): ReferenceRow[] {
  const rows = (JSON.parse(text) as { rows: ReferenceRow[] }).rows;
  return rows.filter(([start, end]) => spans.some((span) => start <= span.end && span.start <= end));
}

const read = (text: string, spans: readonly PortSpan[] | null) => wantedReferenceRows(Buffer.from(text), spans);

/** A small index by hand: a range 10-20 among single ports, in port order, `widest` 10. */
const handWritten = [
  `{"index":{"name":"port-catalog","version":"0","fields":${fields},"widest":10},"rows":[`,
  '[7,7,"tcp","assigned","echo",[],"Echo","iana",1],',
  '[10,20,"udp","assigned",null,[],"Range","iana",2],',
  '[15,15,"tcp","assigned","fifteen",[],"Café","iana",3],',
  '[30,30,"tcp","reserved",null,[],null,"iana",4]',
  ']}',
  '',
].join('\n');

describe('reference rows by binary search', () => {
  it('finds a range row from a port inside it, and single ports, in file order', () => {
    expect(read(handWritten, [{ start: 17, end: 17 }])).toEqual([[10, 20, 'udp', 'assigned', null, [], 'Range', 'iana', 2]]);
    expect(read(handWritten, [{ start: 15, end: 15 }])).toEqual([
      [10, 20, 'udp', 'assigned', null, [], 'Range', 'iana', 2],
      [15, 15, 'tcp', 'assigned', 'fifteen', [], 'Café', 'iana', 3],
    ]);
    expect(read(handWritten, [{ start: 30, end: 30 }, { start: 7, end: 7 }])).toEqual([
      [7, 7, 'tcp', 'assigned', 'echo', [], 'Echo', 'iana', 1],
      [30, 30, 'tcp', 'reserved', null, [], null, 'iana', 4],
    ]);
    expect(read(handWritten, [{ start: 21, end: 29 }])).toEqual([]);
    expect(read(handWritten, [{ start: 31, end: 65535 }])).toEqual([]);
    expect(read(handWritten, [{ start: 0, end: 6 }])).toEqual([]);
  });

  it('reads a row two spans meet once', () => {
    expect(read(handWritten, [{ start: 12, end: 12 }, { start: 18, end: 19 }])).toEqual([[10, 20, 'udp', 'assigned', null, [], 'Range', 'iana', 2]]);
  });

  it('gives every row for a query by name', () => {
    expect(read(handWritten, null).map((row) => row[8])).toEqual([1, 2, 3, 4]);
  });

  it('reads an empty index', () => {
    const empty = [...referenceIndexChunks([], generator)].join('');
    expect(read(empty, [{ start: 0, end: 65535 }])).toEqual([]);
  });

  it('finds in the committed references.json what a whole parse finds, at the edges and at random ports', () => {
    const text = readFileSync(new URL('../output/references.json', import.meta.url), 'utf8');
    const edges = [0, 1, 21, 22, 23, 1023, 1024, 8080, 49151, 49152, 65534, 65535].map((port) => ({ start: port, end: port }));
    for (const span of [...edges, { start: 0, end: 65535 }, { start: 6000, end: 6063 }]) expect(read(text, [span])).toEqual(rowsMeeting(text, [span]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 40 }), (start, length) => {
        const span = { start, end: Math.min(start + length, 65535) };
        expect(read(text, [span])).toEqual(rowsMeeting(text, [span]));
      }),
      { numRuns: 300 },
    );
  });

  it('finds what a whole parse finds in any index build writes: ranges of any width, spans of any number', () => {
    const rowRecord = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.nat({ max: 60 }), fc.constantFrom('tcp', 'udp'), fc.string({ maxLength: 6 }), fc.nat({ max: 999 }))
      .map(([start, width, protocol, name, line]) => ({
        ...record({ portStart: start, portEnd: Math.min(start + width, 65535), protocol: protocol as 'tcp' | 'udp', name, sources: [{ source: 'iana', line }] }),
        aliasOf: null,
      }));
    const span = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.nat({ max: 30 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(rowRecord, { maxLength: 60 }), fc.array(span, { minLength: 1, maxLength: 3 }), (records, spans) => {
        const text = [...referenceIndexChunks(records, generator)].join('');
        expect(read(text, spans)).toEqual(rowsMeeting(text, spans));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a references.json laid out otherwise', () => {
  const span = [{ start: 17, end: 17 }];
  const expected = [[10, 20, 'udp', 'assigned', null, [], 'Range', 'iana', 2]];

  it.each([
    ['with CRLF line ends', handWritten.replaceAll('\n', '\r\n')],
    ['formatted by hand', JSON.stringify(JSON.parse(handWritten), null, 2)],
    ['on one line', JSON.stringify(JSON.parse(handWritten))],
    ['with spaces after the rows', handWritten.replaceAll(',\n', ', \n')],
    ['without `widest`, as written before it', handWritten.replace(',"widest":10', '')],
    ['with a `widest` that is no count', handWritten.replace('"widest":10', '"widest":-1')],
    ['with rows out of port order', handWritten.replace('[7,7,"tcp","assigned","echo",[],"Echo","iana",1],\n', '').replace('[30,30,"tcp","reserved",null,[],null,"iana",4]', '[30,30,"tcp","reserved",null,[],null,"iana",4],\n[7,7,"tcp","assigned","echo",[],"Echo","iana",1]')],
    ['without a line break at the end', handWritten.trimEnd()],
  ])('%s gives the same rows, read whole', (_name, text) => {
    expect(read(text, span)).toEqual(expected);
  });

  it('with a port that JSON does not allow, 015, is the whole parse’s error', () => {
    expect(() => read(handWritten.replace('[15,15,', '[015,15,'), [{ start: 15, end: 15 }])).toThrow(/^Unexpected content in references\.json \(.*\), expected the file `build` writes$/s);
  });

  it('without the comma between two rows is the whole parse’s error', () => {
    expect(() => read(handWritten.replace('"iana",2],', '"iana",2]'), span)).toThrow(/^Unexpected content in references\.json \(.*\), expected the file `build` writes$/s);
  });

  it('with a comma after the last row is the whole parse’s error', () => {
    expect(() => read(handWritten.replace('"iana",4]', '"iana",4],'), span)).toThrow(/^Unexpected content in references\.json \(.*\), expected the file `build` writes$/s);
  });

  it('with a wanted row that is not a row names the row, counted from 0', () => {
    expect(() => read(handWritten.replace('"fifteen",[],"Café","iana",3]', '"fifteen",[],"Café","iana"]'), [{ start: 15, end: 15 }])).toThrow(
      'Unexpected references.json row 2 (`[15,15,"tcp","assigned","fifteen",[],"Café","iana"]`), expected [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]',
    );
  });

  it('with damage inside a row the query does not read still answers: `check` finds it', () => {
    expect(read(handWritten.replace('"Café","iana",3]', '"Café","iana",true]'), [{ start: 7, end: 7 }])).toEqual([[7, 7, 'tcp', 'assigned', 'echo', [], 'Echo', 'iana', 1]]);
  });
});

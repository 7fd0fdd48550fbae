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
import { thrownMessage } from './helpers.js';
import { record } from './records.js';

const generator = { name: 'port-catalog', version: '0.0.0-test' };
const fields = '["portStart","portEnd","protocol","status","serviceName","aliases","name","source","line"]';

/** What a whole parse of the file keeps for the spans: the expectation, computed without the code under test. */
/** Each text's rows, parsed once: a property test compares hundreds of searches with one whole parse. */
const parsedRows = new Map<string, ReferenceRow[]>();

function rowsMeeting(text: string, spans: readonly PortSpan[]): ReferenceRow[] {
  let rows = parsedRows.get(text);
  if (!rows) {
    rows = (JSON.parse(text) as { rows: ReferenceRow[] }).rows;
    parsedRows.set(text, rows);
  }
  return rows.filter(([start, end]) => spans.some((span) => start <= span.end && span.start <= end));
}

const read = (text: string, spans: readonly PortSpan[] | null) => wantedReferenceRows(Buffer.from(text), spans);

const wholeParseError = /^Unexpected content in references\.json \(.*\), expected the file `build` writes$/s;

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
      { numRuns: 300, seed: 2026 },
    );
  }, 30_000);

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

/** The message for row `number` of references.json when it is not a row. */
const notARow = (number: number, row: string) =>
  `Unexpected references.json row ${number} (\`${row}\`), expected [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]`;

/**
 * The hand-written index with a sixth row at port 40 that parses but is no
 * row. A search for other ports never reads it; a whole read stops at it. So
 * a layout read whole shows itself by that error.
 */
const badRow = '[40,40,"tcp","assigned",null,[],null,"iana",true]';
const withBadRow = handWritten.replace('"iana",4]\n]}', `"iana",4],\n${badRow}\n]}`);
const readWhole = notARow(4, badRow);

describe('a references.json as build writes it', () => {
  const range = [10, 20, 'udp', 'assigned', null, [], 'Range', 'iana', 2];

  it('is searched: a row the query does not need is never parsed', () => {
    expect(read(withBadRow, [{ start: 17, end: 17 }])).toEqual([range]);
    expect(read(withBadRow.trimEnd(), [{ start: 17, end: 17 }])).toEqual([range]);
  });

  it('is searched to its last row, and from its first', () => {
    const badFirst = handWritten.replace('"Echo","iana",1]', '"Echo","iana",true]');
    expect(read(badFirst, [{ start: 30, end: 30 }])).toEqual([[30, 30, 'tcp', 'reserved', null, [], null, 'iana', 4]]);
    expect(read(withBadRow, [{ start: 7, end: 7 }])).toEqual([[7, 7, 'tcp', 'assigned', 'echo', [], 'Echo', 'iana', 1]]);
  });

  it('reads rows that share a start port as in order', () => {
    const shared = withBadRow.replace('"iana",4],', '"iana",4],\n[30,30,"udp","reserved",null,[],null,"iana",5],');
    expect(read(shared, [{ start: 30, end: 30 }]).map((row) => row[2])).toEqual(['tcp', 'udp']);
  });

  it('names a wanted row that is not a row by its number, counted from 0, and cuts it at 80 characters', () => {
    expect(thrownMessage(() => read(withBadRow, [{ start: 40, end: 40 }]))).toBe(readWhole);
    const long = `[15,15,"tcp","assigned","fifteen",[],"${'x'.repeat(60)}","iana"]`;
    expect(thrownMessage(() => read(handWritten.replace('[15,15,"tcp","assigned","fifteen",[],"Café","iana",3]', long), [{ start: 15, end: 15 }]))).toBe(notARow(2, long.slice(0, 80)));
  });

  it('names the wanted row it read, though an earlier row it did not read is damaged too', () => {
    const twoBad = handWritten.replace('"Echo","iana",1]', '"Echo","iana",true]').replace('"Café","iana",3]', '"Café","iana",null]');
    expect(thrownMessage(() => read(twoBad, [{ start: 15, end: 15 }]))).toBe(notARow(2, '[15,15,"tcp","assigned","fifteen",[],"Café","iana",null]'));
  });
});

describe('a references.json laid out otherwise is read whole', () => {
  it.each([
    ['with CRLF line ends', withBadRow.replaceAll('\n', '\r\n')],
    ['formatted by hand', JSON.stringify(JSON.parse(withBadRow), null, 2)],
    ['on one line', JSON.stringify(JSON.parse(withBadRow))],
    ['with spaces after the rows', withBadRow.replaceAll(',\n', ', \n')],
    ['with a space after the closing bracket', `${withBadRow} `],
    ['with the closing bracket on the last row’s line', withBadRow.replace('true]\n]}', 'true]]}')],
    ['without `widest`, as written before it', withBadRow.replace(',"widest":10', '')],
    ['with a `widest` below 0', withBadRow.replace('"widest":10', '"widest":-1')],
    ['with a `widest` that is not whole', withBadRow.replace('"widest":10', '"widest":2.5')],
    ['with a `widest` that is text', withBadRow.replace('"widest":10', '"widest":"10"')],
    ['with the index named otherwise', withBadRow.replace('{"index":', '{"about":')],
    ['with the index not first', withBadRow.replace('{"index":', '{"about":1,"index":')],
    ['with an index that is null', withBadRow.replace(/^\{"index":\{.*\},"rows":\[\n/, '{"index":null,"rows":[\n')],
    ['with a row out of port order where the search reads', withBadRow.replace('[15,15,', '[16,16,"tcp","assigned","sixteen",[],null,"iana",5],\n[15,15,')],
    ['with a row line that does not start with its ports', withBadRow.replace('[7,7,', '[ 7,7,')],
    ['with a row line that does not end in its bracket', withBadRow.replace('"Range","iana",2],', '"Range","iana",2] ,')],
  ])('%s', (name, text) => {
    const rowNumber = name.includes('out of port order') ? 5 : 4;
    expect(thrownMessage(() => read(text, [{ start: 17, end: 17 }]))).toBe(notARow(rowNumber, badRow));
  });

  it('and so gives the same rows as a search, for any spans', () => {
    const crlf = handWritten.replaceAll('\n', '\r\n');
    expect(read(crlf, [{ start: 20, end: 25 }])).toEqual([[10, 20, 'udp', 'assigned', null, [], 'Range', 'iana', 2]]);
    expect(read(crlf, [{ start: 5, end: 7 }])).toEqual([[7, 7, 'tcp', 'assigned', 'echo', [], 'Echo', 'iana', 1]]);
    expect(read(crlf, [{ start: 15, end: 15 }, { start: 30, end: 30 }]).map((row) => row[8])).toEqual([2, 3, 4]);
    expect(read(crlf, null).map((row) => row[8])).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['a row line without its first port', withBadRow.replace('[7,7,', '[,7,')],
    ['a row line whose first port is not a number', withBadRow.replace('[7,7,', '[7x7,7,')],
    ['a row line that starts with something else', withBadRow.replace('[7,7,', 'x7,7,')],
    ['a last line that is not `]}`', withBadRow.replace(/\]\}\n$/, ']]\n')],
  ])('with %s, where the search reads, is the whole parse’s error', (_name, text) => {
    expect(thrownMessage(() => read(text, [{ start: 17, end: 17 }]))).toMatch(wholeParseError);
  });

  it('with the rows under another key after an empty `rows` has no rows', () => {
    const elsewhere = handWritten.replace(',"rows":[\n', ',"rows":[],"more":[\n');
    expect(read(elsewhere, [{ start: 17, end: 17 }])).toEqual([]);
  });

  it('with a port that JSON does not allow, 015, is the whole parse’s error', () => {
    expect(thrownMessage(() => read(handWritten.replace('[15,15,', '[015,15,'), [{ start: 15, end: 15 }]))).toMatch(wholeParseError);
  });

  it('with a header that is not JSON is the whole parse’s error', () => {
    expect(thrownMessage(() => read(handWritten.replace('{"index":{', '{"index":{nope'), [{ start: 15, end: 15 }]))).toMatch(wholeParseError);
  });

  it('without the comma between two rows is the whole parse’s error', () => {
    expect(thrownMessage(() => read(handWritten.replace('"iana",2],', '"iana",2]'), [{ start: 17, end: 17 }]))).toMatch(wholeParseError);
  });

  it('with a comma after the last row is the whole parse’s error', () => {
    expect(thrownMessage(() => read(handWritten.replace('"iana",4]', '"iana",4],'), [{ start: 17, end: 17 }]))).toMatch(wholeParseError);
  });

  it.each([
    ['null', 'null'],
    ['an object without rows', '{}'],
    ['rows that are no list', '{"rows":{}}'],
  ])('that is %s says it has no rows', (_name, text) => {
    expect(thrownMessage(() => read(text, [{ start: 17, end: 17 }]))).toBe('Unexpected references.json without a `rows` array, expected the file `build` writes');
    expect(thrownMessage(() => read(text, null))).toBe('Unexpected references.json without a `rows` array, expected the file `build` writes');
  });
});

/**
 * Artifacts are written as streams of chunks (emit/artifact.ts). Each stream
 * must join to exactly the text the one-string serialization gives, and the
 * facts a writer records (bytes, sha256) must be those of that text.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../src/catalog/dataset.js';
import { artifactFacts, artifactTexts, fixedArtifacts, utf8Batches, type Artifact } from '../src/emit/artifact.js';
import { csvChunks, csvCells, csvRow, emitCsv } from '../src/emit/csv.js';
import { jsonChunks } from '../src/emit/json.js';
import { referenceIndexChunks } from '../src/emit/reference-index.js';
import { stringify } from 'csv-stringify/sync';
import { record } from './records.js';

const generator = { name: 'port-catalog', version: '0.0.0-test' };
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe('jsonChunks', () => {
  it('joins to JSON.stringify(dataset, null, 2) and a newline, with no records or many', () => {
    const hostile = record({ portStart: 7, name: 'line\nbreak "quoted" \\ \u2028 \u00e9 🙂', notes: ['a', '  b'], sources: [{ source: 'list', line: 3 }] });
    for (const records of [[], [record({ portStart: 1 })], [hostile, record({ portStart: 8, aliases: ['x', 'y'] })]]) {
      const dataset = createDataset({ generator, sources: [], records });
      expect([...jsonChunks(dataset)].join('')).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
    }
  });

  it('writes a chunk per hundred records between the envelope’s two, and joins across them', () => {
    const records = Array.from({ length: 201 }, (_, index) => record({ portStart: index, name: `n${index}` }));
    const dataset = createDataset({ generator, sources: [], records });
    const chunks = [...jsonChunks(dataset)];
    expect(chunks).toHaveLength(5);
    expect(chunks[0]?.endsWith('  "records": [\n')).toBe(true);
    expect(chunks[1]?.startsWith('    {\n      "portStart": 0,\n')).toBe(true);
    expect(chunks[2]?.startsWith(',\n    {\n      "portStart": 100,\n')).toBe(true);
    expect(chunks[3]?.startsWith(',\n    {\n      "portStart": 200,\n')).toBe(true);
    expect(chunks[4]).toBe('\n  ]\n}\n');
    expect(chunks.join('')).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
  });
});

describe('csvChunks', () => {
  it('joins to one csv-stringify call over every record, across its chunk boundaries', () => {
    const records = Array.from({ length: 4500 }, (_, index) => record({ portStart: index % 65536, name: index % 3 === 0 ? `=cmd ${index}` : `"q", ${index}` }));
    const whole = stringify(records.map(csvCells), { columns: Object.keys(csvCells(records[0] ?? record({ portStart: 0 }))), header: true, record_delimiter: '\n', escape_formulas: true });
    const chunks = [...csvChunks(records)];
    expect(chunks).toHaveLength(3);
    expect(chunks.join('')).toBe(whole);
    expect(emitCsv(records)).toBe(whole);
    expect(chunks[1]?.startsWith('2000,2000,tcp,')).toBe(true);
  });

  it('writes a row of plain cells as they are, and quotes or escapes any other as csv-stringify does', () => {
    expect(csvRow([22, 22, 'tcp', 'Secure Shell (SSH): see RFC4253', ''])).toBe('22,22,tcp,Secure Shell (SSH): see RFC4253,\n');
    expect(csvRow([1, 'a, b'])).toBe('1,"a, b"\n');
    expect(csvRow(['say "hi"'])).toBe('"say ""hi"""\n');
    expect(csvRow(['two\nlines'])).toBe('"two\nlines"\n');
    expect(csvRow(['-1 day', '=SUM(A1)', '@x', '\uFF0Bx'])).toBe("'-1 day,'=SUM(A1),'@x,'\uFF0Bx\n");
    expect(csvRow(['a\tb'])).toBe('a\tb\n');
  });

  it('writes the header alone for no records', () => {
    expect([...csvChunks([])]).toEqual(['portStart,portEnd,protocol,status,serviceName,aliases,name,description,references,notes,category,product,configKey,direction,sources\n']);
  });
});

/** Each batch copied as it comes: the next one reuses its memory. */
const copied = (batches: Iterable<Buffer>) => Array.from(batches, (batch) => Buffer.from(batch));

describe('utf8Batches', () => {
  it('gathers chunks into batches of up to 1 MiB and never splits a character', () => {
    const chunk = 'é🙂'.repeat(1000); // 3,000 UTF-16 units, 6,000 bytes
    const batches = copied(utf8Batches(Array.from({ length: 1000 }, () => chunk)));
    // A batch gathers up to 262,144 units (3 bytes each at most: 786,432 bytes): 87 chunks, and 1,000 = 11 × 87 + 43.
    expect(batches.map((batch) => batch.length)).toEqual([...Array.from({ length: 11 }, () => 87 * 6000), 43 * 6000]);
    expect(Buffer.concat(batches).toString('utf8')).toBe(chunk.repeat(1000));
  });

  it('gives a chunk larger than a batch a batch of its own, in order', () => {
    const large = 'x'.repeat(400_000); // more than 262,144 units: might take 1,200,000 bytes
    const batches = copied(utf8Batches(['a', large, 'b']));
    expect(batches.map((batch) => batch.length)).toEqual([1, 400_000, 1]);
    expect(Buffer.concat(batches).toString('utf8')).toBe(`a${large}b`);
  });

  it('reuses its memory: a batch holds its bytes until the next one is asked for', () => {
    const batches = [...utf8Batches(['a'.repeat(200_000), 'b'.repeat(200_000), 'y'.repeat(300_000), 'z'.repeat(300_000)])];
    // 'b' does not fit beside 'a' (262,144 units at most), so 'a' is yielded and 'b' written over it;
    // 'y' and 'z' are each larger than a batch, and share the memory kept for such text.
    expect(batches.map((batch) => batch.length)).toEqual([200_000, 200_000, 300_000, 300_000]);
    expect(batches[0]?.buffer).toBe(batches[1]?.buffer);
    expect(batches[0]?.toString('latin1', 0, 3)).toBe('bbb');
    expect(batches[2]?.buffer).toBe(batches[3]?.buffer);
    expect(batches[2]?.toString('latin1', 0, 3)).toBe('zzz');
  });

  it('gives nothing for nothing', () => {
    expect([...utf8Batches([])]).toEqual([]);
    expect([...utf8Batches(['', ''])]).toEqual([]);
  });
});

describe('artifact facts', () => {
  it('are each text’s byte count and sha256, and each artifact sees those written before it', () => {
    const seen: string[][] = [];
    const describe: Artifact = (earlier) => {
      seen.push([...earlier.keys()]);
      return [JSON.stringify(Object.fromEntries(earlier))];
    };
    const artifacts = new Map<string, Artifact>([
      ['a.txt', () => ['é', 'x\n']],
      ['b.txt', () => []],
      ['facts.json', describe],
    ]);
    const texts = artifactTexts(artifacts);
    expect(texts['a.txt']).toBe('éx\n');
    expect(texts['b.txt']).toBe('');
    expect(JSON.parse(texts['facts.json'] ?? '')).toEqual({
      'a.txt': { bytes: 4, sha256: sha256('éx\n') },
      'b.txt': { bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    });
    const facts = artifactFacts(artifacts);
    expect(facts.get('a.txt')).toEqual({ bytes: 4, sha256: sha256('éx\n') });
    expect(facts.get('facts.json')).toEqual({ bytes: Buffer.byteLength(texts['facts.json'] ?? ''), sha256: sha256(texts['facts.json'] ?? '') });
    expect(seen).toEqual([['a.txt', 'b.txt'], ['a.txt', 'b.txt']]);
  });

  it('of fixed texts are those texts', () => {
    expect(artifactTexts(fixedArtifacts({ 'x.md': '# x\n', 'y.md': '' }))).toEqual({ 'x.md': '# x\n', 'y.md': '' });
  });
});

describe('referenceIndexChunks', () => {
  const generatorHeader = '{"index":{"name":"port-catalog","version":"0.0.0-test","fields":["portStart","portEnd","protocol","status","serviceName","aliases","name","source","line"],"widest":0},"rows":[';
  it('writes a line per row between the header and the closing bracket, and an empty index on two lines', () => {
    const echo = { ...record({ portStart: 7, serviceName: 'echo', name: 'Echo', sources: [{ source: 'iana', line: 12 }] }), aliasOf: null };
    const tcpmux = { ...record({ portStart: 1, serviceName: 'tcpmux', sources: [{ source: 'iana', line: 3 }] }), aliasOf: null };
    expect([...referenceIndexChunks([echo, tcpmux], generator)].join('')).toBe(
      `${generatorHeader}\n[1,1,"tcp","assigned","tcpmux",[],null,"iana",3],\n[7,7,"tcp","assigned","echo",[],"Echo","iana",12]\n]}\n`,
    );
    expect([...referenceIndexChunks([], generator)].join('')).toBe(`${generatorHeader}\n]}\n`);
  });

  it('gives in the header the widest range of any row, as portEnd - portStart', () => {
    const range = { ...record({ portStart: 6000, portEnd: 6063, sources: [{ source: 'iana', line: 9 }] }), aliasOf: null };
    const single = { ...record({ portStart: 7000, sources: [{ source: 'iana', line: 10 }] }), aliasOf: null };
    expect([...referenceIndexChunks([single, range], generator)].join('').split('\n')[0]).toBe(generatorHeader.replace('"widest":0', '"widest":63'));
  });
});

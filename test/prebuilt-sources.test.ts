/**
 * The committed sources read ahead of time (pipeline/prebuilt.ts): the copy
 * `npm run compile` stores must be what reading gives now, a build that uses
 * it must write what a build that reads afresh writes, and a copy is used
 * only for the bytes, options and version it was made from.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { artifactTexts } from '../src/emit/artifact.js';
import { loadSources } from '../src/files/load-sources.js';
import { loadPrebuilt, prebuiltPath, programStamp } from '../src/files/prebuilt-file.js';
import { loadWebApp } from '../src/files/web-app.js';
import { formatMessage } from '../src/model/messages.js';
import type { ManifestSource } from '../src/model/record.js';
import { generator } from '../src/package-info.js';
import { build, type SourceDocument } from '../src/pipeline/build.js';
import { prebuildDocuments } from '../src/pipeline/prebuild.js';
import { prebuiltKey, prebuiltText, readPrebuiltText } from '../src/pipeline/prebuilt.js';
import { loadFreshReading, planDocuments } from '../src/pipeline/read-documents.js';

async function committedSources(): Promise<SourceDocument[]> {
  const { documents } = await loadSources('sources');
  if (!documents) throw new Error('the committed manifest does not load');
  return documents;
}

const iana = (documents: readonly SourceDocument[]) => documents.filter((document) => document.source.id === 'iana');

describe('the stored sources', () => {
  it('are what reading the committed sources gives now (run `npm run compile` when this fails)', { timeout: 60_000 }, async () => {
    const fresh = prebuiltText(await prebuildDocuments(await committedSources(), generator), programStamp() ?? 'no bundle');
    expect(readFileSync(prebuiltPath, 'utf8') === fresh, `${prebuiltPath} is stale: run \`npm run compile\``).toBe(true);
  });

  it('make a build write exactly what a build that reads afresh writes, web page included, and are used', async () => {
    const prebuilt = loadPrebuilt();
    expect(prebuilt.size).toBe((await committedSources()).length);
    const webApp = await loadWebApp();
    const stored = await build(await committedSources(), { generator, prebuilt, webApp });
    const fresh = await build(await committedSources(), { generator, webApp });
    expect(stored.artifacts.has('index.html')).toBe(true);
    expect(artifactTexts(stored.artifacts)).toEqual(artifactTexts(fresh.artifacts));
    expect(stored.perSource).toEqual(fresh.perSource);
    expect(stored.files.flatMap((file) => file.messages.map(formatMessage))).toEqual(fresh.files.flatMap((file) => file.messages.map(formatMessage)));
    expect(stored.references).toEqual(fresh.references);
    expect(stored.references).toHaveLength(12341);
  }, 60_000);

  it('leave a build of the committed sources nothing to read afresh, so no parser is loaded', async () => {
    const planned = planDocuments(await committedSources(), { generator, prebuilt: loadPrebuilt() });
    expect(planned.filter(({ stored }) => stored === null).map(({ document }) => document.source.id)).toEqual([]);
    expect(await loadFreshReading(planned)).toBeNull();
    // A changed document is read afresh, with the parser of its format alone.
    const [first, ...rest] = planned;
    if (!first) throw new Error('no committed sources');
    const fresh = await loadFreshReading([{ ...first, stored: null }, ...rest]);
    expect([...(fresh?.parsers.keys() ?? [])]).toEqual([first.document.source.format]);
  });

  it('are what a build reads, not the document, when the key matches', async () => {
    const [key, document] = [...loadPrebuilt()].find(([, stored]) => stored.rows.length > 10_000) ?? ['', undefined];
    if (!document) throw new Error('nothing stored');
    const [first, ...rest] = document.rows;
    if (!first) throw new Error('no rows stored');
    const marked = new Map([[key, { ...document, rows: [[first[0], first[1], first[2], first[3], 'marked', ...first.slice(5)] as typeof first, ...rest] }]]);
    const result = await build(iana(await committedSources()), { generator, prebuilt: marked });
    expect(result.references[0]?.serviceName).toBe('marked');
  });
});

describe('a document read ahead of time', () => {
  const source: ManifestSource = { id: 'services', file: 'services', format: 'etc-services', role: 'reference', title: 'Services', url: null };
  const fixture = readFileSync('test/fixtures/etc-services/services');
  const documentOf = (id = 'services') => ({ source: { ...source, id }, file: new VFile({ path: 'test/fixtures/etc-services/services', value: Buffer.from(fixture) }) });

  it('restores its records under the manifest’s id, and its messages at their places', async () => {
    const stored = readPrebuiltText(prebuiltText(await prebuildDocuments([documentOf()], generator), 'this program'), 'this program');
    const withCopy = documentOf('renamed');
    const restored = await build([withCopy], { generator, prebuilt: stored });
    const afresh = documentOf('renamed');
    const read = await build([afresh], { generator });
    expect(restored.references).toEqual(read.references);
    expect(restored.references.map((record) => record.sources)).toEqual([5, 6, 7, 8, 9, 10, 12].map((line) => [{ source: 'renamed', line }]));
    expect(withCopy.file.messages.map(formatMessage)).toEqual([
      'test/fixtures/etc-services/services:11:15: warning: Unexpected `port-eighty`, expected `port/protocol` after the service name (etc-services:port-protocol)',
    ]);
    expect(withCopy.file.messages.map(formatMessage)).toEqual(afresh.file.messages.map(formatMessage));
    expect(restored.perSource).toEqual(read.perSource);
    // Its rows of references.json were written under its first id: under another they are written afresh.
    expect(artifactTexts(restored.artifacts)['references.json']).toBe(artifactTexts(read.artifacts)['references.json']);
    expect(artifactTexts(restored.artifacts)['references.json']).toContain('"renamed",5]');
  });

  it('gives references.json its rows as written ahead of time, under the id they were written for', async () => {
    const stored = readPrebuiltText(prebuiltText(await prebuildDocuments([documentOf()], generator), 'this program'), 'this program');
    const [[key, document] = ['', undefined]] = [...stored];
    if (!document?.indexRows) throw new Error('no rows of references.json stored');
    expect(document.indexRows.source).toBe('services');
    const read = await build([documentOf()], { generator });
    const rows = artifactTexts(read.artifacts)['references.json']?.split('\n').slice(1, -2).join('\n');
    expect(document.indexRows.text).toBe(rows);
    const marked = new Map([[key, { ...document, indexRows: { ...document.indexRows, text: document.indexRows.text.replace('"echo"', '"marked"') } }]]);
    const result = await build([documentOf()], { generator, prebuilt: marked });
    expect(artifactTexts(result.artifacts)['references.json']).toContain('"marked"');
  });

  it('is keyed by its bytes, the fields that steer reading and the version, not by its names', () => {
    const sha = 'a'.repeat(64);
    const key = prebuiltKey(source, sha, generator);
    expect(prebuiltKey({ ...source, id: 'other', title: 'Other', url: 'https://example.org/', file: 'x' }, sha, generator)).toBe(key);
    expect(prebuiltKey(source, 'b'.repeat(64), generator)).not.toBe(key);
    expect(prebuiltKey({ ...source, defaults: { protocols: ['udp'] } }, sha, generator)).not.toBe(key);
    expect(prebuiltKey({ ...source, unreadable: 'warning' }, sha, generator)).not.toBe(key);
    expect(prebuiltKey(source, sha, { ...generator, version: `${generator.version}-next` })).not.toBe(key);
  });

  it('is not used for other bytes, which are read afresh', async () => {
    const stored = readPrebuiltText(prebuiltText(await prebuildDocuments([documentOf()], generator), 'this program'), 'this program');
    const changed = { source, file: new VFile({ path: 'services', value: Buffer.from('echo 7/tcp\n') }) };
    const result = await build([changed], { generator, prebuilt: stored });
    expect(result.references.map((record) => [record.portStart, record.serviceName, record.sources[0]?.line])).toEqual([[7, 'echo', 1]]);
  });

  it('restores a registry of 200,000 rows, more than a spread into push() can take', async () => {
    const stored = readPrebuiltText(prebuiltText(await prebuildDocuments([documentOf()], generator), 'this program'), 'this program');
    const [[key, document] = ['', undefined]] = [...stored];
    if (!document) throw new Error('nothing stored');
    const [row] = document.rows;
    if (!row) throw new Error('no row stored');
    const large = new Map([[key, { ...document, rows: Array.from({ length: 200_000 }, () => row) }]]);
    const result = await build([documentOf()], { generator, prebuilt: large });
    expect(result.references).toHaveLength(200_000);
  });

  it('counts as none stored when the file is damaged, or was stored by another build of the program', async () => {
    const text = prebuiltText(await prebuildDocuments([documentOf()], generator), 'this program');
    expect(readPrebuiltText(text, 'this program').size).toBe(1);
    expect(readPrebuiltText(text, 'another program').size).toBe(0);
    expect(readPrebuiltText('{"program": "this program"', 'this program').size).toBe(0);
    expect(readPrebuiltText('{"program": "this program"}', 'this program').size).toBe(0);
    expect(readPrebuiltText('{"program": "this program", "documents": [{"document": {}}]}', 'this program').size).toBe(0);
    expect(readPrebuiltText('[]', 'this program').size).toBe(0);
    // The long texts after the first line must be there whole, each ending its line, and nothing after them.
    const head = text.slice(0, text.indexOf('\n'));
    const [{ sections: [rowsBytes = 0] = [] } = {}] = (JSON.parse(head) as { documents: { sections?: number[] }[] }).documents;
    const rowsEnd = head.length + 1 + rowsBytes;
    expect(text[rowsEnd]).toBe('\n');
    expect(readPrebuiltText(`${text.slice(0, rowsEnd)}${text.slice(rowsEnd + 1)}`, 'this program').size).toBe(0);
    expect(readPrebuiltText(text.slice(0, -1), 'this program').size).toBe(0);
    expect(readPrebuiltText(`${text}more\n`, 'this program').size).toBe(0);
    expect(readPrebuiltText(text.replace('"sections":[', '"sections":[1,'), 'this program').size).toBe(0);
    expect(readPrebuiltText(text.replace('"sections":[', '"sections":["1",'), 'this program').size).toBe(0);
  });

  it('is stamped by the compiled command line: its entry and the names of its parts', async () => {
    const stamp = programStamp();
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(prebuiltPath, 'utf8').split('\n', 1)[0] ?? '').program).toBe(stamp);
  });
});

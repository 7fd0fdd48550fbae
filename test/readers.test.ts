/**
 * Golden fixture folders, one table-driven test: each folder under
 * test/fixtures/pages/ (and any other family listed below) holds a whole
 * document, its manifest (sources.json), the records expected from it
 * (expected.json, written by hand from reading the document) and the
 * messages expected (messages.txt, one per line, paths relative to the
 * folder). Adding a vendor page means adding a folder.
 *
 * expected.json lists records as `{ port, protocol, name, lines }` plus any
 * other record field worth pinning (notes, description, configKey, …); a
 * field left out of an expected record is not compared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PortRecord } from '../src/model/record.js';
import { buildFolder, messagesOf } from './helpers.js';

const families = ['pages'];

interface ExpectedRecord {
  port: string;
  protocol: string;
  name: string | null;
  lines: number[];
  [field: string]: unknown;
}

/** The record as expected.json writes it: the four identifying keys, plus the fields the expectation pins. */
function projection(record: PortRecord, pinned: readonly string[]): Record<string, unknown> {
  const port = record.portStart === record.portEnd ? `${record.portStart}` : `${record.portStart}-${record.portEnd}`;
  const shown: Record<string, unknown> = { port, protocol: record.protocol, name: record.name, lines: record.sources.map((ref) => ref.line) };
  for (const field of pinned) shown[field] = record[field as keyof PortRecord];
  return shown;
}

for (const family of families) {
  const root = path.join('test/fixtures', family);
  describe(`fixtures/${family}`, () => {
    for (const name of readdirSync(root).sort()) {
      const folder = path.join(root, name);
      it(`${name}: gives the hand-written records and messages`, async () => {
        expect(existsSync(path.join(folder, 'sources.json')), `${folder}/sources.json`).toBe(true);
        const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as { records: ExpectedRecord[] };
        const result = await buildFolder(folder);
        const pinned = [...new Set(expected.records.flatMap((record) => Object.keys(record)))].filter(
          (key) => !['port', 'protocol', 'name', 'lines'].includes(key),
        );
        const got = result.dataset.records.map((record) => projection(record, pinned));
        const want = expected.records.map((record) => ({ ...Object.fromEntries(pinned.map((key) => [key, defaultOf(key)])), ...record }));
        expect(got).toEqual(want);

        const messages = readFileSync(path.join(folder, 'messages.txt'), 'utf8').split('\n').filter(Boolean);
        const prefix = `${folder}/`;
        expect(messagesOf([result.manifestFile, ...result.files]).map((line) => line.replace(prefix, ''))).toEqual(messages);
      });
    }
  });
}

/** What a record holds for a pinned field an expectation leaves out. */
function defaultOf(field: string): unknown {
  return field === 'notes' || field === 'references' ? [] : null;
}

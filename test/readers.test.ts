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
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparable, expectedMessages, expectedRecords } from './expected-records.js';
import { buildFolder, messagesOf } from './helpers.js';

const families = ['pages'];

for (const family of families) {
  const root = path.join('test/fixtures', family);
  describe(`fixtures/${family}`, () => {
    for (const name of readdirSync(root).sort()) {
      const folder = path.join(root, name);
      it(`${name}: gives the hand-written records and messages`, async () => {
        expect(existsSync(path.join(folder, 'sources.json')), `${folder}/sources.json`).toBe(true);
        const result = await buildFolder(folder);
        const { got, want } = comparable(result.dataset.records, expectedRecords(folder));
        expect(got).toEqual(want);
        const prefix = `${folder}/`;
        expect(messagesOf([result.manifestFile, ...result.files]).map((line) => line.replace(prefix, ''))).toEqual(expectedMessages(folder));
      });
    }
  });
}

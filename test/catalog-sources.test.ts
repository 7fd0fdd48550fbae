/**
 * Every vendor page in sources/ is read as a person reads it: each product's
 * entry has hand-written expected records (ports and protocols of every row,
 * names, and the lines they come from) and messages, in
 * test/fixtures/catalog/<id>/, or in the test/fixtures/pages/ folder that
 * holds the same page under the same id. The page is built alone, from the
 * committed manifest entry, and compared with them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestSource } from '../src/model/record.js';
import { comparable, expectedMessages, expectedRecords } from './expected-records.js';
import { VFile } from 'vfile';
import { loadSources } from '../src/files/load-sources.js';
import { generator } from '../src/package-info.js';
import { build, type SourceDocument } from '../src/pipeline/build.js';
import { folderWith, messagesOf, shared } from './helpers.js';

/** The committed sources, read once; each test builds its page from a fresh file of the same bytes. */
const loaded = shared(() => loadSources('sources'));

async function loadedPage(id: string): Promise<{ document: SourceDocument }> {
  const { documents, manifestFile } = await loaded();
  const found = documents?.find((document) => document.source.id === id);
  if (!found) throw new Error(`sources/ does not load \`${id}\`: ${manifestFile.messages.map(String).join('; ')}`);
  return { document: { ...found, file: new VFile({ path: found.file.path, value: found.file.value }) } };
}

const manifest = JSON.parse(readFileSync('sources/sources.json', 'utf8')) as { sources: ManifestSource[] };
const vendorPages = manifest.sources.filter((source) => source.product !== undefined);

/** The fixture folder of the pages family that holds this entry's page, with the same id and bytes. */
function pagesFixture(source: ManifestSource): string | null {
  const root = 'test/fixtures/pages';
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  for (const name of readdirSync(root)) {
    const folder = path.join(root, name);
    const entries = (JSON.parse(readFileSync(path.join(folder, 'sources.json'), 'utf8')) as { sources: ManifestSource[] }).sources;
    const same = entries.find((entry) => entry.id === source.id && entry.file === source.file);
    if (same && sha(path.join(folder, same.file)) === sha(path.join('sources', source.file))) return folder;
  }
  return null;
}

describe('the vendor pages of sources/', () => {
  it('each have hand-written expectations', () => {
    const missing = vendorPages.filter((source) => source.product !== 'Transfer CFT' && !existsSync(path.join('test/fixtures/catalog', source.id)) && pagesFixture(source) === null);
    expect(missing.map((source) => source.id)).toEqual([]);
  });

  for (const source of vendorPages) {
    const folder = existsSync(path.join('test/fixtures/catalog', source.id)) ? path.join('test/fixtures/catalog', source.id) : pagesFixture(source);
    if (folder === null) continue;
    it(`${source.id}: gives the hand-written records and messages`, async () => {
      const { document } = await loadedPage(source.id);
      const result = await build([document], { generator });
      const { got, want } = comparable(result.dataset.records, expectedRecords(folder), source.id);
      expect(got).toEqual(want);
      const file = result.files[0];
      const prefix = `${path.dirname(file?.path ?? '')}/`;
      expect(messagesOf(result.files).map((line) => line.replace(prefix, ''))).toEqual(expectedMessages(folder));
    });
  }
});

describe('every committed source is pinned', () => {
  it('each vendor page records its origin, sha256 and licence', () => {
    const unpinned = vendorPages
      .filter((source) => source.id !== 'transfer-cft-ports')
      .filter((source) => source.origin === undefined || source.sha256 === undefined || source.license === undefined);
    expect(unpinned.map((source) => source.id)).toEqual([]);
  });

  it('a one-byte edit to any of them fails the load, naming the file', async () => {
    const { cp, readFile, writeFile } = await import('node:fs/promises');
    const folder = await folderWith({});
    await cp('sources', folder, { recursive: true });
    const pinned = manifest.sources.filter((source) => source.sha256 !== undefined);
    expect(pinned.length).toBeGreaterThanOrEqual(manifest.sources.length - 1);
    for (const source of pinned) {
      const file = path.join(folder, source.file);
      const bytes = await readFile(file);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
      await writeFile(file, bytes);
    }
    const { manifestFile } = await loadSources(folder);
    const named = manifestFile.messages.filter((message) => message.ruleId === 'sha256').map((message) => /of `([^`]+)`/.exec(message.reason)?.[1]);
    expect(named).toEqual(pinned.map((source) => source.file));
  });
});

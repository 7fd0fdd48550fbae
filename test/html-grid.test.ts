/**
 * Browser truth for HTML tables: every fixture in test/fixtures/html-grid/ is
 * an HTML fragment with the grid headless Chromium lays out for it
 * (`<shape>.grid.json`, captured by `capture.mjs` in that folder, never typed
 * by hand). The table reader must compute the same grid: the same slots, each
 * holding the text of the cell that covers it (null where no cell does).
 * The browser's text is read under the rules every source's text goes
 * through (input/normalize-text.ts): a zero-width space Chromium keeps in
 * its innerText is removed, as the reader removes it, whether the page
 * writes it out or as `&#8203;`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDecodedText } from '../src/input/normalize-text.js';
import { cleanSpace } from '../src/model/text.js';
import { extractTables, readTablesFromTree } from '../src/parsers/tables/html.js';
import type { Table } from '../src/parsers/tables/table.js';

const folder = 'test/fixtures/html-grid';
const shapes = readdirSync(folder)
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.slice(0, -'.html'.length))
  .sort();

describe('HTML tables against Chromium', () => {
  it('has at least 30 shapes', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(30);
  });

  for (const shape of shapes) {
    it(`${shape}: same grid as Chromium`, () => {
      const html = readFileSync(path.join(folder, `${shape}.html`), 'utf8');
      const browser = JSON.parse(readFileSync(path.join(folder, `${shape}.grid.json`), 'utf8')) as { tables: { rows: (string | null)[][] }[] };
      const gridsOf = (tables: readonly Table[]) =>
        tables.map((table) => ({
          rows: table.rows.map((row) => row.map((cell) => (cell.offset < 0 ? null : cell.text))),
        }));
      const underSourceRules = browser.tables.map((table) => ({
        rows: table.rows.map((row) => row.map((text) => (text === null ? null : cleanSpace(normalizeDecodedText(text))))),
      }));
      expect(gridsOf(extractTables(html))).toEqual(underSourceRules);
      // The whole parse too, where a plain table is read from tokens instead (html-token-tables.ts).
      expect(gridsOf(readTablesFromTree(html))).toEqual(underSourceRules);
    });
  }
});

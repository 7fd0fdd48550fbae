/**
 * The Transfer CFT page, end to end through the real manifest: the 12 records
 * the page documents, field by field. Lines were checked by hand against
 * sources/transfer-cft-ports.md (each row's first <td>).
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { compareMessages, formatMessage } from '../src/model/messages.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';
import type { PortRecord } from '../src/model/record.js';
import { buildFolder } from './helpers.js';

const cftRecord = (
  port: number,
  name: string,
  line: number,
  fields: Partial<PortRecord> = {},
): PortRecord => ({
  portStart: port,
  portEnd: port,
  protocol: 'tcp',
  status: 'assigned',
  serviceName: null,
  aliases: [],
  name,
  description: null,
  references: [],
  notes: [],
  category: 'registered',
  product: 'Transfer CFT',
  configKey: null,
  direction: null,
  sources: [{ source: 'transfer-cft-ports', line }],
  ...fields,
});

const expected: PortRecord[] = [
  cftRecord(1761, 'PeSIT', 20, { description: 'PeSIT in plain text', notes: ['PESITANY protocol'] }),
  cftRecord(1762, 'SSL', 24, { description: 'PeSIT protocol over SSL/TLS' }),
  cftRecord(1763, 'SFTP', 28),
  cftRecord(1765, 'COMS', 32, { description: 'Synchronous transfers' }),
  cftRecord(1766, 'Copilot', 36, {
    description: 'Provides access to Transfer CFT UI server from a user Internet browser',
  }),
  cftRecord(1767, 'Transfer CFT UI (Copilot) server for Central Governance', 40, {
    description: 'Provides secure access for Central Governance (mutual authentication)',
  }),
  cftRecord(1768, 'REST API', 44),
  cftRecord(6801, 'Secure Relay MA', 56, { configKey: 'ma.comm_port' }),
  cftRecord(6810, 'Secure Relay RA', 62, { configKey: 'ra.admin_port' }),
  cftRecord(6811, 'Secure Relay RA', 62, { configKey: 'ra.comm_port' }),
  cftRecord(12553, 'Central Governance', 48, { description: 'Used to connect to Central Governance' }),
  cftRecord(12554, 'Central Governance SSL', 52),
];

describe('Transfer CFT page', () => {
  it('gives the 12 documented records, field by field, in catalog order', async () => {
    const result = await buildFolder('sources', ['transfer-cft-ports']);
    const records = result.dataset.records.filter((record) => record.product === 'Transfer CFT');
    expect(records).toHaveLength(12);
    records.forEach((record, index) => expect(record).toEqual(expected[index]));
  });

  it('reports nothing for the page', async () => {
    const result = await buildFolder('sources', ['transfer-cft-ports']);
    const page = result.files.find((file) => file.path.endsWith('transfer-cft-ports.md'));
    expect(page?.messages.map(formatMessage)).toEqual([]);
  });

  it('keeps the front-matter title of the page', async () => {
    const result = await buildFolder('sources', ['transfer-cft-ports']);
    const source = result.dataset.sources.find((entry) => entry.id === 'transfer-cft-ports');
    expect(source?.documentTitle).toBe('Ports');
  });
});

const columns = { Component: 'name', Port: 'port' } as const;

function parse(markdown: string, path = 'page.md', nameLines: 'join' | 'configKey' = 'configKey') {
  const file = new VFile({ path, value: markdown });
  const result = parseMarkdownHtmlTable(file, { columns, nameLines });
  return { ...result, messages: [...file.messages].sort(compareMessages).map(formatMessage) };
}

describe('parseMarkdownHtmlTable', () => {
  it('reads a table split by blank lines into several html nodes, at the right lines', () => {
    const page = [
      '{ "title": "T" }Intro.',
      '',
      '<table>',
      '<tr><th>Component</th><th>Port</th></tr>',
      '',
      '<tr><td>A</td><td>1</td></tr>',
      '',
      '<tr><td>B</td><td>2</td></tr>',
      '</table>',
    ].join('\n');
    const { entries, messages, documentTitle } = parse(page);
    expect(documentTitle).toBe('T');
    expect(entries.map((entry) => [entry.name, entry.port, entry.place.line])).toEqual([
      ['A', '1', 6],
      ['B', '2', 8],
    ]);
    expect(messages).toEqual([]);
  });

  it('pairs configuration keys with ports by position and warns when counts differ', () => {
    const page =
      '<table><tr><th>Component</th><th>Port</th></tr>\n' +
      '<tr><td><p>X</p><ul><li>x.a</li><li>x.b</li></ul></td><td><ul><li>1</li><li>2</li><li>3</li></ul></td></tr>\n' +
      '</table>';
    const { entries, messages } = parse(page);
    expect(entries.map((entry) => [entry.port, entry.configKey])).toEqual([
      ['1', null],
      ['2', null],
      ['3', null],
    ]);
    expect(messages).toEqual([
      'page.md:2:25: warning: Unexpected 2 configuration keys for 3 ports, expected one key per port (markdown-html-table:config-key-count)',
    ]);
  });

  it('joins a name cell\'s lines into one name unless the manifest says they are configuration keys', () => {
    const page =
      '<table><tr><th>Component</th><th>Port</th></tr>\n' +
      '<tr><td>Metrics<br>exporter</td><td>9464</td></tr>\n' +
      '<tr><td><p>X</p><ul><li>x.a</li><li>x.b</li></ul></td><td><ul><li>1</li><li>2</li></ul></td></tr>\n' +
      '</table>';
    expect(parse(page, 'page.md', 'join').entries.map((entry) => [entry.port, entry.name, entry.configKey])).toEqual([
      ['9464', 'Metrics exporter', null],
      ['1', 'X x.a x.b', null],
      ['2', 'X x.a x.b', null],
    ]);
    expect(parse(page, 'page.md', 'configKey').entries.map((entry) => [entry.port, entry.name, entry.configKey])).toEqual([
      // One port, one key: the second line is its key, as on the Transfer CFT page.
      ['9464', 'Metrics', 'exporter'],
      ['1', 'X', 'x.a'],
      ['2', 'X', 'x.b'],
    ]);
  });

  it('maps headers through the manifest, whatever their case, and warns on unmapped ones', () => {
    const page = '<table><tr><th>PORT</th><th> component </th><th>Remark</th></tr><tr><td>9</td><td>Nine</td><td>x</td></tr></table>';
    const { entries, messages } = parse(page);
    expect(entries.map((entry) => [entry.name, entry.port])).toEqual([['Nine', '9']]);
    expect(messages).toEqual([
      'page.md:1:45: warning: Unexpected column `Remark`, expected one mapped in the manifest (markdown-html-table:column-unmapped)',
    ]);
  });

  it('is an error when no table gives an entry; a table without a port column is reported on its own line', () => {
    expect(parse('# Just prose\n').messages).toEqual([
      'page.md:1:1: error: Unexpected document without a table, expected a table with a column mapped to `port` (markdown-html-table:table-missing)',
    ]);
    expect(parse('x\n\n<table><tr><th>Component</th><th>Where</th></tr><tr><td>A</td><td>1</td></tr></table>').messages).toEqual([
      'page.md:1:1: error: Unexpected document with no entry from its 1 table, expected a table with a column mapped to `port` (markdown-html-table:table-missing)',
      'page.md:3:1: warning: Unexpected table with mapped columns (`Component`) but no port column, expected a header mapped to `port`; not read (markdown-html-table:table-partial)',
    ]);
  });

  it('reads a table never closed to the end of the page, as a browser does, and says so', () => {
    const { entries, messages } = parse('x\n\n<table>\n<tr><th>Component</th><th>Port</th></tr><tr><td>A</td><td>1</td></tr>\n');
    expect(entries.map((entry) => [entry.name, entry.port, entry.place.line])).toEqual([['A', '1', 4]]);
    expect(messages).toEqual([
      'page.md:3:1: warning: Unexpected end of file inside a table, expected `</table>`; read to the end of the page (markdown-html-table:table-truncated)',
    ]);
  });

  it('is an error when the JSON front matter is broken', () => {
    expect(parse('{ "title": "T", }Body').messages).toEqual([
      expect.stringMatching(/^page\.md:1:1: error: Unexpected JSON front matter \(.+\), expected valid JSON \(markdown-html-table:front-matter\)$/),
    ]);
    expect(parse('{ "title": "never closed"\n').messages).toEqual([
      'page.md:1:1: error: Unexpected end of file in JSON front matter, expected `}` (markdown-html-table:front-matter)',
    ]);
  });

  it('warns about a legend term that matches no row, or several', () => {
    const page = [
      '<table><tr><th>Component</th><th>Port</th></tr>',
      '<tr><td>Relay MA</td><td>1</td></tr>',
      '<tr><td>Relay RA</td><td>2</td></tr>',
      '</table>',
      '',
      'Legend:',
      '',
      '- Relay: either relay',
      '- Gateway: no such row',
      '- no colon here',
    ].join('\n');
    const { entries, messages } = parse(page);
    expect(entries.map((entry) => entry.description)).toEqual([null, null]);
    expect(messages).toEqual([
      'page.md:8:3: warning: Unexpected legend term `Relay` matching several rows (`Relay MA`, `Relay RA`), expected one (markdown-html-table:legend-ambiguous)',
      'page.md:9:3: warning: Unexpected legend term `Gateway`, expected the name of a table row (markdown-html-table:legend-unmatched)',
      'page.md:10:3: warning: Unexpected legend item without `: `, expected `Term: description` (markdown-html-table:legend-item)',
    ]);
  });

  it('reads the real page identically with a BOM and CRLF line endings (after decoding)', async () => {
    const { readSourceText } = await import('../src/input/source-text.js');
    const clean = readFileSync('sources/transfer-cft-ports.md', 'utf8');
    const dirty = new VFile({ path: 'page.md', value: Buffer.from(`\uFEFF${clean.replace(/\n/g, '\r\n')}`) });
    expect(readSourceText(dirty)).not.toBeNull();
    const fromClean = parse(clean);
    expect(fromClean.entries).toHaveLength(12);
    expect(parseMarkdownHtmlTable(dirty, { columns, nameLines: 'configKey' })).toEqual({
      entries: fromClean.entries,
      documentTitle: fromClean.documentTitle,
      lineRoles: null,
    });
  });
});

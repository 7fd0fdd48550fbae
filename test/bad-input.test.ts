/**
 * Bad input never corrupts the catalog: each case below runs the real CLI on
 * a sources folder and checks the exact message (file, line, column, what was
 * expected), the exit code, and that the output folder is left as it was.
 */
import { readFile, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { captureOutput, folderWith } from './helpers.js';

const { stderr } = captureOutput();

type Format = 'port-list' | 'markdown-html-table';

const manifestFor = (format: Format, file: string) =>
  JSON.stringify({
    sources: [
      {
        id: 'doc',
        file,
        format,
        title: 'Doc',
        url: null,
        defaults: { protocols: ['tcp'] },
        columns: { Component: 'name', Port: 'port' },
      },
    ],
  });

interface Outcome {
  code: number;
  /** Problem lines, with the temporary folder replaced by `<dir>`. */
  messages: string[];
  outputUntouched: boolean;
}

/** Builds a folder holding one document, with `extra` args, into an output folder that holds a marker file. */
async function buildDocument(format: Format, content: string | Uint8Array, extra: string[] = []): Promise<Outcome> {
  stderr.length = 0;
  const file = format === 'port-list' ? 'doc.txt' : 'doc.md';
  const sources = await folderWith({ 'sources.json': manifestFor(format, file), [file]: content });
  const out = await folderWith({ 'ports.json': 'as before\n' });
  const code = await main(['build', '--sources', sources, '--out', out, ...extra]);
  const relative = path.relative(process.cwd(), sources);
  const files = await readdir(out);
  const outputUntouched =
    files.length === 1 && (await readFile(path.join(out, 'ports.json'), 'utf8')) === 'as before\n';
  return { code, messages: stderr.map((line) => line.split(relative).join('<dir>')), outputUntouched };
}

const refused = (messages: string[]) => ({ code: 1, outputUntouched: true, messages });

describe('empty and non-text files', () => {
  it('an empty port list', async () => {
    expect(await buildDocument('port-list', '')).toEqual(
      refused([
        '<dir>/doc.txt:1:1: error: Unexpected document without port entries, expected lines such as `80<TAB>TCP<TAB>HTTP` (port-list:no-entries)',
        'port-catalog: 1 error; nothing was written.',
      ]),
    );
  });

  it('an empty page', async () => {
    expect(await buildDocument('markdown-html-table', '')).toEqual(
      refused([
        '<dir>/doc.md:1:1: error: Unexpected document without a table, expected a table with a column mapped to `port` (markdown-html-table:table-missing)',
        'port-catalog: 1 error; nothing was written.',
      ]),
    );
  });

  it('binary data', async () => {
    expect(await buildDocument('port-list', new Uint8Array([0x38, 0x30, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual(
      refused([
        '<dir>/doc.txt:2:1: error: Unexpected bytes that are not UTF-8, expected UTF-8 text (decode:encoding)',
        'port-catalog: 1 error; nothing was written.',
      ]),
    );
    expect(await buildDocument('port-list', '80\tTCP\tHTTP\n\0\0\0')).toEqual(
      refused([
        '<dir>/doc.txt:2:1: error: Unexpected NUL byte, expected text (is this a binary file?) (decode:binary)',
        'port-catalog: 1 error; nothing was written.',
      ]),
    );
  });

  it('invalid UTF-8 in the middle of a line, placed at its column', async () => {
    const bytes = Buffer.concat([Buffer.from('80\tTCP\tHTTP\n81\tTCP\tCaf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect((await buildDocument('port-list', bytes)).messages[0]).toBe(
      '<dir>/doc.txt:2:11: error: Unexpected bytes that are not UTF-8, expected UTF-8 text (decode:encoding)',
    );
  });
});

describe('a BOM and CRLF line endings', () => {
  it('give the same records, lines included, as the clean file', async () => {
    const clean = await readFile('sources/port-numbers.txt', 'utf8');
    const out = async (content: string) => {
      const sources = await folderWith({ 'sources.json': manifestFor('port-list', 'doc.txt'), 'doc.txt': content });
      const target = await folderWith({});
      expect(await main(['build', '--sources', sources, '--out', target, '--quiet'])).toBe(0);
      const dataset = JSON.parse(await readFile(path.join(target, 'ports.json'), 'utf8')) as { records: unknown[] };
      return dataset.records;
    };
    const records = await out(clean);
    expect(records.length).toBeGreaterThan(700);
    expect(await out(`\uFEFF${clean.replace(/\n/g, '\r\n')}`)).toEqual(records);
  });
});

describe('bad ports and protocols', () => {
  // Each bad line is tried alone (line 1) and after a good line (line 2): a
  // good line before it must neither hide the error nor move its place.
  it.each([
    ['abc\tTCP\tX', 1, 'Unexpected port `abc`, expected a number or a range like `225-229`'],
    ['-5\tTCP\tX', 1, 'Unexpected port `-5`, expected a number or a range like `225-229`'],
    ['70000\tTCP\tX', 1, 'Unexpected port 70000, expected 0–65535'],
    ['65536\tTCP\tX', 1, 'Unexpected port 65536, expected 0–65535'],
    ['65535-65536\tTCP\tX', 1, 'Unexpected port 65536, expected 0–65535'],
    ['30-20\tTCP\tX', 1, 'Unexpected range `30-20`, expected the first port not to exceed the last'],
    ['- 70000\n\nTCP\n\nX', 3, 'Unexpected port 70000, expected 0–65535'],
    ['- 65536\n\nTCP\n\nX', 3, 'Unexpected port 65536, expected 0–65535'],
  ])('%j, alone and after a good line', async (line, column, reason) => {
    const error = (at: number) =>
      refused([`<dir>/doc.txt:${at}:${column}: error: ${reason} (port-list:port-range)`, 'port-catalog: 1 error; nothing was written.']);
    expect(await buildDocument('port-list', line)).toEqual(error(1));
    expect(await buildDocument('port-list', `80\tTCP\tHTTP\n${line}`)).toEqual(error(2));
  });

  it('65535 is a port, alone and as the end of a range', async () => {
    const sources = await folderWith({
      'sources.json': manifestFor('port-list', 'doc.txt'),
      'doc.txt': '80\tTCP\tHTTP\n65535\tTCP\tLast\n65530-65535\tUDP\tTop\n',
    });
    const out = await folderWith({});
    expect(await main(['build', '--sources', sources, '--out', out, '--quiet'])).toBe(0);
    const { records } = JSON.parse(await readFile(path.join(out, 'ports.json'), 'utf8')) as {
      records: { portStart: number; portEnd: number; protocol: string; name: string; category: string; sources: unknown }[];
    };
    expect(records.map(({ portStart, portEnd, protocol, name, category, sources: refs }) => [portStart, portEnd, protocol, name, category, refs])).toEqual([
      [80, 80, 'tcp', 'HTTP', 'well-known', [{ source: 'doc', line: 1 }]],
      [65530, 65535, 'udp', 'Top', 'dynamic', [{ source: 'doc', line: 3 }]],
      [65535, 65535, 'tcp', 'Last', 'dynamic', [{ source: 'doc', line: 2 }]],
    ]);
  });

  it('a bad port in a table cell, at the cell', async () => {
    const page = '<table>\n<tr><th>Component</th><th>Port</th></tr>\n<tr><td>A</td><td>x1</td></tr>\n</table>\n';
    expect((await buildDocument('markdown-html-table', page)).messages).toEqual([
      '<dir>/doc.md:1:1: warning: Unexpected table with no entry from its 1 body row, expected rows with ports (markdown-html-table:table-empty)',
      '<dir>/doc.md:3:19: error: Unexpected `x1` in a port cell, expected a port, a range or a list of ports; the manifest entry\'s `"unreadable": "warning"` would skip it with a warning (markdown-html-table:port-cell)',
      'port-catalog: 1 error; nothing was written.',
    ]);
  });

  it('unknown protocol words', async () => {
    expect(await buildDocument('port-list', '80\tTCP XYZ\tHTTP\n')).toEqual(
      refused([
        '<dir>/doc.txt:1:1: error: Unexpected protocol `XYZ`, expected `tcp`, `udp`, `sctp` or `dccp` (port-list:protocol-unknown)',
        'port-catalog: 1 error; nothing was written.',
      ]),
    );
  });
});

describe('pages that are not what the manifest says', () => {
  it('HTML with no table, a table without a port column, a truncated table', async () => {
    expect((await buildDocument('markdown-html-table', '<p>no table</p>\n')).messages[0]).toBe(
      '<dir>/doc.md:1:1: error: Unexpected document without a table, expected a table with a column mapped to `port` (markdown-html-table:table-missing)',
    );
    expect((await buildDocument('markdown-html-table', '<table><tr><th>Component</th></tr><tr><td>A</td></tr></table>')).messages).toEqual([
      '<dir>/doc.md:1:1: error: Unexpected document with no entry from its 1 table, expected a table with a column mapped to `port` (markdown-html-table:table-missing)',
      '<dir>/doc.md:1:1: warning: Unexpected table with mapped columns (`Component`) but no port column, expected a header mapped to `port`; not read (markdown-html-table:table-partial)',
      'port-catalog: 1 error; nothing was written.',
    ]);
    // A table never closed is read to the end of the page, as a browser reads it, and reported.
    expect(await buildDocument('markdown-html-table', 'Intro\n\n<table>\n<tr><th>Component</th><th>Port</th></tr>\n<tr><td>A</td><td>1')).toEqual({
      code: 0,
      messages: ['<dir>/doc.md:3:1: warning: Unexpected end of file inside a table, expected `</table>`; read to the end of the page (markdown-html-table:table-truncated)'],
      outputUntouched: false,
    });
  });

  it('10,000 nested tags in a cell: built, with nesting past 512 levels flattened and reported', async () => {
    const deep = `${'<b>'.repeat(10_000)}A${'</b>'.repeat(10_000)}`;
    const page = `<table><tr><th>Component</th><th>Port</th></tr><tr><td>${deep}</td><td>7</td></tr></table>\n`;
    // The parse opens <html>, <table>, <tbody>, <tr>, <td>, then 507 <b>s make 512: the 508th, after the
    // 55 characters before the cell's content and 507 tags of 3, is at column 55 + 1,521 + 1.
    expect(await buildDocument('markdown-html-table', page)).toEqual({
      code: 0,
      messages: [
        '<dir>/doc.md:1:1577: warning: Unexpected element nested past 512 levels (`<b>`), expected at most 512; it and deeper elements are flattened, as Chromium does (markdown-html-table:depth-capped)',
      ],
      outputUntouched: false,
    });
  });
});

describe('a single 1 MB line', () => {
  it('as a name is read, not dropped', async () => {
    const outcome = await buildDocument('port-list', `80\tTCP\t${'x'.repeat(1 << 20)}\n`);
    expect(outcome).toEqual({ code: 0, messages: [], outputUntouched: false });
  });

  it('as stray text is reported at its line', async () => {
    const outcome = await buildDocument('port-list', `Title\n${'x '.repeat(1 << 19)}\n80\tTCP\tHTTP\n`, ['--strict']);
    expect(outcome).toEqual(
      refused([
        '<dir>/doc.txt:2:1: warning: Unexpected text outside an entry, expected a port entry or a section heading (port-list:stray-text)',
        'port-catalog: 1 warning not accepted, with --strict; nothing was written.',
      ]),
    );
  });
});

describe('warnings and --strict', () => {
  const ambiguous = '100 TCP UDP\n\nNot used\n\n**NIC Hostname Server**\n\n101 TCP UDP\n\nName\n\n102 TCP\n';

  it('a warning is printed and the build goes on', async () => {
    const outcome = await buildDocument('port-list', ambiguous);
    expect(outcome.code).toBe(0);
    expect(outcome.outputUntouched).toBe(false);
    expect(outcome.messages).toEqual([
      '<dir>/doc.txt:5:1: warning: Ambiguous name `NIC Hostname Server` after other text of port 100, expected it right after the port line; kept for port 100 (port-list:ambiguous-name)',
      '<dir>/doc.txt:11:1: warning: Unexpected port 102 without a name, expected a name after the port line (port-list:name-missing)',
    ]);
  });

  it('--strict makes warnings fail the build, writing nothing', async () => {
    const outcome = await buildDocument('port-list', ambiguous, ['--strict']);
    expect(outcome).toMatchObject({ code: 1, outputUntouched: true });
    expect(outcome.messages.at(-1)).toBe('port-catalog: 2 warnings not accepted, with --strict; nothing was written.');
  });
});

describe('manifests that point outside the sources folder', () => {
  it('refuses ../../etc/passwd', async () => {
    const sources = await folderWith({ 'sources.json': manifestFor('port-list', '../../etc/passwd') });
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toMatch(
      /sources\.json:1:\d+: error: Unexpected file path `\.\.\/\.\.\/etc\/passwd`, expected a path inside the sources folder \(manifest:file-outside\)$/,
    );
  });

  it('refuses a link that leads outside', async () => {
    const outside = await folderWith({ 'secret.txt': '80\tTCP\tHTTP\n' });
    const sources = await folderWith({ 'sources.json': manifestFor('port-list', 'doc.txt') });
    await symlink(path.join(outside, 'secret.txt'), path.join(sources, 'doc.txt'));
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toMatch(
      /sources\.json:1:\d+: error: Cannot read source `doc\.txt` \(it leads outside the sources folder through a link\), expected a readable file \(manifest:read\)$/,
    );
  });

  it('reports a manifest that is missing', async () => {
    const sources = await folderWith({});
    expect(await main(['build', '--sources', sources, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toBe(
      `${path.relative(process.cwd(), path.join(sources, 'sources.json'))}:1:1: error: Cannot read the manifest (no such file), expected sources.json in \`${sources}\` (manifest:read)`,
    );
  });
});

/**
 * Character references are text like any other: what `&nbsp;`, `&#160;`,
 * `&#8203;` or `&ZeroWidthSpace;` decode to goes through the rules the
 * source's own text goes through (src/input/normalize-text.ts), so each
 * reads as the character written out does, and as the plain text does: a
 * no-break space is a space, a zero-width space nothing. Each pairing is
 * built through the whole pipeline (the literal characters are normalized
 * where a build normalizes them), in every place a page holds text.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { normalizeDecodedText } from '../src/input/normalize-text.js';
import type { ManifestSource } from '../src/model/record.js';
import { generator } from '../src/package-info.js';
import { build } from '../src/pipeline/build.js';

describe('normalizeDecodedText', () => {
  it('applies the source rules to decoded text', () => {
    expect(normalizeDecodedText('Web\u00a0UI')).toBe('Web UI');
    expect(normalizeDecodedText('80\u200b')).toBe('80');
    expect(normalizeDecodedText('\u2060\ufeff80\u00ad')).toBe('80');
    expect(normalizeDecodedText('\uff18\uff10')).toBe('80');
    expect(normalizeDecodedText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(normalizeDecodedText('a\u0001b')).toBe('a\ufffdb');
    expect(normalizeDecodedText('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('gives clean text back as it is', () => {
    const clean = 'Port 80 (HTTP) — «web» ü';
    expect(normalizeDecodedText(clean)).toBe(clean);
  });
});

/** The ways a page can write a no-break space and a zero-width space; the last of each is the character itself. */
const noBreakSpaces = ['&nbsp;', '&#160;', '&#xA0;', '&NonBreakingSpace;', '\u00a0'];
const zeroWidthSpaces = ['&#8203;', '&#x200B;', '&ZeroWidthSpace;', '\u200b'];

/** Builds one page with the manifest entry given; its records' fields that text reaches, and its messages without columns. */
async function readAlone(page: string, entry: Partial<ManifestSource>) {
  const file = new VFile({ path: 'page.md', value: page });
  const source: ManifestSource = { id: 'page', file: 'page.md', format: 'markdown', title: 'Page', url: null, defaults: { protocols: ['tcp'] }, ...entry };
  const { dataset } = await build([{ source, file }], { generator });
  return {
    records: dataset.records.map((record) => [record.portStart, record.portEnd, record.name, record.description, record.notes, record.sources.map((cited) => cited.line)]),
    messages: file.messages.map((message) => `${message.line}: ${message.reason} (${message.ruleId})`),
  };
}

/** A page's text with `~` replaced by a no-break space spelling and `^` by a zero-width space spelling. */
const spelled = (page: string, space: string, zero: string) => page.replaceAll('~', space).replaceAll('^', zero);

/** Every pairing of spellings reads as the page with `~` a space and `^` nothing. */
async function expectSameAsPlain(page: string, entry: Partial<ManifestSource>, expected: Awaited<ReturnType<typeof readAlone>>) {
  expect(await readAlone(spelled(page, ' ', ''), entry)).toEqual(expected);
  for (const space of noBreakSpaces) {
    for (const zero of zeroWidthSpaces) {
      expect(await readAlone(spelled(page, space, zero), entry), `${JSON.stringify(space)} and ${JSON.stringify(zero)}`).toEqual(expected);
    }
  }
}

describe('decoded text reads as the character written out', () => {
  it('in an HTML table cell of a Markdown page', async () => {
    const page = ['<table>', '<tr><th>Port~range</th><th>Service</th></tr>', '<tr><td>^80^</td><td>Web~UI^</td></tr>', '<tr><td>44^3</td><td>TLS~^</td></tr>', '</table>'].join('\n');
    await expectSameAsPlain(page, { columns: { 'Port range': 'port', Service: 'name' } }, {
      records: [
        [80, 80, 'Web UI', null, [], [3]],
        [443, 443, 'TLS', null, [], [4]],
      ],
      messages: [],
    });
  });

  it('in a GFM pipe-table cell', async () => {
    const page = ['| Port~range | Service |', '| --- | --- |', '| ^80^ | Web~UI^ |', '| 44^3 | TLS~^ |'].join('\n');
    await expectSameAsPlain(page, { columns: { 'Port range': 'port', Service: 'name' } }, {
      records: [
        [80, 80, 'Web UI', null, [], [3]],
        [443, 443, 'TLS', null, [], [4]],
      ],
      messages: [],
    });
  });

  it('in a list item read by a pattern, under a heading chosen by its text', async () => {
    const page = ['## Web~ports^', '', '- Port~^80^:~Web~UI', '- Port~44^3: TLS^'].join('\n');
    await expectSameAsPlain(page, { items: { patterns: ['Port {port}: {name}'], headings: ['Web ports'] } }, {
      records: [
        [80, 80, 'Web UI', null, [], [3]],
        [443, 443, 'TLS', null, [], [4]],
      ],
      messages: [],
    });
  });

  it('in a paragraph read for mentions', async () => {
    const page = ['Web~UI listens on port~8^0.', '', 'TLS^ listens on port~^443.'].join('\n');
    await expectSameAsPlain(page, { mentions: { patterns: ['{name} listens on port {port}.'] } }, {
      records: [
        [80, 80, 'Web UI', null, [], [1]],
        [443, 443, 'TLS', null, [], [3]],
      ],
      messages: [],
    });
  });

  it("in an HTML document's table cell, list item and paragraph", async () => {
    const page = [
      '<html><head><title>Web~ports^</title></head><body>',
      '<table><tr><th>Port~range</th><th>Service</th></tr>',
      '<tr><td>^80^</td><td>Web~UI^</td></tr></table>',
      '<ul><li>Port~^443^:~TLS~^</li></ul>',
      '<p>Mail^ listens on port~2^5.</p>',
      '</body></html>',
    ].join('\n');
    const entry: Partial<ManifestSource> = {
      format: 'html',
      columns: { 'Port range': 'port', Service: 'name' },
      items: { patterns: ['Port {port}: {name}'] },
      mentions: { patterns: ['{name} listens on port {port}.'] },
    };
    await expectSameAsPlain(page, entry, {
      records: [
        [25, 25, 'Mail', null, [], [5]],
        [80, 80, 'Web UI', null, [], [3]],
        [443, 443, 'TLS', null, [], [4]],
      ],
      messages: [],
    });
  });

  it('in a cell the grammar cannot read: the same message', async () => {
    const page = ['| Port | Service |', '| --- | --- |', '| x^1 | Web~UI |'].join('\n');
    await expectSameAsPlain(page, { columns: { Port: 'port', Service: 'name' } }, {
      records: [],
      messages: [
        '3: Unexpected `x1` in a port cell, expected a port, a range or a list of ports; the manifest entry\'s `"unreadable": "warning"` would skip it with a warning (port-cell)',
        '1: Unexpected table with no entry from its 1 body row, expected rows with ports (table-empty)',
      ],
    });
  });
});

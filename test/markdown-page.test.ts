/**
 * Tables wherever a Markdown page puts them, read as a browser reads them:
 * regression tests for the shapes that used to lose rows, each with its
 * records and messages written out.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/model/messages.js';
import { parseMarkdownHtmlTable } from '../src/parsers/page/markdown-page.js';

const columns = { Service: 'name', Port: 'port' } as const;

function parse(text: string) {
  const file = new VFile({ path: 'page.md', value: text });
  const { entries } = parseMarkdownHtmlTable(file, { columns });
  return { rows: entries.map((entry) => [entry.name, entry.port, entry.place.line]), messages: file.messages.map(formatMessage) };
}

const table = (service: string, port: string) => `<table><tr><th>Service</th><th>Port</th></tr><tr><td>${service}</td><td>${port}</td></tr></table>`;

describe('HTML tables in a Markdown page', () => {
  it('reads a table that opens and closes on one line, and the table after it (regression)', () => {
    const page = `Intro\n\n${table('one', '1')}\n\n<table>\n<tr><th>Service</th><th>Port</th></tr>\n<tr><td>two</td><td>2</td></tr>\n</table>\n`;
    expect(parse(page)).toEqual({ rows: [['one', '1', 3], ['two', '2', 7]], messages: [] });
  });

  it('reads two tables on one line', () => {
    expect(parse(`${table('one', '1')}${table('two', '2')}\n`).rows).toEqual([['one', '1', 1], ['two', '2', 1]]);
  });

  it('is not ended by a comment that holds `</table>`', () => {
    const page = '<table>\n<tr><th>Service</th><th>Port</th></tr>\n<tbody>\n<!-- old rows </table> -->\n<tr><td>one</td><td>1</td></tr>\n</tbody>\n</table>\n';
    expect(parse(page)).toEqual({ rows: [['one', '1', 5]], messages: [] });
  });

  it('reads a table indented by 2 spaces, in a <div>, in a list item, and in an MDX component', () => {
    const lines = [
      `  ${table('indented', '1')}`,
      '',
      `<div class="wide">${table('in div', '2')}</div>`,
      '',
      '- Ports:',
      '',
      `  ${table('in item', '3')}`,
      '',
      '<Tabs><TabItem value="a">',
      '',
      table('in tab', '4'),
      '',
      '</TabItem></Tabs>',
    ];
    expect(parse(lines.join('\n'))).toEqual({
      rows: [['indented', '1', 1], ['in div', '2', 3], ['in item', '3', 7], ['in tab', '4', 11]],
      messages: [],
    });
  });

  it('never reads a table shown as code', () => {
    const page = ['```html', table('code', '9'), '```', '', `Inline \`${table('inline', '8')}\` too.`, '', table('real', '1')].join('\n');
    expect(parse(page).rows).toEqual([['real', '1', 7]]);
  });

  it('reads a GFM pipe table, indented or without outer pipes', () => {
    const page = ['Service | Port', '--- | ---', 'one | 1', '', '  | Service | Port |', '  |---|---|', '  | two | 2 |'].join('\n');
    expect(parse(page)).toEqual({ rows: [['one', '1', 3], ['two', '2', 7]], messages: [] });
  });

  it('takes a first row of bold cells as the header', () => {
    const page = '<table><tr><td><strong>Service</strong></td><td><b>Port</b></td></tr><tr><td>one</td><td>1</td></tr></table>';
    expect(parse(page).rows).toEqual([['one', '1', 1]]);
  });

  it('reports a table that gives no entry at its line, and skips one with no mapped column', () => {
    const page = ['<table><tr><th>CPU</th><th>RAM</th></tr><tr><td>2</td><td>4 GB</td></tr></table>', '', '<table><thead><tr><th>Service</th><th>Port</th></tr></thead><tbody></tbody></table>'].join('\n');
    expect(parse(page).messages).toEqual([
      'page.md:1:1: info: Table 1 (headers: `CPU`, `RAM`) has no column mapped to `port`; not read (markdown-html-table:table-skipped)',
      'page.md:3:1: warning: Unexpected table without body rows, expected rows with ports (markdown-html-table:table-empty)',
      'page.md:1:1: error: Unexpected document with no entry from its 2 tables, expected a table with a column mapped to `port` (markdown-html-table:table-missing)',
    ]);
  });
});

describe('two rows of one identity', () => {
  it('keep both texts, with an info message naming both lines', async () => {
    const { build } = await import('../src/pipeline/build.js');
    const { generator } = await import('../src/package-info.js');
    const page = [
      '| Service | Port | Direction | Description |',
      '| --- | --- | --- | --- |',
      '| SMTP | 25 | In | Inbound mail |',
      '| SMTP | 25 | Out | Outbound relay mail |',
    ].join('\n');
    const file = new VFile({ path: 'page.md', value: page });
    const source = {
      id: 'mail',
      file: 'page.md',
      format: 'markdown' as const,
      title: 'Mail',
      url: null,
      defaults: { protocols: ['tcp' as const] },
      columns: { Service: 'name', Port: 'port', Direction: 'direction', Description: 'description' } as const,
    };
    const result = await build([{ source, file }], { generator });
    expect(result.dataset.records.map((r) => [r.portStart, r.name, r.description, r.direction, r.notes, r.sources.map((s) => s.line)])).toEqual([
      [25, 'SMTP', 'Outbound relay mail', 'both', ['Also: Inbound mail'], [3, 4]],
    ]);
    expect(file.messages.map(formatMessage)).toEqual([
      'page.md:4:1: info: Duplicate entry for 25 (tcp), merged into the one at line 3 (merge:duplicate)',
      'page.md:3:1: info: Different `description` for 25 (tcp) than at line 4, expected one; kept `Outbound relay mail`, and this one in notes (merge:disagreement)',
    ]);
  });
});

describe('front matter', () => {
  const title = (text: string) => {
    const file = new VFile({ path: 'page.md', value: text });
    const parsed = parseMarkdownHtmlTable(file, { columns });
    return { title: parsed.documentTitle, rows: parsed.entries.map((entry) => [entry.name, entry.port, entry.place.line]), messages: file.messages.map(formatMessage) };
  };
  const body = `\n${table('one', '1')}\n`;

  it('reads the title from YAML, TOML or JSON front matter, and keeps line numbers', () => {
    expect(title(`---\ntitle: 'Security | Ports'\nweight: 2\n---\n${body}`)).toEqual({ title: 'Security | Ports', rows: [['one', '1', 6]], messages: [] });
    expect(title(`+++\ntitle = "Ports"\n+++\n${body}`)).toEqual({ title: 'Ports', rows: [['one', '1', 5]], messages: [] });
    expect(title(`{ "title": "Ports ", "weight": "180" }${body}`)).toEqual({ title: 'Ports', rows: [['one', '1', 2]], messages: [] });
  });

  it('reports front matter that does not parse, at its line', () => {
    expect(title(`---\ntitle: [unclosed\n---\n${body}`).messages).toEqual([
      expect.stringMatching(/^page\.md:2:1: error: Unexpected YAML front matter \(.+\), expected valid YAML \(markdown-html-table:front-matter\)$/),
    ]);
    expect(title(`---\ntitle: never closed\n${body}`).messages).toEqual([
      'page.md:1:1: error: Unexpected end of file in YAML front matter, expected a closing `---` (markdown-html-table:front-matter)',
    ]);
  });
});

/**
 * Rules every page reader shares, each on a page written for it: nested
 * lists, patterns on rendered text, headings as rendered, defaults and
 * direction by section and by table, placeholders, footnotes, configuration
 * keys only where asked, ranges given by two rows, and the messages a
 * maintainer gets when a filter chooses nothing. Records and messages are
 * written out by hand.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PortRecord } from '../src/model/record.js';
import { buildFolder, folderWith, messagesOf } from './helpers.js';

/** Builds one page with one manifest entry; returns its records (brief) and messages. */
async function page(text: string, entry: Record<string, unknown>, file = 'page.md') {
  const folder = await folderWith({
    [file]: text,
    'sources.json': JSON.stringify({ sources: [{ id: 'page', file, format: 'markdown', title: 'Page', url: null, product: 'Acme', ...entry }] }),
  });
  const result = await buildFolder(folder);
  return {
    records: result.dataset.records.map(brief),
    messages: messagesOf(result.files).map((line) => line.replace(`${path.relative(process.cwd(), folder)}/`, '')),
  };
}

function brief(record: PortRecord) {
  const port = record.portStart === record.portEnd ? `${record.portStart}` : `${record.portStart}-${record.portEnd}`;
  return { port, protocol: record.protocol, name: record.name, direction: record.direction, notes: record.notes, configKey: record.configKey, line: record.sources[0]?.line };
}

const at = (port: string, protocol: string, name: string | null, line: number, more: Partial<ReturnType<typeof brief>> = {}) => ({
  port,
  protocol,
  name,
  direction: null,
  notes: [],
  configKey: null,
  line,
  ...more,
});

describe('nested lists', () => {
  const nested = ['# Ports', '', '* Admin service:', '  * Port: TCP/8443', '  * Port: TCP/8444 (metrics)', '* Web console', '  * Port: TCP/8080', '* Port: UDP/5000', ''].join('\n');

  it('gives a sub-item the name of the item it sits in, when that item states no port', async () => {
    const { records, messages } = await page(nested, { items: { patterns: ['Port: {port}'] } });
    expect(records).toEqual([
      at('5000', 'udp', null, 8),
      at('8080', 'tcp', 'Web console', 7),
      at('8443', 'tcp', 'Admin service', 4),
      at('8444', 'tcp', 'Admin service', 5, { notes: ['metrics'] }),
    ]);
    expect(messages).toEqual([]);
  });

  it('takes an ancestor\'s fields through a `parents` pattern, and never overrides the item\'s own', async () => {
    const text = ['* Outgoing to Acme Cloud (UDP)', '  * 9000 for telemetry', '  * 9001', '    * 9002 for tracing', ''].join('\n');
    const { records } = await page(text, { items: { patterns: ['{port} for {name}', '{port}'], parents: ['Outgoing to {name} ({protocols})'] }, directionIn: ['text'] });
    expect(records).toEqual([
      at('9000', 'udp', 'telemetry', 2),
      at('9001', 'udp', 'Acme Cloud', 3),
      at('9002', 'udp', 'tracing', 4),
    ]);
  });

  it('reads the same records whatever the list markers and indentation', async () => {
    const sloppy = nested.replace(/^\* /gm, '- ').replace(/^ {2}\* /gm, '    + ').replace(/\n/g, '  \r\n');
    const { records } = await page(sloppy, { items: { patterns: ['Port: {port}'] } });
    expect(records.map((record) => [record.port, record.protocol, record.name])).toEqual([
      ['5000', 'udp', null],
      ['8080', 'tcp', 'Web console'],
      ['8443', 'tcp', 'Admin service'],
      ['8444', 'tcp', 'Admin service'],
    ]);
  });
});

describe('patterns on rendered text', () => {
  it('matches the text as shown: link text kept, URLs dropped, entities decoded', async () => {
    const text = ['* [agent](http://example.com/a.b). Port 8080 ([docs](http://example.com/x_(y)))', '* Web&nbsp;UI. Port&#160;8443', ''].join('\n');
    const { records, messages } = await page(text, { items: { patterns: ['{name}. Port {port}[ ({notes})]'] }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('8080', 'tcp', 'agent', 1, { notes: ['docs'] }), at('8443', 'tcp', 'Web UI', 2)]);
    expect(messages).toEqual([]);
  });

  it('keeps code and emphasis marks for a pattern that names them', async () => {
    const text = ['* `80 TCP` => For SSL certificate verification. **Required**', ''].join('\n');
    const { records } = await page(text, { items: { patterns: ['`{port} {protocols}` => For {name}[ **{notes}**]'] } });
    expect(records).toEqual([at('80', 'tcp', 'SSL certificate verification', 1, { notes: ['Required'] })]);
  });

  it('needs whitespace where the pattern has a space', async () => {
    // `for ` must not match the start of `format`: the space after it needs a space in the text.
    const text = ['* 8080 format converter', '* 9090 for metrics', ''].join('\n');
    const { records, messages } = await page(text, { items: { patterns: ['{port} for {name}'] }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('9090', 'tcp', 'metrics', 2)]);
    expect(messages).toEqual([]);
  });

  it('tries the next pattern when one matches but its captures do not read, and lists them all when none reads', async () => {
    const text = ['* 8080 (HTTP): web', '* 9090 (TCP): metrics', '* x1 (TCP): broken', ''].join('\n');
    const { records, messages } = await page(text, { items: { patterns: ['{port} ({protocols}): {name}', '{port} ({notes}): {name}'] }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('8080', 'tcp', 'web', 1, { notes: ['HTTP'] }), at('9090', 'tcp', 'metrics', 2)]);
    expect(messages).toEqual([
      'page.md:3:3: error: Unexpected list item (`x1 (TCP): broken`) that no pattern reads: `{port} ({protocols}): {name}` gives an unexpected `x1` in a port cell, expected a port, a range or a list of ports; `{port} ({notes}): {name}` gives an unexpected `x1` in a port cell, expected a port, a range or a list of ports; the manifest entry\'s `"unreadable": "warning"` would skip it with a warning (markdown:port-cell)',
    ]);
  });
});

const twoTables = [
  '# Acme ports',
  '',
  '## Incoming {#incoming}',
  '',
  '| Service | Port |',
  '| --- | --- |',
  '| Web UI | 443 |',
  '',
  '## Outgoing connections ##',
  '',
  '| Service | Port |',
  '| --- | --- |',
  '| Updates | 443 |',
  '| Telemetry | 4317 |',
  '',
].join('\n');
const columns = { Service: 'name', Port: 'port' };

describe('headings as rendered', () => {
  it('compares a heading without its `{#id}` or closing `#`s, case aside', async () => {
    const { records } = await page(twoTables, { columns, defaults: { protocols: ['tcp'] }, tables: { headings: ['incoming'] } });
    expect(records).toEqual([at('443', 'tcp', 'Web UI', 7)]);
    const outgoing = await page(twoTables, { columns, defaults: { protocols: ['tcp'] }, tables: { headings: ['Outgoing Connections'] } });
    expect(outgoing.records.map((record) => record.name)).toEqual(['Updates', 'Telemetry']);
  });
});

describe('defaults and direction by section and by table', () => {
  it('takes the nearest scope: a table selector, then the deepest section, then the page', async () => {
    const { records, messages } = await page(twoTables, {
      columns,
      defaults: { protocols: ['tcp'], direction: 'in' },
      sections: [{ headings: ['Outgoing connections'], defaults: { direction: 'out' } }],
      tables: [{ headings: ['Incoming'] }, { headings: ['Outgoing connections'], headers: ['Service'], defaults: { protocols: ['tcp', 'udp'] } }],
    });
    expect(records).toEqual([
      at('443', 'tcp', 'Updates', 13, { direction: 'out' }),
      at('443', 'tcp', 'Web UI', 7, { direction: 'in' }),
      at('443', 'udp', 'Updates', 13, { direction: 'out' }),
      at('4317', 'tcp', 'Telemetry', 14, { direction: 'out' }),
      at('4317', 'udp', 'Telemetry', 14, { direction: 'out' }),
    ]);
    expect(messages).toEqual([]);
  });

  it('gives a list under an "Outgoing ports" heading its direction, and reads direction words in item text with directionIn', async () => {
    const text = ['## Outgoing ports', '', '* 53 for DNS', '', '## Other', '', '* 8080 for inbound admin traffic', '* 9000 for metrics', ''].join('\n');
    const { records } = await page(text, {
      items: { patterns: ['{port} for {name}'] },
      defaults: { protocols: ['tcp'] },
      sections: [{ headings: ['Outgoing ports'], defaults: { direction: 'out' } }],
      directionIn: ['text'],
    });
    expect(records).toEqual([
      at('53', 'tcp', 'DNS', 3, { direction: 'out' }),
      at('8080', 'tcp', 'inbound admin traffic', 7, { direction: 'in' }),
      at('9000', 'tcp', 'metrics', 8),
    ]);
  });
});

describe('a filter that chooses nothing', () => {
  it('is an error naming the filter, what the page has, and the nearest', async () => {
    const { records, messages } = await page(twoTables, { columns, defaults: { protocols: ['tcp'] }, tables: { headings: ['Incomming'] } });
    expect(records).toEqual([]);
    expect(messages).toEqual([
      'page.md:5:1: info: Table 1 (headers: `Service`, `Port`) is not chosen by the manifest; not read (markdown:table-skipped)',
      'page.md:11:1: info: Table 2 (headers: `Service`, `Port`) is not chosen by the manifest; not read (markdown:table-skipped)',
      "page.md:1:1: error: Unexpected `tables` (headings `Incomming`) that chooses no table, expected one of the page's tables: table 1 under `Incoming` (headers: `Service`, `Port`); table 2 under `Outgoing connections` (headers: `Service`, `Port`); nearest `Incoming` (markdown:filter-empty)",
    ]);
  });

  it('lists the headings that have items under them for `items.headings`', async () => {
    const text = ['## Ports', '', '* 80 for web', '* 443 for tls', '', '## Other', '', 'Text.', ''].join('\n');
    const { messages } = await page(text, { items: { patterns: ['{port} for {name}'], headings: ['Port'] }, defaults: { protocols: ['tcp'] } });
    expect(messages).toEqual([
      'page.md:1:1: error: Unexpected `items.headings` (`Port`) that chooses no list item, expected a heading with list items under it: `Ports` (2 list items); nearest `Ports` (markdown:filter-empty)',
    ]);
  });
});

describe('placeholders and footnotes in mapped columns', () => {
  const table = [
    '| Service | Port | Notes |',
    '| --- | --- | --- |',
    '| Web UI† | 443 | None |',
    '| — | 8080 | N/A |',
    '| Metrics<sup>1</sup> | 9090 | - |',
    '| Admin* | 9443 | — |',
    '',
    '† Only when TLS is on.',
    '',
    '1. Prometheus format.',
    '',
  ].join('\n');

  it('reads None, N/A, -, — as empty, and a footnote marker as the note the page gives for it', async () => {
    const { records, messages } = await page(table, { columns: { Service: 'name', Port: 'port', Notes: 'notes' }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([
      at('443', 'tcp', 'Web UI', 3, { notes: ['Only when TLS is on.'] }),
      at('8080', 'tcp', null, 4),
      at('9090', 'tcp', 'Metrics', 5, { notes: ['Prometheus format.'] }),
      at('9443', 'tcp', 'Admin', 6, { notes: ['footnote *'] }),
    ]);
    expect(messages).toEqual([]);
  });
});

describe('what a table row says beyond its port', () => {
  it('takes a GFM footnote reference\'s note from its `[^label]:` definition, wherever on the page it is written', async () => {
    const text = ['# Ports', '', '| Service | Port |', '| --- | --- |', '| Consul | 8300, 8600[^consul-notes] |', '', '## More', '', 'Text.', '', '[^consul-notes]: More ports may be needed.', ''].join('\n');
    const { records, messages } = await page(text, { columns: { Service: 'name', Port: 'port' }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('8300', 'tcp', 'Consul', 5), at('8600', 'tcp', 'Consul', 5, { notes: ['More ports may be needed.'] })]);
    expect(messages).toEqual([]);
  });

  it('gives protocol words in parentheses to their port, and to every port without its own when they close the cell', async () => {
    const text = ['| Service | Port |', '| --- | --- |', '| Consul | 8300, 8301(UDP) |', '| DNS | 53, 5353 (TCP and UDP) |', ''].join('\n');
    const { records } = await page(text, { columns: { Service: 'name', Port: 'port' }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([
      at('53', 'tcp', 'DNS', 4),
      at('53', 'udp', 'DNS', 4),
      at('5353', 'tcp', 'DNS', 4),
      at('5353', 'udp', 'DNS', 4),
      at('8300', 'tcp', 'Consul', 3),
      at('8301', 'udp', 'Consul', 3),
    ]);
  });

  it('gives port 0 no record (a page writes it for off, or any free port), with a warning at it', async () => {
    const text = ['| Service | Port |', '| --- | --- |', '| Multicast | 0 |', '| Cache | 40404 |', ''].join('\n');
    const { records, messages } = await page(text, { columns: { Service: 'name', Port: 'port' }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('40404', 'tcp', 'Cache', 4)]);
    expect(messages).toEqual(['page.md:3:15: warning: Unexpected port 0 (`0`), expected a port from 1 to 65535 (port 0 means no port, or any free one); no record (markdown:port-doubt)']);
  });

  it('keeps a bare yes or no of a notes column with its header, which alone it does not explain', async () => {
    const text = ['| Service | On by default | Remarks | Port |', '| --- | --- | --- | --- |', '| Shell | Yes | ssh | 22 |', '| Registry | No* | - | 5050 |', ''].join('\n');
    const { records } = await page(text, { columns: { Service: 'name', 'On by default': 'notes', Port: 'port' }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('22', 'tcp', 'Shell', 3, { notes: ['On by default: Yes'] }), at('5050', 'tcp', 'Registry', 4, { notes: ['On by default: No*'] })]);
  });
});

describe('a range given by two rows', () => {
  const rows = [
    '| Setting | Port |',
    '| --- | --- |',
    '| RTP port range start | 30000 |',
    '| RTP port range end | 30100 |',
    '| SIP port | 5060 |',
    '| Media min | 40000 |',
    '',
  ].join('\n');

  it('joins start/end rows into one range with rangeRows, naming both lines, and warns about a row without its pair', async () => {
    const { records, messages } = await page(rows, { columns: { Setting: 'name', Port: 'port' }, defaults: { protocols: ['udp'] }, rangeRows: true });
    expect(records).toEqual([at('5060', 'udp', 'SIP port', 5), at('30000-30100', 'udp', 'RTP port range', 3), at('40000', 'udp', 'Media min', 6)]);
    expect(messages).toEqual([
      'page.md:3:3: info: Rows `RTP port range start` (line 3) and `RTP port range end` (line 4) read as one range 30000–30100, named `RTP port range` (markdown:range-joined)',
      'page.md:6:3: warning: Unexpected range start `Media min` without its end row, expected a row named `Media max`; kept as port 40000 (markdown:range-unpaired)',
    ]);
  });

  it('leaves the rows apart without rangeRows', async () => {
    const { records } = await page(rows, { columns: { Setting: 'name', Port: 'port' }, defaults: { protocols: ['udp'] } });
    expect(records.map((record) => record.port)).toEqual(['5060', '30000', '30100', '40000']);
  });
});

describe('messages a maintainer can act on', () => {
  it('name the manifest option that would give a missing protocol', async () => {
    const { messages } = await page('| Service | Port |\n| --- | --- |\n| Web | 80 |\n', { columns });
    expect(messages).toEqual([
      'page.md:3:3: error: Unexpected entry without a protocol, expected protocol words or a manifest default; the manifest entry\'s `"defaults": { "protocols": [...] }` (or a `sections` or `tables` scope\'s) would give one (markdown:protocol-missing)',
    ]);
  });

  it('point at the row and column of a cell in a table written on one line', async () => {
    const oneLine = '<table><tr><th>Service</th><th>Port</th></tr><tr><td>Web</td><td>80</td></tr><tr><td>Admin</td><td>x1</td></tr></table>\n';
    const { records, messages } = await page(oneLine, { columns, defaults: { protocols: ['tcp'] }, unreadable: 'warning' });
    expect(records).toEqual([at('80', 'tcp', 'Web', 1)]);
    expect(messages).toEqual(['page.md:1:100: warning: Unexpected `x1` in a port cell, expected a port, a range or a list of ports (markdown:port-cell)']);
    expect(oneLine.indexOf('x1') + 1).toBe(100);
  });
});

describe('nested lists, one rule for every markup', () => {
  const pages: [string, string, string][] = [
    ['markdown', 'page.md', ['* Admin service:', '  * Port: TCP/8443', '* Web console', '  * Port: TCP/8080', ''].join('\n')],
    ['rst', 'page.rst', ['- Admin service:', '', '  - Port: TCP/8443', '', '- Web console', '', '  - Port: TCP/8080', ''].join('\n')],
    ['asciidoc', 'page.adoc', ['* Admin service:', '** Port: TCP/8443', '* Web console', '** Port: TCP/8080', ''].join('\n')],
  ];

  it.each(pages)('%s: a pattern sees an item\'s own text, and a sub-item takes its name from its parent', async (format, file, text) => {
    const { records, messages } = await page(text, { format, items: { patterns: ['Port: {port}'] } }, file);
    expect(records.map((record) => [record.port, record.protocol, record.name])).toEqual([
      ['8080', 'tcp', 'Web console'],
      ['8443', 'tcp', 'Admin service'],
    ]);
    expect(messages).toEqual([]);
  });
});

describe('sections named by their headings', () => {
  it('reads a heading that gives a port as an entry, named by the first sentence of its section a text pattern reads', async () => {
    const text = ['# InfluxDB ports', '', '## Enabled ports', '', '### 8086', '', 'The default port that runs the InfluxDB HTTP service.', 'It is used for the API.', '', '### 8089/udp', '', 'The default port that runs the UDP service.', '', '## Other', '', 'Text.', ''].join('\n');
    const { records, messages } = await page(text, { headings: { patterns: ['{port}'], text: ['The default port that runs the {name}.'] }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('8086', 'tcp', 'InfluxDB HTTP service', 5), at('8089', 'udp', 'UDP service', 10)]);
    expect(messages).toEqual([]);
  });

  it('gives the fields a heading captures to the items and sentences under it', async () => {
    const text = ['## WOODPECKER_SERVER_ADDR', '', '- Name: server address', '- Default: `:8000`', '', '## WOODPECKER_GRPC_ADDR', '', '- Default: `:9000`', ''].join('\n');
    const { records } = await page(text, { headings: { patterns: ['{configKey}'] }, items: { patterns: ['Default: :{port}'] }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([
      at('8000', 'tcp', null, 4, { configKey: 'WOODPECKER_SERVER_ADDR' }),
      at('9000', 'tcp', null, 8, { configKey: 'WOODPECKER_GRPC_ADDR' }),
    ]);
  });
});

describe('table rows under a heading that names them', () => {
  const text = ['### Instance Manager', '#### Ingress', 'From | Port', '--- | ---', '`Longhorn Manager` | 8500', '', '#### Egress', 'To | Port', '--- | ---', '`Backing Image Data Source` | 8002', ''].join('\n');
  const entry = { columns: { From: 'ignore', To: 'name', Port: 'port' }, defaults: { protocols: ['tcp'] } };

  it('take the name of the heading of the level `levels` reads, where a row names none', async () => {
    const { records, messages } = await page(text, { ...entry, headings: { patterns: ['{name}'], levels: [3] } });
    expect(records).toEqual([at('8002', 'tcp', 'Backing Image Data Source', 10), at('8500', 'tcp', 'Instance Manager', 5)]);
    expect(messages).toEqual([]);
  });

  it('take the nearest heading\'s when every level is read', async () => {
    const { records } = await page(text, { ...entry, headings: { patterns: ['{name}'] } });
    expect(records).toEqual([at('8002', 'tcp', 'Backing Image Data Source', 10), at('8500', 'tcp', 'Ingress', 5)]);
  });
});

describe('table cells, more', () => {
  it('keeps a `*` that ends a path, not a word, as text', async () => {
    const text = ['| Port | Function |', '| --- | --- |', '| 16686 | `/api/*` endpoints and UI |', '| 14269 | Admin* |', ''].join('\n');
    const { records } = await page(text, { columns: { Port: 'port', Function: 'name' }, defaults: { protocols: ['tcp'] } });
    expect(records).toEqual([at('14269', 'tcp', 'Admin', 4, { notes: ['footnote *'] }), at('16686', 'tcp', '/api/* endpoints and UI', 3)]);
  });

  it('reads a row\'s other port columns when one cell cannot be read', async () => {
    const text = ['| Service | Plain | TLS |', '| --- | --- | --- |', '| Mail | 25 | x1 |', ''].join('\n');
    const { records, messages } = await page(text, { columns: { Service: 'name', Plain: 'port', TLS: 'port' }, defaults: { protocols: ['tcp'] }, unreadable: 'warning' });
    expect(records).toEqual([at('25', 'tcp', 'Mail', 3, { notes: ['Plain'] })]);
    expect(messages).toEqual(['page.md:3:15: warning: Unexpected `x1` in a port cell, expected a port, a range or a list of ports (markdown:port-cell)']);
  });
});

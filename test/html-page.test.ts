/**
 * The `html` format: a whole HTML document read as a page. Its main content
 * only (the page's navigation, header, footer and asides left out), as the
 * blocks the Markdown reader gives, each at its line and column; every
 * expectation is read off the hand-written document above it.
 */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { readWith } from './block-reading.js';
import { describe, expect, it } from 'vitest';
import { pointsOf } from '../src/model/location.js';
import { formatMessage } from '../src/model/messages.js';
import type { Block } from '../src/parsers/page/blocks.js';
import { readHtmlDocument } from '../src/parsers/page/html-blocks.js';
import { readHtmlPage } from '../src/parsers/page/html-page.js';
import { expectLinear } from './linear-growth.js';

/** A document given as lines: its blocks as `kind text @line:column`, its title, and its messages. */
function read(lines: readonly string[] | string) {
  const { at, messages, read: document } = readWith(readHtmlDocument, lines);
  return { outline: document.blocks.map((block) => outlineOf(block, at)), title: document.title, messages, blocks: document.blocks };
}

function outlineOf(block: Block, at: (offset: number) => { line: number; column: number }): string {
  const where = (offset: number) => `@${at(offset).line}:${at(offset).column}`;
  switch (block.kind) {
    case 'heading':
      return `h${block.depth} ${block.text} ${where(block.offset)}`;
    case 'table':
      return `table ${JSON.stringify(block.table.rows.map((row) => row.map((cell) => cell.text)))} ${where(block.table.offset)}`;
    case 'list-item':
      return `${'  '.repeat(block.depth)}item ${block.source} ${where(block.offset)}`;
    default:
      return `paragraph ${block.source} ${where(block.offset)}`;
  }
}

describe('the main content', () => {
  it('leaves out the page navigation, header, footer and asides', () => {
    const document = [
      '<!DOCTYPE html>',
      '<html><head><title>Ports</title></head>',
      '<body>',
      '<header><h1>Site name</h1><p>Port 1 banner</p></header>',
      '<nav><ul><li>Home</li><li>Port 2 docs</li></ul></nav>',
      '<h2>Network ports</h2>',
      '<p>Open port 80.</p>',
      '<aside><p>Port 3 ad</p></aside>',
      '<footer><p>Port 4 footer</p></footer>',
      '</body></html>',
    ];
    expect(read(document)).toMatchObject({ outline: ['h2 Network ports @6:1', 'paragraph Open port 80. @7:4'], title: 'Ports', messages: [] });
  });

  it('reads <main> and nothing outside it, wherever it is', () => {
    const document = [
      '<body>',
      '<p>Before main</p>',
      '<table><tr><th>Port</th></tr><tr><td>1</td></tr></table>',
      '<div class="content"><main>',
      '  <p>Inside main</p>',
      '</main></div>',
      '<p>After main</p>',
      '</body>',
    ];
    expect(read(document).outline).toEqual(['paragraph Inside main @5:6']);
  });

  it('takes <main> before <article>, <article> before [role=main], [role=main] before <body>', () => {
    const parts = {
      main: '<main><p>main</p></main>',
      article: '<article><p>article</p></article>',
      role: '<div role="main"><p>role</p></div>',
      loose: '<p>body</p>',
    };
    expect(read([parts.loose, parts.role, parts.article, parts.main]).outline).toEqual(['paragraph main @4:10']);
    expect(read([parts.loose, parts.role, parts.article]).outline).toEqual(['paragraph article @3:13']);
    expect(read([parts.loose, parts.role]).outline).toEqual(['paragraph role @2:21']);
    expect(read([parts.loose]).outline).toEqual(['paragraph body @1:4']);
  });

  it('passes over a hidden <main> for the one shown', () => {
    expect(read(['<main hidden><p>old</p></main>', '<main><p>new</p></main>']).outline).toEqual(['paragraph new @2:10']);
  });

  it("keeps an article's or section's own header and footer", () => {
    const document = [
      '<header>Site banner</header>',
      '<article>',
      '<header><h1>Ports of the server</h1></header>',
      '<p>Port 80 for the web.</p>',
      '<footer>Updated for version 2</footer>',
      '</article>',
    ];
    expect(read(document)).toMatchObject({
      outline: ['h1 Ports of the server @3:9', 'paragraph Port 80 for the web. @4:4', 'paragraph Updated for version 2 @5:9'],
      title: 'Ports of the server',
    });
  });

  it('leaves out landmarks given by role, hidden elements, scripts, styles, templates and noscript', () => {
    const document = [
      '<div role="navigation"><p>Port 1</p></div>',
      '<div role="contentinfo"><p>Port 2</p></div>',
      '<p hidden>Port 3</p>',
      '<p aria-hidden="true">Port 4</p>',
      '<p style="color: red; display: none">Port 5</p>',
      '<script>var port = 6;</script><style>p { }</style><template><p>Port 7</p></template><noscript>Port 8</noscript>',
      '<p aria-hidden="false">Port 9</p>',
    ];
    expect(read(document).outline).toEqual(['paragraph Port 9 @7:24']);
  });
});

describe('blocks', () => {
  it('gives headings their depth and rendered text', () => {
    const document = ['<h1>Ports &amp; <em>protocols</em></h1>', '<h3 id="x">\n  Inbound\n  <a href="#x">rules</a>\n</h3>', '<h6>Last</h6>'];
    expect(read(document).outline).toEqual(['h1 Ports & protocols @1:1', 'h3 Inbound rules @2:1', 'h6 Last @6:1']);
  });

  it('reads tables inside <div>s, and a table in a cell as that cell’s text', () => {
    const document = [
      '<div class="wrapper"><div class="scroll">',
      '<table>',
      '<thead><tr><th>Port</th><th>Service</th></tr></thead>',
      '<tbody><tr><td>80</td><td><table><tr><td>web</td></tr></table></td></tr></tbody>',
      '</table>',
      '</div></div>',
    ];
    expect(read(document).outline).toEqual(['table [["Port","Service"],["80","web"]] @2:1']);
  });

  it('gives each list item its own text, its depth and the item it sits in', () => {
    const document = [
      '<ul>',
      '  <li>Web <code>80</code>',
      '    <ul>',
      '      <li>HTTP only</li>',
      '      <li><p>TLS</p>',
      '        <ol><li>Port 443</li></ol>',
      '      </li>',
      '    </ul>',
      '    and more',
      '  </li>',
      '  <li>Mail</li>',
      '</ul>',
    ];
    const { outline, blocks } = read(document);
    expect(outline).toEqual([
      'item Web 80 and more @2:7',
      '  item HTTP only @4:11',
      '  item TLS @5:14',
      '    item Port 443 @6:17',
      'item Mail @11:7',
    ]);
    const items = blocks.flatMap((block) => (block.kind === 'list-item' ? [block] : []));
    expect(items.map((item) => [item.depth, item.parent === null ? null : items.indexOf(item.parent)])).toEqual([
      [0, null],
      [1, 0],
      [1, 0],
      [2, 2],
      [0, null],
    ]);
  });

  it('makes paragraphs of <p> and of loose text between blocks, with <br> as a space', () => {
    const document = ['<div>Loose <b>text</b> here<div>inner block</div>tail</div>', '<p>Line one<br>line two</p>', 'Body text'];
    expect(read(document).outline).toEqual([
      'paragraph Loose text here @1:6',
      'paragraph inner block @1:33',
      'paragraph tail @1:50',
      'paragraph Line one line two @2:4',
      'paragraph Body text @3:1',
    ]);
  });

  it('never reads a <pre> block as prose or a table, nor a table inside <code>: inline code stays text', () => {
    const document = [
      '<pre><code>port 80/tcp',
      '&lt;table&gt;&lt;tr&gt;&lt;td&gt;1&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</code></pre>',
      '<pre><table><tr><td>2</td></tr></table></pre>',
      '<p>Use <code>443</code> here.</p>',
      '<code><table><tr><td>3</td></tr></table></code>',
    ];
    expect(read(document).outline).toEqual(['paragraph Use 443 here. @4:4']);
  });

  it('decodes entities in every block, under the source text rules', () => {
    const document = [
      '<h2>Web&nbsp;ports&#8203;</h2>',
      '<p>Port&#160;80&ZeroWidthSpace; &amp; 443</p>',
      '<ul><li>Port&nbsp;&#x200B;8080</li></ul>',
      '<table><tr><th>Port&nbsp;range</th></tr><tr><td>&#8203;22&#8203;</td></tr></table>',
    ];
    expect(read(document).outline).toEqual([
      'h2 Web ports @1:1',
      'paragraph Port 80 & 443 @2:4',
      'item Port 8080 @3:9',
      'table [["Port range"],["22"]] @4:1',
    ]);
  });

  it('reports a table never closed, read to the end of the page', () => {
    expect(read(['<p>Ports</p>', '<table><tr><th>Port</th></tr>', '<tr><td>80'])).toMatchObject({
      outline: ['paragraph Ports @1:4', 'table [["Port"],["80"]] @2:1'],
      messages: ['2:1 table-truncated: Unexpected end of file inside a table, expected `</table>`; read to the end of the page'],
    });
  });

  it('reports nesting past 512 levels at its first flattened element', () => {
    // A document's parse opens <html> and <body>: 510 divs make 512, and the 511th is flattened.
    const { outline, messages } = read(`<p>Ports</p>${'<div>'.repeat(600)}port 80${'</div>'.repeat(600)}`);
    expect(outline).toEqual(['paragraph Ports @1:4', 'paragraph port 80 @1:3013']);
    expect(messages).toEqual([
      `1:${12 + 510 * 5 + 1} depth-capped: Unexpected element nested past 512 levels (\`<div>\`), expected at most 512; it and deeper elements are flattened, as Chromium does`,
    ]);
  });
});

describe('documents of every shape', () => {
  it('reads a fragment without <html>, <head> or <body>', () => {
    expect(read(['<h1>Ports</h1>', '<table><tr><th>Port</th></tr><tr><td>80</td></tr></table>'])).toMatchObject({
      outline: ['h1 Ports @1:1', 'table [["Port"],["80"]] @2:1'],
      title: 'Ports',
      messages: [],
    });
  });

  it('reads a document without a tag: empty, spaces, text, a comment or a doctype alone', () => {
    expect(read('')).toMatchObject({ outline: [], title: null, messages: [] });
    expect(read(' \n\t')).toMatchObject({ outline: [], title: null, messages: [] });
    expect(read('<!-- nothing -->')).toMatchObject({ outline: [], title: null, messages: [] });
    expect(read('<!DOCTYPE html>')).toMatchObject({ outline: [], title: null, messages: [] });
    expect(read('Port 80 &amp; 443')).toMatchObject({ outline: ['paragraph Port 80 & 443 @1:1'], title: null, messages: [] });
  });

  it('takes the title from <title>, else from the first <h1> of the content', () => {
    expect(read('<title> Network &amp; ports </title><h1>Heading</h1>').title).toBe('Network & ports');
    expect(read('<title></title><h2>Two</h2><h1>One</h1><h1>Again</h1>').title).toBe('One');
    expect(read('<header><h1>Site</h1></header><p>No heading</p>').title).toBeNull();
  });

  it('reads alike whatever the layout: case, indentation, tabs, CRLF, trailing spaces, comments', () => {
    const tidy = ['<main>', '<h2>Ports</h2>', '<ul>', '<li>Port 80</li>', '<li>Port 443</li>', '</ul>', '<p>Done.</p>', '</main>'];
    const sloppy = [
      '<MAIN>   ',
      '\t<H2 >Ports</h2 >\t',
      '    <UL><!-- list -->',
      '  \t<Li>  Port   80 </LI>  ',
      '<li>Port\u00a0443',
      '</ul><!-- <p>Not this</p> -->',
      '    <P>Done.   ',
      '</Main>',
    ];
    const lines = (outline: string[]) => outline.map((entry) => entry.replace(/:\d+$/, ''));
    const expected = ['h2 Ports @2', 'item Port 80 @4', 'item Port 443 @5', 'paragraph Done. @7'];
    expect(lines(read(tidy).outline)).toEqual(expected);
    expect(lines(read(sloppy).outline)).toEqual(expected);
    expect(lines(read(sloppy.join('\r\n')).outline)).toEqual(expected);
  });
});

describe('the html format', () => {
  const source = {
    id: 'page',
    file: 'page.html',
    format: 'html' as const,
    title: 'Page',
    url: null,
    columns: { Port: 'port', Service: 'name' } as const,
    items: { patterns: ['Port {port} for {name}'] },
  };

  it('reads the tables and items of the main content, at their lines, and gives the document title', () => {
    const document = [
      '<!DOCTYPE html>',
      '<html><head><title>Example ports</title></head><body>',
      '<nav><ul><li>Port 1 for navigation</li></ul></nav>',
      '<main>',
      '<table>',
      '<tr><th>Port</th><th>Service</th></tr>',
      '<tr><td>80</td><td>Web</td></tr>',
      '</table>',
      '<ul><li>Port 443 for TLS</li></ul>',
      '</main>',
      '</body></html>',
    ];
    const file = new VFile({ path: 'page.html', value: document.join('\n') });
    const result = readHtmlPage(file, source);
    expect(result.entries.map((entry) => [entry.port, entry.name, entry.place.line])).toEqual([
      ['80', 'Web', 7],
      ['443', 'TLS', 9],
    ]);
    expect(result.documentTitle).toBe('Example ports');
    expect(file.messages.map(formatMessage)).toEqual([]);
  });

  it('reports an empty document as one without a table', () => {
    const file = new VFile({ path: 'page.html', value: '' });
    expect(readHtmlPage(file, source).entries).toEqual([]);
    expect(file.messages.map(formatMessage)).toEqual([
      'page.html:1:1: error: Unexpected document without a table, expected a table with a column mapped to `port`, or text the patterns read (html:table-missing)',
    ]);
  });

  it('reports a document without a table or item read, under the html format', () => {
    const file = new VFile({ path: 'page.html', value: '<nav><table><tr><th>Port</th></tr><tr><td>1</td></tr></table></nav><p>Nothing here</p>' });
    readHtmlPage(file, source);
    expect(file.messages.map(formatMessage)).toEqual([
      'page.html:1:1: error: Unexpected document without a table, expected a table with a column mapped to `port`, or text the patterns read (html:table-missing)',
    ]);
  });
});

describe('linear time', () => {
  it('on a document nested 6,250 then 25,000 levels deep', () => {
    const nested = (depth: number) => `<main>${'<div><span>'.repeat(depth)}port 80${'</span></div>'.repeat(depth)}</main>`;
    const work = (text: string) => readHtmlDocument(text, () => new VFileMessage(''), pointsOf(text));
    expectLinear(work, nested(6_250), nested(25_000));
  }, 120_000);

  it('on 4× the list items, paragraphs and tables', () => {
    const page = (count: number) =>
      Array.from({ length: count }, (_, index) => `<h2>Part ${index}</h2><p>Port ${index}</p><ul><li>Port ${index}<ul><li>nested</li></ul></li></ul><table><tr><td>${index}</td></tr></table>`).join('\n');
    const work = (text: string) => readHtmlDocument(text, () => new VFileMessage(''), pointsOf(text));
    expectLinear(work, page(500), page(2_000));
  }, 120_000);
});

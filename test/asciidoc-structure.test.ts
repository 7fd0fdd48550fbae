/**
 * The AsciiDoc reader's structure, rule by rule, on pages written for each
 * rule: two-line section titles, attribute references, delimited blocks never
 * closed, and nested lists (description lists included). Every expected block
 * is written out by hand: kind, depth, text, and place as line:column.
 */
import { VFileMessage } from 'vfile-message';
import { readBlocks } from './block-reading.js';
import { describe, expect, it } from 'vitest';
import type { Reporter } from '../src/model/messages.js';
import { readAsciidocBlocks } from '../src/parsers/page/asciidoc-blocks.js';
import { buildFolder, folderWith, messagesOf } from './helpers.js';
import { expectLinear } from './linear-growth.js';

/**
 * Reads a page given as lines (or as text). The outline gives each block as
 * `heading DEPTH TEXT @line:column`, `paragraph SOURCE @…`, `table @…`, or
 * `item DEPTH SOURCE @… in PARENT` (the parent item's place; `-` at depth 0).
 */
/** Blocks as `kind text @line:column`; an item with its depth and its parent's place. */
function read(page: readonly string[] | string) {
  const { blocks, messages, tables, where } = readBlocks(readAsciidocBlocks, page);
  const outline = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `heading ${block.depth} ${block.text} @${where(block.offset)}`;
      case 'table':
        return `table @${where(block.table.offset)}`;
      case 'paragraph':
        return `paragraph ${block.source} @${where(block.offset)}`;
      default:
        return `item ${block.depth} ${block.source} @${where(block.offset)} in ${block.parent ? where(block.parent.offset) : '-'}`;
    }
  });
  return { blocks, messages, outline, tables };
}

/** The outline with places reduced to their line, for pages whose columns a perturbation moves. */
const linesOnly = (outline: readonly string[]) => outline.map((entry) => entry.replace(/(\d+):\d+/g, '$1'));

describe('two-line section titles', () => {
  const page = [
    'Port Guide', //           1
    '==========', //           2
    ':toc:', //                3  (the header)
    '', //                     4
    'Overview', //             5
    '--------', //             6
    '', //                     7
    'Some text.', //           8
    '', //                     9
    'Inbound ports', //        10
    '~~~~~~~~~~~~~', //        11
    '', //                     12
    'Web', //                  13
    '^^^', //                  14
    '', //                     15
    'Admin console', //        16
    '+++++++++++++', //        17
    '', //                     18
    '[[firewall]]', //         19
    'Firewall', //             20
    '--------', //             21
    '', //                     22
    '[#rules]', //             23
    'Rules', //                24
    '-----', //                25
    'Text right under.', //    26
  ];
  const expected = [
    'heading 1 Port Guide @1:1',
    'heading 2 Overview @5:1',
    'paragraph Some text. @8:1',
    'heading 3 Inbound ports @10:1',
    'heading 4 Web @13:1',
    'heading 5 Admin console @16:1',
    'heading 2 Firewall @20:1',
    'heading 2 Rules @24:1',
    'paragraph Text right under. @26:1',
  ];

  it('reads each underline as its level: = - ~ ^ +', () => {
    expect(read(page)).toMatchObject({ outline: expected, messages: [] });
  });

  it('reads the same page with CRLF line endings', () => {
    expect(read(page.join('\r\n'))).toMatchObject({ outline: expected, messages: [] });
  });

  it('reads the same page with spaces, tabs and no-break spaces after every line', () => {
    expect(read(page.map((line) => `${line} \t\u00a0`))).toMatchObject({ outline: expected, messages: [] });
  });

  it('reads the same titles with no anchor, an `[[id]]` anchor or a `[#id]` line above each', () => {
    const bare = page.filter((line) => !line.startsWith('['));
    expect(linesOnly(read(bare).outline).map((entry) => entry.replace(/ @\d+$/, ''))).toEqual(expected.map((entry) => entry.replace(/ @.*$/, '')));
    const anchored = page.flatMap((line, index) => (page[index + 1]?.match(/^([-~^+=])\1+$/) && !page[index - 1]?.startsWith('[') ? ['[[id]]', line] : [line]));
    expect(read(anchored).outline.map((entry) => entry.replace(/ @.*$/, ''))).toEqual(expected.map((entry) => entry.replace(/ @.*$/, '')));
  });

  it('allows an underline two characters longer or shorter than its title, no more', () => {
    expect(read(['Ports', '-------', '', 'Ports', '---']).outline).toEqual(['heading 2 Ports @1:1', 'heading 2 Ports @4:1']);
    // Three longer: a paragraph, then a listing block.
    expect(read(['Ports', '--------', 'ufw allow 22', '--------', 'After.'])).toMatchObject({
      outline: ['paragraph Ports @1:1', 'paragraph After. @5:1'],
      messages: [],
    });
    // Three shorter: `--` opens an open block, whose text is read.
    expect(read(['Ports', '--', 'Inside.', '--']).outline).toEqual(['paragraph Ports @1:1', 'paragraph Inside. @3:1']);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    // 9 characters, 12 UTF-16 units: an underline of 9 fits, one of 12 does not.
    expect(read(['🔌🔌🔌 Ports', '---------']).outline).toEqual(['heading 2 🔌🔌🔌 Ports @1:1']);
    expect(read(['🔌🔌🔌 Ports', '------------', 'x']).outline).toEqual(['paragraph 🔌🔌🔌 Ports @1:1']);
    // 10 characters, 11 bytes in UTF-8: an underline of 8 fits.
    expect(read(['Café ports', '~~~~~~~~']).outline).toEqual(['heading 3 Café ports @1:1']);
    // A tab in a title is one character (9 here), though it lines up as more.
    expect(read(['Port\tlist', '---------']).outline).toEqual(['heading 2 Port list @1:1']);
  });

  it('takes no delimiter, list item, attribute line or entry, block title or comment for a title', () => {
    const { outline, messages } = read([
      '[NOTE]', //           1  same length as the `======` under it
      '======', //           2
      'In a note.', //       3
      '======', //           4
      '', //                 5
      '.Ports', //           6  a block title over a listing block
      '------', //           7
      'secret 1', //         8
      '------', //           9
      '', //                 10
      '[source]', //         11
      '--------', //         12
      'secret 2', //         13
      '--------', //         14
      '', //                 15
      '// Ports', //         16
      '--------', //         17
      'secret 3', //         18
      '--------', //         19
      '', //                 20
      ':port: 80', //        21
      '---------', //        22
      'secret 4', //         23
      '---------', //        24
      '', //                 25
      '* Port 9', //         26
      '--------', //         27
      'secret 5', //         28
      '--------', //         29
      '', //                 30
      'Term:: 9', //         31
      '--------', //         32
      'secret 6', //         33
      '--------', //         34
    ]);
    expect(outline).toEqual(['paragraph In a note. @3:1', 'item 0 Port 9 @26:3 in -', 'item 0 Term: 9 @31:1 in -']);
    expect(messages).toEqual([]);
  });

  it('opens a listing block after a paragraph line of another length, and never after a title', () => {
    expect(read(['Run this:', '----', 'ufw allow 80', '----', 'After.']).outline).toEqual(['paragraph Run this: @1:1', 'paragraph After. @5:1']);
    // The underline is no delimiter, so nothing after it is swallowed.
    const { outline, messages } = read([
      'Network access control', //  1
      '----------------------', //  2
      '', //                        3
      'Listen on port 3493.', //    4
      '', //                        5
      'Firewall', //                6
      '--------', //                7
      'Open 3493/tcp.', //          8
    ]);
    expect(outline).toEqual([
      'heading 2 Network access control @1:1',
      'paragraph Listen on port 3493. @4:1',
      'heading 2 Firewall @6:1',
      'paragraph Open 3493/tcp. @8:1',
    ]);
    expect(messages).toEqual([]);
  });

  it('reads a title only where a block starts, as Asciidoctor does, and reports the block a late underline opens', () => {
    const { outline, messages } = read(['Some text', 'Title', '-----', 'swallowed']);
    expect(outline).toEqual(['paragraph Some text Title @1:1']);
    expect(messages).toEqual([
      '3:1 block-unclosed: Unexpected listing block never closed (opened by `-----`, took 1 line to the end of the page), expected a closing `-----`',
    ]);
  });

  it('takes a lone `+` for a list continuation, never an underline', () => {
    expect(read(['* Item', '  strictly validated.', '+', 'NOTE: Attached.', '* Next']).outline).toEqual([
      'item 0 Item strictly validated. @1:3 in -',
      'paragraph NOTE: Attached. @4:1',
      'item 0 Next @5:3 in -',
    ]);
  });

  it('does not take the line that closes an example block for an underline', () => {
    expect(read(['====', 'Text', '====', 'After.']).outline).toEqual(['paragraph Text @2:1', 'paragraph After. @4:1']);
    expect(read(['====', 'Inner', '-----', '====']).outline).toEqual(['heading 2 Inner @2:1']);
  });

  it('skips an indented title, a literal paragraph', () => {
    expect(read(['  Indented', '  --------', '', 'After.']).outline).toEqual(['paragraph After. @4:1']);
  });
});

describe('attribute references', () => {
  it('resolves references from the attribute entries set before them, the header included', () => {
    const { outline, tables, messages } = read([
      '= {app-name} Ports', //                                     1
      ':app-name: Foo Server', //                                  2
      ':web-port: 8080', //                                        3
      '', //                                                       4
      '== Ports of {app-name}', //                                 5
      '', //                                                       6
      '{app-name} listens on {web-port}/tcp and {unset-name}.', // 7
      '', //                                                       8
      '* Web: {web-port}', //                                      9
      '* Escaped: \\{web-port}', //                                10
      '* Passthrough: +{web-port}+', //                            11
      '', //                                                       12
      ':web-port: 9090', //                                        13
      ':App-Name: Bar', //                                         14
      '', //                                                       15
      '|===', //                                                   16
      '|Service |Port', //                                         17
      '', //                                                       18
      '|{APP-NAME} |{web-port}', //                                19
      '|===', //                                                   20
      '', //                                                       21
      ':web-port!:', //                                            22
      'Now {web-port}.', //                                        23
    ]);
    expect(outline).toEqual([
      'heading 1 Foo Server Ports @1:1',
      'heading 2 Ports of Foo Server @5:1',
      'paragraph Foo Server listens on 8080/tcp and {unset-name}. @7:1',
      'item 0 Web: 8080 @9:3 in -',
      'item 0 Escaped: \\{web-port} @10:3 in -',
      'item 0 Passthrough: +{web-port}+ @11:3 in -',
      'table @16:1',
      'paragraph Now {web-port}. @23:1',
    ]);
    expect(tables[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Service', 'Port'],
      ['Bar', '9090'],
    ]);
    expect(tables[0]?.headerRows).toBe(1);
    expect(messages).toEqual([]);
  });

  it('resolves a value when it is set, continued lines joined, and Asciidoctor’s character attributes', () => {
    expect(
      read([
        ':host: a.example', //                 1
        ':url: https://{host}/', //            2
        ':host: b.example', //                 3
        ':desc: first part \\', //             4
        '  second part', //                    5
        ':!gone:', //                          6
        '', //                                 7
        '{url} and {host}: {desc}.', //        8
        '', //                                 9
        '* TCP{plus}UDP{sp}on {gone}', //      10
      ]).outline,
    ).toEqual(['paragraph https://a.example/ and b.example: first part second part. @8:1', 'item 0 TCP+UDP on {gone} @10:3 in -']);
  });

  it('renders inline markup around a resolved value in titles and cells, and keeps it in item sources', () => {
    const { outline, tables } = read([':product: Foo', '', '== *{product}* ports', '', '* `{product}`: 80', '', '|===', '|_{product}_ |80', '|==='].join('\n'));
    expect(outline).toEqual(['heading 2 Foo ports @3:1', 'item 0 `Foo`: 80 @5:3 in -', 'table @7:1']);
    expect(tables[0]?.rows).toEqual([[expect.objectContaining({ text: 'Foo' }), expect.objectContaining({ text: '80' })]]);
  });

  it('bounds what values can add, however they nest, and leaves the rest as written', () => {
    const page = [':a0: xxxxxxxxxx'];
    for (let level = 1; level <= 40; level++) page.push(`:a${level}: {a${level - 1}}{a${level - 1}}`);
    page.push('', 'Value: {a40}');
    const { blocks } = read(page);
    const paragraph = blocks[0];
    expect(paragraph?.kind).toBe('paragraph');
    const source = paragraph?.kind === 'paragraph' ? paragraph.source : '';
    expect(source.length).toBeLessThanOrEqual(200_000 + 20);
    expect(source).toMatch(/^Value: /);
  });
});

describe('delimited blocks never closed', () => {
  const unclosed = (name: string, opening: string, closing: string, took: string, where = 'the page') =>
    `Unexpected ${name} block never closed (opened by \`${opening}\`, took ${took} to the end of ${where}), expected a closing \`${closing}\``;

  it.each([
    ['listing', '----', '----'],
    ['literal', '....', '....'],
    ['comment', '////', '////'],
    ['passthrough', '++++', '++++'],
    ['fenced code', '```sh', '```'],
  ])('reports a %s block at its opening line and reads it to the end of the page', (name, opening, closing) => {
    const page = ['Intro.', '', opening, 'port 1', 'port 2', ''];
    const expected = { outline: ['paragraph Intro. @1:1'], messages: [`3:1 block-unclosed: ${unclosed(name, opening, closing, '2 lines')}`] };
    expect(read(page)).toMatchObject(expected);
    // Without the final line break, and with CRLF line endings, it took as many lines.
    expect(read(page.slice(0, -1))).toMatchObject(expected);
    expect(read(page.join('\r\n'))).toMatchObject(expected);
  });

  it('reads an example, sidebar, quote or open block never closed to the end of the page, and says so', () => {
    for (const [name, opening] of [
      ['example', '===='],
      ['sidebar', '****'],
      ['quote', '____'],
      ['open', '--'],
    ] as const) {
      expect(read([opening, 'Inside 80.', '', '* item'])).toMatchObject({
        outline: ['paragraph Inside 80. @2:1', 'item 0 item @4:3 in -'],
        messages: [`1:1 block-unclosed: ${unclosed(name, opening, opening, '3 lines')}`],
      });
    }
  });

  it('ends a block never closed inside another at the end of the block that holds it', () => {
    const { outline, messages } = read([
      'Before.', //     1
      '', //            2
      '====', //        3
      '----', //        4
      'code', //        5
      '====', //        6
      'After.', //      7
    ]);
    expect(outline).toEqual(['paragraph Before. @1:1', 'paragraph After. @7:1']);
    expect(messages).toEqual([`4:1 block-unclosed: ${unclosed('listing', '----', '----', '1 line', 'the enclosing example block')}`]);
  });

  it('reports a table cut short by the block that holds it', () => {
    expect(read(['====', '|===', '|a |b', '====', 'After.'])).toMatchObject({
      outline: ['table @2:1', 'paragraph After. @5:1'],
      messages: ['2:1 table-truncated: Unexpected end of the enclosing example block inside a table, expected a closing `|===`'],
    });
  });

  it('says nothing of blocks that close', () => {
    expect(read(['----', 'a', '----', '====', 'b', '====', '--', 'c', '--', '```', 'd', '```']).messages).toEqual([]);
  });
});

describe('nested lists', () => {
  it('nests by marker, and keeps each item to its own text', () => {
    const { outline } = read([
      '* Admin service:', //             1
      '** Port: TCP/8443', //            2
      '*** Note: TLS only', //           3
      '** Port: TCP/8080', //            4
      '* Web service', //                5
      'continued here', //               6
      '. Step one', //                   7
      '.. Sub-step', //                  8
      '* Back at top', //                9
      '- dash nested', //                10
      '1. numbered deeper', //           11
      '2. numbered sibling', //          12
      'a. lettered deeper still', //     13
      '* top again', //                  14
      '', //                             15
      '* after a blank, same list', //   16
      '** nested after a blank', //      17
      '', //                             18
      'A paragraph ends the list.', //   19
      '', //                             20
      '** starts a new list', //         21
    ]);
    expect(outline).toEqual([
      'item 0 Admin service: @1:3 in -',
      'item 1 Port: TCP/8443 @2:4 in 1:3',
      'item 2 Note: TLS only @3:5 in 2:4',
      'item 1 Port: TCP/8080 @4:4 in 1:3',
      'item 0 Web service continued here @5:3 in -',
      'item 1 Step one @7:3 in 5:3',
      'item 2 Sub-step @8:4 in 7:3',
      'item 0 Back at top @9:3 in -',
      'item 1 dash nested @10:3 in 9:3',
      'item 2 numbered deeper @11:4 in 10:3',
      'item 2 numbered sibling @12:4 in 10:3',
      'item 3 lettered deeper still @13:4 in 12:4',
      'item 0 top again @14:3 in -',
      'item 0 after a blank, same list @16:3 in -',
      'item 1 nested after a blank @17:4 in 16:3',
      'paragraph A paragraph ends the list. @19:1',
      'item 0 starts a new list @21:4 in -',
    ]);
  });

  it('gives each item the very item block it is nested in', () => {
    const { blocks } = read(['* a', '** b', '* c']);
    const [a, b, c] = blocks;
    expect(b?.kind === 'list-item' && b.parent).toBe(a);
    expect(c?.kind === 'list-item' && c.parent).toBeNull();
  });

  it('nests a list attached with `+`, or inside an open or example block attached so, in the item', () => {
    const { outline } = read([
      '* Admin service:', //                  1
      '+', //                                 2
      '--', //                                3
      '* Port: TCP/8443', //                  4
      '* Port: TCP/8080', //                  5
      '+', //                                 6
      'Attached to the second port.', //      7
      '--', //                                8
      '* Web service', //                     9
      '+', //                                 10
      '. Step one, attached', //              11
      '+', //                                 12
      '====', //                              13
      'Example inside the step.', //          14
      '', //                                  15
      '* deep item', //                       16
      '====', //                              17
      '* Last', //                            18
    ]);
    expect(outline).toEqual([
      'item 0 Admin service: @1:3 in -',
      'item 1 Port: TCP/8443 @4:3 in 1:3',
      'item 1 Port: TCP/8080 @5:3 in 1:3',
      'paragraph Attached to the second port. @7:1',
      'item 0 Web service @9:3 in -',
      'item 1 Step one, attached @11:3 in 9:3',
      'paragraph Example inside the step. @14:1',
      'item 2 deep item @16:3 in 11:3',
      'item 0 Last @18:3 in -',
    ]);
  });

  it('ends the list at a block not attached with `+`, or at a comment after a blank line', () => {
    expect(read(['* a', '--', '* inside', '--', '* after']).outline).toEqual(['item 0 a @1:3 in -', 'item 0 inside @3:3 in -', 'item 0 after @5:3 in -']);
    expect(read(['* a', '', '//', '', '** b']).outline).toEqual(['item 0 a @1:3 in -', 'item 0 b @5:4 in -']);
    // A literal paragraph after a blank line belongs to the item: the list goes on.
    expect(read(['* a', '', '  literal 80', '', '** b']).outline).toEqual(['item 0 a @1:3 in -', 'item 1 b @5:4 in 1:3']);
  });

  it('reads description list items as `term: description`, nested by marker', () => {
    const { outline } = read([
      'CPU:: 2 cores', //               1
      'Ports::', //                     2
      '  Web::: 8080/tcp', //           3
      '  Admin::: 8443/tcp', //         4
      'Memory::', //                    5
      'at least 4 GB', //               6
      '* bullet under Memory', //       7
      '`/var/lib/pgsql`;; data', //     8
      '', //                            9
      'std::vector and a::b and https://x.org are prose.', // 10
    ]);
    expect(outline).toEqual([
      'item 0 CPU: 2 cores @1:1 in -',
      'item 0 Ports @2:1 in -',
      'item 1 Web: 8080/tcp @3:3 in 2:1',
      'item 1 Admin: 8443/tcp @4:3 in 2:1',
      'item 0 Memory: at least 4 GB @5:1 in -',
      'item 1 bullet under Memory @7:3 in 5:1',
      'item 2 `/var/lib/pgsql`: data @8:1 in 7:3',
      'paragraph std::vector and a::b and https://x.org are prose. @10:1',
    ]);
  });

  describe('gives the same depths and parents for the same lists written differently', () => {
    const page = ['* Admin:', '** Port 8443', '*** TLS', '* Web', '. Step', '.. Sub-step', '', '* Last'];
    const expected = [
      'item 0 Admin: @1 in -',
      'item 1 Port 8443 @2 in 1',
      'item 2 TLS @3 in 2',
      'item 0 Web @4 in -',
      'item 1 Step @5 in 4',
      'item 2 Sub-step @6 in 5',
      'item 0 Last @8 in -',
    ];
    it.each([
      ['as written', (line: string) => line],
      ['indented by depth', (line: string) => `${' '.repeat(Math.max(0, line.search(/ /) - 1) * 2)}${line}`],
      ['with tabs before markers', (line: string) => (line === '' ? line : `\t${line}`)],
      ['with spaces and tabs after every line', (line: string) => `${line}  \t`],
      ['with two spaces after every marker', (line: string) => line.replace(' ', '   ')],
    ])('%s', (_name, perturb) => {
      expect(linesOnly(read(page.map(perturb)).outline)).toEqual(expected);
    });
    it('with CRLF line endings and blank lines between items', () => {
      const spread = (entry: string) => entry.replace(/(@|in )(\d+)/g, (_match, before: string, line: string) => `${before}${Number(line) * 2 - 1}`);
      expect(linesOnly(read(page.join('\r\n\r\n')).outline)).toEqual(expected.map(spread));
    });
  });
});

describe('a whole page, built', () => {
  it('gives the records its titles, lists and prose hold, past the traps that swallowed it', async () => {
    const page = [
      'Securing Foo', //                                   1
      '============', //                                   2
      ':app: Foo', //                                      3
      ':admin-port: 3495', //                              4
      '', //                                               5
      '[NOTE]', //                                         6
      '======', //                                         7
      'A note as long as the line that opens it.', //     8
      '======', //                                         9
      '', //                                               10
      'Network access', //                                 11
      '--------------', //                                 12
      '', //                                               13
      'Listen on:', //                                     14
      '----', //                                           15
      'LISTEN 0.0.0.0 9999', //                            16
      '----', //                                           17
      '', //                                               18
      'Ports', //                                          19
      '~~~~~', //                                          20
      '', //                                               21
      '* Server:', //                                      22
      '** Port 3493/tcp for {app} clients', //             23
      '** Port 3494/udp for discovery', //                 24
      '', //                                               25
      '{app} also listens on {admin-port}/tcp.', //        26
      '', //                                               27
    ].join('\n');
    const manifest = {
      sources: [
        {
          id: 'foo',
          file: 'foo.adoc',
          format: 'asciidoc',
          title: 'Foo security',
          url: null,
          items: { patterns: ['Port {port} for {name}'], headings: ['Ports'] },
          mentions: { patterns: ['{name} also listens on {port}.'] },
        },
      ],
    };
    const folder = await folderWith({ 'sources.json': JSON.stringify(manifest), 'foo.adoc': page });
    const result = await buildFolder(folder);
    expect(messagesOf(result.files)).toEqual([]);
    expect(result.dataset.records.map((record) => [record.portStart, record.protocol, record.name, record.sources])).toEqual([
      [3493, 'tcp', 'Foo clients', [{ source: 'foo', line: 23 }]],
      [3494, 'udp', 'discovery', [{ source: 'foo', line: 24 }]],
      [3495, 'tcp', 'Foo', [{ source: 'foo', line: 26 }]],
    ]);
  });
});

describe('reading stays linear', () => {
  const quiet: Reporter = (_rule, reason) => new VFileMessage(reason);
  const nowhere = () => ({ line: 1, column: 1 });
  const readQuietly = (text: string) => void readAsciidocBlocks(text, quiet, nowhere);

  it('on a page of 10,000 two-line titles', () => {
    const titles = (count: number) =>
      Array.from({ length: count }, (_, index) => `Section ${index}\n${'-'.repeat(`Section ${index}`.length)}\n\nText.\n`).join('\n');
    expectLinear(readQuietly, titles(10_000), titles(40_000));
  });

  it.each([
    ['titles and underlines, no blank line between', (count: number) => `Intro.\n\n${'Title\n=====\n'.repeat(count)}`],
    ['underlines that are delimiters after text of another length', (count: number) => 'Some longer text\n====\n'.repeat(count)],
    ['underlines of every level, each one a title of the next', (count: number) => '----\n~~~~\n^^^^\n++++\n====\n'.repeat(count)],
    ['a title line over an underline over a title line', (count: number) => 'ab\n--\n'.repeat(count) + '--\n'],
  ])('on hostile alternations: %s', (_name, document) => {
    expectLinear(readQuietly, document(5_000), document(20_000));
  });

  it('on nested lists, description lists and attached blocks', () => {
    const lists = (count: number) => '* a\n** b\n+\n--\n. c\nterm:: d\n--\n'.repeat(count);
    expectLinear(readQuietly, lists(2_000), lists(8_000));
  });

  it('on references to attributes', () => {
    const references = (count: number) => `:a: ${'x'.repeat(50)}\n:b: {a}{a}\n\n${'{b} {a} {none} \\{a} +{a}+ '.repeat(count)}\n`;
    expectLinear(readQuietly, references(2_000), references(8_000));
  });
});

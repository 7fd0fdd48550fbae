import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { VFileMessage } from 'vfile-message';
import { readBlocks } from './block-reading.js';
import { expectLinear } from './linear-growth.js';
import { describe, expect, it } from 'vitest';
import { pointsOf } from '../src/model/location.js';
import type { Reporter } from '../src/model/messages.js';
import type { Block } from '../src/parsers/page/blocks.js';
import { readRstBlocks } from '../src/parsers/page/rst-blocks.js';
import { renderRstInline } from '../src/parsers/page/rst-inline.js';
import type { Table } from '../src/parsers/tables/table.js';

/** Reads a document given as lines; places are `line:column`. */
const read = (lines: readonly string[] | string) => readBlocks(readRstBlocks, lines);

const texts = (table: Table | undefined) => table?.rows.map((row) => row.map((cell) => cell.text));
const spans = (table: Table | undefined) => table?.rows.map((row) => row.map((cell) => cell.spanned));

/** Blocks with every offset removed, to compare documents that differ only in layout. */
function withoutOffsets(blocks: readonly Block[]): unknown {
  return JSON.parse(JSON.stringify(blocks, (key, value: unknown) => (key === 'offset' ? undefined : value)));
}

/** Each block's (and cell's, and item's) line, to compare documents whose columns differ. */
function lineNumbers(text: string, blocks: readonly Block[]): unknown {
  const at = pointsOf(text);
  return JSON.parse(JSON.stringify(blocks, (key, value: unknown) => (key === 'offset' && typeof value === 'number' && value >= 0 ? at(value).line : value)));
}

describe('renderRstInline', () => {
  it.each([
    ['a ``literal`` b', 'a literal b'],
    ['**strong** and *em*', 'strong and em'],
    ['`Syncthing package <https://apt.syncthing.net/>`__, you', 'Syncthing package, you'],
    ['see `Firewalld <https://firewalld.org/>`_ now', 'see Firewalld now'],
    ['a `target`_ b', 'a target b'],
    ['`<https://example.org/>`_', 'https://example.org/'],
    [':ref:`relaying` may', 'relaying may'],
    [':ref:`the proxy <proxying>`', 'the proxy'],
    [':kbd:`Ctrl` and `x`:code:', 'Ctrl and x'],
    ['|version| and |name|_', '|version| and |name|'],
    ['see RFC_ or target__.', 'see RFC or target.'],
    ['snake_case stays', 'snake_case stays'],
    ['\\*not em\\* and a\\ b and \\\\', '*not em* and ab and \\'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['``tcp://192.168.1.xxx:22000, dynamic``', 'tcp://192.168.1.xxx:22000, dynamic'],
    ['**22000/TCP** and **22000/UDP**', '22000/TCP and 22000/UDP'],
    ['unclosed ``literal and *em', 'unclosed ``literal and *em'],
  ])('%s → %s', (source, expected) => {
    expect(renderRstInline(source)).toBe(expected);
  });

  it('stays linear on runs of openers without closers', () => {
    const text = (size: number) => '*a `b ``c :r:`d '.repeat(size);
    expectLinear((line: string) => renderRstInline(line), text(5_000), text(20_000));
  });
});

describe('readRstBlocks: sections', () => {
  it('gives depth by order of first use of each adornment style, overlined styles apart', () => {
    const { outline, messages } = read([
      '=======', //     1
      ' Title', //      2
      '=======', //     3
      '', //            4
      'Intro **text**', // 5
      '==============', // 6
      '', //            7
      'Sub', //         8
      '---', //         9
      '', //            10
      'Again', //       11
      '=====', //       12
    ]);
    expect(outline).toEqual(['heading 1 Title @2:2', 'heading 2 Intro text @5:1', 'heading 3 Sub @8:1', 'heading 2 Again @11:1']);
    expect(messages).toEqual([]);
  });

  it('does not take an underline shorter than its title, nor an indented title', () => {
    const { outline } = read(['Long title', '====', '', '  Indented', '  ----------']);
    expect(outline).toEqual(['paragraph Long title ==== @1:1', 'paragraph Indented ---------- @4:3']);
  });

  it('skips transitions', () => {
    expect(read(['A', '', '----------', '', 'B']).outline).toEqual(['paragraph A @1:1', 'paragraph B @5:1']);
  });
});

describe('readRstBlocks: paragraphs and what is skipped', () => {
  it('joins the lines of a paragraph and skips the literal block after `::`', () => {
    const { outline } = read([
      'Run this', //          1
      'command::', //         2
      '', //                  3
      '    port 1234', //     4
      '', //                  5
      '      more 99', //     6
      '', //                  7
      'After.', //            8
      '', //                  9
      '::', //                10
      '', //                  11
      '    port 5678', //     12
      'Last.', //             13
    ]);
    expect(outline).toEqual(['paragraph Run this command:: @1:1', 'paragraph After. @8:1', 'paragraph Last. @13:1']);
  });

  it('skips comments, targets, substitutions, footnotes and code-like directives, but reads admonitions', () => {
    const { outline, messages } = read([
      '.. _target:', //                          1
      '.. a comment', //                         2
      '   that goes on', //                      3
      '..', //                                   4
      '   a comment block', //                   5
      '.. |sub| replace:: 1', //                 6
      '.. [1] a footnote', //                    7
      '', //                                     8
      '.. code-block:: console', //              9
      '', //                                     10
      '   $ lsof -i :PORT', //                   11
      '', //                                     12
      '.. note:: Port 80', //                    13
      '   is open.', //                          14
      '   :class: x', //                         15
      '', //                                     16
      '   Port 81 too.', //                      17
      '', //                                     18
      '   - Port 82', //                         19
      '', //                                     20
      '.. warning::', //                         21
      '', //                                     22
      '   Port 83.', //                          23
      '', //                                     24
      '.. image:: ports.png', //                 25
      '   :alt: Port 84', //                     26
      '', //                                     27
      '__ https://example.org', //               28
      'End.', //                                 29
    ]);
    expect(outline).toEqual([
      'paragraph Port 80 is open. @13:11',
      'paragraph Port 81 too. @17:4',
      'list-item Port 82 @19:6',
      'paragraph Port 83. @23:4',
      'paragraph End. @29:1',
    ]);
    expect(messages).toEqual([]);
  });

  it('reports a csv-table, which it does not read', () => {
    const { outline, messages } = read(['.. csv-table:: Ports', '   :header: "Name", "Port"', '', '   "HTTP", 80', '', 'After.']);
    expect(outline).toEqual(['paragraph After. @6:1']);
    expect(messages).toEqual([
      '1:1 table-malformed: Unexpected `csv-table` directive, expected a grid table, a simple table or a `list-table`; its rows are not read',
    ]);
  });

  it('reads the content of `.. table::` and block quotes', () => {
    const { outline } = read(['.. table:: Ports', '   :widths: auto', '', '   =====  =====', '   A      B', '   =====  =====', '', '   Quoted.']);
    expect(outline).toEqual(['table rst-simple @4:4', 'paragraph Quoted. @8:4']);
  });
});

describe('readRstBlocks: list items', () => {
  it('reads bullets and numbers, joins continuation lines, keeps nested items apart', () => {
    const { outline } = read([
      '-  Port **22000/TCP**: TCP based', //   1
      '   sync traffic', //                    2
      '* star', //                             3
      '', //                                   4
      '  + nested `plus`', //                  5
      '', //                                   6
      '• bullet', //                           7
      '', //                                   8
      '1. one', //                             9
      '2. two', //                             10
      '', //                                   11
      '#. auto', //                            12
      '', //                                   13
      '(3) paren', //                          14
      '', //                                   15
      '-', //                                  16
      '  late text', //                        17
    ]);
    expect(outline).toEqual([
      'list-item Port **22000/TCP**: TCP based sync traffic @1:4',
      'list-item star @3:3',
      'list-item nested `plus` @5:5',
      'list-item bullet @7:3',
      'list-item one @9:4',
      'list-item two @10:4',
      'list-item auto @12:4',
      'list-item paren @14:5',
      'list-item late text @17:3',
    ]);
  });

  it('reads a number followed by unindented text as a paragraph, as docutils does', () => {
    expect(read(['2024. A year', 'of ports.']).outline).toEqual(['paragraph 2024. A year of ports. @1:1']);
  });

  it('skips the literal block after an item ending in `::`', () => {
    expect(read(['- Run::', '', '      ufw allow 22', '- Next']).outline).toEqual(['list-item Run:: @1:3', 'list-item Next @4:3']);
  });
});

describe('readRstBlocks: grid tables', () => {
  // The table of the reStructuredText specification, spans and all.
  const specification = [
    '+------------------------+------------+----------+----------+', // 1
    '| Header row, column 1   | Header 2   | Header 3 | Header 4 |', // 2
    '| (header rows optional) |            |          |          |', // 3
    '+========================+============+==========+==========+', // 4
    '| body row 1, column 1   | column 2   | column 3 | column 4 |', // 5
    '+------------------------+------------+----------+----------+', // 6
    '| body row 2             | Cells may span columns.          |', // 7
    '+------------------------+------------+---------------------+', // 8
    '| body row 3             | Cells may  | - Table cells       |', // 9
    '+------------------------+ span rows. | - contain           |', // 10
    '| body row 4             |            | - body elements.    |', // 11
    '+------------------------+------------+---------------------+', // 12
  ];

  it('lays out the specification table with its spans', () => {
    const { tables, messages, where, outline } = read(specification);
    const table = tables[0];
    expect(outline).toEqual(['table rst-grid @1:1']);
    expect(messages).toEqual([]);
    expect(table?.headerRows).toBe(1);
    expect(texts(table)).toEqual([
      ['Header row, column 1 (header rows optional)', 'Header 2', 'Header 3', 'Header 4'],
      ['body row 1, column 1', 'column 2', 'column 3', 'column 4'],
      ['body row 2', 'Cells may span columns.', 'Cells may span columns.', 'Cells may span columns.'],
      ['body row 3', 'Cells may span rows.', 'Table cells contain body elements.', 'Table cells contain body elements.'],
      ['body row 4', 'Cells may span rows.', 'Table cells contain body elements.', 'Table cells contain body elements.'],
    ]);
    expect(spans(table)).toEqual([
      [false, false, false, false],
      [false, false, false, false],
      [false, false, true, true],
      [false, false, false, true],
      [false, true, true, true],
    ]);
    expect(table?.rows.map((row) => row.map((cell) => where(cell.offset)))).toEqual([
      ['2:3', '2:28', '2:41', '2:52'],
      ['5:3', '5:28', '5:41', '5:52'],
      ['7:3', '7:28', '7:28', '7:28'],
      ['9:3', '9:28', '9:41', '9:41'],
      ['11:3', '9:28', '9:41', '9:41'],
    ]);
    const lists = table?.rows[3]?.[2];
    expect(lists?.items.map((item) => [item.kind, item.text, where(item.offset)])).toEqual([
      ['list-item', 'Table cells', '9:43'],
      ['list-item', 'contain', '10:43'],
      ['list-item', 'body elements.', '11:43'],
    ]);
    expect(table?.rows[0]?.[0]?.items.map((item) => item.kind)).toEqual(['paragraph']);
    expect(table?.rows[0]?.[1]?.items.map((item) => item.kind)).toEqual(['text']);
  });

  it('splits a cell into paragraphs and renders inline markup', () => {
    const { tables, where } = read([
      '+--------------+-------+', //  1
      '| **Name**     | Port  |', //  2
      '+==============+=======+', //  3
      '| Web ``http`` | 80    |', //  4
      '|              |       |', //  5
      '| Second para  |       |', //  6
      '+--------------+-------+', //  7
    ]);
    const cell = tables[0]?.rows[1]?.[0];
    expect(texts(tables[0])).toEqual([
      ['Name', 'Port'],
      ['Web http Second para', '80'],
    ]);
    expect(cell?.items.map((item) => [item.kind, item.text, where(item.offset)])).toEqual([
      ['paragraph', 'Web http', '4:3'],
      ['paragraph', 'Second para', '6:3'],
    ]);
  });

  it('places an empty cell at its start, and reads a table without header', () => {
    const { tables, where } = read(['  +---+---+', '  | a |   |', '  +---+---+']);
    expect(tables[0]?.headerRows).toBe(0);
    expect(texts(tables[0])).toEqual([['a', '']]);
    expect(tables[0]?.rows[0]?.map((cell) => where(cell.offset))).toEqual(['2:5', '2:8']);
    expect(tables[0]?.rows[0]?.[1]?.items).toEqual([]);
    expect(where(tables[0]?.offset ?? -1)).toBe('1:3');
  });

  it('reports a ragged line and a missing bottom border, and still reads the rows', () => {
    const { tables, messages } = read(['+----+----+', '| a  | b  |', '| c  | d |', '', 'After.']);
    expect(texts(tables[0])).toEqual([['a c', 'b d']]);
    expect(messages).toEqual([
      '3:11 table-malformed: Unexpected grid table line 10 characters wide, expected 11 as its top border',
      '3:1 table-malformed: Unexpected end of grid table, expected a `+---+` border line',
    ]);
  });

  it('reports a cell border broken on one line', () => {
    const { messages, tables } = read(['+----+----+', '| a  | b  |', '| c  x d  |', '| e  | f  |', '+----+----+']);
    expect(texts(tables[0])).toEqual([['a c e', 'b d f']]);
    expect(messages).toEqual(['3:6 table-malformed: Unexpected `x` where the cell border runs, expected `|`']);
  });
});

describe('readRstBlocks: simple tables', () => {
  it('reads a header, multi-line rows and a column-span underline', () => {
    const { tables, where, messages } = read([
      '=====  =====  ======', //  1
      '   Inputs     Output', //  2
      '------------  ------', //  3
      'A      B      A or B', //  4
      '=====  =====  ======', //  5
      'False  False  False', //   6
      '       more', //           7
      '', //                      8
      'True   **x**  True', //    9
      '=====  =====  ======', //  10
      '', //                      11
      'After.', //                12
    ]);
    const table = tables[0];
    expect(messages).toEqual([]);
    expect(table?.markup).toBe('rst-simple');
    expect(table?.headerRows).toBe(2);
    expect(texts(table)).toEqual([
      ['Inputs', 'Inputs', 'Output'],
      ['A', 'B', 'A or B'],
      ['False', 'False more', 'False'],
      ['True', 'x', 'True'],
    ]);
    expect(spans(table)?.[0]).toEqual([false, true, false]);
    expect(table?.rows.map((row) => row.map((cell) => where(cell.offset)))).toEqual([
      ['2:4', '2:4', '2:15'],
      ['4:1', '4:8', '4:15'],
      ['6:1', '6:8', '6:15'],
      ['9:1', '9:8', '9:15'],
    ]);
    expect(table?.rows[2]?.[1]?.items.map((item) => item.kind)).toEqual(['paragraph']);
    expect(read(['=====  =====', 'a      b', '=====  =====', '', 'After.']).outline).toEqual(['table rst-simple @1:1', 'paragraph After. @5:1']);
  });

  it('reads a table without header, with an empty last cell placed at its column', () => {
    const { tables, where } = read(['==  ==', '1   x', '2', '==  ==']);
    expect(tables[0]?.headerRows).toBe(0);
    expect(texts(tables[0])).toEqual([
      ['1', 'x'],
      ['2', ''],
    ]);
    expect(where(tables[0]?.rows[1]?.[1]?.offset ?? -1)).toBe('3:2');
  });

  it('reports text between columns, keeping it in the left column', () => {
    const { tables, messages } = read(['===  ===', 'abcd x', '===  ===']);
    expect(texts(tables[0])).toEqual([['abcd', 'x']]);
    expect(messages).toEqual(["2:4 table-malformed: Unexpected text between columns (`d`), expected it inside a column's rule"]);
  });

  it('reports a table without its bottom rule, reading the rows up to a blank line', () => {
    const { tables, messages, outline } = read(['===  ===', 'a    b', '', 'After.']);
    expect(texts(tables[0])).toEqual([['a', 'b']]);
    expect(outline).toEqual(['table rst-simple @1:1', 'paragraph After. @4:1']);
    expect(messages).toEqual(['1:1 table-truncated: Unexpected end of file in a simple table, expected a bottom border followed by a blank line']);
  });
});

describe('readRstBlocks: list tables', () => {
  it('reads header rows, cells with items, and empty cells', () => {
    const { tables, where, messages } = read([
      '.. list-table:: Ports', //         1
      '   :widths: 10 20', //             2
      '   :header-rows: 1', //            3
      '', //                              4
      '   * - Service', //                5
      '     - Port', //                   6
      '   * - HTTP', //                   7
      '       (web)', //                  8
      '     - * 80', //                   9
      '       * 8080', //                 10
      '   * - SSH', //                    11
      '     -', //                        12
    ]);
    const table = tables[0];
    expect(messages).toEqual([]);
    expect(table?.markup).toBe('rst-list-table');
    expect(table?.headerRows).toBe(1);
    expect(where(table?.offset ?? -1)).toBe('1:1');
    expect(texts(table)).toEqual([
      ['Service', 'Port'],
      ['HTTP (web)', '80 8080'],
      ['SSH', ''],
    ]);
    expect(table?.rows.map((row) => row.map((cell) => where(cell.offset)))).toEqual([
      ['5:8', '6:8'],
      ['7:8', '9:8'],
      ['11:8', '12:6'],
    ]);
    expect(table?.rows[1]?.map((cell) => cell.items.map((item) => [item.kind, item.text, where(item.offset)]))).toEqual([
      [['paragraph', 'HTTP (web)', '7:8']],
      [
        ['list-item', '80', '9:10'],
        ['list-item', '8080', '10:10'],
      ],
    ]);
    expect(table?.rows[2]?.[1]?.spanned).toBe(false);
  });

  it('reports and pads a short row, widens for a long one, reports stray text', () => {
    const { tables, messages } = read([
      '.. list-table::', //   1
      '', //                  2
      '   * - a', //          3
      '     - b', //          4
      '   * - c', //          5
      '   * - d', //          6
      '     - e', //          7
      '     - f', //          8
      '     stray', //        9
      '   text', //           10
    ]);
    expect(texts(tables[0])).toEqual([
      ['a', 'b', ''],
      ['c', '', ''],
      ['d', 'e', 'f stray'],
    ]);
    expect(tables[0]?.rows[1]?.[1]?.offset).toBe(-1);
    expect(messages).toEqual([
      '9:6 table-malformed: Unexpected text in a `list-table` row (`stray`), expected a `- ` cell',
      '10:4 table-malformed: Unexpected text in a `list-table` (`text`), expected a `* -` row',
      '5:4 table-malformed: Unexpected row of 1 cell, expected 2 cells as in the first row',
      '6:4 table-malformed: Unexpected row of 3 cells, expected 2 cells as in the first row',
    ]);
  });

  it('reports a header-rows option it cannot use, and a list-table without rows', () => {
    expect(read(['.. list-table::', '   :header-rows: 3', '', '   * - a']).messages).toEqual([
      '2:4 table-malformed: Unexpected `:header-rows: 3` in a table of 1 row, expected at most 1',
    ]);
    expect(read(['.. list-table::', '   :header-rows: one', '', '   * - a']).messages).toEqual([
      '2:4 table-malformed: Unexpected `:header-rows:` value (`one`), expected a whole number',
    ]);
    expect(read(['.. list-table::', '', 'After.'])).toMatchObject({
      outline: ['paragraph After. @3:1'],
      messages: ['1:1 table-malformed: Unexpected `list-table` without rows, expected `* -` rows'],
    });
  });
});

describe('readRstBlocks: real pages', () => {
  // The committed copies of the real pages, byte for byte (test/fixtures/pages/).
  const folders: Record<string, string> = { 'syncthing-firewall.rst': 'syncthing', 'openstack-firewalls-default-ports.rst': 'openstack' };
  const page = (name: string) => readFileSync(new URL(`fixtures/pages/${folders[name] ?? ''}/${name}`, import.meta.url), 'utf8');

  it('reads the Syncthing firewall page: sections, the port bullets, no table', () => {
    const { outline, messages, tables } = read(page('syncthing-firewall.rst'));
    expect(messages).toEqual([]);
    expect(tables).toEqual([]);
    expect(outline.filter((line) => line.startsWith('heading'))).toEqual([
      'heading 1 Firewall Setup @3:1',
      'heading 2 Router Setup @6:1',
      'heading 3 Port Forwards @9:1',
      'heading 3 Local Discovery @32:1',
      'heading 2 Local Firewall @44:1',
      'heading 3 Uncomplicated Firewall (ufw) @57:1',
      'heading 3 Firewalld @77:1',
      'heading 2 Remote Web GUI @89:1',
      'heading 3 Tunneling via SSH @97:1',
      'heading 2 Via a Proxy @110:1',
    ]);
    expect(outline.filter((line) => line.startsWith('list-item'))).toEqual([
      'list-item Port **22000/TCP**: TCP based sync protocol traffic @50:4',
      'list-item Port **22000/UDP**: QUIC based sync protocol traffic @51:4',
      'list-item Port **21027/UDP**: for discovery broadcasts on IPv4 and multicasts on IPv6 @52:4',
    ]);
    // Literal blocks (`Created UPnP port mapping …`, `sudo ufw …`) are not text of the page.
    expect(outline.some((line) => /XXXXX|sudo|ssh -L/.test(line))).toBe(false);
    expect(outline).toContain(
      'paragraph If you are unable to set up your router thus or your firewall as shown below, and your devices have static IP addresses, you can specify them directly by changing the default ``dynamic`` setting for *Addresses* to something like: ``tcp://192.168.1.xxx:22000, dynamic``. @39:1',
    );
  });

  it('reads the OpenStack page: two list-tables with their header rows', () => {
    const { outline, messages, tables, where } = read(page('openstack-firewalls-default-ports.rst'));
    expect(messages).toEqual([]);
    expect(outline.filter((line) => line.startsWith('table') || line.startsWith('heading'))).toEqual([
      'heading 1 Firewalls and default ports @2:1',
      'table rst-list-table @13:1',
      'table rst-list-table @86:1',
    ]);
    const [services, secondary] = tables;
    expect(services?.headerRows).toBe(1);
    expect(services?.rows.length).toBe(31);
    expect(texts(services)?.slice(0, 3)).toEqual([
      ['OpenStack service', 'Default ports'],
      ['Backup Service (Freezer)', '9090'],
      ['Bare Metal provisioning service (Ironic)', '6385'],
    ]);
    const swift = services?.rows.find((row) => row[0]?.text === 'Object Storage (swift)');
    expect(swift?.map((cell) => [cell.text, where(cell.offset)])).toEqual([
      ['Object Storage (swift)', '54:8'],
      ['6000, 6001, 6002', '55:8'],
    ]);
    expect(texts(services)?.at(-1)).toEqual(['Workflow service (Mistral)', '8989']);
    expect(secondary?.headerRows).toBe(1);
    expect(texts(secondary)).toEqual([
      ['Service', 'Default port', 'Used by'],
      ['HTTP', '80', 'OpenStack dashboard (Horizon) when it is not configured to use secure access.'],
      ['HTTP alternate', '8080', 'OpenStack Object Storage (swift) service.'],
      ['HTTPS', '443', 'Any OpenStack service that is enabled for SSL, especially secure-access dashboard.'],
      ['rsync', '873', 'OpenStack Object Storage. Required.'],
      ['iSCSI target', '3260', 'OpenStack Block Storage. Required when using LVM with iSCSI target (tgt, LIO, iSER)'],
      ['NVMe-oF target', '4420', 'OpenStack Block Storage. Required when using LVM with NVMe-oF target (nvmet).'],
      ['MySQL database service', '3306', 'Most OpenStack components.'],
      ['Message Broker (AMQP traffic)', '5672', 'OpenStack Block Storage, Networking, Orchestration, and Compute.'],
    ]);
    expect(secondary?.rows[1]?.map((cell) => where(cell.offset))).toEqual(['92:8', '93:8', '94:8']);
    expect(secondary?.rows[1]?.[2]?.items).toEqual([
      { kind: 'text', text: 'OpenStack dashboard (Horizon) when it is not configured to use secure access.', offset: secondary?.rows[1]?.[2]?.offset },
    ]);
    // The `lsof -i :PORT` code block is skipped.
    expect(outline.some((line) => line.includes('lsof'))).toBe(false);
  });

  describe('gives the same blocks, apart from offsets, for the same page laid out differently', () => {
    const pages = ['syncthing-firewall.rst', 'openstack-firewalls-default-ports.rst'].map((name) => page(name));
    const same = (text: string, changed: string) => {
      const original = read(text);
      const altered = read(changed);
      expect(altered.messages).toEqual([]);
      expect(withoutOffsets(altered.blocks)).toEqual(withoutOffsets(original.blocks));
      return { original, altered };
    };

    it.each([0, 1])('with trailing spaces on every line (page %i)', (index) => {
      const text = pages[index] ?? '';
      const { original, altered } = same(text, text.replace(/\n/g, '  \t \n'));
      expect(lineNumbers(altered.text, altered.blocks)).toEqual(lineNumbers(text, original.blocks));
    });

    it.each([0, 1])('with a tab for each three-space indent (page %i)', (index) => {
      const text = pages[index] ?? '';
      const { original, altered } = same(text, text.replace(/^ {3}/gm, '\t'));
      expect(lineNumbers(altered.text, altered.blocks)).toEqual(lineNumbers(text, original.blocks));
    });

    it('with blank lines between list-table rows', () => {
      const text = pages[1] ?? '';
      same(text, text.replace(/\n(\s+\* - )/g, '\n\n\n$1'));
    });
  });
});

describe('readRstBlocks: robustness', () => {
  it('never throws, keeps offsets in the text and every row as wide as its table', () => {
    const pieces = ['\n', ' ', '  ', '\t', '-', '*', '+', '=', '|', '`', ':', '.. ', '::', 'a', '1.', '+---+', '| x |', '=== ===', '.. list-table::', '   * - ', '     - ', ':header-rows: 1', '_', '\\', '<u>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const { blocks } = read(text);
        for (const block of blocks) {
          if (block.kind !== 'table') {
            expect(block.offset).toBeGreaterThanOrEqual(0);
            expect(block.offset).toBeLessThanOrEqual(text.length);
            continue;
          }
          const width = block.table.rows[0]?.length ?? 0;
          for (const row of block.table.rows) {
            expect(row.length).toBe(width);
            for (const cell of row) expect(cell.offset).toBeLessThanOrEqual(text.length);
          }
          expect(block.table.headerRows).toBeLessThanOrEqual(block.table.rows.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  /**
   * Reading the page at 4n against n, as every linear-time check times it
   * (test/linear-growth.ts). Documents stay small enough that the garbage of
   * one read never leaves V8's young generation (past that, allocation alone
   * costs more per object and hides what the algorithm does).
   */
  function expectLinearOn(document: (size: number) => string, size: number): void {
    const quiet: Reporter = (_rule, reason) => new VFileMessage(reason);
    const nowhere = () => ({ line: 1, column: 1 });
    expectLinear((text: string) => readRstBlocks(text, quiet, nowhere), document(size), document(size * 4));
  }

  it.each([
    ['staggered simple-table rules', 1_000, (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i % 500)}===  ===`).join('\n')],
    ['a wide grid top over short lines', 1_000, (n: number) => `+${'-+'.repeat(n)}\n${'|\n'.repeat(n)}`],
    ['a wide simple table over short lines', 2_000, (n: number) => `${'== '.repeat(n)}\n${'x\n'.repeat(n)}${'== '.repeat(n)}`],
    ['list-table rows of one cell after a wide one', 1_000, (n: number) => `.. list-table::\n\n   * ${'- a\n     '.repeat(n)}\n${'   * - b\n'.repeat(n)}`],
    ['unclosed inline markup in cells', 2_000, (n: number) => `.. list-table::\n\n${'   * - *a `b ``c :r:`d *a `b ``c :r:`d\n'.repeat(n / 4)}`],
    ['deep bullets', 2_000, (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i % 300)}- item`).join('\n')],
  ])('stays linear on %s', (_name, size, document) => {
    expectLinearOn(document, size);
  });
});

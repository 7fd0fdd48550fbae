/**
 * Nested lists in reStructuredText: each item is a block of its own, with
 * its own text only, its depth, and the item it sits in. Every expectation
 * is written by hand from the page beside it, as
 * `kind depth <parent's source> source @line:column` (the column of the
 * item's first character of text, 1-based).
 */
import fc from 'fast-check';
import { VFileMessage } from 'vfile-message';
import { readBlocks } from './block-reading.js';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/input/normalize-text.js';
import type { Reporter } from '../src/model/messages.js';
import type { Block } from '../src/parsers/page/blocks.js';
import { readRstBlocks } from '../src/parsers/page/rst-blocks.js';
import { expectLinear } from './linear-growth.js';

/** The page's blocks as outline lines, and any message. */
function read(text: string): { outline: string[]; messages: string[]; blocks: Block[] } {
  const { blocks, messages, where } = readBlocks(readRstBlocks, text);
  const outline = blocks.map((block) => {
    switch (block.kind) {
      case 'list-item':
        return `item ${block.depth} <${block.parent?.source ?? ''}> ${block.source} @${where(block.offset)}`;
      case 'paragraph':
        return `paragraph ${block.source} @${where(block.offset)}`;
      case 'heading':
        return `heading ${block.depth} ${block.text} @${where(block.offset)}`;
      case 'table':
        return `table ${block.table.markup} @${where(block.table.offset)}`;
    }
  });
  return { outline, messages, blocks };
}

const page = (lines: readonly string[]) => lines.join('\n');

/** The hand-written pages, each with what it must give. */
const shapes: { name: string; lines: string[]; expected: string[] }[] = [
  {
    name: 'a bullet list in a bullet list, without a blank line before it',
    lines: [
      'Services:', //             1
      '', //                      2
      '- Admin service:', //      3
      '  * Port: TCP/8443', //    4
      '  * Health: TCP/8080', //  5
      '- Web service', //         6
      '  on two lines', //        7
      '', //                      8
      '  - Port: TCP/80', //      9
    ],
    expected: [
      'paragraph Services: @1:1',
      'item 0 <> Admin service: @3:3',
      'item 1 <Admin service:> Port: TCP/8443 @4:5',
      'item 1 <Admin service:> Health: TCP/8080 @5:5',
      'item 0 <> Web service on two lines @6:3',
      'item 1 <Web service on two lines> Port: TCP/80 @9:5',
    ],
  },
  {
    name: 'enumerated lists (`1.`, `a)`, `(i)`, `#.`) in a bullet list',
    lines: [
      '- Ports', //          1
      '  1. HTTP 80', //     2
      '  2. HTTPS 443', //   3
      '- Letters', //        4
      '', //                 5
      '  a) first', //       6
      '  b) second', //      7
      '- Romans', //         8
      '  (i) one', //        9
      '  (ii) two', //       10
      '- Auto', //           11
      '  #. next', //        12
      '  #. after', //       13
    ],
    expected: [
      'item 0 <> Ports @1:3',
      'item 1 <Ports> HTTP 80 @2:6',
      'item 1 <Ports> HTTPS 443 @3:6',
      'item 0 <> Letters @4:3',
      'item 1 <Letters> first @6:6',
      'item 1 <Letters> second @7:6',
      'item 0 <> Romans @8:3',
      'item 1 <Romans> one @9:7',
      'item 1 <Romans> two @10:8',
      'item 0 <> Auto @11:3',
      'item 1 <Auto> next @12:6',
      'item 1 <Auto> after @13:6',
    ],
  },
  {
    name: 'three levels, and back',
    lines: [
      '- Level one', //           1
      '', //                      2
      '  - Level two', //         3
      '', //                      4
      '    - Level three', //     5
      '      wrapped', //         6
      '', //                      7
      '  - Level two again', //   8
      '- One again', //           9
    ],
    expected: [
      'item 0 <> Level one @1:3',
      'item 1 <Level one> Level two @3:5',
      'item 2 <Level two> Level three wrapped @5:7',
      'item 1 <Level one> Level two again @8:5',
      'item 0 <> One again @9:3',
    ],
  },
  {
    name: 'an item with two paragraphs, then a nested list, then a paragraph of its own again',
    lines: [
      '- Admin service: the console', // 1
      '  and its API.', //               2
      '', //                             3
      '  It listens on two ports.', //   4
      '', //                             5
      '  - Port: TCP/8443', //           6
      '  - Port: TCP/8444', //           7
      '', //                             8
      '  Both need TLS.', //             9
      '- Next', //                       10
    ],
    expected: [
      'item 0 <> Admin service: the console and its API. It listens on two ports. Both need TLS. @1:3',
      'item 1 <Admin service: the console and its API. It listens on two ports. Both need TLS.> Port: TCP/8443 @6:5',
      'item 1 <Admin service: the console and its API. It listens on two ports. Both need TLS.> Port: TCP/8444 @7:5',
      'item 0 <> Next @10:3',
    ],
  },
  {
    name: 'a nested list after a blank line, under auto-numbered items',
    lines: [
      '#. Gateway', //    1
      '', //              2
      '   - 80/tcp', //   3
      '   - 443/tcp', //  4
      '', //              5
      '#. Database', //   6
      '', //              7
      '   - 5432/tcp', // 8
    ],
    expected: [
      'item 0 <> Gateway @1:4',
      'item 1 <Gateway> 80/tcp @3:6',
      'item 1 <Gateway> 443/tcp @4:6',
      'item 0 <> Database @6:4',
      'item 1 <Database> 5432/tcp @8:6',
    ],
  },
  {
    name: 'a literal block `::` inside an item, and inside a nested item',
    lines: [
      '- Open the port::', //          1
      '', //                           2
      '      ufw allow 22000/tcp', //  3
      '      - not an item', //        4
      '', //                           5
      '  then reload.', //             6
      '', //                           7
      '  - Check it::', //             8
      '', //                           9
      '        ss -ltn', //            10
      '- After', //                    11
    ],
    expected: ['item 0 <> Open the port:: then reload. @1:3', 'item 1 <Open the port:: then reload.> Check it:: @8:5', 'item 0 <> After @11:3'],
  },
  {
    name: 'lists in a directive, in a directive inside an item, and in a block quote',
    lines: [
      '.. note::', //                   1
      '', //                            2
      '   - Outer in a note', //        3
      '', //                            4
      '     - Inner in a note', //      5
      '', //                            6
      '- Item', //                      7
      '', //                            8
      '  .. tip:: Read this.', //       9
      '', //                            10
      '     - In a tip in an item', //  11
      '', //                            12
      '     Tip text.', //              13
      '', //                            14
      '  Item text.', //                15
      '', //                            16
      'Intro.', //                      17
      '', //                            18
      '    - Quoted item', //           19
      '      - Nested quoted', //       20
    ],
    expected: [
      'item 0 <> Outer in a note @3:6',
      'item 1 <Outer in a note> Inner in a note @5:8',
      'item 0 <> Item Item text. @7:3',
      'paragraph Read this. @9:12',
      'item 1 <Item Item text.> In a tip in an item @11:8',
      'paragraph Tip text. @13:6',
      'paragraph Intro. @17:1',
      'item 0 <> Quoted item @19:7',
      'item 1 <Quoted item> Nested quoted @20:9',
    ],
  },
  {
    name: 'lists opened on one line (`- - x`), as docutils nests them',
    lines: [
      '- - - deep', //                 1
      '    - sibling of deep', //      2
      '  - sibling of the middle', //  3
      '1. a) (i) numbered', //         4
    ],
    // The outer items hold no text of their own, so they give no block; their children still count them.
    expected: [
      'item 2 <> deep @1:7',
      'item 2 <> sibling of deep @2:7',
      'item 1 <> sibling of the middle @3:5',
      'item 2 <> numbered @4:11',
    ],
  },
];

describe('readRstBlocks: nested lists', () => {
  it.each(shapes)('$name', ({ lines, expected }) => {
    const { outline, messages } = read(page(lines));
    expect(outline).toEqual(expected);
    expect(messages).toEqual([]);
  });

  it('links each item to the block of its parent, and counts an item without text in the depth', () => {
    const { blocks } = read(page(['- Parent', '  - Child', '    - Grandchild', '- - Under an empty item']));
    const items = blocks.flatMap((block) => (block.kind === 'list-item' ? [block] : []));
    const [parent, child, grandchild, orphan] = items;
    expect(items.length).toBe(4);
    expect(parent?.parent).toBeNull();
    expect(child?.parent).toBe(parent);
    expect(grandchild?.parent).toBe(child);
    expect(orphan?.depth).toBe(1);
    expect(orphan?.parent?.source).toBe('');
    expect(orphan?.parent?.depth).toBe(0);
  });

  it('reads an enumerator that the next line does not continue as text, as docutils does', () => {
    expect(read(page(['2024. A year', 'of ports.'])).outline).toEqual(['paragraph 2024. A year of ports. @1:1']);
    // Inside an item too: `2024.` with an unindented line after it is the item's text.
    expect(read(page(['- 2024. A year', '  of ports.'])).outline).toEqual(['item 0 <> 2024. A year of ports. @1:3']);
    // A paragraph of one line that opens with a letter and a period is a list, as docutils reads it.
    expect(read(page(['A. Smith', '', 'I. Overview', 'of the ports.'])).outline).toEqual(['item 0 <> Smith @1:4', 'paragraph I. Overview of the ports. @3:1']);
  });

  it('reads a roman numeral only in one case, and a word that is none as text', () => {
    expect(read(page(['iv. four', '', 'IV) four', '', 'Iv. text', '', 'mid. text', '', '(xii) twelve'])).outline).toEqual([
      'item 0 <> four @1:5',
      'item 0 <> four @3:5',
      'paragraph Iv. text @5:1',
      'paragraph mid. text @7:1',
      'item 0 <> twelve @9:7',
    ]);
  });

  it('keeps a top-level paragraph whole when a list marker line follows it, as docutils does', () => {
    // Outside a list item, only a blank line starts a list.
    expect(read(page(['Ports:', '- 80', '- 443'])).outline).toEqual(['paragraph Ports: - 80 - 443 @1:1']);
  });
});

describe('readRstBlocks: definition and field lists', () => {
  const lines = [
    'HTTP', //                        1
    '   Port 80, for the web.', //    2
    '', //                            3
    '   - 8080 too', //               4
    'HTTPS', //                       5
    '   Port 443.', //                6
    '', //                            7
    ':Port: 22', //                   8
    ':Protocol: tcp', //              9
    ':Notes: a long', //              10
    '   value', //                    11
    '', //                            12
    '- Item', //                      13
    '', //                            14
    '  :Port: 8443', //               15
  ];
  // A term and its definition are paragraphs of their own (a list in a definition sits in no list item); each field is one paragraph, its indented lines included.
  const expected = [
    'paragraph HTTP @1:1',
    'paragraph Port 80, for the web. @2:4',
    'item 0 <> 8080 too @4:6',
    'paragraph HTTPS @5:1',
    'paragraph Port 443. @6:4',
    'paragraph :Port: 22 @8:1',
    'paragraph :Protocol: tcp @9:1',
    'paragraph :Notes: a long value @10:1',
    'item 0 <> Item :Port: 8443 @13:3',
  ];

  it('reads terms, definitions and fields as paragraphs, and a field in an item as the item’s text', () => {
    const { outline, messages } = read(page(lines));
    expect(outline).toEqual(expected);
    expect(messages).toEqual([]);
  });

  it('reads the same with trailing spaces and CRLF line endings', () => {
    expect(read(page(lines.map((line) => `${line}\t `))).outline).toEqual(expected);
    expect(read(normalizeText(page(lines).replace(/\n/g, '\r\n')).text).outline).toEqual(expected);
  });
});

describe('readRstBlocks: nested lists, written sloppily but validly', () => {
  const bullets = ['-', '*', '+', '•'];

  it.each(shapes)('$name: with trailing spaces and tabs, CRLF line endings, after the normalization every source gets', ({ lines, expected }) => {
    const trailing = page(lines.map((line) => (line === '' ? '  ' : `${line} \t `)));
    expect(read(trailing).outline).toEqual(expected);
    const crlf = normalizeText(page(lines).replace(/\n/g, '\r\n')).text;
    expect(read(crlf).outline).toEqual(expected);
  });

  it.each(bullets)('with `%s` for every bullet', (bullet) => {
    for (const { lines, expected } of shapes) {
      // Every bullet that opens a line, those opened on the same line (`- - x`) included.
      const swapped = page(lines.map((line) => line.replace(/^(\s*)((?:[-*+] )+)/, (_, indent: string, markers: string) => indent + markers.replace(/[-*+]/g, bullet))));
      expect(read(swapped).outline).toEqual(expected);
    }
  });

  it('with a tab after each bullet, and tabs for indentation, lining up at the same columns', () => {
    // A tab runs to the next multiple of 8 columns, as docutils expands it.
    const spaces = page(['-       Gateway', '', '        - 80/tcp', '        - 443/tcp', '-       Database', '                more']);
    const tabs = page(['-\tGateway', '', '\t- 80/tcp', '\t- 443/tcp', '-\tDatabase', '\t\tmore']);
    const expected = (gateway: string, inner: string, database: string) => [
      `item 0 <> Gateway @1:${gateway}`,
      `item 1 <Gateway> 80/tcp @3:${inner}`,
      `item 1 <Gateway> 443/tcp @4:${inner}`,
      `item 0 <> Database more @5:${database}`,
    ];
    expect(read(spaces).outline).toEqual(expected('9', '11', '9'));
    expect(read(tabs).outline).toEqual(expected('3', '4', '3'));
  });

  it('with a tab in place of the spaces inside an item', () => {
    expect(read(page(['- Admin service:', '\t* Port: TCP/8443'])).outline).toEqual(['item 0 <> Admin service: @1:3', 'item 1 <Admin service:> Port: TCP/8443 @2:4']);
  });
});

describe('readRstBlocks: nested lists on random pages', () => {
  it('gives every item a depth one more than its parent’s, after its parent, with text of its own inside the page', () => {
    const pieces = ['\n', '\n\n', ' ', '  ', '   ', '\t', '- ', '* ', '+ ', '• ', '1. ', '#. ', 'a) ', '(iv) ', 'IV. ', 'x', 'Port 80', '::', '.. note::', '.. code-block::', '.. list-table::', ':Port: 1', '|_|', '+---+', '=== ==='];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const { blocks } = read(text);
        const seen = new Set<Block>();
        for (const block of blocks) {
          seen.add(block);
          if (block.kind !== 'list-item') continue;
          expect(block.source).not.toBe('');
          expect(block.offset).toBeGreaterThanOrEqual(0);
          expect(block.offset).toBeLessThanOrEqual(text.length);
          const { parent } = block;
          expect(block.depth).toBe(parent ? parent.depth + 1 : 0);
          // A parent with text of its own comes first; one without gives no block at all.
          if (parent) expect(parent.source === '' ? !seen.has(parent) : seen.has(parent)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readRstBlocks: nested lists stay linear', () => {
  const quiet: Reporter = (_rule, reason) => new VFileMessage(reason);
  const nowhere = () => ({ line: 1, column: 1 });
  const work = (text: string) => {
    readRstBlocks(text, quiet, nowhere);
  };

  it('on 10,000 nested items (a parent with nested items and paragraphs, ten levels deep, over and over)', () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, index) => {
        const indent = '  '.repeat(index % 10);
        return `${indent}- item ${index}\n${indent}  wrapped\n\n${indent}  own paragraph ${index}\n`;
      }).join('\n');
    expectLinear(work, items(10_000), items(40_000));
  });

  it('on a hostile depth: lists opened on one line, thousands deep', () => {
    expectLinear(work, `${'- '.repeat(5_000)}x\n`, `${'- '.repeat(20_000)}x\n`);
  });

  it('on a hostile depth of enumerators that each look at the next line', () => {
    expectLinear(work, `${'1. a) '.repeat(2_500)}x\n`, `${'1. a) '.repeat(10_000)}x\n`);
  });

  it('on a deep staircase that ends all at once, again and again', () => {
    const stairs = (count: number) => Array.from({ length: count }, (_, index) => `${' '.repeat(2 * (index % 200))}- step ${index}`).join('\n');
    expectLinear(work, stairs(4_000), stairs(16_000));
  });
});

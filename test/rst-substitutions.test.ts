/**
 * Substitutions in reStructuredText: a reference `|name|` gives the text its
 * definition on the page gives, wherever on the page that definition stands,
 * and stays as written when the page defines none. Expectations are written
 * by hand from each page.
 */
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/input/normalize-text.js';
import { pointsOf } from '../src/model/location.js';
import type { Reporter } from '../src/model/messages.js';
import { LineCursor, splitLines } from '../src/parsers/page/markup-lines.js';
import { readRstBlocks } from '../src/parsers/page/rst-blocks.js';
import { renderRstInline, type Substitution } from '../src/parsers/page/rst-inline.js';
import { readSubstitutions } from '../src/parsers/page/rst-substitutions.js';
import { expectLinear } from './linear-growth.js';

const page = (lines: readonly string[]) => lines.join('\n');
const plain = (text: string): Substitution => ({ text, trimLeft: false, trimRight: false });

/** The page's definitions as `name → text` (with `<` and `>` for a trim on that side). */
function definitions(text: string): Record<string, string> {
  const found = readSubstitutions(new LineCursor(splitLines(text)));
  return Object.fromEntries([...found].map(([name, { text: value, trimLeft, trimRight }]) => [name, `${trimLeft ? '<' : ''}${value}${trimRight ? '>' : ''}`]));
}

/** Headings and paragraphs as their text; table rows as their cells' text. */
function read(text: string): { outline: string[]; messages: string[] } {
  const at = pointsOf(text);
  const messages: string[] = [];
  const report: Reporter = (ruleId, reason, place) => {
    messages.push(`${place.line}:${place.column} ${ruleId}: ${reason}`);
    return new VFileMessage(reason);
  };
  const outline = readRstBlocks(text, report, at).flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return [`heading ${block.text}`];
      case 'table':
        return block.table.rows.map((row) => row.map((cell) => cell.text).join(' | '));
      default:
        return [`${block.kind} ${block.source}`];
    }
  });
  return { outline, messages };
}

describe('renderRstInline: substitution references', () => {
  const substitutions = new Map<string, Substitution>([
    ['_', { text: '\u00a0', trimLeft: true, trimRight: true }],
    ['br', plain(' ')],
    ['port name', plain('HTTP')],
    ['logo', plain('')],
  ]);
  it.each([
    ['Affected |_| Parameter', 'Affected\u00a0Parameter'],
    ['a |br| b', 'a   b'],
    ['|Port  Name| and |port name|', 'HTTP and HTTP'],
    ['|logo| Product', ' Product'],
    ['|version| stays', '|version| stays'],
    ['|port name|_ and |port name|__ are references too', 'HTTP and HTTP are references too'],
    ['IP|FQDN and a | b | c', 'IP|FQDN and a | b | c'],
    ['|_|x is not a reference, nor |x |', '|_|x is not a reference, nor |x |'],
    ['``|_|`` in a literal', '|_| in a literal'],
    ['|unclosed', '|unclosed'],
  ])('%s → %s', (source, expected) => {
    expect(renderRstInline(source, substitutions)).toBe(expected);
  });

  it('keeps a reference as written without definitions, as before', () => {
    expect(renderRstInline('|_| and |br|_')).toBe('|_| and |br|');
  });

  it('takes away only spaces on the side it trims, not the text of a reference before it', () => {
    expect(renderRstInline('a |_| |_| b', substitutions)).toBe('a\u00a0\u00a0b');
    expect(renderRstInline('a    |_| b', substitutions)).toBe('a\u00a0b');
    // The end-string of a literal cannot follow a space, so this is text, whose last space the reference takes.
    expect(renderRstInline('``a `` |_| b', substitutions)).toBe('``a ``\u00a0b');
  });

  it('stays linear on trimming references after a long literal of spaces', () => {
    const hostile = (count: number) => `\`\`x${' '.repeat(count)}y\`\` ${'|logo| '.repeat(count)}`;
    const trimming = new Map([...substitutions, ['logo', { text: '', trimLeft: true, trimRight: false }]]);
    expectLinear((text: string) => renderRstInline(text, trimming), hostile(20_000), hostile(80_000));
  });

  it('stays linear on runs of bars, defined and not', () => {
    expectLinear((text: string) => renderRstInline(text, substitutions), '|_| |a b|x |'.repeat(20_000), '|_| |a b|x |'.repeat(80_000));
  });
});

describe('readSubstitutions', () => {
  it('reads replace, unicode, raw <br> and image definitions, with their options', () => {
    expect(
      definitions(
        page([
          '.. |_| unicode:: 0xA0', //                       1
          '   :trim:', //                                   2
          '.. |left| unicode:: U+2192', //                  3
          '   :ltrim:', //                                  4
          '.. |codes| unicode:: x41 \\u0042 &#x43; &#68; 69 F .. comment', // 5
          '.. |br| raw:: html', //                          6
          '', //                                            7
          '   <br />', //                                   8
          '   <BR>', //                                     9
          '.. |Name With  Space| replace:: **strong** and', // 10
          '   ``literal`` text', //                         11
          '.. |logo| image:: logo.png', //                  12
          '   :alt: Logo', //                               13
        ]),
      ),
    ).toEqual({
      _: '<\u00a0>',
      left: '<→',
      codes: 'ABCDEF',
      br: ' ',
      'name with space': 'strong and literal text',
      logo: '',
    });
  });

  it('leaves out what gives no text it can know, so those references stay as written', () => {
    expect(
      definitions(
        page([
          '.. |today| date:: %Y', //                  1
          '.. |script| raw:: html', //                2
          '', //                                      3
          '   <script>x</script>', //                 4
          '.. |big| unicode:: 0x110000', //           5
          '.. |latex| raw:: latex', //                6
          '', //                                      7
          '   <br>', //                               8
          '.. | x| replace:: spaced', //              9
          '.. |y| replace:: first', //                10
          '.. |Y| replace:: second', //               11
        ]),
      ),
    ).toEqual({ y: 'first' });
  });

  it('drops control and format characters a unicode definition names', () => {
    expect(definitions('.. |odd| unicode:: a 0x1B b U+202E c 0x200B d')).toEqual({ odd: 'abcd' });
  });

  it('reads definitions inside content directives, not in literal blocks, code, or comments', () => {
    expect(
      definitions(
        page([
          'Write it so::', //                         1
          '', //                                      2
          '   .. |a| replace:: literal', //           3
          '', //                                      4
          '.. code-block:: rst', //                   5
          '', //                                      6
          '   .. |b| replace:: code', //              7
          '', //                                      8
          '..', //                                    9
          '   .. |c| replace:: comment', //           10
          '', //                                      11
          '.. only:: html', //                        12
          '', //                                      13
          '   .. |d| replace:: only html', //         14
          '', //                                      15
          '.. note::', //                             16
          '', //                                      17
          '   .. |e| replace:: in a note', //         18
        ]),
      ),
    ).toEqual({ d: 'only html', e: 'in a note' });
  });
});

describe('readRstBlocks: substitutions in headings, paragraphs and tables', () => {
  // Defined at the end, after the text that uses them, as docutils allows.
  const lines = [
    'Ports |_| and |_| services', //                                  1
    '==========================', //                                  2
    '', //                                                            3
    'See |product| and |version|.', //                                4
    '', //                                                            5
    '+-------------------+----------+', //                            6
    '| Port |_| [*]_     | Service  |', //                            7
    '+===================+==========+', //                            8
    '| 80 |br| 443       | |product||', //                            9
    '+-------------------+----------+', //                            10
    '', //                                                            11
    '===========  =========', //                                      12
    'Port |_| no  Name', //                                           13
    '===========  =========', //                                      14
    '22           |product|', //                                      15
    '===========  =========', //                                      16
    '', //                                                            17
    '.. list-table::', //                                             18
    '   :header-rows: 1', //                                          19
    '', //                                                            20
    '   * - Port |_| list', //                                        21
    '   * - 8080 |br| 8443', //                                       22
    '', //                                                            23
    '.. |_| unicode:: 0xA0', //                                       24
    '   :trim:', //                                                   25
    '.. |br| raw:: html', //                                          26
    '', //                                                            27
    '   <br />', //                                                   28
    '', //                                                            29
    '.. |product| replace:: **Port** Catalog', //                     30
  ];
  const expected = [
    'heading Ports and services',
    'paragraph See |product| and |version|.',
    'Port [*] | Service',
    '80 443 | Port Catalog',
    'Port no | Name',
    '22 | Port Catalog',
    'Port list',
    '8080 8443',
  ];

  it('resolves them everywhere the page renders text; a paragraph keeps its source as written', () => {
    const { outline, messages } = read(page(lines));
    expect(outline).toEqual(expected);
    expect(messages).toEqual([]);
  });

  it('reads the same with trailing spaces, CRLF line endings, and a tab for the definitions’ indentation', () => {
    const trailing = page(lines.map((line) => `${line}  `));
    expect(read(trailing).outline).toEqual(expected);
    expect(read(normalizeText(page(lines).replace(/\n/g, '\r\n')).text).outline).toEqual(expected);
    const tabs = page(lines.map((line, index) => (index >= 23 ? line.replace(/^ {3}/, '\t') : line)));
    expect(read(tabs).outline).toEqual(expected);
  });

  it('stays linear on many definitions and references', () => {
    const document = (count: number) =>
      [
        ...Array.from({ length: count }, (_, index) => `Text |s${index % 500}| and |missing| ${index}.\n`),
        ...Array.from({ length: count }, (_, index) => `.. |s${index}| replace:: value ${index}\n   more`),
      ].join('\n');
    expectLinear((text: string) => readRstBlocks(text, (_rule, reason) => new VFileMessage(reason), () => ({ line: 1, column: 1 })), document(2_000), document(8_000));
  });
});

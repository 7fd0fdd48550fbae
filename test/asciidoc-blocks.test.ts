import fc from 'fast-check';
import { VFileMessage } from 'vfile-message';
import { readBlocks } from './block-reading.js';
import { expectLinear } from './linear-growth.js';
import { describe, expect, it } from 'vitest';
import { pointsOf } from '../src/model/location.js';
import type { Reporter } from '../src/model/messages.js';
import { readAsciidocBlocks, renderAsciidocInline } from '../src/parsers/page/asciidoc-blocks.js';
import type { Block } from '../src/parsers/page/blocks.js';
import type { Table } from '../src/parsers/tables/table.js';

/** Reads a document given as lines; places are `line:column`. */
const read = (lines: readonly string[] | string) => readBlocks(readAsciidocBlocks, lines);

const texts = (table: Table | undefined) => table?.rows.map((row) => row.map((cell) => cell.text));
const spans = (table: Table | undefined) => table?.rows.map((row) => row.map((cell) => cell.spanned));

function withoutOffsets(blocks: readonly Block[]): unknown {
  return JSON.parse(JSON.stringify(blocks, (key, value: unknown) => (key === 'offset' ? undefined : value)));
}

function lineNumbers(text: string, blocks: readonly Block[]): unknown {
  const at = pointsOf(text);
  return JSON.parse(JSON.stringify(blocks, (key, value: unknown) => (key === 'offset' && typeof value === 'number' && value >= 0 ? at(value).line : value)));
}

describe('renderAsciidocInline', () => {
  it.each([
    ['`code` and +pass+', 'code and pass'],
    ['*strong* and _em_ and #mark#', 'strong and em and mark'],
    ['**un**constrained and __x__y', 'unconstrained and xy'],
    ['*_nested_ strong*', 'nested strong'],
    ['link:https://example.org[the docs]', 'the docs'],
    ['https://example.org[Example^] and https://bare.org', 'Example and https://bare.org'],
    ['https://example.org[Example,window=_blank]', 'Example'],
    ['link:https://x.org[]', 'https://x.org'],
    ['<<ports,Port list>> and <<ports>>', 'Port list and ports'],
    ['xref:ports.adoc#tcp[TCP ports]', 'TCP ports'],
    ['8080footnote:[configurable]', '8080'],
    ['kbd:[Ctrl+C]', 'Ctrl+C'],
    ['TCP+UDP and snake_case_name and C# and 2 * 3', 'TCP+UDP and snake_case_name and C# and 2 * 3'],
    ['\\*not strong* and a \\| b', '*not strong* and a | b'],
    ['+++<b>raw</b>+++', '<b>raw</b>'],
    ['link:link:link:x', 'link:link:link:x'],
    ['unclosed `code and *strong', 'unclosed `code and *strong'],
  ])('%s → %s', (source, expected) => {
    expect(renderAsciidocInline(source)).toBe(expected);
  });
});

describe('readAsciidocBlocks: sections, paragraphs and what is skipped', () => {
  it('reads headings and prose, and skips code, comments and directives', () => {
    const { outline, messages } = read([
      '= Document Title', //            1
      'Author Name <a@b.c>', //         2
      'v1.0', //                        3
      '', //                            4
      ':toc:', //                       5
      '', //                            6
      '== Section *One* ==', //         7
      '', //                            8
      '.Ports', //                      9
      '[source,bash]', //               10
      '----', //                        11
      'ufw allow 80', //                12
      '----', //                        13
      '', //                            14
      '// comment', //                  15
      '////', //                        16
      'hidden 81', //                   17
      '////', //                        18
      '', //                            19
      'Para line one', //               20
      'line two', //                    21
      '// inline comment', //           22
      'line three', //                  23
      '', //                            24
      ' literal paragraph 82', //       25
      '', //                            26
      '[source]', //                    27
      'ufw allow 83', //                28
      '', //                            29
      '....', //                        30
      'literal 84', //                  31
      '....', //                        32
      '', //                            33
      '====', //                        34
      'Example content.', //            35
      '====', //                        36
      '', //                            37
      '```', //                         38
      'fenced 85', //                   39
      '```', //                         40
      '', //                            41
      '### Markdown heading', //        42
      '', //                            43
      'include::other.adoc[]', //       44
      'image::ports.png[Ports]', //     45
      '', //                            46
      'NOTE: Admonition paragraph.', // 47
      '', //                            48
      "'''", //                         49
      '====== Deepest', //              50
    ]);
    expect(outline).toEqual([
      'heading 1 Document Title @1:1',
      'heading 2 Section One @7:1',
      'paragraph Para line one line two line three @20:1',
      'paragraph Example content. @35:1',
      'heading 3 Markdown heading @42:1',
      'paragraph NOTE: Admonition paragraph. @47:1',
      'heading 6 Deepest @50:1',
    ]);
    expect(messages).toEqual([]);
  });

  it('lets a paragraph run on over a heading or a thematic break, as Asciidoctor does', () => {
    expect(read(['Text', '== Not a heading', "'''", '* not an item']).outline).toEqual([
      "paragraph Text == Not a heading ''' * not an item @1:1",
    ]);
  });

  it('does not take a block title or a line of `=` for a heading', () => {
    expect(read(['.Default ports', 'Text.', '', '=======', 'In an example.', '=======']).outline).toEqual([
      'paragraph Text. @2:1',
      'paragraph In an example. @5:1',
    ]);
  });

  it('skips a verbatim-styled open block', () => {
    expect(read(['[source]', '--', 'port 99', '--', 'After.']).outline).toEqual(['paragraph After. @5:1']);
  });
});

describe('readAsciidocBlocks: list items', () => {
  it('reads bullets and numbers, joins continuation lines, keeps nested items apart', () => {
    const { outline } = read([
      '* Port `22/tcp`: SSH', //   1
      'continues here', //         2
      '** nested', //              3
      '- dash', //                 4
      '. dot one', //              5
      '.. dot nested', //          6
      '1. numbered', //            7
      'a. lettered', //            8
      '* [x] checked', //          9
      '+', //                      10
      'Attached paragraph.', //    11
      '', //                       12
      '*bold* is not a list', //   13
      '', //                       14
      '  * indented item', //      15
    ]);
    expect(outline).toEqual([
      'list-item Port `22/tcp`: SSH continues here @1:3',
      'list-item nested @3:4',
      'list-item dash @4:3',
      'list-item dot one @5:3',
      'list-item dot nested @6:4',
      'list-item numbered @7:4',
      'list-item lettered @8:4',
      'list-item [x] checked @9:3',
      'paragraph Attached paragraph. @11:1',
      'paragraph *bold* is not a list @13:1',
      'list-item indented item @15:5',
    ]);
  });
});

describe('readAsciidocBlocks: tables', () => {
  it('reads a header declared by options, one or several cells a line', () => {
    const { tables, where, messages, outline } = read([
      '[%header,cols="2,1"]', // 1
      '|===', //                 2
      '|Service |Port', //       3
      '|HTTP |80', //            4
      '|SSH', //                 5
      '|22', //                  6
      '|===', //                 7
      'After.', //               8
    ]);
    const table = tables[0];
    expect(messages).toEqual([]);
    expect(outline).toEqual(['table asciidoc @2:1', 'paragraph After. @8:1']);
    expect(table?.headerRows).toBe(1);
    expect(texts(table)).toEqual([
      ['Service', 'Port'],
      ['HTTP', '80'],
      ['SSH', '22'],
    ]);
    expect(table?.rows.map((row) => row.map((cell) => where(cell.offset)))).toEqual([
      ['3:2', '3:11'],
      ['4:2', '4:8'],
      ['5:2', '6:2'],
    ]);
    expect(table?.rows[0]?.[0]?.items).toEqual([{ kind: 'text', text: 'Service', offset: table?.rows[0]?.[0]?.offset }]);
  });

  it('takes options="header" and a title between the attributes and the table', () => {
    const { tables } = read(['[cols="1,1", options="header"]', '.Ports', '|===', '|A |B', '|1 |2', '|==='].join('\n'));
    expect(tables[0]?.headerRows).toBe(1);
    expect(texts(tables[0])).toEqual([
      ['A', 'B'],
      ['1', '2'],
    ]);
  });

  it('implies a header row when the first line holds it and a blank line follows', () => {
    expect(read(['|===', '|Name |Port', '', '|a |1', '|==='].join('\n')).tables[0]?.headerRows).toBe(1);
    expect(read(['|===', '|Name |Port', '|a |1', '|==='].join('\n')).tables[0]?.headerRows).toBe(0);
    expect(read(['[%noheader]', '|===', '|Name |Port', '', '|a |1', '|==='].join('\n')).tables[0]?.headerRows).toBe(0);
  });

  it('understands colspan, rowspan and repeated cells', () => {
    const { tables, where, messages } = read([
      '|===', //                  1
      '|A |B |C', //              2
      '', //                      3
      '2+|wide |c1', //           4
      '.2+|tall |b2 |c2', //      5
      '|b3 |c3', //               6
      '3*|x', //                  7
      '|===', //                  8
    ]);
    const table = tables[0];
    expect(messages).toEqual([]);
    expect(table?.headerRows).toBe(1);
    expect(texts(table)).toEqual([
      ['A', 'B', 'C'],
      ['wide', 'wide', 'c1'],
      ['tall', 'b2', 'c2'],
      ['tall', 'b3', 'c3'],
      ['x', 'x', 'x'],
    ]);
    expect(spans(table)).toEqual([
      [false, false, false],
      [false, true, false],
      [false, false, false],
      [true, false, false],
      [false, false, false],
    ]);
    expect(table?.rows.map((row) => row.map((cell) => where(cell.offset)))).toEqual([
      ['2:2', '2:5', '2:8'],
      ['4:4', '4:4', '4:10'],
      ['5:5', '5:11', '5:15'],
      ['5:5', '6:2', '6:6'],
      ['7:4', '7:4', '7:4'],
    ]);
  });

  it('reads lists in `a` cells only, and paragraphs in every cell', () => {
    const { tables, where } = read([
      '[cols="1,1a"]', //       1
      '|===', //                2
      '|Ports', //              3
      '|* 80', //               4
      '* 443', //               5
      '', //                    6
      'More text', //           7
      '|Plain m|* not a list', //  8
      '|Two', //                9
      '', //                    10
      'paras |', //             11
      '|===', //                12
    ]);
    const table = tables[0];
    expect(table?.headerRows).toBe(0);
    expect(texts(table)).toEqual([
      ['Ports', '80 443 More text'],
      ['Plain', '* not a list'],
      ['Two paras', ''],
    ]);
    expect(table?.rows[0]?.[1]?.items.map((item) => [item.kind, item.text, where(item.offset)])).toEqual([
      ['list-item', '80', '4:4'],
      ['list-item', '443', '5:3'],
      ['paragraph', 'More text', '7:1'],
    ]);
    expect(table?.rows[1]?.[1]?.items.map((item) => [item.kind, item.text])).toEqual([['text', '* not a list']]);
    expect(table?.rows[2]?.[0]?.items.map((item) => [item.kind, item.text, where(item.offset)])).toEqual([
      ['paragraph', 'Two', '9:2'],
      ['paragraph', 'paras', '11:1'],
    ]);
    // An empty cell sits at its separator.
    expect(where(table?.rows[2]?.[1]?.offset ?? -1)).toBe('11:7');
  });

  it('keeps an escaped separator as text', () => {
    expect(texts(read(['|===', '|a \\| b |c', '|==='].join('\n')).tables[0])).toEqual([['a | b', 'c']]);
  });

  it('reports a table without its end, and reads it to the end of the page', () => {
    const { tables, messages } = read(['|===', '|a |b', '|c |d']);
    expect(texts(tables[0])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(messages).toEqual(['1:1 table-truncated: Unexpected end of file inside a table, expected a closing `|===`']);
  });

  it('reports and pads a last row with too few cells', () => {
    const { tables, messages } = read(['|===', '|a |b', '|c', '|===']);
    expect(texts(tables[0])).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(tables[0]?.rows[1]?.[1]?.offset).toBe(-1);
    expect(messages).toEqual(['3:2 table-malformed: Unexpected end of table in a row with 1 of 2 cells, expected 1 more']);
  });

  it('reports text before the first cell, a span too wide, and tables of other formats', () => {
    expect(read(['|===', 'stray', 'x |a |b', '|==='].join('\n')).messages).toEqual([
      '2:1 table-malformed: Unexpected text before the first cell (`stray`), expected `|`',
      '3:1 table-malformed: Unexpected text before the first cell (`x`), expected `|`',
    ]);
    const wide = read(['[cols=2]', '|===', '3+|wide', '|==='].join('\n'));
    expect(texts(wide.tables[0])).toEqual([['wide', 'wide']]);
    expect(wide.messages).toEqual(['3:1 table-malformed: Unexpected cell spanning 3 columns where 2 are free, expected a span that fits the row']);
    expect(read(['[format=csv]', '|===', 'a,b', '|===', 'After.'].join('\n'))).toMatchObject({
      outline: ['paragraph After. @5:1'],
      messages: ['2:1 table-malformed: Unexpected `csv` table, expected cells separated by `|`; its rows are not read'],
    });
    expect(read([',===', 'a,b', ',==='].join('\n')).messages).toEqual([
      '1:1 table-malformed: Unexpected `csv` table, expected cells separated by `|`; its rows are not read',
    ]);
  });

  describe('gives the same blocks, apart from offsets, for the same page laid out differently', () => {
    const page = [
      '== Ports',
      '',
      '[%header,cols="2,1"]',
      '|===',
      '|Service |Port',
      '',
      '|HTTP',
      '|80',
      '',
      '2+|Both',
      '.2+|tall |1',
      '|2',
      '|===',
      '',
      '* Port `22/tcp`',
      '  continued',
      '** nested',
      '',
      'Para.',
    ].join('\n');

    it('with trailing spaces on every line', () => {
      const original = read(page);
      const altered = read(page.replace(/\n/g, '  \t \n'));
      expect(altered.messages).toEqual([]);
      expect(withoutOffsets(altered.blocks)).toEqual(withoutOffsets(original.blocks));
      expect(lineNumbers(altered.text, altered.blocks)).toEqual(lineNumbers(page, original.blocks));
    });

    it('with more blank lines between rows', () => {
      const original = read(page);
      const altered = read(page.replace(/\n\n(?=[|.2])/g, '\n\n\n\n'));
      expect(altered.messages).toEqual([]);
      expect(withoutOffsets(altered.blocks)).toEqual(withoutOffsets(original.blocks));
    });
  });
});

describe('readAsciidocBlocks: robustness', () => {
  it('never throws, keeps offsets in the text and every row as wide as its table', () => {
    const pieces = ['\n', ' ', '|', '|===', '2+', '.2+', '3*', 'a', 'a|', '*', '**', '. ', '----', '////', '[%header]', '[cols="1,2"]', '`', '+', '_', '#', '<<', '>>', 'link:', '[', ']', '\\', '=', '== '];
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
    expectLinear((text: string) => readAsciidocBlocks(text, quiet, nowhere), document(size), document(size * 4));
  }

  /** `count` lines of `line`. */
  const lines = (line: string, count: number) => `${line}\n`.repeat(count);

  it.each([
    ['lines of cells', 2_000, (n: number) => `|===\n${lines('|ab '.repeat(50), n / 10)}|===`],
    ['lines of specs', 500, (n: number) => `|===\n${lines(' 2+|'.repeat(50), n / 10)}|===`],
    ['tall row spans', 1_000, (n: number) => `|===\n${lines('.65534+|x', n)}|===`],
    ['a wide cols attribute', 500, (n: number) => `[cols=9999]\n|===\n${lines('|x', n)}|===`],
    ['unclosed inline markup in cells', 2_000, (n: number) => `|===\n${lines(`|${'*a `b +c _d #e <<f link:g '.repeat(10)}`, n / 10)}|===`],
    ['unclosed delimited blocks', 1_000, (n: number) => lines('----\n....\n////', n)],
    ['list items', 2_000, (n: number) => lines('** item\ncontinued', n)],
  ])('stays linear on %s', (_name, size, document) => {
    expectLinearOn(document, size);
  });

  it('renders inline markup in time linear in a long line', () => {
    const text = (size: number) => '*a `b +c _d #e <<f link:g https://h '.repeat(size);
    expectLinear((line: string) => renderAsciidocInline(line), text(5_000), text(20_000));
  });
});

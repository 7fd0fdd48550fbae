/**
 * The fast path for table-cell text (emit/mdast.ts) must write exactly what
 * remark's own text handler writes: checked on generated inert text, alone
 * in a cell and beside other phrasing nodes.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { code, inertCellText, link, table, text, toMarkdown } from '../src/emit/mdast.js';

/** remark with its default handlers and the same options as toMarkdown. */
function withRemarkOnly(children: Parameters<typeof toMarkdown>[0]): string {
  return unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true })
    .stringify({ type: 'root', children });
}

const inertCharacter = fc.constantFrom(...'abcwWXYZ019 ,;()\'"+=%/-.:–'.split(''));
const inert = fc.array(inertCharacter, { maxLength: 30 }).map((chars) => chars.join(''));

describe('inert table-cell text', () => {
  it('is what the pattern says', () => {
    expect(inertCellText.test("Remote Job Entry (RJE), v2 'x' + y/z - 100%")).toBe(true);
    expect(inertCellText.test('port-numbers:12, X.400, Inc.')).toBe(true);
    expect(inertCellText.test('225–229')).toBe(true);
    expect(['http://x', 'see www.x', 'WWW.X', 'w.a', 'a@b', 'a*b', 'a_b', 'a|b', 'a[b', 'a`b', 'a<b', 'a&b', 'a~b', 'a\\b', 'a!b', 'a#b', 'a\tb'].some((t) => inertCellText.test(t))).toBe(false);
  });

  it('is written by the fast path exactly as remark writes it', () => {
    fc.assert(
      fc.property(inert, inert, (first, second) => {
        const cells = [[text(first)], [text(second), text(', '), link('https://example.org/', first || 'x'), text(second)], [code('k'), text(first)]];
        const tree = [table(['A', 'B', 'C'], [cells])];
        expect(toMarkdown(tree)).toBe(withRemarkOnly(tree));
      }),
      { numRuns: 2000 },
    );
  });

  it('is judged with the characters of the nodes beside it, as the serializer looks across nodes', () => {
    for (const cell of [[text('w.'), text('b')], [text('s:/]'), text('( ')], [text('see www'), code('x'), text('.org')]]) {
      const tree = [table(['A'], [[cell]])];
      expect(toMarkdown(tree)).toBe(withRemarkOnly(tree));
    }
    expect(toMarkdown([table(['A'], [[[text('w.'), text('b')]]])])).toContain('| w\\.b |');
    expect(toMarkdown([table(['A'], [[[text('s:/]'), text('( ')]]])])).toContain('| s\\:/]\\(  |');
  });

  it('still escapes everything else in cells', () => {
    const tree = [table(['A'], [[[text('a | b *c* [d](e) www.x.org')]]])];
    expect(toMarkdown(tree)).toBe(withRemarkOnly(tree));
    expect(toMarkdown(tree)).toContain('a \\| b \\*c\\* \\[d]\\(e) www\\.x.org');
  });
});

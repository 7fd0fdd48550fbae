/**
 * ports.md and conflicts.md are written row by row (emit/table-lines.ts)
 * rather than as one tree through remark. They must be byte for byte what
 * remark-stringify with remark-gfm writes for the same tree, whatever the
 * records hold: checked on generated catalogs and conflict reports whose text
 * is full of Markdown, HTML and autolink syntax.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../src/catalog/dataset.js';
import { buildConflictReport } from '../src/compare/conflicts.js';
import { conflictsTree, emitConflictsMarkdown } from '../src/emit/conflicts-markdown.js';
import { catalogTree, emitMarkdown } from '../src/emit/markdown.js';
import { code, link, text } from '../src/emit/mdast.js';
import { tableRowLine } from '../src/emit/table-lines.js';
import type { PortDataset, PortRecord } from '../src/model/record.js';
import { record } from './records.js';
import { markdownCharacters } from './markdown-characters.js';

/** remark as users know it, with the options the project documents. */
function remarkMarkdown(children: ReturnType<typeof catalogTree>): string {
  return unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true })
    .stringify({ type: 'root', children });
}

/** Markdown's characters (markdown-characters.ts), and what a whole document meets besides: line breaks, HTML, fences. */
const hostileCharacter = fc.constantFrom(...markdownCharacters, 'é', '🙂', '\n', '\r\n', 'http://', '&amp;', '<b>', '```');
const hostileText = fc.array(hostileCharacter, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
/** Some plain text too, so both paths of the row writer run. */
const someText = fc.oneof(hostileText, fc.constantFrom('Echo', 'Remote Job Entry (RJE), v2', 'ma.comm_port', 'X.400'));
const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null, freq: 3 });

/** Records at any port, or only at ports 0-3, where they meet each other and make conflicts. */
const generatedRecordAt = (highest: number): fc.Arbitrary<PortRecord> => fc
  .record({
    portStart: fc.integer({ min: 0, max: highest }),
    span: fc.constantFrom(0, 0, 0, 4),
    protocol: fc.constantFrom('tcp', 'udp', 'sctp', 'dccp'),
    status: fc.constantFrom('assigned', 'unassigned', 'reserved', 'deprecated', 'category'),
    serviceName: nullable(someText),
    aliases: fc.uniqueArray(someText, { maxLength: 2 }),
    name: nullable(someText),
    description: nullable(someText),
    references: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }).map((n) => `RFC${n}`), { maxLength: 2 }),
    notes: fc.uniqueArray(someText.filter((note) => !note.includes('; ')), { maxLength: 2 }),
    product: nullable(fc.constantFrom('Transfer CFT', 'A|B', '*Zeta*', '<Omega>')),
    configKey: nullable(someText),
    direction: fc.constantFrom('in', 'out', 'both', null),
    line: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ span, line, ...fields }) =>
    record({
      ...fields,
      portEnd: Math.min(65535, fields.portStart + span),
      category: fields.portStart <= 1023 ? 'well-known' : fields.portStart <= 49151 ? 'registered' : 'dynamic',
      sources: [{ source: 'list', line }],
    }),
  );
const generatedRecord = generatedRecordAt(65535);

const generator = { name: 'port-catalog', version: '0.0.0-test' };
const sources: PortDataset['sources'] = [
  { id: 'list', file: 'list.txt', format: 'port-list', role: 'catalog', title: 'A *list* | of [ports](x)', documentTitle: null, url: 'https://example.com/a_(b)', product: null, sha256: 'a'.repeat(64), license: null, coverage: null },
];

describe('ports.md written row by row', () => {
  it('is byte for byte what remark writes for the whole tree, on hostile records', () => {
    fc.assert(
      fc.property(fc.array(generatedRecord, { minLength: 1, maxLength: 30 }), (records) => {
        const dataset = createDataset({ generator, sources, records });
        expect(emitMarkdown(dataset)).toBe(remarkMarkdown(catalogTree(dataset)));
      }),
      { numRuns: 400, seed: 20261204 },
    );
  }, 30_000);

  it('is byte for byte what remark writes for the conflict report, on hostile records', () => {
    const crowded = generatedRecordAt(3);
    fc.assert(
      fc.property(fc.array(crowded, { minLength: 1, maxLength: 12 }), fc.array(crowded, { maxLength: 12 }), (catalog, references) => {
        const report = buildConflictReport(catalog, references.map((reference) => ({ ...reference, aliasOf: null })));
        const document = { generator, sources, report };
        expect(emitConflictsMarkdown(document)).toBe(remarkMarkdown(conflictsTree(document)));
      }),
      { numRuns: 200, seed: 20261205 },
    );
  }, 30_000);

  it('writes text it backslashes (brackets, backticks, asterisks, addresses) as remark does, alone and beside other nodes', () => {
    const bracketCharacter = fc.constantFrom(...'[]`()ab Z0 .:-,;\'"+=%/_*@{}?wps'.split(''), '\u2013', 'é', '✔️', 'w.', 's:/', 'a@b');
    const bracketText = fc.array(bracketCharacter, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(bracketText, bracketText, (first, second) => {
        const rows = [[[text(first)]], [[text(first), text(second)]], [[code('k'), text(first)], [text(second), link('https://x.org/a', 'A1'), text(first)]], [[text(first), code('k'), text(second)]]];
        for (const cells of rows) {
          const whole = remarkMarkdown([{ type: 'table', align: cells.map(() => null), children: [{ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }] }]);
          expect(tableRowLine(cells)).toBe(whole.split('\n')[0]);
        }
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  }, 30_000);

  it('writes plain cells directly and sends every other row through the serializer', () => {
    expect(tableRowLine([[text('80')], [], [code('http')], [link('https://www.rfc-editor.org/rfc/rfc2616', 'RFC2616')]])).toBe(
      '| 80 | | `http` | [RFC2616](https://www.rfc-editor.org/rfc/rfc2616) |',
    );
    expect(tableRowLine([[text('a | b')], [code('x|y')], [text('www.example.org')]])).toBe('| a \\| b | `x\\|y` | www\\.example.org |');
    expect(tableRowLine([[link('https://x.org/a_(b)', 'see')], [code('`tick`')]])).toBe('| [see](https://x.org/a_\\(b\\)) | `` `tick` `` |');
    // Every row above is what remark writes for it as a table's first row.
    const rows = [
      [[text('80')], [], [code('http')], [link('https://www.rfc-editor.org/rfc/rfc2616', 'RFC2616')]],
      [[text('a | b')], [code('x|y')], [text('www.example.org')]],
      [[link('https://x.org/a_(b)', 'see')], [code('`tick`')]],
    ];
    for (const cells of rows) {
      const whole = remarkMarkdown([{ type: 'table', align: cells.map(() => null), children: [{ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }] }]);
      expect(tableRowLine(cells)).toBe(whole.split('\n')[0]);
    }
  });
});

/**
 * Read the format, not the file: the committed sources, edited the way
 * scrapes and editors edit text, must give the same records (apart from line
 * numbers, where lines were added), or, where an edit changes meaning, at
 * least one message more than the clean build. fast-check draws random
 * combinations of the edits, with a fixed seed so a failure replays.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { ManifestSource, PortRecord } from '../src/model/record.js';
import { generator } from '../src/package-info.js';
import { build } from '../src/pipeline/build.js';

const manifest = JSON.parse(readFileSync('sources/sources.json', 'utf8')) as { sources: ManifestSource[] };
const sourceOf = (id: string) => manifest.sources.find((source) => source.id === id) as ManifestSource;

/** One edit of a whole text; `addsLines` when it moves line numbers. */
interface Edit {
  name: string;
  apply: (text: string) => string;
  addsLines?: boolean;
}

const eachLine = (text: string, change: (line: string) => string) => text.split('\n').map(change).join('\n');
const nonBlank = (change: (line: string) => string) => (line: string) => (line.trim() === '' ? line : change(line));

/** Edits that keep the meaning of any text source. */
const commonEdits: Edit[] = [
  { name: 'two trailing spaces', apply: (t) => eachLine(t, nonBlank((l) => `${l}  `)) },
  { name: 'a trailing tab', apply: (t) => eachLine(t, nonBlank((l) => `${l}\t`)) },
  { name: 'a byte-order mark', apply: (t) => `\uFEFF${t}` },
];

/** Line-ending edits, applied after every other edit (they rewrite the line breaks the others split on). */
const lineEndingEdits: Edit[] = [
  { name: 'CRLF line endings', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'mixed line endings', apply: (t) => t.replace(/\r/g, '').split('\n').map((l, i, all) => l + (i === all.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join('') },
];

const portListEdits: Edit[] = [
  ...commonEdits,
  { name: 'a no-break space before each leading port', apply: (t) => t.replace(/^(\d)/gm, '\u00a0$1') },
  { name: 'a zero-width space after each leading port', apply: (t) => t.replace(/^(\d+)/gm, '$1\u200b') },
  { name: 'tabs as runs of spaces', apply: (t) => t.replace(/\t/g, '    ') },
  { name: 'full-width digits in ports', apply: (t) => t.replace(/^(\d+)/gm, (digits) => [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')) },
  { name: 'a blank line after every line', apply: (t) => t.replace(/\n/g, '\n\n'), addsLines: true },
  ...lineEndingEdits,
];

const pageEdits: Edit[] = [
  ...commonEdits,
  { name: 'the table indented by 2 spaces', apply: (t) => t.replace(/^(<\/?t(?:able|head|body|r|h|d)\b.*)$/gm, '  $1') },
  { name: 'the table wrapped in a div', apply: (t) => t.replace('<table', '<div class="wide"><table').replace('</table>', '</table></div>') },
  { name: 'a comment holding </table> inside tbody', apply: (t) => t.replace('<tbody>', '<tbody>\n<!-- was: </table> -->'), addsLines: true },
  { name: 'Legend: in bold', apply: (t) => t.replace(/^Legend:$/m, '**Legend:**') },
  { name: 'Legend as a heading', apply: (t) => t.replace(/^Legend:$/m, '## Legend') },
  { name: 'no-break spaces in the prose', apply: (t) => t.replace(/ the /g, '\u00a0the\u00a0') },
  ...lineEndingEdits,
];

async function buildText(id: string, text: string): Promise<{ records: PortRecord[]; messages: number }> {
  const file = new VFile({ path: `${id}.txt`, value: Buffer.from(text, 'utf8') });
  const result = await build([{ source: sourceOf(id), file }], { generator });
  return { records: result.dataset.records, messages: file.messages.length };
}

/** A record as compared: without line numbers when an edit added lines. */
const comparable = (records: readonly PortRecord[], withLines: boolean) =>
  records.map((record) => JSON.stringify(withLines ? record : { ...record, sources: record.sources.map((ref) => ref.source) }));

async function checkNoSilentLoss(id: string, file: string, edits: Edit[], runs: number): Promise<void> {
  const clean = readFileSync(file, 'utf8');
  const base = await buildText(id, clean);
  expect(base.records.length).toBeGreaterThan(0);
  await fc.assert(
    fc.asyncProperty(fc.subarray(edits, { minLength: 1 }), async (chosen) => {
      const text = chosen.reduce((current, edit) => edit.apply(current), clean);
      const got = await buildText(id, text);
      const withLines = !chosen.some((edit) => edit.addsLines);
      const same = JSON.stringify(comparable(got.records, withLines)) === JSON.stringify(comparable(base.records, withLines));
      expect(same || got.messages > base.messages, `edits: ${chosen.map((edit) => edit.name).join(', ')}`).toBe(true);
      return true;
    }),
    { seed: 20261122, numRuns: runs },
  );
}

describe('no silent loss on sloppy but valid sources', () => {
  it.each(portListEdits.map((edit) => [edit.name, edit] as const))('port list, %s alone: the same records', async (_name, edit) => {
    const clean = readFileSync('sources/port-numbers.txt', 'utf8');
    const base = await buildText('port-numbers', clean);
    const got = await buildText('port-numbers', edit.apply(clean));
    expect(comparable(got.records, !edit.addsLines)).toEqual(comparable(base.records, !edit.addsLines));
  });

  it.each(pageEdits.map((edit) => [edit.name, edit] as const))('Transfer CFT page, %s alone: the same records', async (_name, edit) => {
    const clean = readFileSync('sources/transfer-cft-ports.md', 'utf8');
    const base = await buildText('transfer-cft-ports', clean);
    const got = await buildText('transfer-cft-ports', edit.apply(clean));
    expect(comparable(got.records, !edit.addsLines)).toEqual(comparable(base.records, !edit.addsLines));
  });

  it('port list, random combinations of the edits: same records or a message more', async () => {
    await checkNoSilentLoss('port-numbers', 'sources/port-numbers.txt', portListEdits, 12);
  });

  it('Transfer CFT page, random combinations of the edits: same records or a message more', async () => {
    await checkNoSilentLoss('transfer-cft-ports', 'sources/transfer-cft-ports.md', pageEdits, 20);
  });

  it('an empty table body is a warning at the table, not a silent loss', async () => {
    const clean = readFileSync('sources/transfer-cft-ports.md', 'utf8');
    const emptied = clean.replace(/<tbody>[^]*<\/tbody>/, '<tbody>\n</tbody>');
    const file = new VFile({ path: 'page.md', value: emptied });
    await build([{ source: sourceOf('transfer-cft-ports'), file }], { generator });
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toContain('11:1 table-empty');
  });
});

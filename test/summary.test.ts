/**
 * The build summary, and accepted findings: warnings listed in
 * sources/accepted.json count apart from new ones; stale entries are reported.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../src/compare/diff.js';
import { applyAccepted, readAccepted } from '../src/input/accepted.js';
import { formatMessage } from '../src/model/messages.js';
import { formatBuildSummary } from '../src/summary.js';
import { acceptedFindings, buildFolder, seedSources } from './helpers.js';

/** sources/accepted.json with only the seed sources' entries. */
const seedAccepted = () => JSON.stringify({ accepted: acceptedFindings().filter((entry) => seedSources.includes(entry.source)) }, null, 2);

async function withAccepted(text: string) {
  const result = await buildFolder('sources', seedSources);
  const file = new VFile({ path: 'sources/accepted.json', value: text });
  const list = readAccepted(file);
  if (!list) throw new Error(file.messages.map(formatMessage).join('\n'));
  const documents = result.perSource.map((source, index) => ({ id: source.id, file: result.files[index] ?? new VFile() }));
  return { result, file, accepted: applyAccepted(list, documents, file) };
}

describe('build summary', () => {
  it('shows per source records, lines, new and accepted warnings, and the change against the previous output', async () => {
    const { result, accepted } = await withAccepted(seedAccepted());
    const previous = diffRecords(result.dataset.records.slice(1), result.dataset.records);
    expect(formatBuildSummary(result, previous, undefined, accepted)).toEqual([
      'port-catalog: 781 catalog records (+1 −0 ~0 records against the previous output)',
      'source              records  lines entry/structure/reported  problems',
      'transfer-cft-ports  12       -                               ok',
      'port-numbers        771      485/48/0                        15 accepted warnings, 2 notes',
      'iana (reference)    12341    49364/2/0                       ok',
    ]);
    expect(formatBuildSummary(result, null)[3]).toBe('port-numbers        771      485/48/0                        15 new warnings, 2 notes');
  });
});

describe('accepted findings', () => {
  it('accept the seed sources\' 15 warnings, each explained', async () => {
    const { accepted, file } = await withAccepted(seedAccepted());
    expect(accepted.size).toBe(15);
    expect(file.messages).toEqual([]);
  });

  // That every committed source's warnings are accepted and no entry is stale is
  // checked on the built CLI, which reads the sources ahead of time: one
  // notice per accepted finding (message-formats), and --strict passing (queries).

  it('report an entry that matches nothing, at its line, and accept the rest', async () => {
    const text = JSON.stringify(
      {
        accepted: [
          { rule: 'port-list:ambiguous-name', source: 'port-numbers', line: 246, reason: 'the name is 101\'s' },
          { rule: 'port-list:ambiguous-name', source: 'port-numbers', line: 247, reason: 'stale: the warning moved' },
        ],
      },
      null,
      2,
    );
    const { accepted, file } = await withAccepted(text);
    expect([...accepted].map(([message, reason]) => `${message.line} ${message.ruleId}: ${reason}`)).toEqual(["246 ambiguous-name: the name is 101's"]);
    expect(file.messages.map(formatMessage)).toEqual([
      'sources/accepted.json:9:5: warning: Unexpected accepted finding `port-list:ambiguous-name` at port-numbers:247 that no warning matches, expected it removed from the list (accepted:accepted-stale)',
    ]);
  });

  it('report a malformed file at its line', () => {
    const file = new VFile({ path: 'sources/accepted.json', value: '{ "accepted": [ { "rule": "x", "source": "a", "line": 1 } ] }' });
    expect(readAccepted(file)).toBeNull();
    expect(file.messages.map(formatMessage)).toEqual([
      "sources/accepted.json:1:17: error: Invalid accepted-findings file: `/accepted/0` must have required property 'reason' (accepted:schema)",
      'sources/accepted.json:1:27: error: Invalid accepted-findings file: `/accepted/0/rule` must match pattern "^[a-z0-9-]+:[a-z0-9-]+$" (accepted:schema)',
    ]);
  });
});

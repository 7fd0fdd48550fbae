/**
 * ports.md is read in review as a diff: one record more or changed must
 * change a handful of lines, not a whole table.
 */
import { describe, expect, it } from 'vitest';
import { createDataset } from '../src/catalog/dataset.js';
import { emitMarkdown } from '../src/emit/markdown.js';
import type { PortRecord } from '../src/model/record.js';
import { buildFolder, seedSources } from './helpers.js';
import { record } from './records.js';

/** Lines of `after` not in `before`, and of `before` not in `after`, as a line diff counts them. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const count = (text: string) => {
    const lines = new Map<string, number>();
    for (const line of text.split('\n')) lines.set(line, (lines.get(line) ?? 0) + 1);
    return lines;
  };
  const a = count(before);
  const b = count(after);
  const only = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([line, n]) => Array(Math.max(0, n - (y.get(line) ?? 0))).fill(line) as string[]);
  return { added: only(b, a), removed: only(a, b) };
}

describe('ports.md layout', () => {
  it('changes one table line, the counts and the page\'s coverage when a vendor page gains a row, even its first with a direction', async () => {
    const result = await buildFolder('sources', seedSources);
    const { generator, sources, records } = result.dataset;
    const row: PortRecord = record({
      portStart: 6802,
      protocol: 'tcp',
      name: 'Secure Relay MA admin',
      category: 'registered',
      product: 'Transfer CFT',
      configKey: 'ma.admin_port',
      direction: 'in',
      sources: [{ source: 'transfer-cft-ports', line: 58 }],
    });
    const before = emitMarkdown(createDataset({ generator, sources, records }));
    const after = emitMarkdown(createDataset({ generator, sources, records: [...records, row].sort((x, y) => x.portStart - y.portStart) }));
    const { added, removed } = changedLines(before, after);
    expect(added).toEqual([
      '| all | 782 |',
      '| Category: registered | 15 |',
      '| Status: assigned | 661 |',
      '| Protocol: tcp | 403 |',
      "| `transfer-cft-ports` | 13 | 1761–1763, 1765–1768, 6801–6802, 6810–6811, 12553–12554 | not shown (a product's own ports) |",
      '| 6802 | tcp | assigned | Secure Relay MA admin | `ma.admin_port` | in | | | | | transfer-cft-ports:58 |',
    ]);
    expect(removed).toHaveLength(5);
  });
});

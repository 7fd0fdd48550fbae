import { describe, expect, it } from 'vitest';
import { clashGroups, clashesByProduct } from '../src/compare/clash-groups.js';
import { buildConflictReport } from '../src/compare/conflicts.js';
import { record } from './records.js';

const at = (source: string, line: number) => [{ source, line }];
const records = [
  record({ portStart: 80, name: 'Web', product: 'Alpha', sources: at('alpha', 3) }),
  record({ portStart: 80, name: 'HTTP', product: 'Beta', configKey: 'http.port', sources: at('beta', 7) }),
  record({ portStart: 80, name: 'World Wide Web', sources: at('list', 12) }),
  record({ portStart: 8000, portEnd: 8100, name: 'Workers', product: 'Gamma', sources: at('gamma', 2) }),
  record({ portStart: 8080, name: 'Admin', product: 'Alpha', sources: at('alpha', 4) }),
  record({ portStart: 8080, protocol: 'udp', name: 'Discovery', product: 'Beta', sources: at('beta', 8) }),
];

describe('product clashes grouped', () => {
  const groups = clashGroups(buildConflictReport(records, []).conflicts);

  it('gives one group per shared port range and protocol, with every record on it', () => {
    expect(groups.map((group) => [group.portStart, group.portEnd, group.protocol, group.records.map((each) => `${each.product ?? 'service'}:${each.name}`)])).toEqual([
      // In catalog order: port range, then name by code point (`Web` before `World Wide Web`).
      [80, 80, 'tcp', ['Beta:HTTP', 'Alpha:Web', 'service:World Wide Web']],
      // 8080/tcp of Alpha lies inside Gamma's 8000–8100 (which starts first); Beta's 8080 is udp, so it clashes with no one.
      [8080, 8080, 'tcp', ['Gamma:Workers', 'Alpha:Admin']],
    ]);
  });

  it('counts, per product, its clashing ports and whom it meets there, most first', () => {
    expect(clashesByProduct(groups)).toEqual([
      { product: 'Alpha', groups: 2, with: ['Beta', 'Gamma', 'catalog services'] },
      { product: 'Beta', groups: 1, with: ['Alpha', 'catalog services'] },
      { product: 'Gamma', groups: 1, with: ['Alpha'] },
    ]);
  });
});

describe('product clashes at catalog size', () => {
  it('are one conflict per shared port and protocol, so ten products on a port are one clash of ten sides, not 45 pairs', () => {
    const tenOn80 = Array.from({ length: 10 }, (_, index) => record({ portStart: 80, name: 'Web', product: `Product ${index}`, sources: at(`p${index}`, 1) }));
    const clashes = buildConflictReport(tenOn80, []).conflicts;
    expect(clashes.map((clash) => [clash.kind, clash.sides.length])).toEqual([['product-clash', 10]]);
    expect(clashes[0]?.explanation).toBe(`${tenOn80.map((each) => `${each.product ?? ''} "Web"`).slice(0, 9).join(', ')} and Product 9 "Web" all use 80/tcp`);
  });

  it('name the ports the records share, where ranges overlap in part', () => {
    const ranges = [record({ portStart: 40000, portEnd: 57000, name: 'Media', product: 'Alpha', sources: at('alpha', 1) }), record({ portStart: 41000, portEnd: 61000, name: 'Members', product: 'Beta', sources: at('beta', 1) })];
    expect(clashGroups(buildConflictReport(ranges, []).conflicts).map((group) => [group.portStart, group.portEnd, group.records.length])).toEqual([[41000, 57000, 2]]);
    expect(buildConflictReport(ranges, []).conflicts[0]?.explanation).toBe('Alpha "Media" and Beta "Members" both use 41000–57000/tcp');
  });
});

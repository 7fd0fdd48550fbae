/**
 * The web page's own logic, outside a browser: its search is lookup with
 * filters (web/search.ts), its map's kinds (web/port-kinds.ts), and the
 * marks a result row shows (web/marks.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../src/compare/conflicts.js';
import type { PortRecord } from '../src/model/record.js';
import { portKinds, portKindsOf } from '../src/web/port-kinds.js';
import { marksByRecord } from '../src/web/marks.js';
import { noFilters, search } from '../src/web/search.js';
import { record } from './records.js';

const relay = record({ portStart: 6801, category: 'registered', name: 'Secure Relay MA', product: 'Transfer CFT', configKey: 'ma.comm_port', sources: [{ source: 'cft', line: 56 }] });
const copilot = record({ portStart: 1766, category: 'registered', name: 'Copilot', product: 'Transfer CFT', sources: [{ source: 'cft', line: 30 }] });
const registered = record({ portStart: 1024, portEnd: 49151, status: 'category', category: 'registered', name: 'registered ports', sources: [{ source: 'list', line: 695 }] });
const registeredUdp = { ...registered, protocol: 'udp' as const };
const ssh = record({ portStart: 22, name: 'SSH Remote Login Protocol', serviceName: 'ssh', sources: [{ source: 'list', line: 40 }] });
const acnet = record({ portStart: 6801, category: 'registered', serviceName: 'acnet', name: 'ACNET Control System Protocol', sources: [{ source: 'iana', line: 39062 }] });
const acnetUdp = { ...acnet, protocol: 'udp' as const, sources: [{ source: 'iana', line: 39066 }] };
const reserved = record({ portStart: 1000, portEnd: 1002, status: 'reserved', sources: [{ source: 'iana', line: 9 }] });
const data = { catalog: [ssh, registered, registeredUdp, copilot, relay], references: [reserved, acnet, acnetUdp] };

const keys = (answer: ReturnType<typeof search>) => (answer.kind === 'hits' ? answer.hits.map(({ role, record: hit }) => `${role} ${hit.portStart}/${hit.protocol} ${hit.name ?? hit.status}`) : answer);

describe('search', () => {
  it('answers a port as lookup does: catalog records, then references, each in catalog order', () => {
    expect(keys(search(data, '6801', noFilters))).toEqual([
      'catalog 1024/tcp registered ports',
      'catalog 1024/udp registered ports',
      'catalog 6801/tcp Secure Relay MA',
      'reference 6801/tcp ACNET Control System Protocol',
      'reference 6801/udp ACNET Control System Protocol',
    ]);
  });

  it('narrows by protocol, status and category', () => {
    expect(keys(search(data, '6801', { ...noFilters, protocol: 'udp' }))).toEqual(['catalog 1024/udp registered ports', 'reference 6801/udp ACNET Control System Protocol']);
    expect(keys(search(data, '6801', { ...noFilters, status: 'assigned' }))).toEqual([
      'catalog 6801/tcp Secure Relay MA',
      'reference 6801/tcp ACNET Control System Protocol',
      'reference 6801/udp ACNET Control System Protocol',
    ]);
    expect(keys(search(data, '1000-1100', { ...noFilters, category: 'well-known' }))).toEqual(['reference 1000/tcp reserved']);
  });

  it('takes the product filter as lookup takes --product: that product\u2019s records, and no reference', () => {
    expect(keys(search(data, '6801', { ...noFilters, product: 'Transfer CFT' }))).toEqual(['catalog 6801/tcp Secure Relay MA']);
    expect(keys(search(data, 'transfer cft', noFilters))).toEqual(['catalog 1766/tcp Copilot', 'catalog 6801/tcp Secure Relay MA']);
  });

  it('with an empty box, lists what the filters choose, and nothing without a filter', () => {
    expect(search(data, '  ', noFilters)).toEqual({ kind: 'none' });
    expect(keys(search(data, '', { ...noFilters, product: 'Transfer CFT' }))).toEqual(['catalog 1766/tcp Copilot', 'catalog 6801/tcp Secure Relay MA']);
    expect(keys(search(data, '', { ...noFilters, status: 'reserved' }))).toEqual(['reference 1000/tcp reserved']);
  });

  it('compares product names as --product does, letter case and spacing aside, with or without a query', () => {
    const shouting = record({ portStart: 1767, name: 'Other case', product: 'TRANSFER  cft', sources: [{ source: 'other', line: 1 }] });
    // In catalog order, as the built catalog is.
    const both = { ...data, catalog: [ssh, registered, registeredUdp, copilot, shouting, relay] };
    const expected = ['catalog 1766/tcp Copilot', 'catalog 1767/tcp Other case', 'catalog 6801/tcp Secure Relay MA'];
    expect(keys(search(both, '', { ...noFilters, product: 'Transfer CFT' }))).toEqual(expected);
    expect(keys(search(both, '1-65535', { ...noFilters, product: 'Transfer CFT' }))).toEqual(expected);
  });

  it('says what lookup says of a query it cannot read', () => {
    expect(search(data, '70000', noFilters)).toEqual({ kind: 'unreadable', reason: 'Unexpected port `70000`, expected PORT, PORT/PROTOCOL or A-B with ports 0–65535' });
    expect(search(data, '22/icmp', noFilters)).toEqual({ kind: 'unreadable', reason: 'Unexpected protocol `icmp`, expected tcp, udp, sctp or dccp' });
    expect(search(data, '!!', noFilters)).toEqual({ kind: 'unreadable', reason: 'Unexpected query `!!` without a letter or digit, expected a port, a range or a name' });
  });
});

describe('portKindsOf', () => {
  const kindAt = (kinds: Uint8Array, port: number) => portKinds[kinds[port] ?? -1];
  const clash: Conflict = { kind: 'different-service', sides: [{ role: 'catalog', record: relay }, { role: 'reference', record: acnet }], explanation: 'x' };

  it('gives each port the strongest kind that covers it', () => {
    const kinds = portKindsOf([...data.catalog, ...data.references], [clash], null);
    expect(kinds).toHaveLength(65536);
    expect(kindAt(kinds, 0)).toBe('free');
    expect(kindAt(kinds, 22)).toBe('assigned');
    expect(kindAt(kinds, 999)).toBe('free');
    expect([1000, 1001, 1002].map((port) => kindAt(kinds, port))).toEqual(['reserved', 'reserved', 'reserved']);
    expect(kindAt(kinds, 1003)).toBe('free');
    expect(kindAt(kinds, 1024)).toBe('category');
    expect(kindAt(kinds, 1766)).toBe('product');
    expect(kindAt(kinds, 6800)).toBe('category');
    expect(kindAt(kinds, 6801)).toBe('clash');
    expect(kindAt(kinds, 49151)).toBe('category');
    expect(kindAt(kinds, 49152)).toBe('free');
  });

  it('counts only the protocol asked for', () => {
    const kinds = portKindsOf([...data.catalog, ...data.references], [clash], 'udp');
    expect(kindAt(kinds, 22)).toBe('free');
    expect(kindAt(kinds, 1766)).toBe('category');
    expect(kindAt(kinds, 6801)).toBe('assigned');
  });

  it('marks only the ports every side of a product clash shares, however many sides', () => {
    const wide = record({ portStart: 7000, portEnd: 7010, product: 'Wide' });
    const middle = record({ portStart: 7004, portEnd: 7008, product: 'Middle' });
    const narrow = record({ portStart: 7006, portEnd: 7020, product: 'Narrow' });
    const threeWay: Conflict = {
      kind: 'product-clash',
      sides: [
        { role: 'catalog', record: wide },
        { role: 'catalog', record: middle },
        { role: 'catalog', record: narrow },
      ],
      explanation: 'x',
    };
    const kinds = portKindsOf([wide, middle, narrow], [threeWay], null);
    expect([7003, 7004, 7005, 7006, 7007, 7008, 7009].map((port) => kindAt(kinds, port))).toEqual(['product', 'product', 'product', 'clash', 'clash', 'clash', 'product']);
  });

  it('marks unassigned and deprecated ports as vacant, under any assignment', () => {
    const vacant = record({ portStart: 10, portEnd: 20, status: 'unassigned' });
    const withdrawn = record({ portStart: 30, status: 'deprecated' });
    const kinds = portKindsOf([vacant, withdrawn, record({ portStart: 15 })], [], null);
    expect([9, 10, 14, 15, 16, 20, 21, 30].map((port) => kindAt(kinds, port))).toEqual(['free', 'vacant', 'vacant', 'assigned', 'vacant', 'vacant', 'free', 'vacant']);
  });

  it('covers the last port', () => {
    const kinds = portKindsOf([record({ portStart: 65530, portEnd: 65535, status: 'reserved' })], [], null);
    expect(kindAt(kinds, 65535)).toBe('reserved');
    expect(kindAt(kinds, 65529)).toBe('free');
  });
});

describe('marksByRecord', () => {
  it('marks both sides of a conflict with the report\u2019s explanation, and unregistered ports and agreements as conflicts words them', () => {
    const vacantRange = record({ portStart: 225, portEnd: 229, status: 'reserved' });
    const inside = record({ portStart: 226, name: 'Inside' });
    const unassigned: PortRecord = record({ portStart: 6802, status: 'unassigned' });
    const marks = marksByRecord({
      conflicts: [
        { kind: 'different-service', sides: [{ role: 'catalog', record: relay }, { role: 'reference', record: acnet }], explanation: '"Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword' },
        { kind: 'product-clash', sides: [{ role: 'catalog', record: relay }, { role: 'catalog', record: copilot }], explanation: 'both use 6801/tcp' },
        { kind: 'assigned-in-vacant-range', sides: [{ role: 'catalog', record: vacantRange }, { role: 'catalog', record: inside }], explanation: '"Inside" is assigned, but the same catalog says reserved' },
      ],
      unregistered: [{ catalog: copilot, reference: null }, { catalog: relay, reference: unassigned }],
      agreements: [{ catalog: ssh, reference: record({ portStart: 22, serviceName: 'ssh' }), method: 'same-keyword' }],
    });
    expect(marks.get(relay)).toEqual([
      { kind: 'conflict', label: 'Conflict', text: '"Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword' },
      { kind: 'clash', label: 'Clash', text: 'both use 6801/tcp' },
      { kind: 'unregistered', label: 'Unregistered', text: 'the reference says unassigned' },
    ]);
    expect(marks.get(acnet)).toEqual([{ kind: 'conflict', label: 'Conflict', text: '"Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword' }]);
    expect(marks.get(copilot)).toEqual([
      { kind: 'clash', label: 'Clash', text: 'both use 6801/tcp' },
      { kind: 'unregistered', label: 'Unregistered', text: 'the reference does not list it' },
    ]);
    expect(marks.get(inside)).toEqual([{ kind: 'conflict', label: 'Conflict', text: 'assigned in a vacant range: "Inside" is assigned, but the same catalog says reserved' }]);
    expect(marks.get(ssh)).toEqual([{ kind: 'agreement', label: 'Agrees', text: 'ssh (same-keyword)' }]);
    expect(marks.get(registered)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityKey, rangeKey } from '../src/catalog/identity.js';
import { fuller, mergeRecords } from '../src/catalog/merge.js';
import { compareRecords, type PortRecord } from '../src/model/record.js';
import { record } from './records.js';

describe('identityKey', () => {
  it('is port range, protocol and the name, folded for case and spacing', () => {
    expect(identityKey(record({ portStart: 7, name: 'Echo' }))).toBe('7-7/tcp/name:echo');
    expect(identityKey(record({ portStart: 7, name: ' ECHO\u0020 ' }))).toBe(identityKey(record({ portStart: 7, name: 'echo' })));
  });

  it('folds the keyword beside a name to lower case, and runs of spaces in a name to one', () => {
    expect(identityKey(record({ portStart: 7, name: 'Echo', serviceName: 'ECHO' }))).toBe('7-7/tcp/name:echo|service:echo');
    expect(identityKey(record({ portStart: 7, name: 'Echo  Service' }))).toBe('7-7/tcp/name:echo service');
  });

  it('falls back to the service keyword, then the product, then the status', () => {
    expect(identityKey(record({ portStart: 22, serviceName: 'SSH' }))).toBe('22-22/tcp/service:ssh');
    expect(identityKey(record({ portStart: 1761, product: 'Transfer CFT' }))).toBe('1761-1761/tcp/product:transfer cft');
    expect(identityKey(record({ portStart: 225, portEnd: 229, status: 'reserved' }))).toBe('225-229/tcp/status:reserved');
  });

  it('differs between protocols, ranges and distinct services on one port', () => {
    const keys = [
      record({ portStart: 105, name: 'CCSO Name Server Protocol' }),
      record({ portStart: 105, name: 'Mailbox Name Nameserver' }),
      record({ portStart: 105, protocol: 'udp', name: 'CCSO Name Server Protocol' }),
      record({ portStart: 105, portEnd: 106, name: 'CCSO Name Server Protocol' }),
    ].map(identityKey);
    expect(new Set(keys).size).toBe(4);
  });

  it('includes the product, so two products, or a product and a catalog service, never share an identity', () => {
    expect(identityKey(record({ portStart: 1768, name: 'REST API', product: 'Transfer CFT' }))).toBe('1768-1768/tcp/product:transfer cft|name:rest api');
    expect(identityKey(record({ portStart: 1768, name: 'REST API', product: 'Acme  GATEWAY' }))).toBe('1768-1768/tcp/product:acme gateway|name:rest api');
    expect(identityKey(record({ portStart: 1768, name: 'REST API' }))).toBe('1768-1768/tcp/name:rest api');
    expect(identityKey(record({ portStart: 1768, serviceName: 'api', product: 'Acme' }))).toBe('1768-1768/tcp/product:acme|service:api');
  });
});

describe('rangeKey', () => {
  it('orders ranges by start, then end, then protocol by code point (dccp, sctp, tcp, udp)', () => {
    const ranges = [
      record({ portStart: 7, protocol: 'udp' }),
      record({ portStart: 7, portEnd: 9 }),
      record({ portStart: 7, protocol: 'dccp' }),
      record({ portStart: 65535, protocol: 'udp' }),
      record({ portStart: 0, portEnd: 65535 }),
      record({ portStart: 7, protocol: 'sctp' }),
      record({ portStart: 7 }),
    ];
    const ordered = [...ranges].sort((a, b) => rangeKey(a) - rangeKey(b));
    expect(ordered.map((each) => `${each.portStart}-${each.portEnd}/${each.protocol}`)).toEqual([
      '0-65535/tcp',
      '7-7/dccp',
      '7-7/sctp',
      '7-7/tcp',
      '7-7/udp',
      '7-9/tcp',
      '65535-65535/udp',
    ]);
    expect(rangeKey(record({ portStart: 65535, protocol: 'udp' }))).toBe(17179869183);
    expect(rangeKey(record({ portStart: 0, protocol: 'dccp' }))).toBe(0);
  });
});

describe('mergeRecords', () => {
  it('merges one identity from two sources into one record with both sources and the fuller fields', () => {
    const { records, duplicates } = mergeRecords([
      record({ portStart: 7, name: 'Echo', references: ['RFC862'], sources: [{ source: 'b', line: 9 }] }),
      record({ portStart: 7, name: 'echo', description: 'Echoes data.', notes: ['n'], sources: [{ source: 'a', line: 3 }] }),
    ]);
    expect(records).toEqual([
      record({
        portStart: 7,
        name: 'Echo',
        description: 'Echoes data.',
        references: ['RFC862'],
        notes: ['n'],
        sources: [
          { source: 'a', line: 3 },
          { source: 'b', line: 9 },
        ],
      }),
    ]);
    expect(duplicates).toEqual([]);
  });

  it('drops an exact duplicate and reports it when both come from one source', () => {
    const first = record({ portStart: 49152, portEnd: 65535, category: 'dynamic', sources: [{ source: 'list', line: 699 }] });
    const again = { ...first, sources: [{ source: 'list', line: 703 }] };
    const { records, duplicates } = mergeRecords([again, first]);
    expect(records).toEqual([{ ...first, sources: [{ source: 'list', line: 699 }, { source: 'list', line: 703 }] }]);
    expect(duplicates).toEqual([
      { record: records[0], first: { source: 'list', line: 699 }, duplicate: { source: 'list', line: 703 } },
    ]);
  });

  it('keeps distinct services on one port distinct', () => {
    const { records } = mergeRecords([
      record({ portStart: 126, name: 'Unisys Unitary Login' }),
      record({ portStart: 126, name: 'NXEdit' }),
    ]);
    expect(records.map((r) => r.name)).toEqual(['NXEdit', 'Unisys Unitary Login']);
  });

  it('gives the same result whatever the input order', () => {
    const input = [
      record({ portStart: 80, name: 'HTTP', sources: [{ source: 'a', line: 1 }] }),
      record({ portStart: 80, name: 'http', description: 'web', sources: [{ source: 'b', line: 2 }] }),
      record({ portStart: 22, protocol: 'udp', name: 'pcAnywhere' }),
      record({ portStart: 22, name: 'SSH' }),
    ];
    const forward = mergeRecords(input).records;
    expect(mergeRecords([...input].reverse()).records).toEqual(forward);
    expect(forward.map((r) => [r.portStart, r.protocol, r.name])).toEqual([
      [22, 'tcp', 'SSH'],
      [22, 'udp', 'pcAnywhere'],
      [80, 'tcp', 'HTTP'],
    ]);
  });
});

describe('merging many services on one port', () => {
  it('keeps each of 20 names on one port apart and merges the repeats of each, past the point where it indexes them', () => {
    const names = Array.from({ length: 20 }, (_, index) => `Service ${String.fromCharCode(65 + index)}`);
    const input = [...names, ...names.slice(0, 5)].map((name, index) => record({ portStart: 8080, name, sources: [{ source: 'list', line: index + 1 }] }));
    const { records, duplicates } = mergeRecords(input);
    expect(records.map((each) => [each.name, each.sources.map((ref) => ref.line)])).toEqual(
      names.map((name, index) => [name, index < 5 ? [index + 1, index + 21] : [index + 1]]),
    );
    expect(duplicates.map((each) => [each.first.line, each.duplicate.line])).toEqual([[1, 21], [2, 22], [3, 23], [4, 24], [5, 25]]);
  });

  it('gives records in catalog order and the same records for any input order', () => {
    const entry = fc.record({
      portStart: fc.constantFrom(0, 7, 8, 65535),
      span: fc.constantFrom(0, 0, 2),
      protocol: fc.constantFrom('tcp', 'udp', 'sctp', 'dccp'),
      name: fc.constantFrom(null, 'Echo', 'echo', 'Other', 'Z'),
      serviceName: fc.constantFrom(null, 'echo', 'x'),
      line: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const input = entries.map(({ span, line, ...fields }) => record({ ...fields, portEnd: Math.min(65535, fields.portStart + span), sources: [{ source: 'list', line }] }));
        const { records } = mergeRecords(input);
        expect(records).toEqual([...records].sort(compareRecords));
        expect(mergeRecords([...input].reverse()).records).toEqual(records);
        expect(new Set(records.map(identityKey)).size).toBe(records.length);
        expect(new Set(input.map(identityKey)).size).toBe(records.length);
      }),
      { numRuns: 300, seed: 1204 },
    );
  });
});

describe('catalog order', () => {
  const at = (portStart: number, portEnd: number, fields: Partial<PortRecord> = {}) => record({ portStart, portEnd, ...fields });
  const labels = (records: readonly PortRecord[]) =>
    records.map((r) => `${r.portStart}-${r.portEnd}/${r.protocol} ${r.name ?? '-'} ${r.product ?? '-'}`);

  it('puts a port before a range that starts on it, and shorter ranges before longer ones', () => {
    const input = [at(1024, 1030, { name: 'A' }), at(1025, 1025, { name: 'C' }), at(1024, 1024, { name: 'B' }), at(1024, 1026, { name: 'D' }), at(1023, 2000, { name: 'E' })];
    const expected = ['1023-2000/tcp E -', '1024-1024/tcp B -', '1024-1026/tcp D -', '1024-1030/tcp A -', '1025-1025/tcp C -'];
    expect(labels(mergeRecords(input).records)).toEqual(expected);
    expect(labels(mergeRecords([...input].reverse()).records)).toEqual(expected);
    expect(labels([...input].sort(compareRecords))).toEqual(expected);
  });

  it('then orders by protocol, name and product in code-point order, null first', () => {
    const input = [
      at(7, 7, { protocol: 'udp', name: 'Echo' }),
      at(7, 7, { protocol: 'tcp', name: 'echo', product: 'Z' }),
      at(7, 7, { protocol: 'tcp', name: 'Echo', product: 'b' }),
      at(7, 7, { protocol: 'tcp', name: 'Echo', product: 'B' }),
      at(7, 7, { protocol: 'tcp', name: 'Echo' }),
      at(7, 7, { protocol: 'tcp', name: null, status: 'unassigned' }),
      at(7, 7, { protocol: 'sctp', name: 'Echo' }),
      at(7, 7, { protocol: 'dccp', name: 'Echo' }),
    ];
    expect(labels([...input].sort(compareRecords))).toEqual([
      '7-7/dccp Echo -',
      '7-7/sctp Echo -',
      '7-7/tcp - -',
      '7-7/tcp Echo -',
      '7-7/tcp Echo B',
      '7-7/tcp Echo b',
      '7-7/tcp echo Z',
      '7-7/udp Echo -',
    ]);
  });

  it('tells apart records equal in all those, by keyword, config key, status and then sources', () => {
    const base = { name: 'X', product: 'P' };
    const input = [
      at(9, 9, { ...base, serviceName: 'b' }),
      at(9, 9, { ...base, serviceName: 'a', configKey: 'k2' }),
      at(9, 9, { ...base, serviceName: 'a', configKey: 'k1', status: 'reserved' }),
      at(9, 9, { ...base, serviceName: 'a', configKey: 'k1', status: 'assigned', sources: [{ source: 's', line: 5 }] }),
      at(9, 9, { ...base, serviceName: 'a', configKey: 'k1', status: 'assigned', sources: [{ source: 's', line: 4 }, { source: 't', line: 1 }] }),
      at(9, 9, { ...base, serviceName: 'a', configKey: 'k1', status: 'assigned', sources: [{ source: 's', line: 4 }] }),
      at(9, 9, { ...base, serviceName: null }),
    ];
    const order = [...input].sort(compareRecords).map((r) => input.indexOf(r));
    expect(order).toEqual([6, 5, 4, 3, 2, 1, 0]);
    for (const [index, item] of input.entries()) expect(compareRecords(item, item), `record ${index}`).toBe(0);
  });
});

describe('fuller', () => {
  it('prefers a value to null, the longer value, then code-point order', () => {
    expect(fuller(null, 'a')).toBe('a');
    expect(fuller('a', null)).toBe('a');
    expect(fuller('Echo', 'Echo service')).toBe('Echo service');
    expect(fuller('echo', 'Echo')).toBe('Echo');
    expect(fuller(null, null)).toBeNull();
  });
});

describe('merging never drops text', () => {
  it('keeps the text it does not keep as the field in notes, and says where each came from', () => {
    const inbound = record({ portStart: 25, name: 'SMTP', description: 'Inbound mail', direction: 'in', sources: [{ source: 'page', line: 12 }] });
    const outbound = record({ portStart: 25, name: 'SMTP', description: 'Outbound relay mail', direction: 'out', sources: [{ source: 'page', line: 14 }] });
    const { records, disagreements } = mergeRecords([outbound, inbound]);
    expect(records).toEqual([
      record({
        portStart: 25,
        name: 'SMTP',
        description: 'Outbound relay mail',
        direction: 'both',
        notes: ['Also: Inbound mail'],
        sources: [
          { source: 'page', line: 12 },
          { source: 'page', line: 14 },
        ],
      }),
    ]);
    expect(disagreements.map(({ field, kept, other }) => [field, kept.ref.line, kept.text, other.ref.line, other.text])).toEqual([
      ['description', 14, 'Outbound relay mail', 12, 'Inbound mail'],
    ]);
  });

  it('merges 4,000 repeats of one entry in linear time, keeping one source each', () => {
    const repeats = Array.from({ length: 4000 }, (_, index) => record({ portStart: 80, name: 'HTTP', sources: [{ source: 'page', line: index + 1 }] }));
    const { records, duplicates } = mergeRecords(repeats);
    expect(records).toHaveLength(1);
    expect(records[0]?.sources).toHaveLength(4000);
    expect(duplicates).toHaveLength(3999);
  });
});

describe('merging one identity field by field', () => {
  const at = (line: number, fields: Partial<PortRecord> = {}, source = 'list') => record({ portStart: 53, name: 'Domain', ...fields, sources: [{ source, line }] });
  const mergedOf = (...records: PortRecord[]) => {
    const { records: merged } = mergeRecords(records);
    expect(merged).toHaveLength(1);
    return merged[0] as PortRecord;
  };

  it('unions aliases in code-point order, leaving out the merged keyword', () => {
    expect(mergedOf(at(1, { serviceName: 'domain', aliases: ['zone', 'dns'] }), at(2, { serviceName: 'domain', aliases: ['bind', 'domain'] })).aliases).toEqual(['bind', 'dns', 'zone']);
  });

  it('combines directions: one stated stands, the same twice is itself, in and out make both', () => {
    const direction = (a: PortRecord['direction'], b: PortRecord['direction']) => mergedOf(at(1, { direction: a }), at(2, { direction: b })).direction;
    expect(direction(null, 'in')).toBe('in');
    expect(direction('out', null)).toBe('out');
    expect(direction('in', 'in')).toBe('in');
    expect(direction('in', 'out')).toBe('both');
    expect(direction('both', 'in')).toBe('both');
    expect(direction(null, null)).toBeNull();
  });

  it('keeps the fuller text, and reports the other with its label: keywords differ only in case within one identity', () => {
    const { records, disagreements } = mergeRecords([
      at(1, { serviceName: 'dns', configKey: 'a.port' }),
      at(2, { serviceName: 'DNS', configKey: 'b.dns.port' }),
    ]);
    expect(records.map((each) => [each.serviceName, each.configKey, each.notes])).toEqual([['DNS', 'b.dns.port', ['Also known as: dns', 'Also configured by: a.port']]]);
    expect(disagreements.map(({ field, kept, other }) => [field, kept.text, kept.ref.line, other.text, other.ref.line])).toEqual([
      ['serviceName', 'DNS', 2, 'dns', 1],
      ['configKey', 'b.dns.port', 2, 'a.port', 1],
    ]);
  });

  it('keeps notes in one order whatever the input order', () => {
    const forward = mergedOf(at(1, { notes: ['zulu'] }), at(2, { notes: ['alpha'] }));
    const backward = mergedOf(at(2, { notes: ['alpha'] }), at(1, { notes: ['zulu'] }));
    expect(forward.notes).toEqual(['zulu', 'alpha']);
    expect(backward.notes).toEqual(['zulu', 'alpha']);
  });

  it('reports a repeat within one source, not a second source’s same entry', () => {
    const { records, duplicates } = mergeRecords([at(3), at(40, {}, 'page'), at(9), at(41, {}, 'page')]);
    expect(records[0]?.sources).toEqual([
      { source: 'list', line: 3 },
      { source: 'list', line: 9 },
      { source: 'page', line: 40 },
      { source: 'page', line: 41 },
    ]);
    expect(duplicates.map(({ first, duplicate }) => `${first.source}:${first.line} ← ${duplicate.source}:${duplicate.line}`)).toEqual(['list:3 ← list:9', 'page:40 ← page:41']);
  });
});

describe('fuller', () => {
  it('prefers the longer text even when the shorter comes first in code-point order', () => {
    expect(fuller('a', 'bb')).toBe('bb');
    expect(fuller('bb', 'a')).toBe('bb');
  });
});

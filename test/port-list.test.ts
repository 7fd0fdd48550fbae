/**
 * The scraped port list (sources/port-numbers.txt), parsed in full. Every
 * expectation below was written from reading the seed, line by line.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readSourceText } from '../src/input/source-text.js';
import { compareMessages, formatMessage } from '../src/model/messages.js';
import { parsePortList, readPortList } from '../src/parsers/port-list/parse.js';
import type { PortRecord, Protocol } from '../src/model/record.js';
import { buildFolder, shared } from './helpers.js';
import { record } from './records.js';

const path = 'sources/port-numbers.txt';
const seedLines = readFileSync(path, 'utf8').split('\n');

/** Records a port-list entry should give, one per protocol; the category is well-known unless given. */
function entry(
  ports: string,
  protocols: Protocol[],
  line: number,
  fields: Partial<PortRecord> = {},
): PortRecord[] {
  const [start = 0, end = start] = ports.split('-').map(Number);
  return protocols.map((protocol) =>
    record({
      portStart: start,
      portEnd: end,
      protocol,
      sources: [{ source: 'port-numbers', line }],
      ...fields,
    }),
  );
}

const both: Protocol[] = ['tcp', 'udp'];

const expected: PortRecord[] = [
  // Tab rows with tab-indented details, "More" link artifacts and an <i> note (lines 7–19).
  ...entry('0', both, 7, { status: 'reserved', description: 'Technique sometimes used in network programming.' }),
  ...entry('1', ['tcp'], 9, {
    name: 'TCPMUX - TCP Port Service Multiplexer',
    description: 'Allows any of multiple TCP services to be contacted by their service name.',
    references: ['RFC1078'],
    notes: ['Trojans - Sockets des Troie'],
  }),
  ...entry('2', ['tcp'], 12, {
    name: 'Management Utility',
    description: 'Formerly used by Compressnet product for compression of TCP WAN traffic.',
  }),
  ...entry('4', both, 16, { status: 'unassigned' }),
  ...entry('5', both, 17, {
    name: 'Remote Job Entry',
    description: 'Mechanism for executing batch jobs remotely.',
    references: ['RFC407'],
  }),
  // Blank-line blocks (lines 21–37).
  ...entry('7', both, 21, {
    name: 'Echo',
    description: 'When enabled for debugging purposes, returns to the source any data received.',
    references: ['RFC862'],
  }),
  ...entry('8', both, 27, { status: 'unassigned' }),
  ...entry('9', both, 31, {
    name: 'Discard',
    description: 'When enabled for debugging purposes, throws away any data received with no response sent.',
    references: ['RFC863'],
  }),
  // Markdown bullets (lines 39–118).
  ...entry('10', both, 39, { status: 'unassigned' }),
  ...entry('11', ['tcp'], 44, { name: 'Active Users', description: 'Unix TCP systat.', references: ['RFC866'] }),
  ...entry('13', both, 56, { name: 'Daytime', references: ['RFC867'] }),
  ...entry('15', both, 68, { status: 'unassigned', description: 'Unix netstat' }),
  ...entry('18', both, 87, {
    name: 'Message Send Protocol and Remote Write Protocol (RWP)',
    references: ['RFC1312', 'RFC1756'],
  }),
  ...entry('21', ['tcp'], 109, { name: 'File Transfer - FTP control' }),
  ...entry('22', ['tcp'], 114, { name: 'SSH Remote Login Protocol' }),
  // Tab rows with RFC mentions in the name column.
  ...entry('22', ['udp'], 120, { name: 'pcAnywhere' }),
  ...entry('25', ['tcp'], 123, { name: 'Simple Mail Transfer Protocol (SMTP)', references: ['RFC821'] }),
  ...entry('39', ['udp'], 140, { name: 'Resource Location Protocol', references: ['RFC887'] }),
  ...entry('43', ['tcp'], 147, { name: 'WHOIS', description: 'Also known as NICNAME.', references: ['RFC954'] }),
  ...entry('49', ['tcp'], 153, {
    name: 'Login Host Protocol',
    description: 'Also known as TACACS.',
    references: ['RFC927', 'RFC1492'],
  }),
  ...entry('57', both, 165, {
    name: 'private terminal access',
    description: 'For example, TCP Mail Transfer Protocol (MTP).',
    references: ['RFC772', 'RFC780'],
  }),
  ...entry('66', both, 177, { name: 'Oracle SQL*NET' }),
  // A tab row whose RFC comes after a blank line (lines 205–207).
  ...entry('88', both, 205, { name: 'Kerberos Network Authentication Service', references: ['RFC1510'] }),
  // Inline bold names, with an RFC or a description on a following line.
  ...entry('89', both, 209, { name: 'SU/MIT Telnet Gateway' }),
  ...entry('95', both, 223, { name: 'SUPDUP Display Protocol', references: ['RFC734'] }),
  ...entry('98', both, 233, {
    name: 'TAC News',
    description: 'Unofficially used today by Linux utility linuxconf.',
  }),
  // The ambiguous layout around ports 100 and 101 (lines 241–253): 100 says only "No longer used", and the
  // bold name after it is 101's, as 101 has no text of its own (IANA's 101 is the NIC host name server); reported.
  ...entry('100', both, 241, { status: 'deprecated' }),
  ...entry('101', both, 253, { name: 'Network Information Center (NIC) Hostname Server' }),
  // Per-protocol names (102), a lone UDP line (103), a name wrapped over TCP and UDP lines (104).
  ...entry('102', ['tcp'], 255, {
    name: 'ISO Transport Service over TCP/IP (ITOT)',
    references: ['RFC2126'],
    notes: ['ITOT: RFC2126'],
  }),
  ...entry('102', ['udp'], 255, { name: 'Microsoft MTA X.400' }),
  ...entry('103', both, 259, { name: 'Genesis Point-to-Point Trans Net' }),
  ...entry('104', both, 262, {
    name: 'American College of Radiology - National Electrical Manufacturers Association (ACR-NEMA) Digital Imaging and Communications (DICOM)',
  }),
  // Distinct services sharing a port stay distinct (105, 124/udp, 126).
  ...entry('105', both, 266, {
    name: 'CCSO Name Server Protocol',
    description: 'Computing and Communications Services Office',
    references: ['RFC2378'],
  }),
  ...entry('105', both, 270, { name: 'Mailbox Name Nameserver' }),
  ...entry('106', both, 273, { name: 'poppassd', description: 'Change passwords on POP mailservers.' }),
  ...entry('110', both, 290, { name: 'Post Office Protocol (POP) Version 3', references: ['RFC1939'] }),
  ...entry('113', both, 298, {
    name: 'Authentication Service (auth) Identification Protocol (ident)',
    references: ['RFC912', 'RFC1413'],
    notes: ['Auth: RFC912', 'Ident: RFC1413'],
  }),
  ...entry('124', both, 312, { name: 'ANSA REX Trader' }),
  ...entry('124', ['udp'], 313, { name: 'SecurID' }),
  ...entry('126', both, 315, { name: 'NXEdit' }),
  ...entry('126', both, 316, { name: 'Unisys Unitary Login' }),
  // Ranges stay ranges; RESERVED, Unassigned and Reserved are statuses.
  ...entry('225-229', both, 447, { status: 'reserved' }),
  ...entry('230-239', both, 451, { status: 'reserved' }),
  ...entry('270-279', both, 490, { status: 'unassigned' }),
  ...entry('706', both, 557, {
    name: 'Secure Internet Live Conferencing (SILC)',
    description: 'See www.silcnet.org for details.',
  }),
  ...entry('750', ['tcp'], 584, { name: 'Rfile / Kerberos' }),
  ...entry('750', ['udp'], 585, { name: 'Kerberos / Loadav' }),
  ...entry('799', ['udp'], 637, { status: 'unassigned' }),
  // The overlapping ranges of the issue, kept as the source says.
  ...entry('875-885', both, 654, { status: 'unassigned' }),
  ...entry('876', both, 655, { name: 'ICL coNETion locate server' }),
  ...entry('914-998', both, 670, { status: 'unassigned' }),
  ...entry('989', both, 671, { name: 'FTP Data Over TLS/SSL' }),
  ...entry('1011-1023', both, 693, { status: 'reserved' }),
  // Range headings followed by prose are entries; the repeated last block merges into one.
  // Ranges that name a port category are no assignment.
  ...entry('1024-49151', both, 695, {
    status: 'category',
    category: 'registered',
    name: 'registered ports',
    description:
      'TCP and UDP port numbers between 1024 and 49151 are called registered ports. The IANA maintains a listing of services using ports in this range to minimize conflicting uses. Unlike ports with lower numbers, developers of new TCP/UDP services can select a specific number to register with IANA rather than having a number assigned to them. Using registered ports also avoids the additional security restrictions that operating systems place on ports with lower numbers.',
  }),
  ...entry('49152-65535', both, 699, {
    status: 'category',
    category: 'dynamic',
    name: 'dynamic ports',
    description:
      'TCP and UDP port numbers beginning with 49152 are called dynamic ports or private ports or ephemeral ports. Dynamic ports are not managed by any governing body like IANA and have no special usage restrictions. Services typically grab one or more random free ports in this range when they need to perform multithreaded socket communications.',
    sources: [
      { source: 'port-numbers', line: 699 },
      { source: 'port-numbers', line: 703 },
    ],
  }),
];

describe('the port list seed', () => {
  const seed = shared(async () => {
    const result = await buildFolder('sources', ['port-numbers']);
    const file = result.files.find((candidate) => candidate.path.endsWith('port-numbers.txt'));
    return {
      records: result.dataset.records.filter((record) => record.sources.some((ref) => ref.source === 'port-numbers')),
      messages: [...(file?.messages ?? [])].sort(compareMessages).map(formatMessage),
    };
  });

  it(`gives the ${expected.length} records checked by hand, field by field`, async () => {
    const { records } = await seed();
    for (const want of expected) {
      const found = records.filter(
        (r) => r.portStart === want.portStart && r.portEnd === want.portEnd && r.protocol === want.protocol && r.name === want.name,
      );
      expect(found, `${want.portStart}-${want.portEnd}/${want.protocol} ${want.name}`).toEqual([want]);
    }
  });

  it('gives no record besides these on the ports and protocols checked', async () => {
    const { records } = await seed();
    const key = (r: PortRecord) => `${r.portStart}-${r.portEnd}/${r.protocol}`;
    const checked = new Set(expected.map(key));
    const label = (r: PortRecord) => `${key(r)} ${r.name ?? r.status}`;
    expect(records.filter((r) => checked.has(key(r))).map(label).sort()).toEqual(expected.map(label).sort());
  });

  it('gives one record per protocol for every entry, and nothing outside 0–349, 700–1023 and the two ranges', async () => {
    const { records } = await seed();
    const outside = records.filter(
      (r) => !(r.portEnd <= 349 || (r.portStart >= 700 && r.portEnd <= 1023) || r.portStart === 1024 || r.portStart === 49152),
    );
    expect(outside).toEqual([]);
    // 410 entries give 771 records (one per protocol); the repeated closing block merges 2 of them.
    expect(records).toHaveLength(769);
  });

  it('reports the ambiguous spots, the overlaps and the duplicate block, each at its line', async () => {
    const { messages } = await seed();
    const vacancy = (line: number, port: string, name: string, range: string, rangeLine: number, protocols: string) =>
      `${path}:${line}:1: warning: Unexpected assigned port ${port} (${name}) inside the unassigned range ${range} at line ${rangeLine} (${protocols}), expected no overlap; both kept (overlap:vacancy)`;
    expect(messages).toEqual([
      `${path}:246:1: warning: Ambiguous name \`Network Information Center (NIC) Hostname Server\` between port 100 and port 101, which has no text of its own, expected it right after a port line; read as the name of port 101 (port-list:ambiguous-name)`,
      `${path}:554:1: info: Unexpected gap of 350 ports without an entry (350–699) between port 349 at line 550 and port 700, expected a list to cover its span; the list says nothing of these ports (coverage:gap)`,
      vacancy(655, '876', 'ICL coNETion locate server', '875–885', 654, 'tcp, udp'),
      vacancy(656, '877', 'ICL coNETion server info', '875–885', 654, 'tcp, udp'),
      vacancy(671, '989', 'FTP Data Over TLS/SSL', '914–998', 670, 'tcp, udp'),
      vacancy(673, '990', 'FTP Control Over TLS/SSL', '914–998', 670, 'tcp, udp'),
      vacancy(674, '991', 'Netnews Administration System', '914–998', 670, 'tcp, udp'),
      vacancy(675, '992', 'Secure Telnet (over TLS/SSL)', '914–998', 670, 'tcp, udp'),
      vacancy(676, '993', 'Secure IMAP4 (over TLS/SSL)', '914–998', 670, 'tcp, udp'),
      vacancy(677, '994', 'Secure IRC (over TLS/SSL)', '914–998', 670, 'tcp, udp'),
      vacancy(678, '995', 'Secure POP3 (over TLS/SSL)', '914–998', 670, 'tcp, udp'),
      vacancy(679, '996', 'Vsinet / Central Point Software Xtree License Server', '914–998', 670, 'tcp'),
      vacancy(680, '996', 'Vsinet', '914–998', 670, 'udp'),
      vacancy(681, '997', 'Maitrd', '914–998', 670, 'tcp, udp'),
      vacancy(682, '998', 'Busboy', '914–998', 670, 'tcp'),
      vacancy(683, '998', 'Puparp', '914–998', 670, 'udp'),
      `${path}:703:1: info: Duplicate entry for 49152–65535 (tcp, udp), merged into the one at line 699 (merge:duplicate)`,
    ]);
  });
});

describe('line accounting on the seed', () => {
  const parsed = shared(() => {
    const file = new VFile({ path, value: readFileSync(path) });
    readSourceText(file);
    const result = parsePortList(file);
    return { ...result, roles: result.lineRoles ?? [] };
  });

  it('gives every line a role, and every non-blank line one of entry or structure', () => {
    const { roles } = parsed();
    expect(roles).toHaveLength(seedLines.length);
    roles.forEach((role, index) => {
      const blank = (seedLines[index] ?? '').trim() === '';
      expect(role, `line ${index + 1}`).toBe(blank ? 'blank' : role === 'structure' ? 'structure' : 'entry');
    });
  });

  it('counts 485 entry lines, 48 structure lines and no unaccounted line', () => {
    const { roles } = parsed();
    const count = (role: string) => roles.filter((r) => r === role).length;
    expect([count('entry'), count('structure'), count('diagnostic')]).toEqual([485, 48, 0]);
    expect(count('entry') + count('structure')).toBe(seedLines.filter((line) => line.trim() !== '').length);
  });

  it('takes as structure exactly the title, the section headings and the separator rows', () => {
    const { roles, documentTitle } = parsed();
    const structure = roles.flatMap((role, index) => (role === 'structure' ? [index + 1] : []));
    const headings = seedLines.flatMap((text, index) => (/^\d+-\d+$/.test(text) ? [index + 1] : []));
    const rangeEntries = [695, 699, 703];
    expect(structure).toEqual(
      [3, ...headings.filter((line) => !rangeEntries.includes(line)), 452, 491, 508].sort((a, b) => a - b),
    );
    expect(documentTitle).toBe('Port Numbers');
  });

  it('finds 410 entries', () => {
    const { entries } = parsed();
    expect(entries).toHaveLength(410);
  });
});

describe('the port list as a stream', () => {
  it('gives each entry as soon as a later line ends it, before reading on', () => {
    const file = new VFile({ path: 'list.txt', value: '7\tTCP\tEcho\n9\tUDP\tDiscard\n\n42 fits no layout\n' });
    const stream = readPortList(file);
    const first = stream.next();
    expect(first.done === false && [first.value.port, first.value.name, first.value.place.line]).toEqual(['7', 'Echo', 1]);
    expect(file.messages).toEqual([]);
    const second = stream.next();
    expect(second.done === false && [second.value.port, second.value.name, second.value.place.line]).toEqual(['9', 'Discard', 2]);
    const end = stream.next();
    expect(end.done).toBe(true);
    expect(end.done === true && end.value).toEqual({ documentTitle: null, lineRoles: ['entry', 'entry', 'blank', 'diagnostic', 'blank'] });
    expect(file.messages.map(formatMessage)).toEqual([
      'list.txt:4:1: warning: Unexpected line that starts with a port but fits no layout, expected `PORT<TAB>PROTOCOLS<TAB>NAME`, `PORT PROTOCOLS`, `PORT PROTOCOLS **NAME**` or `- PORT` (port-list:entry-layout)',
    ]);
  });
});

describe('range headings and bullets, at their edges', () => {
  const read = (text: string) => {
    const file = new VFile({ path: 'list.txt', value: text });
    const { entries, lineRoles } = parsePortList(file);
    return { entries, lineRoles, messages: file.messages.map(formatMessage) };
  };

  it('places a bullet’s port at its first digit, however many spaces follow the dash', () => {
    const { entries } = read('-   10\n\nTCP\n\nEcho\n');
    expect(entries.map((entry) => [entry.port, entry.portPlace])).toEqual([['10', { line: 1, column: 5 }]]);
  });

  it('gives a range entry the protocols written on their own line under its heading', () => {
    const { entries } = read('1024-49151\nTCP UDP\n\nPorts in this range are **registered ports**.\n');
    expect(entries.map((entry) => [entry.port, entry.protocols, entry.name])).toEqual([['1024-49151', ['TCP', 'UDP'], 'registered ports']]);
  });

  it('takes a heading followed by no prose, or by a line that opens like an entry, as structure', () => {
    const noProse = read('0-9\n\n7 TCP UDP\n\nEcho\n\n20-29\nTCP UDP\n');
    expect(noProse.entries.map((entry) => entry.port)).toEqual(['7']);
    expect(noProse.lineRoles?.[0]).toBe('structure');
    const entryLike = read('Ports\n\n1024-49151\n42 fits no layout\n');
    expect(entryLike.entries).toEqual([]);
    expect(entryLike.lineRoles).toEqual(['structure', 'blank', 'structure', 'diagnostic', 'blank']);
    expect(entryLike.messages).toEqual([
      'list.txt:4:1: warning: Unexpected line that starts with a port but fits no layout, expected `PORT<TAB>PROTOCOLS<TAB>NAME`, `PORT PROTOCOLS`, `PORT PROTOCOLS **NAME**` or `- PORT` (port-list:entry-layout)',
      'list.txt:1:1: error: Unexpected document without port entries, expected lines such as `80<TAB>TCP<TAB>HTTP` (port-list:no-entries)',
    ]);
  });
});

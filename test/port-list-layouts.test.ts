import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { compareMessages, formatMessage } from '../src/model/messages.js';
import {
  blockHeader,
  bullet,
  inlineBold,
  isSeparator,
  lineStart,
  protocolBold,
  protocolsOnly,
  rangeHeading,
  rangeIntroProtocols,
  tabDetail,
  tabRow,
} from '../src/parsers/port-list/layouts.js';
import { parsePortList } from '../src/parsers/port-list/parse.js';

describe('port-list line layouts', () => {
  it('lineStart: the first layout that reads the line, in the parser’s order', () => {
    expect(lineStart('---------\t---------')).toEqual({ kind: 'separator' });
    expect(lineStart('20-29')).toEqual({ kind: 'range-heading', range: '20-29' });
    expect(lineStart('25\tTCP\tSMTP')).toEqual({ kind: 'tab-row', row: { port: '25', protocols: 'TCP', name: 'SMTP' } });
    expect(lineStart('89 TCP UDP **SU/MIT Telnet Gateway**')).toEqual({ kind: 'inline-bold', entry: { port: '89', protocols: ['TCP', 'UDP'], name: 'SU/MIT Telnet Gateway' } });
    expect(lineStart('7 TCP UDP')).toEqual({ kind: 'block-header', entry: { port: '7', protocols: ['TCP', 'UDP'] } });
    expect(lineStart('- 10')).toEqual({ kind: 'bullet', port: '10' });
    expect(lineStart('42 fits no layout')).toEqual({ kind: 'entry-like' });
    expect(lineStart('Echo service')).toEqual({ kind: 'text' });
    // Indentation and runs of spaces change nothing.
    expect(lineStart('   7   TCP  UDP  ')).toEqual(lineStart('7 TCP UDP'));
  });

  it('tabRow: port, protocols and name, trailing tabs dropped', () => {
    expect(tabRow('225-229\tTCP UDP\tRESERVED')).toEqual({ port: '225-229', protocols: 'TCP UDP', name: 'RESERVED' });
    expect(tabRow('22\tUDP\tpcAnywhere\t')).toEqual({ port: '22', protocols: 'UDP', name: 'pcAnywhere' });
    expect(tabRow('abc\tTCP\tX')).toEqual({ port: 'abc', protocols: 'TCP', name: 'X' });
    expect(tabRow('\tTechnique sometimes used. More\t')).toBeNull();
    expect(tabRow('See www.silcnet.org for details.\t\t')).toBeNull();
  });

  it('tabDetail: a single field after a leading tab', () => {
    expect(tabDetail('\tFormerly used by Compressnet.\t')).toBe('Formerly used by Compressnet.');
    expect(tabDetail('\t<i>Trojans - Sockets des Troie</i>\t')).toBe('<i>Trojans - Sockets des Troie</i>');
    expect(tabDetail('7 TCP UDP')).toBeNull();
  });

  it('inlineBold: port, protocols and a bold name', () => {
    expect(inlineBold('89 TCP UDP **SU/MIT Telnet Gateway**')).toEqual({
      port: '89',
      protocols: ['TCP', 'UDP'],
      name: 'SU/MIT Telnet Gateway',
    });
    expect(inlineBold('102 TCP **ISO Transport Service over TCP/IP (ITOT) |**')).toEqual({
      port: '102',
      protocols: ['TCP'],
      name: 'ISO Transport Service over TCP/IP (ITOT) |',
    });
    expect(inlineBold('89 TCP UDP SU/MIT Telnet Gateway')).toBeNull();
  });

  it('blockHeader, bullet, protocolsOnly and protocolBold', () => {
    expect(blockHeader('7 TCP UDP')).toEqual({ port: '7', protocols: ['TCP', 'UDP'] });
    expect(blockHeader('7 TCP UDP Echo')).toBeNull();
    expect(bullet('- 10')).toBe('10');
    expect(bullet('- ten')).toBeNull();
    expect(protocolsOnly('TCP UDP')).toEqual(['TCP', 'UDP']);
    expect(protocolsOnly('UDP')).toEqual(['UDP']);
    expect(protocolsOnly('TCP and UDP port numbers')).toBeNull();
    expect(protocolBold('UDP **Microsoft MTA X.400**')).toEqual({ protocol: 'UDP', name: 'Microsoft MTA X.400' });
  });

  it('rangeHeading, separators and the protocols a range intro opens with', () => {
    expect(rangeHeading('1024-49151')).toBe('1024-49151');
    expect(rangeHeading('0-9 ')).toBe('0-9');
    expect(isSeparator('---------\t---------\t-----------------')).toBe(true);
    expect(isSeparator('-- 10')).toBe(false);
    expect(rangeIntroProtocols('TCP and UDP port numbers beginning with 49152')).toEqual(['TCP', 'UDP']);
    expect(rangeIntroProtocols('Ports between 1024 and 49151')).toBeNull();
  });
});

function parse(text: string) {
  const file = new VFile({ path: 'list.txt', value: text });
  const result = parsePortList(file);
  return { ...result, messages: [...file.messages].sort(compareMessages).map(formatMessage) };
}

describe('parsePortList on small documents', () => {
  it('attaches tab details, notes, run-on lines and later prose to the entry above', () => {
    const { entries, lineRoles, documentTitle } = parse(
      [
        'Port Numbers',
        '',
        '1\tTCP\tTCPMUX - TCP Port Service Multiplexer',
        '\tAllows any TCP service. RFC 1078. More\t',
        '\t<i>Trojans - Sockets des Troie</i>\t',
        'See the site for details.\t\t',
        '',
        'RFC 1510.',
      ].join('\n'),
    );
    expect(documentTitle).toBe('Port Numbers');
    expect(entries).toEqual([
      {
        place: { line: 3, column: 1 },
        portPlace: { line: 3, column: 1 },
        port: '1',
        protocols: ['TCP'],
        name: 'TCPMUX - TCP Port Service Multiplexer',
        description: 'Allows any TCP service. RFC 1078. See the site for details. RFC 1510.',
        notes: ['Trojans - Sockets des Troie'],
        serviceName: null,
        aliases: [],
        configKey: null,
        direction: null,
        aliasOf: null,
        references: [],
      },
    ]);
    expect(lineRoles).toEqual(['structure', 'blank', 'entry', 'entry', 'entry', 'entry', 'blank', 'entry']);
  });

  it('reads the name of a block entry from its first paragraph and the rest as description', () => {
    const { entries } = parse('7 TCP UDP\n\nEcho\n\nReturns data.\nRFC 862\n- 10\n\nTCP UDP\n\nUnassigned\n');
    expect(entries.map((e) => [e.port, e.protocols, e.name, e.description, e.portPlace])).toEqual([
      ['7', ['TCP', 'UDP'], 'Echo', 'Returns data. RFC 862', { line: 1, column: 1 }],
      ['10', ['TCP', 'UDP'], 'Unassigned', null, { line: 7, column: 3 }],
    ]);
  });

  it('reports text before any entry (after the title) and a document with no entries', () => {
    expect(parse('Title\n\nstray words\n').messages).toEqual([
      'list.txt:1:1: error: Unexpected document without port entries, expected lines such as `80<TAB>TCP<TAB>HTTP` (port-list:no-entries)',
      'list.txt:3:1: warning: Unexpected text outside an entry, expected a port entry or a section heading (port-list:stray-text)',
    ]);
    expect(parse('').messages).toEqual([
      'list.txt:1:1: error: Unexpected document without port entries, expected lines such as `80<TAB>TCP<TAB>HTTP` (port-list:no-entries)',
    ]);
  });

  it('treats a range heading as structure unless prose follows it', () => {
    const { entries, lineRoles } = parse('0-9\n\n0\tTCP UDP\tRESERVED\n\n1024-49151\n\nTCP and UDP port numbers here are **registered ports**.\n');
    expect(lineRoles).toEqual(['structure', 'blank', 'entry', 'blank', 'entry', 'blank', 'entry', 'blank']);
    expect(entries[1]).toMatchObject({
      port: '1024-49151',
      protocols: ['TCP', 'UDP'],
      name: 'registered ports',
      description: 'TCP and UDP port numbers here are **registered ports**.',
    });
  });
});

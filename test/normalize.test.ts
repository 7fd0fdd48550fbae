import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/model/messages.js';
import { stripMarkup } from '../src/normalize/markup.js';
import { parsePortRange } from '../src/grammar/port-cell.js';
import { readProtocolWords } from '../src/grammar/protocol-words.js';
import { extractReferences } from '../src/grammar/references.js';
import { toRecords, type NormalizeContext } from '../src/normalize/to-records.js';
import { sourceEntry } from '../src/model/source-entry.js';
import { categoryOf } from '../src/model/record.js';
import { record } from './records.js';

describe('parsePortRange', () => {
  it('reads single ports and ranges, with either dash', () => {
    expect(parsePortRange('80')).toEqual({ ok: true, start: 80, end: 80 });
    expect(parsePortRange('225-229')).toEqual({ ok: true, start: 225, end: 229 });
    expect(parsePortRange(' 1024 – 49151 ')).toEqual({ ok: true, start: 1024, end: 49151 });
    expect(parsePortRange('0')).toEqual({ ok: true, start: 0, end: 0 });
    expect(parsePortRange('65535')).toEqual({ ok: true, start: 65535, end: 65535 });
  });

  it('says what is wrong with a bad port', () => {
    const reasons = ['70000', '30-20', '-5', 'http', '', '1-70000'].map((text) => {
      const result = parsePortRange(text);
      return result.ok ? null : result.reason;
    });
    expect(reasons).toEqual([
      'Unexpected port 70000, expected 0–65535',
      'Unexpected range `30-20`, expected the first port not to exceed the last',
      'Unexpected port `-5`, expected a number or a range like `225-229`',
      'Unexpected port `http`, expected a number or a range like `225-229`',
      'Unexpected port ``, expected a number or a range like `225-229`',
      'Unexpected port 70000, expected 0–65535',
    ]);
  });
});

describe('categoryOf', () => {
  it('follows IANA boundaries', () => {
    expect([0, 1023, 1024, 49151, 49152, 65535].map(categoryOf)).toEqual([
      'well-known',
      'well-known',
      'registered',
      'registered',
      'dynamic',
      'dynamic',
    ]);
  });
});

describe('readProtocolWords', () => {
  it('knows tcp, udp, sctp and dccp in any case and separated any way', () => {
    expect(readProtocolWords(['TCP UDP'])).toEqual({ protocols: ['tcp', 'udp'], unknown: [] });
    expect(readProtocolWords(['udp/tcp', 'and', 'SCTP'])).toEqual({ protocols: ['tcp', 'udp', 'sctp'], unknown: [] });
    expect(readProtocolWords(['TCP', 'IPX'])).toEqual({ protocols: ['tcp'], unknown: ['IPX'] });
  });
});

describe('extractReferences', () => {
  it.each([
    ['Simple Mail Transfer Protocol (SMTP) RFC 821.', 'Simple Mail Transfer Protocol (SMTP)', ['RFC821'], []],
    ['Login Host Protocol Also known as TACACS. RFC 927 and RFC 1492.', 'Login Host Protocol Also known as TACACS.', ['RFC927', 'RFC1492'], []],
    [
      'Authentication Service (auth) Identification Protocol (ident) Auth - RFC 912. Ident - RFC 1413.',
      'Authentication Service (auth) Identification Protocol (ident)',
      ['RFC912', 'RFC1413'],
      ['Auth: RFC912', 'Ident: RFC1413'],
    ],
    ['Internet Message Access Protocol (IMAP) Mail Server IMAP - RFC 2683.', 'Internet Message Access Protocol (IMAP) Mail Server', ['RFC2683'], ['IMAP: RFC2683']],
    ['Computing and Communications Services Office - RFC 2378', 'Computing and Communications Services Office', ['RFC2378'], []],
    ['RFC 1312 and RFC 1756.', '', ['RFC1312', 'RFC1756'], []],
    ['No references here.', 'No references here.', [], []],
  ])('%s', (text, rest, references, notes) => {
    const result = extractReferences(text);
    expect(result.text.replace(/\s+/g, ' ').trim()).toBe(rest);
    expect(result.references).toEqual(references);
    expect(result.notes).toEqual(notes);
  });

  it('sorts references by number, not as text', () => {
    expect(extractReferences('RFC 1000 and RFC 999').references).toEqual(['RFC999', 'RFC1000']);
  });
});

describe('stripMarkup', () => {
  it('removes bold, code, links and inline HTML, keeping their text', () => {
    expect(stripMarkup('**SU/MIT Telnet Gateway**')).toBe('SU/MIT Telnet Gateway');
    expect(stripMarkup('Unix `systat`.')).toBe('Unix systat.');
    expect(stripMarkup('[File Transfer - FTP control](#)')).toBe('File Transfer - FTP control');
    expect(stripMarkup('<i>Trojans - Sockets des Troie</i>')).toBe('Trojans - Sockets des Troie');
    expect(stripMarkup('**Network\nInformation')).toBe('Network\nInformation');
    expect(stripMarkup('Oracle SQL*NET')).toBe('Oracle SQL*NET');
  });
});

describe('toRecords', () => {
  const context: NormalizeContext = { sourceId: 'list', ruleSource: 'port-list', product: null, defaults: {} };
  const place = { line: 12, column: 1 };

  it('makes one record per protocol with clean text, references, status and category', () => {
    const file = new VFile({ path: 'list.txt' });
    const records = toRecords(
      sourceEntry({ place, port: '25', protocols: ['TCP', 'UDP'], name: '**Simple Mail Transfer Protocol (SMTP)** RFC 821.' }),
      context,
      file,
    );
    const expected = record({
      portStart: 25,
      name: 'Simple Mail Transfer Protocol (SMTP)',
      references: ['RFC821'],
      sources: [{ source: 'list', line: 12 }],
    });
    expect(records).toEqual([
      { place, record: expected },
      { place, record: { ...expected, protocol: 'udp' } },
    ]);
    expect(file.messages).toEqual([]);
  });

  it('turns Unassigned and RESERVED names into a status with no name', () => {
    const file = new VFile({ path: 'list.txt' });
    const [unassigned] = toRecords(sourceEntry({ place, port: '26', protocols: ['TCP'], name: 'Unassigned' }), context, file);
    const [reserved] = toRecords(sourceEntry({ place, port: '225-229', protocols: ['TCP'], name: 'RESERVED' }), context, file);
    expect(unassigned?.record).toMatchObject({ status: 'unassigned', name: null });
    expect(reserved?.record).toMatchObject({ portStart: 225, portEnd: 229, status: 'reserved', name: null });
  });

  it('takes protocols and product from the manifest when the source gives none', () => {
    const file = new VFile({ path: 'page.md' });
    const records = toRecords(
      sourceEntry({ place, port: '1761', name: 'PeSIT' }),
      { ...context, product: 'Transfer CFT', defaults: { protocols: ['tcp'] } },
      file,
    );
    expect(records.map((r) => [r.record.protocol, r.record.product, r.record.category])).toEqual([
      ['tcp', 'Transfer CFT', 'registered'],
    ]);
  });

  it('reports a bad port, a missing protocol and an unknown protocol, at their places', () => {
    const file = new VFile({ path: 'list.txt' });
    toRecords(sourceEntry({ place, portPlace: { line: 12, column: 3 }, port: '70000', protocols: ['TCP'] }), context, file);
    toRecords(sourceEntry({ place, port: '30-20', protocols: ['TCP'] }), context, file);
    toRecords(sourceEntry({ place, port: '9' }), context, file);
    toRecords(sourceEntry({ place, port: '9', protocols: ['TCP', 'IPX'] }), context, file);
    expect(file.messages.map(formatMessage)).toEqual([
      'list.txt:12:3: error: Unexpected port 70000, expected 0–65535 (port-list:port-range)',
      'list.txt:12:1: error: Unexpected range `30-20`, expected the first port not to exceed the last (port-list:port-range)',
      'list.txt:12:1: error: Unexpected entry without a protocol, expected protocol words or a manifest default (port-list:protocol-missing)',
      'list.txt:12:1: error: Unexpected protocol `IPX`, expected `tcp`, `udp`, `sctp` or `dccp` (port-list:protocol-unknown)',
    ]);
  });
});

describe('toRecords, what an entry that cannot be read gives', () => {
  const context: NormalizeContext = { sourceId: 'list', ruleSource: 'port-list', product: null, defaults: {} };
  const place = { line: 4, column: 1 };

  it('gives no record, only the message, for an unknown direction, a missing protocol or an unknown one', () => {
    const file = new VFile({ path: 'page.md' });
    expect(toRecords(sourceEntry({ place, port: '25', protocols: ['TCP'], name: 'SMTP', direction: 'sideways' }), context, file)).toEqual([]);
    expect(toRecords(sourceEntry({ place, port: '25', name: 'SMTP' }), context, file)).toEqual([]);
    expect(toRecords(sourceEntry({ place, port: '25', protocols: ['TCP', 'IPX'], name: 'SMTP' }), context, file)).toEqual([]);
    expect(file.messages.map(formatMessage)).toEqual([
      'page.md:4:1: error: Unexpected direction `sideways`, expected `in`, `out` or `both` (port-list:direction-unknown)',
      'page.md:4:1: error: Unexpected entry without a protocol, expected protocol words or a manifest default (port-list:protocol-missing)',
      'page.md:4:1: error: Unexpected protocol `IPX`, expected `tcp`, `udp`, `sctp` or `dccp` (port-list:protocol-unknown)',
    ]);
  });

  it('reads a known direction, and gives a record for each protocol of an entry with both', () => {
    const file = new VFile({ path: 'page.md' });
    const records = toRecords(sourceEntry({ place, port: '25', protocols: ['TCP UDP'], name: 'SMTP', direction: 'Outbound' }), context, file);
    expect(records.map(({ record: each }) => [each.protocol, each.direction])).toEqual([
      ['tcp', 'out'],
      ['udp', 'out'],
    ]);
    expect(file.messages).toEqual([]);
  });
});

describe('toRecords, category ranges and keywords', () => {
  const context: NormalizeContext = { sourceId: 'list', ruleSource: 'port-list', product: null, defaults: { protocols: ['tcp'] } };
  const place = { line: 9, column: 1 };
  const read = (fields: Parameters<typeof sourceEntry>[0]) => toRecords(sourceEntry(fields), context, new VFile({ path: 'list.txt' })).map(({ record: each }) => each);

  it('takes a range on a category’s bounds as that category when its name or its description names it', () => {
    expect(read({ place, port: '1024-49151', name: 'Registered Ports' }).map((each) => each.status)).toEqual(['category']);
    expect(read({ place, port: '1024-49151', name: 'Ports', description: 'The registered ports, assigned by IANA.' }).map((each) => each.status)).toEqual(['category']);
    expect(read({ place, port: '1024-49151', name: 'Ports', description: 'Assigned by IANA.' }).map((each) => each.status)).toEqual(['assigned']);
    expect(read({ place, port: '1024-49150', name: 'Registered Ports' }).map((each) => each.status)).toEqual(['assigned']);
  });

  it('sorts a keyword’s aliases, and makes an alias row stand for its primary keyword', () => {
    expect(read({ place, port: '80', serviceName: 'http', aliases: ['www-http', 'www', 'www'] }).map((each) => [each.serviceName, each.aliases])).toEqual([['http', ['www', 'www-http']]]);
    expect(read({ place, port: '80', serviceName: 'www-http', aliasOf: 'http', aliases: ['www'] }).map((each) => [each.serviceName, each.aliases])).toEqual([['http', ['www', 'www-http']]]);
    expect(read({ place, port: '80', serviceName: 'www', aliasOf: 'http', aliases: ['zz', 'aa'] }).map((each) => [each.serviceName, each.aliases])).toEqual([['http', ['aa', 'www', 'zz']]]);
    expect(read({ place, port: '80', serviceName: 'http', aliasOf: 'http', aliases: ['zz', 'aa'] }).map((each) => [each.serviceName, each.aliases])).toEqual([['http', ['aa', 'zz']]]);
  });
});

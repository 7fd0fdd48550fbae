/**
 * The IANA registry as a catalog: every registered keyword is kept, aliases
 * stand with their primary keyword, status phrasings are read wherever they
 * stand, and enrichment takes the best agreeing row. The fixture's rows
 * follow the real registry's rows for ports 42, 80 and 105 (keywords,
 * descriptions, alias notes) and its status phrasings.
 */
import { describe, expect, it } from 'vitest';
import type { PortRecord } from '../src/model/record.js';
import { buildFolder, folderWith } from './helpers.js';
import { lookup, parsePortQuery } from '../src/query/lookup.js';
import { readFileSync } from 'node:fs';

const csv = readFileSync('test/fixtures/iana-csv/keywords-and-statuses.csv', 'utf8');
const entry = (fields: Record<string, unknown>) => ({ title: 'IANA', url: null, ...fields });

const summary = (record: PortRecord) => ({
  port: record.portStart,
  protocol: record.protocol,
  status: record.status,
  serviceName: record.serviceName,
  aliases: record.aliases,
  name: record.name,
  lines: record.sources.map((ref) => ref.line),
});

describe('the IANA registry as a catalog', () => {
  it('keeps every registered keyword: aliases join their primary, distinct registrations stay apart', async () => {
    const folder = await folderWith({
      'iana.csv': csv,
      'sources.json': JSON.stringify({ sources: [entry({ id: 'iana', file: 'iana.csv', format: 'iana-csv' })] }),
    });
    const result = await buildFolder(folder);
    const wanted = result.dataset.records.filter((record) => [42, 80, 105].includes(record.portStart)).map(summary);
    expect(wanted).toEqual([
      { port: 42, protocol: 'tcp', status: 'assigned', serviceName: 'name', aliases: [], name: 'Host Name Server', lines: [2] },
      { port: 42, protocol: 'tcp', status: 'assigned', serviceName: 'nameserver', aliases: [], name: 'Host Name Server', lines: [4] },
      { port: 42, protocol: 'udp', status: 'assigned', serviceName: 'name', aliases: [], name: 'Host Name Server', lines: [3] },
      { port: 42, protocol: 'udp', status: 'assigned', serviceName: 'nameserver', aliases: [], name: 'Host Name Server', lines: [5] },
      { port: 80, protocol: 'tcp', status: 'assigned', serviceName: 'http', aliases: ['www', 'www-http'], name: 'World Wide Web HTTP', lines: [6, 8, 10] },
      { port: 80, protocol: 'udp', status: 'assigned', serviceName: 'http', aliases: ['www', 'www-http'], name: 'World Wide Web HTTP', lines: [7, 9, 11] },
      { port: 105, protocol: 'tcp', status: 'assigned', serviceName: 'cso', aliases: [], name: 'CCSO name server protocol', lines: [12] },
      { port: 105, protocol: 'tcp', status: 'assigned', serviceName: 'csnet-ns', aliases: [], name: 'Mailbox Name Nameserver', lines: [14] },
      { port: 105, protocol: 'udp', status: 'assigned', serviceName: 'cso', aliases: [], name: 'CCSO name server protocol', lines: [13] },
      { port: 105, protocol: 'udp', status: 'assigned', serviceName: 'csnet-ns', aliases: [], name: 'Mailbox Name Nameserver', lines: [15] },
    ]);
    const [file] = result.files;
    expect(file?.messages.map((message) => `${message.line}: ${message.reason}`)).toEqual([
      '8: Duplicate entry for 80 (tcp), merged into the one at line 6',
      '10: Duplicate entry for 80 (tcp), merged into the one at line 6',
      '9: Duplicate entry for 80 (udp), merged into the one at line 7',
      '11: Duplicate entry for 80 (udp), merged into the one at line 7',
    ]);
  });

  it('reads reserved, unassigned and withdrawn phrasings wherever they stand', async () => {
    const folder = await folderWith({
      'iana.csv': csv,
      'sources.json': JSON.stringify({ sources: [entry({ id: 'iana', file: 'iana.csv', format: 'iana-csv' })] }),
    });
    const result = await buildFolder(folder);
    const statuses = result.dataset.records.filter((record) => record.portStart > 1000).map((record) => [record.portStart, record.status, record.name, record.notes]);
    expect(statuses).toEqual([
      [1109, 'reserved', null, []],
      // IANA's own spelling on 1783, with one m.
      [1783, 'deprecated', 'Decomissioned Port 04/14/00, ms', []],
      [1783, 'deprecated', 'Decomissioned Port 04/14/00, ms', []],
      [2710, 'deprecated', 'De-registered 2017-09-20', []],
      [2825, 'unassigned', null, ['Possibly assigned']],
      // The word alone says nothing of what was there.
      [2905, 'deprecated', null, []],
      [4315, 'deprecated', 'Decommissioned Port 4315', []],
      [49151, 'reserved', null, []],
    ]);
  });

  it('enriches 105/tcp "Mailbox Name Nameserver" with csnet-ns, the same name, not cso and its one shared word', async () => {
    const folder = await folderWith({
      'iana.csv': csv,
      'list.txt': 'Ports\n\n105\tTCP\tMailbox Name Nameserver\n',
      'sources.json': JSON.stringify({
        sources: [
          entry({ id: 'list', file: 'list.txt', format: 'port-list' }),
          entry({ id: 'iana', file: 'iana.csv', format: 'iana-csv', role: 'reference' }),
        ],
      }),
    });
    const result = await buildFolder(folder);
    expect(result.dataset.records.map(summary)).toEqual([
      { port: 105, protocol: 'tcp', status: 'assigned', serviceName: 'csnet-ns', aliases: [], name: 'Mailbox Name Nameserver', lines: [14, 3] },
    ]);
    expect(result.conflicts.agreements.map((agreement) => [agreement.reference.serviceName, agreement.match.method])).toEqual([['csnet-ns', 'same-name']]);
  });

  it('gives a catalog record the registry\'s other keywords as aliases, so lookup finds it by alias, exactly', async () => {
    const folder = await folderWith({
      'iana.csv': csv,
      'list.txt': 'Ports\n\n80\tTCP\tWorld Wide Web HTTP\n',
      'sources.json': JSON.stringify({
        sources: [entry({ id: 'list', file: 'list.txt', format: 'port-list' }), entry({ id: 'iana', file: 'iana.csv', format: 'iana-csv', role: 'reference' })],
      }),
    });
    const result = await buildFolder(folder);
    expect(result.dataset.records.map(summary)).toEqual([
      { port: 80, protocol: 'tcp', status: 'assigned', serviceName: 'http', aliases: ['www', 'www-http'], name: 'World Wide Web HTTP', lines: [6, 3] },
    ]);
    const query = parsePortQuery('WWW');
    if (typeof query === 'string') throw new Error(query);
    expect(lookup(query, result.dataset.records, []).map(({ match, record }) => [match, record.serviceName])).toEqual([['exact', 'http']]);
  });
});

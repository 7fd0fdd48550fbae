/**
 * Which product already uses this port: two products on one port are a
 * conflict, naming every record on the port with its product and source
 * lines; one product's port under two configuration keys is a warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSourceRef } from '../src/model/record.js';
import { buildFolder, folderWith, messagesOf } from './helpers.js';

const cft = readFileSync('sources/transfer-cft-ports.md', 'utf8');
const acme = ['# Acme Gateway ports', '', '| Port | Service | Key |', '| --- | --- | --- |', '| 6801/tcp | Relay | relay.port |', '| 6801/tcp | Relay admin | relay.admin |', ''].join('\n');
const pages = (extra: Record<string, unknown>[] = []) =>
  folderWith({
    'cft.md': cft,
    'acme.md': acme,
    'sources.json': JSON.stringify({
      sources: [
        { id: 'cft', file: 'cft.md', format: 'markdown', title: 'CFT', url: null, product: 'Transfer CFT', defaults: { protocols: ['tcp'] }, columns: { Component: 'name', Port: 'port' }, nameLines: 'configKey' },
        { id: 'acme', file: 'acme.md', format: 'markdown', title: 'Acme', url: null, product: 'Acme Gateway', columns: { Port: 'port', Service: 'name', Key: 'configKey' } },
        ...extra,
      ],
    }),
  });

describe('product clashes', () => {
  it('names every record on the shared port, with its product and source line, in one clash', async () => {
    const result = await buildFolder(await pages());
    const clashes = result.conflicts.conflicts.filter((conflict) => conflict.kind === 'product-clash');
    expect(
      clashes.map(({ sides, explanation }) => [
        sides.map((side) => `${side.record.product}:${side.record.name}@${side.record.sources.map(formatSourceRef).join(',')}`),
        explanation,
      ]),
    ).toEqual([
      [
        ['Acme Gateway:Relay@acme:5', 'Acme Gateway:Relay admin@acme:6', 'Transfer CFT:Secure Relay MA@cft:56'],
        'Acme Gateway "Relay" (`relay.port`), Acme Gateway "Relay admin" (`relay.admin`) and Transfer CFT "Secure Relay MA" (`ma.comm_port`) all use 6801/tcp',
      ],
    ]);
  });

  it('warns when one product gives one port two configuration keys', async () => {
    const result = await buildFolder(await pages());
    expect(messagesOf(result.files).filter((line) => line.includes('port-reused'))).toEqual([
      expect.stringMatching(
        /acme\.md:6:1: warning: Unexpected port 6801 \(tcp\) of Acme Gateway under a second configuration key `relay\.admin` \(`relay\.port` at acme:5\), expected one key per port \(product:port-reused\)$/,
      ),
    ]);
  });
});

describe('two products with a same-named component on one port', () => {
  const restApi = ['# Acme Gateway ports', '', '| Component | Port | Protocol |', '| --- | --- | --- |', '| REST API | 1768 | TCP |', ''].join('\n');
  const catalog = () =>
    folderWith({
      'cft.md': cft,
      'acme.md': restApi,
      'sources.json': JSON.stringify({
        sources: [
          { id: 'cft', file: 'cft.md', format: 'markdown', title: 'CFT', url: null, product: 'Transfer CFT', defaults: { protocols: ['tcp'] }, columns: { Component: 'name', Port: 'port' }, nameLines: 'configKey' },
          { id: 'acme', file: 'acme.md', format: 'markdown', title: 'Acme', url: null, product: 'Acme Gateway', columns: { Component: 'name', Port: 'port', Protocol: 'protocol' } },
        ],
      }),
    });

  it('keeps both records, each citing only its own line', async () => {
    const result = await buildFolder(await catalog());
    const onPort = result.dataset.records.filter((record) => record.portStart === 1768);
    expect(onPort.map((record) => [record.product, record.name, record.protocol, record.sources.map(formatSourceRef)])).toEqual([
      ['Acme Gateway', 'REST API', 'tcp', ['acme:5']],
      ['Transfer CFT', 'REST API', 'tcp', ['cft:44']],
    ]);
  });

  it('reports one product clash naming both products and both lines, and no merge', async () => {
    const result = await buildFolder(await catalog());
    const clashes = result.conflicts.conflicts.filter((conflict) => conflict.kind === 'product-clash');
    expect(clashes.map(({ sides, explanation }) => [sides.map((side) => `${side.record.product}@${side.record.sources.map(formatSourceRef).join(',')}`), explanation])).toEqual([
      [['Acme Gateway@acme:5', 'Transfer CFT@cft:44'], 'Acme Gateway "REST API" and Transfer CFT "REST API" both use 1768/tcp'],
    ]);
    expect(result.conflicts.conflicts.filter((conflict) => conflict.kind === 'different-service')).toEqual([]);
    expect(messagesOf(result.files).filter((line) => line.includes('(merge:'))).toEqual([]);
  });
});

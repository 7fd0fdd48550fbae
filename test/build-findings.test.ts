/**
 * What a build finds in small sources written for the purpose, asserted on
 * the values `build` returns (records in catalog order, messages at their
 * lines, the conflict report), each expectation written by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildFolder, folderWith, messagesOf } from './helpers.js';
import { artifactTexts } from '../src/emit/artifact.js';

const manifest = JSON.stringify({
  sources: [{ id: 'list', file: 'list.txt', format: 'port-list', title: 'List', url: null }],
});

/** Builds a folder holding one port list; messages with the folder's path cut to `list.txt`. */
async function buildList(text: string) {
  const folder = await folderWith({ 'sources.json': manifest, 'list.txt': text });
  const result = await buildFolder(folder);
  const messages = messagesOf(result.files).map((line) => line.slice(line.indexOf('list.txt')));
  return { result, messages };
}

const vacancyWarning = (line: number, port: string, name: string, status: string, range: string, rangeLine: number, protocols: string) =>
  `list.txt:${line}:1: warning: Unexpected assigned port ${port} (${name}) inside the ${status} range ${range} at line ${rangeLine} (${protocols}), expected no overlap; both kept (overlap:vacancy)`;

describe('an assigned port inside a vacant range of the same source', () => {
  it('is reported inside a reserved range as inside an unassigned one', async () => {
    const { result, messages } = await buildList(
      [
        '225-229\tTCP UDP\tRESERVED',
        '226\tTCP\tCustom Service',
        '875-885\tTCP UDP\tUnassigned',
        '876\tTCP UDP\tICL coNETion locate server',
        '230\tTCP\tOutside',
      ].join('\n'),
    );
    expect(messages).toEqual([
      vacancyWarning(2, '226', 'Custom Service', 'reserved', '225–229', 1, 'tcp'),
      vacancyWarning(4, '876', 'ICL coNETion locate server', 'unassigned', '875–885', 3, 'tcp, udp'),
      // Nothing between 230 and 875: the list says nothing of those ports.
      'list.txt:3:1: info: Unexpected gap of 644 ports without an entry (231–874) between port 230 at line 5 and port 875, expected a list to cover its span; the list says nothing of these ports (coverage:gap)',
    ]);
    const inside = result.conflicts.conflicts
      .filter((conflict) => conflict.kind === 'assigned-in-vacant-range')
      .map(({ sides: [range, port], explanation }) => [
        `${range.role} ${range.record.portStart}-${range.record.portEnd}/${range.record.protocol} ${range.record.status}`,
        `${port.role} ${port.record.portStart}/${port.record.protocol}`,
        explanation,
      ]);
    expect(inside).toEqual([
      ['catalog 225-229/tcp reserved', 'catalog 226/tcp', '"Custom Service" is assigned, but the same catalog says reserved'],
      ['catalog 875-885/tcp unassigned', 'catalog 876/tcp', '"ICL coNETion locate server" is assigned, but the same catalog says unassigned'],
      ['catalog 875-885/udp unassigned', 'catalog 876/udp', '"ICL coNETion locate server" is assigned, but the same catalog says unassigned'],
    ]);
  });

  it('is found at both ends of the range and not one port beyond', async () => {
    const { messages } = await buildList(
      ['224\tTCP\tBelow', '225-229\tTCP\tRESERVED', '225\tTCP\tFirst', '229\tTCP\tLast', '230\tTCP\tAbove'].join('\n'),
    );
    expect(messages).toEqual([
      vacancyWarning(3, '225', 'First', 'reserved', '225–229', 2, 'tcp'),
      vacancyWarning(4, '229', 'Last', 'reserved', '225–229', 2, 'tcp'),
    ]);
  });
});

describe('records in catalog order', () => {
  it('puts a port before the range that starts on it, whatever the source order', async () => {
    const { result, messages } = await buildList(
      ['1024-1030\tTCP\tRange Service', '1024\tTCP\tSingle Service', '1023-1024\tTCP\tEarlier Range', '1025\tTCP\tNext'].join('\n'),
    );
    expect(messages).toEqual([]);
    expect(result.dataset.records.map((r) => [r.portStart, r.portEnd, r.name, r.sources[0]?.line])).toEqual([
      [1023, 1024, 'Earlier Range', 3],
      [1024, 1024, 'Single Service', 2],
      [1024, 1030, 'Range Service', 1],
      [1025, 1025, 'Next', 4],
    ]);
    const csv = artifactTexts(result.artifacts)['ports.csv'] ?? '';
    const csvRows = csv.split('\n').slice(1, -1).map((row) => row.split(',').slice(0, 2).join('-'));
    expect(csvRows).toEqual(['1023-1024', '1024-1024', '1024-1030', '1025-1025']);
  });
});

/**
 * Hand-written expectations of a page: `expected.json` lists records as
 * `{ port, protocol, name, lines }` plus any other record field worth pinning
 * (notes, description, configKey, direction, …); a field left out of every
 * expected record is not compared. `messages.txt` lists the messages, one per
 * line, paths relative to the page's folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PortRecord } from '../src/model/record.js';

export interface ExpectedRecord {
  port: string;
  protocol: string;
  name: string | null;
  lines: number[];
  [field: string]: unknown;
}

/** The records of `expected.json` in `folder`. */
export function expectedRecords(folder: string): ExpectedRecord[] {
  return (JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as { records: ExpectedRecord[] }).records;
}

/** The lines of `messages.txt` in `folder`. */
export function expectedMessages(folder: string): string[] {
  return readFileSync(path.join(folder, 'messages.txt'), 'utf8').split('\n').filter(Boolean);
}

/** The fields beyond the four identifying keys that some expected record pins. */
function pinnedFields(expected: readonly ExpectedRecord[]): string[] {
  return [...new Set(expected.flatMap((record) => Object.keys(record)))].filter((key) => !['port', 'protocol', 'name', 'lines'].includes(key));
}

/** What a record holds for a pinned field an expectation leaves out. */
function defaultOf(field: string): unknown {
  return field === 'notes' || field === 'references' ? [] : null;
}

/** The built records and the expected ones, each as expected.json writes them, ready to compare. */
export function comparable(records: readonly PortRecord[], expected: readonly ExpectedRecord[], source?: string): { got: unknown[]; want: unknown[] } {
  const pinned = pinnedFields(expected);
  const got = records.map((record) => {
    const port = record.portStart === record.portEnd ? `${record.portStart}` : `${record.portStart}-${record.portEnd}`;
    const refs = source === undefined ? record.sources : record.sources.filter((ref) => ref.source === source);
    const shown: Record<string, unknown> = { port, protocol: record.protocol, name: record.name, lines: refs.map((ref) => ref.line) };
    for (const field of pinned) shown[field] = record[field as keyof PortRecord];
    return shown;
  });
  const want = expected.map((record) => ({ ...Object.fromEntries(pinned.map((key) => [key, defaultOf(key)])), ...record }));
  return { got, want };
}

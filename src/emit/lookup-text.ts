/** `lookup`'s and `free`'s answers as aligned text for a terminal. */
import type { FreeAnswer, Skipped } from '../query/free.js';
import type { LookupHit, PortQuery } from '../query/lookup.js';
import { formatPortRange, formatSources } from '../model/record.js';
import { plural } from '../model/text.js';

/** One line per hit, aligned, for a terminal; `none` says why there is no hit. */
export function formatHits(query: PortQuery, hits: readonly LookupHit[], none: string): string[] {
  if (hits.length === 0) return [`${query.text}: ${none}`];
  return [
    `${query.text}:`,
    ...hits.map(({ role, record }) => {
      const where = `${formatPortRange(record)}/${record.protocol}`;
      const details = [record.product, record.configKey && `config ${record.configKey}`, record.status !== 'assigned' && record.name !== null && record.status].filter(Boolean).join(', ');
      const name = record.name ?? record.status;
      const what = `${record.serviceName ? `${record.serviceName}: ` : ''}${name}${details ? ` (${details})` : ''}`;
      const sources = formatSources(record);
      return `  ${role.padEnd(9)} ${where.padEnd(16)} ${what}  [${sources}]`;
    }),
  ];
}

/** What a skip reason left out, and the `--include` word that brings it back. */
const skipWords: Readonly<Record<Skipped['why'], string>> = {
  'port-zero': 'port 0 (to bind() it means any port)',
  reserved: 'reserved by IANA (--include reserved)',
  'well-known': 'well-known, 0–1023 (--include well-known)',
  dynamic: 'dynamic, 49152–65535, never assigned (--include dynamic)',
};

/** The notes under `free`'s ports: how many more there are, and what was skipped. */
export function freeNotes(answer: FreeAnswer, range: string, protocol: string): string[] {
  const notes: string[] = [];
  if (answer.more > 0) notes.push(`and ${answer.more} more free ${protocol} ${answer.more === 1 ? 'port' : 'ports'} in ${range} (--count ${answer.free.length + answer.more} lists them all)`);
  for (const { why, ports } of answer.skipped) notes.push(`skipped ${plural(ports, 'free port')}: ${skipWords[why]}`);
  return notes;
}

/** `lookup`'s answer as aligned text for a terminal. */
import type { LookupHit, PortQuery } from '../query/lookup.js';
import { formatPortRange, formatSources } from '../model/record.js';

/** One line per hit, aligned, for a terminal. */
export function formatHits(query: PortQuery, hits: readonly LookupHit[]): string[] {
  if (hits.length === 0) return [`${query.text}: ${query.kind === 'ports' ? 'no record covers this port' : 'no record has this keyword or name'}`];
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

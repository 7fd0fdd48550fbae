/**
 * How `free` reads what it is asked: a range (`8000-8100`, or `8000-8100/udp`,
 * whose protocol wins over the option), a protocol, a count and the kinds to
 * include. The command line and the web page's free-ports panel both read
 * their input here, so they take the same text, with the same defaults, and
 * say the same about what they cannot read.
 */
import { protocolOf } from '../grammar/protocol-words.js';
import { highestPort } from '../model/record.js';
import { optionalKinds, type FreeQuery, type OptionalKind } from './free.js';

export { freeDefaults } from './free.js';
import { parsePortQuery } from './lookup.js';

/** The text of a free query, as typed. */
export interface FreeInput {
  range: string;
  protocol: string;
  count: string;
  /** Kinds to include, comma-separated (`well-known,reserved`), or undefined for none. */
  include?: string | undefined;
}

/** The query, or why it cannot be read (`Unexpected …, expected …`). */
export function readFreeQuery(input: FreeInput): FreeQuery | string {
  const query = parsePortQuery(input.range);
  if (typeof query === 'string' || query.kind !== 'ports') return `Unexpected range \`${input.range}\`, expected A-B with ports 0–${highestPort}`;
  const protocol = protocolOf(input.protocol);
  if (protocol === null) return `Unexpected protocol \`${input.protocol}\`, expected tcp, udp, sctp or dccp`;
  const count = Number(input.count);
  if (!Number.isInteger(count) || count < 1) return `Unexpected count \`${input.count}\`, expected a whole number of 1 or more`;
  const include = readInclude(input.include);
  if (typeof include === 'string') return include;
  return { start: query.start, end: query.end, protocol: query.protocol ?? protocol, count, include };
}

/** The kinds a comma-separated list names, or why it cannot be read. */
function readInclude(text: string | undefined): OptionalKind[] | string {
  if (text === undefined) return [];
  const words = text.split(',').map((word) => word.trim()).filter(Boolean);
  const unknown = words.filter((word) => !(optionalKinds as readonly string[]).includes(word));
  if (unknown.length > 0) return `Unexpected --include \`${unknown.join(',')}\`, expected a comma-separated list of ${optionalKinds.map((kind) => `\`${kind}\``).join(', ')}`;
  return words as OptionalKind[];
}

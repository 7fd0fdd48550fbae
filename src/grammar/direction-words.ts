/** Which way connections go, as pages write it: `In`, `Outbound`, `In/Out`, `Both`. */
import type { PortRecord } from '../model/record.js';

export type Direction = NonNullable<PortRecord['direction']>;

const words: Readonly<Record<string, Direction>> = {
  in: 'in',
  inbound: 'in',
  incoming: 'in',
  ingress: 'in',
  out: 'out',
  outbound: 'out',
  outgoing: 'out',
  egress: 'out',
  both: 'both',
  bidirectional: 'both',
};

/**
 * The direction a cell states, `null` for an empty cell, or `undefined` when
 * the text is not a direction. Two directions (`In/Out`, `Inbound and
 * outbound`) are `both`.
 */
export function readDirection(text: string): Direction | null | undefined {
  const found = new Set<Direction>();
  for (const word of text.toLowerCase().split(/[\s,/&+]+/)) {
    if (word === '' || word === 'and') continue;
    const direction = words[word];
    if (!direction) return undefined;
    found.add(direction);
  }
  if (found.size === 0) return null;
  return found.size === 1 ? [...found][0] : 'both';
}

/** Direction words that mean a direction wherever they stand in prose (`in` and `out` do only as a whole text). */
const proseWords = /\b(inbound|outbound|incoming|outgoing|ingress|egress|bidirectional)\b/gi;

/**
 * The direction a text states: the whole text as direction words (`In`,
 * `In/Out`), else the unambiguous direction words inside it (`Outgoing
 * connections to …`); two different ones are `both`. Null when it states none.
 */
export function findDirection(text: string): Direction | null {
  const whole = readDirection(text);
  if (whole !== undefined) return whole;
  const found = new Set<Direction>();
  for (const match of text.matchAll(proseWords)) {
    const direction = words[(match[1] ?? '').toLowerCase()];
    if (direction) found.add(direction);
  }
  if (found.size === 0) return null;
  return found.size === 1 ? ([...found][0] ?? null) : 'both';
}

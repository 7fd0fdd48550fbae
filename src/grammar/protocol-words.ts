/** Protocol words as sources write them (`TCP`, `udp`, `TCP/UDP`, `TCP and UDP`). */
import { protocols, type Protocol } from '../model/record.js';

export interface ProtocolWords {
  /** Known protocols, in the catalog's order, each once. */
  protocols: Protocol[];
  /** Words that name no protocol the catalog knows. */
  unknown: string[];
}

const fillers = new Set(['and', '&', '+']);

/** Sorts protocol words into known protocols and unknown words. */
export function readProtocolWords(words: readonly string[]): ProtocolWords {
  const found = new Set<Protocol>();
  const unknown: string[] = [];
  for (const word of words.flatMap((w) => w.split(/[\s,/]+/)).filter(Boolean)) {
    const lower = word.toLowerCase();
    if ((protocols as readonly string[]).includes(lower)) found.add(lower as Protocol);
    else if (!fillers.has(lower)) unknown.push(word);
  }
  return { protocols: protocols.filter((p) => found.has(p)), unknown };
}

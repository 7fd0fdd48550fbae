/**
 * Protocol words as sources write them (`TCP`, `udp`, `TCP/UDP`, `TCP and UDP`,
 * `Both`), in lists and inside prose. This module is the one vocabulary of
 * transport-protocol words: readers import it rather than keep their own list.
 */
import { protocols, type Protocol } from '../model/record.js';

/** The catalog's transport protocols, in catalog order; re-exported so readers take the vocabulary from one place. */
export { protocols, type Protocol };

export interface ProtocolWords {
  /** Known protocols, in the catalog's order, each once. */
  protocols: Protocol[];
  /** Words that name no protocol the catalog knows. */
  unknown: string[];
  /**
   * Words that qualify the protocols rather than name one (`IPv4`, `IPv6`), as
   * written. Present only when some were found, because existing callers
   * compare whole results that predate the field.
   */
  qualifiers?: string[];
}

/** Words that join protocol words without naming one: `TCP and UDP`, `TCP only`. */
const fillers = new Set(['and', '&', '+', 'or', 'only']);
/** Network-layer words: they narrow a protocol, so they are neither protocols nor unknown. */
const qualifierWords = new Set(['ipv4', 'ipv6']);
/** `Both` in a protocol column means the two common transports, never sctp or dccp. */
const bothProtocols: readonly Protocol[] = ['tcp', 'udp'];
/** Separators between protocol words; one character class, so the split is linear. */
const separators = /[\s,/&+]+/u;

/** The protocol a single word names (`TCP`, `udp`), or null; case-insensitive, whole word only. */
export function protocolOf(word: string): Protocol | null {
  const lower = word.toLowerCase();
  return protocols.find((protocol) => protocol === lower) ?? null;
}

/** Whether a word only joins protocol words (`and`, `or`, `only`, `&`, `+`). */
export function isFillerWord(word: string): boolean {
  return fillers.has(word.toLowerCase());
}

/** Sorts protocol words into known protocols, qualifiers and unknown words. */
export function readProtocolWords(words: readonly string[]): ProtocolWords {
  const found = new Set<Protocol>();
  const unknown: string[] = [];
  const qualifiers: string[] = [];
  for (const word of words.flatMap((w) => w.split(separators)).filter(Boolean)) {
    const lower = word.toLowerCase();
    const protocol = protocolOf(word);
    if (protocol !== null) found.add(protocol);
    else if (lower === 'both') for (const both of bothProtocols) found.add(both);
    else if (qualifierWords.has(lower)) qualifiers.push(word);
    else if (!fillers.has(lower)) unknown.push(word);
  }
  const result: ProtocolWords = { protocols: protocols.filter((p) => found.has(p)), unknown };
  if (qualifiers.length > 0) result.qualifiers = qualifiers;
  return result;
}

/** Letters, digits and `_` make up a word, so `TCPMUX` and `tcp6` are not `TCP`. */
const wordCharacter = /^[\p{L}\p{M}\p{N}_]$/u;

/**
 * Finds transport-protocol words inside prose (`Server RPC (TCP and UDP)`,
 * `TCP/IP port`): whole words, any case. Returns each protocol once, in catalog
 * order, with `offsets[i]` the offset of the first mention of `protocols[i]`.
 */
export function findProtocolWords(text: string): { protocols: Protocol[]; offsets: number[] } {
  const first = new Map<Protocol, number>();
  let index = 0;
  while (index < text.length) {
    if (!wordCharacter.test(text.charAt(index))) {
      index++;
      continue;
    }
    const start = index;
    while (index < text.length && wordCharacter.test(text.charAt(index))) index++;
    const protocol = protocolOf(text.slice(start, index));
    if (protocol !== null && !first.has(protocol)) first.set(protocol, start);
  }
  const found: Protocol[] = [];
  const offsets: number[] = [];
  for (const protocol of protocols) {
    const offset = first.get(protocol);
    if (offset === undefined) continue;
    found.push(protocol);
    offsets.push(offset);
  }
  return { protocols: found, offsets };
}

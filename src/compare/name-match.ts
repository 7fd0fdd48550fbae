/**
 * Do two records name the same service? Sources spell one service in many
 * ways: "Echo" against IANA's echo / "Echo", "SSH Remote Login Protocol"
 * against ssh / "The Secure Shell (SSH) Protocol", Transfer CFT's "PeSIT"
 * against cft-0. Each rule below is tried in order, and the first that holds
 * is reported with an explanation, so a reader can see how a match was decided.
 */
import type { PortRecord } from '../model/record.js';

/** The ways two records are found to name one service, strongest first (see `matchService`). */
export const matchMethods = ['same-keyword', 'same-name', 'keyword-in-name', 'acronym', 'product-name', 'product-keyword', 'shared-words', 'same-status'] as const;
export type MatchMethod = (typeof matchMethods)[number];

export interface NameMatch {
  method: MatchMethod;
  /** How the match was decided, in words. */
  explanation: string;
}

type Named = Pick<PortRecord, 'name' | 'serviceName' | 'product' | 'status'>;

/** Words too common in service names to show two names are the same. */
const commonWords = new Set([
  'the', 'of', 'and', 'for', 'a', 'an', 'to', 'in', 'on', 'over', 'by', 'with', 'or', 'via',
  'protocol', 'service', 'services', 'server', 'servers', 'port', 'ports', 'system', 'systems',
]);

/** Lower-case words: letters and digits, split at anything else. */
export function nameWords(text: string | null): string[] {
  return text ? (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) : [];
}

/** Acronyms a name spells out in parentheses: "The Secure Shell (SSH) Protocol" → ssh. */
export function acronymsOf(text: string | null): string[] {
  return text ? [...text.matchAll(/\(([A-Za-z][A-Za-z0-9-]{1,15})\)/g)].map((m) => (m[1] ?? '').toLowerCase()) : [];
}

/** A name without case, spacing or punctuation: "Who Is" and "WHOIS" are both `whois`. */
const compact = (text: string | null) => (text ? nameWords(text).join('') || null : null);
/** Words written in capitals, 2 to 6 letters: candidate acronyms such as RJE. */
function capitalWords(text: string | null): string[] {
  return text ? [...text.matchAll(/\b([A-Z]{2,6})\b/g)].map((m) => (m[1] ?? '').toLowerCase()) : [];
}

/** The initials of every run of 2 to 6 consecutive words: remote job execution → rj, rje, je. */
function initialsOf(words: readonly string[]): string[] {
  const initials: string[] = [];
  for (let start = 0; start < words.length; start++) {
    let run = '';
    for (let end = start; end < Math.min(words.length, start + 6); end++) {
      run += (words[end] ?? '').charAt(0);
      if (run.length >= 2) initials.push(run);
    }
  }
  return initials;
}

const stem = (word: string) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);

/** Decides whether `catalog` and `reference` name one service, and how. */
export function matchService(catalog: Named, reference: Named): NameMatch | null {
  if (catalog.status !== 'assigned' || reference.status !== 'assigned') {
    return catalog.status === reference.status
      ? { method: 'same-status', explanation: `both say ${catalog.status}` }
      : null;
  }
  const keyword = reference.serviceName?.toLowerCase() ?? null;
  if (keyword && catalog.serviceName?.toLowerCase() === keyword) {
    return { method: 'same-keyword', explanation: `both give the keyword \`${keyword}\`` };
  }
  const name = compact(catalog.name);
  const sameAs = [reference.name, keyword].find((other) => name !== null && compact(other) === name);
  if (sameAs) {
    return { method: 'same-name', explanation: `"${catalog.name}" is "${sameAs}" but for case, spacing and punctuation` };
  }

  const words = nameWords(catalog.name);
  const keywordParts = keyword ? keyword.split(/[^a-z0-9]+/).filter((part) => /^[a-z]{3,}$/.test(part)) : [];
  const inName = [keyword, ...keywordParts].find((part) => part !== null && words.includes(part));
  if (keyword && inName) {
    return { method: 'keyword-in-name', explanation: `keyword \`${keyword}\` is the word "${inName}" of "${catalog.name}"` };
  }
  const acronym =
    acronymsOf(reference.name).find((a) => words.includes(a)) ??
    acronymsOf(catalog.name).find((a) => nameWords(reference.name).includes(a));
  if (acronym) {
    return { method: 'acronym', explanation: `the acronym ${acronym.toUpperCase()} stands in both names` };
  }
  const spelled =
    capitalWords(reference.name).find((a) => initialsOf(words).includes(a)) ??
    capitalWords(catalog.name).find((a) => initialsOf(nameWords(reference.name)).includes(a));
  if (spelled) {
    return { method: 'acronym', explanation: `${spelled.toUpperCase()} spells the initials of words in the other name` };
  }
  // The registry often assigns a vendor's port under the product's own name (26257 `cockroach`, "CockroachDB").
  const product = compact(catalog.product);
  if (product !== null && product === compact(reference.name)) {
    return { method: 'product-name', explanation: `the reference's name "${reference.name}" is the product ${catalog.product}` };
  }
  const productWords = nameWords(catalog.product);
  const keywordStem = keyword ? (/^[a-z]+/.exec(keyword)?.[0] ?? '') : '';
  if (keywordStem.length >= 2 && productWords.includes(keywordStem)) {
    return { method: 'product-keyword', explanation: `keyword \`${keyword}\` names the product ${catalog.product}` };
  }

  const significant = (text: string | null) =>
    new Set(nameWords(text).filter((word) => word.length >= 3 && !commonWords.has(word)).map(stem));
  const ours = significant(catalog.name);
  const theirs = significant(reference.name);
  const shared = [...ours].filter((word) => theirs.has(word));
  if (shared.length > 0 && shared.length * 2 >= Math.min(ours.size, theirs.size)) {
    return { method: 'shared-words', explanation: `the names share ${shared.map((w) => `"${w}"`).join(', ')}` };
  }
  return null;
}

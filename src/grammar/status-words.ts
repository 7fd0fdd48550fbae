/**
 * An entry's status from its name. Registries and lists write a status where
 * a name would stand, in several phrasings, each a small rule:
 *
 * - `Unassigned`, `RESERVED`, `Reserved [was netstat]`: a status, with an
 *   optional remark kept as a note;
 * - `IANA Reserved`, `Reserved - IANA`: reserved;
 * - `(unassigned) Possibly assigned`: the status in parentheses, the rest a remark;
 * - `De-registered …`, `Deregistered`, `Removed …`, `Deprecated …`,
 *   `Decommissioned Port …`, `Decomissioned …` (IANA's spelling on 1783),
 *   `De-Commissioned Port`, `… - no longer used`: an assignment withdrawn.
 *   Its text stays the name, as it says what was there; the words alone
 *   (`No longer used`, `De-registered`) name nothing.
 */
import type { Status } from '../model/record.js';

export interface StatusWord {
  status: Exclude<Status, 'assigned' | 'category'>;
  /** The bracketed remark, e.g. `was netstat`, or null. */
  remark: string | null;
  /** True when the text is still the entry's name (a withdrawn assignment says what it was). */
  keepsName: boolean;
}

const vacancy = /^(unassigned|reserved)\s*(?:[[(]([^\])]*)[\])])?$/i;
const ianaReserved = /^(?:iana\s+reserved|reserved\s*[-–]\s*iana)\.?$/i;
const parenthesised = /^\((unassigned|reserved)\)\s*(.*)$/i;
// Withdrawal words as registries spell them: `De-registered`, `Deregistered`,
// `Decommissioned`, `De-Commissioned`, IANA's own `Decomissioned`, `no longer used`.
const withdrawalWords = String.raw`de-?registered|removed|deprecated|de-?com+is+ion(?:ed)?|no\s+longer\s+(?:used|in\s+use)`;
const withdrawn = new RegExp(String.raw`\b(?:${withdrawalWords})\b`, 'i');
// The words alone name nothing that was there: the entry has no name.
const withdrawnAlone = new RegExp(String.raw`^(?:${withdrawalWords})(?:\s+port)?\.?$`, 'i');

const vacantStatus = (word: string): 'unassigned' | 'reserved' => (word.toLowerCase() === 'reserved' ? 'reserved' : 'unassigned');

/** The status a name stands for, or null when it is a real name. */
export function statusWord(name: string): StatusWord | null {
  const text = name.trim();
  const plain = vacancy.exec(text);
  if (plain?.[1]) return { status: vacantStatus(plain[1]), remark: plain[2]?.trim() || null, keepsName: false };
  if (ianaReserved.test(text)) return { status: 'reserved', remark: null, keepsName: false };
  const opened = parenthesised.exec(text);
  if (opened?.[1]) return { status: vacantStatus(opened[1]), remark: opened[2]?.trim() || null, keepsName: false };
  if (withdrawn.test(text)) return { status: 'deprecated', remark: null, keepsName: !withdrawnAlone.test(text) };
  return null;
}

/** IANA's categories, by their bounds; a range on exactly these bounds named for its category is no assignment. */
const categoryRanges: readonly { start: number; end: number; words: RegExp }[] = [
  { start: 0, end: 1023, words: /\b(?:well-known|system) ports\b/i },
  { start: 1024, end: 49151, words: /\b(?:registered|user) ports\b/i },
  { start: 49152, end: 65535, words: /\b(?:dynamic|private|ephemeral) ports\b/i },
];

/** True for a range that names a port category (`1024–49151`, "registered ports"), not a service. */
export function isCategoryRange(start: number, end: number, text: string): boolean {
  return categoryRanges.some((range) => range.start === start && range.end === end && range.words.test(text));
}

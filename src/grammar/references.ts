/**
 * RFC mentions move out of names and descriptions into `references`:
 * `RFC 821.`, `RFC 927 and RFC 1492.`, `Auth - RFC 912. Ident - RFC 1413.`
 *
 * A label before a mention (`Auth - RFC 912`) is kept as a note, so the
 * source's "which RFC for what" is not lost. A word counts as a label when it
 * opens a sentence, is an acronym (`IMAP - RFC 2683`), or is a name the text
 * gives in parentheses (`(auth) … Auth - RFC 912`); otherwise it ends a phrase
 * (`Services Office - RFC 2378`) and stays in the text.
 */
import { compareText } from '../model/record.js';
import { cleanSpace } from '../model/text.js';

export interface ExtractedReferences {
  /** The text without its RFC mentions, whitespace collapsed. */
  text: string;
  references: string[];
  notes: string[];
}

// Neither pattern eats the period after a mention, so the next sentence
// still starts after ". "; periods left alone are swept up at the end.
const labelled = /(^|\.\s|\s)([A-Za-z][\w+/-]*) - RFC ?(\d{1,5})(?=\.?(?:\s|$))/g;
const list = /(^|\s)(?:- )?RFCs? ?(\d{1,5})((?:(?:,| and| or|,? &) RFC ?\d{1,5})*)(?=\.?(?:\s|$))/g;
// Run on text whose spaces are already single, so the pattern stays linear.
const strayPeriods = /(?: \.)+(?= |$)/g;
const number = /\d{1,5}/g;

/** Pulls RFC mentions out of `text`. */
export function extractReferences(text: string): ExtractedReferences {
  if (!/RFC/i.test(text)) return { text: cleanSpace(text), references: [], notes: [] };
  const references: string[] = [];
  const notes: string[] = [];
  const parenthesised = new Set([...text.matchAll(/\(([^()\s]+)\)/g)].map((m) => (m[1] ?? '').toLowerCase()));
  let rest = text.replace(labelled, (_match, before: string, label: string, rfc: string) => {
    const reference = `RFC${Number(rfc)}`;
    references.push(reference);
    const opensSentence = before === '' || before.startsWith('.');
    const isLabel = opensSentence || label === label.toUpperCase() || parenthesised.has(label.toLowerCase());
    if (!isLabel) return `${before}${label} `;
    notes.push(`${label}: ${reference}`);
    return `${before} `;
  });
  rest = rest.replace(list, (_match, before: string, first: string, more: string) => {
    for (const rfc of [first, ...(more.match(number) ?? [])]) references.push(`RFC${Number(rfc)}`);
    return `${before} `;
  });
  rest = cleanSpace(rest).replace(/^\./, '').replace(strayPeriods, '');
  return { text: rest, references: sortReferences(references), notes };
}

/** Distinct references in order of RFC number. */
export function sortReferences(references: Iterable<string>): string[] {
  return [...new Set(references)].sort((a, b) => rfcNumber(a) - rfcNumber(b) || compareText(a, b));
}

function rfcNumber(reference: string): number {
  const match = /^RFC(\d+)$/.exec(reference);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * Reference tokens a registry lists (`RFC3501`, `RFC 821`, `Jon_Postel`):
 * RFCs become references, anything else a note, so nothing is lost.
 */
export function readReferenceTokens(tokens: readonly string[]): { references: string[]; notes: string[] } {
  const references: string[] = [];
  const notes: string[] = [];
  for (const token of tokens) {
    const rfc = /^RFC ?0*([1-9]\d{0,4})$/i.exec(token.trim());
    if (rfc) references.push(`RFC${rfc[1]}`);
    else if (token.trim() !== '') notes.push(`Reference: ${token.trim()}`);
  }
  return { references: sortReferences(references), notes };
}

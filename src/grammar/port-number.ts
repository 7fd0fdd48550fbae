/**
 * How a port number is written in a cell: plain (`80`), with leading zeros
 * (`0080`), or with a thousands separator (`20,000`, `20 000`). The tokenizer
 * asks where a grouped number ends; the grammar asks its value and what to
 * doubt about it.
 *
 * A thousands separator is read only where nothing else fits: one comma or
 * one space (no space around the comma), one or two digits before it (not
 * starting with 0), exactly three after it, no letter or digit right after
 * those, no second group (`1,234,567` is no port), and a value that fits a
 * port. So `80,443` stays a list (80443 is no port), and so does
 * `1645,1646,1812` (four-digit groups).
 */
import { highestPort } from '../model/record.js';

/** Spaces that write a thousands separator: a space, a no-break space, a thin space, a narrow no-break space. */
const groupSpaces = new Set([' ', '\u00a0', '\u2009', '\u202f']);
const groupDigits = 3;

const isDigit = (character: string): boolean => character >= '0' && character <= '9';
const isSeparator = (character: string): boolean => character === ',' || groupSpaces.has(character);

/**
 * Where a number that starts at `offset` with a run of digits ending at
 * `headEnd` ends, when a thousands group follows (`20,000`); otherwise
 * `headEnd`. Looks at no more than six characters past the run, so the
 * tokenizer stays linear. It needs no end bound: the tokenized text ends at
 * the end of the cell or at the `)` closing the parentheses being read,
 * neither a digit, a letter nor a separator, so a group cut short there
 * fails the digit test.
 * Three or more digits before the separator (`139 445`) make a value above
 * the highest port, so the value check also bounds the first group.
 */
export function groupedNumberEnd(text: string, offset: number, headEnd: number, isLetter: (character: string) => boolean): number {
  const separator = text.charAt(headEnd);
  if (text.charAt(offset) === '0' || !isSeparator(separator)) return headEnd;
  const groupEnd = headEnd + 1 + groupDigits;
  for (let index = headEnd + 1; index < groupEnd; index++) if (!isDigit(text.charAt(index))) return headEnd;
  const after = text.charAt(groupEnd);
  if (isDigit(after) || isLetter(after)) return headEnd;
  // A second group (`1,234,567`) makes a number no port can be; read the parts as written.
  if (after === separator && isDigit(text.charAt(groupEnd + 1))) return headEnd;
  return Number(text.slice(offset, headEnd) + text.slice(headEnd + 1, groupEnd)) > highestPort ? headEnd : groupEnd;
}

/** The value of a port number as written: its digits, separators left out. */
export function portNumberValue(written: string): number {
  let digits = '';
  for (const character of written) if (isDigit(character)) digits += character;
  return Number(digits);
}

/**
 * What to doubt about a port number as written, as messages a caller reports
 * as warnings: leading zeros before a port (`0080`; zeros alone, `00`, are
 * port 0 however many), and a thousands separator that could also have
 * separated two ports (`22,443`, where `22, 443` was as likely; `20,000` is
 * not in doubt, since `000` is no way to write a port).
 */
export function portNumberDoubts(written: string): string[] {
  const value = portNumberValue(written);
  const separator = [...written].findIndex((character) => !isDigit(character));
  if (separator >= 0) {
    const head = written.slice(0, separator);
    const group = written.slice(separator + 1);
    if (group.startsWith('0')) return [];
    return [`Ambiguous \`${written}\`: read as port ${value} (a thousands separator); write \`${head}, ${group}\` for two ports`];
  }
  if (value !== 0 && written.startsWith('0')) return [`Unexpected leading zeros in \`${written}\`, read as port ${value}`];
  return [];
}

/**
 * The doubt about a span that is port 0 alone (`0`, `000`, `0-0`), which no
 * service listens on: a page that gives it means no port (a feature off) or
 * any free port, so it gives no record (see isZeroPort).
 */
export function zeroPortDoubt(written: string): string {
  return `Unexpected port 0 (\`${written}\`), expected a port from 1 to ${highestPort} (port 0 means no port, or any free one); no record`;
}

/** Whether a span is port 0 alone, which a page's cell or item gives no record for. */
export function isZeroPort(span: { start: number; end: number }): boolean {
  return span.start === 0 && span.end === 0;
}

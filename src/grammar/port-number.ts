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
/** At most two digits before the separator: three (`139 445`) would already make the value too large. */
const maxHeadDigits = 2;

const isDigit = (character: string): boolean => character >= '0' && character <= '9';
const isSeparator = (character: string): boolean => character === ',' || groupSpaces.has(character);

/**
 * Where a number that starts at `offset` with a run of digits ending at
 * `headEnd` ends, when a thousands group follows (`20,000`); otherwise
 * `headEnd`. Looks at no more than six characters past the run, so the
 * tokenizer stays linear.
 */
export function groupedNumberEnd(text: string, offset: number, headEnd: number, to: number, isLetter: (character: string) => boolean): number {
  const headDigits = headEnd - offset;
  if (headDigits < 1 || headDigits > maxHeadDigits || text.charAt(offset) === '0') return headEnd;
  const separator = text.charAt(headEnd);
  if (!isSeparator(separator)) return headEnd;
  const groupEnd = headEnd + 1 + groupDigits;
  if (groupEnd > to) return headEnd;
  for (let index = headEnd + 1; index < groupEnd; index++) if (!isDigit(text.charAt(index))) return headEnd;
  const after = groupEnd < to ? text.charAt(groupEnd) : '';
  if (isDigit(after) || (after !== '' && isLetter(after))) return headEnd;
  // A second group (`1,234,567`) makes a number no port can be; read the parts as written.
  if (after === separator && groupEnd + 1 < to && isDigit(text.charAt(groupEnd + 1))) return headEnd;
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
 * as warnings: a lone port 0 (`0`, `000`), leading zeros (`0080`), and a
 * thousands separator that could also have separated two ports (`22,443`,
 * where `22, 443` was as likely; `20,000` is not in doubt, since `000` is no
 * way to write a port). `alone` is false for the ends of a range, where 0
 * is an ordinary start (`0-1023`).
 */
export function portNumberDoubts(written: string, alone: boolean): string[] {
  const value = portNumberValue(written);
  const separator = [...written].findIndex((character) => !isDigit(character));
  if (separator >= 0) {
    const head = written.slice(0, separator);
    const group = written.slice(separator + 1);
    if (group.startsWith('0')) return [];
    return [`Ambiguous \`${written}\`: read as port ${value} (a thousands separator); write \`${head}, ${group}\` for two ports`];
  }
  if (value === 0 && alone) return [`Unexpected port 0 (\`${written}\`), expected a port from 1 to ${highestPort} (port 0 is reserved)`];
  if (written.length > 1 && written.startsWith('0')) return [`Unexpected leading zeros in \`${written}\`, read as port ${value}`];
  return [];
}

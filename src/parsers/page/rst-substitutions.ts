/**
 * A page's substitution definitions (`.. |name| replace:: text`), read before
 * its blocks: docutils resolves a reference against the whole document, and
 * pages often define their substitutions at the end (`|_|` for a no-break
 * space, `|br|` for a line break).
 *
 * What a definition gives as text: `replace` its text, rendered; `unicode`
 * the characters its codes name (trimmed with `:trim:`, `:ltrim:`,
 * `:rtrim:`); `raw` HTML that is only `<br>` a space, as a line break reads in
 * running text; `image` nothing, as an image has no text. Other definitions
 * (`date`, raw HTML of any other kind) are left out, so their references stay
 * as written.
 */
import { cleanSpace } from '../../model/text.js';
import { firstTextColumn, type LineCursor } from './markup-lines.js';
import { renderRstInline, substitutionKey, type Substitution, type Substitutions } from './rst-inline.js';
import { admonitions, containers, directiveAt, fieldOf } from './rst-syntax.js';

/**
 * Every substitution definition of the page, by name; the first of two with
 * one name counts. Lines docutils would not read as definitions are passed
 * over: literal blocks after `::`, and the bodies of comments and of
 * directives other than those whose content is read (`note`, `only`, …).
 */
export function readSubstitutions(lines: LineCursor): Substitutions {
  const found = new Map<string, Substitution>();
  let index = 0;
  while (index < lines.length) {
    const line = lines.line(index);
    const { text, indent } = line;
    if (line.blank) {
      index += 1;
      continue;
    }
    const explicit = text.startsWith('..', indent) && (text.length === indent + 2 || text[indent + 2] === ' ');
    if (!explicit) {
      // A literal block follows a line ending in `::`, indented past it.
      const next = lines.pastBlanks(index + 1);
      index = text.endsWith('::') && lines.line(next).indent > indent ? lines.whileIndented(next, indent) : index + 1;
      continue;
    }
    const end = lines.whileIndented(index + 1, indent);
    const start = firstTextColumn(text, indent + 3);
    const directive = start >= 0 && text[start] !== '|' ? directiveAt(text, start) : null;
    if (directive && (containers.has(directive.name.toLowerCase()) || admonitions.has(directive.name.toLowerCase()))) {
      index += 1; // its body is content, and may hold definitions
      continue;
    }
    const definition = start >= 0 && text[start] === '|' ? definitionOf(lines, index, start, end) : null;
    if (definition && !found.has(definition.key)) found.set(definition.key, definition.substitution);
    index = end;
  }
  return found;
}

/** The definition whose `|` stands at column `start` of line `index`, its body running to `end`; null when it gives no text. */
function definitionOf(lines: LineCursor, index: number, start: number, end: number): { key: string; substitution: Substitution } | null {
  const { text } = lines.line(index);
  const close = text.indexOf('|', start + 1);
  if (close <= start + 1 || text[close - 1] === ' ' || text[start + 1] === ' ') return null;
  const nameStart = firstTextColumn(text, close + 1);
  const directive = nameStart > close + 1 ? directiveAt(text, nameStart) : null;
  if (!directive) return null;

  // The directive's block: the rest of its line and the lines up to a blank one (its arguments and options), then its content.
  const head = [text.slice(directive.after)];
  const options = new Set<string>();
  let next = index + 1;
  for (; next < end && !lines.line(next).blank; next++) {
    const line = lines.line(next);
    const field = fieldOf(line);
    if (field) options.add(field.name);
    else head.push(line.text.slice(line.indent));
  }
  const content: string[] = [];
  for (; next < end; next++) content.push(lines.line(next).text.trim());

  const argument = cleanSpace(head.join(' '));
  const trim = options.has('trim');
  const plain = (value: string | null): Substitution | null => (value === null ? null : { text: value, trimLeft: trim || options.has('ltrim'), trimRight: trim || options.has('rtrim') });
  const substitution = ((): Substitution | null => {
    switch (directive.name.toLowerCase()) {
      case 'replace':
        return plain(renderRstInline(cleanSpace([argument, ...content].join(' '))));
      case 'unicode':
        return plain(unicodeText(argument));
      case 'raw':
        return /^html$/i.test(argument) && /^(?:<br\s*\/?>\s*)+$/i.test(cleanSpace(content.join(' '))) ? plain(' ') : null;
      case 'image':
        return plain('');
      default:
        return null;
    }
  })();
  return substitution ? { key: substitutionKey(text.slice(start + 1, close)), substitution } : null;
}

const hexCode = /^(?:0x|x|\\x|U\+|u|\\u|&#x)([0-9a-f]+);?$/i;
const decimalCode = /^(?:&#)?(\d+);?$/;

/**
 * The `unicode` directive's text: each code (`0xA0`, `U+2014`, `&#x2014;`,
 * `8212`) as its character, any other word as written, a `..` and what
 * follows it a comment. Null when a code names no character; a control or
 * format character is left out, as the page's own text would lose it.
 */
function unicodeText(argument: string): string | null {
  const pieces: string[] = [];
  for (const word of argument.split(' ')) {
    if (word === '..') break;
    const hex = hexCode.exec(word);
    const decimal = hex ? null : decimalCode.exec(word);
    const digits = hex?.[1] ?? decimal?.[1];
    if (digits === undefined) {
      pieces.push(word);
      continue;
    }
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (!(code <= 0x10ffff)) return null;
    const character = String.fromCodePoint(code);
    pieces.push(/^\p{C}$/u.test(character) ? '' : character);
  }
  return pieces.join('');
}

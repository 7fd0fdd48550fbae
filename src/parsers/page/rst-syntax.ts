/**
 * The reStructuredText markers that the block scanner and the table readers
 * both recognise (docutils' `Body.patterns`): bullets and enumerators, field
 * markers, directive names, and how a table cell is read with them.
 */
import type { Reporter } from '../../model/messages.js';
import type { At, CellSyntax, LineCursor, SourceLine } from './markup-lines.js';
import { isDigit, isNameCharacter } from './rst-inline.js';

/** What the parts of the reader share about one page. */
export interface RstPage {
  lines: LineCursor;
  report: Reporter;
  at: At;
  /** Inline markup as plain text, with the page's substitutions. */
  render: (source: string) => string;
  /** How a table cell is read: paragraphs and lists, as the page writes them. */
  cells: CellSyntax;
}

/** Admonitions: text after `::` on the directive line starts their content. */
export const admonitions = new Set([
  ...['note', 'warning', 'tip', 'important', 'caution', 'danger', 'error', 'hint', 'attention'],
  ...['seealso', 'todo', 'versionadded', 'versionchanged', 'deprecated', 'versionremoved'],
]);

/** Directives whose body is ordinary content; their arguments and options (up to a blank line) are not. */
export const containers = new Set([
  ...['admonition', 'table', 'topic', 'sidebar', 'container', 'only', 'ifconfig', 'class', 'rst-class'],
  ...['compound', 'epigraph', 'highlights', 'pull-quote', 'glossary', 'hlist', 'centered'],
  ...['tabs', 'tab', 'group-tab', 'tab-set', 'tab-item', 'dropdown', 'card', 'grid', 'grid-item', 'grid-item-card'],
]);

/** The characters docutils takes as bullets. */
export const bulletCharacters = '-*+•‣⁃';

/** Cells hold paragraphs and lists, as the page does, rendered as the page renders its text. */
export function cellSyntaxOf(render: (source: string) => string): CellSyntax {
  return { render, listMarker: listMarkerAt, itemContinuation: 'indented' };
}

/** The column after a bullet (`-`, `*`, `+`, `•`) and its spaces at `column`, or -1. */
export function bulletAt(text: string, column: number, to = text.length): number {
  if (column >= to || !bulletCharacters.includes(text[column] ?? '\n')) return -1;
  return afterMarker(text, column + 1, to);
}

/**
 * The column after a bullet or an enumerator and its spaces at `column`, or
 * -1. Enumerators are docutils' five kinds (`1`, `a`, `A`, `i`, `I`) or `#`,
 * each written `1.`, `1)` or `(1)`.
 */
export function listMarkerAt(text: string, column: number, to: number): number {
  const bullet = bulletAt(text, column, to);
  if (bullet >= 0) return bullet;
  const parenthesized = text[column] === '(';
  const start = parenthesized ? column + 1 : column;
  const end = enumeratorEnd(text, start, to);
  if (end < 0) return -1;
  const closer = text[end];
  if (parenthesized ? closer !== ')' : closer !== '.' && closer !== ')') return -1;
  return afterMarker(text, end + 1, to);
}

/** Where an enumerator starting at `from` ends: `#`, digits, one letter, or a roman numeral in one case; -1 when none starts there. */
function enumeratorEnd(text: string, from: number, to: number): number {
  if (text[from] === '#') return from + 1;
  let index = from;
  while (index < to && index - from < 10 && isDigit(text.charCodeAt(index))) index += 1;
  if (index > from) return index;
  // The longest roman numeral below 5,000 (MMMMDCCCLXXXVIII) has 16 letters.
  while (index < to && index - from < 17 && isAsciiLetter(text.charCodeAt(index))) index += 1;
  if (index - from === 1) return index;
  return isRomanNumeral(text.slice(from, index)) ? index : -1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const romanNumeral = /^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** `iv`, `XII`: a roman numeral written in one case (docutils reads `Iv` as text). */
function isRomanNumeral(word: string): boolean {
  const upper = word.toUpperCase();
  return word !== '' && (word === upper || word === word.toLowerCase()) && romanNumeral.test(upper);
}

function afterMarker(text: string, column: number, to: number): number {
  if (column < Math.min(to, text.length) && text[column] !== ' ') return -1;
  let index = column;
  while (index < to && text[index] === ' ') index += 1;
  return index;
}

/** A field list line `:name: value`: its name (lower case) and value, or null. */
export function fieldOf(line: SourceLine): { name: string; value: string } | null {
  const { text, indent } = line;
  if (text[indent] !== ':') return null;
  const close = text.indexOf(':', indent + 1);
  if (close <= indent + 1) return null;
  const after = text[close + 1];
  if (after !== undefined && after !== ' ') return null;
  return { name: text.slice(indent + 1, close).trim().toLowerCase(), value: text.slice(close + 1).trim() };
}

/** A directive `name::` starting at `from`: its name and the column after `::`, or null. */
export function directiveAt(text: string, from: number): { name: string; after: number } | null {
  let index = from;
  for (;;) {
    const start = index;
    while (index < text.length && isNameCharacter(text.charCodeAt(index))) index += 1;
    if (index === start) return null;
    if ('-._+:'.includes(text[index] ?? ' ') && isNameCharacter(text.charCodeAt(index + 1))) index += 1;
    else break;
  }
  const name = text.slice(from, index);
  if (text[index] === ' ') index += 1;
  if (!text.startsWith('::', index)) return null;
  const after = index + 2;
  return after === text.length || text[after] === ' ' ? { name, after } : null;
}

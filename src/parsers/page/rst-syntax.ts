/**
 * The reStructuredText markers that the block scanner and the table readers
 * both recognise (docutils' `Body.patterns`): bullets and enumerators, field
 * markers, and how a table cell is read with them.
 */
import type { CellSyntax, SourceLine } from './markup-lines.js';
import { isDigit, renderRstInline } from './rst-inline.js';

/** The characters docutils takes as bullets. */
export const bulletCharacters = '-*+•‣⁃';

/** Cells hold paragraphs and lists, as the page does. */
export const rstCellSyntax: CellSyntax = { render: renderRstInline, listMarker: listMarkerAt, itemContinuation: 'indented' };

/** The column after a bullet (`-`, `*`, `+`, `•`) and its spaces at `column`, or -1. */
export function bulletAt(text: string, column: number, to = text.length): number {
  if (column >= to || !bulletCharacters.includes(text[column] ?? '\n')) return -1;
  return afterMarker(text, column + 1, to);
}

/** The column after a bullet or an enumerator (`1.`, `#.`, `1)`, `(1)`) and its spaces at `column`, or -1. */
export function listMarkerAt(text: string, column: number, to: number): number {
  const bullet = bulletAt(text, column, to);
  if (bullet >= 0) return bullet;
  let index = column;
  const parenthesized = text[index] === '(';
  if (parenthesized) index += 1;
  if (text[index] === '#') index += 1;
  else {
    const digits = index;
    while (index < to && index - digits < 10 && isDigit(text.charCodeAt(index))) index += 1;
    if (index === digits) return -1;
  }
  const closer = text[index];
  if (parenthesized ? closer !== ')' : closer !== '.' && closer !== ')') return -1;
  return afterMarker(text, index + 1, to);
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

/**
 * What one line of AsciiDoc is, as Asciidoctor's rx.rb tells: a block
 * delimiter, a section title or its underline, a list marker, an attribute
 * entry, a block attribute line, a comment. Each recogniser looks at one line
 * (two for a two-line title) and costs time linear in it.
 */
import { unquote } from './asciidoc-inline.js';

/** What a delimiter line opens: text to read (`compound`), text to skip, or a table. */
export type DelimiterKind = 'comment' | 'verbatim' | 'fence' | 'compound' | 'table' | null;

/** The kind of block a delimiter line opens, or null for a line that is no delimiter. */
export function delimiterKind(text: string): DelimiterKind {
  if (text === '--') return 'compound';
  if (text.startsWith('```')) return 'fence';
  if (text.length >= 4 && '|,:!'.includes(text[0] ?? '') && text.startsWith('===', 1) && isRunOf(text, '=', 1)) return 'table';
  if (text.length < 4) return null;
  const first = text[0] ?? '';
  if (!isRunOf(text, first, 0)) return null;
  if (first === '/') return 'comment';
  if (first === '-' || first === '.' || first === '+') return 'verbatim';
  if (first === '=' || first === '*' || first === '_') return 'compound';
  return null;
}

const blockNames: Readonly<Record<string, string>> = {
  '-': 'listing',
  '.': 'literal',
  '+': 'passthrough',
  '/': 'comment',
  '`': 'fenced code',
  '=': 'example',
  '*': 'sidebar',
  _: 'quote',
};

/** What Asciidoctor calls the block a delimiter line opens: `listing` for `----`, `open` for `--`. */
export function blockName(delimiter: string): string {
  if (delimiter === '--') return 'open';
  return blockNames[delimiter[0] ?? ''] ?? 'delimited';
}

/** Whether `text` from `from` on is one character repeated (true for nothing). */
export function isRunOf(text: string, character: string, from: number): boolean {
  for (let index = from; index < text.length; index++) if (text[index] !== character) return false;
  return true;
}

/** `// text`, but not the `////` of a comment block. */
export function isLineComment(text: string): boolean {
  return text.startsWith('//') && text[2] !== '/';
}

/** A thematic break (`'''`, `---`, `* * *`) or a page break (`<<<`). */
export function isBreak(text: string): boolean {
  if (text === "'''" || text === '<<<') return true;
  const first = text[0] ?? '';
  if (!'-*_'.includes(first)) return false;
  let marks = 0;
  for (const character of text) {
    if (character === first) marks += 1;
    else if (character !== ' ') return false;
  }
  return marks === 3;
}

/** `include::…[]`, `ifdef::…[]`, `image::…[]`, `toc::[]`: a directive or a block macro on a line of its own. */
export function isPreprocessorOrBlockMacro(text: string): boolean {
  let index = 0;
  while (index < text.length && index < 32 && /[a-z0-9_-]/.test(text[index] ?? '')) index += 1;
  if (index === 0 || !text.startsWith('::', index)) return false;
  const open = text.indexOf('[', index + 2);
  return open >= 0 && text.endsWith(']') && !/\s/.test(text.slice(index + 2, open));
}

/** An attribute entry: `:name: value` sets `name` (lowercased, as Asciidoctor stores it); `:name!:` or `:!name:` unsets it (value null). */
export interface AttributeEntry {
  name: string;
  value: string | null;
}

/** The attribute entry a line writes (`:name: value`, `:name!:`, `:!name:`), or null. */
export function attributeEntryOf(text: string): AttributeEntry | null {
  if (text[0] !== ':') return null;
  let index = 1;
  const unsetBefore = text[index] === '!';
  if (unsetBefore) index += 1;
  const nameStart = index;
  while (index < text.length && /[\w-]/.test(text[index] ?? '')) index += 1;
  if (index === nameStart) return null;
  const name = text.slice(nameStart, index).toLowerCase();
  const unsetAfter = text[index] === '!';
  if (unsetAfter) index += 1;
  if (text[index] !== ':' || (index + 1 < text.length && text[index + 1] !== ' ')) return null;
  return { name, value: unsetBefore || unsetAfter ? null : text.slice(index + 1).trim() };
}

/** `[…]` on a line of its own, opening as Asciidoctor's block attribute lists do. */
export function isAttributeLine(text: string): boolean {
  if (!text.startsWith('[') || !text.endsWith(']') || text.length < 2) return false;
  const second = text[1] ?? '';
  return second === ']' || /[\w.#%{,"']/.test(second);
}

/** A block anchor on a line of its own: `[[id]]`, `[[id,Reference text]]`. */
export function isAnchorLine(text: string): boolean {
  return text.startsWith('[[') && text.endsWith(']]');
}

/** A block title: `.Title` (but not `..` or `. item`). */
export function isBlockTitle(text: string): boolean {
  return text[0] === '.' && text.length > 1 && text[1] !== '.' && text[1] !== ' ';
}

/** Lines that end a paragraph: a block delimiter, an attribute line, a list continuation. */
export function interruptsParagraph(text: string, indent: number): boolean {
  if (indent > 0) return false;
  return delimiterKind(text) !== null || text === '+' || (isAttributeLine(text) && !text.startsWith('[['));
}

/** `== Title` (or Markdown's `## Title`): depth is the count of marks. */
export function headingOf(text: string): { depth: number; title: string } | null {
  const mark = text[0];
  if (mark !== '=' && mark !== '#') return null;
  let depth = 0;
  while (text[depth] === mark) depth += 1;
  if (depth > 6 || text[depth] !== ' ') return null;
  let title = text.slice(depth + 1).trim();
  // A symmetric closing run (`== Title ==`) is not part of the title.
  const closing = mark.repeat(depth);
  if (title.endsWith(` ${closing}`)) title = title.slice(0, -closing.length - 1).trimEnd();
  return title === '' ? null : { depth, title };
}

/** Underline characters of a two-line title, by level: `=` is the document title (depth 1), `+` level 4 (depth 5). */
const underlines = '=-~^+';

/**
 * The heading depth a two-line title's underline gives (1 for `=`, 2 for
 * `-`, 3 for `~`, 4 for `^`, 5 for `+`), or 0: a run of one underline
 * character, at least two long, not indented.
 */
export function underlineDepth(text: string): number {
  const first = text[0] ?? '';
  const level = underlines.indexOf(first);
  if (level < 0 || first === '' || text.length < 2 || !isRunOf(text, first, 1)) return 0;
  return level + 1;
}

/**
 * Whether a line can be the text of a two-line title: it holds a letter or
 * a digit and is no other kind of line (delimiter, list item, attribute
 * line or entry, block title, comment, directive).
 */
export function canBeTitle(text: string): boolean {
  if (text === '' || text[0] === '.' || text[0] === ' ') return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (delimiterKind(text) !== null || isLineComment(text) || isAttributeLine(text) || isAnchorLine(text)) return false;
  if (attributeEntryOf(text) !== null || isPreprocessorOrBlockMacro(text)) return false;
  return listMarkerOf(text, 0, text.length) === null && descriptionTermOf(text) === null;
}

/** Title and underline lengths may differ by this many characters, as AsciiDoc Python allows. */
export const underlineSlack = 2;

/** Characters (code points, not UTF-16 units) in a string. */
export function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

/** A list item's marker: where its text starts, and the trait its siblings share. */
export interface ListMarker {
  /** The column after the marker and its spaces. */
  content: number;
  /**
   * `*`, `**`, `-`, `.`, `..`: the marker itself; `1.`, `a.`, `A.`, `i)`,
   * `I)`: its numbering style, so `2.` is a sibling of `1.`.
   */
  trait: string;
}

/**
 * The list marker at `column` of `text` (not past `to`), or null: `*` to
 * `*****`, `-`, `.` to `.....`, `1.`, `a.`, `i)`; a marker needs a space and
 * text after it.
 */
export function listMarkerOf(text: string, column: number, to: number): ListMarker | null {
  const first = text[column] ?? '';
  let index = column;
  let trait: string;
  if (first === '*' || first === '.') {
    while (index < to && text[index] === first && index - column < 6) index += 1;
    if (index - column > 5) return null;
    trait = text.slice(column, index);
  } else if (first === '-') {
    index += 1;
    trait = '-';
  } else {
    const start = index;
    while (index < to && index - start < 9 && /[0-9]/.test(text[index] ?? '')) index += 1;
    if (index > start) {
      if (text[index] !== '.') return null;
      trait = '1.';
    } else if (/[a-zA-Z]/.test(first) && text[index + 1] === '.') {
      index += 1;
      trait = /[a-z]/.test(first) ? 'a.' : 'A.';
    } else {
      // The roman `i)`, `IV)` markers.
      while (index < to && index - start < 8 && /[ivxlcdmIVXLCDM]/.test(text[index] ?? '')) index += 1;
      if (index === start || text[index] !== ')') return null;
      trait = /[a-z]/.test(first) ? 'i)' : 'I)';
    }
    index += 1;
  }
  if (index >= to || text[index] !== ' ') return null;
  while (index < to && text[index] === ' ') index += 1;
  return index >= to ? null : { content: index, trait };
}

/** The column after a list marker and its spaces at `column`, or -1 (see listMarkerOf). */
export function listMarkerAt(text: string, column: number, to: number): number {
  return listMarkerOf(text, column, to)?.content ?? -1;
}

/** A description list term: `CPU:: The brain`, `Port;;`. */
export interface DescriptionTerm {
  /** Columns of the term's text. */
  start: number;
  end: number;
  /** `::`, `:::`, `::::` or `;;`: a term of another marker opens a nested list. */
  trait: string;
  /** The column where the description starts on the term's line, or -1 when it is on the lines after. */
  content: number;
}

/**
 * The description list term a line opens with, or null: the text before
 * the first `::` to `::::` (or `;;`) that ends the line or is followed by a
 * space, as Asciidoctor's DescriptionListRx finds it. One pass over the line.
 */
export function descriptionTermOf(text: string): DescriptionTerm | null {
  let start = 0;
  while (text[start] === ' ') start += 1;
  if (start >= text.length || (text.startsWith('//', start) && text[start + 2] !== '/')) return null;
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (character !== ':' && character !== ';') {
      index += 1;
      continue;
    }
    let runEnd = index;
    while (text[runEnd] === character) runEnd += 1;
    const after = text[runEnd];
    if (runEnd - index >= 2 && (after === undefined || after === ' ')) {
      // The marker is the run's last 2–4 colons (2 semicolons); what stands before it is the term.
      const width = character === ':' ? Math.min(runEnd - index, 4) : 2;
      const markerStart = runEnd - width;
      let end = markerStart;
      while (end > start && text[end - 1] === ' ') end -= 1;
      let content = runEnd;
      while (text[content] === ' ') content += 1;
      return { start, end, trait: text.slice(markerStart, runEnd), content: content < text.length ? content : -1 };
    }
    index = runEnd;
  }
  return null;
}

/** The attributes of a block attribute line (`[cols="1,2", options="header"]`, `[%header]`, `[source,sh]`). */
export interface Attributes {
  style: string;
  options: Set<string>;
  named: Map<string, string>;
  offset: number;
}

/** The attributes written inside a block attribute line's brackets. */
export function parseAttributes(inner: string, offset: number): Attributes {
  const attributes: Attributes = { style: '', options: new Set(), named: new Map(), offset };
  let positional = 0;
  for (const entry of splitEntries(inner)) {
    const equals = entry.indexOf('=');
    const name = equals > 0 ? entry.slice(0, equals).trim() : '';
    if (equals > 0 && /^[\w-]+$/.test(name)) {
      const value = unquote(entry.slice(equals + 1).trim());
      attributes.named.set(name, value);
      if (name === 'options' || name === 'opts') for (const option of value.split(',')) attributes.options.add(option.trim());
      continue;
    }
    positional += 1;
    if (positional !== 1) continue;
    // The first positional attribute: a style with `#id`, `.role` and `%option` shorthands.
    const shorthand = /[#.%]/.exec(entry);
    attributes.style = (shorthand ? entry.slice(0, shorthand.index) : entry).trim().toLowerCase();
    for (const option of entry.split('%').slice(1)) attributes.options.add(option.split(/[#.]/)[0] ?? '');
  }
  return attributes;
}

/** Comma-separated entries, commas inside quotes kept. */
function splitEntries(inner: string): string[] {
  const entries: string[] = [];
  let quote = '';
  let start = 0;
  for (let index = 0; index < inner.length; index++) {
    const character = inner[index] ?? '';
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === ',') {
      entries.push(inner.slice(start, index).trim());
      start = index + 1;
    }
  }
  entries.push(inner.slice(start).trim());
  return entries;
}

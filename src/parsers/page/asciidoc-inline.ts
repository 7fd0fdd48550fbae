/**
 * AsciiDoc inline markup, as Asciidoctor's substitutors.rb applies it to a
 * paragraph, a title or a cell: attribute references resolved from the
 * document's own attribute entries; quoted text, links and cross
 * references, macros and escapes turned into the plain text a reader sees.
 */
import { closesAt, isWordCharacter, nextFinder, opensAt } from './markup-lines.js';

const macros = new Set(['link', 'xref', 'mailto', 'image', 'kbd', 'btn', 'pass', 'footnote', 'footnoteref', 'anchor', 'icon']);
const escapable = '\\`*_#+[]<>{}|^~:';

/**
 * AsciiDoc inline markup as plain text: `code`, +pass+, *strong*, _em_ and
 * #mark# keep their text; link:url[text], https://url[text], xref:id[text]
 * and <<id,text>> keep their text (the target when the text is empty);
 * footnotes are dropped; `\` escapes are resolved. One pass: each opener
 * looks only at the nearest closer, so the work stays linear.
 */
export function renderAsciidocInline(source: string): string {
  const find = markerFinder(source);
  const out: string[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index] ?? '';
    if (character === '\\' && escapable.includes(source[index + 1] ?? ' ')) {
      out.push(source[index + 1] ?? '');
      index += 2;
      continue;
    }
    if ('`+*_#'.includes(character)) {
      const quoted = quotedAt(source, index, character, find);
      if (quoted) {
        out.push(character === '`' || character === '+' ? quoted.inner : renderAsciidocInline(quoted.inner));
        index = quoted.end;
        continue;
      }
      let run = index;
      while (source[run] === character) run += 1;
      out.push(source.slice(index, run));
      index = run;
      continue;
    }
    if (character === '<' && source[index + 1] === '<') {
      const close = find('>>', index + 2);
      if (close > index + 2) {
        const inner = source.slice(index + 2, close);
        const comma = inner.indexOf(',');
        out.push(comma >= 0 ? inner.slice(comma + 1).trim() : inner.trim());
        index = close + 2;
        continue;
      }
    }
    // Macros open a word, except footnotes, which follow what they annotate (`8080footnote:[…]`).
    const opensWord = !isWordCharacter(source.charCodeAt(index - 1));
    if ((opensWord && /[a-z]/.test(character)) || (character === 'f' && source.startsWith('footnote', index))) {
      const macro = macroAt(source, index, find);
      if (macro) {
        out.push(macro.text);
        index = macro.end;
        continue;
      }
    }
    out.push(character);
    index += 1;
  }
  return out.join('');
}

/** A quoted span at `index` (`+++x+++`, `++x++`, `**x**`, or constrained `*x*`): its inner text and end. */
function quotedAt(source: string, index: number, mark: string, find: (marker: string, from: number) => number): { inner: string; end: number } | null {
  const widths = mark === '+' ? [3, 2] : [2];
  for (const width of widths) {
    const marker = mark.repeat(width);
    if (!source.startsWith(marker, index)) continue;
    const close = find(marker, index + width);
    if (close > index + width) return { inner: source.slice(index + width, close), end: close + width };
  }
  if (!opensAt(source, index, 1)) return null;
  const close = find(mark, index + 1);
  if (close <= index + 1 || !closesAt(source, close, 1)) return null;
  return { inner: source.slice(index + 1, close), end: close + 1 };
}

/** `link:url[text]`, `https://url[text]`, `xref:id[text]`, `kbd:[…]`, `footnote:[…]` … at `index`. */
function macroAt(source: string, index: number, find: (marker: string, from: number) => number): { text: string; end: number } | null {
  let colon = index;
  while (colon < source.length && colon - index < 12 && /[a-z]/.test(source[colon] ?? '')) colon += 1;
  if (source[colon] !== ':') return null;
  const name = source.slice(index, colon);
  const url = ['http', 'https', 'ftp', 'irc', 'file'].includes(name) && source.startsWith('//', colon + 1);
  if (!url && !macros.has(name)) return null;
  let targetEnd = colon + 1;
  while (targetEnd < source.length && source[targetEnd] !== '[' && source[targetEnd] !== ' ') targetEnd += 1;
  const target = source.slice(url ? index : colon + 1, targetEnd);
  // Without a label the scanned text stays as written, and is not scanned again.
  if (source[targetEnd] !== '[') return { text: source.slice(index, targetEnd), end: targetEnd };
  const close = find(']', targetEnd + 1);
  if (close < 0) return { text: source.slice(index, targetEnd), end: targetEnd };
  const label = source.slice(targetEnd + 1, close);
  const end = close + 1;
  if (name === 'footnote' || name === 'footnoteref' || name === 'anchor') return { text: '', end };
  if (name === 'pass' || name === 'kbd' || name === 'btn') return { text: label, end };
  const text = linkText(label);
  return { text: text === '' ? target : text, end };
}

/** The text of a link label: before any `,name=value` attributes, without the `^` (new window) mark. */
function linkText(label: string): string {
  const comma = label.indexOf(',');
  const text = comma >= 0 && label.slice(comma).includes('=') ? label.slice(0, comma) : label;
  return unquote(text.trim()).replace(/\^$/, '').trim();
}

/** A value without the quotes around it (`"1,2"` → `1,2`). */
export function unquote(value: string): string {
  const first = value[0];
  return (first === '"' || first === "'") && value.length >= 2 && value.endsWith(first) ? value.slice(1, -1) : value;
}

type Find = (marker: string, from: number) => number;

/** Finds markers in one text, one nextFinder per marker, so each marker's scan stays linear. */
function markerFinder(source: string): Find {
  const finders = new Map<string, (from: number) => number>();
  return (marker, from) => {
    let finder = finders.get(marker);
    if (!finder) {
      finder = nextFinder(source, marker);
      finders.set(marker, finder);
    }
    return finder(from);
  };
}

// Attribute references.

/** Asciidoctor's intrinsic attributes: characters a document can always name (`{nbsp}`, `{plus}`), as text. */
const intrinsicAttributes: ReadonlyMap<string, string> = new Map([
  ['startsb', '['],
  ['endsb', ']'],
  ['vbar', '|'],
  ['caret', '^'],
  ['asterisk', '*'],
  ['tilde', '~'],
  ['plus', '+'],
  ['backslash', '\\'],
  ['backtick', '`'],
  ['blank', ''],
  ['empty', ''],
  ['sp', ' '],
  ['two-colons', '::'],
  ['two-semicolons', ';;'],
  ['nbsp', '\u00a0'],
  ['deg', '\u00b0'],
  ['zwsp', ''],
  ['quot', '"'],
  ['apos', "'"],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['wj', ''],
  ['brvbar', '\u00a6'],
  ['pp', '++'],
  ['cpp', 'C++'],
  ['cxx', 'C++'],
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
]);

/**
 * The attributes a document sets with its attribute entries, in the order
 * it sets them, and the references (`{name}`) they resolve. A reference to
 * an attribute that is not set stays as written, as Asciidoctor leaves it
 * (`attribute-missing: skip`); so does an escaped one (`\{name}`) and one
 * inside a passthrough (`+{name}+`, `pass:[{name}]`).
 *
 * Values can name other attributes, so text could grow without end
 * (`:b: {a}{a}`, `:c: {b}{b}` …): all the text references add, over the
 * whole document, is bounded by `budget` characters; past it, references
 * stay as written, which keeps reading linear in the page.
 */
export class DocumentAttributes {
  private readonly values = new Map<string, string>();

  constructor(private budget: number) {}

  /** Sets an attribute (its value's references resolved now, as Asciidoctor does), or unsets it (null). */
  set(name: string, value: string | null): void {
    const key = name.toLowerCase();
    if (value === null) this.values.delete(key);
    else this.values.set(key, this.resolve(value));
  }

  /** The text with every reference to a set attribute replaced by its value. */
  resolve(text: string): string {
    if (!text.includes('{')) return text;
    const find = markerFinder(text);
    const out: string[] = [];
    let index = 0;
    let copied = 0;
    while (index < text.length) {
      const character = text[index] ?? '';
      if (character === '\\' && text[index + 1] === '{') {
        index += 2;
      } else if (character === '+') {
        index = quotedAt(text, index, '+', find)?.end ?? index + 1;
      } else if (character === 'p' && text.startsWith('pass:[', index) && !isWordCharacter(text.charCodeAt(index - 1))) {
        const close = find(']', index + 6);
        index = close < 0 ? index + 1 : close + 1;
      } else if (character === '{') {
        const end = referenceEnd(text, index);
        const value = end < 0 ? undefined : this.valueOf(text.slice(index + 1, end - 1));
        if (value === undefined || value.length > this.budget) {
          index = end < 0 ? index + 1 : end;
          continue;
        }
        this.budget -= value.length;
        out.push(text.slice(copied, index), value);
        index = end;
        copied = end;
      } else index += 1;
    }
    if (copied === 0) return text;
    out.push(text.slice(copied));
    return out.join('');
  }

  private valueOf(name: string): string | undefined {
    const key = name.toLowerCase();
    return this.values.get(key) ?? intrinsicAttributes.get(key);
  }
}

/**
 * The end (after `}`) of an attribute reference opening at `index`, or -1:
 * `{name}`, a name being a letter, digit or `_` and then those or `-`.
 */
function referenceEnd(text: string, index: number): number {
  let end = index + 1;
  if (!isWordCharacter(text.charCodeAt(end))) return -1;
  while (end < text.length && (isWordCharacter(text.charCodeAt(end)) || text[end] === '-')) end += 1;
  return text[end] === '}' ? end + 1 : -1;
}

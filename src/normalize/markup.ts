import { decodeHTML } from 'entities';
import { normalizeText } from '../input/normalize-text.js';
import { cleanSpace } from '../model/text.js';

/**
 * Removes the inline markup scraped pages carry: Markdown emphasis and code,
 * links (keeping their text), and inline HTML tags. Each pattern is linear:
 * no nested quantifiers over the same characters.
 */

const replacements: readonly [RegExp, string][] = [
  [/\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1'], // [text](url); brackets excluded inside, so a run of `[` stays linear
  [/\*\*([^*\n]+)\*\*/g, '$1'], // **bold**
  [/`([^`\n]+)`/g, '$1'], // `code`
  [/<\/?(?:i|b|em|strong|code|span|a|u|sup|sub)(?:\s[^<>]*)?>/gi, ''], // inline HTML tags
];

/** Any character that can open markup; text without one is returned as it is. */
const markupCharacter = /[*`[<]/;

/** Text with inline markup removed; whitespace is left for the caller to clean. */
export function stripMarkup(text: string): string {
  if (!markupCharacter.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of replacements) result = result.replace(pattern, replacement);
  // A bold run a source wrapped across lines can leave a lone `**`.
  return result.replace(/\*\*/g, '');
}

/**
 * Links of the three markups, reduced to the text a reader sees: Markdown
 * `[text](url)` and `[text][ref]`, reStructuredText `` `text <url>`_ `` and
 * `` `text`_ ``, AsciiDoc `https://host/path[text]` and `link:path[text]`,
 * and HTML `<a …>text</a>` (the tags go with the others). Each pattern is
 * linear.
 */
const links: readonly [RegExp, string][] = [
  [/!?\[([^[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)/g, '$1'],
  [/\[([^[\]\n]*)\]\[[^[\]\n]*\]/g, '$1'],
  [/`([^`<\n]*?)\s*<[^<>`\n]*>`__?/g, '$1'],
  [/`([^`\n]+)`__?/g, '$1'],
  [/\b(?:link:|(?:https?|ftp|irc|mailto):)[^\s[\]]{1,2048}\[([^[\]\n]+)\]/g, '$1'],
];

/** HTML tags; a line break or a block tag leaves a space, so words stay apart. */
const htmlTag = /<\/?([a-zA-Z][\w-]*)(?:\s[^<>]*)?\/?>/g;
const inlineTags = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'kbd', 'mark', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var']);
/** Character references (`&nbsp;`, `&#160;`, `&#xA0;`). */
const characterReference = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;

/** Emphasis and code marks of the three markups: `**`, `__`, `*`, `_` at word edges, `` ` `` and ` `` `. */
const marks: readonly [RegExp, string][] = [
  [/``([^`\n]+)``/g, '$1'],
  [/`([^`\n]+)`/g, '$1'],
  [/\*\*([^*\n]+)\*\*/g, '$1'],
  [/(?<![\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])/g, '$1'],
  [/(?<![\w_])__?([^_\s](?:[^_\n]*[^_\s])?)__?(?![\w_])/g, '$1'],
];

/**
 * Text as rendered, for patterns and heading filters to match: links keep
 * their text and drop their address, HTML tags go, character references are
 * decoded and then normalized as the source text was (input/normalize-text),
 * so `&nbsp;` reads as a space and `&#8203;` as nothing. With `keepMarks`,
 * code and emphasis marks stay, for a pattern that names them
 * (`` `{port}` for {name} ``); otherwise they go too. Whitespace is collapsed.
 */
export function renderText(text: string, keepMarks = false): string {
  let result = text;
  for (const [pattern, replacement] of links) result = result.replace(pattern, replacement);
  result = result.replace(htmlTag, (_tag: string, name: string) => (inlineTags.has(name.toLowerCase()) ? '' : ' '));
  if (!keepMarks) for (const [pattern, replacement] of marks) result = result.replace(pattern, replacement);
  if (characterReference.test(result)) result = normalizeText(decodeHTML(result)).text;
  characterReference.lastIndex = 0;
  return cleanSpace(result);
}

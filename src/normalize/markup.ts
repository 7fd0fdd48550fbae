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

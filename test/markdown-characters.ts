/**
 * What the Markdown writers' property tests draw text from: characters and
 * runs that mean something to Markdown, HTML, GFM tables or autolinks, among
 * plain ones and some beyond ASCII (emoji, spaces that are not U+0020). Each
 * test adds what its own context must meet.
 */
export const markdownCharacters: readonly string[] = [
  ...'ab Z09 .:-_*`|[]()<>&#!~\\/@=+\'";,%{}^$?'.split(''),
  '❌',
  '✔️',
  '\u00a0',
  '\u200b',
  '\t',
  '\u2013',
  'www.',
  'https://x.org',
  '1.',
  '- ',
  '# ',
  '---',
];

/** Where an HTML table ends in a page's text. */

/**
 * Where the HTML table that starts at `start` ends: after its matching
 * `</table>`, counting nested tables, skipping comments; the end of the page
 * when it is never closed.
 */
export function endOfTable(text: string, start: number): number {
  const tags = /<!--|<(\/?)table\b[^>]*>/gi;
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (match[0] === '<!--') {
      const close = text.indexOf('-->', match.index + 4);
      if (close < 0) return text.length;
      tags.lastIndex = close + 3;
      continue;
    }
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return text.length;
}

/**
 * What remark reads of a Markdown page: the page less the inner lines of its
 * HTML tables, where leaving them out cannot change how anything else on
 * the page reads, and the way back to the page's own positions.
 *
 * Only parse5 reads an HTML table (markdown-blocks.ts); remark reads the page
 * for its headings, lists, paragraphs, pipe tables and code. Yet micromark
 * walks every character of every line it is given, and on a page with a
 * large HTML table that walk was a quarter of the page's reading time.
 *
 * The lines between a table's first line and its last are left out when:
 * - the table's `<table` opens its line, at column 0. Such a line is either
 *   the start of an HTML block of the kind that ends only at a blank line
 *   (no container survives a line at column 0 that is not a paragraph's
 *   lazy continuation, and an HTML block start interrupts a paragraph), or
 *   a line inside a construct that started above it (a fenced code block, a
 *   comment, `<pre>`, an HTML block still open);
 * - and none of those lines could end any of these: none is blank, none
 *   opens with a code fence, and none holds `</pre`, `</script`, `</style`,
 *   `</textarea`, `-->`, `?>` or `]]>`.
 * Then whatever construct the first line is in, it is still in it at the
 * last line, which is kept, with or without the lines between: the rest of
 * the page reads the same. Any other table is given to remark whole.
 *
 * Whole lines are left out, so a position maps back by adding the lines and
 * characters left out before it; its column stays.
 */
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import { endOfTable } from './html-table-end.js';

/** Lines left out: at `leanAt` in the lean text, `chars` characters and `lines` line breaks, counted with every cut before. */
interface Cut {
  leanAt: number;
  chars: number;
  lines: number;
}

/** The text remark reads, and the cuts that map its positions back to the page's. */
export interface LeanMarkdown {
  text: string;
  cuts: readonly Cut[];
}

// Lines are Markdown's: they end at `\n` or `\r\n` (a page with a lone `\r` is read whole), never at
// the other breaks JavaScript's multiline mode knows, so no `m` flag.

/** `<table` opening a line at column 0, as an HTML block start writes it (the name, then a space, a tab, `>`, `/>` or the line's end). */
const tableAtLineStart = /(?<![^\n])<table(?=[ \t>]|\/>|\r?\n|\r?$)/gi;
/** A line of nothing but spaces and tabs. */
const blankLine = /(?<![^\n])[ \t]*\r?(?:\n|$)/;
/** What could end a construct a table's lines sit in: a code fence, the end of a raw-text element, a comment, an instruction or CDATA. */
const possibleEnd = /(?<![^\n]) {0,3}(?:`{3}|~{3})|<\/(?:pre|script|style|textarea)\b|-->|\?>|\]\]>/i;

/** The page with the inner lines of its HTML tables left out, where that is safe (see above). */
export function leanMarkdown(text: string): LeanMarkdown {
  if (!/<table/i.test(text) || /\r(?!\n)/.test(text)) return { text, cuts: [] };
  const pieces: string[] = [];
  const cuts: Cut[] = [];
  let kept = 0;
  let chars = 0;
  let lines = 0;
  tableAtLineStart.lastIndex = 0;
  for (let match = tableAtLineStart.exec(text); match; match = tableAtLineStart.exec(text)) {
    const start = match.index;
    const end = endOfTable(text, start);
    tableAtLineStart.lastIndex = end;
    const innerStart = text.indexOf('\n', start) + 1;
    const innerEnd = text.lastIndexOf('\n', end - 1) + 1;
    // The last line is kept, and must hold text: a blank one (a table never closed, at the page's end) ends the block before it.
    if (innerStart === 0 || innerEnd <= innerStart || blankLine.test(text.slice(innerEnd, end))) continue;
    const inner = text.slice(innerStart, innerEnd - 1);
    if (blankLine.test(inner) || possibleEnd.test(inner)) continue;
    pieces.push(text.slice(kept, innerStart));
    const leanAt = innerStart - chars;
    kept = innerEnd;
    chars += innerEnd - innerStart;
    lines += countLineBreaks(text, innerStart, innerEnd);
    cuts.push({ leanAt, chars, lines });
  }
  if (cuts.length === 0) return { text, cuts };
  pieces.push(text.slice(kept));
  return { text: pieces.join(''), cuts };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Moves every position in a tree parsed from `lean.text` to where it is on the page. */
export function restorePositions(tree: Root, lean: LeanMarkdown): void {
  if (lean.cuts.length === 0) return;
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.position) {
      node.position.start = onPage(node.position.start, lean.cuts);
      node.position.end = onPage(node.position.end, lean.cuts);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** A lean text's point on the page: after every cut at or before it, moved by what the cuts left out. */
function onPage(point: Point, cuts: readonly Cut[]): Point {
  const offset = point.offset ?? 0;
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cuts[middle]?.leanAt ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  const cut = cuts[low - 1];
  if (!cut) return point;
  return { line: point.line + cut.lines, column: point.column, offset: offset + cut.chars };
}

/**
 * A Markdown page (CommonMark, GFM tables, MDX-style components) as blocks.
 *
 * remark finds the Markdown structure: headings, pipe tables, list items,
 * paragraphs and code. HTML tables can sit anywhere (in a list item, a
 * `<div>`, an MDX `<TabItem>`, indented, on one line, split by blank lines),
 * so they are found by parse5 over the whole page with its code masked out,
 * not by remark's HTML blocks: a browser, not Markdown, decides where an HTML
 * table starts and ends, and an HTML comment never ends one.
 */
import type { Nodes, Paragraph, Root, Table as MdastTable } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { normalizeDecodedText } from '../../input/normalize-text.js';
import { depthCappedReason, extractTables } from '../tables/html.js';
import type { CappedElement } from '../tables/html-tree.js';
import { pipeTable } from '../tables/pipe.js';
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import type { Block, ListItemBlock } from './blocks.js';
import { endOfTable } from './html-table-end.js';
import { renderPhrasing } from './markdown-inline.js';
import { leanMarkdown, restorePositions } from './markdown-lean.js';

/**
 * The page is read for its blocks, never for inline formatting, which
 * rendering strips anyway. Turning off emphasis, links and images keeps
 * remark linear on hostile text such as long runs of `[` or `** a`, which
 * otherwise cost it time that grows with the square of the line.
 */
const blocksOnly = { disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd'] } };

/** Every block of a Markdown page, in document order. `text` is the page with any front matter blanked out. */
export function readMarkdownBlocks(text: string, report: Reporter, at: (offset: number) => Point): Block[] {
  // remark reads the page less its HTML tables' inner lines, which only parse5 reads (markdown-lean.ts).
  const lean = leanMarkdown(text);
  const tree = unified()
    .data('micromarkExtensions', [blocksOnly, gfmTable()])
    .data('fromMarkdownExtensions', [gfmTableFromMarkdown()])
    .use(remarkParse)
    .parse(lean.text);
  restorePositions(tree, lean);
  const { blocks, code } = markdownBlocks(tree, text);
  const depthCapped = (element: CappedElement) => void report('depth-capped', depthCappedReason(element), at(element.offset));
  const htmlTables = /<table/i.test(text) ? extractTables(masked(text, code), 0, depthCapped) : [];
  const tableRanges = htmlTables.map((table) => ({ start: table.offset, end: endOfTable(text, table.offset) }));
  for (const range of tableRanges) {
    if (range.end === text.length && !/<\/table\s*>\s*$/i.test(text.slice(range.start))) {
      report('table-truncated', 'Unexpected end of file inside a table, expected `</table>`; read to the end of the page', at(range.start));
    }
  }
  const inHtmlTable = (offset: number) => tableRanges.some((range) => range.start <= offset && offset < range.end);
  return [
    ...blocks.filter((block) => !inHtmlTable(block.kind === 'table' ? block.table.offset : block.offset)),
    ...htmlTables.map((table) => ({ kind: 'table' as const, table })),
  ].sort((a, b) => offsetOf(a) - offsetOf(b));
}

function offsetOf(block: Block): number {
  return block.kind === 'table' ? block.table.offset : block.offset;
}

interface Range {
  start: number;
  end: number;
}

/** Headings, pipe tables, list items and paragraphs, walked with an explicit stack; and the code ranges. */
function markdownBlocks(tree: Root, text: string): { blocks: Block[]; code: Range[] } {
  const blocks: Block[] = [];
  const code: Range[] = [];
  const stack: { node: Nodes; inItem: boolean; item: ListItemBlock | null; ordinal?: number }[] = [{ node: tree, inItem: false, item: null }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { node, inItem } = step;
    let { item } = step;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth, text: renderPhrasing(node.children, start).map((item) => item.text).join(' '), offset: start });
        continue;
      case 'table':
        blocks.push({ kind: 'table', table: pipeTable(node as MdastTable) });
        continue;
      case 'code':
        code.push({ start, end });
        continue;
      case 'inlineCode':
        code.push({ start, end });
        continue;
      case 'listItem': {
        // The item's own paragraphs; a nested list's items follow as blocks of their own.
        const paragraphs = node.children.filter((child) => child.type === 'paragraph');
        const source = paragraphs.map((paragraph) => sourceOf(paragraph, text)).join(' ');
        const block: ListItemBlock = { kind: 'list-item', source, offset: paragraphs[0]?.position?.start.offset ?? start, depth: item ? item.depth + 1 : 0, parent: item };
        if (step.ordinal !== undefined) block.ordinal = step.ordinal;
        if (source !== '') blocks.push(block);
        item = block;
        break;
      }
      case 'paragraph':
        if (!inItem) blocks.push({ kind: 'paragraph', source: sourceOf(node, text), offset: start });
        break;
      default:
        break;
    }
    if ('children' in node) {
      const inside = inItem || node.type === 'listItem';
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index];
        const ordinal = node.type === 'list' && node.ordered ? (node.start ?? 1) + index : undefined;
        if (child) stack.push({ node: child, inItem: inside, item, ...(ordinal === undefined ? {} : { ordinal }) });
      }
    }
  }
  return { blocks, code };
}

/**
 * A paragraph's text as written: inline markup (code, HTML, autolinks) kept
 * as its source, plain text as micromark read it, so a character reference
 * is the character it writes, under the source's rules (`&nbsp;` a space,
 * `&#8203;` nothing), and a backslash escape the character it escapes. Its
 * line breaks are kept, so an offset into it stays on the page's line (a
 * sentence's record cites the line its port is on); patterns see it
 * rendered, whitespace collapsed.
 */
function sourceOf(node: Paragraph, text: string): string {
  const pieces = node.children.map((child) => (child.type === 'text' ? normalizeDecodedText(child.value) : rawOf(child, text)));
  return pieces.join('').trim();
}

/** A node's source text, as written. */
function rawOf(node: Nodes, text: string): string {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return text.slice(start, end);
}

/** The page with code blanked out (line breaks kept), so `<table>` shown as code is never read as a table. */
function masked(text: string, code: readonly Range[]): string {
  if (code.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const range of [...code].sort((a, b) => a.start - b.start)) {
    if (range.start < from) continue;
    pieces.push(text.slice(from, range.start), text.slice(range.start, range.end).replace(/[^\n]/g, ' '));
    from = range.end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/**
 * A whole HTML document as blocks, the ones the Markdown reader gives: the
 * document is parsed as a browser parses it (html-tree.ts), and its main
 * content is read, the rest of the page left out. Which element is the
 * content, and which are left out, CSS selectors say (html-landmarks.ts):
 *
 * - The content is the first rendered `<main>`, else `<article>`, else
 *   element with `role="main"`, else `<body>`.
 * - Left out: `<nav>` and `<aside>`, a `<header>` or `<footer>` that belongs
 *   to the page rather than to an article or section (ARIA's banner and
 *   contentinfo: one not inside `<article>`, `<main>` or `<section>`),
 *   elements given those landmark roles, `<script>`, `<style>`,
 *   `<template>`, `<noscript>`, and whatever a browser does not render
 *   (`hidden`, `aria-hidden="true"`, an inline `display: none`).
 * - `<pre>` is code: never prose, never a table; so is a table inside
 *   `<code>`. Inline `<code>` in prose is the prose's text, as a Markdown
 *   code span is.
 *
 * This module walks the content for its blocks:
 *
 * - Headings `<h1>`–`<h6>`, tables (the browser's grid, tables.ts), list
 *   items of `<ul>`, `<ol>` and `<menu>` (an item's own text, its nested
 *   lists' items as blocks of their own after it, each naming the item it
 *   sits in), and paragraphs: each `<p>`, and each run of text and inline
 *   elements between blocks, as a browser lays such a run out on lines of
 *   its own.
 *
 * Text is rendered (tags gone, character references decoded and normalized
 * under the source's rules, whitespace collapsed); each block's offset is
 * that of its start in the document: a heading's or table's tag, a
 * paragraph's or item's first character of text.
 */
import { normalizeDecodedText } from '../../input/normalize-text.js';
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import { cleanOrNull, cleanSpace } from '../../model/text.js';
import { blockTags, depthCappedReason, readTableElement } from '../tables/html.js';
import { hasEndTag, isElement, isText, parseHtmlDocument, startOf, type HtmlElement, type HtmlNode } from '../tables/html-tree.js';
import type { Block, HeadingBlock, ListItemBlock, ParagraphBlock } from './blocks.js';
import { landmarksOf } from './html-landmarks.js';

/** A document's blocks, and its title: its `<title>`, else its content's first `<h1>`. */
export interface HtmlDocument {
  blocks: Block[];
  title: string | null;
}

/** Reads an HTML document's main content into blocks (see the module comment). Never throws. */
export function readHtmlDocument(text: string, report: Reporter, at: (offset: number) => Point): HtmlDocument {
  const { root, depthCapped } = parseHtmlDocument(text);
  for (const element of depthCapped) report('depth-capped', depthCappedReason(element), at(element.offset));
  const { content, leftOut, title } = landmarksOf(root);
  const blocks = content ? new BlockWalk(text, report, at, leftOut).read(content) : [];
  const firstHeading = blocks.find((block): block is HeadingBlock => block.kind === 'heading' && block.depth === 1);
  return { blocks, title: (title && titleText(title)) ?? cleanOrNull(firstHeading?.text) };
}

/** The blocks alone, as a page's block reader gives them. */
export function readHtmlBlocks(text: string, report: Reporter, at: (offset: number) => Point): Block[] {
  return readHtmlDocument(text, report, at).blocks;
}

const headingTags = new Map([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]]);
const listTags = new Set(['ul', 'ol', 'menu']);

/** A `<title>`'s text, under the source's rules; null when it is empty. */
function titleText(title: HtmlElement): string | null {
  return cleanOrNull(normalizeDecodedText(title.childNodes.map((child) => (isText(child) ? child.value : '')).join('')));
}

/** Text being gathered for one block, with the offset of its first visible character. */
class TextRun {
  private readonly parts: string[] = [];
  offset = -1;

  add(text: string, start: number): void {
    if (this.offset < 0 && text.trim() !== '') this.offset = start + text.length - text.trimStart().length;
    this.parts.push(text);
  }

  /** A break between words (a `<br>`, a block boundary inside the block). */
  space(): void {
    this.parts.push(' ');
  }

  get text(): string {
    return cleanSpace(this.parts.join(''));
  }
}

/** A block whose text is being gathered: an anonymous run of inline content, a `<p>`, a heading or a list item. */
type Gathering =
  | { kind: 'run'; run: TextRun }
  | { kind: 'paragraph'; run: TextRun; block: ParagraphBlock }
  | { kind: 'heading'; run: TextRun; block: HeadingBlock }
  | { kind: 'item'; run: TextRun; block: ListItemBlock };

/** A node to walk, or an element to close, with the block it opened (if any). */
type Step = { node: HtmlNode } | { leave: HtmlElement; opened: Gathering | null };

/**
 * One walk over the content, with an explicit stack (no recursion), in
 * document order. Blocks are placed when their element opens, so a block
 * keeps its place before the blocks inside it; their text is filled in
 * when it closes, and empty paragraphs and items are dropped at the end.
 */
class BlockWalk {
  private readonly blocks: Block[] = [];
  private readonly gathering: Gathering[] = [];

  constructor(
    private readonly text: string,
    private readonly report: Reporter,
    private readonly at: (offset: number) => Point,
    /** Elements not read, with all they hold (html-landmarks.ts). */
    private readonly leftOut: ReadonlySet<HtmlElement>,
  ) {}

  read(content: HtmlElement): Block[] {
    const stack: Step[] = [...content.childNodes].reverse().map((node) => ({ node }));
    for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
      if ('leave' in step) {
        this.leave(step.leave, step.opened);
        continue;
      }
      const { node } = step;
      if (isText(node)) {
        this.addText(normalizeDecodedText(node.value), startOf(node));
        continue;
      }
      if (!isElement(node)) continue;
      const entered = this.enter(node);
      if (entered === null) continue;
      stack.push({ leave: node, opened: entered.opened });
      for (let index = node.childNodes.length - 1; index >= 0; index--) {
        const child = node.childNodes[index];
        if (child) stack.push({ node: child });
      }
    }
    this.boundary();
    return this.blocks.filter((block) => (block.kind === 'paragraph' || block.kind === 'list-item' ? block.source !== '' : true));
  }

  /** Handles an element as it opens: null when its children are not walked, else the block it opened, if any. */
  private enter(element: HtmlElement): { opened: Gathering | null } | null {
    const tag = element.tagName;
    if (this.leftOut.has(element)) {
      if (blockTags.has(tag)) this.boundary();
      return null;
    }
    if (tag === 'br') {
      this.gathering.at(-1)?.run.space();
      return null;
    }
    if (tag === 'table') {
      this.boundary();
      this.readTable(element);
      return null;
    }
    const depth = headingTags.get(tag);
    const top = this.gathering.at(-1)?.kind;
    if (depth !== undefined) {
      this.boundary();
      return { opened: this.open({ kind: 'heading', run: new TextRun(), block: { kind: 'heading', depth, text: '', offset: startOf(element) } }) };
    }
    if (tag === 'li') {
      this.boundary();
      const items = this.gathering.filter((open) => open.kind === 'item');
      const parent = items.at(-1)?.block ?? null;
      const block: ListItemBlock = { kind: 'list-item', source: '', offset: startOf(element), depth: items.length, parent };
      return { opened: this.open({ kind: 'item', run: new TextRun(), block }) };
    }
    if (tag === 'p' && top !== 'item' && top !== 'heading') {
      this.boundary();
      return { opened: this.open({ kind: 'paragraph', run: new TextRun(), block: { kind: 'paragraph', source: '', offset: startOf(element) } }) };
    }
    if (blockTags.has(tag) || listTags.has(tag)) this.boundary();
    return { opened: null };
  }

  /** Handles an element as it closes: the block it opened takes its text; a block element ends the text around it. */
  private leave(element: HtmlElement, opened: Gathering | null): void {
    if (opened === null) {
      if (blockTags.has(element.tagName) || listTags.has(element.tagName)) this.boundary();
      return;
    }
    // What an element opened is on top when it closes: runs start only where no block is being gathered.
    this.gathering.pop();
    const { run } = opened;
    if (opened.kind === 'heading') opened.block.text = run.text;
    else if (opened.kind !== 'run') {
      opened.block.source = run.text;
      if (run.offset >= 0) opened.block.offset = run.offset;
    }
  }

  /** Text goes to the block being gathered, or starts an anonymous run. */
  private addText(text: string, start: number): void {
    let top = this.gathering.at(-1);
    if (!top) {
      if (text.trim() === '') return;
      top = { kind: 'run', run: new TextRun() };
      this.gathering.push(top);
    }
    top.run.add(text, start);
  }

  /** A block boundary: an anonymous run ends as a paragraph; inside a `<p>`, heading or item, words stay apart. */
  private boundary(): void {
    const top = this.gathering.at(-1);
    if (!top) return;
    if (top.kind !== 'run') {
      top.run.space();
      return;
    }
    this.gathering.pop();
    const source = top.run.text;
    if (source !== '') this.blocks.push({ kind: 'paragraph', source, offset: top.run.offset });
  }

  private open(gathering: Exclude<Gathering, { kind: 'run' }>): Gathering {
    this.blocks.push(gathering.block);
    this.gathering.push(gathering);
    return gathering;
  }

  private readTable(element: HtmlElement): void {
    const table = readTableElement(element, 0, this.text.length);
    this.blocks.push({ kind: 'table', table });
    if (!hasEndTag(element)) {
      this.report('table-truncated', 'Unexpected end of file inside a table, expected `</table>`; read to the end of the page', this.at(table.offset));
    }
  }
}

/**
 * Markdown inline content (a pipe-table cell, a heading) as plain text.
 * remark parses a page for its blocks only (emphasis and links are left as
 * text, to keep parsing linear), so the last of the markup is removed here:
 * code spans keep their text, `[text](url)` and `[text][ref]` keep the text,
 * inline HTML tags go, except `<br>`, which separates items, and `<sup>`,
 * whose content is kept as a footnote marker (`465<sup>3</sup>` is `465 [3]`,
 * not `4653`).
 */
import type { PhrasingContent } from 'mdast';
import { normalizeDecodedText } from '../../input/normalize-text.js';
import { cleanSpace } from '../../model/text.js';
import { stripMarkup } from '../../normalize/markup.js';

export interface RenderedItem {
  text: string;
  /** Offset of the item's first node in the document. */
  offset: number;
}

const lineBreakTag = /^<br\s*\/?>$/i;
const supOpen = /^<sup(?:\s[^>]*)?>$/i;
const supClose = /^<\/sup\s*>$/i;
/** `[text][ref]`: a reference link, which remark leaves as text here. */
const referenceLink = /\[([^[\]\n]*)\]\[[^[\]\n]*\]/g;

/** Renders phrasing nodes to plain-text items, split at `<br>` and hard breaks. Empty items are dropped. */
export function renderPhrasing(nodes: readonly PhrasingContent[], fallbackOffset: number): RenderedItem[] {
  const items: RenderedItem[] = [];
  let text = '';
  let offset = -1;
  const flush = () => {
    const clean = cleanSpace(stripMarkup(text.replace(referenceLink, '$1')));
    if (clean !== '') items.push({ text: clean, offset: offset < 0 ? fallbackOffset : offset });
    text = '';
    offset = -1;
  };
  for (const node of nodes) {
    if (node.type === 'break' || (node.type === 'html' && lineBreakTag.test(node.value.trim()))) {
      flush();
      continue;
    }
    const piece = pieceOf(node);
    if (offset < 0 && piece.trim() !== '') offset = (node.position?.start.offset ?? fallbackOffset) + piece.length - piece.trimStart().length;
    text += piece;
  }
  flush();
  return items;
}

function pieceOf(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      // micromark has decoded the character references: their text goes through the source's rules too.
      return normalizeDecodedText(node.value);
    case 'inlineCode':
      return node.value;
    case 'html':
      if (supOpen.test(node.value.trim())) return ' [';
      if (supClose.test(node.value.trim())) return ']';
      return '';
    default:
      return 'children' in node ? (node.children as PhrasingContent[]).map(pieceOf).join('') : '';
  }
}

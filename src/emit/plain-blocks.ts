/**
 * Headings, paragraphs and tight bullet lists written directly when their
 * phrasing is plain (plain-phrasing.ts), byte for byte as
 * mdast-util-to-markdown writes each block alone; any other block, or list
 * item, goes through the serializer. The serializer costs a great deal per
 * call for blocks this small (about 60 ms for the first list of 50 sources
 * in a fresh process, and 7 ms for each one after), so ports.md and
 * conflicts.md write theirs here. A property test compares both paths with
 * remark on hostile text.
 */
import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { inertCellText, toMarkdown } from './mdast.js';
import { plainPhrasing } from './plain-phrasing.js';

/**
 * A link label written as it is outside a table: inert text with no space
 * at either end that is not the address itself (the serializer writes a
 * link labelled with its own address as an autolink, `<https://…>`).
 */
function plainLabel(label: string, url: string): boolean {
  return label !== url && /^\S(?:.*\S)?$/.test(label) && inertCellText.test(label);
}

/**
 * A block's phrasing as its own line, when plain. It must start with a
 * letter, inline code or a link, and end with no space or tab: the
 * serializer escapes what would start another construct at the start of a
 * line (`-`, `+`, `1.`, `#`, `>`, `=`) and encodes white space at either end.
 */
function plainLine(children: readonly PhrasingContent[]): string | null {
  const written = plainPhrasing(children, plainLabel);
  return written !== null && /^[A-Za-z`[]/.test(written) && !/[ \t]$/.test(written) ? written : null;
}

/** An item of a tight list: one paragraph, no task box. */
function isTightItem(item: ListItem): boolean {
  return !item.spread && (item.checked === null || item.checked === undefined) && item.children.length === 1 && item.children[0]?.type === 'paragraph';
}

/** A tight item as `- …` when its paragraph is plain; else through the serializer, alone, as a list of its own. */
function itemMarkdown(item: ListItem): string {
  const [paragraph] = item.children;
  const line = paragraph?.type === 'paragraph' ? plainLine(paragraph.children) : null;
  return line === null ? toMarkdown([{ type: 'list', ordered: false, spread: false, children: [item] }]).slice(0, -1) : `- ${line}`;
}

/** A tight bullet list, item by item: its items do not depend on each other. */
function tightList(list: List): string | null {
  if (list.ordered || list.spread || list.children.length === 0 || !list.children.every(isTightItem)) return null;
  return list.children.map(itemMarkdown).join('\n');
}

/**
 * The block's Markdown, without a final line break, when it is a heading
 * or paragraph of plain phrasing, or a tight bullet list (an item that is
 * not plain goes through the serializer alone); else null.
 */
export function plainBlock(block: RootContent): string | null {
  switch (block.type) {
    case 'heading': {
      const line = plainLine(block.children);
      return line === null ? null : `${'#'.repeat(block.depth)} ${line}`;
    }
    case 'paragraph':
      return plainLine(block.children);
    case 'list':
      return tightList(block);
    default:
      return null;
  }
}

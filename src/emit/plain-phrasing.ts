/**
 * Phrasing whose Markdown is plain: inert text, text the serializer only
 * backslashes, inline code that needs no fence but one backtick, and links
 * with a plain label and address. Such phrasing is written directly, byte for byte as
 * mdast-util-to-markdown writes it, by the table-row writer (table-lines.ts)
 * and the block writer (plain-blocks.ts); anything else is left to the
 * serializer. Property tests compare both with the serializer on hostile text.
 */
import type { PhrasingContent } from 'mdast';
import { backslashed, backslashedCellText, inertCellText } from './mdast.js';

/**
 * Inline code the serializer writes between single backticks as it is: no
 * backtick (a longer fence), no space at either end (padding), no line
 * ending (turned into a space) and no `|` (escaped in a table cell).
 */
const plainCode = /^[^`|\r\n ](?:[^`|\r\n]*[^`|\r\n ])?$/;
/** A link address written as it is: `(https://…/rfc862)`. */
const plainAddress = /^https:\/\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9._-]*)*(?:#[A-Za-z0-9._-]+)?$/;

/** Which link labels a context writes as they are, given the link's address. */
export type PlainLabel = (label: string, url: string) => boolean;

/**
 * The phrasing's Markdown when every node in it is plain, else null. Text
 * nodes side by side are judged as one text: the serializer looks across
 * them (`w.` then `b` is escaped as `w\.b`).
 */
export function plainPhrasing(children: readonly PhrasingContent[], plainLabel: PlainLabel): string | null {
  let written = '';
  let pendingText = '';
  let pendingNodes = 0;
  for (const node of children) {
    if (node.type === 'text') {
      pendingText += node.value;
      pendingNodes += 1;
      continue;
    }
    const text = plainText(pendingText, pendingNodes);
    if (text === null) return null;
    written += text;
    pendingText = '';
    pendingNodes = 0;
    if (node.type === 'inlineCode' && plainCode.test(node.value)) written += `\`${node.value}\``;
    else if (node.type === 'link' && !node.title && plainAddress.test(node.url) && node.children.length === 1) {
      const [label] = node.children;
      if (label?.type !== 'text' || !plainLabel(label.value, node.url)) return null;
      written += `[${label.value}](${node.url})`;
    } else return null;
  }
  const text = plainText(pendingText, pendingNodes);
  return text === null ? null : written + text;
}

/**
 * Underscores inside a word (`ERL_DIST_PORT`, `krb5_prop`): the serializer
 * leaves a run of them unescaped when a letter or digit of the same text
 * node is on each side, since they cannot open or close emphasis there.
 */
const intrawordUnderscores = /(?<=[A-Za-z0-9])_+(?=[A-Za-z0-9])/g;

/**
 * Text as the serializer writes it inside a line, when it is inert or
 * backslashed text, with underscores only inside words; else null. Text of
 * several nodes side by side is judged as one, so underscores are taken
 * only in the text of one node: the serializer judges them node by node.
 */
function plainText(value: string, nodes: number): string | null {
  const judged = value.includes('_') && nodes === 1 ? value.replace(intrawordUnderscores, (run) => 'x'.repeat(run.length)) : value;
  if (inertCellText.test(judged)) return value;
  return backslashedCellText.test(judged) ? backslashed(value, nodes) : null;
}

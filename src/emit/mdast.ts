/**
 * Small builders for mdast nodes, and the one way this project serializes
 * Markdown: remark-stringify with remark-gfm, tables left unpadded so a change
 * to one cell changes one line of a diff. Text goes in as text nodes, so
 * remark escapes it; nothing here concatenates Markdown by hand.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** Serializes block nodes as GFM Markdown. */
export function toMarkdown(children: RootContent[]): string {
  const tree: Root = { type: 'root', children };
  return unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true })
    .stringify(tree);
}

export function heading(depth: 1 | 2 | 3, value: string): Heading {
  return { type: 'heading', depth, children: [text(value)] };
}

export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

export function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

export function link(url: string, label: string): PhrasingContent {
  return { type: 'link', url, children: [text(label)] };
}

/** Text, or nothing for null or empty. */
export function optionalText(value: string | null): PhrasingContent[] {
  return value ? [text(value)] : [];
}

/** Phrasing parts separated by ", ". */
export function joined(parts: PhrasingContent[]): PhrasingContent[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [text(', '), part]));
}

/** A GFM table: a header row of plain titles, then rows of cells. */
export function table(headers: readonly string[], rows: readonly PhrasingContent[][][]): Table {
  const row = (cells: readonly PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children): TableCell => ({ type: 'tableCell', children })),
  });
  return {
    type: 'table',
    align: headers.map(() => null),
    children: [row(headers.map((header) => [text(header)])), ...rows.map(row)],
  };
}

/** A bullet list of one paragraph per item. */
export function bulletList(items: PhrasingContent[][]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(children)] })),
  };
}

/** `RFC862` as a link to the RFC, other references as text. */
export function referenceLink(reference: string): PhrasingContent {
  const rfc = /^RFC(\d+)$/.exec(reference);
  return rfc ? link(`https://www.rfc-editor.org/rfc/rfc${rfc[1]}`, reference) : text(reference);
}

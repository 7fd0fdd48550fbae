/**
 * GFM table lines written one row at a time, byte for byte as
 * mdast-util-gfm-table writes the whole table with `tablePipeAlign: false`:
 * `| a | b |`, an empty cell as `| |`, and a delimiter row `| - | - |`.
 * Unaligned rows do not depend on each other, so a large table streams.
 *
 * A cell made only of nodes whose Markdown is plain (inert text, text the
 * serializer only backslashes, inline code in single backticks, a link with
 * a plain label and address) is written directly; a row holding any other cell
 * is serialized alone, as a one-row table, by mdast-util-to-markdown. A
 * property test compares both paths with the serializer on hostile text.
 */
import type { PhrasingContent } from 'mdast';
import { tableRow, toMarkdown } from './mdast.js';
import { plainPhrasing } from './plain-phrasing.js';

/** A link label a cell writes as it is: `[RFC862](https://…/rfc862)`. */
const plainLabel = /^[A-Za-z0-9]+$/;

/** The cell's Markdown when every node in it is plain (plain-phrasing.ts), else null. */
function plainCell(children: readonly PhrasingContent[]): string | null {
  return plainPhrasing(children, (label) => plainLabel.test(label));
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

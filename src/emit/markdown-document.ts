/**
 * A Markdown document as a list of blocks, written as a stream of chunks:
 * each table a row at a time (table-lines.ts), headings, paragraphs and
 * lists of plain text directly (plain-blocks.ts), every other block through
 * the serializer. ports.md and conflicts.md are both written so; their text is
 * byte for byte what the serializer writes for the whole document as one
 * tree (documentTree), which the tests compare with remark's output.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { table, toMarkdown } from './mdast.js';
import { plainBlock } from './plain-blocks.js';
import { tableHead, tableRowLine } from './table-lines.js';

/** A GFM table whose rows are written as they come, never held as one tree. */
export interface TableBlock {
  titles: readonly string[];
  rows: Iterable<PhrasingContent[][]>;
}

export function tableBlock(titles: readonly string[], rows: Iterable<PhrasingContent[][]>): TableBlock {
  return { titles, rows };
}

/** A block of a document: a node the serializer writes, or a table written row by row. */
export type Block = RootContent | TableBlock;

const isTable = (block: Block): block is TableBlock => 'titles' in block;

/** The document's Markdown in chunks: blocks separated by a blank line, ending in one line break. */
export function* documentChunks(blocks: Iterable<Block>): Generator<string> {
  let separator = '';
  for (const block of blocks) {
    yield separator;
    separator = '\n\n';
    if (isTable(block)) yield* tableLines(block);
    else yield plainBlock(block) ?? toMarkdown([block]).slice(0, -1);
  }
  yield '\n';
}

function* tableLines({ titles, rows }: TableBlock): Generator<string> {
  yield tableHead(titles);
  for (const cells of rows) yield `\n${tableRowLine(cells)}`;
}

/** The same document as one mdast tree, tables included: for tests to serialize in one go and compare. */
export function documentTree(blocks: Iterable<Block>): RootContent[] {
  return [...blocks].map((block) => (isTable(block) ? table(block.titles, [...block.rows]) : block));
}

/**
 * Reading a page's text with one block reader (reStructuredText, AsciiDoc,
 * HTML), for the block readers' tests: the blocks, the messages it reported
 * as `line:column rule: reason`, and a block's place as `line:column`.
 */
import { VFileMessage } from 'vfile-message';
import { pointsOf, type Point } from '../src/model/location.js';
import type { Reporter } from '../src/model/messages.js';
import type { Block } from '../src/parsers/page/blocks.js';
import type { Table } from '../src/parsers/tables/table.js';

/** A reader of a whole page's text into blocks, as the page readers call it. */
export type BlockReader<R> = (text: string, report: Reporter, at: (offset: number) => Point) => R;

export interface ReadText<R> {
  text: string;
  at: (offset: number) => Point;
  /** An offset's place, `line:column`. */
  where: (offset: number) => string;
  /** What the reader reported, each `line:column rule: reason`. */
  messages: string[];
  read: R;
}

/** Runs `reader` on the page (lines are joined with `\n`), collecting its messages. */
export function readWith<R>(reader: BlockReader<R>, page: readonly string[] | string): ReadText<R> {
  const text = typeof page === 'string' ? page : page.join('\n');
  const at = pointsOf(text);
  const messages: string[] = [];
  const report: Reporter = (ruleId, reason, place) => {
    messages.push(`${place.line}:${place.column} ${ruleId}: ${reason}`);
    return new VFileMessage(reason);
  };
  const where = (offset: number) => {
    const point = at(offset);
    return `${point.line}:${point.column}`;
  };
  return { text, at, where, messages, read: reader(text, report, at) };
}

/** A page's blocks, each as `kind text @line:column` (a table as `table markup @line:column`), and its tables. */
export function readBlocks(reader: BlockReader<Block[]>, page: readonly string[] | string) {
  const { text, where, messages, read: blocks } = readWith(reader, page);
  const outline = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `heading ${block.depth} ${block.text} @${where(block.offset)}`;
      case 'table':
        return `table ${block.table.markup} @${where(block.table.offset)}`;
      default:
        return `${block.kind} ${block.source} @${where(block.offset)}`;
    }
  });
  const tables: Table[] = blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
  return { blocks, messages, where, outline, tables, text };
}

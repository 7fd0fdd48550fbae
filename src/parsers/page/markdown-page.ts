/**
 * The Markdown page reader with nothing but a column mapping, as the library
 * has offered it since its first version (`parseMarkdownHtmlTable`). The
 * manifest's `markdown` format reads the same way, with every option.
 */
import type { VFile } from 'vfile';
import type { ParseResult } from '../../model/source-entry.js';
import type { ColumnMapping } from '../tables/columns.js';
import { readMarkdownBlocks } from './markdown-blocks.js';
import { readPage } from './read-page.js';

export type { TableField } from '../tables/columns.js';

export interface MarkdownHtmlTableOptions {
  /** Header text (any case, surrounding space ignored) to field. Must map one header to `port`. */
  columns: ColumnMapping;
  /** What a name cell's lines after the first are (see the manifest's `nameLines`): more of the name, by default. */
  nameLines?: 'join' | 'configKey';
}

/** Reads the port tables (and legend) of a Markdown page. Reports problems on `file`; never throws. */
export function parseMarkdownHtmlTable(file: VFile, options: MarkdownHtmlTableOptions): ParseResult {
  const source = { id: 'page', file: file.path, format: 'markdown-html-table' as const, title: file.path, url: null, columns: options.columns, ...(options.nameLines ? { nameLines: options.nameLines } : {}) };
  return readPage(file, source, readMarkdownBlocks);
}

/**
 * The `html` format: a whole HTML document read as a page. The page reader
 * takes blocks only; the document's title (its `<title>`, else its first
 * `<h1>`) comes back from the block reader and stands where front matter
 * gives none.
 */
import type { VFile } from 'vfile';
import type { ManifestSource } from '../../model/record.js';
import type { ParseResult } from '../../model/source-entry.js';
import { readHtmlDocument } from './html-blocks.js';
import { readPage } from './read-page.js';

/** Reads an HTML document's main content as a page. Reports problems on `file`; never throws. */
export function readHtmlPage(file: VFile, source: ManifestSource): ParseResult {
  const found: { title: string | null } = { title: null };
  const result = readPage(file, source, (text, report, at) => {
    const document = readHtmlDocument(text, report, at);
    found.title = document.title;
    return document.blocks;
  });
  return { ...result, documentTitle: result.documentTitle ?? found.title };
}

/** Which parser reads which manifest `format`. Adding a format means adding a line here. */
import type { VFile } from 'vfile';
import type { ManifestSource } from '../record.js';
import { parseMarkdownHtmlTable } from './markdown-html-table.js';
import { parseEtcServices } from './etc-services.js';
import { parseIanaCsv } from './iana-csv.js';
import { parsePortList } from './port-list/parse.js';
import { parsePortNumbersJson } from './port-numbers-json.js';
import type { ParseResult } from '../source-entry.js';

export type Format = ManifestSource['format'];
export type Parser = (file: VFile, source: ManifestSource) => ParseResult;

export const parsers: Readonly<Record<Format, Parser>> = {
  'markdown-html-table': (file, source) => parseMarkdownHtmlTable(file, { columns: source.columns ?? {} }),
  'port-list': (file) => parsePortList(file),
  'iana-csv': (file) => parseIanaCsv(file),
  'etc-services': (file) => parseEtcServices(file),
  'port-numbers-json': (file) => parsePortNumbersJson(file),
};

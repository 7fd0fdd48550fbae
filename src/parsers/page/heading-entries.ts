/**
 * Sections named by their headings (the manifest's `headings`): a heading
 * read by a pattern either gives fields to the items, sentences and table
 * rows under it (`### WOODPECKER_SERVER_ADDR` over `- Default: :8000` gives the key),
 * or, when it gives a port, is an entry itself, taking what it lacks from the
 * first sentence of its section a `text` pattern reads (`### 8086` over `The
 * default port that runs the HTTP service.` gives the name).
 */
import type { Point } from '../../model/location.js';
import type { Reporter } from '../../model/messages.js';
import type { SourceEntry } from '../../model/source-entry.js';
import type { ItemPattern } from '../lists/item-pattern.js';
import { entriesOfReading, fieldsOf, filledFrom, readWithPatterns, sentenceBreak, textFor, type Inherited } from '../lists/list-entries.js';
import type { HeadingBlock } from './blocks.js';
import { headingText, type PlacedBlock } from './sections.js';

export interface HeadingReading {
  patterns: readonly ItemPattern[];
  text: readonly ItemPattern[];
  /** The heading levels the patterns read; every level when undefined. */
  levels: readonly number[] | undefined;
  report: Reporter;
  at: (offset: number) => Point;
}

export interface ReadHeadings {
  /** What each heading a pattern read (without a port) gives the entries under it. */
  fields: Map<HeadingBlock, Inherited>;
  /** The entries of headings that give a port, each with its heading's placed block. */
  entries: { entry: SourceEntry; placed: PlacedBlock }[];
}

/** Reads every heading with the patterns. */
export function readHeadings(blocks: readonly PlacedBlock[], reading: HeadingReading): ReadHeadings {
  const fields = new Map<HeadingBlock, Inherited>();
  const entries: ReadHeadings['entries'] = [];
  blocks.forEach((placed, index) => {
    const heading = placed.block;
    if (heading.kind !== 'heading' || (reading.levels !== undefined && !reading.levels.includes(heading.depth))) return;
    const text = headingText(heading.text);
    const read = readWithPatterns(text, reading.patterns);
    if (read.kind === 'read') {
      const section = sectionFields(blocks, index, heading, reading.text);
      for (const entry of entriesOfReading({ source: text, offset: heading.offset }, read, section, reading.at)) entries.push({ entry, placed });
      return;
    }
    for (const pattern of reading.patterns) {
      const captures = pattern.match(textFor(pattern, text));
      if (captures && !captures.port) {
        fields.set(heading, fieldsOf(captures));
        return;
      }
    }
  });
  return { fields, entries };
}

/** What the first sentence of a heading's section that a `text` pattern reads gives. */
function sectionFields(blocks: readonly PlacedBlock[], index: number, heading: HeadingBlock, patterns: readonly ItemPattern[]): Inherited {
  for (let next = index + 1; next < blocks.length; next++) {
    const block = blocks[next]?.block;
    if (!block || (block.kind === 'heading' && block.depth <= heading.depth)) break;
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    for (const sentence of block.source.split(sentenceBreak)) {
      for (const pattern of patterns) {
        const captures = pattern.match(textFor(pattern, sentence));
        if (captures) return fieldsOf(captures);
      }
    }
  }
  return {};
}

/** An entry of an item or sentence with what the headings above it give, nearest first. */
export function underHeadings(entry: SourceEntry, placed: PlacedBlock | undefined, fields: ReadonlyMap<HeadingBlock, Inherited>): SourceEntry {
  if (!placed || fields.size === 0) return entry;
  let filled = entry;
  for (let index = placed.headingBlocks.length - 1; index >= 0; index--) {
    const given = fields.get(placed.headingBlocks[index] as HeadingBlock);
    if (given) filled = filledFrom(filled, given);
  }
  return filled;
}

/**
 * Where a block sits in its page: the headings above it, outermost first, as
 * a reader sees them. Headings compare as rendered text: markup removed, a
 * Markdown id (`{#firewall}`) and closing `#`s dropped, case and spacing
 * aside. Filters (`tables.headings`, `items.headings`) look at the nearest
 * heading; `sections` give defaults to everything under a heading, its
 * subsections included, the deepest match winning.
 */
import type { EntryDefaults } from '../../generated/schema-types.js';
import type { ManifestSource } from '../../model/record.js';
import { renderText } from '../../normalize/markup.js';
import { headerKey } from '../tables/columns.js';
import type { Block, HeadingBlock } from './blocks.js';

/** A block, and the headings above it, outermost first: their rendered texts, and the blocks. */
export interface Placed<T extends Block = Block> {
  block: T;
  headings: readonly string[];
  headingBlocks: readonly HeadingBlock[];
}
export type PlacedBlock = Placed;

/** A heading's text as a reader sees it: rendered, without a `{#id}` attribute or closing `#`s. */
export function headingText(heading: string): string {
  return renderText(heading.replace(/\s*\{[#.][^{}\n]*\}\s*$/, '').replace(/\s+#+\s*$/, ''));
}

/** A heading as filters compare it. */
export function headingKey(heading: string): string {
  return headerKey(headingText(heading));
}

/** Each block with the headings above it: a heading closes every heading of its depth or deeper. */
export function placeBlocks(blocks: readonly Block[]): PlacedBlock[] {
  const open: HeadingBlock[] = [];
  return blocks.map((block) => {
    const placed = { block, headings: open.map((heading) => headingText(heading.text)), headingBlocks: [...open] };
    if (block.kind === 'heading') {
      while ((open.at(-1)?.depth ?? 0) >= block.depth && open.length > 0) open.pop();
      open.push(block);
    }
    return placed;
  });
}

/** The nearest heading above a block, or null. */
export function nearestHeading(block: PlacedBlock): string | null {
  return block.headings.at(-1) ?? null;
}

/** Whether the nearest heading above the block is one of `wanted` (any heading, when none is wanted). */
export function underHeading(block: PlacedBlock, wanted: readonly string[] | undefined): boolean {
  if (!wanted) return true;
  const key = headerKey(nearestHeading(block) ?? '');
  return wanted.some((text) => headingKey(text) === key);
}

/**
 * The defaults for a block: the page's, then the deepest section's that
 * holds it, then `nearer` (a table selector's), each field taken from the
 * nearest scope that gives it. Null when no scope gives any.
 */
export function defaultsFor(block: PlacedBlock, source: ManifestSource, nearer?: EntryDefaults): EntryDefaults | null {
  const scopes: EntryDefaults[] = [source.defaults ?? {}];
  // Outermost heading first, so a deeper section's field overrides an outer one's.
  for (const heading of block.headings) {
    const key = headerKey(heading);
    const section = source.sections?.find((candidate) => candidate.headings.some((text) => headingKey(text) === key));
    if (section) scopes.push(section.defaults);
  }
  if (nearer) scopes.push(nearer);
  const merged: EntryDefaults = {};
  for (const scope of scopes) {
    if (scope.protocols) merged.protocols = scope.protocols;
    if (scope.status) merged.status = scope.status;
    if (scope.direction) merged.direction = scope.direction;
  }
  return merged.protocols || merged.status || merged.direction ? merged : null;
}

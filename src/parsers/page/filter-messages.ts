/**
 * What to say when a manifest filter chooses nothing: which filter, what the
 * page has instead (its tables with their headings and headers, or the
 * headings that have list items or prose under them), and the nearest of
 * those to what the filter names, so a maintainer can fix the entry at once.
 */
import { nearestName } from '../../model/nearest.js';
import type { TableSelector } from '../../generated/schema-types.js';
import type { PlacedBlock } from './sections.js';

/** The filter a message names. */
type FilterKind = 'tables' | 'items' | 'mentions';

const quoted = (texts: readonly string[]) => texts.map((text) => `\`${text}\``).join(', ');

/** At most this many of the page's tables or headings are listed; the rest are counted. */
const listed = 12;

function listOf(parts: readonly string[]): string {
  const shown = parts.slice(0, listed).join('; ');
  return parts.length > listed ? `${shown}; and ${parts.length - listed} more` : shown || 'none';
}

/** A table's headers as the page writes them: its first row's cell texts. */
function headersOf(placed: PlacedBlock): string[] {
  const block = placed.block;
  if (block.kind !== 'table') return [];
  const row = block.table.rows[0] ?? [];
  return row.filter((cell) => !cell.spanned && cell.text !== '').map((cell) => cell.text);
}

/** The message for a filter that chose nothing. */
export function describeChoices(kind: FilterKind, selectors: readonly TableSelector[], blocks: readonly PlacedBlock[]): string {
  const asked = selectors
    .map((selector) =>
      [
        selector.headings ? `headings ${quoted(selector.headings)}` : '',
        selector.headers ? `headers ${quoted(selector.headers)}` : '',
        selector.positions ? `positions ${selector.positions.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    )
    .join(' or ');
  if (kind === 'tables') {
    const tables = blocks.filter((placed) => placed.block.kind === 'table');
    const described = tables.map((placed, index) => `table ${index + 1} under ${placed.headings.at(-1) ? `\`${placed.headings.at(-1)}\`` : 'no heading'} (headers: ${quoted(headersOf(placed)) || 'none'})`);
    const wanted = selectors.flatMap((selector) => [...(selector.headings ?? []), ...(selector.headers ?? [])]);
    const known = [...new Set(tables.flatMap((placed) => [...placed.headings.slice(-1), ...headersOf(placed)]))];
    return `Unexpected \`tables\` (${asked}) that chooses no table, expected one of the page's tables: ${listOf(described)}${nearest(wanted, known)}`;
  }
  const holds = kind === 'items' ? (placed: PlacedBlock) => placed.block.kind === 'list-item' : (placed: PlacedBlock) => placed.block.kind === 'list-item' || placed.block.kind === 'paragraph';
  const counts = new Map<string, number>();
  for (const placed of blocks) {
    const heading = placed.headings.at(-1);
    if (heading !== undefined && holds(placed)) counts.set(heading, (counts.get(heading) ?? 0) + 1);
  }
  const what = kind === 'items' ? 'list item' : 'paragraph or list item';
  const described = [...counts].map(([heading, count]) => `\`${heading}\` (${count} ${count === 1 ? what : `${what}s`})`);
  const wanted = selectors.flatMap((selector) => selector.headings ?? []);
  return `Unexpected \`${kind}.headings\` (${quoted(wanted)}) that chooses no ${what}, expected a heading with ${what}s under it: ${listOf(described)}${nearest(wanted, [...counts.keys()])}`;
}

/** `; nearest `X``: the page's text nearest to any the filter names, when one is near enough to be a slip. */
function nearest(wanted: readonly string[], known: readonly string[]): string {
  for (const text of wanted) {
    const found = nearestName(text, known);
    if (found !== null) return `; nearest \`${found}\``;
  }
  return '';
}

/**
 * The semantic diff as Markdown, ready to paste into a pull-request
 * description or post as a comment.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { diffHeadline, type DatasetDiff } from '../compare/diff.js';
import { displayName, formatPortRange, formatSources, type PortRecord } from '../model/record.js';
import { code, heading, paragraph, table, text, toMarkdown } from './mdast.js';

/** Renders a diff; `title` names the two sides, e.g. `origin/main → working tree`. */
export function emitDiffMarkdown(diff: DatasetDiff, title: string): string {
  const nodes: RootContent[] = [
    heading(2, `Port catalog changes: ${title}`),
    paragraph([{ type: 'strong', children: [text(diffHeadline(diff))] }, text(` (${diff.total.old} → ${diff.total.new})`)]),
  ];
  if (diff.added.length > 0) nodes.push(heading(3, `Added (${diff.added.length})`), recordTable(diff.added));
  if (diff.removed.length > 0) nodes.push(heading(3, `Removed (${diff.removed.length})`), recordTable(diff.removed));
  if (diff.changed.length > 0) {
    nodes.push(
      heading(3, `Changed (${diff.changed.length})`),
      table(
        ['Record', 'Field', 'Old', 'New'],
        diff.changed.flatMap((change) =>
          change.fields.map((field, index) => [
            index === 0 ? [text(label(change.new))] : [],
            [code(field.field)],
            valueCell(field.old),
            valueCell(field.new),
          ]),
        ),
      ),
    );
  }
  const moved = diff.counts.filter((count) => count.old !== count.new);
  if (moved.length > 0) {
    nodes.push(
      heading(3, 'Counts'),
      table(
        ['Count', 'Old', 'New', 'Change'],
        moved.map((count) => [
          [text(count.name)],
          [text(String(count.old))],
          [text(String(count.new))],
          [text(signed(count.new - count.old))],
        ]),
      ),
    );
  }
  if (nodes.length === 2) nodes.push(paragraph([text('No record changed.')]));
  return toMarkdown(nodes);
}

function recordTable(records: readonly PortRecord[]) {
  return table(
    ['Port', 'Protocol', 'Status', 'Name', 'Sources'],
    records.map((record) => [
      [text(formatPortRange(record))],
      [text(record.protocol)],
      [text(record.status)],
      record.name ? [text(record.name)] : [],
      [text(formatSources(record))],
    ]),
  );
}

function label(record: PortRecord): string {
  return `${formatPortRange(record)}/${record.protocol} ${displayName(record)}`;
}

function valueCell(value: unknown): PhrasingContent[] {
  if (value === null) return [text('null')];
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'object' && item !== null ? sourceRef(item) : String(item)));
    return [text(items.length > 0 ? items.join('; ') : '(none)')];
  }
  return [text(String(value))];
}

function sourceRef(item: object): string {
  const ref = item as { source?: unknown; line?: unknown };
  return `${String(ref.source)}:${String(ref.line)}`;
}

function signed(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '0';
}

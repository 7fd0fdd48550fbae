/**
 * The semantic diff as Markdown, ready to post as a pull-request comment:
 * records added, removed, moved and changed (each with its product and
 * configuration key), the conflicts the change introduces and resolves, and
 * the counts. Source references link to their lines when the repository's
 * web address is known. A comment stays under GitHub's size limit: past it,
 * the tables are cut and the comment says where the full diff is.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { ConflictDiff, ConflictEntry } from '../compare/conflict-diff.js';
import { diffHeadline, type DatasetDiff } from '../compare/diff.js';
import { displayName, formatPortRange, sharedPorts, type PortRecord, type SourceRef } from '../model/record.js';
import { code, explanation, heading, link, paragraph, table, text, toMarkdown } from './mdast.js';

/** GitHub refuses comments longer than 65,536 characters; leave room for what a workflow adds. */
export const commentLimit = 60_000;

export interface DiffMarkdownOptions {
  /** The conflicts introduced and resolved, when both sides' conflict reports were read. */
  conflicts?: ConflictDiff | null;
  /** The repository's web address for source files, e.g. `https://github.com/o/r/blob/main/sources`; refs then link to `<url>/<file>#L<line>`. */
  sourceUrl?: string | null;
  /** Source id → file, from the new dataset's sources, for the links. */
  sourceFiles?: Readonly<Record<string, string>>;
  /** What to tell a reader of a cut comment, e.g. the command that prints the full diff. */
  fullDiffHint?: string;
}

/** Renders a diff; `title` names the two sides, e.g. `origin/main → working tree`. */
export function emitDiffMarkdown(diff: DatasetDiff, title: string, options: DiffMarkdownOptions = {}): string {
  const full = toMarkdown(diffTree(diff, title, options, Number.POSITIVE_INFINITY));
  if (full.length <= commentLimit) return full;
  // Too long for one comment: list fewer rows per table until it fits.
  for (let rows = 200; rows >= 10; rows = Math.floor(rows / 2)) {
    const cut = toMarkdown(diffTree(diff, title, options, rows));
    if (cut.length <= commentLimit) return cut;
  }
  return toMarkdown(diffTree(diff, title, options, 0));
}

function diffTree(diff: DatasetDiff, title: string, options: DiffMarkdownOptions, maxRows: number): RootContent[] {
  const ref = refRenderer(options);
  const nodes: RootContent[] = [
    heading(2, `Port catalog changes: ${title}`),
    paragraph([{ type: 'strong', children: [text(diffHeadline(diff))] }, text(` (${diff.total.old} → ${diff.total.new})`)]),
  ];
  const section = (name: string, count: number, render: (limit: number) => RootContent) => {
    if (count === 0) return;
    nodes.push(heading(3, `${name} (${count})`));
    if (maxRows > 0) nodes.push(render(maxRows));
    if (count > maxRows) nodes.push(paragraph([text(`${maxRows === 0 ? 'Not listed' : `The first ${maxRows} are listed`}: the diff is too long for one comment. ${options.fullDiffHint ?? 'Run `diff --json` for all of it.'}`)]));
  };
  section('Added', diff.added.length, (limit) => recordTable(diff.added.slice(0, limit), ref));
  section('Removed', diff.removed.length, (limit) => recordTable(diff.removed.slice(0, limit), ref));
  section('Moved', diff.moved.length, (limit) =>
    table(
      ['Record', 'Protocol', 'Old port', 'New port', 'Sources'],
      diff.moved.slice(0, limit).map((move) => [moveLabel(move.new), [text(move.new.protocol)], [text(formatPortRange(move.old))], [text(formatPortRange(move.new))], refs(move.new.sources, ref)]),
    ),
  );
  section('Changed', diff.changed.length, (limit) =>
    table(
      ['Record', 'Product', 'Config key', 'Field', 'Old', 'New'],
      diff.changed.slice(0, limit).flatMap((change) =>
        change.fields.map((field, index) => [
          index === 0 ? [text(label(change.new))] : [],
          index === 0 ? productCell(change.new) : [],
          index === 0 ? configCell(change.new) : [],
          [code(field.field)],
          valueCell(field.old),
          valueCell(field.new),
        ]),
      ),
    ),
  );
  const conflicts = options.conflicts;
  if (conflicts && conflicts.introduced.length + conflicts.resolved.length > 0) {
    nodes.push(heading(3, 'Conflicts'));
    const conflictTable = (entries: readonly ConflictEntry[]) =>
      table(['Kind', 'Port', 'Sides', 'Why'], entries.slice(0, Math.max(maxRows, 0)).map((entry) => [[code(entry.kind)], [text(entry.sides[0] ? `${formatPortRange(sharedPorts(entry.sides))}/${entry.sides[0].protocol}` : '')], [text(entry.sides.map(sideLabel).join(' vs '))], explanation(entry.explanation)]));
    if (conflicts.introduced.length > 0) nodes.push(paragraph([text(`Introduced (${conflicts.introduced.length}):`)]), conflictTable(conflicts.introduced));
    if (conflicts.resolved.length > 0) nodes.push(paragraph([text(`Resolved (${conflicts.resolved.length}):`)]), conflictTable(conflicts.resolved));
  }
  const countsMoved = diff.counts.filter((count) => count.old !== count.new);
  if (countsMoved.length > 0) {
    nodes.push(
      heading(3, 'Counts'),
      table(
        ['Count', 'Old', 'New', 'Change'],
        countsMoved.map((count) => [[text(count.name)], [text(String(count.old))], [text(String(count.new))], [text(signed(count.new - count.old))]]),
      ),
    );
  }
  if (nodes.length === 2) nodes.push(paragraph([text('No record changed.')]));
  return nodes;
}

type RefRenderer = (ref: SourceRef) => PhrasingContent;

/** `id:line` as text, or as a link to the line when the repository's web address is known. */
function refRenderer({ sourceUrl, sourceFiles }: DiffMarkdownOptions): RefRenderer {
  return (ref) => {
    const file = sourceFiles?.[ref.source];
    const label = `${ref.source}:${ref.line}`;
    return sourceUrl && file ? link(`${sourceUrl.replace(/\/+$/, '')}/${file}#L${ref.line}`, label) : text(label);
  };
}

function refs(sources: readonly SourceRef[], ref: RefRenderer): PhrasingContent[] {
  return sources.flatMap((source, index) => (index === 0 ? [ref(source)] : [text(', '), ref(source)]));
}

function recordTable(records: readonly PortRecord[], ref: RefRenderer) {
  return table(
    ['Port', 'Protocol', 'Status', 'Name', 'Product', 'Config key', 'Sources'],
    records.map((record) => [
      [text(formatPortRange(record))],
      [text(record.protocol)],
      [text(record.status)],
      record.name ? [text(record.name)] : [],
      productCell(record),
      configCell(record),
      refs(record.sources, ref),
    ]),
  );
}

/** A moved record: its product and configuration key, or its service. */
function moveLabel(record: PortRecord): PhrasingContent[] {
  if (record.product === null) return [text(record.serviceName ?? record.name ?? '')];
  return record.configKey === null ? [text(`${record.product} "${record.name ?? ''}"`)] : [text(`${record.product} `), code(record.configKey)];
}

const productCell = (record: PortRecord): PhrasingContent[] => (record.product ? [text(record.product)] : []);
const configCell = (record: PortRecord): PhrasingContent[] => (record.configKey ? [code(record.configKey)] : []);

function sideLabel(side: ConflictEntry['sides'][number]): string {
  const owner = side.product ? `${side.product}${side.configKey ? ` ${side.configKey}` : ''}` : (side.serviceName ?? side.name ?? side.status);
  return `${side.role} ${owner} (${side.sources.join(', ')})`;
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

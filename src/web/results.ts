/**
 * Result rows: one table row per record, with its role, ports, protocol,
 * status, keywords, name (and description and notes), product,
 * configuration key, direction, every source line as a link, and the marks
 * of the conflict report. Each row carries its record's key (`data-key`).
 * Long answers show a page of rows at a time.
 */
import type { LookupHit } from '../query/lookup.js';
import { formatPortRange, type PortRecord, type Role } from '../model/record.js';
import type { WebSource } from '../model/web-data.js';
import { append, countText, element, link, sourceText, type Child } from './dom.js';
import { lineAddress } from './links.js';
import type { Mark } from './marks.js';
import { recordKey } from './record-key.js';

/** Rows shown at once; a button shows the next as many. */
export const rowsPerPage = 200;

/** What rows need besides the records: the sources, to link lines, and the marks. */
export interface RowContext {
  sources: ReadonlyMap<string, WebSource>;
  marks: ReadonlyMap<PortRecord, readonly Mark[]>;
}

const headers = ['Role', 'Port', 'Protocol', 'Status', 'Keyword', 'Name', 'Product', 'Config key', 'Direction', 'Sources', 'Report'];

/** A table of the hits, in a region of its own that scrolls sideways; a button under it shows more rows while there are more. */
export function resultsTable(hits: readonly LookupHit[], context: RowContext, label: string): HTMLElement {
  const body = element('tbody');
  const table = element(
    'table',
    { class: 'records' },
    element('caption', { class: 'visually-hidden' }, label),
    element('thead', {}, element('tr', {}, ...headers.map((header) => element('th', { scope: 'col' }, header)))),
    body,
  );
  const more = element('button', { type: 'button', class: 'more' });
  let shown = 0;
  const showMore = () => {
    const next = hits.slice(shown, shown + rowsPerPage);
    for (const { role, record } of next) body.appendChild(recordRow(role, record, context));
    shown += next.length;
    const left = hits.length - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(left, rowsPerPage)} more (${countText(left)} not shown)`;
  };
  more.addEventListener('click', showMore);
  showMore();
  // A wide table scrolls inside its region, which the keyboard can reach.
  return element('div', {}, element('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table), more);
}

/** One record's row. */
export function recordRow(role: Role, record: PortRecord, context: RowContext): HTMLTableRowElement {
  const marks = context.marks.get(record) ?? [];
  const flagged = marks.some((mark) => mark.kind === 'clash' || mark.kind === 'conflict');
  const row = element('tr', { 'data-key': recordKey(role, record), 'data-role': role, class: flagged ? 'flagged' : null });
  const cell = (...children: Child[]) => row.appendChild(element('td', {}, ...children));
  cell(role);
  cell(formatPortRange(record));
  cell(record.protocol);
  cell(record.status);
  cell(keywords(record));
  cell(nameCell(record));
  cell(record.product === null ? '' : sourceText(record.product));
  cell(record.configKey === null ? '' : element('code', {}, sourceText(record.configKey)));
  cell(record.direction ?? '');
  cell(sourceLinks(record, context.sources));
  cell(...marks.map(markLine));
  return row;
}

function keywords(record: PortRecord): Child {
  if (record.serviceName === null && record.aliases.length === 0) return '';
  const span = element('span');
  if (record.serviceName !== null) append(span, element('code', {}, sourceText(record.serviceName)));
  if (record.aliases.length > 0) append(span, element('span', { class: 'aside' }, ' also ', sourceText(record.aliases.join(', '))));
  return span;
}

function nameCell(record: PortRecord): Child {
  const span = element('span');
  append(span, record.name === null ? '' : sourceText(record.name));
  if (record.description !== null) append(span, describe(record.description));
  for (const note of record.notes) append(span, element('span', { class: 'aside block' }, sourceText(note)));
  if (record.references.length > 0) append(span, element('span', { class: 'aside block' }, sourceText(record.references.join(', '))));
  return span;
}

/** Descriptions longer than a line or two fold away (a range's can run to a paragraph), a click or Enter away. */
const foldedLength = 120;

function describe(description: string): HTMLElement {
  if (description.length <= foldedLength) return element('span', { class: 'aside block' }, sourceText(description));
  return element('details', { class: 'aside' }, element('summary', {}, 'Description'), sourceText(description));
}

/** Each source line as `id:line`, a link to that line upstream where known. */
function sourceLinks(record: PortRecord, sources: ReadonlyMap<string, WebSource>): Child {
  const list = element('span', { class: 'sources' });
  record.sources.forEach(({ source, line }, index) => {
    if (index > 0) append(list, ', ');
    const known = sources.get(source);
    append(list, link(known ? lineAddress(known, line) : null, sourceText(`${source}:${line}`)));
  });
  return list;
}

function markLine(mark: Mark): HTMLElement {
  return element('span', { class: `mark mark-${mark.kind} block` }, element('strong', {}, `${mark.label}: `), sourceText(mark.text));
}

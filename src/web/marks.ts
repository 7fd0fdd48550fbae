/**
 * What the conflict report says of each record, as the marks a result row
 * shows: the clashes and conflicts it is a side of, with the report's own
 * explanation; a vendor port the reference leaves unregistered, worded as
 * `conflicts` words it; and the reference row a catalog record agrees with.
 */
import { referenceSays } from '../compare/conflicts.js';
import type { CatalogData } from './catalog-data.js';
import type { PortRecord } from '../model/record.js';

export type MarkKind = 'clash' | 'conflict' | 'unregistered' | 'agreement';

export interface Mark {
  kind: MarkKind;
  /** A short label: `Clash`, `Conflict`, `Unregistered`, `Agrees`. */
  label: string;
  text: string;
}

const labels: Readonly<Record<MarkKind, string>> = { clash: 'Clash', conflict: 'Conflict', unregistered: 'Unregistered', agreement: 'Agrees' };

/** Every record's marks: conflicts in the report's order, then unregistered, then agreement. */
export function marksByRecord(data: Pick<CatalogData, 'conflicts' | 'unregistered' | 'agreements'>): Map<PortRecord, Mark[]> {
  const marks = new Map<PortRecord, Mark[]>();
  const mark = (record: PortRecord, kind: MarkKind, text: string) => {
    const list = marks.get(record) ?? [];
    // A record on both sides of one conflict (never by the report's rules) or twice in a list is marked once.
    if (!list.some((each) => each.kind === kind && each.text === text)) list.push({ kind, label: labels[kind], text });
    marks.set(record, list);
  };
  for (const conflict of data.conflicts) {
    const kind = conflict.kind === 'product-clash' ? 'clash' : 'conflict';
    const text = conflict.kind === 'assigned-in-vacant-range' ? `assigned in a vacant range: ${conflict.explanation}` : conflict.explanation;
    for (const side of conflict.sides) mark(side.record, kind, text);
  }
  for (const { catalog, reference } of data.unregistered) {
    mark(catalog, 'unregistered', referenceSays(reference));
  }
  for (const { catalog, reference, method } of data.agreements) {
    mark(catalog, 'agreement', `${reference.serviceName ?? reference.name ?? reference.status} (${method})`);
  }
  return marks;
}

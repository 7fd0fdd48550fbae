/**
 * Reference sources enrich the catalog records they agree with: a missing
 * service keyword and the references. The registry's primary name is used
 * over an alias, deliberately, and the reference line joins the record's
 * sources, so the new values stay traceable.
 */
import type { Agreement } from './conflicts.js';
import { compareSourceRefs, type PortRecord } from '../model/record.js';
import { sortReferences } from '../grammar/references.js';

/** The catalog with each agreeing reference applied. Records are copied, never changed in place. */
export function enrichFromReferences(catalog: readonly PortRecord[], agreements: readonly Agreement[]): PortRecord[] {
  const byRecord = new Map<PortRecord, Agreement>();
  for (const agreement of agreements) {
    const { catalog: record, reference, match } = agreement;
    const samePorts = reference.portStart === record.portStart && reference.portEnd === record.portEnd;
    if (samePorts && match.method !== 'same-status' && !byRecord.has(record)) byRecord.set(record, agreement);
  }
  return catalog.map((record) => {
    const agreement = byRecord.get(record);
    if (!agreement) return record;
    const { reference } = agreement;
    return {
      ...record,
      serviceName: record.serviceName ?? reference.aliasOf ?? reference.serviceName,
      references: sortReferences([...record.references, ...reference.references]),
      sources: [...record.sources, ...reference.sources].sort(compareSourceRefs),
    };
  });
}

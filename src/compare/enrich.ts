/**
 * Reference sources enrich the catalog records they agree with: a missing
 * service keyword, the registry's other keywords as aliases (so `lookup www`
 * finds 80/tcp where the registry lists `www` as an alias of `http`), and
 * the references. The registry's primary name is used over an alias,
 * deliberately, and the reference line joins the record's sources, so the
 * new values stay traceable.
 */
import type { Agreement } from './conflicts.js';
import { compareSourceRefs, compareText, type PortRecord } from '../model/record.js';
import { sortReferences } from '../grammar/references.js';

/**
 * The catalog with each agreeing reference applied. Records are copied,
 * never changed in place. `references` gives the registry's alias rows: a
 * keyword registered as an alias of the agreeing row's keyword, on its
 * ports, becomes an alias of the catalog record too.
 */
export function enrichFromReferences(catalog: readonly PortRecord[], agreements: readonly Agreement[], references: readonly PortRecord[] = []): PortRecord[] {
  const aliasesOf = aliasIndex(references);
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
    const serviceName = record.serviceName ?? reference.aliasOf ?? reference.serviceName;
    const registered = aliasesOf.get(aliasKey(reference, reference.aliasOf ?? reference.serviceName)) ?? [];
    const keywords = [...record.aliases, ...reference.aliases, ...registered, reference.aliasOf, reference.serviceName];
    return {
      ...record,
      serviceName,
      aliases: [...new Set(keywords.filter((keyword): keyword is string => keyword !== null && keyword !== serviceName))].sort(compareText),
      references: sortReferences([...record.references, ...reference.references]),
      sources: [...record.sources, ...reference.sources].sort(compareSourceRefs),
    };
  });
}

function aliasKey(record: Pick<PortRecord, 'portStart' | 'portEnd' | 'protocol'>, keyword: string | null): string {
  return `${record.portStart}-${record.portEnd}/${record.protocol}/${keyword ?? ''}`;
}

/** Every alias the references register for a keyword on a port range and protocol. */
function aliasIndex(references: readonly PortRecord[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const reference of references) {
    if (reference.aliases.length === 0 || reference.serviceName === null) continue;
    const key = aliasKey(reference, reference.serviceName);
    index.set(key, [...(index.get(key) ?? []), ...reference.aliases]);
  }
  return index;
}

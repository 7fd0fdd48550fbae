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
import { asReferenceList, type ReferenceList } from '../model/reference-list.js';
import { sortReferences } from '../grammar/references.js';

/**
 * The catalog with each agreeing reference applied. Records are copied,
 * never changed in place. `references` gives the registry's alias rows: a
 * keyword registered as an alias of the agreeing row's keyword, on its
 * ports, becomes an alias of the catalog record too. They may be a list
 * (model/reference-list.ts): only the rows on an agreeing row's ports are
 * then made records.
 */
export function enrichFromReferences(
  catalog: readonly PortRecord[],
  agreements: readonly Agreement[],
  references: readonly PortRecord[] | ReferenceList<PortRecord> = [],
): PortRecord[] {
  const byRecord = new Map<PortRecord, Agreement>();
  for (const agreement of agreements) {
    const { catalog: record, reference, match } = agreement;
    const samePorts = reference.portStart === record.portStart && reference.portEnd === record.portEnd;
    if (samePorts && match.method !== 'same-status' && !byRecord.has(record)) byRecord.set(record, agreement);
  }
  const aliasesOf = registeredAliases([...new Set([...byRecord.values()].map(({ reference }) => reference))], asReferenceList(references));
  return catalog.map((record) => {
    const agreement = byRecord.get(record);
    if (!agreement) return record;
    const { reference } = agreement;
    const serviceName = record.serviceName ?? reference.aliasOf ?? reference.serviceName;
    const registered = aliasesOf.get(reference) ?? [];
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

/**
 * For each agreeing reference row, every alias the references register for
 * its keyword (its `aliasOf`, else its service name) on exactly its ports
 * and protocol, in row order. Only exact ports count, so one pass over the
 * rows' ports, looking each start up among the agreeing rows', finds them:
 * no sweep of the registry's 12,341 rows for overlaps.
 */
function registeredAliases(agreeing: readonly Agreement['reference'][], references: ReferenceList<PortRecord>): Map<Agreement['reference'], string[]> {
  const byStart = new Map<number, Agreement['reference'][]>();
  for (const reference of agreeing) {
    if ((reference.aliasOf ?? reference.serviceName) === null) continue;
    const starting = byStart.get(reference.portStart);
    if (starting) starting.push(reference);
    else byStart.set(reference.portStart, [reference]);
  }
  const aliases = new Map<Agreement['reference'], string[]>();
  if (byStart.size === 0) return aliases;
  for (const { row, portStart, portEnd, protocol } of references.rangesMeeting(agreeing)) {
    const starting = byStart.get(portStart);
    if (starting === undefined) continue;
    for (const reference of starting) {
      if (reference.portEnd !== portEnd || reference.protocol !== protocol) continue;
      const other = references.at(row);
      if (other.serviceName !== (reference.aliasOf ?? reference.serviceName) || other.aliases.length === 0) continue;
      aliases.set(reference, [...(aliases.get(reference) ?? []), ...other.aliases]);
    }
  }
  return aliases;
}

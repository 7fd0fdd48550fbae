/**
 * The dataset: merged records plus what a reader needs to trust them
 * (which generator, which source bytes, how many of each kind).
 */
import {
  categories,
  compareText,
  protocols,
  recordFields,
  statuses,
  type PortDataset,
  type PortRecord,
} from '../model/record.js';
import { coverageBySource, type Coverage } from './coverage.js';

export type DatasetSource = PortDataset['sources'][number];
/** A source as reading its document describes it; its coverage comes from the merged records. */
export type ReadSource = Omit<DatasetSource, 'coverage'>;

export interface DatasetInput {
  generator: { name: string; version: string };
  sources: readonly ReadSource[];
  records: readonly PortRecord[];
  /** Each catalog source's coverage (coverage.ts), when the caller has it; else found from the records. A reference's is null. */
  coverage?: ReadonlyMap<string, Coverage>;
}

/** Where ports.json finds its schema, relative to the output folder. */
export const datasetSchemaPath = '../schemas/dataset.schema.json';

/** Assembles the dataset with keys in schema order and records in catalog order as given. */
export function createDataset(input: DatasetInput): PortDataset {
  const records = input.records.map(orderRecordKeys);
  const catalogIds = input.sources.flatMap((source) => (source.role === 'catalog' ? [source.id] : []));
  const coverage = input.coverage ?? coverageBySource(records, catalogIds);
  return {
    $schema: datasetSchemaPath,
    generator: { name: input.generator.name, version: input.generator.version },
    sources: [...input.sources].sort((a, b) => compareText(a.id, b.id)).map((source) => orderSourceKeys(source, coverage.get(source.id) ?? null)),
    counts: {
      records: records.length,
      byCategory: countBy(records, 'category', categories),
      byStatus: countBy(records, 'status', statuses),
      byProtocol: countBy(records, 'protocol', protocols),
    },
    records,
  };
}

/** The record if its keys follow the schema's order already (as every stage makes them), else a copy that does. */
export function orderRecordKeys(record: PortRecord): PortRecord {
  return inSchemaOrder(record) ? record : orderedCopy(record);
}

/** Whether the record's own keys, and each source reference's, are exactly the schema's, in its order. */
function inSchemaOrder(record: PortRecord): boolean {
  let index = 0;
  for (const key in record) {
    if (key !== recordFields[index]) return false;
    index += 1;
  }
  if (index !== recordFields.length) return false;
  for (const ref of record.sources) {
    let refIndex = 0;
    for (const key in ref) {
      if (key !== sourceRefFields[refIndex]) return false;
      refIndex += 1;
    }
    if (refIndex !== sourceRefFields.length) return false;
  }
  return true;
}

const sourceRefFields = ['source', 'line'] as const;

function orderedCopy(record: PortRecord): PortRecord {
  const ordered: Record<string, unknown> = {};
  for (const field of recordFields) {
    ordered[field] = field === 'sources' ? record.sources.map((ref) => ({ source: ref.source, line: ref.line })) : record[field];
  }
  return ordered as unknown as PortRecord;
}

function orderSourceKeys(source: ReadSource, coverage: Coverage | null): DatasetSource {
  const { id, file, format, role, title, documentTitle, url, product, sha256, license } = source;
  return { id, file, format, role, title, documentTitle, url, product, sha256, license, coverage };
}

function countBy<K extends 'category' | 'status' | 'protocol'>(
  records: readonly PortRecord[],
  field: K,
  order: readonly PortRecord[K][],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of order) counts[value] = 0;
  for (const record of records) counts[record[field]] = (counts[record[field]] ?? 0) + 1;
  return counts;
}

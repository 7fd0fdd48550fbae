/**
 * Reading source documents ahead of time (see prebuilt.ts): what
 * `npm run compile` runs on the committed sources.
 */
import { referenceRowsText } from '../emit/reference-index.js';
import { referenceTable } from '../emit/web-data.js';
import { prebuiltKey, storeDocument, type PrebuiltDocument } from './prebuilt.js';
import { loadFreshReading, planDocuments, readDocuments, roleOf, type SourceDocument } from './read-documents.js';

/** Each document read as a build reads it, stored. */
export async function prebuildDocuments(documents: readonly SourceDocument[], generator: { name: string; version: string }): Promise<PrebuiltDocument[]> {
  const planned = planDocuments(documents, { generator });
  const fresh = await loadFreshReading(planned);
  return planned.map((plan) => {
    const read = readDocuments([plan], fresh);
    const [yielded] = read.yields;
    const [datasetSource] = read.datasetSources;
    if (!yielded || !datasetSource) throw new Error(`internal error: ${plan.document.source.id} was not read`);
    const reference = roleOf(plan.document.source) === 'reference';
    const references = read.referenceDocuments.flatMap((document) => document.records.all());
    const records = reference ? references : read.catalog;
    const key = prebuiltKey(plan.document.source, plan.sha256, generator);
    const stored = reference ? { webTable: referenceTable(references), indexRows: { source: plan.document.source.id, text: referenceRowsText(references) } } : null;
    return storeDocument(key, yielded, datasetSource.documentTitle, records, plan.document.file, stored);
  });
}

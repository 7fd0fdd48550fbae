/** ports.json: the dataset as pretty JSON, keys in schema order, LF, final newline. */
import type { PortDataset } from '../model/record.js';

/** Serializes a dataset built by createDataset (which fixes key order). */
export function emitJson(dataset: PortDataset): string {
  return [...jsonChunks(dataset)].join('');
}

/** Records per JSON.stringify call: one call per record costs more than the indenting. */
const recordsPerChunk = 1000;

/**
 * The same text as `JSON.stringify(dataset, null, 2)` plus a newline, a
 * thousand records at a time: the envelope is written around the records,
 * each batch of records stringified as an array and indented one level
 * deeper. JSON.stringify escapes line breaks inside strings, so every line
 * break it writes is structure, and indenting is safe.
 */
export function* jsonChunks(dataset: PortDataset): Generator<string> {
  // `records` is the envelope's last key: write the envelope with a marker there.
  const envelope = JSON.stringify({ ...dataset, records: 0 }, null, 2);
  const marker = '0\n}';
  if (!envelope.endsWith(marker)) throw new Error('internal error: `records` is not the dataset’s last key');
  const head = envelope.slice(0, -marker.length);
  if (dataset.records.length === 0) {
    yield `${head}[]\n}\n`;
    return;
  }
  yield `${head}[\n`;
  for (let start = 0; start < dataset.records.length; start += recordsPerChunk) {
    // `[\n  {…},\n  {…}\n]` indented by two more spaces is `[\n    {…},\n    {…}\n  ]`: keep what is between the brackets.
    const batch = JSON.stringify(dataset.records.slice(start, start + recordsPerChunk), null, 2).replaceAll('\n', '\n  ');
    yield `${start === 0 ? '' : ',\n'}${batch.slice('[\n'.length, -'\n  ]'.length)}`;
  }
  yield '\n  ]\n}\n';
}

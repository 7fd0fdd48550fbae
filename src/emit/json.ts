/** ports.json: the dataset as pretty JSON, keys in schema order, LF, final newline. */
import type { PortDataset } from '../model/record.js';

/** Serializes a dataset built by createDataset (which fixes key order). */
export function emitJson(dataset: PortDataset): string {
  return [...jsonChunks(dataset)].join('');
}

/**
 * The same text as `JSON.stringify(dataset, null, 2)` plus a newline, one
 * record at a time: the envelope is written around the records, each record
 * indented to its depth. JSON.stringify escapes line breaks inside strings,
 * so every line break it writes is structure, and indenting is safe.
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
  let separator = '';
  for (const record of dataset.records) {
    yield `${separator}    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}`;
    separator = ',\n';
  }
  yield '\n  ]\n}\n';
}

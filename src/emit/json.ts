/** ports.json: the dataset as pretty JSON, keys in schema order, LF, final newline. */
import type { PortDataset } from '../model/record.js';

/** Serializes a dataset built by createDataset (which fixes key order). */
export function emitJson(dataset: PortDataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

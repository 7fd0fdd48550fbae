/**
 * A reference record as references.json stores it: one compact row, written
 * by emit/reference-index.ts and read by the query commands.
 */
import type { PortRecord } from './record.js';

/** The order of a compact reference row's fields. */
export const referenceRowFields = ['portStart', 'portEnd', 'protocol', 'status', 'serviceName', 'aliases', 'name', 'source', 'line'] as const;

export type ReferenceRow = [number, number, PortRecord['protocol'], PortRecord['status'], string | null, string[], string | null, string, number];

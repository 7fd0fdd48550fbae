/**
 * Which ports a catalog source speaks of: the ports its entries cover, as
 * ranges, and the gaps inside its span. A reader asking "is 443 taken?"
 * must know that a list which skips 350–699 says nothing of 443. Category
 * ranges (the registered ports 1024–49151) name every port and describe
 * none, so they count for no coverage.
 */
import type { PortRecord } from '../model/record.js';

export type PortSpan = [number, number];

export interface Coverage {
  /** How many distinct ports the entries cover. */
  ports: number;
  /** The covered ports as ranges, ascending, merged where they touch. */
  ranges: PortSpan[];
  /** The ports between the lowest and the highest covered one that no entry covers. */
  gaps: PortSpan[];
}

/** Each source's coverage, from the records that cite it; a source no record cites covers nothing. */
export function coverageBySource(records: readonly PortRecord[], sourceIds: readonly string[]): Map<string, Coverage> {
  const spans = new Map<string, PortSpan[]>(sourceIds.map((id) => [id, []]));
  for (const record of records) {
    if (record.status === 'category') continue;
    for (const ref of record.sources) spans.get(ref.source)?.push([record.portStart, record.portEnd]);
  }
  return new Map([...spans].map(([id, list]) => [id, coverageOf(list)]));
}

/** Merges spans into coverage. */
export function coverageOf(spans: readonly PortSpan[]): Coverage {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const ranges: PortSpan[] = [];
  for (const [start, end] of sorted) {
    const last = ranges.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  const gaps: PortSpan[] = [];
  for (let index = 1; index < ranges.length; index++) {
    const before = ranges[index - 1];
    const after = ranges[index];
    if (before && after) gaps.push([before[1] + 1, after[0] - 1]);
  }
  const ports = ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0);
  return { ports, ranges, gaps };
}

/** Gaps wider than this inside a list of services are worth a reader's notice. */
export const wideGap = 100;

/** How many ports a span holds. */
export function spanLength(span: readonly number[]): number {
  return (span[1] ?? 0) - (span[0] ?? 0) + 1;
}

/** The gaps of more than `wideGap` ports. */
export function wideGaps<S extends readonly number[]>(gaps: readonly S[]): S[] {
  return gaps.filter((gap) => spanLength(gap) > wideGap);
}

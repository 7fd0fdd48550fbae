/**
 * Places in a document: 1-based line and column, and the one mapping from a
 * character offset to a place that every reader uses.
 */
import { location } from 'vfile-location';

/** A point in a file: 1-based line and column. */
export interface Point {
  line: number;
  column: number;
}

/** Maps offsets in `text` to points. Offsets outside the text are clamped to it. */
export function pointsOf(text: string): (offset: number) => Point {
  const place = location(text);
  return (offset) => {
    const point = place.toPoint(Math.max(0, Math.min(offset, text.length)));
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  };
}

/** The point just after `before`, the text that precedes it (any line ending counts). */
export function pointAfter(before: string): Point {
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

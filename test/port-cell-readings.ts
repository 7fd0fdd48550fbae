/** Expected readings of the port-cell grammar, written out by hand, for port-cell.test.ts and port-cell-edges.test.ts. */
import type { PortCellReading, PortSpan } from '../src/grammar/port-cell.js';

/** An expected span: start, end, text as written, offset, then protocols, notes and doubts. */
export function span(
  start: number,
  end: number,
  written: string,
  offset: number,
  protocols: string[] = [],
  notes: string[] = [],
  doubts: string[] = [],
): PortSpan {
  return { start, end, written, offset, protocols, notes, doubts };
}

export function ports(spans: PortSpan[], protocols: string[] = [], notes: string[] = []): PortCellReading {
  return { kind: 'ports', ports: spans, protocols, notes };
}

export function unreadable(offset: number, reason: string): PortCellReading {
  return { kind: 'unreadable', reason, offset };
}

export const expectPort = 'expected a port, a range or a list of ports';

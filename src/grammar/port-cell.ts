/** Port numbers and ranges as sources write them: `80`, `225-229`, `225–229`. */
import { highestPort } from '../model/record.js';

export type PortRangeResult =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: string; ruleId: 'port-range' };

const rangePattern = /^(\d{1,10})(?:\s*[-–]\s*(\d{1,10}))?$/;

/** Parses a port or an inclusive range; says what is wrong otherwise. */
export function parsePortRange(text: string): PortRangeResult {
  const written = text.trim();
  const match = rangePattern.exec(written);
  const fail = (reason: string): PortRangeResult => ({ ok: false, reason, ruleId: 'port-range' });
  if (!match) return fail(`Unexpected port \`${abbreviate(written)}\`, expected a number or a range like \`225-229\``);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  for (const port of [start, end]) {
    if (port > highestPort) return fail(`Unexpected port ${port}, expected 0–${highestPort}`);
  }
  if (start > end) return fail(`Unexpected range \`${written}\`, expected the first port not to exceed the last`);
  return { ok: true, start, end };
}

/** Keeps messages readable when a source line is huge. */
export function abbreviate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

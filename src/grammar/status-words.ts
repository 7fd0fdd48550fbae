/**
 * An entry's status from its name: `Unassigned`, `RESERVED`, `Reserved` are
 * statuses, not names. A registry may add a remark in brackets or
 * parentheses (`Unassigned [was netstat]`), which is kept as a note.
 */
import type { Status } from '../model/record.js';

export interface StatusWord {
  status: Exclude<Status, 'assigned'>;
  /** The bracketed remark, e.g. `was netstat`, or null. */
  remark: string | null;
}

const statusPattern = /^(unassigned|reserved)\s*(?:[[(]([^\])]*)[\])])?$/i;

/** The status a name stands for, or null when it is a real name. */
export function statusWord(name: string): StatusWord | null {
  const match = statusPattern.exec(name.trim());
  if (!match?.[1]) return null;
  const status = match[1].toLowerCase() === 'reserved' ? 'reserved' : 'unassigned';
  return { status, remark: match[2]?.trim() || null };
}

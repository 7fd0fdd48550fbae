/** An entry's status from its name: `Unassigned`, `RESERVED`, `Reserved` are statuses, not names. */
import type { Status } from '../record.js';

/** The status a name stands for, or null when it is a real name. */
export function statusWord(name: string): Exclude<Status, 'assigned'> | null {
  const word = name.trim().toLowerCase();
  if (word === 'unassigned') return 'unassigned';
  if (word === 'reserved') return 'reserved';
  return null;
}

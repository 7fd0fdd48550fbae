/**
 * Vacancy overlaps: an unassigned or reserved range that holds assigned
 * ports on the same protocol (`875-885 Unassigned` against 876 and 877).
 * Both sides are kept, as the sources say; the overlap is reported.
 *
 * Found by sort and sweep, per protocol: records in port order, with the
 * ranges still open at the current port kept in small active lists, so the
 * cost is n log n plus the number of overlaps, not all pairs.
 */
import { compareRecords, type PortRecord } from './record.js';

export interface Overlap {
  /** The unassigned or reserved range. */
  vacant: PortRecord;
  /** An assigned record that shares ports with it. */
  assigned: PortRecord;
}

/** Every pair of a vacant range and an assigned record that overlap on one protocol. */
export function findVacancyOverlaps(records: readonly PortRecord[]): Overlap[] {
  const overlaps: Overlap[] = [];
  const byProtocol = new Map<string, PortRecord[]>();
  for (const record of records) {
    const list = byProtocol.get(record.protocol);
    if (list) list.push(record);
    else byProtocol.set(record.protocol, [record]);
  }
  for (const list of byProtocol.values()) {
    let openVacant: PortRecord[] = [];
    let openAssigned: PortRecord[] = [];
    for (const record of [...list].sort(compareRecords)) {
      const stillOpen = (other: PortRecord) => other.portEnd >= record.portStart;
      openVacant = openVacant.filter(stillOpen);
      openAssigned = openAssigned.filter(stillOpen);
      if (record.status === 'assigned') {
        for (const vacant of openVacant) overlaps.push({ vacant, assigned: record });
        openAssigned.push(record);
      } else {
        for (const assigned of openAssigned) overlaps.push({ vacant: record, assigned });
        openVacant.push(record);
      }
    }
  }
  return overlaps;
}

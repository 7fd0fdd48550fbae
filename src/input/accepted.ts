/**
 * Accepted findings (sources/accepted.json): warnings a maintainer has
 * reviewed, each with the reason. They still print, marked accepted; only
 * warnings not accepted fail `--strict`. An entry that no longer matches any
 * message is itself a warning at its line, so the list cannot rot.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { AcceptedFindings } from '../generated/schema-types.js';
import type { Point } from '../model/location.js';
import { reporterFor } from '../model/messages.js';
import { acceptedProblems } from '../model/schema.js';
import { readCheckedJson } from './checked-json.js';

export type AcceptedEntry = AcceptedFindings['accepted'][number];

export interface AcceptedList {
  entries: AcceptedEntry[];
  /** Where an entry is written, by its index. */
  placeOf(index: number): Point;
}

/** The file's entries; null, with errors on it, when it cannot be used. */
export function readAccepted(file: VFile): AcceptedList | null {
  const checked = readCheckedJson<AcceptedFindings>(file, reporterFor(file, 'accepted'), { what: 'accepted-findings file', problems: acceptedProblems });
  if (!checked) return null;
  return { entries: checked.value.accepted, placeOf: (index) => checked.placeOf(['accepted', index]) };
}

/** A document's file, by the manifest id of its source. */
export interface FileOfSource {
  id: string;
  file: VFile;
}

/**
 * Which messages the entries accept: a message is accepted when an entry
 * names its rule (`source:rule`), its source's id and its line. Entries that
 * match nothing are reported on `acceptedFile`. Returns each accepted
 * message with the entry's reason.
 */
export function applyAccepted(
  accepted: AcceptedList,
  documents: readonly FileOfSource[],
  acceptedFile: VFile,
): Map<VFileMessage, string> {
  const byId = new Map(documents.map((document) => [document.id, document.file]));
  const found = new Map<VFileMessage, string>();
  const report = reporterFor(acceptedFile, 'accepted');
  accepted.entries.forEach((entry, index) => {
    const file = byId.get(entry.source);
    const matches = (file?.messages ?? []).filter(
      (message) => message.fatal === false && `${message.source}:${message.ruleId}` === entry.rule && message.line === entry.line,
    );
    for (const message of matches) found.set(message, entry.reason);
    if (matches.length === 0) {
      report('accepted-stale', `Unexpected accepted finding \`${entry.rule}\` at ${entry.source}:${entry.line} that no warning matches, expected it removed from the list`, accepted.placeOf(index));
    }
  });
  return found;
}

/**
 * What a parser hands to normalization: one entry as the source writes it,
 * before any cleaning, with the place it came from.
 */
import type { EntryDefaults } from '../generated/schema-types.js';
import type { Point } from './location.js';

export interface SourceEntry {
  /** Where the entry starts; this line goes into the record's sources. */
  place: Point;
  /** The port or range as written, e.g. `1761`, `225-229`. */
  port: string;
  /** Where the port text is, for messages about it. */
  portPlace: Point;
  /** Protocol words as written (`TCP`, `UDP`), or null when the source gives none. */
  protocols: readonly string[] | null;
  /** The name as written; may hold Markdown or RFC mentions that normalization removes. */
  name: string | null;
  description: string | null;
  notes: readonly string[];
  serviceName: string | null;
  configKey: string | null;
  /** Which way connections go, as written (`In`, `Outbound`), or null. */
  direction: string | null;
  /** For a registry's alias row: the primary service name it stands for. */
  aliasOf: string | null;
  /** Other keywords the source gives for the same service (`/etc/services` aliases). */
  aliases: readonly string[];
  /** Extra references as written (`[RFC3501]`, `RFC 821`); normalization keeps the RFCs. */
  references: readonly string[];
  /**
   * Values for the fields the entry does not give, from the part of the page
   * it sits in (a table selector's, a section's, the page's). Absent: the
   * source's own defaults apply.
   */
  defaults?: EntryDefaults;
}

/** What a line of a document was used for. */
export type LineRole = 'blank' | 'entry' | 'structure' | 'diagnostic';

/** How many non-blank lines a document gave each role. */
export type LineCounts = Record<Exclude<LineRole, 'blank'>, number>;

/** A parser's result: entries, and for line-based formats, what every line was used for. */
export interface ParseResult {
  entries: SourceEntry[];
  /** Title the document gives itself, if any (front matter, heading). */
  documentTitle: string | null;
  /** Role of each line (index 0 is line 1), where the parser accounts for lines; else null. */
  lineRoles: LineRole[] | null;
}

/** What a parser knows once it has read the whole document. */
export type ParseSummary = Omit<ParseResult, 'entries'>;

/**
 * A parser's entries one at a time as it reads, then its summary: the form
 * the pipeline consumes, so a large document's entries never all live at once.
 */
export type EntryStream = Generator<SourceEntry, ParseSummary, undefined>;

/** The entries of a parser that reads a whole document at once, as a stream. */
export function* streamOf(result: ParseResult): EntryStream {
  yield* result.entries;
  return { documentTitle: result.documentTitle, lineRoles: result.lineRoles };
}

/** Every entry of a stream, and its summary. */
export function collectEntries(stream: EntryStream): ParseResult {
  const entries: SourceEntry[] = [];
  for (let step = stream.next(); ; step = stream.next()) {
    if (step.done) return { entries, ...step.value };
    entries.push(step.value);
  }
}

/** Fills the optional parts of an entry. */
export function sourceEntry(
  fields: Pick<SourceEntry, 'place' | 'port'> & Partial<SourceEntry>,
): SourceEntry {
  return {
    portPlace: fields.place,
    protocols: null,
    name: null,
    description: null,
    notes: [],
    serviceName: null,
    configKey: null,
    direction: null,
    aliasOf: null,
    aliases: [],
    references: [],
    ...fields,
  };
}

/** Gives lines `first`..`last` (1-based, inclusive) a role, leaving blank lines blank. */
export function markLines(roles: LineRole[], first: number, last: number, role: Exclude<LineRole, 'blank'>): void {
  for (let index = first - 1; index < last && index < roles.length; index++) {
    if (roles[index] !== 'blank') roles[index] = role;
  }
}

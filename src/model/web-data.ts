/**
 * The data the web page (output/index.html) embeds: the catalog, the
 * reference rows, the sources and the conflict report, compact enough that
 * the page and its data stay well under 2 MB with the registry's 12,341 rows.
 *
 * Every text is written once, in a string table, and every record is a run
 * of numbers in one flat array: a text is its place in the table plus one
 * (0 is null), an enum its place in the lists below, a list its length then
 * its items, and a record's first port the difference from the record
 * before it (records come in port order, so most are small). emit/web-data.ts
 * writes it, web/catalog-data.ts reads it back into the records `lookup`,
 * `free` and the conflict report work on.
 */
import { categories, protocols, statuses, type PortRecord, type Role } from './record.js';

/** Raised when the layout changes, so a page never misreads data of another layout. */
export const webDataVersion = 3;

/** The enum lists whose positions the numbers stand for. */
export const webEnums = {
  protocols,
  statuses,
  categories,
  /** Position plus one; 0 is null. */
  directions: ['in', 'out', 'both'] as readonly NonNullable<PortRecord['direction']>[],
  roles: ['catalog', 'reference'] as readonly Role[],
  /** compare/conflicts.ts's kinds and name-match.ts's methods (emit/web-data.ts checks they are the same). */
  conflictKinds: ['different-service', 'assigned-in-vacant-range', 'product-clash'] as const,
  matchMethods: ['same-keyword', 'same-name', 'keyword-in-name', 'acronym', 'product-name', 'product-keyword', 'shared-words', 'same-status'] as const,
} as const;

/**
 * The embedded JSON. Each array of numbers is flat; one entry of each, in order:
 *
 * - `sources`: id, title, url, origin url, product (texts), role.
 * - `catalog`: first port (difference), last port − first port, protocol,
 *   status, category, direction, serviceName, name, description, product,
 *   configKey (texts); aliases, references, notes (each a list of texts);
 *   sources (count, then source and line for each).
 * - `references`: one table per reference source, in manifest order, each
 *   its source's id and a ReferenceTable.
 * - `conflicts`: kind, the number of sides (two, or more for a product
 *   clash), each side, explanation (a text). A side is a catalog record's
 *   index, or −1 − the index of a reference row (the rows of every table,
 *   one after another).
 * - `unregistered`: catalog index, then the reference row's index plus one (0: none).
 * - `agreements`: catalog index, reference row index, match method.
 */
export interface WebDataJson {
  version: number;
  generator: { name: string; version: string };
  strings: string[];
  sources: number[];
  catalog: number[];
  references: { source: string; table: ReferenceTable }[];
  conflicts: number[];
  unregistered: number[];
  agreements: number[];
}

/**
 * One reference source's rows: the fields of a references.json row, in the
 * source's order. A table depends on nothing but the source's records, so
 * `npm run compile` makes the registry's ahead of time (pipeline/prebuilt.ts).
 * Its texts are its own: `strings` holds them in order of use, and a row
 * gives for each text 0 (null), 1 (the row before's) or 2 (the next of `strings`).
 *
 * `rows`, one entry per row: first port (difference), last − first,
 * protocol, status, serviceName and name (each 0, 1 or 2), line (difference
 * from the row before), and the number of aliases, each the next of `strings`.
 */
export interface ReferenceTable {
  strings: string[];
  rows: number[];
}

/** How a reference table gives a text. */
export const tableText = { none: 0, previous: 1, next: 2 } as const;

/** A source as the page shows it. */
export interface WebSource {
  id: string;
  title: string;
  /** Where the document was published, as the manifest gives it (not yet checked to be a web address). */
  url: string | null;
  /** Where its committed bytes were copied from (the manifest's `origin.url`), for links to a line. */
  origin: string | null;
  product: string | null;
  role: Role;
}

/** The id of the `<script type="application/json">` element that holds the data. */
export const webDataElementId = 'catalog-data';

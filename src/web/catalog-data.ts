/**
 * Reads the page's embedded data (model/web-data.ts) back into records: the
 * catalog as ports.json holds it, the reference rows turned into records as
 * the command line turns references.json's rows (`recordOfRow`), so `lookup`
 * and `free` answer here from the same records as there; and the conflict
 * report, its sides pointing at those records.
 */
import type { Conflict } from '../compare/conflicts.js';
import type { MatchMethod } from '../compare/name-match.js';
import type { PortRecord } from '../model/record.js';
import { recordOfRow, type ReferenceRow } from '../model/reference-row.js';
import { tableText, webDataVersion, webEnums, type ReferenceTable, type WebDataJson, type WebSource } from '../model/web-data.js';

export interface CatalogData {
  generator: { name: string; version: string };
  sources: WebSource[];
  catalog: PortRecord[];
  references: PortRecord[];
  conflicts: Conflict[];
  unregistered: { catalog: PortRecord; reference: PortRecord | null }[];
  agreements: { catalog: PortRecord; reference: PortRecord; method: MatchMethod }[];
}

/** The data, from the embedded JSON's value; throws an Error that says what is wrong when it is not this layout. */
export function readCatalogData(json: WebDataJson): CatalogData {
  if (json.version !== webDataVersion) throw new Error(`Unexpected data layout ${String(json.version)}, expected ${webDataVersion}`);
  const text = (ref: number): string | null => (ref === 0 ? null : at(json.strings, ref - 1));
  const required = (ref: number): string => text(ref) ?? fail('a text', ref);

  const sources: WebSource[] = [];
  for (let place = 0; place < json.sources.length; place += 6) {
    const field = (offset: number) => at(json.sources, place + offset);
    sources.push({
      id: required(field(0)),
      title: required(field(1)),
      url: text(field(2)),
      origin: text(field(3)),
      product: text(field(4)),
      role: at(webEnums.roles, field(5)),
    });
  }
  const sourceId = (index: number) => at(sources, index).id;

  const catalog: PortRecord[] = [];
  const stream = json.catalog;
  let cursor = 0;
  const next = () => at(stream, cursor++);
  const texts = () => Array.from({ length: next() }, () => required(next()));
  let portStart = 0;
  while (cursor < stream.length) {
    portStart += next();
    const portEnd = portStart + next();
    const protocol = at(webEnums.protocols, next());
    const status = at(webEnums.statuses, next());
    const category = at(webEnums.categories, next());
    const directionPlace = next();
    const direction = directionPlace === 0 ? null : at(webEnums.directions, directionPlace - 1);
    const serviceName = text(next());
    const name = text(next());
    const description = text(next());
    const product = text(next());
    const configKey = text(next());
    const aliases = texts();
    const references = texts();
    const notes = texts();
    const sourceRefs = Array.from({ length: next() }, () => ({ source: sourceId(next()), line: next() }));
    catalog.push({ portStart, portEnd, protocol, status, serviceName, aliases, name, description, references, notes, category, product, configKey, direction, sources: sourceRefs });
  }

  const references: PortRecord[] = [];
  for (const { source, table } of json.references) {
    if (!sources.some((known) => known.id === source)) throw new Error(`Unexpected reference table of source \`${source}\`, expected one of the data's sources`);
    readReferenceTable(table, source, references);
  }

  const side = (place: number): Conflict['sides'][number] =>
    place >= 0 ? { role: 'catalog', record: at(catalog, place) } : { role: 'reference', record: at(references, -1 - place) };
  const conflicts: Conflict[] = [];
  for (let place = 0; place < json.conflicts.length; ) {
    const field = (offset: number) => at(json.conflicts, place + offset);
    const sideCount = field(1);
    if (sideCount < 2) throw new Error(`Unexpected conflict with ${sideCount} sides, expected two or more`);
    const [first, second, ...more] = Array.from({ length: sideCount }, (_, offset) => side(field(2 + offset)));
    if (!first || !second) throw new Error('internal error: a conflict without its two sides');
    conflicts.push({ kind: at(webEnums.conflictKinds, field(0)), sides: [first, second, ...more], explanation: required(field(2 + sideCount)) });
    place += 3 + sideCount;
  }
  const unregistered: CatalogData['unregistered'] = [];
  for (let place = 0; place < json.unregistered.length; place += 2) {
    const reference = at(json.unregistered, place + 1);
    unregistered.push({ catalog: at(catalog, at(json.unregistered, place)), reference: reference === 0 ? null : at(references, reference - 1) });
  }
  const agreements: CatalogData['agreements'] = [];
  for (let place = 0; place < json.agreements.length; place += 3) {
    const field = (offset: number) => at(json.agreements, place + offset);
    agreements.push({ catalog: at(catalog, field(0)), reference: at(references, field(1)), method: at(webEnums.matchMethods, field(2)) });
  }
  return { generator: json.generator, sources, catalog, references, conflicts, unregistered, agreements };
}

/** A reference table's rows (model/web-data.ts, ReferenceTable) as records, added to `into`. */
function readReferenceTable(table: ReferenceTable, source: string, into: PortRecord[]): void {
  const { rows, strings } = table;
  let place = 0;
  let stringPlace = 0;
  const field = () => at(rows, place++);
  const nextString = () => at(strings, stringPlace++);
  let portStart = 0;
  let line = 0;
  let serviceName: string | null = null;
  let name: string | null = null;
  const text = (previous: string | null): string | null => {
    const code = field();
    if (code === tableText.none) return null;
    if (code === tableText.previous) return previous ?? fail('a text before', place);
    if (code === tableText.next) return nextString();
    return fail('a text code', place);
  };
  while (place < rows.length) {
    portStart += field();
    const portEnd = portStart + field();
    const protocol = at(webEnums.protocols, field());
    const status = at(webEnums.statuses, field());
    serviceName = text(serviceName);
    name = text(name);
    line += field();
    const aliases = Array.from({ length: field() }, nextString);
    const row: ReferenceRow = [portStart, portEnd, protocol, status, serviceName, aliases, name, source, line];
    into.push(recordOfRow(row));
  }
}

/** An item that must be there: data that points past an array is not the layout this page reads. */
function at<T>(items: readonly T[], place: number): T {
  const item = items[place];
  if (item === undefined) return fail('an item', place);
  return item;
}

function fail(what: string, place: number): never {
  throw new Error(`Unexpected data that points past its arrays (${what} at ${place}), expected the layout \`build\` writes`);
}

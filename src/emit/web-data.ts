/**
 * The web page's data (model/web-data.ts describes the layout): the catalog,
 * the reference rows as references.json holds them, the sources and the
 * conflict report, as one JSON text of string tables and flat arrays of
 * numbers. Linear in the records: each text is looked up once in a map.
 *
 * A reference source's table depends on its records alone, so the
 * registry's is made once, ahead of time, with the registry itself
 * (pipeline/prebuilt.ts): encoding its 12,341 rows in every build would
 * cost a cold build several percent.
 */
import type { Conflict, ConflictReport, Side } from '../compare/conflicts.js';
import type { MatchMethod } from '../compare/name-match.js';
import type { PortDataset, PortRecord, ReferenceRecord } from '../model/record.js';
import { tableText, webDataVersion, webEnums } from '../model/web-data.js';
import type { ReferenceList } from '../model/reference-list.js';

// The page reads kinds and methods by position: the lists must name exactly what the report can hold.
const sameKinds: readonly Conflict['kind'][] = webEnums.conflictKinds;
const sameMethods: readonly MatchMethod[] = webEnums.matchMethods;

/**
 * One reference source's records, and their table (referenceTable's text)
 * when it is known already: the page then needs only the rows the report
 * names, so the list (model/reference-list.ts) makes no other.
 */
export interface ReferenceDocument {
  id: string;
  records: ReferenceList;
  table: string | null;
}

export interface WebDataInput {
  generator: { name: string; version: string };
  sources: PortDataset['sources'];
  /** Each source's `origin.url` from the manifest, by id, where it has one. */
  origins: ReadonlyMap<string, string>;
  /** The catalog, in catalog order (ports.json's records). */
  catalog: readonly PortRecord[];
  /** Each reference source's records, in manifest order, with its table when it was made ahead of time. */
  references: readonly ReferenceDocument[];
  report: ConflictReport;
  /**
   * The catalog index of each record the report names. The report is made
   * before the records are enriched (which copies them), so the build gives
   * the index of each record as the report holds it; by default, the
   * records of `catalog` themselves.
   */
  catalogIndex?: ReadonlyMap<PortRecord, number>;
}

/**
 * The page's data as JSON text, with every `<` written `\u003c`, so it can
 * stand inside a `<script>` element (only texts can hold one; arrays of
 * numbers are JSON.stringify's text as they are).
 */
export function emitWebData(input: WebDataInput): string {
  const strings = new StringTable();
  const sourceIndex = new Map<string, number>();
  const sources: number[] = [];
  for (const source of input.sources) {
    sourceIndex.set(source.id, sourceIndex.size);
    sources.push(strings.ref(source.id), strings.ref(source.title), strings.ref(source.url), strings.ref(input.origins.get(source.id) ?? null), strings.ref(source.product), rolePlace[source.role]);
  }
  const catalog = catalogNumbers(input.catalog, strings, (id) => {
    const index = sourceIndex.get(id);
    if (index === undefined) throw new Error(`internal error: a record cites source \`${id}\`, which the dataset does not list`);
    return index;
  });
  const report = reportNumbers(input, strings);
  const tables = input.references.map(({ id, records, table }) => `{"source":${escaped(JSON.stringify(id))},"table":${table ?? referenceTable(records.all())}}`);
  return [
    `{"version":${webDataVersion},"generator":${escaped(JSON.stringify({ name: input.generator.name, version: input.generator.version }))}`,
    `,"strings":${escaped(JSON.stringify(strings.texts))},"sources":${JSON.stringify(sources)},"catalog":${JSON.stringify(catalog)}`,
    `,"references":[${tables.join(',')}]`,
    `,"conflicts":${JSON.stringify(report.conflicts)},"unregistered":${JSON.stringify(report.unregistered)},"agreements":${JSON.stringify(report.agreements)}}`,
  ].join('');
}

/** JSON text with its `<` escaped; JSON text holds `<` only inside strings, where `\u003c` is the same character. */
function escaped(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/**
 * A reference source's records as the page's table for them (model/web-data.ts,
 * ReferenceTable): the fields of references.json's rows (model/reference-row.ts,
 * rowOf: the first source line only), in the records' order, as JSON text with
 * its `<` escaped.
 */
export function referenceTable(records: readonly ReferenceRecord[]): string {
  const strings: string[] = [];
  const rows: number[] = [];
  let previousStart = 0;
  let previousLine = 0;
  let previousService: string | null = null;
  let previousName: string | null = null;
  const code = (text: string | null, previous: string | null) => {
    if (text === null) return tableText.none;
    if (text === previous) return tableText.previous;
    strings.push(text);
    return tableText.next;
  };
  for (const record of records) {
    const first = record.sources[0];
    if (first === undefined) throw new Error('internal error: a reference record cites no source');
    rows.push(
      record.portStart - previousStart,
      record.portEnd - record.portStart,
      protocolPlace[record.protocol],
      statusPlace[record.status],
      code(record.serviceName, previousService),
      code(record.name, previousName),
      first.line - previousLine,
      record.aliases.length,
    );
    for (const alias of record.aliases) strings.push(alias);
    previousStart = record.portStart;
    previousLine = first.line;
    previousService = record.serviceName;
    previousName = record.name;
  }
  return `{"strings":${escaped(JSON.stringify(strings))},"rows":${JSON.stringify(rows)}}`;
}

/** Each enum value's place in its list, by value. */
function places<T extends string>(values: readonly T[]): Readonly<Record<T, number>> {
  return Object.fromEntries(values.map((value, index) => [value, index])) as Record<T, number>;
}

const protocolPlace = places(webEnums.protocols);
const statusPlace = places(webEnums.statuses);
const categoryPlace = places(webEnums.categories);
const directionPlace = places(webEnums.directions);
const rolePlace = places(webEnums.roles);
const kindPlace = places(sameKinds);
const methodPlace = places(sameMethods);

function catalogNumbers(records: readonly PortRecord[], strings: StringTable, sourceOf: (id: string) => number): number[] {
  const numbers: number[] = [];
  const list = (texts: readonly string[]) => {
    numbers.push(texts.length);
    for (const text of texts) numbers.push(strings.ref(text));
  };
  let previousStart = 0;
  for (const record of records) {
    numbers.push(
      record.portStart - previousStart,
      record.portEnd - record.portStart,
      protocolPlace[record.protocol],
      statusPlace[record.status],
      categoryPlace[record.category],
      record.direction === null ? 0 : directionPlace[record.direction] + 1,
      strings.ref(record.serviceName),
      strings.ref(record.name),
      strings.ref(record.description),
      strings.ref(record.product),
      strings.ref(record.configKey),
    );
    list(record.aliases);
    list(record.references);
    list(record.notes);
    numbers.push(record.sources.length);
    for (const { source, line } of record.sources) numbers.push(sourceOf(source), line);
    previousStart = record.portStart;
  }
  return numbers;
}

/** The conflict report's entries, each side as a catalog index or −1 − a reference row's index. */
function reportNumbers(input: WebDataInput, strings: StringTable): { conflicts: number[]; unregistered: number[]; agreements: number[] } {
  const { report } = input;
  const catalogIndex = input.catalogIndex ?? new Map(input.catalog.map((record, index) => [record, index]));
  // Only the reference rows the report names need an index: each asked of its document's list, rows numbered on across documents.
  const referenceIndex = new Map<PortRecord, number>();
  const rowOf = (record: PortRecord): number => {
    let first = 0;
    for (const { records } of input.references) {
      const row = records.rowOf(record);
      if (row !== undefined) return first + row;
      first += records.length;
    }
    return -1;
  };
  const named = (record: PortRecord) => {
    if (!referenceIndex.has(record)) referenceIndex.set(record, rowOf(record));
  };
  for (const { sides } of report.conflicts) for (const side of sides) if (side.role === 'reference') named(side.record);
  for (const { reference } of report.unregistered) if (reference) named(reference);
  for (const { reference } of report.agreements) named(reference);
  const indexIn = (map: ReadonlyMap<PortRecord, number>, record: PortRecord, what: string) => {
    const index = map.get(record);
    if (index === undefined || index < 0) throw new Error(`internal error: the conflict report names a ${what} record the page does not hold`);
    return index;
  };
  const side = ({ role, record }: Side) => (role === 'catalog' ? indexIn(catalogIndex, record, 'catalog') : -1 - indexIn(referenceIndex, record, 'reference'));
  const conflicts: number[] = [];
  for (const conflict of report.conflicts) {
    conflicts.push(kindPlace[conflict.kind], conflict.sides.length, ...conflict.sides.map(side), strings.ref(conflict.explanation));
  }
  const unregistered: number[] = [];
  for (const { catalog, reference } of report.unregistered) {
    unregistered.push(indexIn(catalogIndex, catalog, 'catalog'), reference === null ? 0 : indexIn(referenceIndex, reference, 'reference') + 1);
  }
  const agreements: number[] = [];
  for (const { catalog, reference, match } of report.agreements) {
    agreements.push(indexIn(catalogIndex, catalog, 'catalog'), indexIn(referenceIndex, reference, 'reference'), methodPlace[match.method]);
  }
  return { conflicts, unregistered, agreements };
}

/** Texts in order of first use; a text's reference is its place plus one, 0 for null. */
class StringTable {
  readonly texts: string[] = [];
  private readonly places = new Map<string, number>();

  ref(text: string | null): number {
    if (text === null) return 0;
    let place = this.places.get(text);
    if (place === undefined) {
      place = this.texts.push(text);
      this.places.set(text, place);
    }
    return place;
  }
}

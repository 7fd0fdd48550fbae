/**
 * Parser for IANA's "Service Name and Transport Protocol Port Number
 * Registry" as CSV (service-names-port-numbers.csv), read with csv-parse by
 * header name, so column order and the older "Known Unauthorized Uses"
 * header do not matter. Quoted fields may span lines; each entry is placed
 * at its first line.
 */
import { parse, CsvError } from 'csv-parse/sync';
import type { VFile } from 'vfile';
import { reporterFor } from '../../model/messages.js';
import { markLines, sourceEntry, type LineRole, type ParseResult, type SourceEntry } from '../../model/source-entry.js';

const column = {
  service: 'Service Name',
  port: 'Port Number',
  protocol: 'Transport Protocol',
  description: 'Description',
  reference: 'Reference',
  notes: 'Assignment Notes',
  unauthorized: ['Unauthorized Use Reported', 'Known Unauthorized Uses'],
} as const;

const required = [column.service, column.port, column.protocol, column.description];

/** Protocols a row with an empty protocol holds for. */
const everyProtocol = ['tcp', 'udp', 'sctp', 'dccp'];

type Row = Record<string, string | undefined>;
interface ParsedRow {
  record: Row;
  raw: string;
  info: { lines: number };
}

/** Reads every row of the registry. Reports problems on `file`; never throws. */
export function parseIanaCsv(file: VFile): ParseResult {
  const report = reporterFor(file, 'iana-csv');
  const text = String(file.value);
  const roles: LineRole[] = text.split('\n').map((line) => (line.trim() === '' ? 'blank' : 'structure'));
  let rows: ParsedRow[];
  try {
    rows = parse(text, { columns: true, info: true, raw: true, skip_empty_lines: true, bom: true }) as ParsedRow[];
  } catch (error) {
    // csv-parse stops at its first error; report where, and read nothing of a broken file.
    if (!(error instanceof CsvError)) throw error;
    const line = Number((error as CsvError & { lines?: number }).lines ?? 1) || 1;
    report('csv', `Unexpected CSV (${error.message.replace(/^Invalid Record Length: /, '')}), expected valid CSV`, { line, column: 1 });
    return { entries: [], documentTitle: null, lineRoles: null };
  }

  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = required.filter((name) => rows.length > 0 && !header.includes(name));
  if (rows.length === 0 || missing.length > 0) {
    const expected = required.map((name) => `\`${name}\``).join(', ');
    const without = missing.length ? ` without ${missing.map((m) => `\`${m}\``).join(', ')}` : '';
    report('header', `Unexpected CSV header${without}, expected columns ${expected}`, { line: 1, column: 1 });
    return { entries: [], documentTitle: null, lineRoles: null };
  }

  const entries: SourceEntry[] = [];
  for (const { record, raw, info } of rows) {
    const lastLine = info.lines;
    const firstLine = lastLine - countNewlines(raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, ''));
    const port = (record[column.port] ?? '').trim();
    const service = (record[column.service] ?? '').trim();
    if (port === '') {
      markLines(roles, firstLine, lastLine, 'diagnostic');
      report('no-port', `Service \`${service || '(unnamed)'}\` has no port number, so it is no port assignment; not in the catalog`, {
        line: firstLine,
        column: 1,
      });
      continue;
    }
    markLines(roles, firstLine, lastLine, 'entry');
    entries.push(entryOf(record, firstLine, port, service));
  }
  return { entries, documentTitle: null, lineRoles: roles };
}

function entryOf(record: Row, line: number, port: string, service: string): SourceEntry {
  const protocol = (record[column.protocol] ?? '').trim();
  const assignmentNotes = (record[column.notes] ?? '').trim();
  const unauthorized = column.unauthorized.map((name) => (record[name] ?? '').trim()).find(Boolean);
  return sourceEntry({
    place: { line, column: 1 },
    port,
    protocols: protocol === '' ? everyProtocol : [protocol],
    serviceName: service || null,
    name: (record[column.description] ?? '').trim() || null,
    references: referenceTokens(record[column.reference] ?? ''),
    notes: [assignmentNotes, unauthorized ? `Unauthorized use reported: ${unauthorized}` : ''].filter(Boolean),
    aliasOf: aliasTarget(assignmentNotes),
  });
}

/** `[RFC3501][RFC9051]` → `RFC3501`, `RFC9051`; bare words are kept as tokens too. */
export function referenceTokens(field: string): string[] {
  const bracketed = [...field.matchAll(/\[([^\][]+)\]/g)].map((match) => (match[1] ?? '').trim());
  const rest = field.replace(/\[[^\][]*\]/g, ' ').trim();
  return [...bracketed, ...(rest ? rest.split(/\s+/) : [])].filter(Boolean);
}

/**
 * The primary name an alias row points to, from notes such as
 * `This entry is an alias to "whoispp".` or `… duplicate of the "http" service`.
 */
export function aliasTarget(notes: string): string | null {
  const match = /\b(?:alias (?:to|of|for)|duplicate of)(?: the)? "([^"]+)"/i.exec(notes);
  return match?.[1] ?? null;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

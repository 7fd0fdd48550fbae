/**
 * The line layouts of a scraped port list, one small named recogniser each.
 * Every pattern is anchored and linear: no nested quantifiers over the same
 * characters, so a hostile line costs time in proportion to its length.
 *
 * Entry starts:
 *   tabRow        `25<TAB>TCP<TAB>Simple Mail Transfer Protocol (SMTP) RFC 821.`
 *   inlineBold    `89 TCP UDP **SU/MIT Telnet Gateway**`, `102 TCP **ISO … |**`
 *   blockHeader   `7 TCP UDP` (name and description follow in paragraphs)
 *   bullet        `- 10` (protocols, name and description follow)
 *   rangeHeading  `0-9`, `1024-49151`: a section heading, or a range entry
 *                 when prose follows it
 * Continuations of the current entry:
 *   tabDetail     `<TAB>Description …<TAB>` or `<TAB><i>Note</i><TAB>`
 *   protocolsOnly `TCP UDP`, or a lone `UDP` adding a protocol
 *   protocolBold  `UDP **Microsoft MTA X.400**`: a name for one protocol, or
 *                 the wrapped rest of the name on the line above
 * Structure:
 *   separator     `---------<TAB>---------<TAB>------`
 */

import { portPattern } from '../../grammar/port-cell.js';

const protocolWord = '(?:TCP|UDP|SCTP|DCCP)';
const protocolList = `(${protocolWord}(?: ${protocolWord}){0,3})`;
const port = `(${portPattern})`;

export interface TabRow {
  port: string;
  protocols: string;
  name: string;
}

export interface PortWithProtocols {
  port: string;
  protocols: string[];
}

export interface InlineBold extends PortWithProtocols {
  name: string;
}

export interface ProtocolName {
  protocol: string;
  name: string;
}

const patterns = {
  rangeHeading: /^(\d{1,10}-\d{1,10})$/,
  inlineBold: new RegExp(`^${port} ${protocolList} \\*\\*(.+)\\*\\*$`),
  blockHeader: new RegExp(`^${port} ${protocolList}$`),
  bullet: new RegExp(`^- ${port}$`),
  protocolsOnly: new RegExp(`^${protocolList}$`),
  protocolBold: new RegExp(`^(${protocolWord}) \\*\\*(.+)\\*\\*$`),
  rangeIntro: new RegExp(`^(${protocolWord}(?: (?:and|or) ${protocolWord})?) port numbers\\b`),
  separatorField: /^-{3,}$/,
  separatorStart: /^\s*---/,
  entryLike: /^(?:- )?\d{1,10}(?: ?[-–] ?\d{1,10})?(?: |$)/,
};

const words = (text: string) => text.split(' ');

/**
 * A line as words: every run of whitespace is one space and the ends are
 * trimmed, so trailing spaces, indentation or doubled spaces never change
 * what a space-separated layout reads.
 */
export function spaced(line: string): string {
  // Every recogniser asks for the line it is given; the parser tries them in
  // turn on one line, so the last answer is kept.
  if (lastSpaced?.line !== line) lastSpaced = { line, view: line.replace(/\s+/g, ' ').trim() };
  return lastSpaced.view;
}

// The last line asked for and its answer: none before the first question.
let lastSpaced: { line: string; view: string } | null = null;
let lastFields: { line: string; fields: string[] } | null = null;

/**
 * A line as fields: a run of whitespace that holds a tab, or two or more
 * spaces, separates fields (tabs turned into spaces by an editor still
 * separate them). Trailing whitespace is dropped; a line that opens with
 * such a run has an empty first field, as a detail line does. A scan, not a
 * regex, so a long run of spaces costs linear time.
 */
export function fieldsOf(line: string): string[] {
  if (lastFields?.line !== line) lastFields = { line, fields: splitFields(line) };
  return [...lastFields.fields];
}

function splitFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let run = '';
  const end = line.trimEnd();
  for (const char of end) {
    if (char === ' ' || char === '\t') {
      run += char;
      continue;
    }
    if (run !== '') {
      if (run.includes('\t') || run.length >= 2) {
        fields.push(field);
        field = '';
      } else if (field !== '') field += ' ';
      run = '';
    }
    field += char;
  }
  fields.push(field);
  return fields;
}

/** `---------<TAB>---------`: a table's separator row. */
export function isSeparator(line: string): boolean {
  if (!patterns.separatorStart.test(line)) return false;
  const fields = spaced(line).split(' ');
  return fields.length <= 9 && fields.every((field) => patterns.separatorField.test(field));
}

/** `20-29` alone on a line. */
export function rangeHeading(line: string): string | null {
  return patterns.rangeHeading.exec(spaced(line))?.[1] ?? null;
}

/**
 * Three fields, the first two non-empty. The port is checked later, so a bad
 * one is reported. An empty name counts only where tabs write it
 * (`x<TAB>y<TAB>`); fields separated by spaces alone must open with a port,
 * as prose with doubled spaces is no table row.
 */
export function tabRow(line: string): TabRow | null {
  const [port = '', protocols = '', ...rest] = fieldsOf(line);
  if (port === '' || protocols === '') return null;
  const tabs = tabsIn(line);
  if (rest.length === 0 && tabs < 2) return null;
  if (tabs === 0 && !/^\d/.test(port)) return null;
  return { port, protocols, name: rest.join(' ') };
}

function tabsIn(line: string): number {
  let count = 0;
  for (let index = line.indexOf('\t'); index >= 0; index = line.indexOf('\t', index + 1)) count += 1;
  return count;
}

/** A line that opens with a field separator and holds one field: a description or note of the entry above. */
export function tabDetail(line: string): string | null {
  const [first, ...rest] = fieldsOf(line);
  return first === '' && rest.length > 0 ? rest.join(' ') : null;
}

/** `89 TCP UDP **Name**`. */
export function inlineBold(line: string): InlineBold | null {
  const match = patterns.inlineBold.exec(spaced(line));
  if (!match) return null;
  const [, port = '', protocols = '', name = ''] = match;
  return { port, protocols: words(protocols), name };
}

/** `7 TCP UDP` alone. */
export function blockHeader(line: string): PortWithProtocols | null {
  const match = patterns.blockHeader.exec(spaced(line));
  if (!match) return null;
  const [, port = '', protocols = ''] = match;
  return { port, protocols: words(protocols) };
}

/** `- 10`. */
export function bullet(line: string): string | null {
  return patterns.bullet.exec(spaced(line))?.[1] ?? null;
}

/** `TCP UDP` or a lone `UDP`. */
export function protocolsOnly(line: string): string[] | null {
  const match = patterns.protocolsOnly.exec(spaced(line));
  return match?.[1] ? words(match[1]) : null;
}

/** `UDP **Name**`. */
export function protocolBold(line: string): ProtocolName | null {
  const match = patterns.protocolBold.exec(spaced(line));
  if (!match) return null;
  const [, protocol = '', name = ''] = match;
  return { protocol, name };
}

/** True for a line that opens the way an entry does (`80 …`, `1-9 …`, `- 10 …`), whether or not a layout reads it. */
export function looksLikeEntry(line: string): boolean {
  return patterns.entryLike.test(spaced(line));
}

/** The protocols a range's prose opens with: `TCP and UDP port numbers …`. */
export function rangeIntroProtocols(text: string): string[] | null {
  const match = patterns.rangeIntro.exec(text);
  return match?.[1] ? match[1].split(/ (?:and|or) /) : null;
}

/** What a line is, by the first layout that reads it, in the order the parser gives them precedence. */
export type LineStart =
  | { kind: 'separator' }
  | { kind: 'range-heading'; range: string }
  | { kind: 'tab-row'; row: TabRow }
  | { kind: 'inline-bold'; entry: InlineBold }
  | { kind: 'block-header'; entry: PortWithProtocols }
  | { kind: 'bullet'; port: string }
  | { kind: 'entry-like' }
  | { kind: 'text' };

/** Tries the layouts in turn and stops at the first that reads the line. */
export function lineStart(line: string): LineStart {
  if (isSeparator(line)) return { kind: 'separator' };
  const range = rangeHeading(line);
  if (range !== null) return { kind: 'range-heading', range };
  const row = tabRow(line);
  if (row) return { kind: 'tab-row', row };
  const bold = inlineBold(line);
  if (bold) return { kind: 'inline-bold', entry: bold };
  const header = blockHeader(line);
  if (header) return { kind: 'block-header', entry: header };
  const port = bullet(line);
  if (port !== null) return { kind: 'bullet', port };
  return looksLikeEntry(line) ? { kind: 'entry-like' } : { kind: 'text' };
}

/** True for a line that starts an entry, so it cannot continue the one above. */
export function startsEntry(line: string): boolean {
  return tabRow(line) !== null || inlineBold(line) !== null || blockHeader(line) !== null || bullet(line) !== null;
}

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

const protocolWord = '(?:TCP|UDP|SCTP|DCCP)';
const protocolList = `(${protocolWord}(?: ${protocolWord}){0,3})`;
const port = '(\\d{1,10}(?:-\\d{1,10})?)';

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
  separator: /^-{3,}(?:\t+-{3,}){0,8}\t*$/,
  rangeHeading: /^(\d{1,10}-\d{1,10})$/,
  tabRow: /^([^\t]+)\t([^\t]+)\t([^\t]*)\t*$/,
  tabDetail: /^\t([^\t]*)\t*$/,
  inlineBold: new RegExp(`^${port} ${protocolList} \\*\\*(.+)\\*\\*$`),
  blockHeader: new RegExp(`^${port} ${protocolList}$`),
  bullet: /^- (\d{1,10}(?:-\d{1,10})?)$/,
  protocolsOnly: new RegExp(`^${protocolList}$`),
  protocolBold: new RegExp(`^(${protocolWord}) \\*\\*(.+)\\*\\*$`),
  rangeIntro: new RegExp(`^(${protocolWord}(?: (?:and|or) ${protocolWord})?) port numbers\\b`),
};

const words = (text: string) => text.split(' ');

/** `---------<TAB>---------`: a table's separator row. */
export function isSeparator(line: string): boolean {
  return patterns.separator.test(line);
}

/** `20-29` alone on a line. */
export function rangeHeading(line: string): string | null {
  return patterns.rangeHeading.exec(line)?.[1] ?? null;
}

/** Three tab-separated fields, the first two non-empty. The port is checked later, so a bad one is reported. */
export function tabRow(line: string): TabRow | null {
  const match = patterns.tabRow.exec(line);
  if (!match) return null;
  const [, port = '', protocols = '', name = ''] = match;
  return { port: port.trim(), protocols: protocols.trim(), name };
}

/** A line that starts with a tab and holds one field: a description or note of the entry above. */
export function tabDetail(line: string): string | null {
  return patterns.tabDetail.exec(line)?.[1] ?? null;
}

/** `89 TCP UDP **Name**`. */
export function inlineBold(line: string): InlineBold | null {
  const match = patterns.inlineBold.exec(line);
  if (!match) return null;
  const [, port = '', protocols = '', name = ''] = match;
  return { port, protocols: words(protocols), name };
}

/** `7 TCP UDP` alone. */
export function blockHeader(line: string): PortWithProtocols | null {
  const match = patterns.blockHeader.exec(line);
  if (!match) return null;
  const [, port = '', protocols = ''] = match;
  return { port, protocols: words(protocols) };
}

/** `- 10`. */
export function bullet(line: string): string | null {
  return patterns.bullet.exec(line)?.[1] ?? null;
}

/** `TCP UDP` or a lone `UDP`. */
export function protocolsOnly(line: string): string[] | null {
  const match = patterns.protocolsOnly.exec(line);
  return match?.[1] ? words(match[1]) : null;
}

/** `UDP **Name**`. */
export function protocolBold(line: string): ProtocolName | null {
  const match = patterns.protocolBold.exec(line);
  if (!match) return null;
  const [, protocol = '', name = ''] = match;
  return { protocol, name };
}

/** The protocols a range's prose opens with: `TCP and UDP port numbers …`. */
export function rangeIntroProtocols(text: string): string[] | null {
  const match = patterns.rangeIntro.exec(text);
  return match?.[1] ? match[1].split(/ (?:and|or) /) : null;
}

/** True for a line that starts an entry, so it cannot continue the one above. */
export function startsEntry(line: string): boolean {
  return tabRow(line) !== null || inlineBold(line) !== null || blockHeader(line) !== null || bullet(line) !== null;
}

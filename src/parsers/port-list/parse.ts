/**
 * Parser for a semi-structured list of port numbers scraped from the web.
 * One pass over the lines: a line that starts an entry (see layouts.ts) ends
 * the entry before it; other lines continue the current entry; headings and
 * separators are structure. Every non-blank line gets a role, and a line that
 * fits nowhere is reported, so nothing is dropped silently.
 */
import type { VFile } from 'vfile';
import type { Point } from '../../model/location.js';
import { reporterFor } from '../../model/messages.js';
import type { RuleId } from '../../model/rules.js';
import type { LineRole, ParseResult, SourceEntry } from '../../model/source-entry.js';
import { entriesOfDraft, type Draft, type Layout, type Paragraph } from './drafts.js';
import {
  blockHeader,
  bullet,
  inlineBold,
  isSeparator,
  protocolBold,
  protocolsOnly,
  rangeHeading,
  startsEntry,
  tabDetail,
  tabRow,
} from './layouts.js';

/** Reads every entry of a port list. Reports problems on `file`; never throws. */
export function parsePortList(file: VFile): ParseResult {
  const lines = String(file.value).split('\n');
  const roles: LineRole[] = lines.map((text) => (text.trim() === '' ? 'blank' : 'diagnostic'));
  const entries: SourceEntry[] = [];
  let documentTitle: string | null = null;
  let draft: Draft | null = null;
  let paragraph: Paragraph | null = null;
  let afterBlank = true;

  const report = reporterFor(file, 'port-list');
  const warn = (reason: string, place: Point, ruleId: RuleId) => void report(ruleId, reason, place);
  const finish = () => {
    if (draft) entries.push(...entriesOfDraft(draft, warn));
    draft = null;
    paragraph = null;
  };
  const start = (layout: Layout, line: number, port: string, portColumn: number, fields: Partial<Draft>) => {
    finish();
    draft = {
      layout,
      place: { line, column: 1 },
      portPlace: { line, column: portColumn },
      port,
      protocols: null,
      name: null,
      protocolName: null,
      details: [],
      paragraphs: [],
      ...fields,
    };
  };

  lines.forEach((text, index) => {
    const line = index + 1;
    if (roles[index] === 'blank') {
      paragraph = null;
      afterBlank = true;
      return;
    }
    roles[index] = 'entry';
    const heading = rangeHeading(text);
    const row = tabRow(text);
    const bold = inlineBold(text);
    const header = blockHeader(text);
    const bulletPort = bullet(text);

    if (isSeparator(text)) {
      finish();
      roles[index] = 'structure';
    } else if (heading !== null) {
      finish();
      if (proseFollows(lines, index)) start('range', line, heading, 1, {});
      else roles[index] = 'structure';
    } else if (row) {
      start('tab', line, row.port, 1, { protocols: [row.protocols], name: row.name });
    } else if (bold) {
      start('inline-bold', line, bold.port, 1, { protocols: bold.protocols, name: bold.name });
    } else if (header) {
      start('block', line, header.port, 1, { protocols: header.protocols });
    } else if (bulletPort !== null) {
      start('bullet', line, bulletPort, 3, {});
    } else if (draft) {
      paragraph = continueDraft(draft, paragraph, text, line, afterBlank);
    } else if (documentTitle === null && entries.length === 0) {
      documentTitle = text.trim();
      roles[index] = 'structure';
    } else {
      roles[index] = 'diagnostic';
      warn('Unexpected text outside an entry, expected a port entry or a section heading', { line, column: 1 }, 'stray-text');
    }
    afterBlank = false;
  });
  finish();

  if (entries.length === 0) {
    report('no-entries', 'Unexpected document without port entries, expected lines such as `80<TAB>TCP<TAB>HTTP`', { line: 1, column: 1 });
  }
  return { entries, documentTitle, lineRoles: roles };
}

/**
 * Adds a non-starting line to the current entry. Returns the paragraph that
 * the next line may run on into, or null when this line closes it.
 */
function continueDraft(draft: Draft, paragraph: Paragraph | null, text: string, line: number, afterBlank: boolean): Paragraph | null {
  const detail = tabDetail(text);
  if (detail !== null) {
    draft.details.push({ text: detail, line });
    return null;
  }
  const protocols = protocolsOnly(text);
  if (protocols) {
    draft.protocols = [...new Set([...(draft.protocols ?? []), ...protocols])];
    return null;
  }
  const named = protocolBold(text);
  if (named && draft.layout === 'inline-bold' && draft.protocolName === null) {
    draft.protocolName = { ...named, line };
    return null;
  }
  if (paragraph && !afterBlank) {
    paragraph.lines.push({ text, line });
    return paragraph;
  }
  const opened: Paragraph = { lines: [{ text, line }], afterBlank };
  draft.paragraphs.push(opened);
  return opened;
}

/** After a range heading: is the next non-blank line prose (a range entry) rather than an entry or structure? */
function proseFollows(lines: readonly string[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const text = lines[next] ?? '';
    if (text.trim() === '') continue;
    return !(isSeparator(text) || rangeHeading(text) !== null || startsEntry(text) || tabDetail(text) !== null);
  }
  return false;
}

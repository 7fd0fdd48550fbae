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
import { collectEntries, type EntryStream, type LineRole, type ParseResult, type SourceEntry } from '../../model/source-entry.js';
import { entriesOfDraft, giveLateName, lateBoldName, type Draft, type Layout, type Paragraph } from './drafts.js';
import { isSeparator, lineStart, looksLikeEntry, protocolBold, protocolsOnly, rangeHeading, startsEntry, tabDetail } from './layouts.js';

const blankLine = /^\s*$/;

/** Reads every entry of a port list. Reports problems on `file`; never throws. */
export function parsePortList(file: VFile): ParseResult {
  return collectEntries(readPortList(file));
}

/** Reads a port list entry by entry, each given as soon as the line after it shows it has ended. */
export function* readPortList(file: VFile): EntryStream {
  const lines = String(file.value).split('\n');
  const roles: LineRole[] = lines.map((text) => (blankLine.test(text) ? 'blank' : 'diagnostic'));
  /** Entries finished but not yet given out. */
  const entries: SourceEntry[] = [];
  let given = 0;
  let documentTitle: string | null = null;
  let draft: Draft | null = null;
  let paragraph: Paragraph | null = null;
  let afterBlank = true;

  const report = reporterFor(file, 'port-list');
  const warn = (reason: string, place: Point, ruleId: RuleId) => void report(ruleId, reason, place);
  /** A finished entry whose last paragraph is a late bold name the next entry may own (see lateBoldName). */
  let held: Draft | null = null;
  const flushHeld = () => {
    if (held) entries.push(...entriesOfDraft(held, warn));
    held = null;
  };
  const finish = () => {
    const done: Draft | null = draft;
    draft = null;
    paragraph = null;
    if (held && done) giveLateName(held, done, warn);
    flushHeld();
    if (done && lateBoldName(done)) held = done;
    else if (done) entries.push(...entriesOfDraft(done, warn));
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

  const breakAfter = blankRunThatBreaks(roles);
  let blankRun = 0;
  for (const [index, text] of lines.entries()) {
    given += entries.length;
    yield* entries;
    entries.length = 0;
    const line = index + 1;
    if (roles[index] === 'blank') {
      blankRun += 1;
      if (blankRun >= breakAfter) {
        paragraph = null;
        afterBlank = true;
      }
      continue;
    }
    blankRun = 0;
    roles[index] = 'entry';
    const column = text.length - text.trimStart().length + 1;
    const kind = lineStart(text);

    if (kind.kind === 'separator') {
      finish();
      roles[index] = 'structure';
    } else if (kind.kind === 'range-heading') {
      finish();
      if (proseFollows(lines, index)) start('range', line, kind.range, column, {});
      else roles[index] = 'structure';
    } else if (kind.kind === 'tab-row') {
      start('tab', line, kind.row.port, column, { protocols: [kind.row.protocols], name: kind.row.name });
    } else if (kind.kind === 'inline-bold') {
      start('inline-bold', line, kind.entry.port, column, { protocols: kind.entry.protocols, name: kind.entry.name });
    } else if (kind.kind === 'block-header') {
      start('block', line, kind.entry.port, column, { protocols: kind.entry.protocols });
    } else if (kind.kind === 'bullet') {
      // `-   10`: the port is where its first digit is, however many spaces follow the dash.
      start('bullet', line, kind.port, text.indexOf('-') + 1 + text.slice(text.indexOf('-') + 1).search(/\d/) + 1, {});
    } else if (kind.kind === 'entry-like') {
      // A line that opens like an entry is never taken as text of the entry above.
      finish();
      roles[index] = 'diagnostic';
      warn('Unexpected line that starts with a port but fits no layout, expected `PORT<TAB>PROTOCOLS<TAB>NAME`, `PORT PROTOCOLS`, `PORT PROTOCOLS **NAME**` or `- PORT`', { line, column }, 'entry-layout');
    } else if (draft) {
      paragraph = continueDraft(draft, paragraph, text, line, afterBlank);
    } else if (documentTitle === null && given + entries.length === 0) {
      documentTitle = text.trim();
      roles[index] = 'structure';
    } else {
      roles[index] = 'diagnostic';
      warn('Unexpected text outside an entry, expected a port entry or a section heading', { line, column }, 'stray-text');
    }
    afterBlank = false;
  }
  finish();
  flushHeld();
  given += entries.length;
  yield* entries;

  if (given === 0) {
    report('no-entries', 'Unexpected document without port entries, expected lines such as `80<TAB>TCP<TAB>HTTP`', { line: 1, column: 1 });
  }
  return { documentTitle, lineRoles: roles };
}

/**
 * Adds a non-starting line to the current entry. Returns the paragraph that
 * the next line may run on into, or null when this line closes it.
 */
function continueDraft(draft: Draft, paragraph: Paragraph | null, text: string, line: number, afterBlank: boolean): Paragraph | null {
  const detail = draft.layout === 'tab' ? tabDetail(text) : null;
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

/**
 * After a range heading: does prose follow (a range entry) rather than an
 * entry or structure? Protocol lines between them belong to the range; a
 * line that opens like an entry is none of its prose.
 */
function proseFollows(lines: readonly string[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const text = lines[next] ?? '';
    if (blankLine.test(text) || protocolsOnly(text) !== null) continue;
    return !(isSeparator(text) || rangeHeading(text) !== null || startsEntry(text) || tabDetail(text) !== null || looksLikeEntry(text));
  }
  return false;
}

/**
 * How many blank lines in a row end a paragraph. Usually one. But a document
 * that had a blank line put after every line has a tell-tale shape: no two
 * text lines touch, and every run of blank lines between text is odd (1
 * where lines touched, 3 where one blank line stood, …), some longer than
 * one. There a single blank line is only spacing, and it takes two.
 */
function blankRunThatBreaks(roles: readonly LineRole[]): number {
  let run = 0;
  let seenText = false;
  let longRun = false;
  for (const role of roles) {
    if (role === 'blank') {
      run += 1;
      continue;
    }
    if (seenText) {
      if (run === 0 || run % 2 === 0) return 1;
      if (run >= 3) longRun = true;
    }
    seenText = true;
    run = 0;
  }
  return longRun ? 2 : 1;
}

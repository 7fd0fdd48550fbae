/**
 * A draft is an entry of a port list while its lines are being collected:
 * the header line, then details, protocol lines and prose paragraphs. When
 * the entry ends, its layout decides which text is the name and which the
 * description.
 */
import type { Point } from '../../model/location.js';
import type { RuleId } from '../../model/rules.js';
import { sourceEntry, type SourceEntry } from '../../model/source-entry.js';
import { rangeIntroProtocols } from './layouts.js';

export type Layout = 'tab' | 'inline-bold' | 'block' | 'bullet' | 'range';

export interface Line {
  text: string;
  line: number;
}

export interface Paragraph {
  lines: Line[];
  /** False when the paragraph runs straight on from the entry's header lines. */
  afterBlank: boolean;
}

export interface Draft {
  layout: Layout;
  place: Point;
  portPlace: Point;
  port: string;
  protocols: string[] | null;
  /** The name on the header line (tab row, inline bold), as written. */
  name: string | null;
  /** A `UDP **…**` line: a second protocol's own name, or the wrapped rest of the name. */
  protocolName: { protocol: string; name: string; line: number } | null;
  /** Lines starting with a tab under a tab row. */
  details: Line[];
  paragraphs: Paragraph[];
}

/** Reports a problem found while finishing a draft. */
export type Warn = (reason: string, place: Point, ruleId: RuleId) => void;

/** Turns a finished draft into entries: one, or one per protocol when each has its own name. */
export function entriesOfDraft(draft: Draft, warn: Warn): SourceEntry[] {
  switch (draft.layout) {
    case 'tab':
      return [tabEntry(draft)];
    case 'inline-bold':
      return inlineBoldEntries(draft);
    case 'block':
    case 'bullet':
      return [paragraphEntry(draft, warn)];
    case 'range':
      return [rangeEntry(draft)];
  }
}

const joinLines = (lines: readonly Line[]) => lines.map((line) => line.text.trim()).join(' ');
const joinParagraphs = (paragraphs: readonly Paragraph[]) =>
  paragraphs.map((paragraph) => joinLines(paragraph.lines)).join(' ') || null;

const italicNote = /^\s*<i>([^<]*)<\/i>\s*$/i;
// A tab row's name column often runs on into its description column.
const descriptionOpener = / (?=(?:Also known as|For example,) )/;

/** Drops the scraped link text "More" that ends some description lines. */
function withoutMoreLink(text: string): string {
  return text.endsWith(' More') ? text.slice(0, -' More'.length).trimEnd() : text;
}

/** `Name |` → `Name`: the pipe that ends a protocol's own name. String work, not a regex, to stay linear. */
function withoutTrailingPipe(name: string): string | null {
  const trimmed = name.trimEnd();
  return trimmed.endsWith('|') ? trimmed.slice(0, -1).trimEnd() : null;
}

/**
 * A tab row's details, and any lines under it written without the leading
 * tab (an editor may have turned it into spaces), are read alike: an italic
 * line is a note, any other line description.
 */
function tabEntry(draft: Draft): SourceEntry {
  const notes: string[] = [];
  const descriptions: string[] = [];
  const lines = [...draft.details, ...draft.paragraphs.flatMap((paragraph) => paragraph.lines)].sort((a, b) => a.line - b.line);
  for (const detail of lines) {
    const note = italicNote.exec(detail.text);
    if (note?.[1]) notes.push(note[1]);
    else descriptions.push(withoutMoreLink(detail.text.trim()));
  }
  const [name = '', ...runOn] = (draft.name ?? '').split(descriptionOpener);
  const description = [runOn.join(' '), ...descriptions]
    .filter((part) => part.trim() !== '')
    .join(' ');
  return base(draft, { name, description: description || null, notes });
}

/**
 * `102 TCP **A |**` + `UDP **B**`: the pipe ends TCP's name, so each protocol
 * has its own. `104 TCP **A**` + `UDP **B**` + `C`: no pipe, so one name
 * wrapped over the lines (A B C), for both protocols. A lone `UDP` line (103,
 * 105) already added the protocol to the draft.
 */
function inlineBoldEntries(draft: Draft): SourceEntry[] {
  const own = draft.protocolName;
  const headerName = draft.name ?? '';
  const tcpName = withoutTrailingPipe(headerName);
  if (own && tcpName !== null) {
    const names = [tcpName, own.name];
    const description = joinParagraphs(draft.paragraphs);
    const owner = description === null ? -1 : labelOwner(description, names);
    return names.map((name, index) =>
      base(draft, {
        protocols: index === 0 ? draft.protocols : [own.protocol],
        name,
        description: owner < 0 || owner === index ? description : null,
      }),
    );
  }
  if (own) {
    const [runOn, ...rest] = draft.paragraphs;
    const wrapped = runOn && !runOn.afterBlank ? joinLines(runOn.lines) : '';
    const described = runOn && !runOn.afterBlank ? rest : draft.paragraphs;
    return [
      base(draft, {
        protocols: [...(draft.protocols ?? []), own.protocol],
        name: [headerName, own.name, wrapped].filter(Boolean).join(' '),
        description: joinParagraphs(described),
      }),
    ];
  }
  return [base(draft, { name: headerName, description: joinParagraphs(draft.paragraphs) })];
}

/**
 * `ITOT - RFC 2126` under `TCP **… (ITOT) |**` + `UDP **Microsoft MTA X.400**`
 * is about the name that holds its label. Returns that name's index, or -1
 * when the label is in none or in several.
 */
function labelOwner(description: string, names: readonly string[]): number {
  const label = /^([A-Za-z][\w+/-]*) - /.exec(description)?.[1];
  if (!label) return -1;
  const owners = names.flatMap((name, index) => (name.split(/[^\w+/-]+/).includes(label) ? [index] : []));
  return owners.length === 1 ? (owners[0] ?? -1) : -1;
}

const boldParagraph = /^\*\*[^]*\*\*$/;

/**
 * Block and bullet entries give the name as a paragraph: the first bold one if
 * any, else the first. A bold name after other text is kept but reported, as
 * the text could belong to a neighbour (the list around ports 100 and 101).
 */
function paragraphEntry(draft: Draft, warn: Warn): SourceEntry {
  const texts = draft.paragraphs.map((paragraph) => joinLines(paragraph.lines));
  const boldIndex = texts.findIndex((text) => boldParagraph.test(text));
  const nameIndex = boldIndex >= 0 ? boldIndex : 0;
  const name = texts[nameIndex] ?? null;
  if (nameIndex > 0 && name !== null) {
    const first = draft.paragraphs[nameIndex]?.lines[0];
    warn(
      `Ambiguous name \`${name.replace(/\*\*/g, '')}\` after other text of port ${draft.port}, expected it right after the port line; kept for port ${draft.port}`,
      { line: first?.line ?? draft.place.line, column: 1 },
      'ambiguous-name',
    );
  }
  if (name === null) {
    warn(`Unexpected port ${draft.port} without a name, expected a name after the port line`, draft.place, 'name-missing');
  }
  const description = texts.filter((_, index) => index !== nameIndex).join(' ') || null;
  return base(draft, { name, description });
}

/**
 * A block or bullet entry whose last paragraph is a bold name after other
 * text: the name may be its own, or the next entry's written before that
 * entry's port line. Returns that paragraph, or null.
 */
export function lateBoldName(draft: Draft): Paragraph | null {
  if (draft.layout !== 'block' && draft.layout !== 'bullet') return null;
  const last = draft.paragraphs.at(-1);
  if (draft.paragraphs.length < 2 || !last || !boldParagraph.test(joinLines(last.lines))) return null;
  return draft.paragraphs.slice(0, -1).some((paragraph) => boldParagraph.test(joinLines(paragraph.lines))) ? null : last;
}

/**
 * `100 TCP UDP` / `No longer used` / `**NIC Hostname Server**` / `101 TCP UDP`
 * and nothing more: a block entry's name stands right after its port line,
 * so a bold name after other text, followed at once by a port with no text
 * at all, is read as that port's name, with a warning at the name. When the
 * next entry has text of its own, the name stays where it is (and
 * paragraphEntry reports it).
 */
export function giveLateName(held: Draft, next: Draft, warn: Warn): void {
  const name = lateBoldName(held);
  if (!name || next.layout !== held.layout || next.paragraphs.length > 0) return;
  held.paragraphs.pop();
  next.paragraphs.push(name);
  const text = joinLines(name.lines).replace(/\*\*/g, '');
  warn(
    `Ambiguous name \`${text}\` between port ${held.port} and port ${next.port}, which has no text of its own, expected it right after a port line; read as the name of port ${next.port}`,
    { line: name.lines[0]?.line ?? next.place.line, column: 1 },
    'ambiguous-name',
  );
}

/** `1024-49151` then prose: the range is named by the prose's first bold phrase. */
function rangeEntry(draft: Draft): SourceEntry {
  const prose = joinParagraphs(draft.paragraphs) ?? '';
  const bold = /\*\*([^*]+)\*\*/.exec(prose);
  return base(draft, {
    // The prose's own opening (`TCP and UDP port numbers …`), else protocol lines under the heading.
    protocols: rangeIntroProtocols(prose) ?? draft.protocols,
    name: bold?.[1] ?? null,
    description: prose || null,
  });
}

function base(draft: Draft, fields: Partial<SourceEntry>): SourceEntry {
  return sourceEntry({
    place: draft.place,
    portPlace: draft.portPlace,
    port: draft.port,
    protocols: draft.protocols,
    ...fields,
  });
}

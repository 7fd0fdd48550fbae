/**
 * Edges of the scraped port-list parser: how lines split into fields, which
 * layout reads a line, how an entry's lines become names, descriptions and
 * notes, and what the line loop does with headings, blank runs and strays.
 * Every expected value is written out by hand.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/model/messages.js';
import type { SourceEntry } from '../src/model/source-entry.js';
import { entriesOfDraft, type Draft } from '../src/parsers/port-list/drafts.js';
import {
  blockHeader,
  bullet,
  fieldsOf,
  inlineBold,
  isSeparator,
  lineStart,
  protocolBold,
  protocolsOnly,
  rangeHeading,
  rangeIntroProtocols,
  spaced,
  tabDetail,
  tabRow,
} from '../src/parsers/port-list/layouts.js';
import { parsePortList } from '../src/parsers/port-list/parse.js';

function parse(text: string) {
  const file = new VFile({ path: 'list.txt', value: text });
  const result = parsePortList(file);
  return { ...result, file, messages: file.messages.map(formatMessage) };
}

/** The fields these tests check, picked from each entry. */
const brief = (entries: readonly SourceEntry[]) =>
  entries.map((entry) => ({
    port: entry.port,
    protocols: entry.protocols,
    name: entry.name,
    description: entry.description,
  }));

const noWarn = () => {
  throw new Error('no warning expected');
};

describe('fields of a line', () => {
  it('splits at a tab or two spaces and joins words split by one space', () => {
    expect(fieldsOf('80  TCP  HTTP')).toEqual(['80', 'TCP', 'HTTP']);
    expect(fieldsOf('80\tTCP UDP\tWorld Wide Web')).toEqual(['80', 'TCP UDP', 'World Wide Web']);
    expect(fieldsOf('a b')).toEqual(['a b']);
  });

  it('drops a single leading space, and opens with an empty field after a tab or two spaces', () => {
    expect(fieldsOf(' a b')).toEqual(['a b']);
    expect(fieldsOf('  a b')).toEqual(['', 'a b']);
    expect(fieldsOf('\ta\t')).toEqual(['', 'a']);
  });

  it('gives one empty field for an empty line, and answers each line afresh after another', () => {
    expect(fieldsOf('')).toEqual(['']);
    expect(spaced('')).toBe('');
    expect(spaced('  a \t b  ')).toBe('a b');
    expect(fieldsOf('a  b')).toEqual(['a', 'b']);
    expect(fieldsOf('')).toEqual(['']);
    expect(spaced('')).toBe('');
  });
});

describe('tab rows', () => {
  it('reads port, protocols and name, and joins later fields into the name', () => {
    expect(tabRow('80  TCP  HTTP')).toEqual({ port: '80', protocols: 'TCP', name: 'HTTP' });
    expect(tabRow('80\tTCP\tName\tMore')).toEqual({ port: '80', protocols: 'TCP', name: 'Name More' });
  });

  it('takes an empty name only where two tabs write it', () => {
    expect(tabRow('80\tTCP\t')).toEqual({ port: '80', protocols: 'TCP', name: '' });
    expect(tabRow('80\tTCP')).toBeNull();
    expect(tabRow('80  TCP')).toBeNull();
  });

  it('rejects fields split by spaces alone unless the first opens with a digit', () => {
    expect(tabRow('Prose  with  doubled spaces')).toBeNull();
    expect(tabRow('a1  TCP  X')).toBeNull();
    expect(tabRow('a1\tTCP\tX')).toEqual({ port: 'a1', protocols: 'TCP', name: 'X' });
  });
});

describe('tab details', () => {
  it('reads the fields after a leading separator, joined by a space', () => {
    expect(tabDetail('\tFirst\tSecond\t')).toBe('First Second');
    expect(tabDetail('   Indented text')).toBe('Indented text');
  });

  it('is no detail when the line opens with text or holds nothing', () => {
    expect(tabDetail('80\tTCP')).toBeNull();
    expect(tabDetail('   ')).toBeNull();
    expect(tabDetail('')).toBeNull();
  });
});

describe('separator rows', () => {
  it('reads rows of three or more dashes, indented or not', () => {
    expect(isSeparator('---------\t---------')).toBe(true);
    expect(isSeparator('---')).toBe(true);
    expect(isSeparator('  ---\t---')).toBe(true);
  });

  it('rejects a row with any field that is not all dashes', () => {
    expect(isSeparator('--- text')).toBe(false);
    expect(isSeparator('--- ab---')).toBe(false);
    expect(isSeparator('--- ---ab')).toBe(false);
    expect(isSeparator('-- --')).toBe(false);
  });

  it('reads nine dash fields and rejects ten', () => {
    expect(isSeparator('--- --- --- --- --- --- --- --- ---')).toBe(true);
    expect(isSeparator('--- --- --- --- --- --- --- --- --- ---')).toBe(false);
  });
});

describe('range headings', () => {
  it('reads a range alone on the line, of any digit count', () => {
    expect(rangeHeading('20-29')).toBe('20-29');
    expect(rangeHeading('1024-49151')).toBe('1024-49151');
  });

  it('rejects a range with text before or after it', () => {
    expect(rangeHeading('Ports 20-29')).toBeNull();
    expect(rangeHeading('20-29 more')).toBeNull();
    expect(rangeHeading('a-b')).toBeNull();
  });
});

describe('entry layouts', () => {
  it('reads the port, protocols and bold name of an inline-bold line', () => {
    expect(inlineBold('89 TCP UDP **SU/MIT Telnet Gateway**')).toEqual({ port: '89', protocols: ['TCP', 'UDP'], name: 'SU/MIT Telnet Gateway' });
    expect(inlineBold('5 SCTP DCCP **X**')).toEqual({ port: '5', protocols: ['SCTP', 'DCCP'], name: 'X' });
    expect(inlineBold('Echo')).toBeNull();
  });

  it('reads a block header, a bullet, protocol lines and a protocol’s own name', () => {
    expect(blockHeader('7 TCP UDP')).toEqual({ port: '7', protocols: ['TCP', 'UDP'] });
    expect(blockHeader('Echo')).toBeNull();
    expect(bullet('- 10')).toBe('10');
    expect(protocolsOnly('TCP UDP')).toEqual(['TCP', 'UDP']);
    expect(protocolsOnly('Echo')).toBeNull();
    expect(protocolBold('UDP **Name**')).toEqual({ protocol: 'UDP', name: 'Name' });
    expect(protocolBold('Echo')).toBeNull();
  });

  it('reads the protocols a range intro opens with', () => {
    expect(rangeIntroProtocols('TCP or UDP port numbers above 1023')).toEqual(['TCP', 'UDP']);
    expect(rangeIntroProtocols('UDP port numbers above 1023')).toEqual(['UDP']);
  });
});

describe('lines that open like an entry', () => {
  it('takes a port alone, a port and words, and a range and words as entry-like', () => {
    expect(lineStart('42')).toEqual({ kind: 'entry-like' });
    expect(lineStart('42 fits no layout')).toEqual({ kind: 'entry-like' });
    expect(lineStart('20-29 words')).toEqual({ kind: 'entry-like' });
    expect(lineStart('20 – 29 words')).toEqual({ kind: 'entry-like' });
    expect(lineStart('- 42 x')).toEqual({ kind: 'entry-like' });
  });

  it('takes a line with a port after other words as text', () => {
    expect(lineStart('Port 42 is echo')).toEqual({ kind: 'text' });
    expect(lineStart('Echo service')).toEqual({ kind: 'text' });
    expect(lineStart('42x')).toEqual({ kind: 'text' });
  });
});

describe('tab entries', () => {
  it('reads the lines under a row in line order, details and untabbed lines alike', () => {
    const { entries } = parse('1\tTCP\tName\nProse first.\n\tDetail second.\t\nProse third.\n');
    expect(brief(entries)).toEqual([
      { port: '1', protocols: ['TCP'], name: 'Name', description: 'Prose first. Detail second. Prose third.' },
    ]);
  });

  it('joins a detail’s fields with a space', () => {
    const { entries } = parse('1\tTCP\tName\n\tFirst part\tsecond part\t\n');
    expect(brief(entries)).toEqual([{ port: '1', protocols: ['TCP'], name: 'Name', description: 'First part second part' }]);
  });

  it('drops a trailing "More" link and the spaces before it', () => {
    const { entries } = parse('1\tTCP\tName\nAllows any.  More\n');
    expect(brief(entries)).toEqual([{ port: '1', protocols: ['TCP'], name: 'Name', description: 'Allows any.' }]);
  });

  it('moves "Also known as" and "For example," from the name column into the description', () => {
    const { entries } = parse(
      '43\tTCP\tWHOIS Also known as NICNAME. For example, whois.example.\n49\tTCP\tLogin Host Protocol\n',
    );
    expect(brief(entries)).toEqual([
      { port: '43', protocols: ['TCP'], name: 'WHOIS', description: 'Also known as NICNAME. For example, whois.example.' },
      { port: '49', protocols: ['TCP'], name: 'Login Host Protocol', description: null },
    ]);
  });

  it('takes as notes only lines that are wholly italic', () => {
    const { entries } = parse(
      [
        '1\tTCP\tName',
        '\t<i>Trojans</i>\t',
        '\tSee <i>this</i>\t',
        '\t<i>x</i> more\t',
        '\tSee<i>y</i>\t',
        '\t<i>z</i>tail\t',
        ' <i>Indented note</i>',
      ].join('\n'),
    );
    expect(entries.map((entry) => [entry.notes, entry.description])).toEqual([
      [['Trojans', 'Indented note'], 'See <i>this</i> <i>x</i> more See<i>y</i> <i>z</i>tail'],
    ]);
  });
});

describe('block entries', () => {
  it('reads an indented line under a block header as its name paragraph', () => {
    const { entries, messages } = parse('7 TCP UDP\n\tEcho\n');
    expect(brief(entries)).toEqual([{ port: '7', protocols: ['TCP', 'UDP'], name: 'Echo', description: null }]);
    expect(messages).toEqual([]);
  });

  it('reads a `UDP **…**` line under a block header as text, not as a protocol’s name', () => {
    const { entries } = parse('7 TCP\nUDP **Echo**\n');
    expect(brief(entries)).toEqual([{ port: '7', protocols: ['TCP'], name: 'UDP **Echo**', description: null }]);
  });

  it('names the entry by the first paragraph that is bold from end to end, and reports it when late', () => {
    const { entries, messages } = parse('7 TCP UDP\n\nIntro\n\nSee **RFC 862**\n\n**Note** below\n\n**Echo**\n');
    expect(brief(entries)).toEqual([
      { port: '7', protocols: ['TCP', 'UDP'], name: '**Echo**', description: 'Intro See **RFC 862** **Note** below' },
    ]);
    expect(messages).toEqual([
      'list.txt:9:1: warning: Ambiguous name `Echo` after other text of port 7, expected it right after the port line; kept for port 7 (port-list:ambiguous-name)',
    ]);
  });
});

describe('inline-bold entries', () => {
  const perProtocol = '102 TCP **ISO Transport (ITOT) |**\nUDP **Microsoft MTA X.400**\n\n';

  it('gives each protocol its own name after a pipe, and both the description without a label', () => {
    const { entries } = parse('102 TCP **A |**\nUDP **B**\n\nSome text.\n');
    expect(brief(entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'A', description: 'Some text.' },
      { port: '102', protocols: ['UDP'], name: 'B', description: 'Some text.' },
    ]);
  });

  it('reads a pipe followed by a space inside the bold as the end of a name', () => {
    const { entries } = parse('102 TCP **A | **\nUDP **B**\n');
    expect(brief(entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'A', description: null },
      { port: '102', protocols: ['UDP'], name: 'B', description: null },
    ]);
  });

  it('gives a labelled description to the one name that holds the label', () => {
    expect(brief(parse(`${perProtocol}ITOT - RFC 2126\n`).entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'ISO Transport (ITOT)', description: 'ITOT - RFC 2126' },
      { port: '102', protocols: ['UDP'], name: 'Microsoft MTA X.400', description: null },
    ]);
    expect(brief(parse(`${perProtocol}MTA - Message transfer.\n`).entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'ISO Transport (ITOT)', description: null },
      { port: '102', protocols: ['UDP'], name: 'Microsoft MTA X.400', description: 'MTA - Message transfer.' },
    ]);
  });

  it('gives both names the description when the label is in neither, in both, or not at its start', () => {
    expect(brief(parse(`${perProtocol}ABC - unrelated.\n`).entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'ISO Transport (ITOT)', description: 'ABC - unrelated.' },
      { port: '102', protocols: ['UDP'], name: 'Microsoft MTA X.400', description: 'ABC - unrelated.' },
    ]);
    expect(brief(parse(`${perProtocol}See ITOT - RFC 2126.\n`).entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'ISO Transport (ITOT)', description: 'See ITOT - RFC 2126.' },
      { port: '102', protocols: ['UDP'], name: 'Microsoft MTA X.400', description: 'See ITOT - RFC 2126.' },
    ]);
    expect(brief(parse('102 TCP **ITOT Service |**\nUDP **ITOT Other**\n\nITOT - both.\n').entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'ITOT Service', description: 'ITOT - both.' },
      { port: '102', protocols: ['UDP'], name: 'ITOT Other', description: 'ITOT - both.' },
    ]);
  });

  it('takes only the first `UDP **…**` line as a protocol’s name; a second one is description', () => {
    const { entries } = parse('102 TCP **A |**\nUDP **B**\nSCTP **C**\n');
    expect(brief(entries)).toEqual([
      { port: '102', protocols: ['TCP'], name: 'A', description: 'SCTP **C**' },
      { port: '102', protocols: ['UDP'], name: 'B', description: 'SCTP **C**' },
    ]);
  });

  it('without a pipe, wraps one name over the bold lines and the line running on', () => {
    expect(brief(parse('104 TCP **A**\nUDP **B**\n').entries)).toEqual([
      { port: '104', protocols: ['TCP', 'UDP'], name: 'A B', description: null },
    ]);
    expect(brief(parse('104 TCP **A**\nUDP **B**\nC\n').entries)).toEqual([
      { port: '104', protocols: ['TCP', 'UDP'], name: 'A B C', description: null },
    ]);
  });

  it('without a pipe, keeps a paragraph after a blank line as description', () => {
    expect(brief(parse('104 TCP **A**\nUDP **B**\n\nDescription.\n').entries)).toEqual([
      { port: '104', protocols: ['TCP', 'UDP'], name: 'A B', description: 'Description.' },
    ]);
  });

  it('joins description paragraphs with a space', () => {
    expect(brief(parse('89 TCP **A**\n\nOne.\n\nTwo.\n').entries)).toEqual([
      { port: '89', protocols: ['TCP'], name: 'A', description: 'One. Two.' },
    ]);
  });
});

describe('range entries', () => {
  it('names a range by its prose’s bold phrase, and by nothing without one', () => {
    expect(brief(parse('1024-49151\n\nSome prose.\n').entries)).toEqual([
      { port: '1024-49151', protocols: null, name: null, description: 'Some prose.' },
    ]);
  });

  it('gives a range draft without prose no name, description or protocols', () => {
    const draft: Draft = {
      layout: 'range',
      place: { line: 1, column: 1 },
      portPlace: { line: 1, column: 1 },
      port: '1024-49151',
      protocols: null,
      name: null,
      protocolName: null,
      details: [],
      paragraphs: [],
    };
    expect(brief(entriesOfDraft(draft, noWarn))).toEqual([{ port: '1024-49151', protocols: null, name: null, description: null }]);
  });
});

describe('drafts without a header name', () => {
  const draftOf = (layout: Draft['layout'], protocolName: Draft['protocolName']): Draft => ({
    layout,
    place: { line: 3, column: 1 },
    portPlace: { line: 3, column: 1 },
    port: '80',
    protocols: ['TCP'],
    name: null,
    protocolName,
    details: [],
    paragraphs: [],
  });

  it('gives a tab or inline-bold draft an empty name', () => {
    expect(brief(entriesOfDraft(draftOf('tab', null), noWarn))).toEqual([{ port: '80', protocols: ['TCP'], name: '', description: null }]);
    expect(brief(entriesOfDraft(draftOf('inline-bold', null), noWarn))).toEqual([
      { port: '80', protocols: ['TCP'], name: '', description: null },
    ]);
  });

  it('names an inline-bold draft by its protocol line alone', () => {
    const entries = entriesOfDraft(draftOf('inline-bold', { protocol: 'UDP', name: 'B', line: 4 }), noWarn);
    expect(brief(entries)).toEqual([{ port: '80', protocols: ['TCP', 'UDP'], name: 'B', description: null }]);
  });
});

describe('range headings in the line loop', () => {
  it('takes a heading with nothing after it as structure', () => {
    const { entries, lineRoles } = parse('7\tTCP\tEcho\n\n1024-49151\n');
    expect(brief(entries)).toEqual([{ port: '7', protocols: ['TCP'], name: 'Echo', description: null }]);
    expect(lineRoles).toEqual(['entry', 'blank', 'structure', 'blank']);
  });

  it('skips lines of spaces when looking for what follows a heading', () => {
    const { entries, lineRoles } = parse('1024-49151\n   \n80\tTCP\tHTTP\n');
    expect(brief(entries)).toEqual([{ port: '80', protocols: ['TCP'], name: 'HTTP', description: null }]);
    expect(lineRoles).toEqual(['structure', 'blank', 'entry', 'blank']);
  });

  it('takes a heading followed by another heading or a separator as structure', () => {
    const headings = parse('0-9\n10-19\n\n10\tTCP\tX\n');
    expect(brief(headings.entries)).toEqual([{ port: '10', protocols: ['TCP'], name: 'X', description: null }]);
    expect(headings.lineRoles).toEqual(['structure', 'structure', 'blank', 'entry', 'blank']);
    const separator = parse('0-9\n---\t---\n10\tTCP\tX\n');
    expect(brief(separator.entries)).toEqual([{ port: '10', protocols: ['TCP'], name: 'X', description: null }]);
    expect(separator.lineRoles).toEqual(['structure', 'structure', 'entry', 'blank']);
  });

  it('takes a heading followed by a tab row whose port is no number as structure: the row is an entry, reported later, not prose', () => {
    // A tab row opens an entry whatever its first field holds (the port is checked when records are made),
    // so it cannot be read as the range's prose, though it does not look like a port line.
    const { entries, lineRoles } = parse('20-29\n\nx1\tTCP\tSomething\n\n30\tTCP\tThirty\n');
    expect(brief(entries)).toEqual([
      { port: 'x1', protocols: ['TCP'], name: 'Something', description: null },
      { port: '30', protocols: ['TCP'], name: 'Thirty', description: null },
    ]);
    expect(lineRoles).toEqual(['structure', 'blank', 'entry', 'blank', 'entry', 'blank']);
  });

  it('takes a heading followed by a tab detail as structure, and reports the detail as stray', () => {
    const { entries, lineRoles, messages } = parse('7\tTCP\tEcho\n0-9\n\tSome detail\t\n');
    expect(brief(entries)).toEqual([{ port: '7', protocols: ['TCP'], name: 'Echo', description: null }]);
    expect(lineRoles).toEqual(['entry', 'structure', 'diagnostic', 'blank']);
    expect(messages).toEqual([
      'list.txt:3:2: warning: Unexpected text outside an entry, expected a port entry or a section heading (port-list:stray-text)',
    ]);
  });
});

describe('lines the loop cannot place', () => {
  it('reports a line that opens like an entry but fits no layout, at its first character', () => {
    const { entries, lineRoles, file } = parse('7\tTCP\tEcho\n  42 fits no layout\n');
    expect(brief(entries)).toEqual([{ port: '7', protocols: ['TCP'], name: 'Echo', description: null }]);
    expect(lineRoles).toEqual(['entry', 'diagnostic', 'blank']);
    expect(file.messages.map((m) => [m.line, m.column, m.source, m.ruleId, m.reason])).toEqual([
      [
        2,
        3,
        'port-list',
        'entry-layout',
        'Unexpected line that starts with a port but fits no layout, expected `PORT<TAB>PROTOCOLS<TAB>NAME`, `PORT PROTOCOLS`, `PORT PROTOCOLS **NAME**` or `- PORT`',
      ],
    ]);
  });

  it('reports text after entries outside any entry, and takes no title from it', () => {
    const { lineRoles, documentTitle, messages } = parse('7\tTCP\tEcho\n---\t---\nstray words\n');
    expect(documentTitle).toBeNull();
    expect(lineRoles).toEqual(['entry', 'structure', 'diagnostic', 'blank']);
    expect(messages).toEqual([
      'list.txt:3:1: warning: Unexpected text outside an entry, expected a port entry or a section heading (port-list:stray-text)',
    ]);
  });

  it('takes the first text line, trimmed, as the title', () => {
    const { documentTitle, lineRoles } = parse('  Port Numbers  \n\n7\tTCP\tEcho\n');
    expect(documentTitle).toBe('Port Numbers');
    expect(lineRoles).toEqual(['structure', 'blank', 'entry', 'blank']);
  });

  it('reports a document without entries at line 1, column 1', () => {
    const { file } = parse('Title\n');
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[1, 1, 'no-entries']]);
  });
});

describe('blank runs', () => {
  it('breaks paragraphs at one blank line when some run of blank lines is even', () => {
    const { entries } = parse('7 TCP UDP\n\nEcho\n\nReturns data.\n\n\n\n9 TCP UDP\n\n\nDiscard');
    expect(brief(entries)).toEqual([
      { port: '7', protocols: ['TCP', 'UDP'], name: 'Echo', description: 'Returns data.' },
      { port: '9', protocols: ['TCP', 'UDP'], name: 'Discard', description: null },
    ]);
  });

  it('breaks paragraphs at one blank line when some text lines touch', () => {
    const { entries } = parse('7 TCP UDP\nEcho\n\nReturns data.\n\n\n\n9 TCP UDP\n\nDiscard');
    expect(brief(entries)).toEqual([
      { port: '7', protocols: ['TCP', 'UDP'], name: 'Echo', description: 'Returns data.' },
      { port: '9', protocols: ['TCP', 'UDP'], name: 'Discard', description: null },
    ]);
  });

  it('in a double-spaced document, breaks paragraphs only at two blank lines', () => {
    const { entries } = parse('7 TCP UDP\n\nEcho\n\nservice\n\n\n\nReturns data.');
    expect(brief(entries)).toEqual([
      { port: '7', protocols: ['TCP', 'UDP'], name: 'Echo service', description: 'Returns data.' },
    ]);
  });
});

describe('a bold name between two block entries', () => {
  it('is the next port\'s name when that port has no text of its own, with a warning at the name', () => {
    const { entries, messages } = parse(['Ports', '', '200 TCP UDP', '', 'Not used', '', '**Name Y**', '', '201 TCP UDP', '', '202 TCP', '', 'Name Z', ''].join('\n'));
    expect(brief(entries)).toEqual([
      { port: '200', protocols: ['TCP', 'UDP'], name: 'Not used', description: null },
      { port: '201', protocols: ['TCP', 'UDP'], name: '**Name Y**', description: null },
      { port: '202', protocols: ['TCP'], name: 'Name Z', description: null },
    ]);
    expect(messages).toEqual([
      'list.txt:7:1: warning: Ambiguous name `Name Y` between port 200 and port 201, which has no text of its own, expected it right after a port line; read as the name of port 201 (port-list:ambiguous-name)',
    ]);
  });

  it('stays with its port when the next port has text, or when structure stands between them', () => {
    const withText = parse(['Ports', '', '200 TCP', '', 'Not used', '', '**Name Y**', '', '201 TCP', '', 'Name Z', ''].join('\n'));
    expect(brief(withText.entries).map((entry) => [entry.port, entry.name, entry.description])).toEqual([
      ['200', '**Name Y**', 'Not used'],
      ['201', 'Name Z', null],
    ]);
    expect(withText.messages).toEqual([
      'list.txt:7:1: warning: Ambiguous name `Name Y` after other text of port 200, expected it right after the port line; kept for port 200 (port-list:ambiguous-name)',
    ]);
    const apart = parse(['Ports', '', '200 TCP', '', 'Not used', '', '**Name Y**', '', '## More', '', '201 TCP', ''].join('\n'));
    expect(brief(apart.entries).map((entry) => [entry.port, entry.name])).toEqual([
      ['200', '**Name Y**'],
      ['201', null],
    ]);
  });
});

describe('a line that opens with a tab', () => {
  it('is never a tab row, whatever follows: its first field, the port, is empty; it is a detail of the entry above', () => {
    expect(tabRow('\t80\tTCP\tWeb')).toBeNull();
    expect(tabDetail('\t80\tTCP\tWeb')).toBe('80 TCP Web');
  });
});

/**
 * The port-cell layouts added after the first grammar: `/` between ports,
 * protocols carried over a list, open-ended ranges, ranges in words,
 * thousands separators, words before ports inside a list, alternative ports
 * in parentheses, `:port`, and the doubts a reading keeps. Every expectation
 * is written by hand from the cell text (offsets counted by hand).
 */
import { describe, expect, it } from 'vitest';
import { expectPort, ports, span, unreadable } from './port-cell-readings.js';
import { checkPortSpan, readPortCell, type PortCellReading } from '../src/grammar/port-cell.js';

const zeroDoubt = (written: string) => `Unexpected port 0 (\`${written}\`), expected a port from 1 to 65535 (port 0 means no port, or any free one); no record`;
const zerosDoubt = (written: string, port: number) => `Unexpected leading zeros in \`${written}\`, read as port ${port}`;
const groupDoubt = (written: string, port: number, head: string, group: string) =>
  `Ambiguous \`${written}\`: read as port ${port} (a thousands separator); write \`${head}, ${group}\` for two ports`;

describe('rule separator: `/` between ports', () => {
  it.each<[string, PortCellReading]>([
    ['80/443', ports([span(80, 80, '80', 0), span(443, 443, '443', 3)])],
    ['8080/8443', ports([span(8080, 8080, '8080', 0), span(8443, 8443, '8443', 5)])],
    ['8420 / 4421', ports([span(8420, 8420, '8420', 0), span(4421, 4421, '4421', 7)])],
    ['80/ 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 4)])],
    ['80 /443', ports([span(80, 80, '80', 0), span(443, 443, '443', 4)])],
    ['80/443/8080', ports([span(80, 80, '80', 0), span(443, 443, '443', 3), span(8080, 8080, '8080', 7)])],
    ['8000-8010/9000', ports([span(8000, 8010, '8000-8010', 0), span(9000, 9000, '9000', 10)])],
    // A protocol after `/` still belongs to its port, and a port after the protocols is another port.
    ['443/tcp/8443', ports([span(443, 443, '443/tcp', 0, ['tcp']), span(8443, 8443, '8443', 8)])],
    ['80/443 TCP', ports([span(80, 80, '80', 0), span(443, 443, '443', 3, ['TCP'])])],
    ['9200/9300 (HTTP/transport)', ports([span(9200, 9200, '9200', 0), span(9300, 9300, '9300', 5)], [], ['HTTP/transport'])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it('reads sloppy spacing around `/` the same', () => {
    for (const text of ['80\t/\t443', '80\u00a0/\u00a0443', '  80 / 443  ']) {
      const reading = readPortCell(text);
      expect(reading.kind === 'ports' ? reading.ports.map((port) => [port.start, port.end, port.written]) : reading).toEqual([
        [80, 80, '80'],
        [443, 443, '443'],
      ]);
    }
  });

  it.each<[string, number, string]>([
    ['80/443/', 6, 'Unexpected `/` in a port cell, expected a protocol word or a port after it'],
    ['80//443', 3, 'Unexpected `/` in a port cell, expected a protocol word or a port after `/`'],
    ['80 /', 3, `Unexpected \`/\` in a port cell, ${expectPort}`],
    ['80 / tcp', 3, `Unexpected \`/\` in a port cell, ${expectPort}`],
  ])('refuses %j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });
});

describe('protocol words before a list carry over it', () => {
  it.each<[string, PortCellReading]>([
    ['UDP/5000,5001,5002', ports([span(5000, 5000, 'UDP/5000', 0, ['UDP']), span(5001, 5001, '5001', 9, ['UDP']), span(5002, 5002, '5002', 14, ['UDP'])])],
    ['tcp 8080/8443', ports([span(8080, 8080, '8080', 4, ['tcp']), span(8443, 8443, '8443', 9, ['tcp'])])],
    ['TCP: 8080, 8443', ports([span(8080, 8080, '8080', 5, ['TCP']), span(8443, 8443, '8443', 11, ['TCP'])])],
    ['TCP 80, UDP 53', ports([span(80, 80, '80', 4, ['TCP']), span(53, 53, '53', 12, ['UDP'])])],
    [
      'TCP 80, 443, UDP 53, 5353',
      ports([span(80, 80, '80', 4, ['TCP']), span(443, 443, '443', 8, ['TCP']), span(53, 53, '53', 17, ['UDP']), span(5353, 5353, '5353', 21, ['UDP'])]),
    ],
    ['TCP/UDP 53, 54', ports([span(53, 53, '53', 8, ['TCP', 'UDP']), span(54, 54, '54', 12, ['TCP', 'UDP'])])],
    // A port's own protocol wins over the carried one, and the carried one goes on after it.
    ['TCP 80, 443/udp, 8443', ports([span(80, 80, '80', 4, ['TCP']), span(443, 443, '443/udp', 8, ['udp']), span(8443, 8443, '8443', 17, ['TCP'])])],
    // A label starts afresh: the carried protocol ends there.
    ['TCP 80, Dynamic: 1024-65535', ports([span(80, 80, '80', 4, ['TCP']), span(1024, 65535, '1024-65535', 17, [], ['Dynamic'])])],
    // Written after a port, a protocol stays with that port.
    ['80 TCP, 443', ports([span(80, 80, '80', 0, ['TCP']), span(443, 443, '443', 8)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule openRange', () => {
  it.each<[string, number, string]>([
    ['greater than 1024', 1025, 'greater than 1024'],
    ['more than 1024', 1025, 'more than 1024'],
    ['above 1024', 1025, 'above 1024'],
    ['over 1024', 1025, 'over 1024'],
    ['> 1024', 1025, '> 1024'],
    ['>1024', 1025, '>1024'],
    ['>= 1024', 1024, '>= 1024'],
    ['≥ 1024', 1024, '≥ 1024'],
    ['1024 and above', 1024, '1024 and above'],
    ['1024 or above', 1024, '1024 or above'],
    ['1024 and higher', 1024, '1024 and higher'],
    ['1024 or higher', 1024, '1024 or higher'],
    ['1024 and up', 1024, '1024 and up'],
    ['1024 or greater', 1024, '1024 or greater'],
    ['1024+', 1024, '1024+'],
    ['Greater Than 1024', 1025, 'Greater Than 1024'],
    ['1024 AND ABOVE', 1024, '1024 AND ABOVE'],
  ])('%j reads from %i to 65535, noted as written', (text, start, written) => {
    expect(readPortCell(text)).toEqual(ports([span(start, 65535, written, 0, [], [written])]));
  });

  it.each<[string, PortCellReading]>([
    ['20000 and above', ports([span(20000, 65535, '20000 and above', 0, [], ['20000 and above'])])],
    ['80, 1024 and above', ports([span(80, 80, '80', 0), span(1024, 65535, '1024 and above', 4, [], ['1024 and above'])])],
    ['1024+ (dynamic)', ports([span(1024, 65535, '1024+', 0, [], ['1024+', 'dynamic'])])],
    ['1024+, 80', ports([span(1024, 65535, '1024+', 0, [], ['1024+']), span(80, 80, '80', 7)])],
    ['TCP above 1024', ports([span(1025, 65535, 'above 1024', 4, ['TCP'], ['above 1024'])])],
    ['Dynamic: above 1024', ports([span(1025, 65535, 'above 1024', 9, [], ['Dynamic', 'above 1024'])])],
    ['1024+/udp', ports([span(1024, 65535, '1024+/udp', 0, ['udp'], ['1024+'])])],
    // A `+` between ports, or spaced from its port, still separates them.
    ['80+443', ports([span(80, 80, '80', 0), span(443, 443, '443', 3)])],
    ['80+ 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 4)])],
    ['1024+443+', ports([span(1024, 1024, '1024', 0), span(443, 65535, '443+', 5, [], ['443+'])])],
    ['80 and 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 7)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it('keeps the words as written in `written` and cleans their spaces in the note', () => {
    expect(readPortCell('20000\u00a0and\tabove ')).toEqual(ports([span(20000, 65535, '20000\u00a0and\tabove', 0, [], ['20000 and above'])]));
    expect(readPortCell(' greater  than\u00a01024')).toEqual(ports([span(1025, 65535, 'greater  than\u00a01024', 1, [], ['greater than 1024'])]));
  });

  it('leaves a range above the highest port to checkPortSpan', () => {
    const reading = readPortCell('above 65535');
    expect(reading).toEqual(ports([span(65536, 65535, 'above 65535', 0, [], ['above 65535'])]));
    const [above] = reading.kind === 'ports' ? reading.ports : [];
    expect(above && checkPortSpan(above)).toEqual({ ok: false, reason: 'Unexpected port 65536, expected 0–65535', ruleId: 'port-range' });
  });

  it.each<[string, number, string]>([
    ['greater than', 8, 'Unexpected `than` in a port cell, expected a port after it'],
    ['above', 0, 'Unexpected `above` in a port cell, expected a port after it'],
    ['>', 0, 'Unexpected `>` in a port cell, expected a port after it'],
    ['above http', 6, 'Unexpected `http` in a port cell, expected a port after `above`'],
    ['greater than x', 13, 'Unexpected `x` in a port cell, expected a port after `than`'],
    ['>= (', 3, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['greater 1024', 0, `Unexpected \`greater\` in a port cell, ${expectPort}`],
    ['1024 and down', 9, `Unexpected \`down\` in a port cell, ${expectPort}`],
    ['1024 +', 5, 'Unexpected `+` in a port cell, expected a port after it'],
  ])('refuses %j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });
});

describe('rule range: ranges in words', () => {
  it.each<[string, PortCellReading]>([
    ['between 1024 and 2048', ports([span(1024, 2048, 'between 1024 and 2048', 0)])],
    ['Between 1024 AND 2048', ports([span(1024, 2048, 'Between 1024 AND 2048', 0)])],
    ['from 6000 to 6063', ports([span(6000, 6063, 'from 6000 to 6063', 0)])],
    ['from 6000 through 6063', ports([span(6000, 6063, 'from 6000 through 6063', 0)])],
    ['from 6000 - 6063', ports([span(6000, 6063, 'from 6000 - 6063', 0)])],
    ['80, between 1024 and 2048', ports([span(80, 80, '80', 0), span(1024, 2048, 'between 1024 and 2048', 4)])],
    ['UDP between 10000 and 20000', ports([span(10000, 20000, 'between 10000 and 20000', 4, ['UDP'])])],
    ['between 1024 and 2048/udp', ports([span(1024, 2048, 'between 1024 and 2048/udp', 0, ['udp'])])],
    ['between\u00a01024 and\t2048 ', ports([span(1024, 2048, 'between\u00a01024 and\t2048', 0)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it.each<[string, number, string]>([
    ['between', 0, 'Unexpected `between` in a port cell, expected the first port of a range after it'],
    ['between x', 8, 'Unexpected `x` in a port cell, expected the first port of a range after `between`'],
    ['between (', 8, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['between 1', 8, 'Unexpected `1` in a port cell, expected `and` and the last port of the range after it'],
    ['between 1 to 5', 10, 'Unexpected `to` in a port cell, expected `and` before the last port of the range'],
    ['between 1 (', 10, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['between 1 and', 10, 'Unexpected `and` in a port cell, expected the last port of a range after it'],
    ['between 1 and x', 14, 'Unexpected `x` in a port cell, expected the last port of a range after `and`'],
    ['between 1 and (', 14, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['from', 0, 'Unexpected `from` in a port cell, expected the first port of a range after it'],
    ['from x', 5, 'Unexpected `x` in a port cell, expected the first port of a range after `from`'],
    ['from (', 5, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['from 1', 5, 'Unexpected `1` in a port cell, expected `to` and the last port of the range after it'],
    ['from 1 and 5', 7, 'Unexpected `and` in a port cell, expected `to` before the last port of the range'],
    ['from 1 (', 7, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['from 1 to', 7, 'Unexpected `to` in a port cell, expected the last port of a range after it'],
    ['from 1 to x', 10, 'Unexpected `x` in a port cell, expected the last port of a range after `to`'],
  ])('refuses %j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });
});

describe('thousands separators', () => {
  it.each<[string, PortCellReading]>([
    ['20,000', ports([span(20000, 20000, '20,000', 0)])],
    ['20 000', ports([span(20000, 20000, '20 000', 0)])],
    ['20\u00a0000', ports([span(20000, 20000, '20\u00a0000', 0)])],
    ['20\u202f000', ports([span(20000, 20000, '20\u202f000', 0)])],
    ['20\u2009000', ports([span(20000, 20000, '20\u2009000', 0)])],
    ['8,080', ports([span(8080, 8080, '8,080', 0)])],
    ['20,000-30,000', ports([span(20000, 30000, '20,000-30,000', 0)])],
    ['20 000 – 30 000', ports([span(20000, 30000, '20 000 – 30 000', 0)])],
    ['10,000 and above', ports([span(10000, 65535, '10,000 and above', 0, [], ['10,000 and above'])])],
    ['20,000/udp', ports([span(20000, 20000, '20,000/udp', 0, ['udp'])])],
    ['20,000, 30,000', ports([span(20000, 20000, '20,000', 0), span(30000, 30000, '30,000', 8)])],
    // Where the three digits could be a port of their own, the reading says so.
    ['22,443', ports([span(22443, 22443, '22,443', 0, [], [], [groupDoubt('22,443', 22443, '22', '443')])])],
    ['22 443', ports([span(22443, 22443, '22 443', 0, [], [], [groupDoubt('22 443', 22443, '22', '443')])])],
    ['65,535', ports([span(65535, 65535, '65,535', 0, [], [], [groupDoubt('65,535', 65535, '65', '535')])])],
  ])('%j is one number', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it.each<[string, PortCellReading]>([
    // 80443 and 65536 are no port.
    ['80,443', ports([span(80, 80, '80', 0), span(443, 443, '443', 3)])],
    ['65,536', ports([span(65, 65, '65', 0), span(536, 536, '536', 3)])],
    ['80 443', ports([span(80, 80, '80', 0), span(443, 443, '443', 3)])],
    // Groups of four digits, or three digits before the separator.
    ['1645,1646', ports([span(1645, 1645, '1645', 0), span(1646, 1646, '1646', 5)])],
    ['139,445', ports([span(139, 139, '139', 0), span(445, 445, '445', 4)])],
    // A space after the comma, or two spaces, is a list.
    ['20, 000', ports([span(20, 20, '20', 0), span(0, 0, '000', 4, [], [], [zeroDoubt('000')])])],
    ['20  000', ports([span(20, 20, '20', 0), span(0, 0, '000', 4, [], [], [zeroDoubt('000')])])],
    ['20\t000', ports([span(20, 20, '20', 0), span(0, 0, '000', 3, [], [], [zeroDoubt('000')])])],
    // A group of other than three digits.
    ['20,0000', ports([span(20, 20, '20', 0), span(0, 0, '0000', 3, [], [], [zeroDoubt('0000')])])],
    ['20,00', ports([span(20, 20, '20', 0), span(0, 0, '00', 3, [], [], [zeroDoubt('00')])])],
    // A second group makes a number no port can be: the parts are read as written.
    ['1,234,567', ports([span(1, 1, '1', 0), span(234, 234, '234', 2), span(567, 567, '567', 6)])],
    ['2 345 678', ports([span(2, 2, '2', 0), span(345, 345, '345', 2), span(678, 678, '678', 6)])],
    // A first group starting with 0 is no thousands.
    ['0,443', ports([span(0, 0, '0', 0, [], [], [zeroDoubt('0')]), span(443, 443, '443', 2)])],
  ])('%j is not', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it('does not take a group glued to letters', () => {
    expect(readPortCell('20,000abc')).toEqual(unreadable(3, `Unexpected \`000abc\` in a port cell, ${expectPort}`));
  });
});

describe('rule wordsItem and words before ports', () => {
  it.each<[string, PortCellReading]>([
    // The whole cell (rule wordsAroundPorts): the words are the cell's notes.
    ['off (9443)', ports([span(9443, 9443, '9443', 5)], [], ['off'])],
    ['disabled by default (7443)', ports([span(7443, 7443, '7443', 21)], [], ['disabled by default'])],
    ['HTTPS (443)', ports([span(443, 443, '443', 7)], [], ['HTTPS'])],
    // One item of a list (rule wordsItem): the words are notes of its ports.
    ['HTTPS: off (9443)', ports([span(9443, 9443, '9443', 12, [], ['HTTPS', 'off'])])],
    ['8443, off (9443)', ports([span(8443, 8443, '8443', 0), span(9443, 9443, '9443', 11, [], ['off'])])],
    ['disabled by default (7443)*', ports([span(7443, 7443, '7443', 21, [], ['disabled by default', 'footnote *'])])],
    [
      'HTTP: 8080, HTTPS: disabled by default (7443)',
      ports([span(8080, 8080, '8080', 6, [], ['HTTP']), span(7443, 7443, '7443', 40, [], ['HTTPS', 'disabled by default'])]),
    ],
    ['off (9443, 9444)*', ports([span(9443, 9443, '9443', 5, [], ['off', 'footnote *']), span(9444, 9444, '9444', 11, [], ['off', 'footnote *'])])],
    ['TCP (80), UDP (53)', ports([span(80, 80, '80', 5, ['TCP']), span(53, 53, '53', 15, ['UDP'])])],
    ['80, off (9443) (legacy)', ports([span(80, 80, '80', 0), span(9443, 9443, '9443', 9, [], ['off'])], [], ['legacy'])],
    ['80, off (9443 (HTTPS))', ports([span(80, 80, '80', 0), span(9443, 9443, '9443', 9, [], ['off', 'HTTPS'])])],
    ['80, Non-secure (8080)', ports([span(80, 80, '80', 0), span(8080, 8080, '8080', 16, [], ['Non-secure'])])],
    ['TCP 80, off (9443)', ports([span(80, 80, '80', 4, ['TCP']), span(9443, 9443, '9443', 13, ['TCP'], ['off'])])],
    ['80, off (0080)', ports([span(80, 80, '80', 0), span(80, 80, '0080', 9, [], ['off'], [zerosDoubt('0080', 80)])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it('reads ports in parentheses inside a words item no deeper: `a (b (80))` is refused', () => {
    expect(readPortCell('a (b (80))')).toEqual(unreadable(0, `Unexpected \`a\` in a port cell, ${expectPort}`));
    expect(readPortCell('80, a (b (80))')).toEqual(unreadable(4, `Unexpected \`a\` in a port cell, ${expectPort}`));
  });

  it('refuses words before parentheses that hold no port', () => {
    expect(readPortCell('80, port (http)')).toEqual(unreadable(4, `Unexpected \`port\` in a port cell, ${expectPort}`));
    expect(readPortCell('80, port ()')).toEqual(unreadable(4, `Unexpected \`port\` in a port cell, ${expectPort}`));
  });
});

describe('rule alternative: a lone port in parentheses right after a port', () => {
  it.each<[string, PortCellReading]>([
    ['389 (636)', ports([span(389, 389, '389', 0), span(636, 636, '636', 5, [], ['alternative'])])],
    ['TCP 389 (636)', ports([span(389, 389, '389', 4, ['TCP']), span(636, 636, '636', 9, ['TCP'], ['alternative'])])],
    ['80, 8080 (443)', ports([span(80, 80, '80', 0), span(8080, 8080, '8080', 4), span(443, 443, '443', 10, [], ['alternative'])])],
    ['389/tcp (636)', ports([span(389, 389, '389/tcp', 0, ['tcp']), span(636, 636, '636', 9, ['tcp'], ['alternative'])])],
    ['389 (636) TCP', ports([span(389, 389, '389', 0, ['TCP']), span(636, 636, '636', 5, ['TCP'], ['alternative'])])],
    ['389 (636) (LDAP)', ports([span(389, 389, '389', 0, [], ['LDAP']), span(636, 636, '636', 5, [], ['alternative'])])],
    ['389 (636)*', ports([span(389, 389, '389', 0, [], ['footnote *']), span(636, 636, '636', 5, [], ['alternative'])])],
    ['389 ( 636 )', ports([span(389, 389, '389', 0), span(636, 636, '636', 6, [], ['alternative'])])],
    ['Dynamic: 389 (636)', ports([span(389, 389, '389', 9, [], ['Dynamic']), span(636, 636, '636', 14, [], ['Dynamic', 'alternative'])])],
    ['389 (0636)', ports([span(389, 389, '389', 0), span(636, 636, '0636', 5, [], ['alternative'], [zerosDoubt('0636', 636)])])],
    ['389 (20,000)', ports([span(389, 389, '389', 0), span(20000, 20000, '20,000', 5, [], ['alternative'])])],
    // The note closing the cell is the first port's, never the alternative's.
    [
      '80, 389 (636) (by default)',
      ports([span(80, 80, '80', 0), span(389, 389, '389', 4), span(636, 636, '636', 9, [], ['alternative'])], [], ['by default']),
    ],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it.each<[string, PortCellReading]>([
    ['389 (LDAP) (636)', ports([span(389, 389, '389', 0, [], ['LDAP', '636'])])],
    ['80 (8080-8090)', ports([span(80, 80, '80', 0, [], ['8080-8090'])])],
    ['80 (443/tcp)', ports([span(80, 80, '80', 0, [], ['443/tcp'])])],
    ['80 (443 TLS)', ports([span(80, 80, '80', 0, [], ['443 TLS'])])],
    ['80 (443, 8443)', ports([span(80, 80, '80', 0, [], ['443, 8443'])])],
  ])('%j keeps the parenthetical as a note', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });
});

describe('rule hostColon', () => {
  it.each<[string, PortCellReading]>([
    [':8000', ports([span(8000, 8000, '8000', 1)])],
    [':80 TCP', ports([span(80, 80, '80', 1, ['TCP'])])],
    [':8000, :8443', ports([span(8000, 8000, '8000', 1), span(8443, 8443, '8443', 8)])],
    [' :8000 ', ports([span(8000, 8000, '8000', 2)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it.each<[string, number, string]>([
    [': 8000', 0, `Unexpected \`:\` in a port cell, ${expectPort}`],
    [':', 0, `Unexpected \`:\` in a port cell, ${expectPort}`],
    ['::8000', 0, `Unexpected \`:\` in a port cell, ${expectPort}`],
    ['80:8000', 2, 'Unexpected `:` in a port cell, expected a separator between ports (`,`, `;`, `and`, `or`, `+`, `&` or a space)'],
  ])('refuses %j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });
});

describe('doubts', () => {
  it.each<[string, PortCellReading]>([
    ['000', ports([span(0, 0, '000', 0, [], [], [zeroDoubt('000')])])],
    ['TCP 0', ports([span(0, 0, '0', 4, ['TCP'], [], [zeroDoubt('0')])])],
    ['0080', ports([span(80, 80, '0080', 0, [], [], [zerosDoubt('0080', 80)])])],
    ['0080/tcp', ports([span(80, 80, '0080/tcp', 0, ['tcp'], [], [zerosDoubt('0080', 80)])])],
    ['0080-0090', ports([span(80, 90, '0080-0090', 0, [], [], [zerosDoubt('0080', 80), zerosDoubt('0090', 90)])])],
    // Zeros alone are port 0 however many: no leading-zeros doubt, and a range start is no lone port 0.
    ['00-1023', ports([span(0, 1023, '00-1023', 0)])],
    ['0-0', ports([span(0, 0, '0-0', 0, [], [], [zeroDoubt('0-0')])])],
    // A reversed range ending at 0 is no lone port 0 (checkPortSpan refuses its order).
    ['5-0', ports([span(5, 0, '5-0', 0)])],
    ['0/tcp', ports([span(0, 0, '0/tcp', 0, ['tcp'], [], [zeroDoubt('0')])])],
    ['389 (0)', ports([span(389, 389, '389', 0), span(0, 0, '0', 5, [], ['alternative'], [zeroDoubt('0')])])],
    ['389 (000)', ports([span(389, 389, '389', 0), span(0, 0, '000', 5, [], ['alternative'], [zeroDoubt('000')])])],
    // A group that ends in 0 is as ambiguous as any; one that starts with 0 is not.
    ['22,440', ports([span(22440, 22440, '22,440', 0, [], [], [groupDoubt('22,440', 22440, '22', '440')])])],
    ['20,001', ports([span(20001, 20001, '20,001', 0)])],
    ['above 0080', ports([span(81, 65535, 'above 0080', 0, [], ['above 0080'], [zerosDoubt('0080', 80)])])],
    ['80, 22,443', ports([span(80, 80, '80', 0), span(22443, 22443, '22,443', 4, [], [], [groupDoubt('22,443', 22443, '22', '443')])])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it('does not doubt port 0 as the start of a range, nor plain numbers', () => {
    expect(readPortCell('0-1023')).toEqual(ports([span(0, 1023, '0-1023', 0)]));
    expect(readPortCell('10, 100, 1000')).toEqual(ports([span(10, 10, '10', 0), span(100, 100, '100', 4), span(1000, 1000, '1000', 9)]));
  });

  it('keeps a doubt through the whole-cell words rule', () => {
    expect(readPortCell('disabled (0)')).toEqual(ports([span(0, 0, '0', 10, [], [], [zeroDoubt('0')])], [], ['disabled']));
  });
});

/**
 * Words of the grammar (`to`, `and`, `between`, `above`, `than`) count only
 * as words: the same text in parentheses is a note or stops the reading.
 */
describe('grammar words in parentheses are no grammar words', () => {
  it.each<[string, PortCellReading]>([
    ['80 (to) 90', ports([span(80, 80, '80', 0, [], ['to']), span(90, 90, '90', 8)])],
  ])('%j', (text, expected) => {
    expect(readPortCell(text)).toEqual(expected);
  });

  it.each<[string, number, string]>([
    ['(between) 1 and 5', 0, `Unexpected \`(between)\` in a port cell, ${expectPort}`],
    ['(from) 1 to 5', 0, `Unexpected \`(from)\` in a port cell, ${expectPort}`],
    ['(above) 1024', 0, `Unexpected \`(above)\` in a port cell, ${expectPort}`],
    ['(443)', 0, `Unexpected \`(443)\` in a port cell, ${expectPort}`],
    ['80, (443)', 4, `Unexpected \`(443)\` in a port cell, ${expectPort}`],
    ['TCP (between)', 4, 'Unexpected `(between)` in a port cell, expected a port after a protocol word'],
    ['between 1 (and) 5', 10, 'Unexpected `(and)` in a port cell, expected `and` before the last port of the range'],
    ['greater (than) 1024', 0, `Unexpected \`greater\` in a port cell, ${expectPort}`],
  ])('refuses %j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });
});

describe('words that only look like the grammar', () => {
  it.each<[string, number, string]>([
    ['greater', 0, `Unexpected \`greater\` in a port cell, ${expectPort}`],
    ['greater then 1024', 0, `Unexpected \`greater\` in a port cell, ${expectPort}`],
    // `above` after a separator opens a range of its own, which needs its port.
    ['1024, above', 6, 'Unexpected `above` in a port cell, expected a port after it'],
    // A trailing hyphen joins no word, before a colon or before parentheses.
    ['80, Non-(8080)', 4, `Unexpected \`Non\` in a port cell, ${expectPort}`],
    ['Non-: 80', 0, `Unexpected \`Non\` in a port cell, ${expectPort}`],
  ])('refuses %j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });

  it('carries a glued protocol only in a cell that writes protocols before ports', () => {
    expect(readPortCell('80, TCP/443, 8443')).toEqual(ports([span(80, 80, '80', 0), span(443, 443, 'TCP/443', 4, ['TCP']), span(8443, 8443, '8443', 13)]));
  });
});

describe('sloppy but valid spacing reads the same', () => {
  /** Each cell with what it says, by hand: per span [start, end, protocols, notes], then the cell's notes. */
  const cells: [string, [number, number, string[], string[]][], string[]][] = [
    ['80/443', [[80, 80, [], []], [443, 443, [], []]], []],
    ['8420 / 4421', [[8420, 8420, [], []], [4421, 4421, [], []]], []],
    ['UDP/5000,5001, 5002', [[5000, 5000, ['UDP'], []], [5001, 5001, ['UDP'], []], [5002, 5002, ['UDP'], []]], []],
    ['tcp 8080/8443', [[8080, 8080, ['tcp'], []], [8443, 8443, ['tcp'], []]], []],
    ['TCP 80 and 443', [[80, 80, ['TCP'], []], [443, 443, ['TCP'], []]], []],
    ['20000 and above', [[20000, 65535, [], ['20000 and above']]], []],
    ['greater than 1024', [[1025, 65535, [], ['greater than 1024']]], []],
    ['>= 1024', [[1024, 65535, [], ['>= 1024']]], []],
    ['between 1024 and 2048', [[1024, 2048, [], []]], []],
    ['from 6000 to 6063', [[6000, 6063, [], []]], []],
    ['HTTPS: off (9443)', [[9443, 9443, [], ['HTTPS', 'off']]], []],
    ['disabled by default (7443)', [[7443, 7443, [], []]], ['disabled by default']],
    ['TCP 389 (636)', [[389, 389, ['TCP'], []], [636, 636, ['TCP'], ['alternative']]], []],
    [':8000, :8443', [[8000, 8000, [], []], [8443, 8443, [], []]], []],
    ['1024+ (dynamic)', [[1024, 65535, [], ['1024+', 'dynamic']]], []],
  ];
  const variants: [string, (text: string) => string][] = [
    ['spaces around', (text) => `  ${text}  `],
    ['a tab before, CRLF after', (text) => `\t${text}\r\n`],
    ['tabs for spaces', (text) => text.replaceAll(' ', '\t')],
    ['no-break spaces for spaces', (text) => text.replaceAll(' ', '\u00a0')],
    ['two spaces for one', (text) => text.replaceAll(' ', '  ')],
    ['an em space and a space for one', (text) => text.replaceAll(' ', '\u2003 ')],
  ];

  for (const [name, perturb] of variants) {
    it.each(cells)(`${name}: %j`, (text, spans, cellNotes) => {
      const reading = readPortCell(perturb(text));
      expect(reading.kind === 'ports' ? reading.ports.map((port) => [port.start, port.end, port.protocols, port.notes]) : reading).toEqual(spans);
      expect(reading.kind === 'ports' ? reading.notes : reading).toEqual(cellNotes);
    });
  }

  it('keeps a thousands group only with one space of the kinds a number is written with', () => {
    expect(readPortCell('20\u00a0000')).toEqual(ports([span(20000, 20000, '20\u00a0000', 0)]));
    expect(readPortCell('20\u2003000')).toEqual(ports([span(20, 20, '20', 0), span(0, 0, '000', 3, [], [], [zeroDoubt('000')])]));
  });
});

/**
 * Edges of the port-cell grammar: the boundaries of the tokenizer (footnote
 * lengths, digit counts, characters outside the Basic Multilingual Plane),
 * long cells, words in capitals, and the places where a rule must refuse what
 * looks almost like its layout.
 */
import { describe, expect, it } from 'vitest';
import { expectPort, ports, span, unreadable } from './port-cell-readings.js';
import { abbreviate, readPortCell, readPortSlashProtocol } from '../src/grammar/port-cell.js';


describe('abbreviate', () => {
  it('keeps a text of exactly 40 characters and cuts one of 41 to 39 and an ellipsis', () => {
    expect(abbreviate('abcdefghijabcdefghijabcdefghijabcdefghij')).toBe('abcdefghijabcdefghijabcdefghijabcdefghij');
    expect(abbreviate('abcdefghijabcdefghijabcdefghijabcdefghijk')).toBe('abcdefghijabcdefghijabcdefghijabcdefghi…');
  });

  it('quotes a 40-letter word whole in the message', () => {
    expect(readPortCell('abcdefghijabcdefghijabcdefghijabcdefghij')).toEqual(
      unreadable(0, `Unexpected \`abcdefghijabcdefghijabcdefghijabcdefghij\` in a port cell, ${expectPort}`),
    );
  });
});

describe('readPortSlashProtocol without a match', () => {
  it.each(['443', 'tcp', '', '443/tcp/udp'])('gives null for %j', (text) => {
    expect(readPortSlashProtocol(text)).toBeNull();
  });
});

describe('words in capitals', () => {
  it('reads AND and OR as separators', () => {
    expect(readPortCell('80 AND 443')).toEqual(ports([span(80, 80, '80', 0), span(443, 443, '443', 7)]));
    expect(readPortCell('80 OR 443')).toEqual(ports([span(80, 80, '80', 0), span(443, 443, '443', 6)]));
  });

  it('reads TO and THROUGH as range words', () => {
    expect(readPortCell('6000 TO 6063')).toEqual(ports([span(6000, 6063, '6000 TO 6063', 0)]));
    expect(readPortCell('137 THROUGH 139')).toEqual(ports([span(137, 139, '137 THROUGH 139', 0)]));
  });

  it('reads ONLY after a protocol word', () => {
    expect(readPortCell('8080 TCP ONLY')).toEqual(ports([span(8080, 8080, '8080', 0, ['TCP'])]));
  });
});

describe('long cells', () => {
  it('reads a list of eight glued port/protocol items (31 tokens)', () => {
    expect(readPortCell('1/tcp, 2/udp, 3/tcp, 4/udp, 5/tcp, 6/udp, 7/tcp, 8/udp')).toEqual(
      ports([
        span(1, 1, '1/tcp', 0, ['tcp']),
        span(2, 2, '2/udp', 7, ['udp']),
        span(3, 3, '3/tcp', 14, ['tcp']),
        span(4, 4, '4/udp', 21, ['udp']),
        span(5, 5, '5/tcp', 28, ['tcp']),
        span(6, 6, '6/udp', 35, ['udp']),
        span(7, 7, '7/tcp', 42, ['tcp']),
        span(8, 8, '8/udp', 49, ['udp']),
      ]),
    );
  });

  it('reads the seventeenth token of a cell like the first', () => {
    expect(readPortCell('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17')).toEqual(
      ports([
        span(1, 1, '1', 0),
        span(2, 2, '2', 2),
        span(3, 3, '3', 4),
        span(4, 4, '4', 6),
        span(5, 5, '5', 8),
        span(6, 6, '6', 10),
        span(7, 7, '7', 12),
        span(8, 8, '8', 14),
        span(9, 9, '9', 16),
        span(10, 10, '10', 18),
        span(11, 11, '11', 21),
        span(12, 12, '12', 24),
        span(13, 13, '13', 27),
        span(14, 14, '14', 30),
        span(15, 15, '15', 33),
        span(16, 16, '16', 36),
        span(17, 17, '17', 39),
      ]),
    );
  });
});

describe('numbers and mixed runs', () => {
  it('reads a number of exactly 10 digits as a port (range-checked later)', () => {
    expect(readPortCell('1234567890')).toEqual(ports([span(1234567890, 1234567890, '1234567890', 0)]));
  });

  it('refuses a run of letters and digits even before ports in parentheses', () => {
    expect(readPortCell('HTTP2 (8443)')).toEqual(unreadable(0, `Unexpected \`HTTP2\` in a port cell, ${expectPort}`));
  });
});

describe('superscript footnotes', () => {
  it('reads a run of superscript digits as one footnote', () => {
    expect(readPortCell('80³²')).toEqual(ports([span(80, 80, '80', 0, [], ['footnote 32'])]));
  });

  it('ends a superscript footnote at the first other character', () => {
    expect(readPortCell('80³, 443')).toEqual(ports([span(80, 80, '80', 0, [], ['footnote 3']), span(443, 443, '443', 5)]));
  });
});

describe('marked footnotes', () => {
  it('reads a marker of up to three letters or digits', () => {
    expect(readPortCell('80[abc]')).toEqual(ports([span(80, 80, '80', 0, [], ['footnote abc'])]));
    expect(readPortCell('80[12]')).toEqual(ports([span(80, 80, '80', 0, [], ['footnote 12'])]));
    expect(readPortCell('80^abc')).toEqual(ports([span(80, 80, '80', 0, [], ['footnote abc'])]));
  });

  it('refuses a bracketed marker of four characters', () => {
    expect(readPortCell('80[abcd]')).toEqual(unreadable(2, 'Unexpected `[` in a port cell, expected a footnote like `[3]`'));
  });

  it('refuses a `[` whose `]` never comes', () => {
    expect(readPortCell('80[3')).toEqual(unreadable(2, 'Unexpected `[` in a port cell, expected a footnote like `[3]`'));
  });

  it('refuses a bare `^` and stops there, even when ports follow', () => {
    expect(readPortCell('80^ 443')).toEqual(unreadable(2, 'Unexpected `^` in a port cell, expected a footnote like `^3`'));
    expect(readPortCell('80 ^')).toEqual(unreadable(3, 'Unexpected `^` in a port cell, expected a footnote like `^3`'));
  });
});

describe('characters it cannot place', () => {
  it('quotes a character outside the Basic Multilingual Plane whole', () => {
    expect(readPortCell('80 \u{1F600}')).toEqual(unreadable(3, `Unexpected \`\u{1F600}\` in a port cell, ${expectPort}`));
  });

  it('quotes U+FFFF alone, as one character', () => {
    expect(readPortCell('\uffff80')).toEqual(unreadable(0, `Unexpected \`\uffff\` in a port cell, ${expectPort}`));
  });

  it('says a `)` needs its `(`', () => {
    expect(readPortCell('80, 443)')).toEqual(unreadable(7, 'Unexpected `)` in a port cell, expected an opening `(` before it'));
  });
});

describe('rule noPort edges', () => {
  it('does not take empty parentheses after `none` as a note', () => {
    expect(readPortCell('none ()')).toEqual(unreadable(0, `Unexpected \`none\` in a port cell, ${expectPort}`));
  });
});

describe('rule wordsAroundPorts edges', () => {
  it('needs a word first, not punctuation', () => {
    expect(readPortCell('+ (80)')).toEqual(unreadable(0, `Unexpected \`+\` in a port cell, ${expectPort}`));
  });

  it('takes only words and joining punctuation before the parentheses', () => {
    expect(readPortCell('port 80 (8080)')).toEqual(unreadable(0, `Unexpected \`port\` in a port cell, ${expectPort}`));
  });

  it('reads protocol words joined by `/` as protocols of the cell', () => {
    expect(readPortCell('TCP/UDP (53)')).toEqual(ports([span(53, 53, '53', 9)], ['TCP', 'UDP']));
  });

  it('keeps a protocol word with another word as a note', () => {
    expect(readPortCell('TCP port (8501)')).toEqual(ports([span(8501, 8501, '8501', 10)], [], ['TCP port']));
  });
});

describe('a parenthetical closing the cell', () => {
  it('qualifies the whole cell when earlier spans have none, however many spans there are', () => {
    expect(readPortCell('80, 443, 8080 (by default)')).toEqual(
      ports([span(80, 80, '80', 0), span(443, 443, '443', 4), span(8080, 8080, '8080', 9)], [], ['by default']),
    );
  });
});

describe('rule label edges', () => {
  it('reads protocol words joined by a hyphen as protocols', () => {
    expect(readPortCell('TCP-UDP: 80')).toEqual(ports([span(80, 80, '80', 9, ['TCP', 'UDP'])]));
  });

  it('gives a protocol label only its protocol words, not its fillers', () => {
    expect(readPortCell('TCP and UDP: 80')).toEqual(ports([span(80, 80, '80', 13, ['TCP', 'UDP'])]));
    expect(readPortCell('TCP only: 80')).toEqual(ports([span(80, 80, '80', 10, ['TCP'])]));
  });

  it('joins label words only by one hyphen glued on both sides', () => {
    expect(readPortCell('Non--secure: 80')).toEqual(unreadable(0, `Unexpected \`Non\` in a port cell, ${expectPort}`));
    expect(readPortCell('Non- secure: 80')).toEqual(unreadable(0, `Unexpected \`Non\` in a port cell, ${expectPort}`));
    expect(readPortCell('Web/Site: 80')).toEqual(unreadable(0, `Unexpected \`Web\` in a port cell, ${expectPort}`));
    expect(readPortCell('Web-')).toEqual(unreadable(0, `Unexpected \`Web\` in a port cell, ${expectPort}`));
  });

  it('needs a word before the colon', () => {
    // `:80` glued is a port with its host left out (rule hostColon); spaced, the colon is no label's.
    expect(readPortCell(': 80 TCP')).toEqual(unreadable(0, `Unexpected \`:\` in a port cell, ${expectPort}`));
  });
});

describe('protocol words before their port', () => {
  it('reads two protocol words in a row before the port', () => {
    expect(readPortCell('TCP UDP 53')).toEqual(ports([span(53, 53, '53', 8, ['TCP', 'UDP'])]));
  });

  it('needs a port, not a word, after the protocol word', () => {
    expect(readPortCell('TCP http')).toEqual(unreadable(4, 'Unexpected `http` in a port cell, expected a port after a protocol word'));
  });

  it('glues a port to its protocol only with a `/`', () => {
    expect(readPortCell('TCP-80')).toEqual(unreadable(3, 'Unexpected `-` in a port cell, expected a port after a protocol word'));
    expect(readPortCell('TCP/http')).toEqual(unreadable(3, 'Unexpected `/` in a port cell, expected a port after a protocol word'));
    expect(readPortCell('TCP/')).toEqual(unreadable(3, 'Unexpected `/` in a port cell, expected a port after a protocol word'));
  });

  it('does not take a parenthetical that names a protocol as a protocol word', () => {
    expect(readPortCell('(TCP) 80')).toEqual(unreadable(0, `Unexpected \`(TCP)\` in a port cell, ${expectPort}`));
  });
});

describe('protocol words after their port', () => {
  it('reads two protocol words in a row after the port', () => {
    expect(readPortCell('53 TCP UDP')).toEqual(ports([span(53, 53, '53', 0, ['TCP', 'UDP'])]));
  });

  it('joins protocol words with a comma', () => {
    expect(readPortCell('53 TCP, UDP')).toEqual(ports([span(53, 53, '53', 0, ['TCP', 'UDP'])]));
  });

  it('keeps each group with its own port when a port stands between them', () => {
    expect(readPortCell('80 TCP 443 UDP')).toEqual(ports([span(80, 80, '80', 0, ['TCP']), span(443, 443, '443', 7, ['UDP'])]));
  });

  it('skips only the word `only`, not any word', () => {
    expect(readPortCell('80 TCP http')).toEqual(unreadable(7, `Unexpected \`http\` in a port cell, ${expectPort}`));
  });

  it('needs a port after a comma that ends the cell', () => {
    expect(readPortCell('80 TCP,')).toEqual(unreadable(6, 'Unexpected `,` in a port cell, expected a port after it'));
  });

  it('takes a parenthetical `(or)` as a note, not as a joining word', () => {
    expect(readPortCell('80 TCP (or) UDP')).toEqual(ports([span(80, 80, '80', 0, ['TCP', 'UDP'], ['or'])]));
  });
});

/**
 * Every place the grammar can get stuck, with the text it quotes, where, and
 * what it says it expected. Where a junk token stands in the place, its own
 * expectation (an unclosed `(`) wins over the place's.
 */
describe('every stuck state', () => {
  const separator = 'expected a separator between ports (`,`, `;`, `and`, `or`, `+`, `&` or a space)';
  it.each<[string, number, string]>([
    // rule label: the label as written, spaces cleaned, colon kept, at its first word.
    ['Dynamic:', 0, 'Unexpected `Dynamic:` in a port cell, expected a port after it'],
    ['  Web\u00a0 UI:', 2, 'Unexpected `Web UI:` in a port cell, expected a port after it'],
    ['Non-secure:', 0, 'Unexpected `Non-secure:` in a port cell, expected a port after it'],
    // protocol words before the port
    ['TCP', 0, 'Unexpected `TCP` in a port cell, expected a port after it'],
    ['TCP/UDP', 4, 'Unexpected `UDP` in a port cell, expected a port after it'],
    ['TCP http', 4, 'Unexpected `http` in a port cell, expected a port after a protocol word'],
    // The junk closing the cell lends its expectation to no earlier token.
    ['TCP http (', 4, 'Unexpected `http` in a port cell, expected a port after a protocol word'],
    ['TCP (', 4, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['TCP )', 4, 'Unexpected `)` in a port cell, expected an opening `(` before it'],
    ['80, TCP 443', 4, 'Unexpected `TCP` in a port cell, expected a port before a protocol word'],
    // rule range
    ['http', 0, `Unexpected \`http\` in a port cell, ${expectPort}`],
    ['80, (', 4, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['80 -', 3, 'Unexpected `-` in a port cell, expected the last port of a range after it'],
    ['80 through', 3, 'Unexpected `through` in a port cell, expected the last port of a range after it'],
    ['80 – x', 5, 'Unexpected `x` in a port cell, expected the last port of a range after `–`'],
    ['80 to http', 6, 'Unexpected `http` in a port cell, expected the last port of a range after `to`'],
    ['80 - (', 5, 'Unexpected `(` in a port cell, expected a closing `)`'],
    // rule slashProtocols
    ['80/', 2, 'Unexpected `/` in a port cell, expected a protocol word or a port after it'],
    ['80/tcp/', 6, 'Unexpected `/` in a port cell, expected a protocol word or a port after it'],
    ['80/http', 3, 'Unexpected `http` in a port cell, expected a protocol word or a port after `/`'],
    ['80/ tcp', 4, 'Unexpected `tcp` in a port cell, expected a protocol word or a port after `/`'],
    ['80/(', 3, 'Unexpected `(` in a port cell, expected a closing `)`'],
    // rule qualifiers
    ['80 ()', 3, 'Unexpected `()` in a port cell, expected a qualifier inside the parentheses'],
    ['80 ( \u00a0)', 3, 'Unexpected `( \u00a0)` in a port cell, expected a qualifier inside the parentheses'],
    // rule separator
    ['80.', 2, `Unexpected \`.\` in a port cell, ${separator}`],
    ['80(', 2, 'Unexpected `(` in a port cell, expected a closing `)`'],
    ['80,', 2, 'Unexpected `,` in a port cell, expected a port after it'],
    ['80;', 2, 'Unexpected `;` in a port cell, expected a port after it'],
    ['80 &', 3, 'Unexpected `&` in a port cell, expected a port after it'],
    ['80 +', 3, 'Unexpected `+` in a port cell, expected a port after it'],
    ['80, and', 4, 'Unexpected `and` in a port cell, expected a port after it'],
    ['80; or', 4, 'Unexpected `or` in a port cell, expected a port after it'],
    // the tokenizer
    ['(80', 0, 'Unexpected `(` in a port cell, expected a closing `)`'],
    [')', 0, 'Unexpected `)` in a port cell, expected an opening `(` before it'],
    ['12345678901', 0, 'Unexpected `12345678901` in a port cell, expected a port of at most 10 digits'],
    // Tokenizing stops at junk, so what it expected stands though text follows.
    ['12345678901 80', 0, 'Unexpected `12345678901` in a port cell, expected a port of at most 10 digits'],
    ['80) 443', 2, 'Unexpected `)` in a port cell, expected an opening `(` before it'],
    ['80 [x', 3, 'Unexpected `[` in a port cell, expected a footnote like `[3]`'],
    ['80 ^', 3, 'Unexpected `^` in a port cell, expected a footnote like `^3`'],
    ['80x', 0, `Unexpected \`80x\` in a port cell, ${expectPort}`],
    ['80 =', 3, `Unexpected \`=\` in a port cell, ${expectPort}`],
  ])('%j', (text, offset, reason) => {
    expect(readPortCell(text)).toEqual(unreadable(offset, reason));
  });
});

describe('a parenthetical closing the cell, counted per item', () => {
  it('stays with the last port when every port has a parenthetical', () => {
    expect(readPortCell('80 (a), 443 (b), 8080 (c)')).toEqual(
      ports([span(80, 80, '80', 0, [], ['a']), span(443, 443, '443', 8, [], ['b']), span(8080, 8080, '8080', 17, [], ['c'])]),
    );
  });

  it('qualifies the cell when a port in the middle has none', () => {
    expect(readPortCell('80 (a), 443, 8080 (c)')).toEqual(
      ports([span(80, 80, '80', 0, [], ['a']), span(443, 443, '443', 8), span(8080, 8080, '8080', 13)], [], ['c']),
    );
  });

  it('counts a footnote as no parenthetical', () => {
    expect(readPortCell('80 *, 443 (b)')).toEqual(ports([span(80, 80, '80', 0, [], ['footnote *']), span(443, 443, '443', 6)], [], ['b']));
  });

  it('is no cell note when a footnote closes the cell after it', () => {
    expect(readPortCell('80, 443 (b) *')).toEqual(ports([span(80, 80, '80', 0), span(443, 443, '443', 4, [], ['b', 'footnote *'])]));
  });

  it('moves only the last of several parentheticals', () => {
    expect(readPortCell('80, 443 (a) (b)')).toEqual(ports([span(80, 80, '80', 0), span(443, 443, '443', 4, [], ['a'])], [], ['b']));
  });
});

/**
 * fast-check generators for documents in each source format, shaped so they
 * reach every branch, and mostly well-formed so most documents lead to
 * records (properties.test.ts measures how many do).
 */
import fc from 'fast-check';

/** Small pieces the parsers care about, mixed into generated documents. */
const piece = fc.constantFrom(
  ' ', '  ', '\t', '**', '*', '`', '[', ']', '(#)', '<i>', '</i>', '|', 'RFC 821.', ' and ', 'More', '---------',
  '{', '}', '"', ':', '<p>', '</p>', '<br>', '<ul><li>', '</li></ul>', '\u00a0', '\uFEFF', '\r', 'é', '<',
);
const noise = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
/** Mostly ports that exist, sometimes the edges and sometimes what no port is. */
const port = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 65535 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('0', '65535', '1023', '1024', '49151', '49152', '225-229', '1024-1030', '65530-65535') },
  { weight: 2, arbitrary: fc.constantFrom('30-20', '70000', '65536', '-5', 'abc', '1-70000', '65535-65536') },
);
const protocolWords = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('TCP', 'UDP', 'TCP UDP', 'tcp', 'SCTP', 'DCCP') },
  { weight: 1, arbitrary: fc.constantFrom('XYZ', 'TCP XYZ') },
);
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Echo', 'Unassigned', 'RESERVED', 'Simple Mail Transfer Protocol (SMTP) RFC 821.', '[FTP](#)', 'A |', '=cmd', '+1', '@SUM(A1)', "'quoted") },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A port-list line in one of the layouts, or noise. */
const portListLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(port, protocolWords, name, noise).map(([p, pr, n, x]) => `${p}\t${pr}\t${n}${x}`) },
  { weight: 2, arbitrary: fc.tuple(port, protocolWords, name).map(([p, pr, n]) => `${p} ${pr} **${n}**`) },
  { weight: 1, arbitrary: fc.tuple(port, protocolWords).map(([p, pr]) => `${p} ${pr}`) },
  { weight: 1, arbitrary: port.map((p) => `- ${p}`) },
  { weight: 1, arbitrary: fc.tuple(protocolWords, name).map(([pr, n]) => `${pr} **${n}**`) },
  { weight: 1, arbitrary: fc.tuple(port, port).map(([a, b]) => `${a}-${b}`) },
  { weight: 1, arbitrary: protocolWords },
  { weight: 2, arbitrary: name },
  { weight: 1, arbitrary: noise.map((x) => `\t${x}`) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant('TCP and UDP port numbers are **ports**.') },
);

/** A port list: lines in every layout the parser knows, with noise. */
export const portListText = fc.array(portListLine, { minLength: 2, maxLength: 40 }).map((lines) => lines.join('\n'));

/** A Markdown page: optional front matter, a table of rows (maybe cut short), an optional legend. */
export const markdownText = fc
  .tuple(
    fc.oneof({ weight: 9, arbitrary: fc.constantFrom('', '{ "title": "T" }', 'Intro.\n\n') }, { weight: 1, arbitrary: fc.constant('{ "title": ') }),
    fc.array(fc.tuple(name, port, protocolWords, noise), { minLength: 2, maxLength: 12 }),
    fc.boolean(),
    fc.array(fc.tuple(name, name), { maxLength: 4 }),
  )
  .map(([front, rows, closed, legend]) =>
    [
      front,
      '<table>',
      '<tr><th>Component</th><th>Port</th><th>Protocol</th></tr>',
      ...rows.map(([n, p, pr, x]) => `<tr><td>${n}${x}</td><td><ul><li>${p}</li></ul></td><td>${pr}</td></tr>`),
      closed ? '</table>' : '',
      '',
      'Legend:',
      '',
      ...legend.map(([term, description]) => `- ${term}: ${description}`),
    ].join('\n'),
  );

/**
 * Byte sequences that are never UTF-8, each a different way to break it.
 * Valid UTF-8 never starts with a continuation byte (0x80–0xBF), so a
 * sequence cut short stays invalid whatever valid text follows it.
 */
export const invalidUtf8Sequences: readonly (readonly number[])[] = [
  [0x80], // a continuation byte with no lead byte
  [0xbf],
  [0xc3], // the lead byte of é without its second byte
  [0xe2, 0x82], // € without its last byte
  [0xf0, 0x9f, 0x98], // an emoji without its last byte
  [0xc0, 0xaf], // an overlong `/`
  [0xe0, 0x80, 0xaf], // an overlong `/` in three bytes
  [0xed, 0xa0, 0x80], // the surrogate U+D800, which UTF-8 may not encode
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80], // the old five-byte form
  [0xfe],
  [0xff],
  [0xe9], // é in Latin-1
];

/** Text before the first bad byte: anything, line endings included. */
const anyString = fc.string({ unit: 'binary', maxLength: 120 });

/**
 * Bytes that are not UTF-8: valid text, one invalid sequence, then anything
 * (more valid text and more invalid bytes). `before` is the text whose end
 * is the place the decoder must report. Each invalid sequence is followed by
 * at least one character of valid text, or by nothing: a continuation byte
 * right after a sequence cut short could complete it.
 */
export const notUtf8 = fc
  .record({
    before: anyString,
    bad: fc.constantFrom(...invalidUtf8Sequences),
    after: fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.option(fc.constantFrom(...invalidUtf8Sequences))), {
      maxLength: 3,
    }),
  })
  .map(({ before, bad, after }) => ({
    before: Buffer.from(before).toString('utf8'),
    bytes: Buffer.concat([
      Buffer.from(before),
      Buffer.from(bad),
      ...after.flatMap(([text, more]) => [Buffer.from(text), Buffer.from(more ?? [])]),
    ]),
  }));

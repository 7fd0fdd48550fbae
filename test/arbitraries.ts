/** fast-check generators for documents in each source format, shaped so they reach every branch. */
import fc from 'fast-check';

/** Small pieces the parsers care about, mixed into generated documents. */
const piece = fc.constantFrom(
  ' ', '  ', '\t', '**', '*', '`', '[', ']', '(#)', '<i>', '</i>', '|', 'RFC 821.', ' and ', 'More', '---------',
  '{', '}', '"', ':', '<p>', '</p>', '<br>', '<ul><li>', '</li></ul>', '\u00a0', '\uFEFF', '\r', 'é', '<',
);
const noise = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const port = fc.oneof(
  fc.integer({ min: 0, max: 65535 }).map(String),
  fc.constantFrom('225-229', '30-20', '70000', '-5', 'abc', '0', '1-70000'),
);
const protocolWords = fc.constantFrom('TCP', 'UDP', 'TCP UDP', 'XYZ', 'TCP XYZ', 'tcp');
const name = fc.oneof(
  fc.constantFrom('Echo', 'Unassigned', 'RESERVED', 'Simple Mail Transfer Protocol (SMTP) RFC 821.', '[FTP](#)', 'A |'),
  fc.string({ maxLength: 20 }),
);

/** A port list: lines in every layout the parser knows, with noise. */
export const portListText = fc
  .array(
    fc.oneof(
      fc.tuple(port, protocolWords, name, noise).map(([p, pr, n, x]) => `${p}\t${pr}\t${n}${x}`),
      fc.tuple(port, protocolWords, name).map(([p, pr, n]) => `${p} ${pr} **${n}**`),
      fc.tuple(port, protocolWords).map(([p, pr]) => `${p} ${pr}`),
      port.map((p) => `- ${p}`),
      fc.tuple(protocolWords, name).map(([pr, n]) => `${pr} **${n}**`),
      fc.tuple(port, port).map(([a, b]) => `${a}-${b}`),
      protocolWords,
      name,
      noise.map((x) => `\t${x}`),
      fc.constant(''),
      fc.constant('TCP and UDP port numbers are **ports**.'),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

/** A Markdown page: optional front matter, a table of rows (maybe cut short), an optional legend. */
export const markdownText = fc
  .tuple(
    fc.constantFrom('', '{ "title": "T" }', '{ "title": ', 'Intro.\n\n'),
    fc.array(fc.tuple(name, port, protocolWords, noise), { maxLength: 12 }),
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

/** Arbitrary text, including bytes that are not UTF-8. */
export const anyText = fc.string({ unit: 'binary', maxLength: 300 });

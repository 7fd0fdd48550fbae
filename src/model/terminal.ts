/**
 * Text bound for a terminal, made inert. Sources are normalized before any
 * reader sees them (input/normalize-text.ts replaces controls by U+FFFD), but
 * a terminal also shows text that never went through that: paths and
 * arguments from the command line, a hostile ports.json given to `diff`, a
 * manifest's strings. An ESC starts a sequence that can recolour, move the
 * cursor or retitle the window; a bidi override reorders what is shown, so a
 * line can read differently than it is. Each such character is shown as
 * what it is instead.
 */

/**
 * C0 controls but tab (a tab only moves right), DEL, C1 controls, and the
 * bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds.
const unsafeInLine = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw of the above: it already escapes every C0 control. */
const unsafeInJson = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * One line for a terminal: `\n` and `\r` as those two characters, other
 * controls as `\xHH`, bidi controls as `<U+202E>`. Idempotent, since what it
 * writes holds no control.
 */
export function terminalLine(text: string): string {
  return text.replace(unsafeInLine, (character) => {
    const code = character.charCodeAt(0);
    const hex = code.toString(16).toUpperCase();
    return named[character] ?? (code < 0x100 ? `\\x${hex.padStart(2, '0').toLowerCase()}` : `<U+${hex}>`);
  });
}

/** Several lines for a terminal: line feeds stay, everything else as `terminalLine`. */
export function terminalText(text: string): string {
  return text.split('\n').map(terminalLine).join('\n');
}

/**
 * JSON text for a terminal: the characters JSON.stringify leaves raw become
 * `\uXXXX` escapes, which parse back to the same data. Such a character can
 * only stand inside a JSON string, where the escape is valid.
 */
export function terminalJson(json: string): string {
  return json.replace(unsafeInJson, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

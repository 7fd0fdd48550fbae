/**
 * Source bytes to text. Sources must be UTF-8 text without NUL bytes; what
 * the text then looks like (byte-order mark, line endings, Unicode spaces) is
 * normalize-text.ts's business.
 */
import { isUtf8 } from 'node:buffer';
import type { VFile } from 'vfile';
import { pointAfter } from '../model/location.js';
import { reporterFor } from '../model/messages.js';

/** The text of `file.value`, or null, with an error on the file, when it is not UTF-8 text. */
export function decodeText(file: VFile): string | null {
  const report = reporterFor(file, 'decode');
  // A view of the bytes, not a copy: a source can be 100 MB.
  const bytes = typeof file.value === 'string' ? Buffer.from(file.value, 'utf8') : Buffer.from(file.value.buffer, file.value.byteOffset, file.value.byteLength);
  if (!isUtf8(bytes)) {
    report('encoding', 'Unexpected bytes that are not UTF-8, expected UTF-8 text', pointAfter(textBeforeFirstInvalidByte(bytes)));
    return null;
  }
  const text = bytes.toString('utf8');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    report('binary', 'Unexpected NUL byte, expected text (is this a binary file?)', pointAfter(text.slice(0, nul)));
    return null;
  }
  return text;
}

/**
 * The decoded text up to the first invalid sequence. Lenient decoding turns
 * each invalid sequence into U+FFFD; the first U+FFFD that the source did not
 * itself spell as the bytes EF BF BD marks the spot.
 */
function textBeforeFirstInvalidByte(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  let byteOffset = 0;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    byteOffset += Buffer.byteLength(text.slice(from, index));
    from = index;
    const spelled = bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd;
    if (!spelled) return text.slice(0, index);
  }
  return text;
}

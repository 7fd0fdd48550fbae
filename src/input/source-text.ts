/** A source file as its readers see it: decoded (decode.ts), then normalized with a way back to the original's places (normalize-text.ts). */
import type { VFile } from 'vfile';
import { decodeText } from './decode.js';
import { normalizeText, type NormalizedText } from './normalize-text.js';

/** Decodes and normalizes `file.value`, and puts the normalized text in it. Null, with an error on the file, when it is not text. */
export function readSourceText(file: VFile): NormalizedText | null {
  const text = decodeText(file);
  if (text === null) return null;
  const normalized = normalizeText(text);
  file.value = normalized.text;
  return normalized;
}

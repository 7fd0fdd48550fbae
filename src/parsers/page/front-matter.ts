/**
 * JSON front matter: a document that opens with a JSON object `{…}` directly
 * followed by its body (no `---` fences, not YAML).
 */

export type FrontMatter =
  | { kind: 'none' }
  | { kind: 'object'; data: Record<string, unknown>; end: number }
  | { kind: 'invalid'; reason: string; offset: number };

/**
 * Finds a leading JSON object. Scans once, tracking strings and escapes, to
 * find the brace that closes the first one, then hands that slice to JSON.parse.
 */
export function readJsonFrontMatter(text: string): FrontMatter {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return { kind: 'none' };
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return parseObject(text.slice(start, index + 1), start, index + 1);
    }
  }
  return {
    kind: 'invalid',
    reason: 'Unexpected end of file in JSON front matter, expected `}`',
    offset: start,
  };
}

function parseObject(json: string, start: number, end: number): FrontMatter {
  try {
    const data: unknown = JSON.parse(json);
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      return { kind: 'object', data: data as Record<string, unknown>, end };
    }
    return { kind: 'invalid', reason: 'Unexpected JSON front matter, expected an object', offset: start };
  } catch (error) {
    // JSON.parse reports problems only as SyntaxError text; keep it for the user.
    const detail = error instanceof SyntaxError ? error.message : String(error);
    return { kind: 'invalid', reason: `Unexpected JSON front matter (${detail}), expected valid JSON`, offset: start };
  }
}

/**
 * Replaces the front matter with spaces, keeping line breaks, so the body
 * can be parsed on its own while every offset and line number stays true.
 */
export function blankOut(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

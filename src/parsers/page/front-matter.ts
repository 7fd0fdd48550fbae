/**
 * Front matter: the metadata block a page may open with.
 *
 * - YAML between `---` fences (Jekyll, Hugo, Docusaurus, MkDocs), read with `yaml`;
 * - TOML between `+++` fences (Hugo), read with `smol-toml`;
 * - a JSON object `{…}` directly followed by the body (Hugo, and the Transfer
 *   CFT page), or between `;;;` fences.
 *
 * Each is parsed by a library made for it; this module only finds where the
 * block ends, so the body can be read on its own with every offset kept.
 */
import { createRequire } from 'node:module';
import type * as SmolToml from 'smol-toml';
import type * as Yaml from 'yaml';

// Most pages have no YAML or TOML front matter, and loading either parser
// costs more start-up than reading a page: each is loaded at its first use.
const load = createRequire(import.meta.url);
const yaml = () => load('yaml') as typeof Yaml;
const toml = () => load('smol-toml') as typeof SmolToml;

export type FrontMatter =
  | { kind: 'none' }
  | { kind: 'object'; data: Record<string, unknown>; end: number }
  | { kind: 'invalid'; reason: string; offset: number };

/** Reads the front matter that opens `text`, if any. Never throws. */
export function readFrontMatter(text: string): FrontMatter {
  const fence = /^(---|\+\+\+|;;;)[ \t]*\n/.exec(text);
  if (fence?.[1]) return readFenced(text, fence[1] as keyof typeof languages, fence[0].length);
  return readJsonFrontMatter(text);
}

const languages = { '---': 'YAML', '+++': 'TOML', ';;;': 'JSON' } as const;

function readFenced(text: string, fence: keyof typeof languages, bodyStart: number): FrontMatter {
  const language = languages[fence];
  const close = new RegExp(`^${fence.replace(/[+]/g, '\\+')}[ \\t]*$`, 'm');
  const rest = text.slice(bodyStart);
  const match = close.exec(rest);
  if (!match) {
    return { kind: 'invalid', reason: `Unexpected end of file in ${language} front matter, expected a closing \`${fence}\``, offset: 0 };
  }
  const source = rest.slice(0, match.index);
  const end = bodyStart + match.index + match[0].length;
  try {
    const data: unknown = language === 'YAML' ? yaml().parse(source) : language === 'TOML' ? toml().parse(source) : JSON.parse(`{${source}}`);
    if (data === null || data === undefined) return { kind: 'object', data: {}, end };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { kind: 'invalid', reason: `Unexpected ${language} front matter, expected a mapping`, offset: bodyStart };
    }
    return { kind: 'object', data: data as Record<string, unknown>, end };
  } catch (error) {
    // The parsers say what is wrong only in their error text; keep it for the user.
    const known = error instanceof SyntaxError || (language === 'YAML' && error instanceof yaml().YAMLParseError) || (language === 'TOML' && error instanceof toml().TomlError);
    if (!known) throw error;
    const detail = error.message.split('\n')[0] ?? '';
    return { kind: 'invalid', reason: `Unexpected ${language} front matter (${detail}), expected valid ${language}`, offset: bodyStart };
  }
}

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
  return text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** The page's own title, from the front matter's `title` (or `TOCTitle`, `linkTitle`), if it is text. */
export function titleOf(data: Record<string, unknown>): string | null {
  for (const key of ['title', 'TOCTitle', 'linkTitle']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/**
 * Which texts of the data become links, and to where. Only http and https
 * addresses are links: a source's `url` is anything the manifest's `uri`
 * format allows (`javascript:…` and `data:…` included), and those stay text.
 * A record's line links into the upstream file where the manifest says
 * where its bytes were copied from on GitHub (`origin.url`, a raw file),
 * else to the source's page.
 */
import type { WebSource } from '../model/web-data.js';

/** The text as an http(s) address, normalized by the URL parser; null when it is anything else. */
export function webAddress(text: string | null): string | null {
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not an absolute address: shown as text.
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * Where to read a record's line: the file on GitHub at that line (shown as
 * text, `?plain=1`, since GitHub renders Markdown and its line anchors then
 * point nowhere), else the source's page, else nothing.
 */
export function lineAddress(source: Pick<WebSource, 'url' | 'origin'>, line: number): string | null {
  const blob = githubBlob(source.origin);
  return blob === null ? webAddress(source.url) : `${blob}?plain=1#L${line}`;
}

/**
 * A GitHub raw-file address as the page that shows the file:
 * `https://raw.githubusercontent.com/OWNER/REPO/REF/PATH` or
 * `https://github.com/OWNER/REPO/raw/REF/PATH` become
 * `https://github.com/OWNER/REPO/blob/REF/PATH`; anything else is null.
 */
export function githubBlob(origin: string | null): string | null {
  const address = webAddress(origin);
  if (address === null) return null;
  const url = new URL(address);
  if (url.protocol !== 'https:') return null;
  const parts = url.pathname.split('/').slice(1);
  const named = (part: string | undefined): part is string => part !== undefined && part !== '' && part !== '.' && part !== '..';
  if (url.host === 'raw.githubusercontent.com') {
    const [owner, repository, ...rest] = parts;
    if (!named(owner) || !named(repository) || rest.length < 2 || !rest.every(named)) return null;
    return `https://github.com/${owner}/${repository}/blob/${rest.join('/')}`;
  }
  if (url.host === 'github.com') {
    const [owner, repository, raw, ...rest] = parts;
    if (!named(owner) || !named(repository) || raw !== 'raw' || rest.length < 2 || !rest.every(named)) return null;
    return `https://github.com/${owner}/${repository}/blob/${rest.join('/')}`;
  }
  return null;
}

/**
 * Downloads one source document for `port-catalog fetch`, with Node's own
 * fetch and the limits a data tool needs: a timeout for the whole transfer,
 * a size limit read as the bytes arrive (never trusting Content-Length), a
 * bounded number of redirects (followed by hand, so a loop is caught), and
 * checks that the body is what the manifest expects: UTF-8 text, and not an
 * HTML page where another format was expected (an error page or a site's
 * HTML rendering of a Markdown file). Every failure is one line of reason.
 */

export interface DownloadLimits {
  /** For the whole transfer, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const defaultLimits: DownloadLimits = { timeoutMs: 30_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/** A download that could not give the document, with the reason in one line. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** The bytes at `url`, checked to be UTF-8 text, and HTML only where `expectsHtml`. Throws a DownloadError saying why not. */
export async function download(url: string, expectsHtml: boolean, limits: DownloadLimits = defaultLimits): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let address = url;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetch(address, { redirect: 'manual', signal, headers: { accept: 'text/plain, text/markdown, text/*;q=0.9, */*;q=0.1' } });
    } catch (error) {
      throw new DownloadError(failureOf(error, limits));
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (redirects >= limits.maxRedirects) throw new DownloadError(`more than ${limits.maxRedirects} redirects (last to ${response.headers.get('location') ?? ''})`);
      address = new URL(response.headers.get('location') ?? '', address).href;
      if (!/^https?:/.test(address)) throw new DownloadError(`a redirect to \`${address}\`, expected http or https`);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DownloadError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const bytes = await readLimited(response, limits);
    checkText(bytes, response.headers.get('content-type') ?? '', expectsHtml);
    return bytes;
  }
}

/** The body, read as it arrives, failing as soon as it passes the size limit. */
async function readLimited(response: Response, limits: DownloadLimits): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new DownloadError(`${declared} bytes, over the limit of ${limits.maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw new DownloadError(`more than ${limits.maxBytes} bytes, over the limit`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(failureOf(error, limits));
  }
  return Buffer.concat(chunks);
}

const htmlOpening = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i;

/** UTF-8 text, and an HTML page only where one is expected (by content type or by its first bytes). */
function checkText(bytes: Buffer, contentType: string, expectsHtml: boolean): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DownloadError('bytes that are not UTF-8 text');
  }
  if (!expectsHtml && (/^\s*text\/html\b/i.test(contentType) || htmlOpening.test(text.slice(0, 1024)))) {
    throw new DownloadError(`an HTML page (${contentType || 'by its first bytes'}) where the manifest's format expects its own text: is the URL the raw file?`);
  }
}

/** A fetch failure in words: the timeout, or the network's own reason. */
function failureOf(error: unknown, limits: DownloadLimits): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no complete answer within ${limits.timeoutMs / 1000} s`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : '';
    return cause ? `${error.message} (${cause})` : error.message;
  }
  return String(error);
}

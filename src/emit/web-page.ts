/**
 * index.html: the catalog as a web page, one file that works opened from disk
 * (file://, where a page may not fetch its neighbours) and as a static site.
 * It holds three things: the page's code and style, bundled when the project
 * compiles (compile/bundle-web.ts) and handed in as text, and the data
 * (emit/web-data.ts) in a `<script type="application/json">`, which the
 * browser never runs.
 *
 * The markup here is a fixed shell: the code builds the page, and puts every
 * text of a source in as text. A Content-Security-Policy lets nothing run
 * but that code (by its sha256) and nothing load at all, so no request
 * leaves the page, and with Trusted Types a string can never become markup.
 */
import { createHash } from 'node:crypto';

/** The page's code and style, as bundled for the browser. */
export interface WebApp {
  script: string;
  style: string;
}

/** The page's text in chunks: the shell, the style, the data, the code. `data` is emitWebData's JSON, which holds no `<`. */
export function* webPageChunks(app: WebApp, data: string, generator: { name: string; version: string }): Generator<string> {
  const script = inertIn('script', app.script);
  const style = inertIn('style', app.style);
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    `<meta name="generator" content="${attribute(`${generator.name} ${generator.version}`)}">`,
    '<title>Port catalog</title>',
    // An icon from nowhere, so the browser asks no server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<noscript><p>This page searches the catalog in the browser, with JavaScript. The same data is in ports.json, ports.csv and ports.md beside it.</p></noscript>',
    `<script type="application/json" id="catalog-data">`,
  ].join('\n');
  // emitWebData writes every `<` as `\u003c`, so the data holds none: a look for one is the whole guard.
  if (data.includes('<')) throw new Error('internal error: the page data holds `<`');
  yield data;
  yield `</script>\n<script>${script}</script>\n</body>\n</html>\n`;
}

/** The CSP source for an inline element's text. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The text, checked to stay inside its element: the HTML parser ends a
 * `<script>` or `<style>` at its closing tag whatever the text around it
 * means, and `<!--` changes how a script's text is read. Bundled code
 * never holds them (compile/bundle-web.ts checks); this is a guard.
 */
function inertIn(element: 'script' | 'style', text: string): string {
  if (new RegExp(`</${element}|<!--`, 'i').test(text)) throw new Error(`internal error: the page's ${element} holds \`</${element}\` or \`<!--\``);
  return text;
}

/** Text for a double-quoted attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

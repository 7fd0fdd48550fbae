/**
 * Stack traces that name the TypeScript line, with source maps read only
 * when a trace is written. Node's own mapping (`--enable-source-maps`,
 * process.setSourceMapsEnabled) reads and parses the map of every module as
 * it loads, which cost a build about a twentieth of its time, for traces
 * that a run almost never writes. Here V8 asks for a trace only when an
 * error's `stack` is first read, and only the maps of the frames in it are
 * read then.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Each compiled file's map, or null when it has none; read at most once. */
const maps = new Map<string, { map: SourceMap; url: URL } | null>();

function mapOf(file: string): { map: SourceMap; url: URL } | null {
  let found = maps.get(file);
  if (found === undefined) {
    found = null;
    try {
      // Every file the bundler writes has its map beside it, as `<file>.map`.
      const mapPath = `${file.startsWith('file:') ? fileURLToPath(file) : file}.map`;
      found = { map: new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]), url: pathToFileURL(mapPath) };
    } catch {
      // No readable map (Node's own modules, a file built without one): the frame stays as V8 wrote it.
    }
    maps.set(file, found);
  }
  return found;
}

/** One frame as V8 writes it, with its place in the compiled file replaced by the place in the source. */
function mappedFrame(site: NodeJS.CallSite): string {
  const written = String(site);
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!file || line === null || column === null) return written;
  const found = mapOf(file);
  if (!found) return written;
  const origin = found.map.findEntry(line - 1, column - 1);
  if (!('originalSource' in origin)) return written;
  const source = fileURLToPath(new URL(origin.originalSource, found.url));
  return written.replace(`${file}:${line}:${column}`, `${source}:${origin.originalLine + 1}:${origin.originalColumn + 1}`);
}

/** From now on, every stack trace of this process names source files and lines where a map says them. */
export function mapStackTraces(): void {
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) =>
    [Error.prototype.toString.call(error), ...sites.map((site) => `    at ${mappedFrame(site)}`)].join('\n');
}

/**
 * `port-catalog fetch` against a local HTTP server (node:http on 127.0.0.1,
 * started here): nothing reaches beyond the machine. Each upstream answer
 * the command must handle is a route of the server.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { captureOutput, folderWith } from './helpers.js';

const page = '# Ports\n\n| Service | Port |\n| --- | --- |\n| Web | 8080 |\n';
const changed = '# Ports\n\n| Service | Port |\n| --- | --- |\n| Web | 8080 |\n| Admin | 9443 |\n';
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const commit = 'a'.repeat(40);

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const route = request.url ?? '';
    if (route === '/same.md') response.end(page);
    else if (route === `/${commit}/changed.md`) response.end(changed);
    else if (route === '/missing.md') response.writeHead(404, 'Not Found').end('no');
    else if (route === '/broken.md') response.writeHead(500, 'Internal Server Error').end('oops');
    else if (route === '/slow.md') setTimeout(() => response.end(page), 3000).unref();
    else if (route === '/huge.md') response.end('x'.repeat(2048));
    else if (route === '/loop.md') response.writeHead(302, { location: '/loop.md' }).end();
    else if (route === '/moved.md') response.writeHead(301, { location: '/same.md' }).end();
    else if (route === '/latin1.md') response.end(Buffer.from([0x50, 0x6f, 0x72, 0x74, 0xe9, 0x0a]));
    else if (route === '/rendered.md') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body>Ports</body></html>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const { stdout, stderr } = captureOutput();

/** A sources folder with one entry per route, each holding `page` as committed. */
async function sourcesFor(routes: string[]) {
  const entries = routes.map((route, index) => ({
    id: `s${index}`,
    file: `s${index}.md`,
    format: 'markdown',
    title: route,
    url: null,
    origin: { url: `${base}/${route}` },
    sha256: sha(page),
    columns: { Service: 'name', Port: 'port' },
  }));
  const manifest = `${JSON.stringify({ sources: entries }, null, 2)}\n`;
  const folder = await folderWith({ 'sources.json': manifest, ...Object.fromEntries(entries.map((entry) => [entry.file, page])) });
  return { folder, manifest };
}

describe('port-catalog fetch', () => {
  it('says unchanged, and writes nothing, when upstream has the committed bytes (a redirect followed)', async () => {
    const { folder, manifest } = await sourcesFor(['same.md', 'moved.md']);
    expect(await main(['fetch', '--sources', folder])).toBe(0);
    expect(stdout).toEqual(['s0: unchanged', 's1: unchanged']);
    expect(await readFile(path.join(folder, 'sources.json'), 'utf8')).toBe(manifest);
  });

  it('writes changed bytes and records their sha256 and the commit the URL names, keeping the manifest\'s layout', async () => {
    const { folder, manifest } = await sourcesFor(['same.md', `${commit}/changed.md`]);
    expect(await main(['fetch', '--sources', folder])).toBe(0);
    expect(stdout).toEqual(['s0: unchanged', `s1: updated (${page.length} → ${changed.length} bytes, +${changed.length - page.length})`]);
    expect(await readFile(path.join(folder, 's1.md'), 'utf8')).toBe(changed);
    const written = await readFile(path.join(folder, 'sources.json'), 'utf8');
    const entry = (JSON.parse(written) as { sources: { sha256: string; origin: { commit?: string } }[] }).sources[1];
    expect(entry?.sha256).toBe(sha(changed));
    expect(entry?.origin.commit).toBe(commit);
    // Only the two values changed: every other line of the manifest is as it was.
    const before = manifest.split('\n');
    const after = written.split('\n');
    expect(after.filter((line) => !before.includes(line))).toEqual([`        "url": "${base}/${commit}/changed.md",`, `        "commit": "${commit}"`, `      "sha256": "${sha(changed)}",`]);
    expect(await readdir(folder)).toEqual(['s0.md', 's1.md', 'sources.json']);
  });

  it('with --check says what would change, exits 1, and writes nothing', async () => {
    const { folder, manifest } = await sourcesFor([`${commit}/changed.md`]);
    expect(await main(['fetch', '--check', '--sources', folder])).toBe(1);
    expect(stdout).toEqual([`s0: would update (${page.length} → ${changed.length} bytes, +${changed.length - page.length})`]);
    expect(await readFile(path.join(folder, 's0.md'), 'utf8')).toBe(page);
    expect(await readFile(path.join(folder, 'sources.json'), 'utf8')).toBe(manifest);
    expect(await main(['fetch', '--check', '--sources', (await sourcesFor(['same.md'])).folder])).toBe(0);
  });

  it('gives each failure one line with its reason, exits 1, and leaves every file as it was', async () => {
    const routes = ['missing.md', 'broken.md', 'slow.md', 'huge.md', 'loop.md', 'latin1.md', 'rendered.md'];
    const { folder, manifest } = await sourcesFor(routes);
    expect(await main(['fetch', '--sources', folder, '--timeout', '1', '--max-bytes', '1024'])).toBe(1);
    expect(stdout).toEqual([
      's0: failed (HTTP 404 Not Found)',
      's1: failed (HTTP 500 Internal Server Error)',
      's2: failed (no complete answer within 1 s)',
      's3: failed (2048 bytes, over the limit of 1024)',
      `s4: failed (more than 5 redirects (last to /loop.md))`,
      's5: failed (bytes that are not UTF-8 text)',
      "s6: failed (an HTML page (text/html; charset=utf-8) where the manifest's format expects its own text: is the URL the raw file?)",
    ]);
    expect(await readFile(path.join(folder, 'sources.json'), 'utf8')).toBe(manifest);
    for (const index of routes.keys()) expect(await readFile(path.join(folder, `s${index}.md`), 'utf8')).toBe(page);
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 15_000);

  it('refuses an unknown id or one without an origin, naming the nearest', async () => {
    const { folder } = await sourcesFor(['same.md']);
    expect(await main(['fetch', 's9', '--sources', folder])).toBe(2);
    expect(stderr).toEqual(['port-catalog: Unexpected source `s9` (did you mean `s0`?), expected the id of a manifest entry']);
  });
});

describe('a source whose bytes differ from its recorded sha256', () => {
  it('fails build and check, naming the file and the way to mend it', async () => {
    const { folder } = await sourcesFor(['same.md']);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(folder, 's0.md'), `${page} `);
    expect(await main(['check', '--sources', folder, '--out', await folderWith({})])).toBe(1);
    expect(stderr[0]).toBe(
      `${path.relative(process.cwd(), path.join(folder, 'sources.json'))}:12:17: error: Unexpected sha256 ${sha(`${page} `).slice(0, 12)}… of \`s0.md\`, expected ${sha(page).slice(0, 12)}… as its entry records; a copied page is never edited by hand: run \`port-catalog fetch s0\` to copy it afresh, or set \`sha256\` to ${sha(`${page} `)} if the change is deliberate (manifest:sha256)`,
    );
  });
});

/**
 * A build embeds the web page's code as `npm run compile` bundled it
 * (files/web-app.ts reads dist/web/): byte for byte, under the page's
 * policy hashes; and without the bundle a build is one line and writes
 * nothing, since the page is part of every build.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { MissingWebAppError, loadWebApp, webAppFiles } from '../src/files/web-app.js';
import { captureOutput, folderWith, rejectionMessage } from './helpers.js';

/** Files whose reading fails as a missing file does. */
const missing = vi.hoisted(() => ({ files: new Set<string>() }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (async (file: Parameters<typeof actual.readFile>[0], options?: Parameters<typeof actual.readFile>[1]) => {
    const name = file instanceof URL ? file.pathname : String(file);
    if (missing.files.has(name)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${name}'`), { code: 'ENOENT' });
    return actual.readFile(file, options);
  }) as typeof actual.readFile;
  return { ...actual, default: { ...actual, readFile }, readFile };
});

const { stderr } = captureOutput();

afterEach(() => {
  missing.files.clear();
});

describe('the web page\u2019s bundled code', () => {
  it('is read from dist/web as compiled', async () => {
    const app = await loadWebApp();
    expect(app.script).toBe(readFileSync(webAppFiles.script, 'utf8'));
    expect(app.style).toBe(readFileSync(webAppFiles.style, 'utf8'));
    expect(app.script.length).toBeGreaterThan(1000);
  });

  it('stands in the committed page as it is, and the page\u2019s policy lets exactly it run', () => {
    const page = readFileSync('output/index.html', 'utf8');
    const app = { script: readFileSync(webAppFiles.script, 'utf8'), style: readFileSync(webAppFiles.style, 'utf8') };
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(page).toContain(`<script>${app.script}</script>`);
    expect(page).toContain(`<style>${app.style}</style>`);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
    expect(policy?.split('; ')).toEqual([
      "default-src 'none'",
      `script-src ${hash(app.script)}`,
      `style-src ${hash(app.style)}`,
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      "require-trusted-types-for 'script'",
      "trusted-types 'none'",
    ]);
  });

  it('missing is an error that names the file and says how to make it', async () => {
    missing.files.add(webAppFiles.script.pathname);
    const message = await rejectionMessage(loadWebApp());
    expect(message).toBe(`cannot read ${webAppFiles.script.pathname}, the web page's bundled code: run \`npm run compile\` first`);
    await expect(loadWebApp()).rejects.toBeInstanceOf(MissingWebAppError);
  });

  it('missing stops a build with that one line, before anything is written', async () => {
    missing.files.add(webAppFiles.style.pathname);
    const parent = await folderWith({});
    expect(await main(['build', '--out', path.join(parent, 'out'), '--quiet'])).toBe(1);
    expect(stderr).toEqual([`port-catalog: cannot read ${webAppFiles.style.pathname}, the web page's bundled code: run \`npm run compile\` first`]);
    expect(await readdir(parent)).toEqual([]);
  });
});

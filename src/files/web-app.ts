/**
 * The web page's code and style as `npm run compile` bundled them
 * (compile/bundle-web.ts) into dist/web/, read for a build to embed in
 * index.html. They ship with the package, so a build from an installed copy
 * writes the same page.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { WebApp } from '../emit/web-page.js';
import { packageFile } from '../model/package-files.js';

/** Where the bundle is: dist/web/ of the package, whether the code runs from src/ or dist/. */
export const webAppFiles = { script: packageFile('dist/web/app.js'), style: packageFile('dist/web/style.css') } as const;

/** A bundle that is not there: the code was not compiled, or only by tsc. */
export class MissingWebAppError extends Error {
  constructor(readonly file: string) {
    super(`cannot read ${file}, the web page's bundled code: run \`npm run compile\` first`);
    this.name = 'MissingWebAppError';
  }
}

/** The bundled code and style; a MissingWebAppError when either is missing. */
export async function loadWebApp(): Promise<WebApp> {
  const read = (url: URL) =>
    readFile(url, 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') throw new MissingWebAppError(fileURLToPath(url));
      throw error;
    });
  const [script, style] = await Promise.all([read(webAppFiles.script), read(webAppFiles.style)]);
  return { script, style };
}

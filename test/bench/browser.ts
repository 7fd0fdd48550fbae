/**
 * A headless Chromium for the web page's tests and benchmark: the one named
 * by CHROME_PATH, else Debian's /usr/bin/chromium when it is installed, else
 * the one inside the @sparticuz/chromium package (unpacked to /tmp on first
 * use), so the tests run with nothing downloaded.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Which Chromium, and the flags it runs with. */
async function chromium(): Promise<{ executablePath: string; args: string[] }> {
  const named = process.env.CHROME_PATH;
  if (named) return { executablePath: named, args: ['--no-sandbox'] };
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { executablePath: await packaged.executablePath(), args: [...packaged.args] };
}

/** A headless browser; close it when done. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await chromium();
  return puppeteer.launch({ executablePath, args: [...args, '--allow-file-access-from-files=false'], headless: true });
}

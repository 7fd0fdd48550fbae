/**
 * Time to a usable web page: output/index.html opened from disk in headless
 * Chromium until its search box has answered a query (`6801`, whose rows
 * must show), against a blank page opened the same way until it can answer
 * a script. Each run opens a fresh browser context, so nothing the first
 * load compiled or cached helps the next; A and B take turns in one browser.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './browser.js';

export interface PageLoad {
  /** Median milliseconds from navigation to the search's first rows. */
  page: number;
  /** Median milliseconds from navigation to a blank page answering a script. */
  blank: number;
  /** Median of the pairs' ratios. */
  ratio: number;
  /** The page's size in bytes. */
  bytes: number;
}

// Run in the page as text: this file is compiled without the DOM's types.
const answered = `(() => {
  const box = document.getElementById('search-box');
  if (!document.documentElement.dataset.ready || !box) return false;
  if (box.value !== '6801') { box.value = '6801'; box.form.requestSubmit(); }
  return document.querySelectorAll('#search-results tr[data-key]').length > 0;
})()`;

async function timed(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const start = performance.now();
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    await tab.waitForFunction(ready, { polling: 'raf', timeout: 30_000 });
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

/** The page against a blank one, `runs` pairs after one warm-up pair. */
export async function measurePageLoad(pagePath: string, work: string, runs: number, bytes: number): Promise<PageLoad> {
  const blankPath = path.join(work, 'blank.html');
  writeFileSync(blankPath, '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n');
  const page = pathToFileURL(pagePath).href;
  const blank = pathToFileURL(blankPath).href;
  const browser = await launchBrowser();
  try {
    await timed(browser, page, answered);
    await timed(browser, blank, 'document.readyState !== "loading"');
    const pages: number[] = [];
    const blanks: number[] = [];
    for (let run = 0; run < runs; run++) {
      pages.push(await timed(browser, page, answered));
      blanks.push(await timed(browser, blank, 'document.readyState !== "loading"'));
    }
    const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    return { page: median(pages), blank: median(blanks), ratio: median(pages.map((each, index) => each / (blanks[index] ?? Number.NaN))), bytes };
  } finally {
    await browser.close();
  }
}

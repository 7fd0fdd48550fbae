/**
 * The catalog's web page (output/index.html) in a real browser, opened from
 * disk as a reader opens it: it searches as `lookup` answers (the same
 * records for a shared list of queries, read from the rows' keys), filters,
 * shows a product's view, runs the search of a map cell chosen by keyboard
 * or pointer, answers free ports as `free` does, shows hostile text as text
 * and runs none of it, links only to web addresses, asks no server for
 * anything, and has no serious or critical accessibility violation.
 *
 * One browser for the file, a page per test. With PORT_CATALOG_SCREENSHOT=1
 * the run also writes test/screenshots/web-page.png, the README's picture.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictsCommand, freeCommand, lookupCommand } from '../src/commands/queries.js';
import { launchBrowser } from './bench/browser.js';
import { folderWith } from './helpers.js';
import { formatPortRange, sharedPorts } from '../src/model/record.js';

let browser: Browser;
const committed = pathToFileURL(path.resolve('output/index.html')).href;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** Every address the page asked for. */
  requests: string[];
  /** Errors the page threw or logged. */
  errors: string[];
}

/** A new tab with the page at `url`, once it has built itself. */
async function open(url: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => void requests.push(request.url()));
  page.on('pageerror', (error) => void errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready]', { timeout: 10_000 });
  return { page, requests, errors };
}

/**
 * Puts a query in the search box as a paste does, and submits it with Enter.
 * The page searches on submit only, so this is what typing it key by key
 * gives, at one round trip to the browser instead of three per character.
 */
async function searchFor(page: Page, text: string): Promise<void> {
  await page.$eval(
    '#search-box',
    (box, query) => {
      (box as HTMLInputElement).value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  await page.focus('#search-box');
  await page.keyboard.press('Enter');
}

/** The record keys of every result row, after showing every page of rows. */
async function resultKeys(page: Page, within = '#search-results'): Promise<string[]> {
  for (;;) {
    const more = await page.$(`${within} button.more:not([hidden])`);
    if (!more) break;
    await more.click();
  }
  return page.$$eval(`${within} tr[data-key]`, (rows) => rows.map((row) => row.getAttribute('data-key') ?? ''));
}

const statusText = (page: Page) => page.$eval('#search-status', (status) => status.textContent ?? '');

/** The key a row of the page carries for a record, written here from the record's fields as `lookup --json` gives them. */
function keyOf(hit: { role: string; portStart: number; portEnd: number; protocol: string; status: string; serviceName: string | null; name: string | null; product: string | null; configKey: string | null; sources: { source: string; line: number }[] }): string {
  const sources = hit.sources.map((ref) => `${ref.source}:${ref.line}`).join(',');
  return `${hit.role}|${hit.portStart}-${hit.portEnd}/${hit.protocol}|${hit.status}|${hit.serviceName ?? ''}|${hit.name ?? ''}|${hit.product ?? ''}|${hit.configKey ?? ''}|${sources}`;
}

type LookupJson = { query: string; records: Parameters<typeof keyOf>[0][] }[];

/** What the command line's lookup answers: the keys of its records, or the line it prints for a query it cannot read. */
async function cliLookup(query: string, out: string, product?: string): Promise<string[] | string> {
  const answer = await lookupCommand([query], { out, json: true, ...(product ? { product } : {}) });
  if (answer.code === 2) return (answer.stderr[0] ?? '').replace(/^port-catalog: /, '');
  return (JSON.parse(answer.stdout.join('')) as LookupJson).flatMap((each) => each.records.map(keyOf));
}

/** Queries of every kind lookup takes, and some it refuses; none of them depends on the catalog's size. */
const sharedQueries = [
  // ports
  '6801', '22', '80', '443', '0', '1', '7', '3306', '8080', '65535', '49152',
  // ports and protocols
  '22/udp', '6801/tcp', '53/udp', '80/sctp', '9/dccp', '6801/UDP',
  // ranges
  '8000-8100', '1760-1770', '6000-6063', '0-10', '49150-49160', '6801-6801', '1,2',
  // keywords and aliases
  'ssh', 'www', 'acnet', 'http', 'domain', 'cft-0',
  // words of a name, a product
  'secure shell', 'Secure Relay', 'file transfer', 'Transfer CFT', 'transfer cft', 'ACNET Control', 'service',
  // nothing matches, or lookup refuses the query
  'zzzz-no-such-service', '70000', '22/icmp', '!!', '10-5', '6801/', '1-2-3',
];

describe('the committed page, opened from disk', () => {
  it('searching 6801 shows Transfer CFT\u2019s record and the reference\u2019s acnet, each marked with the conflict and its reason', async () => {
    const { page, requests, errors } = await open(committed);
    await searchFor(page, '6801');
    const keys = await resultKeys(page);
    expect(keys).toContain('catalog|6801-6801/tcp|assigned||Secure Relay MA|Transfer CFT|ma.comm_port|transfer-cft-ports:56');
    expect(keys).toContain('reference|6801-6801/tcp|assigned|acnet|ACNET Control System Protocol|||iana:39062');
    expect(keys).toContain('reference|6801-6801/udp|assigned|acnet|ACNET Control System Protocol|||iana:39066');
    const reason = '"Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword, acronym, product or significant word';
    const marks = await page.$$eval('#search-results tr[data-key]', (rows) => rows.map((row) => [row.getAttribute('data-key'), row.className, row.lastElementChild?.textContent ?? '']));
    const relay = marks.find(([key]) => key?.startsWith('catalog|6801-6801/tcp|'));
    const acnet = marks.find(([key]) => key?.startsWith('reference|6801-6801/tcp|'));
    expect(relay?.[1]).toBe('flagged');
    expect(acnet?.[1]).toBe('flagged');
    // Other vendors' clashes on 6801 may be marked beside it; this conflict must be.
    expect(relay?.[2]).toContain(`Conflict: ${reason}`);
    expect(acnet?.[2]).toContain(`Conflict: ${reason}`);
    // Each source line links to its upstream page.
    const links = (key: string) =>
      page.$eval(`#search-results tr[data-key="${key}"]`, (row) => [...row.querySelectorAll('a')].map((anchor) => [anchor.textContent, anchor.getAttribute('href')]));
    expect(await links('catalog|6801-6801/tcp|assigned||Secure Relay MA|Transfer CFT|ma.comm_port|transfer-cft-ports:56')).toEqual([['transfer-cft-ports:56', 'https://docs.axway.com/']]);
    expect(await links('reference|6801-6801/tcp|assigned|acnet|ACNET Control System Protocol|||iana:39062')).toEqual([
      ['iana:39062', 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml'],
    ]);
    expect(await statusText(page)).toBe(`${keys.length} records match \u201c6801\u201d.`);
    expect(await page.evaluate(() => location.hash)).toBe('#q=6801');
    expect(requests.filter((url) => url !== committed && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a range query with every record that meets the range', async () => {
    const { page } = await open(committed);
    await searchFor(page, '1760-1770');
    const keys = await resultKeys(page);
    expect(keys).toEqual(await cliLookup('1760-1770', 'output'));
    expect(keys.some((key) => key.startsWith('catalog|1766-1766/tcp|assigned|') && key.includes('|Transfer CFT|'))).toBe(true);
    await page.close();
  });

  it('keeps a product\u2019s records with the product filter, as lookup --product does, and opens at a search named in the address', async () => {
    const { page } = await open(`${committed}#q=6801`);
    expect(await page.$eval('#search-box', (box) => (box as HTMLInputElement).value)).toBe('6801');
    const product = await page.$$eval('#filter-product option', (options) => options.find((option) => option.textContent === 'Transfer CFT')?.getAttribute('value') ?? '');
    await page.select('#filter-product', product);
    expect(await resultKeys(page)).toEqual(await cliLookup('6801', 'output', 'Transfer CFT'));
    expect(await resultKeys(page)).toEqual(['catalog|6801-6801/tcp|assigned||Secure Relay MA|Transfer CFT|ma.comm_port|transfer-cft-ports:56']);
    await searchFor(page, '');
    const all = await resultKeys(page);
    expect(all).toEqual(await cliLookup('0-65535', 'output', 'Transfer CFT'));
    expect(all.every((key) => key.startsWith('catalog|') && key.includes('|Transfer CFT|'))).toBe(true);
    await page.select('#filter-protocol', '1');
    expect(await resultKeys(page)).toEqual([]);
    expect(await statusText(page)).toBe('No record matches the filters.');
    await page.close();
  });

  it('shows a product\u2019s view: its ports, clashes, conflicts and unregistered ports, as conflicts --product does', async () => {
    const { page } = await open(committed);
    const product = await page.$$eval('#product-choice option', (options) => options.find((option) => option.textContent === 'Transfer CFT')?.getAttribute('value') ?? '');
    await page.select('#product-choice', product);
    const cli = JSON.parse((await conflictsCommand({ out: 'output', product: 'Transfer CFT', json: true })).stdout.join('')) as { conflicts: { kind: string; sides: { portStart: number; portEnd: number; protocol: string }[]; explanation: string }[]; unregistered: { catalog: { portStart: number } }[] };
    const view = await page.$eval('#product-view', (element) => ({
      ports: [...element.querySelectorAll('tr[data-key]')].map((row) => row.getAttribute('data-key') ?? ''),
      clashes: [...element.querySelectorAll('ul.clashes li')].map((item) => item.textContent ?? ''),
      conflicts: [...element.querySelectorAll('ul.conflicts li')].map((item) => item.textContent ?? ''),
      unregistered: [...element.querySelectorAll('ul.unregistered li')].map((item) => item.textContent ?? ''),
    }));
    expect(view.ports).toEqual(await cliLookup('0-65535', 'output', 'Transfer CFT'));
    expect(view.conflicts).toContain('6801/tcp different-service: "Secure Relay MA" and "ACNET Control System Protocol" (`acnet`) share no keyword, acronym, product or significant word');
    // The report's product clashes are listed as clashes, one item each; its other conflicts under conflicts.
    // Each other conflict as the command line reports it: the ports its sides share, the kind, the reason.
    expect(view.conflicts).toEqual(
      cli.conflicts
        .filter((conflict) => conflict.kind !== 'product-clash')
        .map(({ kind, sides, explanation }) => `${formatPortRange(sharedPorts(sides))}/${sides[0]?.protocol ?? ''} ${kind}: ${explanation}`),
    );
    expect(view.clashes).toHaveLength(cli.conflicts.filter((conflict) => conflict.kind === 'product-clash').length);
    expect(view.clashes).toContain('12553/tcp: Longhorn Instance Manager; Longhorn Other Instance Manager; Transfer CFT Central Governance');
    expect(view.unregistered.map((item) => Number(item.split('/')[0]))).toEqual(cli.unregistered.map((entry) => entry.catalog.portStart));
    await page.close();
  });

  it('moves the map\u2019s cursor by keyboard, says what the cell is, and Enter runs its search', async () => {
    const { page } = await open(committed);
    await page.focus('canvas.port-map');
    expect(await page.$eval('canvas.port-map', (canvas) => canvas.getAttribute('data-cursor'))).toBe('0');
    // 6801 is row 26, column 145.
    for (let step = 0; step < 26; step++) await page.keyboard.press('ArrowDown');
    for (let step = 0; step < 145; step++) await page.keyboard.press('ArrowRight');
    expect(await page.$eval('canvas.port-map', (canvas) => canvas.getAttribute('data-cursor'))).toBe('6801');
    const readout = await page.$eval('#map-readout', (element) => element.textContent ?? '');
    // The first records it names depend on what else the catalog holds on 6801; the search below gives them all.
    expect(readout).toMatch(/^Port 6801 \(registered\): a clash or conflict\. catalog .*\(tcp\)/);
    await page.keyboard.press('Enter');
    expect(await page.$eval('#search-box', (box) => (box as HTMLInputElement).value)).toBe('6801');
    expect(await resultKeys(page)).toEqual(await cliLookup('6801', 'output'));
    // Home and End go to the row's ends, Page Up 16 rows up; the map keeps focus.
    await page.keyboard.press('End');
    expect(await page.$eval('canvas.port-map', (canvas) => canvas.getAttribute('data-cursor'))).toBe(String(26 * 256 + 255));
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    expect(await page.$eval('canvas.port-map', (canvas) => canvas.getAttribute('data-cursor'))).toBe(String(10 * 256));
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('port-map');
    // Near an edge, Page Up and Page Down go as far as the map goes, in the same column.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    expect(await page.$eval('canvas.port-map', (canvas) => canvas.getAttribute('data-cursor'))).toBe('1');
    for (let step = 0; step < 16; step++) await page.keyboard.press('PageDown');
    expect(await page.$eval('canvas.port-map', (canvas) => canvas.getAttribute('data-cursor'))).toBe(String(255 * 256 + 1));
    await page.close();
  });

  it('says and searches only the protocol the map shows, once one is chosen', async () => {
    const { page } = await open(committed);
    await page.select('#map-protocol', 'udp');
    await page.focus('canvas.port-map');
    for (let step = 0; step < 26; step++) await page.keyboard.press('ArrowDown');
    for (let step = 0; step < 145; step++) await page.keyboard.press('ArrowRight');
    // On udp, 6801 is the registry's acnet alone: Transfer CFT's record is tcp.
    expect(await page.$eval('#map-readout', (element) => element.textContent ?? '')).toBe('Port 6801 (registered): assigned to a service (catalog or reference). reference ACNET Control System Protocol (udp).');
    expect(await page.$eval('#map-readout', (element) => element.getAttribute('aria-live'))).toBe('polite');
    await page.keyboard.press('Enter');
    expect(await page.$eval('#search-box', (box) => (box as HTMLInputElement).value)).toBe('6801/udp');
    expect(await resultKeys(page)).toEqual(await cliLookup('6801/udp', 'output'));
    await page.close();
  });

  it('runs the search of a cell chosen with the pointer', async () => {
    const { page } = await open(committed);
    const box = await (await page.$('canvas.port-map'))?.boundingBox();
    if (!box) throw new Error('no map');
    const cell = box.width / 256;
    // Passing over a cell updates the readout without announcing it.
    await page.mouse.move(box.x + (80 + 0.5) * cell, box.y + 0.5 * cell);
    expect(await page.$eval('#map-readout', (element) => [element.getAttribute('aria-live'), (element.textContent ?? '').slice(0, 22)])).toEqual(['off', 'Port 80 (well-known): ']);
    await page.mouse.click(box.x + (22 + 0.5) * cell, box.y + 0.5 * cell);
    expect(await page.$eval('#search-box', (input) => (input as HTMLInputElement).value)).toBe('22');
    expect(await resultKeys(page)).toEqual(await cliLookup('22', 'output'));
    await page.close();
  });

  it('gives in the free-ports panel what free gives, defaults and options alike', async () => {
    const { page } = await open(committed);
    const freeIn = async (range: string, count: string | null, protocol: string | null, include: string[]) => {
      await page.$eval('#free-range', (input) => {
        (input as HTMLInputElement).value = '';
      });
      await page.type('#free-range', range);
      if (count !== null) await page.$eval('#free-count', (input, value) => void ((input as HTMLInputElement).value = value), count);
      if (protocol !== null) await page.select('#free-protocol', protocol);
      for (const kind of ['well-known', 'dynamic', 'reserved']) {
        await page.$eval(`#free-include-${kind}`, (input, on) => void ((input as HTMLInputElement).checked = on), include.includes(kind));
      }
      await page.click('#free form button[type=submit]');
      return page.$eval('#free-answer', (answer) => ({
        free: [...answer.querySelectorAll('li[data-port]')].map((item) => Number(item.getAttribute('data-port'))),
        more: Number((answer as HTMLElement).dataset.more ?? 'NaN'),
        skipped: [...answer.querySelectorAll('[data-skipped]')].map((note) => ({ why: note.getAttribute('data-skipped'), ports: Number(note.getAttribute('data-ports')) })),
        problem: answer.querySelector('.problem')?.textContent ?? null,
      }));
    };
    const cliFree = async (range: string, options: { count?: string; protocol?: string; include?: string }) => {
      const answer = await freeCommand(range, { out: 'output', json: true, protocol: options.protocol ?? 'tcp', count: options.count ?? '10', ...(options.include ? { include: options.include } : {}) });
      if (answer.code !== 0) return { problem: (answer.stderr[0] ?? '').replace(/^port-catalog: /, '') };
      const { free, more, skipped } = JSON.parse(answer.stdout.join('')) as { free: number[]; more: number; skipped: unknown[] };
      return { free, more, skipped, problem: null };
    };
    expect(await freeIn('8000-8100', '3', null, [])).toEqual(await cliFree('8000-8100', { count: '3' }));
    expect(await freeIn('8000-8100', '10', null, [])).toEqual(await cliFree('8000-8100', {}));
    expect(await freeIn('1000-1100', '50', 'udp', ['well-known', 'reserved'])).toEqual(await cliFree('1000-1100', { count: '50', protocol: 'udp', include: 'well-known,reserved' }));
    expect(await freeIn('49100-49200/udp', '5', 'tcp', ['dynamic'])).toEqual(await cliFree('49100-49200/udp', { count: '5', include: 'dynamic' }));
    expect(await freeIn('0-20', '5', 'tcp', [])).toEqual(await cliFree('0-20', { count: '5' }));
    const refused = await freeIn('x-y', '5', 'tcp', []);
    expect(refused.problem).toBe('Unexpected range `x-y`, expected A-B with ports 0–65535');
    expect(refused.problem).toBe((await cliFree('x-y', { count: '5' })).problem);
    expect((await freeIn('8000-8100', '0', 'tcp', [])).problem).toBe('Unexpected count `0`, expected a whole number of 1 or more');
    await page.close();
  });

  it('gives the records lookup gives for each of the shared queries, and its reason for each it refuses', async () => {
    const { page } = await open(committed);
    expect(sharedQueries.length).toBeGreaterThanOrEqual(30);
    for (const query of sharedQueries) {
      await searchFor(page, query);
      const cli = await cliLookup(query, 'output');
      if (typeof cli === 'string') expect(await statusText(page), query).toBe(cli);
      else expect(await resultKeys(page), query).toEqual(cli);
    }
    await page.close();
  }, 60_000);

  it('has no serious or critical accessibility violation, with results, a product view and a free-ports answer shown', async () => {
    const { page } = await open(committed);
    await searchFor(page, '6801');
    await page.select('#product-choice', '0');
    await page.type('#free-range', '8000-8100');
    await page.click('#free form button[type=submit]');
    await page.focus('canvas.port-map');
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.PORT_CATALOG_SCREENSHOT === '1') {
      mkdirSync('docs', { recursive: true });
      await searchFor(page, '6801');
      await page.waitForSelector('html[data-painted]');
      await page.evaluate(() => window.scrollTo(0, 0));
      // From the top to the bottom of the map: the search's answer and the picture of the port space.
      const map = await (await page.$('canvas.port-map'))?.boundingBox();
      const height = Math.ceil((map?.y ?? 1400) + (map?.height ?? 0) + 80);
      await page.screenshot({ path: 'test/screenshots/web-page.png', clip: { x: 0, y: 0, width: 1280, height }, captureBeyondViewport: true });
    }
    await page.close();
  });

  it('runs nothing it was not built with: the policy refuses markup from strings and code from text', async () => {
    const { page } = await open(committed);
    const markup = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>markup</b>');
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(markup).toBe('TypeError');
    // Text as code, run by the page later (page.evaluate's own code is the debugger's, which the policy does not govern).
    const textRuns = (tab: Page) =>
      tab.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            try {
              (setTimeout as (code: string, delay: number) => number)('window.__ran = true', 0);
            } catch {
              // Refused at once: what is checked below either way.
            }
            // Timers of equal delay run in the order they were set, so by the
            // time this one runs, the text's would have run.
            setTimeout(() => resolve((window as unknown as { __ran?: boolean }).__ran ?? false), 0);
          }),
      );
    expect(await textRuns(page)).toBe(false);
    // The same on a page without the policy runs, so the check above can fail.
    const blank = await browser.newPage();
    expect(await textRuns(blank)).toBe(true);
    await blank.close();
    await page.close();
  });
});

/** Axe's violations of impact serious or critical: rule and the elements, for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Run through the debugging protocol, which the page's script policy does not govern.
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.targets.join(' ')}`);
}

describe('a page built from hostile records', () => {
  // Markup, handlers and script addresses in every text a source can give, and control and bidi characters where the manifest keeps them.
  const product = 'Evil <script>window.__pwned=true</script> \u202eCorp\u001b[31m';
  const manifest = {
    sources: [
      {
        id: 'page',
        file: 'page.md',
        format: 'markdown',
        title: 'Evil <b>title</b> <img src=x onerror="window.__pwned=true">',
        url: 'javascript:window.__pwned=true',
        product,
        defaults: { protocols: ['tcp'] },
        columns: { Component: 'name', Port: 'port', Key: 'configKey' },
      },
      { id: 'ref', file: 'services', format: 'etc-services', title: 'Reference <svg onload="window.__pwned=true">', url: 'https://example.org/services', role: 'reference' },
    ],
  };
  const page = [
    '<table>',
    '<tr><th>Component</th><th>Port</th><th>Key</th></tr>',
    '<tr><td>&lt;script&gt;window.__pwned=true&lt;/script&gt;</td><td>8080</td><td>&lt;img src=x onerror=&quot;window.__pwned=true&quot;&gt;</td></tr>',
    '<tr><td>javascript:window.__pwned=true</td><td>9999</td><td>k</td></tr>',
    '</table>',
    '',
  ].join('\n');
  const services = 'http-alt\t8080/tcp\t<b>alt</b>\t# <img src=x onerror="window.__pwned=true"> HTTP Alternate\njs\t9999/tcp\t# javascript:window.__pwned=true\n';
  let out = '';
  let url = '';

  beforeAll(async () => {
    const sources = await folderWith({ 'sources.json': JSON.stringify(manifest), 'page.md': page, services });
    out = path.join(sources, 'out');
    execFileSync('node', [path.resolve('dist/bin.js'), 'build', '--sources', sources, '--out', out, '--quiet'], { encoding: 'utf8' });
    url = pathToFileURL(path.join(out, 'index.html')).href;
  }, 30_000);

  it('shows every hostile text as text, runs none of it, and links nowhere but web addresses', async () => {
    const { page: tab, errors, requests } = await open(url);
    for (const query of ['8080', '9999', 'evil', 'javascript']) {
      await searchFor(tab, query);
      expect(await resultKeys(tab), query).toEqual(await cliLookup(query, out));
    }
    await searchFor(tab, '8000-10000');
    await tab.select('#product-choice', '0');
    await tab.hover('canvas.port-map');
    const seen = await tab.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: boolean }).__pwned ?? false,
      scripts: document.querySelectorAll('script').length,
      injected: document.querySelectorAll('body img, body svg, body iframe, body b, body object, body embed').length,
      hrefs: [...document.querySelectorAll('[href]')].map((element) => element.getAttribute('href') ?? ''),
      handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
      cells: [...document.querySelectorAll('#search-results td')].map((cell) => cell.textContent ?? ''),
      sources: [...document.querySelectorAll('.source-list li')].map((item) => [item.querySelector('a') ? 'link' : 'text', item.textContent ?? '']),
      product: document.querySelector('#product-view h3')?.textContent ?? '',
    }));
    expect(seen.pwned).toBe(false);
    expect(seen.scripts).toBe(2);
    expect(seen.injected).toBe(0);
    expect(seen.handlers).toEqual([]);
    expect(seen.hrefs.filter((href) => !/^https?:\/\//.test(href) && href !== 'data:,')).toEqual([]);
    expect(seen.hrefs.some((href) => /javascript:/i.test(href))).toBe(false);
    // As text, with the controls written out as the command line writes them.
    const shownProduct = 'Evil <script>window.__pwned=true</script> <U+202E>Corp\\x1b[31m';
    expect(seen.product).toBe(shownProduct);
    expect(seen.cells).toContain(shownProduct);
    expect(seen.cells).toContain('<script>window.__pwned=true</script>');
    expect(seen.cells).toContain('<img src=x onerror="window.__pwned=true">');
    expect(seen.cells).toContain('javascript:window.__pwned=true');
    expect(seen.cells.some((cell) => cell.startsWith('<img src=x onerror="window.__pwned=true"> HTTP Alternate'))).toBe(true);
    expect(seen.sources).toEqual([
      ['text', 'Evil <b>title</b> <img src=x onerror="window.__pwned=true"> page, catalog, product Evil <script>window.__pwned=true</script> <U+202E>Corp\\x1b[31m'],
      ['link', 'Reference <svg onload="window.__pwned=true"> ref, reference'],
    ]);
    expect(requests.filter((asked) => asked !== url && !asked.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.close();
  });
});

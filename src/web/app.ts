/**
 * The web page (output/index.html): the catalog searched as `lookup` reads
 * a query, with filters, a product's view, the port space as a map, and
 * `free`. It reads the data the build embedded (catalog-data.ts), builds the
 * page, and marks `<html data-ready>` once the search answers.
 */
import type { Category, Protocol, Status } from '../model/record.js';
import { categories, protocols, statuses } from '../model/record.js';
import { webDataElementId, type WebDataJson, type WebSource } from '../model/web-data.js';
import { readCatalogData, type CatalogData } from './catalog-data.js';
import { append, clear, countText, element, link, sourceText } from './dom.js';
import { freePanel } from './free-panel.js';
import { marksByRecord } from './marks.js';
import { portMap, portQuery } from './port-map.js';
import { productsOf, productView } from './product-view.js';
import { resultsTable, type RowContext } from './results.js';
import { search, type Filters } from './search.js';
import { terminalLine } from '../model/terminal.js';

function start(): void {
  const holder = document.getElementById(webDataElementId);
  const data = readCatalogData(JSON.parse(holder?.textContent ?? 'null') as WebDataJson);
  const context: RowContext = { sources: new Map(data.sources.map((source) => [source.id, source])), marks: marksByRecord(data) };
  const searchBox = searchSection(data, context);
  // Drawn once the page answers: the search is usable before the picture is.
  const paints: (() => void)[] = [];
  const page = element(
    'div',
    {},
    element(
      'header',
      {},
      element('h1', {}, 'Port catalog'),
      element('p', { class: 'summary' }, summary(data)),
    ),
    element(
      'main',
      {},
      section('search', 'Search', searchBox.element),
      section('map', 'Port map', portMap({ records: data, conflicts: data.conflicts, choose: (port, protocol) => searchBox.run(portQuery(port, protocol)), paintLater: (paint) => void paints.push(paint) })),
      section('free', 'Free ports', element('p', {}, 'Ports of a range that no catalog product or service, nor any reference assignment, uses, and that a vendor may pick as a default.'), freePanel(data)),
      section('products', 'Products', productView(data, context)),
      section('sources', 'Sources', sourceList(data.sources)),
    ),
    element('footer', {}, element('p', {}, `Built by ${data.generator.name} ${data.generator.version}. Every record cites the lines of the sources it came from.`)),
  );
  append(document.body, ...Array.from(page.childNodes));
  const asked = new URLSearchParams(location.hash.slice(1)).get('q');
  if (asked !== null) searchBox.run(asked);
  document.documentElement.dataset.ready = 'true';
  setTimeout(() => {
    for (const paint of paints) paint();
    document.documentElement.dataset.painted = 'true';
  }, 0);
}

function section(id: string, title: string, ...content: Node[]): HTMLElement {
  return element('section', { id, 'aria-labelledby': `${id}-title` }, element('h2', { id: `${id}-title` }, title), ...content);
}

function summary(data: CatalogData): string {
  const catalogSources = data.sources.filter((source) => source.role === 'catalog').length;
  const count = countText;
  return `${count(data.catalog.length)} catalog records from ${count(catalogSources)} sources, ${count(data.references.length)} reference rows, and ${count(data.conflicts.length)} conflicts. Search a port (6801), a port and protocol (22/udp), a range (8000-8100), a keyword, a product or words of a name.`;
}

/** The search form, its filters and its answer; `run` searches for a text as if typed. */
function searchSection(data: CatalogData, context: RowContext): { element: HTMLElement; run: (text: string) => void } {
  const box = element('input', { id: 'search-box', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'search-help' });
  const choice = <T extends string>(id: string, label: string, values: readonly T[], shown: (value: T) => string = (value) => value) => {
    const select = element('select', { id }, element('option', { value: '' }, 'any'), ...values.map((value, index) => element('option', { value: index }, shown(value))));
    return { select, field: element('span', { class: 'filter' }, element('label', { for: id }, label), select), value: () => (select.value === '' ? null : (values[Number(select.value)] ?? null)) };
  };
  const products = productsOf(data.catalog);
  const protocol = choice<Protocol>('filter-protocol', 'Protocol', protocols);
  const status = choice<Status>('filter-status', 'Status', statuses);
  const category = choice<Category>('filter-category', 'Category', categories);
  const product = choice<string>('filter-product', 'Product', products, terminalLine);
  const said = element('p', { id: 'search-status', role: 'status' });
  const answer = element('div', { id: 'search-results' });
  const form = element(
    'form',
    { role: 'search', 'aria-label': 'Catalog' },
    element('p', {}, element('label', { for: 'search-box' }, 'Port, range, keyword or name'), box, element('button', { type: 'submit' }, 'Search')),
    element('p', { id: 'search-help', class: 'aside' }, 'What lookup takes: 6801, 22/udp, 8000-8100, ssh, "secure shell", Transfer CFT.'),
    element('fieldset', {}, element('legend', {}, 'Filters'), protocol.field, status.field, category.field, product.field),
  );
  const filters = (): Filters => ({ protocol: protocol.value(), status: status.value(), category: category.value(), product: product.value() });
  const run = () => {
    const text = box.value;
    const found = search(data, text, filters());
    clear(answer);
    if (found.kind === 'none') said.textContent = 'Type a query, or choose a filter.';
    else if (found.kind === 'unreadable') said.textContent = found.reason;
    else {
      const what = text.trim() === '' ? 'the filters' : `\u201c${terminalLine(text.trim())}\u201d`;
      said.textContent = found.hits.length === 0 ? `No record matches ${what}.` : `${countText(found.hits.length)} ${found.hits.length === 1 ? 'record matches' : 'records match'} ${what}.`;
      if (found.hits.length > 0) append(answer, resultsTable(found.hits, context, 'Search results'));
    }
    remember(text.trim());
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  for (const { select } of [protocol, status, category, product]) select.addEventListener('change', run);
  return {
    element: element('div', {}, form, said, answer),
    run: (text: string) => {
      box.value = text;
      run();
    },
  };
}

/** The query in the address's fragment, so a search can be bookmarked and shared. */
function remember(text: string): void {
  const fragment = text === '' ? '' : `#q=${encodeURIComponent(text)}`;
  if (location.hash === fragment) return;
  try {
    history.replaceState(null, '', fragment === '' ? location.pathname + location.search : fragment);
  } catch (error) {
    // A browser may refuse to change the address of a page opened from disk; the search has answered all the same.
    if (!(error instanceof DOMException)) throw error;
  }
}

function sourceList(sources: readonly WebSource[]): HTMLElement {
  return element(
    'ul',
    { class: 'source-list' },
    ...sources.map((source) =>
      element(
        'li',
        {},
        link(source.url, sourceText(source.title)),
        ' ',
        element('code', {}, sourceText(source.id)),
        `, ${source.role === 'reference' ? 'reference' : 'catalog'}`,
        source.product === null ? '' : element('span', {}, ', product ', sourceText(source.product)),
      ),
    ),
  );
}

start();

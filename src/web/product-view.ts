/**
 * A product's view, as `conflicts --product` gives it: the product's ports,
 * its clashes with other products (grouped by the ports they share, naming
 * every product there, as clash-groups.ts groups them), its other conflicts
 * with the reference or a vacant range, and its ports the reference leaves
 * unregistered.
 */
import { clashGroups } from '../compare/clash-groups.js';
import { referenceSays } from '../compare/conflicts.js';
import { compareText, formatPortRange, sharedPorts, type PortRecord } from '../model/record.js';
import type { CatalogData } from './catalog-data.js';
import { append, clear, element, sourceText } from './dom.js';
import { resultsTable, type RowContext } from './results.js';
import { plural } from '../model/text.js';
import { terminalLine } from '../model/terminal.js';

/** The catalog's products, sorted. */
export function productsOf(catalog: readonly PortRecord[]): string[] {
  return [...new Set(catalog.flatMap((record) => (record.product === null ? [] : [record.product])))].sort(compareText);
}

/** The product chooser and the view of the chosen product. */
export function productView(data: CatalogData, context: RowContext): HTMLElement {
  const products = productsOf(data.catalog);
  const groups = clashGroups(data.conflicts);
  const choice = element(
    'select',
    { id: 'product-choice' },
    element('option', { value: '' }, products.length === 0 ? 'the catalog has no product' : 'choose a product'),
    ...products.map((product, index) => element('option', { value: index }, terminalLine(product))),
  );
  const view = element('div', { id: 'product-view' });
  choice.addEventListener('change', () => {
    clear(view);
    const product = products[Number(choice.value)];
    if (choice.value === '' || product === undefined) return;
    const records = data.catalog.filter((record) => record.product === product);
    const involves = (record: PortRecord) => record.product === product;
    const clashes = groups.filter((group) => group.records.some(involves));
    const others = data.conflicts.filter((conflict) => conflict.kind !== 'product-clash' && conflict.sides.some((side) => involves(side.record)));
    const unregistered = data.unregistered.filter(({ catalog }) => involves(catalog));
    const agreements = data.agreements.filter(({ catalog }) => involves(catalog));
    const conflictCount = data.conflicts.filter((conflict) => conflict.sides.some((side) => involves(side.record))).length;
    append(
      view,
      element('h3', {}, sourceText(product)),
      element(
        'p',
        { 'data-summary': 'product' },
        `${plural(records.length, 'record')}; ${plural(conflictCount, 'conflict')} (${plural(clashes.length, 'clash group')} with other products); ${plural(unregistered.length, 'unregistered vendor port')}; ${plural(agreements.length, 'agreement')} with the reference.`,
      ),
      element('h4', {}, 'Ports'),
      resultsTable(records.map((record) => ({ role: 'catalog', record, match: 'port' })), context, `Ports of ${terminalLine(product)}`),
      element('h4', {}, 'Clashes with other products'),
      clashes.length === 0
        ? element('p', {}, 'None.')
        : element(
            'ul',
            { class: 'clashes' },
            ...clashes.map((group) =>
              element(
                'li',
                {},
                element('strong', {}, `${formatPortRange(group)}/${group.protocol}: `),
                sourceText(group.records.map((record) => `${record.product ?? 'catalog service'} ${record.name ?? record.serviceName ?? record.status}${record.configKey ? ` (${record.configKey})` : ''}`).join('; ')),
              ),
            ),
          ),
      element('h4', {}, 'Conflicts with the reference, and vacant ranges'),
      others.length === 0
        ? element('p', {}, 'None.')
        : element('ul', { class: 'conflicts' }, ...others.map((conflict) => element('li', {}, element('strong', {}, `${formatPortRange(sharedPorts(conflict.sides.map((side) => side.record)))}/${conflict.sides[0].record.protocol} ${conflict.kind}: `), sourceText(conflict.explanation)))),
      element('h4', {}, 'Unregistered ports'),
      unregistered.length === 0
        ? element('p', {}, 'None.')
        : element(
            'ul',
            { class: 'unregistered' },
            ...unregistered.map(({ catalog, reference }) =>
              element('li', {}, element('strong', {}, `${formatPortRange(catalog)}/${catalog.protocol}: `), sourceText(`${catalog.name ?? catalog.status}; ${referenceSays(reference)}`)),
            ),
          ),
    );
  });
  return element('div', {}, element('p', {}, element('label', { for: 'product-choice' }, 'Product '), choice), view);
}

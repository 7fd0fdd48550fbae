/**
 * The free-ports panel: `free` in the page. The range, protocol, count and
 * kinds to include are read by the command line's own readFreeQuery, with
 * its defaults, and answered by its own freePorts on the same records.
 */
import type { PortRecord } from '../model/record.js';
import { freePorts, optionalKinds, type FreeAnswer, type Skipped } from '../query/free.js';
import { freeDefaults, readFreeQuery } from '../query/free-query.js';
import { plural } from '../model/text.js';
import { append, clear, element } from './dom.js';

/** What a skip reason left out, and the box that brings it back. */
const skipWords: Readonly<Record<Skipped['why'], string>> = {
  'port-zero': 'port 0 (to bind() it means any port)',
  reserved: 'reserved by IANA (tick “reserved” to include them)',
  'well-known': 'well-known, 0–1023 (tick “well-known” to include them)',
  dynamic: 'dynamic, 49152–65535, never assigned (tick “dynamic” to include them)',
};

/** The panel: a form, and the answer under it. */
export function freePanel(records: { catalog: readonly PortRecord[]; references: readonly PortRecord[] }): HTMLElement {
  const range = element('input', { id: 'free-range', type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', placeholder: '8000-8100', 'aria-describedby': 'free-help' });
  const protocol = element('select', { id: 'free-protocol' }, ...(['tcp', 'udp', 'sctp', 'dccp'] as const).map((name) => element('option', { value: name, selected: name === freeDefaults.protocol }, name)));
  const count = element('input', { id: 'free-count', type: 'text', inputmode: 'numeric', value: freeDefaults.count });
  const includes = optionalKinds.map((kind) => ({ kind, box: element('input', { type: 'checkbox', id: `free-include-${kind}`, value: kind }) }));
  const answer = element('div', { id: 'free-answer', role: 'status' });
  const form = element(
    'form',
    // Read as `free` reads its options, with its messages, rather than stopped by the browser's own checks.
    { class: 'free-form', 'aria-label': 'Free ports', novalidate: true },
    element('p', {}, element('label', { for: 'free-range' }, 'Range'), range),
    element('p', { id: 'free-help', class: 'aside' }, 'A-B, as the free command takes it: 8000-8100, or 8000-8100/udp for that protocol.'),
    element('p', {}, element('label', { for: 'free-protocol' }, 'Protocol'), protocol),
    element('p', {}, element('label', { for: 'free-count' }, 'At most'), count),
    element(
      'fieldset',
      {},
      element('legend', {}, 'Also offer ports that are skipped by default'),
      ...includes.map(({ kind, box }) => element('span', { class: 'check' }, box, element('label', { for: box.id }, kind))),
    ),
    element('p', {}, element('button', { type: 'submit' }, 'Find free ports')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const include = includes.filter(({ box }) => box.checked).map(({ kind }) => kind).join(',');
    const query = readFreeQuery({ range: range.value, protocol: protocol.value, count: count.value, include });
    clear(answer);
    if (typeof query === 'string') {
      append(answer, element('p', { class: 'problem' }, query));
      return;
    }
    showAnswer(answer, freePorts(query, [...records.catalog, ...records.references]), `${query.start}-${query.end}`, query.protocol);
  });
  return element('div', {}, form, answer);
}

function showAnswer(into: HTMLElement, answer: FreeAnswer, range: string, protocol: string): void {
  into.dataset.more = String(answer.more);
  if (answer.free.length === 0) append(into, element('p', {}, `No free ${protocol} port to pick in ${range}.`));
  else {
    append(
      into,
      element('p', {}, `${plural(answer.free.length, `free ${protocol} port`)} in ${range}:`),
      element('ul', { class: 'free-ports' }, ...answer.free.map((port) => element('li', { 'data-port': port }, String(port)))),
    );
  }
  if (answer.more > 0) append(into, element('p', { class: 'aside' }, `And ${answer.more} more free ${protocol} ${answer.more === 1 ? 'port' : 'ports'} in ${range} (raise “At most” to ${answer.free.length + answer.more} to list them all).`));
  for (const { why, ports } of answer.skipped) append(into, element('p', { class: 'aside', 'data-skipped': why, 'data-ports': ports }, `Skipped ${plural(ports, 'free port')}: ${skipWords[why]}.`));
}

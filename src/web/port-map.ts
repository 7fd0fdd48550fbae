/**
 * The port space as a picture: 65,536 ports as 256 rows of 256 cells on a
 * canvas, each coloured by what covers it (port-kinds.ts), clashes drawn as
 * a black and yellow checker so they stand out without telling hues apart.
 * The colours are Okabe and Ito's, chosen to stay apart for the common forms
 * of colour blindness; the legend names each.
 *
 * Pointer and keyboard: hovering a cell says what it is; the map takes focus
 * and the arrow keys move a cursor cell (Page Up and Page Down by 16 rows,
 * Home and End to a row's ends), saying what each cell is; a click, Enter or
 * Space runs the search for that port.
 */
import type { Conflict } from '../compare/conflicts.js';
import { categoryOf, type PortRecord, type Protocol } from '../model/record.js';
import { lookup, parsePortQuery } from '../query/lookup.js';
import { element } from './dom.js';
import { portKinds, portKindsOf, type PortKind } from './port-kinds.js';
import { terminalLine } from '../model/terminal.js';

const columns = 256;
const cell = 2;
const side = columns * cell;
const lastPort = 65535;

/** Okabe–Ito colours, and what the legend says of each kind. */
export const kindLooks: Readonly<Record<PortKind, { colour: string; label: string }>> = {
  free: { colour: '#f4f4f4', label: 'nothing listed' },
  category: { colour: '#56b4e9', label: 'a category range only (registered or dynamic ports)' },
  vacant: { colour: '#009e73', label: 'listed as unassigned or deprecated' },
  reserved: { colour: '#cc79a7', label: 'reserved' },
  assigned: { colour: '#0072b2', label: 'assigned to a service (catalog or reference)' },
  product: { colour: '#e69f00', label: "a product's port" },
  clash: { colour: '#000000', label: 'a clash or conflict' },
};
const clashSecond = '#f0e442';

export interface PortMapOptions {
  records: { catalog: readonly PortRecord[]; references: readonly PortRecord[] };
  conflicts: readonly Conflict[];
  /** Runs the search for a port. */
  /** Runs the search for a chosen cell: its port, with the protocol the map shows (null: every protocol). */
  choose: (port: number, protocol: Protocol | null) => void;
  /** Calls `paint` when the page is ready for it. */
  paintLater: (paint: () => void) => void;
}

/** The map's section content: protocol choice, canvas, what the cell under the cursor is, and the legend. */
export function portMap(options: PortMapOptions): HTMLElement {
  const all = [...options.records.catalog, ...options.records.references];
  const canvas = element('canvas', {
    width: side,
    height: side,
    tabindex: 0,
    role: 'application',
    'aria-roledescription': 'port map',
    'aria-label': 'Port map: 256 rows of 256 ports. Arrow keys move the cursor cell, Page Up and Page Down move 16 rows, Home and End go to the ends of a row; Enter searches for the port.',
    'aria-describedby': 'map-readout',
    class: 'port-map',
  });
  const readout = element('p', { id: 'map-readout', class: 'readout', 'aria-live': 'polite' }, 'Point at a cell, or focus the map and use the arrow keys.');
  const protocolChoice = element(
    'select',
    { id: 'map-protocol' },
    element('option', { value: '' }, 'every protocol'),
    ...(['tcp', 'udp', 'sctp', 'dccp'] as const).map((protocol) => element('option', { value: protocol }, protocol)),
  );
  let protocol: Protocol | null = null;
  // Worked out when first needed: the map is painted after the page is ready (see `paintLater`), so the search answers first.
  let kinds: Uint8Array | null = null;
  const kindsNow = () => (kinds ??= portKindsOf(all, options.conflicts, protocol));
  let cursor = 0;
  let cursorShown = false;

  const context = canvas.getContext('2d');
  const image = context?.createImageData(side, side) ?? null;
  const paint = () => {
    if (!context || !image) return;
    const known = kindsNow();
    // One 32-bit write per pixel, in the byte order of the image's memory (RGBA on little-endian machines).
    const pixels = new Uint32Array(image.data.buffer);
    const colours = portKinds.map((kind) => packed(kindLooks[kind].colour));
    const clashes = [packed(kindLooks.clash.colour), packed(clashSecond)];
    const clash = portKinds.indexOf('clash');
    for (let port = 0; port <= lastPort; port++) {
      const kind = known[port] ?? 0;
      const at = Math.floor(port / columns) * cell * side + (port % columns) * cell;
      for (let dy = 0; dy < cell; dy++) {
        for (let dx = 0; dx < cell; dx++) {
          // A clash is a checker of two colours; every other kind is one.
          pixels[at + dy * side + dx] = (kind === clash ? clashes[(dx + dy) % 2] : colours[kind]) ?? 0;
        }
      }
    }
    draw();
  };
  const draw = () => {
    if (!context || !image) return;
    context.putImageData(image, 0, 0);
    if (!cursorShown) return;
    const x = (cursor % columns) * cell;
    const y = Math.floor(cursor / columns) * cell;
    // A ring of two colours, seen on any cell.
    context.lineWidth = 1;
    context.strokeStyle = '#000000';
    context.strokeRect(x - 1.5, y - 1.5, cell + 3, cell + 3);
    context.strokeStyle = '#ffffff';
    context.strokeRect(x - 2.5, y - 2.5, cell + 5, cell + 5);
  };
  // The readout is a live region for the keyboard's cursor, which a screen
  // reader follows; the pointer's passing over cells updates it silently.
  const say = (port: number, announce: boolean) => {
    readout.setAttribute('aria-live', announce ? 'polite' : 'off');
    readout.textContent = describePort(port, portKinds[kindsNow()[port] ?? 0] ?? 'free', options.records, protocol);
  };
  const moveTo = (port: number) => {
    cursor = Math.min(lastPort, Math.max(0, port));
    cursorShown = true;
    canvas.dataset.cursor = String(cursor);
    draw();
    say(cursor, true);
  };
  const portAt = (event: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    const column = Math.floor(((event.clientX - box.left) / box.width) * columns);
    const row = Math.floor(((event.clientY - box.top) / box.height) * columns);
    if (column < 0 || column >= columns || row < 0 || row >= columns) return null;
    return row * columns + column;
  };

  canvas.addEventListener('mousemove', (event) => {
    const port = portAt(event);
    if (port !== null) say(port, false);
  });
  canvas.addEventListener('click', (event) => {
    const port = portAt(event);
    if (port === null) return;
    moveTo(port);
    options.choose(port, protocol);
  });
  canvas.addEventListener('focus', () => moveTo(cursor));
  canvas.addEventListener('keydown', (event) => {
    const column = cursor % columns;
    const moves: Record<string, number> = {
      ArrowLeft: cursor - 1,
      ArrowRight: cursor + 1,
      ArrowUp: cursor - columns,
      ArrowDown: cursor + columns,
      // Sixteen rows, or as far as the map goes, in the same column.
      PageUp: Math.max(column, cursor - 16 * columns),
      PageDown: Math.min((columns - 1) * columns + column, cursor + 16 * columns),
      Home: event.ctrlKey ? 0 : cursor - column,
      End: event.ctrlKey ? lastPort : cursor - column + columns - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      if (target >= 0 && target <= lastPort) moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.choose(cursor, protocol);
    }
  });
  protocolChoice.addEventListener('change', () => {
    protocol = protocolChoice.value === '' ? null : (protocolChoice.value as Protocol);
    kinds = null;
    paint();
  });
  options.paintLater(paint);

  return element(
    'div',
    { class: 'map-layout' },
    element(
      'div',
      {},
      element('p', {}, element('label', { for: 'map-protocol' }, 'Protocol shown '), protocolChoice),
      canvas,
      element('p', { class: 'aside' }, 'Row 0 holds ports 0–255 at the top left; each row below holds the next 256, so row 26 starts at 6656.'),
      readout,
    ),
    legend(),
  );
}

/** What the map's colours mean: a swatch drawn as the map draws the kind, and its words. */
function legend(): HTMLElement {
  return element(
    'div',
    { class: 'legend' },
    element('h3', {}, 'Legend'),
    element(
      'ul',
      {},
      ...[...portKinds].reverse().map((kind) => element('li', {}, swatch(kind), kind === 'clash' ? `${kindLooks[kind].label}, drawn in black and yellow checks` : kindLooks[kind].label)),
    ),
  );
}

/** A legend's sample of a kind, coloured as the map colours it (set through the style object, which the page's policy allows). */
function swatch(kind: PortKind): HTMLElement {
  const sample = element('span', { class: 'swatch', 'aria-hidden': 'true' });
  const { colour } = kindLooks[kind];
  sample.style.background = kind === 'clash' ? `repeating-conic-gradient(${colour} 0 25%, ${clashSecond} 0 50%) 0 0 / 8px 8px` : colour;
  return sample;
}

/** One sentence on a port: its kind and the records of `protocol` (every protocol when null) that cover it, for the readout. */
export function describePort(port: number, kind: PortKind, records: { catalog: readonly PortRecord[]; references: readonly PortRecord[] }, protocol: Protocol | null): string {
  const query = parsePortQuery(portQuery(port, protocol));
  const hits = typeof query === 'string' ? [] : lookup(query, records.catalog, records.references);
  const named = hits.filter(({ record }) => record.status !== 'category');
  const shown = named.slice(0, 3).map(({ role, record }) => {
    const name = record.name ?? record.serviceName ?? record.status;
    const product = record.product === null ? '' : `, ${record.product}`;
    return terminalLine(`${role} ${name}${product} (${record.protocol})`);
  });
  const more = named.length > shown.length ? `; and ${named.length - shown.length} more` : '';
  return `Port ${port} (${categoryOf(port)}): ${kindLooks[kind].label}${shown.length > 0 ? `. ${shown.join('; ')}${more}` : ''}.`;
}

/** A `#rrggbb` colour as one opaque pixel of an ImageData seen through a Uint32Array (bytes R, G, B, A in memory). */
function packed(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const [red, green, blue] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const bytes = new Uint8Array([red, green, blue, 255]);
  return new Uint32Array(bytes.buffer)[0] ?? 0;
}

/** The search a cell stands for: `6801`, or `6801/udp` when the map shows one protocol. */
export function portQuery(port: number, protocol: Protocol | null): string {
  return protocol === null ? String(port) : `${port}/${protocol}`;
}

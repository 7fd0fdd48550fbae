/**
 * The only way the page makes elements. Children given as strings become
 * text nodes, never markup; text from a source is shown with its control and
 * bidi characters written out (`\x1b`, `<U+202E>`), as the command line
 * shows them, so a source cannot reorder or hide what the page says. Links
 * are made by `link` alone, and only to http(s) addresses.
 */
import { terminalLine } from '../model/terminal.js';
import { webAddress } from './links.js';

export type Child = Node | string | null | undefined | false;

/** Attributes an element may be given here; links, event handlers and styles are set another way, or never. */
const refused = /^(?:on|href$|src$|srcdoc$|style$|action$|formaction$)/i;

/** An element with attributes and children; a string child is a text node. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number | boolean | null | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (refused.test(name)) throw new Error(`internal error: the attribute ${name} is not set by element()`);
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A source's text as a text node, its controls written out. */
export function sourceText(text: string): Text {
  return document.createTextNode(terminalLine(text));
}

/** A link when `address` is an http(s) address, else the label alone, as text. */
export function link(address: string | null, ...label: Child[]): HTMLElement {
  const href = webAddress(address);
  if (href === null) return element('span', {}, ...label);
  const anchor = element('a', { rel: 'noopener noreferrer' }, ...label);
  anchor.href = href;
  return anchor;
}

/**
 * A count with thousands separated by commas (12,341). Written out rather
 * than asked of toLocaleString, whose first call loads the locale's number
 * formats, a tenth of the page's start-up.
 */
export function countText(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Empties an element. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

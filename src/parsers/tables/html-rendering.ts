/**
 * What a browser renders of an HTML element, as the table readers need it:
 * which elements lay their content out on lines of their own, which hold no
 * rendered text, and which an attribute hides. Elements are read through
 * their attributes alone, so a parsed element and a start tag answer alike.
 */
import type { Token } from 'parse5';

/** Anything with a start tag's attributes: a parsed element, or the tag itself. */
export interface WithAttributes {
  readonly attrs: readonly Token.Attribute[];
}

/** Elements whose content a browser lays out on lines of its own. */
export const blockTags = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt'],
  ...['fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header'],
  ...['hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot'],
  ...['th', 'thead', 'tr', 'ul'],
]);
/** Elements whose content is never rendered text. */
export const hiddenTags = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link']);

/** The value of an attribute, or undefined when the element does not have it. */
export function attributeOf(element: WithAttributes, name: string): string | undefined {
  for (const attribute of element.attrs) if (attribute.name === name) return attribute.value;
  return undefined;
}

/** False for an element a browser does not render: `hidden`, or an inline `display: none`. */
export function isRendered(element: WithAttributes): boolean {
  if (element.attrs.length === 0) return true;
  return attributeOf(element, 'hidden') === undefined && !styleHides(attributeOf(element, 'style'));
}

/** Whether an inline style hides its element: `display: none` among its declarations. */
export function styleHides(style: string | undefined): boolean {
  return style !== undefined && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

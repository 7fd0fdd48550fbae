/**
 * A parsed HTML tree (html-tree.ts) loaded into cheerio, for CSS selection.
 *
 * cheerio selects over domhandler nodes; the readers walk parse5's own tree,
 * which is cheaper to build and which the table reader is written for. So
 * the one depth-capped parse is not repeated with the other tree adapter:
 * its elements are copied, in one pass, into domhandler elements, each of
 * which keeps the element it copies. The copy has the parse's shape, so it
 * is no deeper than the cap, and a selector's ancestor tests stay within
 * 512 levels.
 *
 * Only elements are copied, with their names and attributes: text,
 * comments and doctypes are read from the parsed tree, never selected.
 * A `<template>`'s contents are not among its children in the parsed tree,
 * nor in a browser's document, and so are not in the copy either.
 */
import { load, type Cheerio, type CheerioAPI, type CheerioOptions } from 'cheerio/slim';
import { Document, Element, isTag, type AnyNode } from 'domhandler';
import { isElement, type HtmlElement, type HtmlParent } from '../tables/html-tree.js';

/** A parsed tree in cheerio, and the way back from what cheerio selects to the parsed elements. */
export interface LoadedTree {
  $: CheerioAPI;
  /** The parsed elements that the selected copies stand for, in document order. */
  parsed(selection: Cheerio<AnyNode>): HtmlElement[];
}

/** A domhandler element that copies a parsed element. */
class ParsedElementCopy extends Element {
  constructor(readonly parsed: HtmlElement) {
    super(parsed.tagName, attributesOf(parsed));
  }
}

/**
 * Loads a copy of the tree's elements into cheerio with these options
 * (`pseudos`, for one), and one pseudo-class more: `:inside(selector)`,
 * for an element that an element matching the selector holds.
 *
 * `:inside(a)` is the descendant combinator `a *`, answered once per element:
 * css-select tests `a *` by climbing from each element tested to the root,
 * so on a page 512 levels deep that holds many elements tested, every test
 * climbs 512 levels (a `<div hidden>` over 100,000 nested `<main>`s: 3.9 s
 * to choose the content, where the whole read had taken 0.09 s).
 * `:inside` keeps each element's answer, so a climb stops at the first
 * element already answered, and a document costs time in proportion to its
 * elements whatever its depth.
 */
export function loadParsedTree(root: HtmlParent, options: CheerioOptions): LoadedTree {
  const document = new Document([]);
  // An explicit stack of (parsed parent, its copy): depth costs no recursion.
  const stack: [HtmlParent, Document | Element][] = [[root, document]];
  for (let pair = stack.pop(); pair !== undefined; pair = stack.pop()) {
    const [parent, copy] = pair;
    let previous: Element | null = null;
    for (const child of parent.childNodes) {
      if (!isElement(child)) continue;
      const element = new ParsedElementCopy(child);
      element.parent = copy;
      element.prev = previous;
      if (previous) previous.next = element;
      previous = element;
      copy.children.push(element);
      stack.push([child, element]);
    }
  }
  /** Per selector, whether each element answered so far is or is inside an element it matches. */
  const answers = new Map<string, Map<AnyNode, boolean>>();
  const inside = (element: Element, selector: string): boolean => {
    let within = answers.get(selector);
    if (within === undefined) {
      within = new Map($(selector).toArray().map((match) => [match, true]));
      answers.set(selector, within);
    }
    // Climb to the nearest ancestor already answered (or past the root); every element climbed past matches
    // nothing, so it has that ancestor's answer.
    const climbed: Element[] = [];
    let answer = false;
    for (let node = element.parent; node !== null && isTag(node); node = node.parent) {
      const known = within.get(node);
      if (known !== undefined) {
        answer = known;
        break;
      }
      climbed.push(node);
    }
    for (const node of climbed) within.set(node, answer);
    return answer;
  };
  // css-select calls a pseudo-class written with parentheses with their text, and refuses it without them.
  const $ = load(document, { ...options, pseudos: { ...options.pseudos, inside: (element, selector) => inside(element, selector ?? '') } });
  return {
    $,
    parsed: (selection) => selection.toArray().flatMap((node) => (node instanceof ParsedElementCopy ? [node.parsed] : [])),
  };
}

/**
 * Most elements have no attributes: they share one empty record, which
 * nothing writes to (the copy is only selected from). Records are plain
 * literals, much cheaper to build than the prototype-less objects
 * domhandler's own parser makes; the one thing this changes is that an
 * attribute selector naming a member of `Object.prototype` (`[constructor]`)
 * would see it, and no selector here names one.
 */
const noAttributes: Record<string, string> = Object.freeze({});

/** An element's attributes as domhandler keeps them: by name. */
function attributesOf(element: HtmlElement): Record<string, string> {
  if (element.attrs.length === 0) return noAttributes;
  const attributes: Record<string, string> = {};
  for (const attribute of element.attrs) attributes[attribute.name] = attribute.value;
  return attributes;
}

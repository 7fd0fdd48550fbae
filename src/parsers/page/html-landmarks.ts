/**
 * The html format's document-level rules, as CSS selectors that cheerio runs
 * over the parsed document (html-cheerio.ts): which element is the page's
 * main content, which elements the reader leaves out, and which element
 * gives the title. Each rule is written here once; the block reader
 * (html-blocks.ts) only asks for the elements these selectors choose.
 *
 * `:inside(a)` is `a *` (an element that an `a` holds), answered once per
 * element so that depth costs no time (html-cheerio.ts). Attribute values
 * are matched without regard to case, and `role` and `aria-hidden` as lists
 * of words (`~=`): ARIA reads `role` as a list whose first word it knows,
 * and spaces around either value read as none.
 */
import { hiddenTags, styleHides } from '../tables/html.js';
import type { HtmlElement, HtmlParent } from '../tables/html-tree.js';
import { loadParsedTree } from './html-cheerio.js';

/**
 * What a browser does not render, or hides from readers: the `hidden`
 * attribute, `aria-hidden="true"`, and an inline `display: none`
 * (`:display-none`, the one rule CSS cannot state by attribute: it reads
 * the style's declarations, as the table reader does).
 */
export const hidden = '[hidden], [aria-hidden~="true" i], :display-none';

/** An element that is rendered, and is not inside one that is not. */
export const rendered = `:not(${hidden}, :inside(${hidden}))`;

/** Where the main content may be, in order of preference: the first rendered element of the first kind found is read. */
export const contentCandidates = ['main', 'article', '[role~="main" i]', 'body'] as const;

/**
 * The page's own landmarks, never its content: navigation, asides, the
 * elements given those roles, and a `<header>` or `<footer>` that is the
 * page's (ARIA's banner and contentinfo) rather than that of an
 * `<article>`, `<main>` or `<section>` it sits in.
 */
export const pageLandmarks = [
  'nav',
  'aside',
  '[role~="navigation" i]',
  '[role~="complementary" i]',
  '[role~="banner" i]',
  '[role~="contentinfo" i]',
  ':is(header, footer):not(:inside(article, main, section))',
].join(', ');

/** Elements whose content is never rendered text (`<script>`, `<style>`, `<template>`, `<noscript>`…), as in a table cell. */
export const unrenderedElements = [...hiddenTags].join(', ');

/** Code, neither prose nor a table: a `<pre>` block, and a table shown inside `<code>`. */
export const code = 'pre, table:inside(code)';

/** Elements the reader leaves out, with all they hold. */
export const leftOut = [pageLandmarks, unrenderedElements, code, hidden].join(', ');

/** The document's title element: the first `<title>` that is not an SVG image's. */
export const documentTitle = 'title:not(:inside(svg))';

/** What a document's rules choose. */
export interface Landmarks {
  /** The main content; null for a document without any candidate (a frameset). */
  content: HtmlElement | null;
  /** The elements left out (see `leftOut`), inside the content or not. */
  leftOut: ReadonlySet<HtmlElement>;
  /** The `<title>`, if any. */
  title: HtmlElement | null;
}

/** Runs the document-level rules over a parsed document (see the module comment). */
export function landmarksOf(root: HtmlParent): Landmarks {
  const { $, parsed } = loadParsedTree(root, { pseudos: { 'display-none': (element) => styleHides(element.attribs['style']) } });
  let content: HtmlElement | null = null;
  // `:first` (cheerio's own) stops the search at the first element found.
  for (const candidate of contentCandidates) {
    content = parsed($(`${candidate}${rendered}:first`))[0] ?? null;
    if (content) break;
  }
  return {
    content,
    leftOut: new Set(parsed($(leftOut))),
    title: parsed($(`${documentTitle}:first`))[0] ?? null,
  };
}

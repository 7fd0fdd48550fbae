/**
 * The html format's document-level rules (src/parsers/page/html-landmarks.ts)
 * at their edges: which element is the main content, what is left out, where
 * the title comes from, and `:inside`, the descendant test they are written
 * with. Each expectation is read off the hand-written document above it.
 */
import fc from 'fast-check';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { pointsOf } from '../src/model/location.js';
import type { Block } from '../src/parsers/page/blocks.js';
import { readHtmlDocument } from '../src/parsers/page/html-blocks.js';
import { loadParsedTree } from '../src/parsers/page/html-cheerio.js';
import { landmarksOf } from '../src/parsers/page/html-landmarks.js';
import { parseHtmlDocument, type HtmlParent } from '../src/parsers/tables/html-tree.js';
import { expectLinear } from './linear-growth.js';

/** A document's blocks as `kind text` (a paragraph as its text alone), and its title. */
function read(lines: readonly string[] | string) {
  const text = typeof lines === 'string' ? lines : lines.join('\n');
  const { blocks, title } = readHtmlDocument(text, () => new VFileMessage(''), pointsOf(text));
  return { texts: blocks.map(textOf), title };
}

function textOf(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `h${block.depth} ${block.text}`;
    case 'table':
      return `table ${JSON.stringify(block.table.rows.map((row) => row.map((cell) => cell.text)))}`;
    case 'list-item':
      return `item ${block.source}`;
    default:
      return block.source;
  }
}

describe('the main content', () => {
  const article = '<article><p>article</p></article>';

  it('passes over a <main> hidden in any way, or inside a hidden element, for the next candidate', () => {
    const hiddenMains = [
      '<main hidden><p>main</p></main>',
      '<main HIDDEN=""><p>main</p></main>',
      '<main aria-hidden="true"><p>main</p></main>',
      '<main aria-hidden=" TRUE "><p>main</p></main>',
      '<main style="display:none"><p>main</p></main>',
      "<main style='color: red;DISPLAY : None;'><p>main</p></main>",
      '<div hidden><main><p>main</p></main></div>',
      '<div aria-hidden="true"><section><main><p>main</p></main></section></div>',
      '<div style="display: none"><div><div><main><p>main</p></main></div></div></div>',
    ];
    for (const main of hiddenMains) expect(read([main, article]).texts, main).toEqual(['article']);
  });

  it('reads a <main> that only looks hidden', () => {
    const shownMains = [
      '<main aria-hidden="false"><p>main</p></main>',
      '<main aria-hidden=""><p>main</p></main>',
      '<main style="display: block"><p>main</p></main>',
      '<main style="--display: none"><p>main</p></main>',
      '<main data-hidden><p>main</p></main>',
    ];
    for (const main of shownMains) expect(read([main, article]).texts, main).toEqual(['main']);
  });

  it('falls through every kind of candidate to <body> when each is hidden', () => {
    const document = [
      '<main hidden><p>main</p></main>',
      '<article aria-hidden="true"><p>article</p></article>',
      '<div role="main" style="display:none"><p>role</p></div>',
      '<p>body</p>',
    ];
    expect(read(document).texts).toEqual(['body']);
    // A hidden <body> leaves nothing rendered to read.
    expect(read('<body hidden><main><p>main</p></main></body>').texts).toEqual([]);
  });

  it('takes [role=main] in any case, with spaces around it, or in a list of roles', () => {
    for (const role of ['main', 'MAIN', ' main ', 'Main\t', 'main region']) {
      expect(read(['<p>body</p>', `<div role="${role}"><p>role</p></div>`]).texts, role).toEqual(['role']);
    }
    // Not the word main: the content is <body>, which holds both.
    for (const role of ['mainly', 'domain', 'region']) {
      expect(read(['<p>body</p>', `<div role="${role}"><p>role</p></div>`]).texts, role).toEqual(['body', 'role']);
    }
  });

  it('never takes a <main> from inside a <template>, which is not part of the document', () => {
    expect(read(['<template><main><p>template</p></main></template>', article]).texts).toEqual(['article']);
  });
});

describe('what is left out', () => {
  it("keeps a header or footer that a section holds, at any depth, and leaves out the page's", () => {
    const document = [
      '<header><p>page header</p></header>',
      '<section><div><header><h2>Section</h2></header><p>section text</p><div><footer>section footer</footer></div></div></section>',
      '<div><footer>page footer</footer></div>',
      '<header><header>inner header</header></header>',
    ];
    expect(read(document).texts).toEqual(['h2 Section', 'section text', 'section footer']);
  });

  it("keeps a <main>'s header, and a header whose section is outside the content", () => {
    expect(read('<main><div><header>main header</header></div><p>text</p></main>').texts).toEqual(['main header', 'text']);
    // The content is the [role=main] element; the <section> around it still makes the header the section's.
    expect(read('<header>page</header><section><div role="main"><header>kept</header><p>text</p></div></section>').texts).toEqual(['kept', 'text']);
  });

  it('leaves out the landmark roles in any case, with spaces around them, or in a list of roles', () => {
    for (const role of ['navigation', 'NAVIGATION', ' complementary ', 'banner', 'Contentinfo', 'navigation region']) {
      expect(read(`<div role="${role}"><p>port 1</p></div><p>port 2</p>`).texts, role).toEqual(['port 2']);
    }
    for (const role of ['region', 'navigationx', 'note']) {
      expect(read(`<div role="${role}"><p>port 1</p></div><p>port 2</p>`).texts, role).toEqual(['port 1', 'port 2']);
    }
  });

  it('leaves out the landmarks and hidden elements the content holds', () => {
    const document = [
      '<main>',
      '<nav><p>menu</p></nav><aside>ad</aside>',
      '<p>text</p>',
      '<div role="complementary">related</div><p hidden>hidden</p>',
      '<footer>main footer</footer>',
      '</main>',
    ];
    expect(read(document).texts).toEqual(['text', 'main footer']);
  });

  it('leaves out a table anywhere inside <code>, and reads one after the code closes', () => {
    const document = [
      '<code><span><div><table><tr><td>1</td></tr></table></div></span></code>',
      '<p>Use <code>443</code>:</p>',
      '<table><tr><td>443</td></tr></table>',
    ];
    expect(read(document).texts).toEqual(['Use 443:', 'table [["443"]]']);
  });

  it('leaves out a <title> written in the body, which gives the title', () => {
    expect(read('<p>a</p><title>Port 9</title><p>b</p>')).toEqual({ texts: ['a', 'b'], title: 'Port 9' });
  });

  it('reads alike whatever the layout: case, quotes, spaces, tabs, CRLF, comments', () => {
    const tidy = [
      '<header><p>banner</p></header>',
      '<nav><p>menu</p></nav>',
      '<div role="main">',
      '<section><header><h2>Ports</h2></header><p>Port 80</p></section>',
      '<div role="navigation"><p>links</p></div>',
      '<p aria-hidden="true">skip</p>',
      '</div>',
    ];
    const sloppy = [
      '<HEADER ><P>banner</P></HEADER>   ',
      '<Nav>\t<p>menu</p></Nav>',
      '<DIV ROLE=MAIN>',
      '<!-- <main> --><Section>  <Header><H2>Ports</H2></Header><p>Port 80</p></Section>',
      "<div role='  Navigation  '><p>links</p></div>",
      '\t<p ARIA-HIDDEN="True">skip</p>',
      '</DIV>',
    ];
    const expected = ['h2 Ports', 'Port 80'];
    expect(read(tidy).texts).toEqual(expected);
    expect(read(sloppy).texts).toEqual(expected);
    expect(read(sloppy.join('\r\n')).texts).toEqual(expected);
  });
});

describe('the title', () => {
  it("takes the first <title> that is not an SVG image's", () => {
    expect(read('<svg><title>Icon</title></svg><title>Ports</title><h1>Heading</h1>')).toEqual({ texts: ['h1 Heading'], title: 'Ports' });
    expect(read('<svg><title>Icon</title></svg><h1>Heading</h1>').title).toBe('Heading');
  });
});

describe('past the nesting cap', () => {
  it("keeps a header flattened past the cap inside a section, as the section's", () => {
    // <html>, <body>, <section> and 509 divs make 512 open elements: the 510th <div> and the <header> are flattened,
    // and the element they are added to is inside the <section>.
    expect(read(`<section>${'<div>'.repeat(600)}<header>kept</header>${'</div>'.repeat(600)}</section>`).texts).toEqual(['kept']);
  });

  it("reads what a <nav> flattened past the cap would hold: the <nav> is empty, its content follows it, as in Chromium's tree", () => {
    expect(read(`${'<div>'.repeat(600)}<nav>menu</nav>${'</div>'.repeat(600)}<nav>top menu</nav>`).texts).toEqual(['menu']);
  });
});

describe('linear time, whatever the depth', () => {
  const work = (text: string) => readHtmlDocument(text, () => new VFileMessage(''), pointsOf(text));
  // Each shape makes many elements whose rule looks at their ancestors, 512 levels of them past the cap.
  const shapes: Record<string, (depth: number) => string> = {
    'nested <main>s inside a hidden element': (depth) => `<div hidden>${'<main>'.repeat(depth)}</div><p>port 80</p>`,
    'nested headers inside a section': (depth) => `<section>${'<header>'.repeat(depth)}port 80</section>`,
    'nested tables inside <code>': (depth) => `<code>${'<table><tr><td>'.repeat(depth)}port 80</code>`,
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`${name}: 3,125 then 12,500 levels`, () => {
      expectLinear(work, shape(3_125), shape(12_500));
    }, 120_000);
  }
});

describe('choosing costs no more on a deeper page of as many elements', () => {
  // css-select's own `a *` climbs from every element tested to the root, so its cost grows with depth below the
  // cap too (with the rules written with it, these pages took about 5 times as long at 25 times the depth, and a
  // hidden element over 100,000 nested <main>s 13 times as long as with :inside). Parsing is left out of the
  // measure, as parse5's own cost grows with depth below the cap.
  const groups = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`.repeat(20_000 / depth);
  const shapes: Record<string, (depth: number) => string> = {
    '<main>s inside a hidden element': (depth) => `<div hidden>${groups(depth, '<main>', '</main>')}</div>`,
    'headers inside a section': (depth) => `<section>${groups(depth, '<header>', '</header>')}</section>`,
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`${name}: 20,000 elements 20 then 500 levels deep`, () => {
      expectLinear((root: HtmlParent) => landmarksOf(root), parseHtmlDocument(shape(20)).root, parseHtmlDocument(shape(500)).root);
    }, 120_000);
  }
});

describe(':inside(a), the descendant combinator answered once per element', () => {
  const tag = fc.constantFrom('<div>', '</div>', '<section>', '</section>', '<span>', '</span>', '<p hidden>', '<code>', '</code>', '<table><tr><td>', 'text');
  const documents = fc.array(tag, { maxLength: 40 }).map((tags) => tags.join(''));
  const selectors = ['section', '[hidden], code', 'div span', 'td'];

  it('selects what `a *` selects, whichever elements were asked about first', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom(...selectors), (document, selector) => {
        const { $, parsed } = loadParsedTree(parseHtmlDocument(document).root, {});
        // A first question about some elements leaves answers kept for some ancestors, not others.
        parsed($(`:is(span, td):inside(${selector})`));
        expect(parsed($(`*:inside(${selector})`))).toEqual(parsed($(`:is(${selector}) *`)));
      }),
    );
  });
});

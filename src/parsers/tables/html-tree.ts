/**
 * HTML parsed as a browser parses it: parse5, the HTML Living Standard's own
 * parser (implied elements, unclosed cells, foster parenting, comments, entity
 * decoding), into parse5's own tree, with source offsets.
 *
 * Nesting is capped as Chromium caps it (`kMaximumHTMLParserDOMTreeDepth`,
 * 512 levels). parse5 looks through its stack of open elements for nearly
 * every start tag (is a `<p>` in button scope?), so without a cap a cell
 * holding n nested `<div><span>` costs time in n². Past the cap, a start tag
 * adds its element where the parser stands, empty, and its content follows
 * it there, as Chromium attaches deeper nodes to the element at its limit;
 * the element is never put on the stack, so every scope search stays within
 * 512 levels and any depth costs linear time. Each place where nesting first
 * goes past the cap is kept, for a warning.
 *
 * Of each node's source location the tree keeps only where it starts (and,
 * for an element, whether its end tag is written). parse5 records lines,
 * columns, ends and every attribute's place, and copies an element's twice;
 * on a large table those copies were most of a parse's garbage and about a
 * third of its time, and no reader looks at them.
 */
import { defaultTreeAdapter, html, Parser, Token, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;
export type HtmlText = DefaultTreeAdapterTypes.TextNode;

/**
 * Open elements a parse may nest, as in Chromium's HTML parser; an element
 * that would be one more is flattened. The count includes the elements a
 * parse opens itself (`<html>`, `<body>`, a table's `<tbody>`).
 */
export const maxNestingDepth = 512;

/** A parsed document or fragment, and the places where nesting went past the cap. */
export interface ParsedHtml {
  root: HtmlParent;
  /** The first element flattened in each run of too-deep nesting. */
  depthCapped: CappedElement[];
}

/** An element that would have nested past the cap: its tag name and the offset of its start tag in the parsed text. */
export interface CappedElement {
  tag: string;
  offset: number;
}

/** Parses an HTML fragment (a part of a page, as innerHTML would). */
export function parseHtmlFragment(html: string): ParsedHtml {
  const parser = DepthCappedParser.getFragmentParser<DefaultTreeAdapterMap>(null, options);
  parser.tokenizer.write(html, true);
  return { root: parser.getFragment(), depthCapped: parser instanceof DepthCappedParser ? parser.depthCapped : [] };
}

/** Parses a whole HTML document (implied `<html>`, `<head>` and `<body>` where it leaves them out). */
export function parseHtmlDocument(html: string): ParsedHtml {
  const parser = new DepthCappedParser(options);
  parser.tokenizer.write(html, true);
  return { root: parser.document, depthCapped: parser.depthCapped };
}

/**
 * A location that holds its start offset alone: the cast says what the tree
 * keeps (see the module comment); readers go through `startOf` and
 * `hasEndTag`, never through the other fields, which are absent.
 */
function startAt(startOffset: number): Token.Location {
  return { startOffset } as Token.Location;
}

/** What an element's location holds as `endTag` when the markup writes its end tag: one shared mark. */
const endTagWritten = startAt(-1);

/** parse5's own tree, with locations cut to their start (its text, comment and doctype nodes go through these two). */
const treeAdapter: typeof defaultTreeAdapter = {
  ...defaultTreeAdapter,
  setNodeSourceCodeLocation(node, location) {
    node.sourceCodeLocation = location === null ? null : startAt(location.startOffset);
  },
  updateNodeSourceCodeLocation() {
    // Ends are not kept.
  },
};

// Offsets are needed for messages; scripting on, as in a browser, so <noscript> holds raw text.
const options = { sourceCodeLocationInfo: true, scriptingEnabled: true, treeAdapter };

/** Elements that never hold content: they are never on the stack, so never flattened. */
const voidTags = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * Elements whose content the tokenizer reads as raw text: they cannot nest,
 * so the parser may open them past the cap (one level, closed by their end
 * tag), and their text stays text rather than markup.
 */
const rawTextTags = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/**
 * Where the parser stands in a table's structure, its rules move text and
 * tags (pending table text, foster parenting, implied rows): a start tag
 * there is always left to the parser, which opens at most a cell or a
 * fostered element before the next tag stands somewhere else.
 */
const tableStructure = new Set<number>([html.TAG_ID.TABLE, html.TAG_ID.TBODY, html.TAG_ID.THEAD, html.TAG_ID.TFOOT, html.TAG_ID.TR]);
/**
 * Tags that end a cell or a row (`<td>` after a cell left open): unless they
 * belong to a flattened table, they are left to the parser, which closes
 * the cell they end, deep content and all, as a browser does.
 */
const tableParts = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/**
 * parse5's parser with nesting capped and locations cut (see the module
 * comment). It overrides methods parse5 declares for subclasses (its two tag
 * entry points, and where it attaches an element and records an end); the
 * Chromium grids and a linear-time test would notice a parse5 that changed
 * them.
 */
class DepthCappedParser extends Parser<DefaultTreeAdapterMap> {
  readonly depthCapped: CappedElement[] = [];
  /** Names of the flattened elements still open, innermost last. */
  private readonly flattened: string[] = [];
  /** How many of each name `flattened` holds, so an end tag finds its element without a search. */
  private readonly flattenedCounts = new Map<string, number>();
  /** The stack top when the current run of flattened elements began. */
  private flattenedAt = 0;

  override onStartTag(token: Token.TagToken): void {
    if (!this.flattens(token.tagName)) {
      super.onStartTag(token);
      this.closeFlattenedBelowStack();
      return;
    }
    this.skipNextNewLine = false;
    if (this.flattened.length === 0) {
      this.flattenedAt = this.openElements.stackTop;
      this.depthCapped.push({ tag: token.tagName, offset: token.location?.startOffset ?? 0 });
    }
    this._appendElement(token, html.NS.HTML);
    this.flattened.push(token.tagName);
    this.flattenedCounts.set(token.tagName, (this.flattenedCounts.get(token.tagName) ?? 0) + 1);
  }

  /** parse5's own, less the two copies of the whole location it makes for every element. */
  override _attachElementToTree(element: HtmlElement, location: Token.LocationWithAttributes | null): void {
    element.sourceCodeLocation = location === null ? null : startAt(location.startOffset);
    if (this._shouldFosterParentOnInsertion()) this._fosterParentElement(element);
    else this.treeAdapter.appendChild(this.openElements.currentTmplContentOrNode ?? this.document, element);
  }

  /**
   * Keeps only whether the element's own end tag closed it, where parse5 copies the end tag's whole location.
   * The element's location is looked at first, as parse5 does: in a document without a tag, the parser closes
   * the elements it implied (which have none) with no token at all.
   */
  override _setEndLocation(element: HtmlElement, closingToken: Token.Token): void {
    if (element.sourceCodeLocation && closingToken.type === Token.TokenType.END_TAG && closingToken.tagName === element.tagName) {
      element.sourceCodeLocation.endTag = endTagWritten;
    }
  }

  override onEndTag(token: Token.TagToken): void {
    if ((this.flattenedCounts.get(token.tagName) ?? 0) > 0) {
      // As a browser's "any other end tag": close up to the innermost element of that name.
      for (let name = this.flattened.pop(); name !== undefined; name = this.flattened.pop()) {
        this.flattenedCounts.set(name, (this.flattenedCounts.get(name) ?? 1) - 1);
        if (name === token.tagName) break;
      }
      this.skipNextNewLine = false;
      return;
    }
    super.onEndTag(token);
    this.closeFlattenedBelowStack();
  }

  /** Whether a start tag with this name is flattened rather than parsed: see the sets above. */
  private flattens(tagName: string): boolean {
    // stackTop is the index of the innermost open element: at 511, 512 are open.
    if (this.openElements.stackTop + 1 < maxNestingDepth || voidTags.has(tagName) || rawTextTags.has(tagName)) return false;
    const current = this.openElements.currentTagId;
    if (current !== undefined && tableStructure.has(current)) return false;
    return !tableParts.has(tagName) || (this.flattenedCounts.get('table') ?? 0) > 0;
  }

  /** Flattened elements sit inside the element at the top of the stack when they opened: closing it closes them. */
  private closeFlattenedBelowStack(): void {
    if (this.flattened.length > 0 && this.openElements.stackTop < this.flattenedAt) {
      this.flattened.length = 0;
      this.flattenedCounts.clear();
    }
  }
}

/** True for an element (not text, a comment or a doctype). */
export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

/** True for a text node. */
export function isText(node: HtmlNode): node is HtmlText {
  return node.nodeName === '#text';
}

/** Offset of a node's start in the parsed text (0 for a node the parser implied). */
export function startOf(node: HtmlNode): number {
  return node.sourceCodeLocation?.startOffset ?? 0;
}

/** Whether the markup closes an element with its own end tag (a `<table>` with `</table>`), rather than leaving it to the parser. */
export function hasEndTag(element: HtmlElement): boolean {
  return element.sourceCodeLocation?.endTag !== undefined;
}

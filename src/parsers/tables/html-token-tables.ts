/**
 * HTML tables read from parse5's tokens, without building its tree, for
 * markup that needs none of the tree builder's repairs: it gives the tables
 * the whole parse gives (html.ts), or null, and then the whole parse reads
 * the markup.
 *
 * Building the tree is most of a parse's cost, and a large table's tree is
 * most of its garbage. Yet for plain markup the tree builder's rules come
 * down to a few, which this reader follows token by token, as the HTML
 * Standard states them for a fragment:
 *
 * - outside a table, only text and comments (the text is no table's);
 *   a `<table>` there is a table at the top level;
 * - in a table, row groups, rows and cells, each implied where the markup
 *   leaves it out (a `<tr>` straight in `<table>` gets a `<tbody>`), each
 *   closed by the next of its kind or by the end tag of one that holds it;
 *   whitespace and comments between them;
 * - in a cell, text, comments, `<br>`, `<span>`, and the block elements
 *   `<p>`, `<div>`, `<ul>`, `<ol>` and `<li>`, with the rules that close an
 *   open `<p>` or `<li>` before them, and their end tags where one closes
 *   an open element.
 *
 * Anything else gives null: any other tag or a doctype, text where a table
 * would foster-parent it, a NUL, a mismatched or stray end tag, an end of
 * file inside a table, nesting deep enough to come near the parser's cap.
 * In particular no formatting element (`<b>`, `<a>`, `<code>`) is read here,
 * so none is ever reconstructed or adopted, and no tag that switches the
 * tokenizer to raw text (`<script>`, `<textarea>`) or foreign content is
 * ever met: the tokens are those the whole parse sees. A differential test
 * (html-token-tables.test.ts) holds the two readings equal over random and
 * hostile tables.
 */
import { Tokenizer, type Token, type TokenHandler } from 'parse5';
import { CellText, itemKindOf } from './cell-text.js';
import { blockTags, isRendered, type WithAttributes } from './html-rendering.js';
import { layOutTable, type MarkupCell, type MarkupRowGroup } from './table-layout.js';
import type { Table } from './table.js';

/** The tables of `html` (offsets plus `base`) as the whole parse reads them, or null where it must read them. */
export function readTablesFromTokens(html: string, base = 0): Table[] | null {
  const reader = new TokenTableReader(html.length, base);
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, reader);
  reader.stop = () => tokenizer.pause();
  tokenizer.write(html, true);
  return reader.tables;
}

/**
 * Elements open inside a cell past which this reader gives the markup to the
 * whole parse: far below the parser's cap (html-tree.ts), so no element this
 * reader reads would be flattened there.
 */
const deepestCellContent = 256;

/** Elements a cell may hold here, with the tree builder's rules written below. */
const cellContentTags = new Set(['br', 'span', 'p', 'div', 'ul', 'ol', 'li']);
/** Of those, the ones that close an open `<p>` before they open. */
const closesParagraph = new Set(['p', 'div', 'ul', 'ol', 'li']);
/** Of those, the "special" ones that stop a `<li>` from closing an open `<li>` below them (`<div>` and `<p>` do not). */
const stopsListItemSearch = new Set(['ul', 'ol', 'li']);

type SectionTag = MarkupRowGroup['tag'];

/** An element open inside a cell: its tag, and whether it or an element around it is hidden. */
interface OpenElement {
  tag: string;
  hidden: boolean;
}

/** A cell being read. */
class OpenCell {
  readonly content: CellText;
  readonly open: OpenElement[] = [];
  /** The text node being gathered (adjacent character tokens are one node), and its start. */
  textValue = '';
  textStart = -1;

  constructor(
    readonly tag: 'td' | 'th',
    readonly attributes: WithAttributes,
    readonly offset: number,
    base: number,
  ) {
    this.content = new CellText(base);
  }

  get hidden(): boolean {
    return this.open.at(-1)?.hidden ?? false;
  }

  /** The text node in hand ends: an element or comment comes next, or the cell closes. */
  endText(): void {
    if (this.textStart >= 0) this.content.text(this.textValue, this.textStart);
    this.textValue = '';
    this.textStart = -1;
  }

  push(tag: string, rendered: boolean): void {
    const hidden = this.hidden || !rendered;
    this.open.push({ tag, hidden });
    if (!hidden && blockTags.has(tag)) this.content.lineBreak();
  }

  /** Closes the innermost open element. */
  pop(): void {
    const element = this.open.pop();
    if (element && !element.hidden && blockTags.has(element.tag)) this.content.closeBlock(itemKindOf(element.tag));
  }

  /** Closes open elements up to the innermost `tag`, when one is open; false when none is. */
  closeThrough(tag: string): boolean {
    const index = this.open.findLastIndex((element) => element.tag === tag);
    if (index < 0) return false;
    while (this.open.length > index) this.pop();
    return true;
  }
}

/** A row group being read: its tag, whether it is rendered, and its rows. */
interface OpenSection {
  tag: SectionTag;
  rendered: boolean;
  rows: MarkupCell[][];
}

/** A row being read: whether it is rendered, and its rendered cells. */
interface OpenRow {
  rendered: boolean;
  cells: MarkupCell[];
}

/** Where the reader stands in a table: the tree builder's insertion modes for tables, by what is open. */
type Place = 'outside' | 'table' | 'section' | 'row' | 'cell';

/** The attributes of an element the markup implies, or writes without any. */
const implied: WithAttributes = { attrs: [] };
const always = () => true;
const never = () => false;

/** parse5's token handler: follows the tree builder's table rules, or stops and gives null. */
class TokenTableReader implements TokenHandler {
  /** The tables read so far; null once the markup is found to need the whole parse. */
  tables: Table[] | null = [];
  /** Stops the tokenizer: nothing after a null answer is worth reading. */
  stop: () => void = () => undefined;

  private place: Place = 'outside';
  private tableOffset = 0;
  private sections: MarkupRowGroup[] = [];
  private section: OpenSection | null = null;
  private row: OpenRow | null = null;
  private cell: OpenCell | null = null;

  constructor(
    private readonly markupLength: number,
    private readonly base: number,
  ) {}

  onStartTag(token: Token.TagToken): void {
    const tag = token.tagName;
    const start = token.location?.startOffset ?? 0;
    if (this.place === 'outside') {
      if (tag !== 'table') return this.giveUp();
      this.place = 'table';
      this.tableOffset = start;
      this.sections = [];
      return;
    }
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      this.closeSection();
      return this.openSection(tag, token);
    }
    if (tag === 'tr') {
      this.closeRow();
      if (this.place === 'table') this.openSection('tbody', implied);
      return this.openRow(token);
    }
    if (tag === 'td' || tag === 'th') {
      this.closeCell();
      if (this.place === 'table') this.openSection('tbody', implied);
      if (this.place === 'section') this.openRow(implied);
      // Only the attributes are kept, not the token with its locations, for the rest of the table.
      this.cell = new OpenCell(tag, token.attrs.length === 0 ? implied : { attrs: token.attrs }, start, this.base);
      this.place = 'cell';
      return;
    }
    const cell = this.cell;
    if (cell === null || !cellContentTags.has(tag) || cell.open.length >= deepestCellContent) return this.giveUp();
    cell.endText();
    if (tag === 'li') closeListItem(cell);
    if (closesParagraph.has(tag)) cell.closeThrough('p');
    cell.push(tag, isRendered(token));
    if (tag === 'br') {
      if (!cell.hidden) cell.content.lineBreak();
      cell.open.pop();
    }
  }

  onEndTag(token: Token.TagToken): void {
    const tag = token.tagName;
    if (this.place === 'outside') return this.giveUp();
    if (tag === 'table') return this.closeTable();
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      if (this.section?.tag !== tag) return this.giveUp();
      return this.closeSection();
    }
    if (tag === 'tr') {
      if (this.row === null) return this.giveUp();
      return this.closeRow();
    }
    const cell = this.cell;
    if (cell === null) return this.giveUp();
    if (tag === 'td' || tag === 'th') {
      if (cell.tag !== tag) return this.giveUp();
      return this.closeCell();
    }
    cell.endText();
    if (!closesElement(cell, tag)) this.giveUp();
  }

  onCharacter(token: Token.CharacterToken): void {
    if (this.place === 'outside') return;
    const cell = this.cell;
    // Text in a table but outside a cell is foster-parented: the tree builder moves it.
    if (cell === null) return this.giveUp();
    this.cellText(cell, token);
  }

  onWhitespaceCharacter(token: Token.CharacterToken): void {
    if (this.cell !== null) this.cellText(this.cell, token);
  }

  onComment(): void {
    this.cell?.endText();
  }

  onNullCharacter(): void {
    this.giveUp();
  }

  onDoctype(): void {
    this.giveUp();
  }

  onEof(): void {
    if (this.place !== 'outside') this.giveUp();
  }

  private cellText(cell: OpenCell, token: Token.CharacterToken): void {
    if (cell.hidden) return;
    if (cell.textStart < 0) cell.textStart = token.location?.startOffset ?? 0;
    cell.textValue += token.chars;
  }

  private openSection(tag: SectionTag, attributes: WithAttributes): void {
    this.section = { tag, rendered: isRendered(attributes), rows: [] };
    this.place = 'section';
  }

  private openRow(attributes: WithAttributes): void {
    this.row = { rendered: isRendered(attributes), cells: [] };
    this.place = 'row';
  }

  private closeCell(): void {
    const cell = this.cell;
    if (cell === null) return;
    cell.endText();
    while (cell.open.length > 0) cell.pop();
    if (isRendered(cell.attributes)) {
      // No <b> or <strong> is read here, so no cell is wholly bold: a <th> alone marks a header.
      this.row?.cells.push({ attributes: cell.attributes, cell: cell.content.finish(cell.offset), marksHeader: cell.tag === 'th' ? always : never });
    }
    this.cell = null;
    this.place = 'row';
  }

  private closeRow(): void {
    this.closeCell();
    const row = this.row;
    if (row === null) return;
    if (row.rendered) this.section?.rows.push(row.cells);
    this.row = null;
    this.place = 'section';
  }

  private closeSection(): void {
    this.closeRow();
    const section = this.section;
    if (section === null) return;
    if (section.rendered) this.sections.push({ tag: section.tag, rows: section.rows });
    this.section = null;
    this.place = 'table';
  }

  private closeTable(): void {
    this.closeSection();
    this.tables?.push(layOutTable(this.sections, this.base + this.tableOffset, this.markupLength));
    this.place = 'outside';
  }

  private giveUp(): void {
    this.tables = null;
    this.stop();
  }
}

/**
 * An end tag inside a cell, by the standard's rules for each: `</p>`,
 * `</div>`, `</ul>` and `</ol>` close the innermost element they name and
 * all it holds (none of the elements read here bounds their scope in a
 * cell); `</li>` likewise, unless a `<ul>` or `<ol>` opened inside that
 * `<li>`; `</span>` closes a `<span>` that is the innermost element, and is
 * ignored behind a special element. False where no element is closed: the
 * tree builder would ignore the tag or, for `</p>`, make an empty `<p>`.
 */
function closesElement(cell: OpenCell, tag: string): boolean {
  if (tag === 'span') {
    if (cell.open.at(-1)?.tag !== 'span') return false;
    cell.pop();
    return true;
  }
  if (tag === 'li') {
    const list = cell.open.findLastIndex((element) => element.tag === 'ul' || element.tag === 'ol');
    if (cell.open.findLastIndex((element) => element.tag === 'li') < list) return false;
  }
  return closesThroughTags.has(tag) && cell.closeThrough(tag);
}

/** End tags that close their innermost element, what it holds with it. */
const closesThroughTags = new Set(['p', 'div', 'ul', 'ol', 'li']);

/**
 * A `<li>` closes the innermost open `<li>`, unless a `<ul>` or `<ol>` (or
 * another element the standard calls special, but not `<div>` or `<p>`)
 * stands between: the standard's steps for an `li` start tag.
 */
function closeListItem(cell: OpenCell): void {
  for (let index = cell.open.length - 1; index >= 0; index--) {
    const tag = cell.open[index]?.tag;
    if (tag === 'li') {
      while (cell.open.length > index) cell.pop();
      return;
    }
    if (tag !== undefined && stopsListItemSearch.has(tag)) return;
  }
}

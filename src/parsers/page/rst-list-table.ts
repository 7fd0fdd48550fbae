/**
 * The `.. list-table::` directive (docutils' `ListTable`): its options, then
 * a two-level bullet list, one row per outer item, one cell per inner item.
 */
import { plural } from '../../model/text.js';
import { emptySlot, type Table, type TableCell } from '../tables/table.js';
import { cellOf, excerpt, firstTextColumn, offsetAt, tooLarge, withinBudget, type Segment } from './markup-lines.js';
import { bulletAt, fieldOf, type RstPage } from './rst-syntax.js';

interface ListRow {
  offset: number;
  cells: TableCell[];
}

/**
 * The list-table whose directive is line `index`: the table (null when it
 * has no rows or is too large to lay out, reported) and the line after its body.
 */
export function readListTable(page: RstPage, index: number): { table: Table | null; next: number } {
  const { lines, report, at } = page;
  const line = lines.line(index);
  const column = line.indent;
  const tableOffset = offsetAt(line, column);
  let next = index + 1;
  let headerOption: { value: string; offset: number } | null = null;
  for (; next < lines.length; next++) {
    const candidate = lines.line(next);
    if (candidate.blank || candidate.indent <= column || bulletAt(candidate.text, candidate.indent) >= 0) break;
    const field = fieldOf(candidate);
    if (field?.name === 'header-rows') headerOption = { value: field.value, offset: offsetAt(candidate, candidate.indent) };
  }
  const end = lines.whileIndented(next, column);

  const rows: ListRow[] = [];
  let rowIndent = -1;
  for (let row = next; row < end; ) {
    const candidate = lines.line(row);
    if (candidate.blank) {
      row += 1;
      continue;
    }
    if (rowIndent < 0) rowIndent = candidate.indent;
    const content = candidate.indent === rowIndent ? bulletAt(candidate.text, rowIndent) : -1;
    if (content < 0) {
      report(
        'table-malformed',
        `Unexpected text in a \`list-table\` (\`${excerpt(candidate.text.slice(candidate.indent))}\`), expected a \`* -\` row`,
        at(offsetAt(candidate, candidate.indent)),
      );
      row += 1;
      continue;
    }
    const rowEnd = lines.whileIndented(row + 1, rowIndent);
    const segments: Segment[] = [{ line: candidate, from: content, to: Infinity }];
    for (let inner = row + 1; inner < rowEnd; inner++) segments.push({ line: lines.line(inner), from: 0, to: Infinity });
    rows.push({ offset: offsetAt(candidate, rowIndent), cells: listCells(segments, page) });
    row = rowEnd;
  }
  if (rows.length === 0) {
    report('table-malformed', 'Unexpected `list-table` without rows, expected `* -` rows', at(tableOffset));
    return { table: null, next: end };
  }

  const expected = rows[0]?.cells.length ?? 0;
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  const characters = lines.characters(next, end);
  if (!withinBudget(rows.length * width, characters)) {
    report('table-malformed', tooLarge(rows.length, 'row', width, characters), at(tableOffset));
    return { table: null, next: end };
  }
  for (const row of rows) {
    if (row.cells.length !== expected) {
      report(
        'table-malformed',
        `Unexpected row of ${plural(row.cells.length, 'cell')}, expected ${plural(expected, 'cell')} as in the first row`,
        at(row.offset),
      );
    }
  }
  const grid = rows.map((row) => [...row.cells, ...Array.from({ length: width - row.cells.length }, () => emptySlot)]);
  const headerRows = headerRowsOf(headerOption, grid.length, page);
  return { table: { markup: 'rst-list-table', offset: tableOffset, rows: grid, headerRows }, next: end };
}

function headerRowsOf(option: { value: string; offset: number } | null, rowCount: number, { report, at }: RstPage): number {
  if (!option) return 0;
  if (!/^\d{1,6}$/.test(option.value)) {
    report('table-malformed', `Unexpected \`:header-rows:\` value (\`${excerpt(option.value)}\`), expected a whole number`, at(option.offset));
    return 0;
  }
  const wanted = Number(option.value);
  if (wanted > rowCount) {
    report('table-malformed', `Unexpected \`:header-rows: ${wanted}\` in a table of ${plural(rowCount, 'row')}, expected at most ${rowCount}`, at(option.offset));
    return rowCount;
  }
  return wanted;
}

/** The cells of one list-table row: the items of the bullet list inside it. */
function listCells(segments: readonly Segment[], { report, at, cells: syntax }: RstPage): TableCell[] {
  const cells: { start: number; segments: Segment[] }[] = [];
  let cellIndent = -1;
  let current: { start: number; segments: Segment[] } | null = null;
  for (const segment of segments) {
    const { line } = segment;
    const column = firstTextColumn(line.text, segment.from);
    if (column < 0) {
      current?.segments.push(segment);
      continue;
    }
    if (cellIndent < 0) cellIndent = column;
    const content = column === cellIndent ? bulletAt(line.text, column) : -1;
    if (content >= 0) {
      current = { start: offsetAt(line, column), segments: [{ line, from: content, to: Infinity }] };
      cells.push(current);
    } else if (current && column > cellIndent) {
      current.segments.push(segment);
    } else {
      report(
        'table-malformed',
        `Unexpected text in a \`list-table\` row (\`${excerpt(line.text.slice(column))}\`), expected a \`- \` cell`,
        at(offsetAt(line, column)),
      );
      if (current) current.segments.push(segment);
      else {
        current = { start: offsetAt(line, column), segments: [segment] };
        cells.push(current);
      }
    }
  }
  return cells.map((cell) => cellOf(cell.segments, syntax, cell.start));
}

/**
 * The build's one-screen summary: per source, its records, how its lines
 * were used and its problems, then what changed against the previous output.
 * Pure text; the CLI decides whether to print it (only to a terminal) and
 * whether to colour it.
 */
import { diffHeadline, type DatasetDiff } from './compare/diff.js';
import type { BuildResult } from './pipeline/build.js';

export interface Paint {
  bold: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
}

/** No colour: every function returns its text unchanged. */
export const plain: Paint = { bold: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t };

/** Lines of the summary. `previous` is the diff against the output there before, or null if there was none. */
export function formatBuildSummary(result: BuildResult, previous: DatasetDiff | null, paint: Paint = plain): string[] {
  const rows = result.perSource.map((source) => {
    const lines = source.lines ? `${source.lines.entry}/${source.lines.structure}/${source.lines.diagnostic}` : '-';
    const { error, warning, info } = source.messages;
    const problems = [
      error ? paint.red(`${error} errors`) : '',
      warning ? paint.yellow(`${warning} warnings`) : '',
      info ? `${info} notes` : '',
    ].filter(Boolean);
    return [source.role === 'reference' ? `${source.id} (reference)` : source.id, String(source.records), lines, problems.join(', ') || 'ok'];
  });
  const header = ['source', 'records', 'lines entry/structure/reported', 'problems'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => visible(row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - visible(cell).length))).join('  ').trimEnd();
  const change = previous ? `${diffHeadline(previous)} against the previous output` : 'no previous output to compare';
  return [
    paint.bold(`port-catalog: ${result.dataset.counts.records} catalog records (${change})`),
    paint.dim(line(header)),
    ...rows.map(line),
  ];
}

/** Text without ANSI colour codes, for measuring widths. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI escape sequences are what this removes.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

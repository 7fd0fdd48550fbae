/**
 * The build's one-screen summary: per source, its records, how its lines
 * were used and its problems, then what changed against the previous output.
 * Pure text, with controls in source ids escaped before any style is
 * applied, so the lines are safe to print as they are (escaping them again
 * would show the styles as text); the CLI decides whether to print it (only
 * to a terminal) and whether to colour it.
 */
import { diffHeadline, type DatasetDiff } from './compare/diff.js';
import { terminalLine } from './model/terminal.js';
import { plural } from './model/text.js';
import type { AcceptedMessages } from './model/messages.js';
import type { BuildResult } from './pipeline/build.js';

export interface Paint {
  bold: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
}

/** No colour: every function returns its text unchanged. */
export const plain: Paint = { bold: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t };

/**
 * Lines of the summary. `previous` is the diff against the output there
 * before, or null if there was none. Warnings listed in accepted.json are
 * counted apart from new ones.
 */
export function formatBuildSummary(
  result: BuildResult,
  previous: DatasetDiff | null,
  paint: Paint = plain,
  accepted: AcceptedMessages = new Map(),
): string[] {
  const rows = result.perSource.map((source, index) => {
    const lines = source.lines ? `${source.lines.entry}/${source.lines.structure}/${source.lines.diagnostic}` : '-';
    const { error, warning, info } = source.messages;
    const acceptedHere = (result.files[index]?.messages ?? []).filter((message) => accepted.has(message)).length;
    const fresh = warning - acceptedHere;
    const problems = [
      error ? paint.red(plural(error, 'error')) : '',
      fresh ? paint.yellow(plural(fresh, 'new warning')) : '',
      acceptedHere ? plural(acceptedHere, 'accepted warning') : '',
      info ? plural(info, 'note') : '',
    ].filter(Boolean);
    // Escaped before measuring, so the columns line up with what is shown.
    const id = terminalLine(source.id);
    return [source.role === 'reference' ? `${id} (reference)` : id, String(source.records), lines, problems.join(', ') || 'ok'];
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

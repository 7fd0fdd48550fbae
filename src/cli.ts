/**
 * port-catalog's command line. Thin on purpose: it parses arguments, reads
 * files, calls the pipeline, prints, writes files and sets the exit code.
 *
 * Exit codes: 0 success; 1 the sources have errors (or warnings, with
 * --strict), `check` found stale files, `conflicts` found conflicts, or
 * `diff --exit-code` found changes; 2 the command line was wrong or a diff
 * side could not be read.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import type { VFile } from 'vfile';
import { diffRecords, isEmptyDiff, type DatasetDiff } from './compare/diff.js';
import { emitConflictsJson } from './emit/conflicts-json.js';
import { forProduct, formatConflicts } from './emit/conflicts-text.js';
import { emitDiffMarkdown } from './emit/diff-markdown.js';
import { displayPath, loadSources } from './files/load-sources.js';
import { readDatasetFile, readDatasetSide, type DatasetSide } from './files/read-dataset.js';
import { staleArtifacts, writeArtifacts } from './files/write-artifacts.js';
import { formatHits } from './emit/lookup-text.js';
import { lookup, parsePortQuery, type PortQuery } from './query/lookup.js';
import { compareMessages, countBySeverity, formatMessages, messageFormats, type MessageFormat } from './model/messages.js';
import { generator } from './package-info.js';
import { build, type BuildResult } from './pipeline/build.js';
import { formatBuildSummary, plain } from './summary.js';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

interface CommonOptions {
  sources: string;
  out: string;
  strict: boolean;
  quiet: boolean;
  format: MessageFormat;
}

function program(): Command {
  const cli = new Command('port-catalog')
    .description('Turn port documentation into a clean, merged, deterministic dataset.')
    .version(generator.version, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const common = (command: Command) =>
    command
      .addOption(new Option('--sources <dir>', 'folder holding sources.json and its documents').default('sources'))
      .addOption(new Option('--out <dir>', 'folder for the artifacts').default('output'))
      .addOption(new Option('--format <format>', 'how problems are printed').choices(messageFormats).default('text'))
      .option('--strict', 'treat warnings as errors', false)
      .option('-q, --quiet', 'print only problems', false);

  common(cli.command('build'))
    .description('parse the sources and write the artifacts (ports, conflicts, data package)')
    .action(async (options: CommonOptions) => {
      process.exitCode = await runBuild(options);
    });

  common(cli.command('check'))
    .description('rebuild in memory and fail if the committed artifacts are stale')
    .action(async (options: CommonOptions) => {
      process.exitCode = await runCheck(options);
    });

  common(cli.command('lookup'))
    .description('print every catalog and reference record that covers each port, with its sources')
    .argument('<ports...>', 'PORT or PORT/PROTOCOL, e.g. 6801 or 22/udp')
    .option('--json', 'print JSON for scripts', false)
    .action(async (ports: string[], options: CommonOptions & { json: boolean }) => {
      process.exitCode = await runLookup(ports, options);
    });

  common(cli.command('conflicts'))
    .description('print where sources disagree about ports; exit 1 if they do')
    .option('--product <name>', 'only conflicts that involve this product (e.g. "Transfer CFT")')
    .option('--json', 'print JSON for scripts', false)
    .action(async (options: CommonOptions & { json: boolean; product?: string }) => {
      process.exitCode = await runConflicts(options);
    });

  cli
    .command('diff')
    .description('compare two ports.json (files or git revisions) by record identity')
    .argument('[old]', 'ports.json file, or a git revision holding --path')
    .argument('[new]', 'ports.json file, or a git revision (default: the file at --path)')
    .option('--git <rev>', 'compare --path as committed at REV with the working tree (or with [new])')
    .option('--path <file>', 'where ports.json is, in files and in git revisions', 'output/ports.json')
    .option('--json', 'print JSON instead of Markdown', false)
    .option('--exit-code', 'exit 1 when a record changed, as git diff --exit-code does', false)
    .action(async (oldSide: string | undefined, newSide: string | undefined, options: DiffOptions) => {
      process.exitCode = await runDiff(oldSide, newSide, options);
    });

  return cli;
}

/**
 * Loads and builds; prints problems (only errors when `errorsOnly`, as
 * `check` is about staleness). Returns the result, or null when the build must stop.
 */
async function buildFrom(options: CommonOptions, errorsOnly = false): Promise<BuildResult | null> {
  const { manifestFile, documents } = await loadSources(options.sources);
  if (!documents) {
    printMessages([manifestFile], errorsOnly, options.format);
    return null;
  }
  const result = build(documents, { generator });
  const files = [manifestFile, ...result.files];
  printMessages(files, errorsOnly, options.format);
  const counts = countBySeverity(files.flatMap((file) => file.messages));
  const stop = counts.error > 0 ? `${counts.error} error(s)` : options.strict && counts.warning > 0 ? `${counts.warning} warning(s) with --strict` : null;
  if (stop) {
    console.error(`port-catalog: ${stop}; nothing was written.`);
    return null;
  }
  return result;
}

async function runBuild(options: CommonOptions): Promise<number> {
  const result = await buildFrom(options);
  if (!result) return exitCodes.failed;
  // The summary is for a person at a terminal; logs and pipes stay quiet,
  // and then the previous output is not read at all.
  const summarize = !options.quiet && options.format === 'text' && process.stdout.isTTY === true;
  const previous = summarize ? await readDatasetFile(path.join(options.out, 'ports.json')).catch(() => null) : null;
  await writeArtifacts(options.out, result.artifacts);
  if (summarize) {
    const diff = previous ? diffRecords(previous.records, result.dataset.records) : null;
    for (const line of formatBuildSummary(result, diff, pc.isColorSupported ? pc : plain)) console.log(line);
    console.log(`Wrote ${Object.keys(result.artifacts).length} files to ${displayPath(options.out)}/.`);
  }
  return exitCodes.ok;
}

async function runCheck(options: CommonOptions): Promise<number> {
  const result = await buildFrom(options, true);
  if (!result) return exitCodes.failed;
  const stale = await staleArtifacts(options.out, result.artifacts);
  if (stale.length > 0) {
    for (const name of stale) console.error(`${displayPath(path.join(options.out, name))}: stale`);
    console.error('port-catalog: output is stale; run `npm run build` and commit the result.');
    return exitCodes.failed;
  }
  if (!options.quiet) console.log(`${displayPath(options.out)} is up to date.`);
  return exitCodes.ok;
}

async function runLookup(ports: readonly string[], options: CommonOptions & { json: boolean }): Promise<number> {
  const queries = ports.map(parsePortQuery);
  const bad = queries.filter((query): query is string => typeof query === 'string');
  if (bad.length > 0) {
    for (const reason of bad) console.error(`port-catalog: ${reason}`);
    return exitCodes.usage;
  }
  const result = await buildFrom(options, true);
  if (!result) return exitCodes.failed;
  const answers = (queries as PortQuery[]).map((query) => ({ query, hits: lookup(query, result.dataset.records, result.references) }));
  if (options.json) {
    const json = answers.map(({ query, hits }) => ({ query: query.text, records: hits.map(({ role, record }) => ({ role, ...record })) }));
    console.log(JSON.stringify(json, null, 2));
  } else {
    for (const { query, hits } of answers) console.log(formatHits(query, hits).join('\n'));
  }
  return exitCodes.ok;
}

async function runConflicts(options: CommonOptions & { json: boolean; product?: string }): Promise<number> {
  const result = await buildFrom(options, true);
  if (!result) return exitCodes.failed;
  const report = forProduct(result.conflicts, options.product);
  if (options.json) process.stdout.write(emitConflictsJson({ generator, sources: result.dataset.sources, report }));
  else for (const line of formatConflicts(report)) console.log(line);
  return report.conflicts.length > 0 ? exitCodes.failed : exitCodes.ok;
}

interface DiffOptions {
  git?: string;
  path: string;
  json: boolean;
  exitCode: boolean;
}

async function runDiff(oldSpec: string | undefined, newSpec: string | undefined, options: DiffOptions): Promise<number> {
  const oldInput = options.git ?? oldSpec;
  const newInput = options.git ? oldSpec : newSpec;
  if (!oldInput) {
    console.error('port-catalog: diff needs an old side: a ports.json file, a git revision, or --git REV');
    return exitCodes.usage;
  }
  let sides: [DatasetSide, DatasetSide];
  try {
    sides = [
      await readDatasetSide(oldInput, options.path),
      newInput ? await readDatasetSide(newInput, options.path) : await readDatasetFile(options.path),
    ];
  } catch (error) {
    console.error(`port-catalog: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodes.usage;
  }
  const [before, after] = sides;
  const diff: DatasetDiff = diffRecords(before.records, after.records);
  if (options.json) console.log(JSON.stringify({ old: before.label, new: after.label, ...diff }, null, 2));
  else process.stdout.write(emitDiffMarkdown(diff, `${before.label} → ${after.label}`));
  return options.exitCode && !isEmptyDiff(diff) ? exitCodes.failed : exitCodes.ok;
}

/** Problems in the chosen format: text to stderr; github and json to stdout, where CI reads them. */
function printMessages(files: readonly VFile[], errorsOnly: boolean, format: MessageFormat): void {
  const messages = files
    .flatMap((file) => file.messages)
    .filter((message) => !errorsOnly || message.fatal)
    .sort(compareMessages);
  if (format === 'json') {
    console.log(formatMessages(messages, 'json').join('\n'));
    return;
  }
  const print = format === 'github' ? console.log : console.error;
  for (const line of formatMessages(messages, format)) print(line);
}

/** Runs the CLI with `argv` (without node and script). Resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = exitCodes.ok;
  try {
    await program().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    throw error;
  }
  return Number(process.exitCode ?? exitCodes.ok);
}

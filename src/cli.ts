/**
 * port-catalog's command line. Thin on purpose: it parses arguments, reads
 * files, calls build(), prints messages, writes files and sets the exit code.
 *
 * Exit codes: 0 success; 1 the sources have errors (or warnings, with
 * --strict), `check` found stale files, or `conflicts` found conflicts;
 * 2 the command line was wrong.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { VFile } from 'vfile';
import { displayPath, loadSources } from './files/load-sources.js';
import { staleArtifacts, writeArtifacts } from './files/write-artifacts.js';
import { compareMessages, countBySeverity, formatMessage } from './messages.js';
import { generator } from './package-info.js';
import { emitConflictsJson } from './emit/conflicts-json.js';
import { forProduct, formatConflicts } from './emit/conflicts-text.js';
import { formatHits, lookup, parsePortQuery, type PortQuery } from './lookup.js';
import { build, type BuildResult, type SourceSummary } from './pipeline.js';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

interface CommonOptions {
  sources: string;
  out: string;
  strict: boolean;
  quiet: boolean;
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
      .option('--strict', 'treat warnings as errors', false)
      .option('-q, --quiet', 'print only problems', false);

  common(cli.command('build'))
    .description('parse the sources and write ports.json, ports.csv and ports.md')
    .action(async (options: CommonOptions) => {
      process.exitCode = await runBuild(options);
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

  common(cli.command('check'))
    .description('rebuild in memory and fail if the committed artifacts are stale')
    .action(async (options: CommonOptions) => {
      process.exitCode = await runCheck(options);
    });

  return cli;
}

/**
 * Loads and builds; prints messages (only errors when `errorsOnly`, as
 * `check` is about staleness). Returns the result, or null when the build must stop.
 */
async function buildFrom(options: CommonOptions, errorsOnly = false): Promise<BuildResult | null> {
  const { manifestFile, documents } = await loadSources(options.sources);
  if (!documents) {
    printMessages([manifestFile], errorsOnly);
    return null;
  }
  const result = build(documents, { generator });
  const files = [manifestFile, ...result.files];
  printMessages(files, errorsOnly);
  const counts = countBySeverity(files.flatMap((file) => file.messages));
  if (counts.error > 0) {
    console.error(`port-catalog: ${counts.error} error(s); nothing was written.`);
    return null;
  }
  if (options.strict && counts.warning > 0) {
    console.error(`port-catalog: ${counts.warning} warning(s) with --strict; nothing was written.`);
    return null;
  }
  return result;
}

async function runBuild(options: CommonOptions): Promise<number> {
  const result = await buildFrom(options);
  if (!result) return exitCodes.failed;
  await writeArtifacts(options.out, result.artifacts);
  if (!options.quiet) {
    const written = Object.keys(result.artifacts).map((name) => displayPath(path.join(options.out, name)));
    console.log(`Wrote ${written.join(', ')}: ${result.dataset.counts.records} records.`);
    for (const source of result.perSource) console.log(`  ${describeSource(source)}`);
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
  if (options.json) {
    const document = { generator, sources: result.dataset.sources, report };
    process.stdout.write(emitConflictsJson(document));
  } else {
    for (const line of formatConflicts(report)) console.log(line);
  }
  return report.conflicts.length > 0 ? exitCodes.failed : exitCodes.ok;
}

function describeSource(source: SourceSummary): string {
  const lines = source.lines
    ? `; lines: ${source.lines.entry} in entries, ${source.lines.structure} structure, ${source.lines.diagnostic} reported`
    : '';
  const { error, warning, info } = source.messages;
  return `${source.id}: ${source.entries} entries, ${source.records} records before merging${lines}; ${error} errors, ${warning} warnings, ${info} notes`;
}

function printMessages(files: readonly VFile[], errorsOnly: boolean): void {
  for (const message of files.flatMap((file) => file.messages).sort(compareMessages)) {
    if (!errorsOnly || message.fatal) console.error(formatMessage(message));
  }
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

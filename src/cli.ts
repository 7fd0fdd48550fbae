/**
 * port-catalog's command line. Thin on purpose: it parses arguments, reads
 * files, calls the pipeline, prints, writes files and sets the exit code.
 *
 * Exit codes: 0 success; 1 the sources have errors (or warnings, with
 * --strict), `check` found stale files, `conflicts` found conflicts,
 * `diff --exit-code` found changes, or the system refused (a read-only or
 * full disk, a locked output folder); 2 the command line was wrong or a diff
 * side could not be read.
 *
 * Everything printed goes through terminal.ts, so text from sources, files
 * or arguments cannot drive the terminal.
 */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { CommandOutput } from './commands/queries.js';
import type { DatasetDiff } from './compare/diff.js';
import { displayPath } from './files/display-path.js';
import type { DatasetSide } from './files/read-dataset.js';
import { FileSystemFault, faultFrom, isErrnoException, verbFor } from './files/os-errors.js';
import { commandLine } from './files/output-lock.js';
import type { OutputFolder, OutputOptions, StepHook } from './files/write-artifacts.js';
import { compareMessages, formatMessages, messageFormats, severityOf, type AcceptedMessages, type MessageFormat } from './model/messages.js';
import { terminalJson, terminalLine, terminalText } from './model/terminal.js';
import { plural } from './model/text.js';
import { generator } from './package-info.js';
import { freeDefaults } from './query/free.js';
import type { BuildResult } from './pipeline/build.js';

// The build pipeline (remark, parse5, ajv) is imported only by the commands
// that build; lookup, free and conflicts read built data and start fast.

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Seams for tests; the command line never sets them. */
export interface CliHooks {
  /** Called after each step of opening and writing the output folder; may throw to stop a build there. */
  afterStep?: StepHook;
  /** How long to wait for another build's lock, in milliseconds (default 2000). */
  lockWaitMs?: number;
}

/** One line to stdout, controls escaped. */
function say(line: string): void {
  console.log(terminalLine(line));
}

/** One line to stderr, controls escaped. */
function warn(line: string): void {
  console.error(terminalLine(line));
}

interface CommonOptions {
  sources: string;
  out: string;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
  format: MessageFormat;
}

/** Prints a query command's answer, escaped, and gives its exit code. */
function printed(output: CommandOutput, json: boolean): number {
  for (const line of output.stdout) console.log(json ? terminalJson(line) : terminalText(line));
  for (const line of output.stderr) warn(line);
  return output.code;
}

function program(argv: readonly string[], hooks: CliHooks): Command {
  const output: OutputOptions = {
    command: commandLine('port-catalog', argv),
    ...(hooks.afterStep ? { afterStep: hooks.afterStep } : {}),
    ...(hooks.lockWaitMs !== undefined ? { lockWaitMs: hooks.lockWaitMs } : {}),
  };
  const cli = new Command('port-catalog')
    .description('Turn port documentation into a clean, merged, deterministic dataset.')
    .version(generator.version, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    // Commander echoes arguments in its errors (`unknown option '…'`).
    .configureOutput({
      writeOut: (text) => process.stdout.write(terminalText(text)),
      writeErr: (text) => process.stderr.write(terminalText(text)),
    })
    .exitOverride();

  const common = (command: Command) =>
    command
      .addOption(new Option('--sources <dir>', 'folder holding sources.json and its documents').default('sources'))
      .addOption(new Option('--out <dir>', 'folder for the artifacts').default('output'))
      .addOption(new Option('--format <format>', 'how problems are printed').choices(messageFormats).default('text'))
      .option('--strict', 'fail on warnings not listed in sources/accepted.json', false)
      .option('-q, --quiet', 'print only errors and warnings not accepted', false)
      .option('--verbose', 'also list info messages (counted, not listed, by default)', false);

  common(cli.command('build'))
    .description('parse the sources and write the artifacts (ports, conflicts, data package)')
    .action(async (options: CommonOptions) => {
      process.exitCode = await runBuild(options, output);
    });

  common(cli.command('check'))
    .description('rebuild in memory and fail if the committed artifacts are stale')
    .action(async (options: CommonOptions) => {
      process.exitCode = await runCheck(options, output);
    });

  const built = '(default: ./output when it holds a build, else the data this package ships)';
  cli
    .command('lookup')
    .description('which product or service uses a port: every catalog and reference record a query matches, read from the built data; exits 1 when nothing matches')
    .argument('<queries...>', 'PORT, PORT/PROTOCOL, A-B, a keyword, or words of a name, product or description, e.g. 6801, 22/udp, 8000-8100, ssh, www, "secure shell"')
    .option('--out <dir>', `folder holding the built data ${built}`)
    .option('--product <name>', 'only this product\'s records')
    .option('--json', 'print JSON for scripts', false)
    .option('--verbose', 'say which built data is read, and why', false)
    .action(async (queries: string[], options: { out?: string; product?: string; json: boolean; verbose: boolean }) => {
      const { lookupCommand } = await import('./commands/queries.js');
      process.exitCode = printed(await lookupCommand(queries, options), options.json);
    });

  cli
    .command('free')
    .description('ports of a range that no catalog product or service, nor any reference assignment, uses, and that a vendor may pick as a default')
    .argument('<range>', 'A-B, e.g. 8000-8100')
    .option('--protocol <protocol>', 'tcp, udp, sctp or dccp', freeDefaults.protocol)
    .option('--count <n>', 'at most this many ports, lowest first', freeDefaults.count)
    .option('--include <kinds>', 'also offer free ports of these kinds, skipped by default: well-known (0–1023), dynamic (49152–65535), reserved (held by IANA); comma-separated')
    .option('--out <dir>', `folder holding the built data ${built}`)
    .option('--json', 'print JSON for scripts', false)
    .option('--verbose', 'say which built data is read, and why', false)
    .action(async (range: string, options: { out?: string; protocol: string; count: string; include?: string; json: boolean; verbose: boolean }) => {
      const { freeCommand } = await import('./commands/queries.js');
      process.exitCode = printed(await freeCommand(range, options), options.json);
    });

  cli
    .command('conflicts')
    .description('print the built conflict report; exit 1 if there is a conflict')
    .option('--product <name>', 'only conflicts that involve this product (e.g. "Transfer CFT"); an unknown name exits 2')
    .option('--out <dir>', `folder holding the built data ${built}`)
    .option('--json', 'print JSON for scripts', false)
    .option('--verbose', 'say which built data is read, and why', false)
    .action(async (options: { out?: string; product?: string; json: boolean; verbose: boolean }) => {
      const { conflictsCommand } = await import('./commands/queries.js');
      process.exitCode = printed(await conflictsCommand(options), options.json);
    });

  cli
    .command('fetch')
    .description('copy each source afresh from its origin URL; where the bytes changed, write them and record their sha256 in the manifest')
    .argument('[ids...]', 'manifest ids to fetch (default: every source with an origin)')
    .addOption(new Option('--sources <dir>', 'folder holding sources.json and its documents').default('sources'))
    .option('--check', 'only say what would change; exit 1 if anything would', false)
    .option('--timeout <seconds>', 'for one source\'s whole transfer', '30')
    .option('--max-bytes <n>', 'the most one source may hold', String(5 * 1024 * 1024))
    .action(async (ids: string[], options: { sources: string; check: boolean; timeout: string; maxBytes: string }) => {
      const { fetchCommand } = await import('./commands/fetch.js');
      process.exitCode = printed(await fetchCommand(ids, options), false);
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
    .option('--source-url <url>', 'web address of the sources folder, to link source lines (e.g. https://github.com/o/r/blob/main/sources)')
    .action(async (oldSide: string | undefined, newSide: string | undefined, options: DiffOptions) => {
      process.exitCode = await runDiff(oldSide, newSide, options);
    });

  return cli;
}

/**
 * Loads and builds; prints problems (only errors when `errorsOnly`, as
 * `check` is about staleness). Returns the result, or null when the build must stop.
 */
type CheckedBuild = BuildResult & { accepted: AcceptedMessages; stale: VFileMessage[] };

/** The modules a build runs, loaded side by side (an import is loaded once, however often asked). */
function buildModules() {
  return Promise.all([
    import('./files/load-sources.js'),
    import('./pipeline/build.js'),
    import('./input/accepted.js'),
    import('./files/prebuilt-file.js'),
    import('./files/web-app.js'),
  ]);
}

async function buildFrom(options: CommonOptions, errorsOnly = false): Promise<CheckedBuild | null> {
  const [{ loadSources, loadAccepted }, { build }, { applyAccepted }, { loadPrebuilt }, { loadWebApp, MissingWebAppError }] = await buildModules();
  // The page's code, bundled by `npm run compile`: index.html embeds it, so without it there is no whole build to write or check.
  const [{ manifestFile, documents }, webApp] = await Promise.all([
    loadSources(options.sources),
    loadWebApp().catch((error: unknown) => {
      if (error instanceof MissingWebAppError) return error;
      throw error;
    }),
  ]);
  if (webApp instanceof MissingWebAppError) {
    warn(`port-catalog: ${webApp.message}`);
    return null;
  }
  if (!documents) {
    printMessages([manifestFile], { errorsOnly, strict: options.strict, quiet: options.quiet, verbose: options.verbose, accepted: new Map() }, options.format);
    return null;
  }
  // The committed sources, read ahead of time by `npm run compile`, where their bytes and options match.
  const prebuilt = loadPrebuilt();
  const result = await build(documents, { generator, webApp, ...(prebuilt ? { prebuilt } : {}) });
  const acceptedFile = await loadAccepted(options.sources);
  const readable = acceptedFile !== null && !acceptedFile.messages.some((message) => message.fatal);
  const acceptedList = readable ? (await import('./input/accepted.js')).readAccepted(acceptedFile) : null;
  const accepted = acceptedFile && acceptedList
    ? applyAccepted(acceptedList, documents.map((document) => ({ id: document.source.id, file: document.file })), acceptedFile)
    : new Map<VFileMessage, string>();
  const files = [manifestFile, ...(acceptedFile ? [acceptedFile] : []), ...result.files];
  printMessages(files, { errorsOnly, strict: options.strict, quiet: options.quiet, verbose: options.verbose, accepted }, options.format);
  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((message) => severityOf(message) === 'error').length;
  const newWarnings = messages.filter((message) => severityOf(message) === 'warning' && !accepted.has(message)).length;
  const stop = errors > 0 ? plural(errors, 'error') : options.strict && newWarnings > 0 ? `${plural(newWarnings, 'warning')} not accepted, with --strict` : null;
  if (stop) {
    warn(`port-catalog: ${stop}; nothing was written.`);
    return null;
  }
  const stale = (acceptedFile?.messages ?? []).filter((message) => message.ruleId === 'accepted-stale');
  // Added to the result, not spread from it: a spread would make its `references`, which a build does not read, records.
  return Object.assign(result, { accepted, stale });
}

/** What opening the output folder found and did (a build finished, leftovers removed), one line each on stderr. */
function printReport(folder: OutputFolder): void {
  for (const line of folder.report) warn(`port-catalog: ${line}`);
}

async function runBuild(options: CommonOptions, output: OutputOptions): Promise<number> {
  // The build's modules load beside the writer's, not after the folder is opened.
  const [{ openOutputFolder }] = await Promise.all([import('./files/write-artifacts.js'), buildModules()]);
  // Locked for the whole build, so a second build into the same folder
  // fails with the holder's name rather than interleave with this one.
  const folder = await openOutputFolder(options.out, output);
  try {
    printReport(folder);
    const result = await buildFrom(options);
    if (!result) return exitCodes.failed;
    // The summary is for a person at a terminal; logs and pipes stay quiet,
    // and then the previous output is not read at all.
    const summarize = !options.quiet && options.format === 'text' && process.stdout.isTTY === true;
    const previous = summarize ? await (await import('./files/read-dataset.js')).readDatasetFile(path.join(options.out, 'ports.json')).catch(() => null) : null;
    await folder.write(result.artifacts);
    if (summarize) {
      const [{ diffRecords }, { formatBuildSummary, plain }] = await Promise.all([import('./compare/diff.js'), import('./summary.js')]);
      const diff = previous ? diffRecords(previous.records, result.dataset.records) : null;
      // The summary escapes what it shows of the sources, then styles it: printed as it is, or the styles would show as text.
      for (const line of formatBuildSummary(result, diff, pc.isColorSupported ? pc : plain, result.accepted)) console.log(line);
      say(`Wrote ${result.artifacts.size} files to ${displayPath(options.out)}/.`);
    }
    return exitCodes.ok;
  } finally {
    await folder.close();
  }
}

async function runCheck(options: CommonOptions, output: OutputOptions): Promise<number> {
  const result = await buildFrom(options, true);
  if (!result) return exitCodes.failed;
  if (result.stale.length > 0) {
    // check is about what is committed: an accepted finding that matches nothing is stale too.
    for (const line of formatMessages(result.stale, 'text')) warn(line);
    warn('port-catalog: sources/accepted.json lists findings that no longer occur; remove them and commit.');
    return exitCodes.failed;
  }
  const { openOutputForCheck, staleArtifacts } = await import('./files/write-artifacts.js');
  // Locked only to compare: an interrupted build is finished first, and a
  // build switching files meanwhile cannot show a mix.
  const folder = await openOutputForCheck(options.out, output);
  let stale: { name: string; missing: boolean }[];
  try {
    printReport(folder);
    stale = await staleArtifacts(options.out, result.artifacts);
  } finally {
    await folder.close();
  }
  if (stale.length > 0) {
    for (const { name, missing } of stale) warn(`${displayPath(path.join(options.out, name))}: ${missing ? 'missing' : 'stale'}`);
    warn(`port-catalog: output is ${stale.every(({ missing }) => missing) ? 'missing' : 'stale'}; run \`npm run build\` and commit the result.`);
    return exitCodes.failed;
  }
  if (!options.quiet) say(`${displayPath(options.out)} is up to date.`);
  return exitCodes.ok;
}

interface DiffOptions {
  git?: string;
  path: string;
  json: boolean;
  exitCode: boolean;
  sourceUrl?: string;
}

async function runDiff(oldSpec: string | undefined, newSpec: string | undefined, options: DiffOptions): Promise<number> {
  const oldInput = options.git ?? oldSpec;
  const newInput = options.git ? oldSpec : newSpec;
  if (!oldInput) {
    warn('port-catalog: diff needs an old side: a ports.json file, a git revision, or --git REV');
    return exitCodes.usage;
  }
  const { readDatasetFile, readDatasetSide } = await import('./files/read-dataset.js');
  let sides: [DatasetSide, DatasetSide];
  try {
    sides = [
      await readDatasetSide(oldInput, options.path),
      newInput ? await readDatasetSide(newInput, options.path) : await readDatasetFile(options.path),
    ];
  } catch (error) {
    warn(`port-catalog: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodes.usage;
  }
  const [before, after] = sides;
  const [{ diffRecords, isEmptyDiff }, { diffConflicts }, { emitDiffMarkdown }] = await Promise.all([
    import('./compare/diff.js'),
    import('./compare/conflict-diff.js'),
    import('./emit/diff-markdown.js'),
  ]);
  const diff: DatasetDiff = diffRecords(before.records, after.records);
  const conflicts = before.conflicts && after.conflicts ? diffConflicts(before.conflicts, after.conflicts) : null;
  if (options.json) {
    console.log(terminalJson(JSON.stringify({ old: before.label, new: after.label, ...diff, ...(conflicts ? { conflicts } : {}) }, null, 2)));
  } else {
    const sourceFiles = Object.fromEntries(after.sources.map((source) => [source.id, source.file]));
    const markdown = emitDiffMarkdown(diff, `${before.label} → ${after.label}`, {
      conflicts,
      sourceUrl: options.sourceUrl ?? null,
      sourceFiles,
      fullDiffHint: 'Run the same `port-catalog diff` with `--json` for all of it.',
    });
    process.stdout.write(terminalText(markdown));
  }
  return options.exitCode && !isEmptyDiff(diff) ? exitCodes.failed : exitCodes.ok;
}

interface PrintChoice {
  /** Only errors (`check`, which is about staleness). */
  errorsOnly: boolean;
  /** `--strict`: in github annotations, leave accepted warnings out, so only new ones land on the pull request. */
  strict: boolean;
  /** Only errors and warnings not accepted. */
  quiet: boolean;
  /** Info messages too; otherwise they are counted in the summary, not listed. */
  verbose: boolean;
  accepted: AcceptedMessages;
}

/** Problems in the chosen format: text to stderr; github and json to stdout, where CI reads them. */
function printMessages(files: readonly VFile[], choice: PrintChoice, format: MessageFormat): void {
  const hideAccepted = choice.quiet || (choice.strict && format === 'github');
  const shown = (message: VFileMessage) => {
    const severity = severityOf(message);
    if (severity === 'error') return true;
    if (choice.errorsOnly) return false;
    if (severity === 'info') return choice.verbose;
    return !(hideAccepted && choice.accepted.has(message));
  };
  const messages = files
    .flatMap((file) => file.messages)
    .filter(shown)
    .sort(compareMessages);
  if (format === 'json') {
    console.log(formatMessages(messages, 'json', choice.accepted).join('\n'));
    return;
  }
  // formatMessages escapes controls already; each line is one message.
  const print = format === 'github' ? say : warn;
  for (const line of formatMessages(messages, format, choice.accepted)) print(line);
}

/**
 * Runs the CLI with `argv` (without node and script). Resolves to the exit
 * code. A refusal by the system (a full disk, a read-only folder, a lock
 * held by another build) is one line on stderr and exit 1; only a bug in
 * this program rejects, with its stack.
 */
export async function main(argv: readonly string[], hooks: CliHooks = {}): Promise<number> {
  process.exitCode = exitCodes.ok;
  try {
    await program(argv, hooks).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    // A system error that reached here unnamed still gets its one line.
    const fault =
      error instanceof FileSystemFault
        ? error
        : isErrnoException(error)
          ? faultFrom(error, verbFor(error.syscall), error.path ? displayPath(error.path) : 'a file')
          : null;
    if (!fault && isTooLarge(error)) {
      warn('port-catalog: the sources make a dataset too large to hold as one text (Invalid string length), expected sources that build an artifact under 512 MB');
      return exitCodes.failed;
    }
    if (!fault) throw error;
    warn(`port-catalog: ${fault.message}`);
    return exitCodes.failed;
  }
  return Number(process.exitCode ?? exitCodes.ok);
}

/** V8's limit on one string: an artifact of a huge source cannot be held whole. */
function isTooLarge(error: unknown): boolean {
  return error instanceof RangeError && /Invalid string length|Array buffer allocation failed/.test(error.message);
}

/**
 * Problems are data: every stage reports them as vfile messages on the file
 * they are about, with a place, a rule from the catalogue (rules.ts) and the
 * severity the catalogue gives it, and carries on.
 */
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
import type { Point } from './location.js';
import { compareText } from './record.js';
import { rules, type Rule, type RuleId, type Severity } from './rules.js';
import { terminalJson, terminalLine } from './terminal.js';

export type { Severity } from './rules.js';

/**
 * Reports a message under one rule; `cause` is an earlier place the message
 * refers to, such as the first occurrence of a duplicate.
 */
export type Reporter = (ruleId: RuleId, reason: string, place: Point, cause?: VFileMessage) => VFileMessage;

/**
 * A reporter for one file and one reporting stage (`source`, e.g.
 * `port-list`), bound once as remark-lint binds a rule's origin.
 */
export function reporterFor(file: VFile, source: string, options: ReporterOptions = {}): Reporter {
  return (ruleId, reason, place, cause) => {
    const rule: Rule = rules[ruleId];
    const severity = rule.unreadable && options.unreadable === 'warning' ? 'warning' : rule.severity;
    const hinted = options.hints && rule.hint && severity === 'error' ? `${reason}; ${rule.hint}` : reason;
    const message = messageOn(file, hinted, { place, source, ruleId, cause });
    setSeverity(message, severity);
    return message;
  };
}

export interface ReporterOptions {
  /** How to report an entry that cannot be read (rules marked `unreadable`); `error` unless the manifest says otherwise. */
  unreadable?: 'error' | 'warning';
  /** Add to an error the manifest option that would read or skip it (the rule's hint): for pages, read by a manifest entry's options. */
  hints?: boolean;
}

/**
 * A message that only stands as another's `cause` (a first occurrence): it is
 * not added to any file.
 */
export function causeAt(file: VFile, reason: string, place: Point): VFileMessage {
  const message = messageOn(file, reason, { place });
  file.messages.pop();
  return message;
}

/**
 * Adds a message to `file`. A VFileMessage is an Error, so making one
 * records a stack trace that nothing here reads; a large source reports
 * thousands, and skipping the trace makes each about four times cheaper.
 */
export function messageOn(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Gives a message its severity (vfile keeps it in `fatal`: true error, false warning, undefined info). */
export function setSeverity(message: VFileMessage, severity: Severity): void {
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

/** The severity a message was reported with. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/**
 * Compiler-style text: `path:line:col: severity: reason (source:rule)`,
 * the form editors and CI logs link to. Always one line, with controls shown
 * as escapes (see terminal.ts): a path or reason can hold any text.
 */
export function formatMessage(message: VFileMessage): string {
  const where = `${message.file || '<input>'}:${message.line ?? 1}:${message.column ?? 1}`;
  const rule = [message.source, message.ruleId].filter(Boolean).join(':');
  return terminalLine(`${where}: ${severityOf(message)}: ${message.reason}${rule ? ` (${rule})` : ''}`);
}

/** Counts messages by severity. */
export function countBySeverity(messages: readonly VFileMessage[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const message of messages) counts[severityOf(message)] += 1;
  return counts;
}

/** Orders messages by file, line, column, then text, so reports are stable. */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.reason, b.reason)
  );
}

export type MessageFormat = 'text' | 'github' | 'json';
export const messageFormats: readonly MessageFormat[] = ['text', 'github', 'json'];

/** Warnings a maintainer has reviewed (sources/accepted.json), each with the reason given. */
export type AcceptedMessages = ReadonlyMap<VFileMessage, string>;

const noneAccepted: AcceptedMessages = new Map();

/** A message as plain data, for `--format json`: `accepted` says whether it was reviewed, and `acceptedReason` why. */
export function messageData(message: VFileMessage, accepted: AcceptedMessages = noneAccepted) {
  return {
    file: message.file ?? '',
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severityOf(message),
    source: message.source ?? null,
    ruleId: message.ruleId ?? null,
    message: message.reason,
    accepted: accepted.has(message),
    acceptedReason: accepted.get(message) ?? null,
  };
}

/**
 * A GitHub workflow annotation (`::warning file=…,line=…,col=…::message`), so
 * a warning lands on its line of the pull request. GitHub's escaping comes
 * first, so line breaks stay line breaks of the annotation; any control left
 * is then shown as an escape, as the log is also read in a terminal.
 */
export function formatGithubAnnotation(message: VFileMessage, accepted: AcceptedMessages = noneAccepted): string {
  // A reviewed warning is a notice, so a pull request's warnings are only new ones.
  const level = accepted.has(message) ? 'notice' : { error: 'error', warning: 'warning', info: 'notice' }[severityOf(message)];
  const rule = [message.source, message.ruleId].filter(Boolean).join(':');
  const properties = [
    `file=${escapeProperty(message.file ?? '')}`,
    `line=${message.line ?? 1}`,
    `col=${message.column ?? 1}`,
    ...(rule ? [`title=${escapeProperty(rule)}`] : []),
  ].join(',');
  return terminalLine(`::${level} ${properties}::${escapeData(message.reason)}`);
}

// GitHub's own escaping for workflow commands: data, then properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Messages in a format: one line each for text and github, one JSON array for
 * json (with the controls JSON leaves raw escaped; the data is the same).
 * Accepted warnings are marked in each: `(accepted)` at the end of a text
 * line, a github notice, and `"accepted": true` with the reason in JSON.
 */
export function formatMessages(messages: readonly VFileMessage[], format: MessageFormat, accepted: AcceptedMessages = noneAccepted): string[] {
  if (format === 'json') return [terminalJson(JSON.stringify(messages.map((message) => messageData(message, accepted)), null, 2))];
  if (format === 'github') return messages.map((message) => formatGithubAnnotation(message, accepted));
  return messages.map((message) => (accepted.has(message) ? `${formatMessage(message)} (accepted)` : formatMessage(message)));
}

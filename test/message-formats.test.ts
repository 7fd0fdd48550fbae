/**
 * Diagnostic formats: github annotations and json, on values and from `build`.
 */
import { VFile } from 'vfile';
import { main } from '../src/cli.js';
import { describe, expect, it } from 'vitest';
import { formatGithubAnnotation, formatMessages, reporterFor } from '../src/model/messages.js';
import { acceptedFindings, captureOutput, folderWith } from './helpers.js';

describe('diagnostic formats', () => {
  const file = new VFile({ path: 'sources/port-numbers.txt' });
  const report = reporterFor(file, 'port-list');
  const warning = report('name-missing', 'Unexpected port 101 without a name, expected a name', { line: 253, column: 1 });
  const error = report('port-range', 'Unexpected port 70000, expected 0–65535\nsecond line 100%', { line: 412, column: 5 });

  it('github: workflow annotations on the line, with GitHub escaping', () => {
    expect(formatGithubAnnotation(warning)).toBe(
      '::warning file=sources/port-numbers.txt,line=253,col=1,title=port-list%3Aname-missing::Unexpected port 101 without a name, expected a name',
    );
    expect(formatGithubAnnotation(error)).toBe(
      '::error file=sources/port-numbers.txt,line=412,col=5,title=port-list%3Aport-range::Unexpected port 70000, expected 0–65535%0Asecond line 100%25',
    );
  });

  it('json: one array of plain objects', () => {
    expect(JSON.parse(formatMessages([warning], 'json')[0] ?? '')).toEqual([
      {
        file: 'sources/port-numbers.txt',
        line: 253,
        column: 1,
        severity: 'warning',
        source: 'port-list',
        ruleId: 'name-missing',
        message: 'Unexpected port 101 without a name, expected a name',
        accepted: false,
        acceptedReason: null,
      },
    ]);
  });

  it('marks an accepted warning in every format, with its reason in json', () => {
    const accepted = new Map([[warning, 'reviewed by hand']]);
    expect(formatMessages([warning, error], 'text', accepted)).toEqual([
      'sources/port-numbers.txt:253:1: warning: Unexpected port 101 without a name, expected a name (port-list:name-missing) (accepted)',
      'sources/port-numbers.txt:412:5: error: Unexpected port 70000, expected 0–65535\\nsecond line 100% (port-list:port-range)',
    ]);
    expect(formatMessages([warning], 'github', accepted)).toEqual([
      '::notice file=sources/port-numbers.txt,line=253,col=1,title=port-list%3Aname-missing::Unexpected port 101 without a name, expected a name',
    ]);
    expect(JSON.parse(formatMessages([warning], 'json', accepted)[0] ?? '')).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'name-missing', accepted: true, acceptedReason: 'reviewed by hand' }),
    ]);
  });
});

describe('build --format github', () => {
  const { stdout } = captureOutput();
  const annotation = (level: string) =>
    `::${level} file=sources/port-numbers.txt,line=655,col=1,title=overlap%3Avacancy::Unexpected assigned port 876 (ICL coNETion locate server) inside the unassigned range 875–885 at line 654 (tcp, udp), expected no overlap; both kept`;

  it('prints the accepted warnings of the committed sources as notices', async () => {
    expect(await main(['build', '--out', await folderWith({}), '--format', 'github'])).toBe(0);
    expect(stdout).toContain(annotation('notice'));
    expect(stdout.filter((line) => line.startsWith('::warning'))).toEqual([]);
    expect(stdout.filter((line) => line.startsWith('::notice'))).toHaveLength(acceptedFindings().length);
  });

  it('with --strict, leaves accepted warnings out, so a pull request shows only new ones', async () => {
    expect(await main(['build', '--strict', '--out', await folderWith({}), '--format', 'github'])).toBe(0);
    expect(stdout).toEqual([]);
  });
});

describe('build --format json', () => {
  const { stdout } = captureOutput();

  it('says which warnings are accepted, and why', async () => {
    expect(await main(['build', '--out', await folderWith({}), '--format', 'json'])).toBe(0);
    const messages = JSON.parse(stdout.join('\n')) as { line: number; ruleId: string; accepted: boolean; acceptedReason: string | null }[];
    expect(messages).toHaveLength(acceptedFindings().length);
    expect(messages.every((message) => message.accepted)).toBe(true);
    expect(messages.find((message) => message.line === 246 && message.ruleId === 'ambiguous-name')).toEqual(
      expect.objectContaining({
        line: 246,
        ruleId: 'ambiguous-name',
        accepted: true,
        acceptedReason: expect.stringMatching(/^The scraped list writes the bold name/) as unknown,
      }),
    );
  });
});

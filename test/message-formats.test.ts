/**
 * Diagnostic formats: github annotations and json, on values and from `build`.
 */
import { VFile } from 'vfile';
import { main } from '../src/cli.js';
import { describe, expect, it } from 'vitest';
import { formatGithubAnnotation, formatMessages, reporterFor } from '../src/model/messages.js';
import { captureOutput, folderWith } from './helpers.js';

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
      },
    ]);
  });
});

describe('build --format github', () => {
  const { stdout } = captureOutput();

  it('prints annotations to stdout', async () => {
    expect(await main(['build', '--out', await folderWith({}), '--format', 'github'])).toBe(0);
    expect(stdout).toContain(
      '::warning file=sources/port-numbers.txt,line=253,col=1,title=port-list%3Aname-missing::Unexpected port 101 without a name, expected a name after the port line',
    );
  });
});

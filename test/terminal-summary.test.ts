/**
 * The build summary as a person sees it: the compiled command run under a
 * pseudo-terminal (util-linux `script`), so stdout is a TTY and picocolors
 * styles the summary. What the terminal receives must be real style
 * sequences, and the screen, once they are applied, plain words.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { folderWith, seedSourcesFolder } from './helpers.js';

/** Runs the CLI under a pseudo-terminal; returns the bytes the terminal received. */
function underTerminal(args: string[], env: Record<string, string | undefined> = {}): string {
  const command = ['node', 'dist/bin.js', ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, CI: _ci, ...inherited } = process.env;
  const result = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', env: { ...inherited, TERM: 'xterm-256color', ...env } });
  if (result.status !== 0) throw new Error(`script exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** What a terminal shows: style sequences applied (here: removed), carriage returns gone. */
function screen(bytes: string): string[] {
  // eslint-disable-next-line no-control-regex -- the SGR sequences a terminal interprets.
  return bytes.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '').split('\n');
}

describe('the build summary of the seed sources on a terminal', () => {
  it('sends real style sequences, and the screen shows the words without escapes', async () => {
    const out = await folderWith({});
    const bytes = underTerminal(['build', '--sources', await seedSourcesFolder(), '--out', out]);
    expect(bytes).toContain('\u001b[1mport-catalog: 781 catalog records (no previous output to compare)\u001b[22m');
    expect(bytes).not.toContain('\\x1b');
    const shown = screen(bytes);
    const summary = shown.slice(shown.findIndex((line) => line.startsWith('port-catalog: ')));
    expect(summary).toEqual([
      'port-catalog: 781 catalog records (no previous output to compare)',
      'source              records  lines entry/structure/reported  problems',
      'transfer-cft-ports  12       -                               ok',
      'port-numbers        771      485/48/0                        15 accepted warnings, 2 notes',
      'iana (reference)    12341    49364/2/0                       ok',
      expect.stringMatching(/^Wrote 8 files to .*\/\.$/),
      '',
    ]);
  });

  it('uses no colour when NO_COLOR is set', async () => {
    const bytes = underTerminal(['build', '--sources', await seedSourcesFolder(), '--out', await folderWith({})], { NO_COLOR: '1' });
    expect(bytes).not.toContain('\u001b');
    expect(screen(bytes)).toContain('port-catalog: 781 catalog records (no previous output to compare)');
  });
});

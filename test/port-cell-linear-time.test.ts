/**
 * The port-cell grammar stays linear on hostile cells. Moved out of
 * port-cell.test.ts so the mutation run (vitest.stryker.config.mjs), which
 * leaves out timing tests, can leave it out by file name.
 */
import { describe, it } from 'vitest';
import { readPortCell } from '../src/grammar/port-cell.js';
import { expectLinear } from './linear-growth.js';

describe('linear time', () => {
  /** Hostile cells: `count` repetitions of a pattern that a backtracking or re-scanning reader chokes on. */
  const hostile: Record<string, (count: number) => string> = {
    '1,': (count) => '1,'.repeat(count),
    '1 - ': (count) => '1 - '.repeat(count),
    '(': (count) => '('.repeat(count),
    '80/': (count) => '80/'.repeat(count),
    'TCP ': (count) => 'TCP '.repeat(count),
    '[': (count) => '['.repeat(count),
    'TCP, ': (count) => `${'TCP, '.repeat(count)}x`,
    'a ': (count) => `${'a '.repeat(count)}80`,
    'Dynamic-': (count) => `${'Dynamic-'.repeat(count)}x`,
    '1 (a) ': (count) => '1 (a) '.repeat(count),
    '(a)': (count) => '(a)'.repeat(count),
    'a (…)': (count) => `${'a ('.repeat(count)}1${')'.repeat(count)}`,
    '80 TCP ': (count) => '80 TCP '.repeat(count),
    '^': (count) => '1^'.repeat(count),
    '\u00a0': (count) => `1${'\u00a0'.repeat(count)}`,
    // `/` between ports, and runs of it.
    '1/': (count) => `${'1/'.repeat(count)}1`,
    '1 / ': (count) => `${'1 / '.repeat(count)}1`,
    '/': (count) => '/'.repeat(count),
    'TCP 1/': (count) => `TCP ${'1/'.repeat(count)}1`,
    // Open-ended ranges and ranges in words.
    'greater than ': (count) => 'greater than '.repeat(count),
    'greater than 1, ': (count) => `${'greater than 1, '.repeat(count)}1`,
    '1 and above, ': (count) => `${'1 and above, '.repeat(count)}1`,
    '1+': (count) => '1+'.repeat(count),
    '>': (count) => '>'.repeat(count),
    'between 1 and 2, ': (count) => `${'between 1 and 2, '.repeat(count)}1`,
    'from 1 to ': (count) => 'from 1 to '.repeat(count),
    // Thousands separators.
    ',000': (count) => `1${',000'.repeat(count)}`,
    '1,000 ': (count) => '1,000 '.repeat(count),
    '1 000 ': (count) => '1 000 '.repeat(count),
    '22,443,': (count) => '22,443,'.repeat(count),
    // Words before ports, alternatives, nested parentheses.
    'a (1), ': (count) => `${'a (1), '.repeat(count)}a (1)`,
    '1, a (…)': (count) => `1, ${'a ('.repeat(count)}1${')'.repeat(count)}`,
    '1 (…)': (count) => `${'1 ('.repeat(count)}1${')'.repeat(count)}`,
    '1 (2) ': (count) => '1 (2) '.repeat(count),
    '((…))': (count) => `1 ${'('.repeat(count)}${')'.repeat(count)}`,
    // `:port`.
    ':': (count) => ':'.repeat(count),
    ':1 ': (count) => ':1 '.repeat(count),
  };

  it.each(Object.keys(hostile))('reads %j repetitions in linear time', (name) => {
    const make = hostile[name];
    if (make === undefined) throw new Error(`no hostile input ${name}`);
    expectLinear(readPortCell, make(5_000), make(20_000));
  });
});

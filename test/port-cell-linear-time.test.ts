/**
 * The port-cell grammar stays linear on hostile cells. Moved out of
 * port-cell.test.ts so the mutation run (vitest.stryker.config.mjs), which
 * leaves out timing tests, can leave it out by file name.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readPortCell } from '../src/grammar/port-cell.js';

describe('linear time', () => {
  const runs = 5;
  const maxGrowth = 8;
  const smallTime = 10;
  /**
   * Other work on a shared machine can slow one measurement; quadratic work
   * grows about 16 times on every attempt, so a second or third attempt only
   * absorbs that noise and never lets a quadratic reader pass.
   */
  const attempts = 3;

  /** Median time, in milliseconds, of `repeat` readings of the text. */
  function median(text: string, repeat: number): number {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      for (let index = 0; index < repeat; index++) readPortCell(text);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(runs / 2)] ?? Number.POSITIVE_INFINITY;
  }

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
  };

  /** How much longer 4n takes than n, with both sides repeated until the n side is measurable. */
  function growth(small: string, large: string): number {
    readPortCell(small);
    readPortCell(large);
    // Fast-failing cells finish in well under a millisecond, so they are read many times per run.
    let repeat = 1;
    while (median(small, repeat) < smallTime) repeat *= 2;
    return median(large, repeat) / median(small, repeat);
  }

  it.each(Object.keys(hostile))('reads %j repetitions in linear time', (name) => {
    const make = hostile[name];
    if (make === undefined) throw new Error(`no hostile input ${name}`);
    const small = make(20_000);
    const large = make(80_000);
    const growths: number[] = [];
    for (let attempt = 0; attempt < attempts && !growths.some((value) => value < maxGrowth); attempt++) {
      growths.push(growth(small, large));
    }
    expect(Math.min(...growths), `growth at 4× the size, per attempt: ${growths.map((value) => value.toFixed(1)).join(', ')}`).toBeLessThan(maxGrowth);
  });
});

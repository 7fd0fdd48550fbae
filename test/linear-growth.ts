/**
 * The one way tests check that work stays linear: run it at size n and at
 * 4n, and bound how much longer 4n takes. Linear work grows about 4 times,
 * quadratic work 16 times; the bound is 8, midway, never an absolute time.
 *
 * Each run is timed in the process's CPU time, so the time the machine gives
 * other processes is not counted. Timer noise is kept small by measuring
 * enough work: work whose size-n run
 * takes under `minimumTime` is repeated, the same number of times at n and
 * 4n, until it takes that long. A busy machine (another test file in the
 * other worker, a build beside the suite) can still slow one measurement,
 * by far more than the bound's margin: 14× has been seen for linear work.
 * So growth past the bound is measured again, up to `attempts` times, and the
 * best attempt counts; quadratic work grows about 16 times on every attempt,
 * so a retry only absorbs noise. A case stops retrying once it has spent
 * `budget` milliseconds, so even quadratic code bounds the test's runtime.
 */
import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';

export const maxGrowth = 8;
/** Milliseconds the size-n side must take, repeated if need be, before a ratio is worth trusting. */
const minimumTime = 10;
const attempts = 3;
/** Milliseconds after which a case stops retrying. */
const budget = 6_000;

type Work<T> = (input: T) => void;

/**
 * CPU time, in milliseconds, of `repeat` runs of the work: the process's own
 * (user and system, every thread), not the wall clock, so time the machine
 * gives other processes (the other test worker, a build beside the suite)
 * is not counted. Linux accounts it to the microsecond.
 */
function time<T>(work: Work<T>, input: T, repeat: number): number {
  const start = process.cpuUsage();
  for (let index = 0; index < repeat; index++) work(input);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** The better of two timings of `repeat` runs: a busy machine only ever adds time. */
function best<T>(work: Work<T>, input: T, repeat: number): number {
  return Math.min(time(work, input, repeat), time(work, input, repeat));
}

/**
 * How much longer 4n takes than n. The first run at n warms the JIT and is
 * not counted; its time sets how many times to repeat the work so that the
 * size-n side takes at least `minimumTime`. The size-n side is the better of
 * two timings, since an inflated size-n time would hide growth. 4n is timed
 * once, and again only if it grew past the bound. Linear work whose size-n
 * run takes `minimumTime` or more so costs six runs at n: the warm-up, two
 * at n and one at 4n.
 */
function growth<T>(work: Work<T>, small: T, large: T): { growth: number; smallTime: number } {
  const warmUp = time(work, small, 1);
  let repeat = Math.max(1, Math.ceil(minimumTime / Math.max(warmUp, 0.001)));
  let smallTime = best(work, small, repeat);
  // The warm-up also pays for compiling, so it can ask for too few repeats.
  while (smallTime < minimumTime) {
    repeat *= 2;
    smallTime = best(work, small, repeat);
  }
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2 && fastest >= maxGrowth; run++) fastest = Math.min(fastest, time(work, large, repeat) / smallTime);
  return { growth: fastest, smallTime };
}

/** Expects `work` on `large` (4× `small`) to take under 8× as long as on `small`. */
export function expectLinear<T>(work: Work<T>, small: T, large: T): void {
  const started = performance.now();
  const seen: { growth: number; smallTime: number }[] = [];
  const settled = () => seen.some((one) => one.growth < maxGrowth);
  while (seen.length < attempts && !settled() && performance.now() - started < budget) seen.push(growth(work, small, large));
  expect(Math.min(...seen.map((one) => one.smallTime))).toBeGreaterThanOrEqual(minimumTime);
  const growths = seen.map((one) => one.growth.toFixed(1));
  expect(Math.min(...seen.map((one) => one.growth)), `growth at 4× the size, per attempt: ${growths.join(', ')}`).toBeLessThan(maxGrowth);
}

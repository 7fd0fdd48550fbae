/**
 * Every property test's settings, before any test file runs: a fixed seed, so
 * a run checks the same inputs on every machine and a failure can be run
 * again (set PORT_CATALOG_SEED to try other inputs), and a time limit below
 * vitest's own, so a busy machine checks fewer inputs instead of failing.
 */
import fc from 'fast-check';

const seed = Number(process.env.PORT_CATALOG_SEED ?? 20_261_206);
if (!Number.isSafeInteger(seed)) throw new Error(`Unexpected PORT_CATALOG_SEED \`${process.env.PORT_CATALOG_SEED ?? ''}\`, expected a whole number`);

fc.configureGlobal({ seed, interruptAfterTimeLimit: 4_000, markInterruptAsFailure: false });

// The test suite `npm test` runs: every test/**/*.test.ts. Mutation testing's
// working copies (.stryker-tmp/) and reports are not tests of this checkout.
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
    setupFiles: ['test/fast-check-setup.ts'],
    // One test file per core. vitest's default leaves a core free, which on a
    // 2-core machine runs the files one at a time; much of the suite waits on
    // child processes and a browser, so the second worker nearly halves it.
    maxWorkers: availableParallelism(),
    minWorkers: 1,
    // Time-bound checks bound themselves (test/linear-growth.ts stops retrying
    // after 6 s; property tests stop at 4 s). vitest's own 5 s is only a
    // backstop, and on a busy machine (two workers, a build beside the suite)
    // a linear-time check's retries ran past it; 20 s still catches a hang.
    testTimeout: 20_000,
  },
});

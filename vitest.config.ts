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
  },
});

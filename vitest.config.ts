// The test suite `npm test` runs: every test/**/*.test.ts. Mutation testing's
// working copies (.stryker-tmp/) and reports are not tests of this checkout.
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Test files that replace a module (vi.mock, vi.doMock): each needs a module graph of its own. */
const replacingModules = ['test/faults.test.ts', 'test/web-app.test.ts', 'test/table-lines.test.ts'];

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
    // The files share each worker's loaded modules instead of loading the
    // pipeline afresh for each of 80 files, which took a fifth of the suite's
    // time. vitest decides isolation per pool, so the files that replace a
    // module, which need a module graph of their own, run in the threads pool,
    // isolated, and the rest in forks (some change the working directory,
    // which a thread cannot).
    poolOptions: { forks: { isolate: false }, threads: { isolate: true } },
    projects: [
      { extends: true, test: { name: 'shared', pool: 'forks', exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**', ...replacingModules] } },
      { extends: true, test: { name: 'isolated', pool: 'threads', include: replacingModules } },
    ],
  },
});

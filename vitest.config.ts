// The test suite `npm test` runs: every test/**/*.test.ts. Mutation testing's
// working copies (.stryker-tmp/) and reports are not tests of this checkout.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Mutation testing's working copies and reports: not tests of this checkout. */
const notTests = [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'];

/** Test files that replace a module (vi.mock, vi.doMock): each needs a module graph of its own. */
const replacingModules = ['test/faults.test.ts', 'test/web-app.test.ts', 'test/table-lines.test.ts', 'test/plain-blocks.test.ts'];

/**
 * The files that take longest, longest first (wall time, measured 2026-12-06).
 * vitest starts the files that took longest last time first, but a fresh
 * clone has no last time, and vitest then starts the largest files first:
 * the long checks sit in small files, and would start last and run on one
 * core while the other idles.
 */
const slowestFiles = [
  'test/web-page.test.ts',
  'test/faults.test.ts',
  'test/linear-time.test.ts',
  'test/prebuilt-sources.test.ts',
  'test/package.test.ts',
  'test/readme-examples.test.ts',
  'test/markdown-streaming.test.ts',
  'test/properties.test.ts',
  'test/port-cell-linear-time.test.ts',
  'test/html-landmarks.test.ts',
  'test/catalog-sources.test.ts',
];

/** vitest's own order, with the slowest files first. */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = slowestFiles.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join('/'));
      return at === -1 ? slowestFiles.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    exclude: notTests,
    setupFiles: ['test/fast-check-setup.ts'],
    sequence: { sequencer: SlowestFirst },
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
      { extends: true, test: { name: 'shared', pool: 'forks', exclude: [...notTests, ...replacingModules] } },
      { extends: true, test: { name: 'isolated', pool: 'threads', include: replacingModules } },
    ],
  },
});

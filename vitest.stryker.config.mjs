// Vitest settings for `npm run mutate` only: stryker.config.json points here, and
// `npm test` does not use this file. See TESTING.md.
//
// It runs the test files that state what the core modules (stryker.config.json's
// `mutate`) must do, listed by name so a new test of the command line or the file
// system does not slow the mutation run down or break it. Left out on purpose:
// - timing tests (linear-time.test.ts, port-cell-linear-time.test.ts): they measure
//   growth ratios, which instrumented code distorts, and would make every mutant
//   that survives cost seconds;
// - the fast-check property suite (properties.test.ts): slow, and random;
// - command-line, summary, file-system and packaging tests (cli, summary,
//   message-formats, faults, package, queries, diff), and the block readers and
//   text normalization outside the core (asciidoc-blocks, rst-blocks, normalize-text).
//
// test/preload-readers.ts loads every reader first, so their module-level
// constants are static mutants, as they were before readers were loaded on
// demand (see that file).
//
// PORT_CATALOG_NO_MEMO makes `shared()` in test/helpers.ts compute shared results
// inside each test that uses them, so Stryker's per-test coverage sees which test
// runs which code (work done in beforeAll or a describe body belongs to no test).
import { defineConfig } from 'vitest/config';

const coreTests = [
  'port-cell',
  'port-cell-edges',
  'port-cell-layouts',
  'protocol-words',
  'normalize',
  'merge',
  'range-buckets',
  'conflicts',
  'product-clash',
  'build-findings',
  'emit',
  'artifact-streams',
  'markdown-streaming',
  'markdown-stability',
  'table-lines',
  'html-tables',
  'html-table-edges',
  'html-grid',
  'html-token-tables',
  'legend',
  'markdown-page',
  'transfer-cft',
  'readers',
  'port-list',
  'port-list-layouts',
  'port-list-edges',
  'reference-parsers',
  'registry-keywords',
  'bad-input',
  'perturbation',
  'schema',
  'reference-rows',
];

export default defineConfig({
  test: {
    include: coreTests.map((name) => `test/${name}.test.ts`),
    setupFiles: ['test/preload-readers.ts'],
    env: { PORT_CATALOG_NO_MEMO: '1' },
  },
});

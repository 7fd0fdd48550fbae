/**
 * Set-up for `npm run mutate` only (vitest.stryker.config.mjs): loads every
 * reader, and the pipeline with its writers, before any test runs. The registry loads a reader when a build
 * first needs it, so without this a reader's module-level constants (its
 * patterns and tag lists) would first run inside whichever test built
 * first, and the mutation run would try their mutants against that one test
 * alone. Loaded here, they run at load time, as the run's static mutants.
 */
import { formats, loadParsers } from '../src/parsers/registry.js';
// The pipeline and its writers too: a test that imports them inside itself would otherwise own their constants.
import '../src/pipeline/build.js';

await loadParsers(formats);

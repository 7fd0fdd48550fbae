// The test suite `npm test` runs: every test/**/*.test.ts. Mutation testing's
// working copies (.stryker-tmp/) and reports are not tests of this checkout.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
  },
});

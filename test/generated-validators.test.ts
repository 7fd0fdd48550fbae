/**
 * The validators the build runs (src/generated/validators.ts) are ajv's own
 * code for schemas/, compiled ahead of time. This test compiles them again
 * and fails when the committed file is stale; `npm run generate` rewrites it.
 * schema.test.ts checks what the compiled validators say.
 */
import { describe, expect, it } from 'vitest';
import { validatorModuleText } from '../src/model/ajv.js';

describe('generated validators', () => {
  it('match schemas/', async () => {
    await expect(validatorModuleText()).toMatchFileSnapshot('../src/generated/validators.ts');
  });
});

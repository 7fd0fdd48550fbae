/**
 * The TypeScript types in src/generated/ are derived from schemas/, the single
 * source of truth. This test regenerates them and fails when the committed file
 * is stale; `npm run generate` rewrites it.
 */
import { compileFromFile, type Options } from 'json-schema-to-typescript';
import { describe, expect, it } from 'vitest';

const options: Partial<Options> = {
  bannerComment:
    '/* Generated from schemas/*.schema.json by `npm run generate`. Do not edit. */',
  cwd: 'schemas',
  additionalProperties: false,
  ignoreMinAndMaxItems: true,
  strictIndexSignatures: true,
  format: true,
};

describe('generated schema types', () => {
  it('match schemas/', async () => {
    const record = await compileFromFile('schemas/port-record.schema.json', options);
    const manifest = await compileFromFile('schemas/manifest.schema.json', {
      ...options,
      bannerComment: '',
    });
    const dataset = await compileFromFile('schemas/dataset.schema.json', {
      ...options,
      bannerComment: '',
      declareExternallyReferenced: false,
    });
    const accepted = await compileFromFile('schemas/accepted.schema.json', { ...options, bannerComment: '' });
    await expect([record, manifest, dataset, accepted].join('\n')).toMatchFileSnapshot(
      '../src/generated/schema-types.ts',
    );
  });
});

/** RULES.md is the readers' copy of the rule catalogue (src/model/rules.ts): the two must agree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/model/rules.js';

/** `rule → severity` from the rows of RULES.md's table. */
function documentedRules(): Record<string, string> {
  const rows = readFileSync('RULES.md', 'utf8')
    .split('\n')
    .filter((line) => /^\| `[a-z0-9-]+` \|/.test(line));
  return Object.fromEntries(
    rows.map((line) => {
      const [, id = '', severity = ''] = /^\| `([a-z0-9-]+)` \| (\w+) \|/.exec(line) ?? [];
      return [id, severity];
    }),
  );
}

describe('RULES.md', () => {
  it('lists every rule of the catalogue once, with its severity', () => {
    const catalogue = Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.severity]));
    expect(documentedRules()).toEqual(catalogue);
  });

  it('has no row twice', () => {
    const ids = readFileSync('RULES.md', 'utf8').match(/^\| `[a-z0-9-]+` \|/gm) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

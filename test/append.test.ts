import { describe, expect, it } from 'vitest';
import { append } from '../src/model/append.js';

describe('append', () => {
  it('adds every item in order, from an array or any iterable', () => {
    const target = [1];
    append(target, [2, 3]);
    append(target, new Set([4, 5]));
    expect(target).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes 300,000 items, where push(...items) overflows the stack', () => {
    const items = Array.from({ length: 300_000 }, (_, index) => index);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target: number[] = [];
    append(target, items);
    expect(target.length).toBe(300_000);
    expect(target[299_999]).toBe(299_999);
  });
});

/**
 * RangeBuckets (catalog/range-buckets.ts): items found by number, then by a
 * scan that stops growing once a number holds more than eight items.
 */
import { describe, expect, it } from 'vitest';
import { RangeBuckets } from '../src/catalog/range-buckets.js';

interface Item {
  name: string;
}

function counted() {
  const calls = { matches: 0, keys: 0 };
  const buckets = new RangeBuckets<Item, string>({
    matches: (item, probe) => {
      calls.matches += 1;
      return item.name === probe;
    },
    keyOfItem: (item) => {
      calls.keys += 1;
      return item.name;
    },
    keyOfProbe: (probe) => {
      calls.keys += 1;
      return probe;
    },
  });
  return { buckets, calls };
}

describe('RangeBuckets', () => {
  it('finds what was added under its number only, and keeps each number’s items in the order added', () => {
    const { buckets } = counted();
    const a = { name: 'a' };
    const b = { name: 'b' };
    const c = { name: 'a' };
    buckets.add(7, a);
    buckets.add(7, b);
    buckets.add(65536, c);
    expect(buckets.find(7, 'a')).toBe(a);
    expect(buckets.find(7, 'b')).toBe(b);
    expect(buckets.find(65536, 'a')).toBe(c);
    expect(buckets.find(65536, 'b')).toBeUndefined();
    expect(buckets.find(8, 'a')).toBeUndefined();
    expect(buckets.itemsOf(7)).toEqual([a, b]);
    expect(buckets.itemsOf(65536)).toEqual([c]);
    expect(buckets.itemsOf(9)).toEqual([]);
    expect([...buckets.sortedKeys()]).toEqual([7, 65536]);
  });

  it('sorts numbers as numbers, past 2^31', () => {
    const { buckets } = counted();
    for (const bucket of [17179869183, 10, 2 ** 31 + 1, 9, 2 ** 31]) buckets.add(bucket, { name: String(bucket) });
    expect([...buckets.sortedKeys()]).toEqual([9, 10, 2 ** 31, 2 ** 31 + 1, 17179869183]);
  });

  it('scans at most eight items per lookup, however many one number holds', () => {
    const { buckets, calls } = counted();
    const items = Array.from({ length: 1000 }, (_, index) => ({ name: `n${index}` }));
    for (const item of items) {
      expect(buckets.find(5, item.name)).toBeUndefined();
      buckets.add(5, item);
    }
    expect(calls.matches).toBe(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8);
    // The index is built once, from the first nine, then grows by one key per item added, one per lookup.
    expect(calls.keys).toBe(9 + 991 + 991);
    calls.matches = 0;
    calls.keys = 0;
    for (const item of items) expect(buckets.find(5, item.name)).toBe(item);
    expect(calls.matches).toBe(0);
    expect(calls.keys).toBe(1000);
    expect(buckets.itemsOf(5)).toEqual(items);
  });
});

/**
 * Items kept under a number (a port range, with or without its protocol,
 * as identity.ts writes it), and found under it by a scan: a range usually
 * holds one or two. Past a handful (thousands of services on one port) a
 * key's items are indexed by a text, so every lookup stays one step however
 * many there are. Merging and the Markdown writer both group records this way.
 */

/** How items are told apart within one key. */
export interface BucketRules<T, P> {
  /** Whether `item` is the one `probe` looks for. */
  matches(item: T, probe: P): boolean;
  /** A text that is equal for two items exactly when one matches the other's probe. */
  keyOfItem(item: T): string;
  keyOfProbe(probe: P): string;
}

/** Items per key scanned before they are indexed. */
const scanLimit = 8;

/** A key's items when there are several. */
class Several<T> {
  index: Map<string, T> | null = null;

  constructor(readonly items: T[]) {}
}

export class RangeBuckets<T extends object, P> {
  // A key holds its lone item as it is, or a Several once a second comes.
  private readonly buckets = new Map<number, T | Several<T>>();

  constructor(private readonly rules: BucketRules<T, P>) {}

  /** The item under `key` that `probe` matches, if any. */
  find(key: number, probe: P): T | undefined {
    const held = this.buckets.get(key);
    if (held === undefined) return undefined;
    if (!(held instanceof Several)) return this.rules.matches(held, probe) ? held : undefined;
    if (held.index) return held.index.get(this.rules.keyOfProbe(probe));
    for (const item of held.items) if (this.rules.matches(item, probe)) return item;
    return undefined;
  }

  /** Adds an item under `key` that no probe there matched yet. */
  add(key: number, item: T): void {
    const held = this.buckets.get(key);
    if (held === undefined) {
      this.buckets.set(key, item);
      return;
    }
    if (!(held instanceof Several)) {
      this.buckets.set(key, new Several([held, item]));
      return;
    }
    held.items.push(item);
    if (held.index) held.index.set(this.rules.keyOfItem(item), item);
    else if (held.items.length > scanLimit) held.index = new Map(held.items.map((each) => [this.rules.keyOfItem(each), each]));
  }

  /** Every key, ascending. */
  sortedKeys(): Float64Array {
    return Float64Array.from(this.buckets.keys()).sort();
  }

  /** The items under one key, in the order they were added. */
  itemsOf(key: number): readonly T[] {
    const held = this.buckets.get(key);
    if (held === undefined) return [];
    return held instanceof Several ? held.items : [held];
  }
}

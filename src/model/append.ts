/** Appending one array to another without spreading it into arguments. */

/**
 * Adds every item to `target`, in order. `target.push(...items)` passes each
 * item as an argument, and V8 throws (a stack overflow) past about 120,000:
 * a table or registry of that many rows.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

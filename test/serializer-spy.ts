/**
 * Loads an emit module afresh with a spy on the Markdown serializer
 * (mdast.js's toMarkdown), so a test can state which blocks or rows a module
 * writes itself and which it hands to the serializer. The module is loaded
 * afresh because another file, or a set-up file (the mutation run's), may
 * have loaded it before the spy was in place. A test file that uses this
 * replaces a module, so it runs isolated (vitest.config.ts).
 */
import { vi, type Mock } from 'vitest';

type Mdast = typeof import('../src/emit/mdast.js');

export interface Spied<T> {
  /** The serializer, calling through to the real one. */
  serializer: Mock<Mdast['toMarkdown']>;
  /** The module, loaded with the spy in place. */
  module: T;
}

/** `load` imports the module to watch; it runs after the spy is in place. */
export async function withSerializerSpy<T>(load: () => Promise<T>): Promise<Spied<T>> {
  vi.resetModules();
  const original = await vi.importActual<Mdast>('../src/emit/mdast.js');
  const serializer = vi.fn(original.toMarkdown);
  vi.doMock('../src/emit/mdast.js', () => ({ ...original, toMarkdown: serializer }));
  return { serializer, module: await load() };
}

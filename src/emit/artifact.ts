/**
 * An artifact is its text as a stream of chunks, made only when a writer
 * asks for it, so a large catalog is never held as one string. Artifacts are
 * written in order, and each is given the facts (size, sha256) of those
 * written before it: datapackage.json describes the files before it.
 */
import { createHash } from 'node:crypto';

/** What a writer learns of an artifact as it writes it. */
export interface ArtifactFacts {
  bytes: number;
  /** Hex sha256 of the UTF-8 bytes. */
  sha256: string;
}

/** An artifact's text, in chunks, given the facts of the artifacts written before it. */
export type Artifact = (earlier: ReadonlyMap<string, ArtifactFacts>) => Iterable<string>;

/** Artifacts by file name, in the order they are written. */
export type Artifacts = ReadonlyMap<string, Artifact>;

/** Artifacts whose text is already known (each a single chunk). */
export function fixedArtifacts(texts: Readonly<Record<string, string>>): Artifacts {
  return new Map(Object.entries(texts).map(([name, text]): [string, Artifact] => [name, () => [text]]));
}

/** The size of a batch: large enough that a chunk per row costs nothing to write. */
const batchBytes = 1 << 20;

/** The most UTF-16 units gathered before they are encoded: at 3 bytes each at most, they fit a batch. */
const batchUnits = batchBytes / 4;

/**
 * The chunks as UTF-8 buffers of up to 1 MiB each (a chunk larger than that
 * is a batch of its own). Chunks are joined as text until a batch's worth
 * has gathered and then encoded in one call: encoding each row's chunk on
 * its own was a call into Node's buffer code per row, 8 ms of a cold build
 * for its 3.8 MB of artifacts. A chunk is never split, so no character is.
 *
 * The memory is reused: a batch holds its bytes until the next one is asked
 * for, so a reader writes, hashes or copies it before reading on. A build
 * that writes 100 MB of artifacts then holds two buffers, not a hundred
 * waiting for the collector.
 */
export function* utf8Batches(chunks: Iterable<string>): Generator<Buffer> {
  const batch = Buffer.allocUnsafe(batchBytes);
  // For text larger than a batch: grown to the largest so far.
  let large = Buffer.alloc(0);
  let gathered = '';
  const encoded = (text: string): Buffer => {
    if (text.length <= batchUnits) return batch.subarray(0, batch.write(text, 0, 'utf8'));
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (large.length < text.length * 3) large = Buffer.allocUnsafe(text.length * 3);
    return large.subarray(0, large.write(text, 0, 'utf8'));
  };
  for (const chunk of chunks) {
    if (gathered.length + chunk.length > batchUnits && gathered !== '') {
      yield encoded(gathered);
      gathered = '';
    }
    gathered += chunk;
  }
  if (gathered !== '') yield encoded(gathered);
}

/** Hashes and counts bytes as they pass. */
export class FactsCounter {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  add(buffer: Buffer): void {
    this.hash.update(buffer);
    this.bytes += buffer.length;
  }

  facts(): ArtifactFacts {
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/**
 * Every artifact in order, each with its bytes batch by batch, given the
 * facts of those before it. An artifact's facts are recorded once its
 * batches have been read, so read each one before asking for the next.
 */
function* inOrder(artifacts: Artifacts, facts: Map<string, ArtifactFacts>): Generator<[name: string, batches: Iterable<Buffer>]> {
  for (const [name, artifact] of artifacts) {
    const counter = new FactsCounter();
    yield [name, counted(utf8Batches(artifact(facts)), counter)];
    facts.set(name, counter.facts());
  }
}

function* counted(batches: Iterable<Buffer>, counter: FactsCounter): Generator<Buffer> {
  for (const batch of batches) {
    counter.add(batch);
    yield batch;
  }
}

/**
 * Calls `each` with every artifact's bytes, in order, and returns every
 * artifact's facts. A batch holds its bytes until the next one is read (see
 * utf8Batches): write or copy each before reading on.
 */
export async function forEachArtifact(artifacts: Artifacts, each: (name: string, batches: Iterable<Buffer>) => Promise<void>): Promise<Map<string, ArtifactFacts>> {
  const facts = new Map<string, ArtifactFacts>();
  for (const [name, batches] of inOrder(artifacts, facts)) await each(name, batches);
  return facts;
}

/** Every artifact's facts, as a writer finds them, without holding any artifact whole. */
export function artifactFacts(artifacts: Artifacts): Map<string, ArtifactFacts> {
  const facts = new Map<string, ArtifactFacts>();
  for (const [, batches] of inOrder(artifacts, facts)) drain(batches);
  return facts;
}

/** Reads an iterable to its end, for what reading does (here, counting the bytes). */
function drain(items: Iterable<unknown>): void {
  const iterator = items[Symbol.iterator]();
  while (iterator.next().done !== true);
}

/** Every artifact's whole text, for tests and callers that want strings. */
export function artifactTexts(artifacts: Artifacts): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, batches] of inOrder(artifacts, new Map())) {
    // A batch ends where a chunk does, so it decodes on its own; it must, since the next one reuses its memory.
    const parts: string[] = [];
    for (const batch of batches) parts.push(batch.toString('utf8'));
    texts[name] = parts.join('');
  }
  return texts;
}

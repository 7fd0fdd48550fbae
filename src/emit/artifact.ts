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

/**
 * The chunks as UTF-8 buffers of up to 1 MiB each, each chunk encoded
 * straight into its batch (a chunk is never split, so no character is; a
 * chunk larger than a batch is a batch of its own).
 */
export function* utf8Batches(chunks: Iterable<string>): Generator<Buffer> {
  let batch = Buffer.allocUnsafe(batchBytes);
  let used = 0;
  for (const chunk of chunks) {
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    const most = chunk.length * 3;
    if (most > batchBytes - used) {
      if (used > 0) {
        yield batch.subarray(0, used);
        batch = Buffer.allocUnsafe(batchBytes);
        used = 0;
      }
      if (most > batchBytes) {
        yield Buffer.from(chunk, 'utf8');
        continue;
      }
    }
    used += batch.write(chunk, used, 'utf8');
  }
  if (used > 0) yield batch.subarray(0, used);
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
 * Calls `each` with every artifact's bytes, batch by batch, in order, and
 * gives each artifact the facts of those before it. Returns every artifact's facts.
 */
export async function forEachArtifact(
  artifacts: Artifacts,
  each: (name: string, batches: Iterable<Buffer>) => Promise<void>,
): Promise<Map<string, ArtifactFacts>> {
  const facts = new Map<string, ArtifactFacts>();
  for (const [name, artifact] of artifacts) {
    const counter = new FactsCounter();
    const counted = function* () {
      for (const batch of utf8Batches(artifact(facts))) {
        counter.add(batch);
        yield batch;
      }
    };
    await each(name, counted());
    facts.set(name, counter.facts());
  }
  return facts;
}

/** Every artifact's facts, as a writer finds them, without holding any artifact whole. */
export function artifactFacts(artifacts: Artifacts): Map<string, ArtifactFacts> {
  return eachBatch(artifacts, () => undefined);
}

/** Every artifact's whole text, for tests and callers that want strings. */
export function artifactTexts(artifacts: Artifacts): Record<string, string> {
  const batches = new Map<string, Buffer[]>();
  eachBatch(artifacts, (name, batch) => {
    const kept = batches.get(name);
    if (kept) kept.push(batch);
    else batches.set(name, [batch]);
  });
  return Object.fromEntries([...artifacts.keys()].map((name) => [name, Buffer.concat(batches.get(name) ?? []).toString('utf8')]));
}

/** The synchronous twin of forEachArtifact, for callers that keep or count bytes in memory. */
function eachBatch(artifacts: Artifacts, take: (name: string, batch: Buffer) => void): Map<string, ArtifactFacts> {
  const facts = new Map<string, ArtifactFacts>();
  for (const [name, artifact] of artifacts) {
    const counter = new FactsCounter();
    for (const batch of utf8Batches(artifact(facts))) {
      counter.add(batch);
      take(name, batch);
    }
    facts.set(name, counter.facts());
  }
  return facts;
}

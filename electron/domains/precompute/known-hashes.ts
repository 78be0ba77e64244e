/** A sha256: the content hash of a raw agent's exact bytes. */
export const HASH_BYTES = 32;

/**
 * The content hashes of the agents a walk starts from (the console's current snapshot), shared
 * with the workers that prepare its pages. An element whose hash is among them is an agent the
 * database holds byte for byte, with its outputs: the worker reads its id and updatedAt and skips
 * the rest (mapping, serialising, compressing), which a re-sync of a mostly unchanged fleet
 * otherwise did for every agent only to throw it away.
 *
 * The hashes cross to the workers in shared memory, once per walk, not once per page. Each
 * thread turns them into a set the first time it meets the walk's id, and keeps the sets of the
 * last few walks (consoles may sync at once).
 */
export interface KnownHashes {
  id: number;
  hashes: SharedArrayBuffer;
}

let lastId = 0;

/** Packs hashes (32 bytes each) for a walk's pages; undefined when there are none. */
export function knownHashes(hashes: Iterable<Uint8Array>, count: number): KnownHashes | undefined {
  if (count === 0) return undefined;
  const shared = new SharedArrayBuffer(count * HASH_BYTES);
  const view = new Uint8Array(shared);
  let at = 0;
  for (const hash of hashes) {
    if (at + HASH_BYTES > view.length) break;
    view.set(hash.subarray(0, HASH_BYTES), at);
    at += HASH_BYTES;
  }
  lastId += 1;
  return { id: lastId, hashes: shared };
}

const KEPT_SETS = 4;
const sets = new Map<number, ReadonlySet<string>>();

/** The walk's hashes as a set of their latin1 strings, built once per thread and walk. */
export function knownSet(known: KnownHashes): ReadonlySet<string> {
  let set = sets.get(known.id);
  if (set) return set;
  const bytes = Buffer.from(known.hashes);
  const built = new Set<string>();
  for (let at = 0; at + HASH_BYTES <= bytes.length; at += HASH_BYTES) {
    built.add(bytes.toString('latin1', at, at + HASH_BYTES));
  }
  set = built;
  sets.set(known.id, set);
  if (sets.size > KEPT_SETS) sets.delete(sets.keys().next().value!);
  return set;
}

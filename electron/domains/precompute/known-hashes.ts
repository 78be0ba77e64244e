/** A sha256: the content hash of a raw agent's exact bytes. */
export const HASH_BYTES = 32;

/**
 * The content hashes of the agents a walk starts from (the console's current snapshot), shared
 * with the workers that prepare its pages. An element whose hash is among them is an agent the
 * database holds byte for byte, with its outputs: the worker reads its id and updatedAt and skips
 * the rest (mapping, serialising, compressing), which a re-sync of a mostly unchanged fleet
 * otherwise did for every agent only to throw it away.
 *
 * The hashes are an open-addressing table in shared memory, built once per walk on the sync's
 * thread and read in place by every worker: no copy per page, and no set per worker (a million
 * hashes as strings would take each worker's heap ~100 MB of its 256).
 */
export interface KnownHashes {
  /** `slots` hashes of 32 bytes, then one byte per slot: 1 where a hash is. */
  table: SharedArrayBuffer;
  slots: number;
}

/** Builds the table for a walk's pages; undefined when there is nothing to know. */
export function knownHashes(hashes: Iterable<Buffer>, count: number): KnownHashes | undefined {
  if (count === 0) return undefined;
  // At most half full, so that a probe seldom goes past a slot or two.
  let slots = 2;
  while (slots < 2 * count) slots *= 2;
  const known = { table: new SharedArrayBuffer(slots * (HASH_BYTES + 1)), slots };
  const bytes = Buffer.from(known.table);
  let stored = 0;
  for (const hash of hashes) {
    if (stored === count) break;
    const slot = probe(known, bytes, hash);
    if (bytes[slots * HASH_BYTES + slot] === 1) continue;
    bytes.set(hash.subarray(0, HASH_BYTES), slot * HASH_BYTES);
    bytes[slots * HASH_BYTES + slot] = 1;
    stored += 1;
  }
  return known;
}

/** A test of whether a hash is in the table (one view of the shared memory for all tests). */
export function knownTest(known: KnownHashes): (hash: Buffer) => boolean {
  const bytes = Buffer.from(known.table);
  return (hash) => bytes[known.slots * HASH_BYTES + probe(known, bytes, hash)] === 1;
}

/**
 * The slot that holds this hash, or the empty one where it would go. sha256 is uniform: its first
 * four bytes are a good slot number.
 */
function probe({ slots }: KnownHashes, bytes: Buffer, hash: Buffer): number {
  const mask = slots - 1;
  for (let slot = hash.readUInt32LE(0) & mask; ; slot = (slot + 1) & mask) {
    if (bytes[slots * HASH_BYTES + slot] !== 1) return slot;
    const at = slot * HASH_BYTES;
    if (bytes.compare(hash, 0, HASH_BYTES, at, at + HASH_BYTES) === 0) return slot;
  }
}

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db, ReadOnlyDb } from '../../adapters/db/database';

/** Where one object lies in a chunk, once inflated. */
export interface Span {
  chunkId: number;
  at: number;
  length: number;
}

/** Level 1: a page compresses ~7.6× at ~300 MB/s; level 6 gains a little more at a third of the speed. */
export const CHUNK_LEVEL = 1;

/** Objects concatenated and deflated as one chunk; the spans say where each one lies. */
export function compressParts(parts: readonly Buffer[]): {
  bytes: Buffer;
  spans: [number, number][];
} {
  const spans: [number, number][] = [];
  let at = 0;
  for (const part of parts) {
    spans.push([at, part.length]);
    at += part.length;
  }
  return { bytes: deflateRawSync(Buffer.concat(parts, at), { level: CHUNK_LEVEL }), spans };
}

/**
 * A chunk holding only some of its objects, for a page whose other objects were stored before:
 * keeping their bytes twice would cost disk for nothing.
 */
export function keepParts(
  chunk: Buffer,
  spans: readonly (readonly [number, number])[],
): { bytes: Buffer; spans: [number, number][] } {
  const inflated = inflateRawSync(chunk);
  return compressParts(spans.map(([at, length]) => inflated.subarray(at, at + length)));
}

/** Writes chunks; call inside the transaction that stores what points into them. */
export class ChunkWriter {
  constructor(private readonly db: Db) {}

  put(bytes: Buffer): number {
    return Number(
      this.db.prepare('INSERT INTO chunks (bytes) VALUES (?)').run(bytes).lastInsertRowid,
    );
  }
}

/**
 * Reads objects out of chunks, keeping the last few chunks inflated: readers walk a snapshot in
 * agent order, which is the order the walk stored them, so one chunk serves a run of reads.
 */
export class ChunkReader {
  private readonly cache = new Map<number, Buffer>();

  constructor(
    private readonly db: ReadOnlyDb,
    private readonly keep = 4,
  ) {}

  slice(chunkId: number, at: number, length: number): Buffer {
    return this.inflated(chunkId).subarray(at, at + length);
  }

  private inflated(chunkId: number): Buffer {
    const cached = this.cache.get(chunkId);
    if (cached) return cached;
    const bytes = this.db.prepare('SELECT bytes FROM chunks WHERE id = ?').pluck().get(chunkId) as
      Buffer | undefined;
    if (bytes === undefined) throw new Error(`chunk ${chunkId} is missing from the database`);
    const inflated = inflateRawSync(bytes);
    if (this.cache.size >= this.keep) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(chunkId, inflated);
    return inflated;
  }
}

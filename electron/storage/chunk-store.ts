import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import { forgetKeptGrid } from './grid-files';
import type { Db, ReadOnlyDb } from '../adapters/db/database';

/** Where one object lies in a chunk, once inflated. */
export interface Span {
  chunkId: number;
  at: number;
  length: number;
}

/** How a chunk's bytes are compressed (`chunks.codec`, migration 14). */
export const CHUNK_CODEC = { deflateRaw: 0, brotli: 1 } as const;
export type ChunkCodec = (typeof CHUNK_CODEC)[keyof typeof CHUNK_CODEC];

/**
 * Chunks are written with Brotli at quality 0, its one-pass compressor: a page of agents
 * compresses ~7.3× in ~1.9 ms (quality 1: ~8.5× in ~2.7 ms; deflate at its fastest level: ~7.6×
 * in ~4.5 ms), and all read back in ~2 ms. The sync compresses three chunks a page, and its CPU,
 * not the disk (half of what the console sent), is what keeps it from the floor. Chunks written
 * before (deflate) are still read.
 */
export function compressChunk(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 0,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function decompressChunk(bytes: Buffer, codec: ChunkCodec): Buffer {
  return codec === CHUNK_CODEC.brotli ? brotliDecompressSync(bytes) : inflateRawSync(bytes);
}

/** Objects concatenated and compressed as one chunk; the spans say where each one lies. */
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
  return { bytes: compressChunk(Buffer.concat(parts, at)), spans };
}

/**
 * A chunk just made (`compressParts`) cut down to some of its objects, for a page whose other
 * objects were stored before: keeping their bytes twice would cost disk for nothing.
 */
export function keepParts(
  chunk: Buffer,
  spans: readonly (readonly [number, number])[],
): { bytes: Buffer; spans: [number, number][] } {
  const whole = decompressChunk(chunk, CHUNK_CODEC.brotli);
  return compressParts(spans.map(([at, length]) => whole.subarray(at, at + length)));
}

/** Writes chunks; call inside the transaction that stores what points into them. */
export class ChunkWriter {
  constructor(private readonly db: Db) {}

  /** Stores a chunk made by `compressParts` (or a BatchPacker); returns its id. */
  put(bytes: Buffer): number {
    return Number(
      this.db
        .prepare('INSERT INTO chunks (bytes, codec) VALUES (?, ?)')
        .run(bytes, CHUNK_CODEC.brotli).lastInsertRowid,
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
    const row = this.db.prepare('SELECT bytes, codec FROM chunks WHERE id = ?').get(chunkId) as
      { bytes: Buffer; codec: ChunkCodec } | undefined;
    if (row === undefined) throw new Error(`chunk ${chunkId} is missing from the database`);
    const inflated = decompressChunk(row.bytes, row.codec);
    if (this.cache.size >= this.keep) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(chunkId, inflated);
    return inflated;
  }
}

/**
 * After snapshots or a console went: deletes the chunks that no raw object and no precomputed
 * output refers to any more, then hands the freed pages back to the file system. Run it outside
 * a transaction, after the one that removed the references; inside one it does nothing, and the
 * next prune collects what it left (unreferenced chunks are garbage, never inconsistency).
 */
export function reclaimStorage(db: Db): void {
  if (db.inTransaction) return;
  forgetKeptGrid(db.name);
  collectChunks(db);
  reclaimSpace(db);
  truncateWal(db);
}

/**
 * The write-ahead log still holds the pages as they were before the delete: they are copied
 * into the database (overwritten there, with secure_delete on) and the log emptied, so deleted
 * data is gone from both files (issue 27, N21). Another connection (the app, `serve`) merely
 * holding the database open does not stop it; one in the middle of a read delays it to the next
 * checkpoint, which SQLite makes on its own.
 */
function truncateWal(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Best effort, as for the space above.
  }
}

/**
 * The references are not indexed (migration 15), so they are gathered by one scan. With foreign
 * keys on, SQLite would also scan each referring table once for every chunk deleted, looking for
 * the references this query has just ruled out; the deletion runs with them off (the pragma
 * works only outside a transaction, hence the caller's rule).
 */
function collectChunks(db: Db): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.prepare(
      `DELETE FROM chunks WHERE id NOT IN (
         SELECT chunk_id FROM raw_objects WHERE chunk_id IS NOT NULL
         UNION ALL SELECT ocsf_chunk_id FROM precomputed_agents WHERE ocsf_chunk_id IS NOT NULL
         UNION ALL SELECT row_chunk_id FROM precomputed_agents WHERE row_chunk_id IS NOT NULL)`,
    ).run();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Databases made since issue 14 are in incremental auto-vacuum mode; an older one is switched
 * over by one full VACUUM, the first time.
 */
function reclaimSpace(db: Db): void {
  try {
    if (db.pragma('auto_vacuum', { simple: true }) !== INCREMENTAL) {
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
      return;
    }
    db.pragma('incremental_vacuum');
  } catch {
    // Best effort: a VACUUM refused while a read is in progress is tried again next prune;
    // the pages stay free for SQLite to reuse meanwhile.
  }
}

const INCREMENTAL = 2;

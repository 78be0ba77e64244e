import { isUtf8 } from 'node:buffer';
import type { RawJson } from '../adapters/sentinelone/raw-json';
import type { ChunkReader } from './chunk-store';

/**
 * A raw object as a row holds it: in a chunk (rows written since migration 10), or as text with
 * its exact bytes beside it where they are not UTF-8 (rows written before).
 */
export interface StoredRaw {
  json: string;
  bytes: Buffer | null;
  chunkId: number | null;
  chunkAt: number | null;
  chunkLen: number | null;
}

/** The columns a StoredRaw is read from, for a raw_objects alias, with an optional name prefix. */
export function storedRawColumns(alias: string, prefix = ''): string {
  return [
    `${alias}.json AS ${prefix}json`,
    `${alias}.bytes AS ${prefix}bytes`,
    `${alias}.chunk_id AS ${prefix}chunkId`,
    `${alias}.chunk_at AS ${prefix}chunkAt`,
    `${alias}.chunk_len AS ${prefix}chunkLen`,
  ].join(', ');
}

/** The object exactly as the console sent it. */
export function rawOf(row: StoredRaw, chunks: ChunkReader): RawJson {
  if (row.chunkId === null) return row.bytes ?? row.json;
  const exact = chunks.slice(row.chunkId, row.chunkAt!, row.chunkLen!);
  return isUtf8(exact) ? exact.toString('utf8') : Buffer.from(exact);
}

/** The object as text to parse (invalid UTF-8 reads as U+FFFD). */
export function textOf(row: StoredRaw, chunks: ChunkReader): string {
  if (row.chunkId === null) return row.json;
  return chunks.slice(row.chunkId, row.chunkAt!, row.chunkLen!).toString('utf8');
}

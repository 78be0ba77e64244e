import type { Migration } from './migration';

// How each chunk is compressed (issue 14): chunks are written with Brotli from now on (codec 1;
// the quality is compressChunk's), smaller than deflate at its fastest and written faster.
// Chunks written before are deflate (codec 0) and read as such.
export const migration: Migration = {
  version: 14,
  name: 'brotli-chunks',
  sql: `ALTER TABLE chunks ADD COLUMN codec INTEGER NOT NULL DEFAULT 0 CHECK (codec IN (0, 1));`,
};

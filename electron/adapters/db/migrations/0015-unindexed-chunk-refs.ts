import type { Migration } from './migration';

// Chunk references without indexes (issue 14): each agent stored three index entries (its raw
// object's chunk, its OCSF chunk, its row chunk) only so that a prune could ask whether a chunk
// was still referred to. Those inserts were ~0.3 s of a 100k sync on the thread that keeps the
// walk at the API's pace. Unreferenced chunks are now found by scanning the references once per
// prune (collectChunks), which costs a prune tens of milliseconds.
export const migration: Migration = {
  version: 15,
  name: 'unindexed-chunk-refs',
  sql: `
    DROP INDEX IF EXISTS raw_objects_chunk;
    DROP INDEX IF EXISTS precomputed_agents_chunk;
    DROP INDEX IF EXISTS precomputed_agents_row_chunk;
  `,
};

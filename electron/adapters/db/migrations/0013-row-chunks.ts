import type { Migration } from './migration';

// Device rows in chunks (issue 14): a page's grid rows are compressed together beside its OCSF
// records, where each row was ~550 bytes of plain JSON in its own column (half the database,
// and most of what a page's transaction wrote). Whether a device is decommissioned gets its own
// column, since the push skips such devices without reading their rows. Rows of older versions
// keep their text and are mapped again (PRECOMPUTE_VERSION 7).
export const migration: Migration = {
  version: 13,
  name: 'row-chunks',
  sql: `
    ALTER TABLE precomputed_agents ADD COLUMN decommissioned INTEGER;
    ALTER TABLE precomputed_agents ADD COLUMN row_chunk_id INTEGER REFERENCES chunks(id);
    ALTER TABLE precomputed_agents ADD COLUMN row_at INTEGER;
    ALTER TABLE precomputed_agents ADD COLUMN row_len INTEGER;
    CREATE INDEX precomputed_agents_row_chunk ON precomputed_agents (row_chunk_id)
      WHERE row_chunk_id IS NOT NULL;
  `,
};

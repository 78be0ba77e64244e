import type { Migration } from './migration';

// Compressed storage (issue 14): raw agents and their precomputed OCSF records are stored a page
// at a time in deflate-compressed chunks, each object addressed by (chunk, offset, length).
// Objects in a page share most of their keys, so a page compresses ~8× where one object alone
// compresses ~2×, and one compression per page costs a tenth of one per object. Rows written
// before keep their text columns and are read as before.
export const migration: Migration = {
  version: 10,
  name: 'chunks',
  sql: `
    CREATE TABLE chunks (
      id    INTEGER PRIMARY KEY,
      bytes BLOB NOT NULL
    ) STRICT;

    ALTER TABLE raw_objects ADD COLUMN chunk_id INTEGER REFERENCES chunks(id);
    ALTER TABLE raw_objects ADD COLUMN chunk_at INTEGER;
    ALTER TABLE raw_objects ADD COLUMN chunk_len INTEGER;
    CREATE INDEX raw_objects_chunk ON raw_objects (chunk_id) WHERE chunk_id IS NOT NULL;

    ALTER TABLE precomputed_agents ADD COLUMN ocsf_chunk_id INTEGER REFERENCES chunks(id);
    ALTER TABLE precomputed_agents ADD COLUMN ocsf_at INTEGER;
    ALTER TABLE precomputed_agents ADD COLUMN ocsf_len INTEGER;
    CREATE INDEX precomputed_agents_chunk ON precomputed_agents (ocsf_chunk_id)
      WHERE ocsf_chunk_id IS NOT NULL;
  `,
};

import type { Migration } from './migration';

// Outputs mapped once per distinct raw agent, when the sync stores it, so that exports, the
// push and the grid stream stored text instead of mapping 100,000 agents each time. A cache:
// a missing or older-version row is mapped on the fly, so nothing depends on it being full.
// Small columns first: SQLite reads a long row's overflow pages in column order.
export const migration: Migration = {
  version: 5,
  name: 'precomputed',
  sql: `
    CREATE TABLE precomputed_agents (
      raw_id      INTEGER PRIMARY KEY REFERENCES raw_objects(id) ON DELETE CASCADE,
      version     INTEGER NOT NULL,
      rejected    TEXT,
      sekoia_time REAL,
      sekoia_skip TEXT,
      device_row  TEXT,
      ocsf        TEXT,
      sekoia      TEXT
    ) STRICT;
  `,
};

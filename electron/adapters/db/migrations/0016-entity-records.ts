import type { Migration } from './migration';

// Records of any incremental entity that has no table of its own (issue 25): an entity added to
// the registry stores here, by console, entity and id, like threats in theirs. Threats and
// activities keep their tables and their indexes.
export const migration: Migration = {
  version: 16,
  name: 'entity-records',
  sql: `
    CREATE TABLE entity_records (
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      entity      TEXT NOT NULL,
      id          TEXT NOT NULL,
      at          TEXT,
      agent_id    TEXT,
      json        TEXT NOT NULL,
      bytes       BLOB,
      PRIMARY KEY (console_id, entity, id)
    ) STRICT;
  `,
};

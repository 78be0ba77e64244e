import type { Migration } from './migration';

// Sekoia.io targets and the push outbox. A push writes all its batches first and marks each
// delivered only on HTTP 200, so a failed or interrupted push loses nothing: `push --resume`
// sends what is left. API keys live in the OS keychain (`sekoia:<id>`), never here.
export const migration: Migration = {
  version: 4,
  name: 'sekoia',
  sql: `
    CREATE TABLE sekoia_targets (
      id                  TEXT PRIMARY KEY,
      name                TEXT NOT NULL,
      connector_uuid      TEXT NOT NULL,
      base_url            TEXT NOT NULL,
      endpoint            TEXT,
      batch_size          INTEGER NOT NULL DEFAULT 1000,
      legacy_device_types INTEGER NOT NULL DEFAULT 0,
      key_stored          INTEGER NOT NULL DEFAULT 0,
      created_at          TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX sekoia_targets_name ON sekoia_targets (name COLLATE NOCASE);

    CREATE TABLE pushes (
      id          INTEGER PRIMARY KEY,
      target_id   TEXT NOT NULL REFERENCES sekoia_targets(id) ON DELETE CASCADE,
      scope       TEXT NOT NULL,
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      state       TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed')),
      message     TEXT
    ) STRICT;

    CREATE TABLE push_batches (
      id           INTEGER PRIMARY KEY,
      push_id      INTEGER NOT NULL REFERENCES pushes(id) ON DELETE CASCADE,
      body         TEXT NOT NULL,
      items        INTEGER NOT NULL,
      state        TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'split')),
      attempts     INTEGER NOT NULL DEFAULT 0,
      last_status  INTEGER,
      last_error   TEXT,
      delivered_at TEXT
    ) STRICT;
    CREATE INDEX push_batches_push ON push_batches (push_id, state, id);
  `,
};

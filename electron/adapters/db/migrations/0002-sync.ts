import type { Migration } from './migration';

// What a sync stores. Raw objects are kept byte-exact as the API sent them; agent snapshots are
// content-addressed (one row per distinct raw agent, keyed by agent id and sha256, and
// per-snapshot membership), so history stays compact and any two snapshots can be diffed.
// The key leads with the agent id so that a walk sorted by id inserts in index order: a bare
// sha256 key scatters every page's writes across the whole index. Tables holding JSON are
// rowid tables: SQLite's WITHOUT ROWID layout is slow for rows of kilobytes.
export const migration: Migration = {
  version: 2,
  name: 'sync',
  sql: `
    CREATE TABLE raw_objects (
      id        INTEGER PRIMARY KEY,
      agent_id  TEXT NOT NULL,
      hash      BLOB NOT NULL,
      json      TEXT NOT NULL,
      UNIQUE (agent_id, hash)
    ) STRICT;

    CREATE TABLE sync_runs (
      id          INTEGER PRIMARY KEY,
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      api         TEXT NOT NULL,
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      state       TEXT NOT NULL CHECK (state IN ('running', 'complete', 'incomplete', 'failed', 'cancelled', 'interrupted')),
      fetched     INTEGER NOT NULL DEFAULT 0,
      expected    INTEGER,
      errors      INTEGER NOT NULL DEFAULT 0,
      message     TEXT
    ) STRICT;
    CREATE INDEX sync_runs_console ON sync_runs (console_id, api, id);

    CREATE TABLE agent_snapshots (
      id          INTEGER PRIMARY KEY,
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      run_id      INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
      taken_at    TEXT NOT NULL,
      complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
      agent_count INTEGER NOT NULL DEFAULT 0,
      expected    INTEGER
    ) STRICT;
    CREATE INDEX agent_snapshots_console ON agent_snapshots (console_id, complete, id);

    CREATE TABLE snapshot_members (
      snapshot_id INTEGER NOT NULL REFERENCES agent_snapshots(id) ON DELETE CASCADE,
      agent_id    TEXT NOT NULL,
      raw_id      INTEGER NOT NULL REFERENCES raw_objects(id),
      PRIMARY KEY (snapshot_id, agent_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX snapshot_members_raw ON snapshot_members (raw_id);

    CREATE TABLE console_state (
      console_id          TEXT PRIMARY KEY REFERENCES consoles(id) ON DELETE CASCADE,
      state               TEXT NOT NULL,
      current_snapshot_id INTEGER REFERENCES agent_snapshots(id) ON DELETE SET NULL,
      updated_at          TEXT NOT NULL
    ) STRICT;

    CREATE TABLE threats (
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      id          TEXT NOT NULL,
      updated_at  TEXT,
      agent_id    TEXT,
      json        TEXT NOT NULL,
      UNIQUE (console_id, id)
    ) STRICT;
    CREATE INDEX threats_agent ON threats (console_id, agent_id);

    CREATE TABLE activities (
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      id          TEXT NOT NULL,
      created_at  TEXT,
      agent_id    TEXT,
      json        TEXT NOT NULL,
      UNIQUE (console_id, id)
    ) STRICT;
    CREATE INDEX activities_agent ON activities (console_id, agent_id);

    CREATE TABLE checkpoints (
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      api         TEXT NOT NULL,
      value       TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (console_id, api)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE malformed_records (
      id          INTEGER PRIMARY KEY,
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      api         TEXT NOT NULL,
      run_id      INTEGER REFERENCES sync_runs(id) ON DELETE CASCADE,
      reason      TEXT NOT NULL,
      json        TEXT NOT NULL,
      seen_at     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE health_events (
      id          INTEGER PRIMARY KEY,
      console_id  TEXT REFERENCES consoles(id) ON DELETE CASCADE,
      api         TEXT,
      error_class TEXT NOT NULL,
      severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
      message     TEXT NOT NULL,
      details     TEXT,
      first_at    TEXT NOT NULL,
      last_at     TEXT NOT NULL,
      count       INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX health_events_console ON health_events (console_id, last_at);
  `,
};

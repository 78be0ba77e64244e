import type { Migration } from './migration';

// Push targets of any kind (issue 25): Sekoia's become the first kind, their settings JSON, and
// pushes refer to push_targets. The table is rebuilt the way SQLite documents (a new table, the
// rows copied, the old one dropped, the new one renamed), with foreign keys off while migrations
// run (migrate.ts), so no push or batch is lost; API keys stay where they are in the keychain.
export const migration: Migration = {
  version: 17,
  name: 'push-targets',
  sql: `
    CREATE TABLE push_targets (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL,
      name        TEXT NOT NULL,
      settings    TEXT NOT NULL,
      key_stored  INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX push_targets_name ON push_targets (name COLLATE NOCASE);
    INSERT INTO push_targets (id, kind, name, settings, key_stored, created_at)
      SELECT id, 'sekoia', name,
        json_object(
          'connectorUuid', connector_uuid,
          'baseUrl', base_url,
          'endpoint', endpoint,
          'batchSize', batch_size,
          'legacyDeviceTypes', json(CASE legacy_device_types WHEN 1 THEN 'true' ELSE 'false' END)
        ),
        key_stored, created_at
      FROM sekoia_targets;

    CREATE TABLE pushes_next (
      id          INTEGER PRIMARY KEY,
      target_id   TEXT NOT NULL REFERENCES push_targets(id) ON DELETE CASCADE,
      scope       TEXT NOT NULL,
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      state       TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed')),
      message     TEXT
    ) STRICT;
    INSERT INTO pushes_next (id, target_id, scope, started_at, finished_at, state, message)
      SELECT id, target_id, scope, started_at, finished_at, state, message FROM pushes;
    DROP TABLE pushes;
    ALTER TABLE pushes_next RENAME TO pushes;
    DROP TABLE sekoia_targets;
  `,
};

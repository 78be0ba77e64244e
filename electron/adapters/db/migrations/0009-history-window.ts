import type { Migration } from './migration';

// How far back the stored threats and activities of a console reach (its window), and the
// console's own choice of how far back to read. `since` NULL is the start of the console's
// history. Consoles synced before this migration read 30 days back from their first run, fixed
// in code; that is the window they get, so the next sync fills the rest (threats now default to
// the whole history).
export const migration: Migration = {
  version: 9,
  name: 'history-window',
  sql: `
    ALTER TABLE consoles ADD COLUMN history_since TEXT;

    CREATE TABLE history_windows (
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      api         TEXT NOT NULL,
      since       TEXT,
      PRIMARY KEY (console_id, api)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO history_windows (console_id, api, since)
      SELECT c.console_id, c.api,
             strftime('%Y-%m-%dT%H:%M:%fZ',
                      COALESCE((SELECT MIN(r.started_at) FROM sync_runs r
                                WHERE r.console_id = c.console_id AND r.api = c.api), c.updated_at),
                      '-30 days')
      FROM checkpoints c WHERE c.api IN ('threats', 'activities');
  `,
};

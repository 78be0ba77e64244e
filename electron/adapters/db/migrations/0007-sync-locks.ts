import type { Migration } from './migration';

// One sync per console across processes: the desktop app, `s1inv serve` and the CLI may share
// a data directory. A lock names its holder (host and pid) so a crashed holder's lock is
// recognised and taken over rather than blocking forever.
export const migration: Migration = {
  version: 7,
  name: 'sync-locks',
  sql: `
    CREATE TABLE sync_locks (
      console_id  TEXT PRIMARY KEY REFERENCES consoles(id) ON DELETE CASCADE,
      host        TEXT NOT NULL,
      pid         INTEGER NOT NULL,
      acquired_at TEXT NOT NULL
    ) STRICT;
  `,
};

import type { Migration } from './migration';

// Every export and push an analyst makes: when, who, what, how much, and the file's sha256.
export const migration: Migration = {
  version: 3,
  name: 'audit',
  sql: `
    CREATE TABLE audit_log (
      id            INTEGER PRIMARY KEY,
      at            TEXT NOT NULL,
      os_user       TEXT NOT NULL,
      action        TEXT NOT NULL CHECK (action IN ('export', 'push')),
      format        TEXT NOT NULL,
      scope         TEXT NOT NULL,
      record_count  INTEGER NOT NULL,
      sha256        TEXT,
      destination   TEXT NOT NULL,
      details       TEXT
    ) STRICT;
  `,
};

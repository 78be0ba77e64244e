import type { Migration } from './migration';

// Saved views of the Devices grid, in the database rather than a page's localStorage: the
// desktop app and every `s1inv serve` launch (each on its own port) share them, and they last.
// `state` is the renderer's JSON (columns, filters, search); at most one view is the default.
export const migration: Migration = {
  version: 11,
  name: 'saved-views',
  sql: `
    CREATE TABLE saved_views (
      name        TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
      state       TEXT NOT NULL,
      is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX saved_views_one_default ON saved_views (is_default) WHERE is_default = 1;
  `,
};

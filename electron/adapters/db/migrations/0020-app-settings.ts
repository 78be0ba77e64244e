import type { Migration } from './migration';

// The app's own settings, one row each (issue 28: the opt-in check for a newer version, off
// until the analyst turns it on). A key absent is its default.
export const migration: Migration = {
  version: 20,
  name: 'app-settings',
  sql: `
    CREATE TABLE app_settings (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) STRICT;
  `,
};

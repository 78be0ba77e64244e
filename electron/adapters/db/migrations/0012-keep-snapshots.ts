import type { Migration } from './migration';

// How many complete snapshots a console keeps, so Changes can compare any two of them. NULL:
// the app's default (the current one and the one before it).
export const migration: Migration = {
  version: 12,
  name: 'keep-snapshots',
  sql: `ALTER TABLE consoles ADD COLUMN keep_snapshots INTEGER;`,
};

import type { Migration } from './migration';

// Consoles and their options. Tokens are never stored here: `token_stored` only records that
// the OS keychain holds one under `console:<id>`.
export const migration: Migration = {
  version: 1,
  name: 'consoles',
  sql: `
    CREATE TABLE consoles (
      id            TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      url           TEXT NOT NULL UNIQUE,
      apis          TEXT NOT NULL DEFAULT '["agents","threats","activities"]',
      proxy_url     TEXT,
      ca_bundle     TEXT,
      token_stored  INTEGER NOT NULL DEFAULT 0 CHECK (token_stored IN (0, 1)),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX consoles_name ON consoles (name COLLATE NOCASE);
  `,
};

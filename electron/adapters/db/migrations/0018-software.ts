import type { Migration } from './migration';

// Installed applications (issue 31). A fleet of 100,000 agents × ~150 applications is 15 million
// installs: each distinct application (name, vendor, version) is stored once, and each agent's
// set as one row — the ids of its applications packed in a blob, and the console's answer as it
// was sent, compressed — so the database stays a fraction of what the console served. A walk
// over the agents records the last one done, so a re-sync after a crash goes on from there.
export const migration: Migration = {
  version: 18,
  name: 'software',
  sql: `
    CREATE TABLE software (
      id       INTEGER PRIMARY KEY,
      name     TEXT NOT NULL,
      vendor   TEXT NOT NULL,
      version  TEXT NOT NULL,
      UNIQUE (name, vendor, version)
    ) STRICT;

    CREATE TABLE agent_software (
      console_id    TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      agent_id      TEXT NOT NULL,
      read_at       TEXT NOT NULL,
      software_ids  BLOB NOT NULL,
      raw           BLOB NOT NULL,
      codec         INTEGER NOT NULL,
      PRIMARY KEY (console_id, agent_id)
    ) STRICT;

    CREATE TABLE software_walks (
      console_id      TEXT PRIMARY KEY REFERENCES consoles(id) ON DELETE CASCADE,
      started_at      TEXT NOT NULL,
      after_agent_id  TEXT,
      finished_at     TEXT
    ) STRICT;
  `,
};

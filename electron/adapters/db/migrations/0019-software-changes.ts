import type { Migration } from './migration';

// What each agent installed and removed (issue 31): `diff` and the Changes screen compare two
// snapshots, but only each agent's latest set of applications is stored. A walk that finds an
// agent's set changed records the difference under the snapshot it walked, so the applications
// installed and removed between any two snapshots kept are the differences recorded after the
// first up to the second. Most agents change nothing between syncs: most walks record nothing.
export const migration: Migration = {
  version: 19,
  name: 'software-changes',
  sql: `
    CREATE TABLE software_changes (
      console_id   TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      agent_id     TEXT NOT NULL,
      snapshot_id  INTEGER NOT NULL,
      installed    BLOB NOT NULL,
      removed      BLOB NOT NULL,
      PRIMARY KEY (console_id, snapshot_id, agent_id)
    ) STRICT;
  `,
};

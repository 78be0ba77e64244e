import type { Migration } from './migration';

// The analyst's own notes on a device (issue 29): tags, a short note and a triage state, kept
// here and never sent to a console. Removing a console with its data removes its notes.
export const migration: Migration = {
  version: 21,
  name: 'device-notes',
  sql: `
    CREATE TABLE device_notes (
      console_id  TEXT NOT NULL REFERENCES consoles(id) ON DELETE CASCADE,
      agent_id    TEXT NOT NULL,
      tags        TEXT NOT NULL DEFAULT '[]',
      note        TEXT NOT NULL DEFAULT '',
      triage      TEXT NOT NULL DEFAULT 'unreviewed'
                  CHECK (triage IN ('unreviewed', 'reviewed', 'needs action')),
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (console_id, agent_id)
    ) STRICT, WITHOUT ROWID;
  `,
};

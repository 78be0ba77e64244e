import type { Migration } from './migration';

// Push batches by reference: a batch keeps the snapshot and the agent ids it sends, and its body
// is built when it is sent. Snapshots never change, so a resumed batch sends exactly the same
// devices, and a 100,000-device push no longer copies 140 MB of records into the outbox first.
// Batches written before this migration keep their body and are sent as they are.
export const migration: Migration = {
  version: 6,
  name: 'push-by-reference',
  sql: `
    ALTER TABLE push_batches ADD COLUMN snapshot_id INTEGER
      REFERENCES agent_snapshots(id) ON DELETE SET NULL;
    ALTER TABLE push_batches ADD COLUMN agent_ids TEXT;
  `,
};

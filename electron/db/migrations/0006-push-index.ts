import type { Migration } from './migration';

// The push reads its pending batches and counts delivered ones while batches of ~1.5 MB sit in
// the table: without an index each query read every body to reach the state column.
export const migration: Migration = {
  version: 6,
  name: 'push-index',
  sql: `CREATE INDEX push_batches_state ON push_batches (push_id, state, id);`,
};

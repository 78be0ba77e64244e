import type { Migration } from './migration';

// Raw objects byte-exact whatever their encoding: `json` keeps the text every reader parses,
// and `bytes` the console's exact bytes where they are not valid UTF-8 (the text then holds
// U+FFFD in their place). Raw exports read `bytes` first. NULL for every valid object, so the
// column costs nothing in the common case and the migration copies no data.
export const migration: Migration = {
  version: 8,
  name: 'raw-bytes',
  sql: `
    ALTER TABLE raw_objects ADD COLUMN bytes BLOB;
    ALTER TABLE threats ADD COLUMN bytes BLOB;
    ALTER TABLE activities ADD COLUMN bytes BLOB;
    ALTER TABLE malformed_records ADD COLUMN bytes BLOB;
  `,
};

import { rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/** Where a load of the grid keeps what it read (domains/devices/grid-file.ts). */
export interface GridFiles {
  columns: string;
  orders: string;
}

/** The grid's files, beside the database: private to its owner, as the database is. */
export const gridFilesOf = (databasePath: string): GridFiles => ({
  columns: join(dirname(databasePath), 'grid-columns.bin'),
  orders: join(dirname(databasePath), 'grid-orders.bin'),
});

/**
 * Removes the grid's kept files: what the database deletes (a console's data, pruned snapshots)
 * must not stay readable in a copy beside it (issue 27, N21). The next start reads the database.
 */
export function forgetKeptGrid(databasePath: string): void {
  // An in-memory database keeps no files.
  if (!isAbsolute(databasePath)) return;
  for (const file of Object.values(gridFilesOf(databasePath))) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Held open elsewhere (Windows refuses to remove such a file): its key no longer matches
      // the inventory, so it is never read, and the next load replaces it.
    }
  }
}

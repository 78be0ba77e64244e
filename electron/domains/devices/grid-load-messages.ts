import type { GridFiles } from '../../storage/grid-files';

/** What the grid's load worker is started with. */
export interface GridLoadRequest {
  /** The backend's database file, opened again to read. */
  databasePath: string;
  /** The inventory's version as the load starts: what the files are kept under. */
  key: string;
  files: GridFiles;
}

/** What the worker says, in this order: the columns are written, the orders are, or it failed. */
export type GridLoadMessage =
  { kind: 'columns' } | { kind: 'orders' } | { kind: 'failed'; message: string };

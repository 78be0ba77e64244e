import type { GridFiles } from '../../storage/grid-files';

/** The environment variable that carries a process's request (a thread's is its workerData). */
export const GRID_LOAD_REQUEST = 'S1INV_GRID_LOAD_REQUEST';

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

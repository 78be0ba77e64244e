import type { GridRow } from '../../../shared/contract/views';
import type { GridImage } from '../../../shared/devices/grid-table/grid-image';
import type { RowOrder } from '../../../shared/devices/grid-table/row-orders';

/** What the grid's load worker is started with. */
export interface GridLoadRequest {
  /** The backend's database file, opened again to read. */
  databasePath: string;
}

/** What the worker posts, in this order: the grid, each order worked out ahead, done. */
export type GridLoadMessage =
  | { kind: 'grid'; image: GridImage }
  | { kind: 'order'; column: keyof GridRow; entry: RowOrder }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

import { fileURLToPath } from 'node:url';
import type { GridRow } from '../../../shared/contract/views';
import { gridOfImage, type GridImage } from '../../../shared/devices/grid-table/grid-image';
import type { StringPool } from '../../../shared/devices/grid-table/growable';
import type { TextColumnImage } from '../../../shared/devices/grid-table/text-column';
import type { LoadedGrid } from '../../../shared/devices/grid-table/load-grid';
import type { RowOrder } from '../../../shared/devices/grid-table/row-orders';
import { LazyText, openGridFile, readGridFile, textsRead } from './grid-file';
import { forgetKeptGrid, gridFilesOf } from '../../storage/grid-files';
import type { GridLoadRequest } from './grid-load-messages';
import { startGridLoad } from './grid-load-runner';

/** Sort orders worked out ahead, by column. */
export type OrdersAhead = Partial<Record<keyof GridRow, RowOrder>>;

/** A grid the last load kept on disk, its text read as wanted. */
export interface KeptGrid {
  grid: LoadedGrid;
  /** The orders it kept. */
  orders(): OrdersAhead | undefined;
  /** Reads the rest of its text, then lets the file go. */
  settle(): void;
  /** Lets the file go (the grid is no longer held). */
  discard(): void;
}

/**
 * Loads of the grid away from the backend's thread, kept on disk: what the last load read (at an
 * inventory version, the key), and a new load run elsewhere.
 */
export interface GridApart {
  /**
   * The grid the last load kept under `key` (undefined when there is none for it), its text read
   * as wanted; and, for once the first rows are out, a read of the orders it kept and `settle`,
   * which reads the rest of its text and lets the file go.
   */
  kept(key: string): KeptGrid | undefined;
  /**
   * Reads the inventory elsewhere; the promise holds once the columns are written, read back as
   * `kept` reads them. The orders follow through `onOrders`.
   */
  load(key: string, onOrders: (orders: OrdersAhead) => void): Promise<KeptGrid>;
  /** Removes the kept files (of an inventory that changed while they were written). */
  forget(): void;
}

export interface GridApartOptions {
  databasePath: string;
  /**
   * A process of its own (serve: all it used goes back to the system when it ends) or a worker
   * thread (the desktop app's backend, a utility process, cannot start Node processes).
   */
  runIn: 'process' | 'thread';
  /** The worker's module; by default the one beside this module (source or bundle). */
  workerUrl?: URL;
}

export function gridApart({
  databasePath,
  runIn,
  workerUrl = defaultWorkerUrl(),
}: GridApartOptions): GridApart {
  const files = gridFilesOf(databasePath);
  const readOrders = (key: string) => readGridFile(files.orders, key) as OrdersAhead | undefined;
  const kept = (key: string): KeptGrid | undefined => {
    const opened = openGridFile(files.columns, key);
    if (!opened) {
      // Kept at another version, it is of no use and may hold what has since been deleted.
      forgetKeptGrid(databasePath);
      return undefined;
    }
    try {
      const image = textsRead(opened.value, (held) => held === 'all') as GridImage;
      for (const column of columnImages(image)) {
        // The file's text, left there by textsRead above until wanted.
        const text: unknown = 'pool' in column ? column.pool.all : undefined;
        if ('pool' in column && text instanceof LazyText) {
          column.pool = poolReadAsWanted(text, column.pool.starts);
        }
      }
      return {
        grid: gridOfImage(image),
        orders: () => readOrders(key),
        settle: opened.settle,
        discard: opened.discard,
      };
    } catch (error) {
      opened.discard();
      throw error;
    }
  };
  return {
    forget: () => forgetKeptGrid(databasePath),
    kept,
    load: (key, onOrders) =>
      new Promise<KeptGrid>((resolve, reject) => {
        const request: GridLoadRequest = { databasePath, key, files };
        const worker = startGridLoad(runIn, fileURLToPath(workerUrl), request);
        let columns = false;
        let settled = false;
        const fail = (message: string) => {
          if (settled) return;
          settled = true;
          // Only logged: the grid then reads in the backend's thread, whose errors reach the
          // analyst.
          reject(new Error(message));
        };
        worker.onMessage((message) => {
          try {
            if (message.kind === 'failed') fail(message.message);
            else if (message.kind === 'columns') {
              columns = true;
              const written = kept(key);
              if (!written) return fail(`${files.columns} was not written at ${key}`);
              settled = true;
              // Its orders are worth having, not waiting for.
              worker.unref();
              resolve(written);
            } else if (columns) {
              const orders = readOrders(key);
              if (orders) onOrders(orders);
            }
          } catch (error) {
            fail(error instanceof Error ? error.message : String(error));
          }
        });
        worker.onEnd((why) => fail(`the grid's load ended before the grid was read (${why})`));
      }),
  };
}

/** Every text column of an image, the lists' elements included. */
const columnImages = (image: GridImage): TextColumnImage[] => [
  ...Object.values<TextColumnImage>(image.text),
  ...Object.values(image.lists).map((list) => list.elements),
];

/** A pool whose text stays in the file until wanted whole; a value alone is read from there. */
function poolReadAsWanted(text: LazyText, starts: Uint32Array): StringPool {
  return {
    get all() {
      return text.value;
    },
    starts,
    at: (k) => text.slice(starts[k]!, starts[k + 1]!),
  };
}

/**
 * From the TypeScript sources (tests, benchmarks) the worker loads through tsx; a bundle that
 * does not name its own worker has a built grid-load-worker.js beside this module.
 */
function defaultWorkerUrl(): URL {
  const source = import.meta.url.endsWith('.ts');
  return new URL(source ? './grid-load-worker-tsx.mjs' : './grid-load-worker.js', import.meta.url);
}

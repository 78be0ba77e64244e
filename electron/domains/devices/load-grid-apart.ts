import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GridRow } from '../../../shared/contract/views';
import { gridOfImage } from '../../../shared/devices/grid-table/grid-image';
import type { LoadedGrid } from '../../../shared/devices/grid-table/load-grid';
import type { RowOrder } from '../../../shared/devices/grid-table/row-orders';
import type { GridLoadMessage, GridLoadRequest } from './grid-load-messages';

/** Reads the current inventory into the grid's columns elsewhere; orders come after, as made. */
export type LoadGridApart = (
  onOrder: (column: keyof GridRow, entry: RowOrder) => void,
) => Promise<LoadedGrid>;

/**
 * A load of the grid in a worker thread of its own (grid-load-worker.ts), one per load: its heap,
 * with everything the read made on the way, goes when the thread ends. The promise holds once the
 * columns are here; the sort orders worked out ahead follow through `onOrder`.
 */
export function gridLoaderApart(
  databasePath: string,
  workerUrl: URL = defaultWorkerUrl(),
): LoadGridApart {
  return (onOrder) =>
    new Promise<LoadedGrid>((resolve, reject) => {
      const request: GridLoadRequest = { databasePath };
      const worker = new Worker(fileURLToPath(workerUrl), { workerData: request });
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        // Only logged: the grid then reads in the backend's thread, whose errors reach the analyst.
        reject(new Error(message));
      };
      worker.on('message', (message: GridLoadMessage) => {
        switch (message.kind) {
          case 'grid':
            settled = true;
            // Its orders are worth having, not waiting for: the worker no longer holds the
            // process open.
            worker.unref();
            resolve(gridOfImage(message.image));
            return;
          case 'order':
            onOrder(message.column, message.entry);
            return;
          case 'failed':
            return fail(message.message);
          case 'done':
            return;
        }
      });
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) =>
        fail(`the grid's load worker ended (code ${code}) before the grid was read`),
      );
    });
}

/**
 * From the TypeScript sources (tests, benchmarks) the worker loads through tsx; a bundle that
 * does not name its own worker has a built grid-load-worker.js beside this module.
 */
function defaultWorkerUrl(): URL {
  const source = import.meta.url.endsWith('.ts');
  return new URL(source ? './grid-load-worker-tsx.mjs' : './grid-load-worker.js', import.meta.url);
}

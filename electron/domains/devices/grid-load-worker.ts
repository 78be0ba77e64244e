// A worker thread that reads the current inventory into the grid's columns (issue 29, item 4),
// so what the read makes on the way (a million rows' JSON, parsed objects, builders) lives and
// dies in this thread's heap, never in the heap of the process that answers the grid. It posts
// the columns first (the grid answers from then on), then the sort orders worth working out
// ahead, one message per column, and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { GridOrders } from '../../../shared/devices/grid-order';
import { buffersOf, imageOf } from '../../../shared/devices/grid-table/grid-image';
import { loadGrid } from '../../../shared/devices/grid-table/load-grid';
import { openStorageToRead } from '../../storage/storage';
import { inventoryGridRows } from './grid-rows';
import type { GridLoadMessage, GridLoadRequest } from './grid-load-messages';

const post = (message: GridLoadMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

function run({ databasePath }: GridLoadRequest): void {
  const reader = openStorageToRead(databasePath);
  let loaded;
  try {
    loaded = reader.consistently(() => loadGrid(inventoryGridRows(reader.storage)));
  } finally {
    reader.close();
  }
  // Copied, not moved: the orders below still read these columns.
  post({ kind: 'grid', image: imageOf(loaded) });
  const orders = new GridOrders(loaded.table);
  for (const column of orders.slowColumns()) {
    const entry = orders.ascending(column);
    post({ kind: 'order', column, entry }, buffersOf(entry));
    orders.forget(column);
  }
  post({ kind: 'done' });
}

try {
  run(workerData as GridLoadRequest);
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}

// Reads the current inventory into the grid's columns off the backend's thread (issue 29, item
// 4), in a process of its own (serve) or a worker thread (the desktop app's backend, which may
// not start processes): what the read makes on the way (a million rows' JSON, parsed objects,
// builders) lives and dies here, never in the process that keeps the grid. It writes the columns
// to a file and says so, then the sort orders worth working out ahead, says so, and ends.
import { workerData, parentPort } from 'node:worker_threads';
import { GridOrders } from '../../../shared/devices/grid-order';
import { imageOf } from '../../../shared/devices/grid-table/grid-image';
import { loadGrid } from '../../../shared/devices/grid-table/load-grid';
import { openStorageToRead } from '../../storage/storage';
import { writeGridFile } from './grid-file';
import type { OrdersAhead } from './load-grid-apart';
import {
  GRID_LOAD_REQUEST,
  type GridLoadMessage,
  type GridLoadRequest,
} from './grid-load-messages';
import { inventoryGridRows } from './grid-rows';

/** To the backend: through the thread's port, or the process's channel. */
function send(message: GridLoadMessage, then?: () => void): void {
  if (parentPort) {
    parentPort.postMessage(message);
    then?.();
  } else process.send!(message, undefined, {}, () => then?.());
}

function run({ databasePath, key, files }: GridLoadRequest): void {
  const reader = openStorageToRead(databasePath);
  let loaded;
  try {
    loaded = reader.consistently(() => loadGrid(inventoryGridRows(reader.storage)));
  } finally {
    reader.close();
  }
  writeGridFile(files.columns, key, imageOf(loaded));
  send({ kind: 'columns' });
  const orders = new GridOrders(loaded.table);
  const ahead: OrdersAhead = {};
  for (const column of orders.slowColumns()) ahead[column] = orders.ascending(column);
  writeGridFile(files.orders, key, ahead);
  send({ kind: 'orders' }, () => process.disconnect?.());
}

try {
  run((workerData ?? JSON.parse(process.env[GRID_LOAD_REQUEST]!)) as GridLoadRequest);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  send({ kind: 'failed', message }, () => process.disconnect?.());
}

// One start of the backend as `s1inv serve` opens it (the grid read apart, in a process of its
// own, and kept on disk), in a process of its own, bundled as the CLI is: prints, as JSON, how
// long the first rows took, the process's memory once the grid's load is over, and each step.
// Run by scripts/bench/grid-serve.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { openBackend } from '../../electron/backend/open-backend';
import { gridFilesOf } from '../../electron/storage/grid-files';
import { MemorySecretStore } from '../../test/support/memory-secret-store';
import { EVERY_DEVICE } from '../../test/support/grid-query';
import { stepsOf } from './grid-steps';

const [dataDir, cliDir] = process.argv.slice(2) as [string, string];
const started = performance.now();
const backend = openBackend({
  dataDir,
  platform: {
    transport: 'browser',
    chooseExportFile: () => Promise.resolve(undefined),
    openExternal: () => Promise.resolve(false),
  },
  secrets: new MemorySecretStore(),
  loadGridApart: 'process',
  gridWorker: pathToFileURL(join(cliDir, 'grid-load-worker.js')),
});
const kept = existsSync(gridFilesOf(`${dataDir}/inventory.sqlite`).columns);
await backend.deviceGrid.ready();
const page = backend.deviceGrid.query(EVERY_DEVICE, undefined, 0, 100, Date.now());
const firstRowsMs = performance.now() - started;

// The load's process writes the sort orders once the columns are in; then it ends.
const orders = gridFilesOf(`${dataDir}/inventory.sqlite`).orders;
while (!existsSync(orders)) await sleep(200);
await sleep(2000);
global.gc?.();
const { rss, heapUsed, arrayBuffers, external } = process.memoryUsage();
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
console.log(
  JSON.stringify({
    devices: page.total,
    fromKeptFiles: kept,
    firstRowsMs,
    rssMb: mb(rss),
    heapMb: mb(heapUsed),
    externalMb: mb(external),
    arrayBuffersMb: mb(arrayBuffers),
    ...stepsOf(backend.deviceGrid),
  }),
);
await backend.close();

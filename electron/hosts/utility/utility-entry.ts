// The backend in Electron's utility process: the database, syncs, exports and pushes run here,
// off the main process, so a 100,000-agent sync never freezes the window. It speaks to main
// over the parent port (port-host.ts).
import { openBackend } from '../../backend/open-backend';
import { hostBackendOnPort, PortPlatform, type MessagePortLike } from './port-host';

const port = (process as unknown as { parentPort: MessagePortLike }).parentPort;
const platform = new PortPlatform(port);
const backend = openBackend({
  dataDir: process.env.S1INV_DATA_DIR,
  platform,
  offerDemoConsole: true,
  // The app stays up: the grid's loads run in a worker thread (a utility process may not start
  // processes), their garbage with it.
  loadGridApart: 'thread',
  // Main names the OS logs folder (app.getPath('logs')); the file rotates there.
  log: {
    file: 'backend.log',
    ...(process.env.S1INV_LOG_DIR ? { dir: process.env.S1INV_LOG_DIR } : {}),
  },
});
hostBackendOnPort(port, backend, platform);
// The inventory is read into the grid's memory while the window opens.
setImmediate(() => backend.deviceGrid.warm());

// The backend in Electron's utility process: the database, syncs, exports and pushes run here,
// off the main process, so a 100,000-agent sync never freezes the window. It speaks to main
// over the parent port (port-host.ts).
import { openDatabase } from '../../adapters/db/database';
import { systemClock } from '../../adapters/platform/clock';
import { findDemoConsole } from '../../domains/app/demo-console';
import { WorkerPrecomputer } from '../../domains/precompute/worker-precomputer';
import { KeyringSecretStore } from '../../adapters/secrets/keyring-store';
import { Backend } from '../../backend/backend';
import { hostBackendOnPort, PortPlatform, type MessagePortLike } from './port-host';

const port = (process as unknown as { parentPort: MessagePortLike }).parentPort;
const platform = new PortPlatform(port);
const dataDir = process.env.S1INV_DATA_DIR!;
const backend = new Backend({
  db: openDatabase(dataDir),
  secrets: new KeyringSecretStore(),
  clock: systemClock,
  dataDir,
  platform,
  precomputer: new WorkerPrecomputer(),
  findDemoConsole: () => findDemoConsole(),
});
hostBackendOnPort(port, backend, platform);

import { homedir } from 'node:os';
import { openDatabase } from '../adapters/db/database';
import { resolveDataDir } from '../adapters/platform/data-dir';
import { systemClock, type Clock } from '../adapters/platform/clock';
import { KeyringSecretStore } from '../adapters/secrets/keyring-store';
import type { SecretStore } from '../adapters/secrets/secret-store';
import { findDemoConsole } from '../domains/app/demo-console';
import { WorkerPrecomputer } from '../domains/precompute/worker-precomputer';
import { Backend, type BackendDeps } from './backend';
import type { PlatformPort } from './platform';

export interface OpenBackendOptions {
  /** The data directory as the host was told it (a flag), else the environment's or the OS's. */
  dataDir?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
  platform: PlatformPort;
  /** Tests pass their own; the product always uses the OS keychain and the system clock. */
  secrets?: SecretStore;
  clock?: Clock;
  sync?: BackendDeps['sync'];
  /** Where the precompute worker's bundle is, when the host is a bundle itself. */
  precomputeWorker?: URL;
  /** better-sqlite3's build for this runtime, when it is not the default (Electron). */
  nativeBinding?: string;
  /** Offer the demo console of `npm run demo` on first run (the GUI hosts do). */
  offerDemoConsole?: boolean;
}

/**
 * The composition root every host uses: the database of the data directory, the keychain, the
 * clock and the precompute workers, wired into one Backend. Closing the backend closes them.
 */
export function openBackend(options: OpenBackendOptions): Backend {
  const dataDir = resolveDataDir({
    flag: options.dataDir,
    env: options.env ?? process.env,
    platform: process.platform,
    homeDir: homedir(),
  });
  const db = openDatabase(
    dataDir,
    undefined,
    options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding },
  );
  return new Backend({
    db,
    secrets: options.secrets ?? new KeyringSecretStore(),
    clock: options.clock ?? systemClock,
    dataDir,
    platform: options.platform,
    precomputer: new WorkerPrecomputer(
      options.precomputeWorker ? { workerUrl: options.precomputeWorker } : {},
    ),
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.offerDemoConsole ? { findDemoConsole: () => findDemoConsole() } : {}),
    onClose: () => db.close(),
  });
}

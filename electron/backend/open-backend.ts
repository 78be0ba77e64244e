import { MAX_KEEP_SNAPSHOTS } from '../domains/consoles/console-settings';
import { homedir } from 'node:os';
import { openDatabase } from '../adapters/db/database';
import { resolveDataDir } from '../adapters/platform/data-dir';
import { systemClock, type Clock } from '../adapters/platform/clock';
import { KeyringSecretStore } from '../adapters/secrets/keyring-store';
import type { SecretStore } from '../adapters/secrets/secret-store';
import { findDemoConsole } from '../domains/app/demo-console';
import { WorkerPrecomputer } from '../domains/precompute/worker-precomputer';
import { gridApart, type GridApartOptions } from '../domains/devices/load-grid-apart';
import { Backend, type BackendDeps } from './backend';
import type { PlatformPort } from './platform';
import { join } from 'node:path';
import { logLevelFrom, loggerOn, openLogFile } from '../adapters/logging/log-file';

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
  /**
   * Read the grid's inventory away from the backend (hosts that stay up), kept on disk for the
   * next start: in a process of its own (serve) or a worker thread (the desktop app's backend,
   * which may not start processes). A load's garbage never swells the process that keeps the
   * grid.
   */
  loadGridApart?: GridApartOptions['runIn'];
  /** Where the grid's load worker's bundle is, when the host is a bundle itself. */
  gridWorker?: URL;
  /**
   * Where the host logs: a rotated file (in `dir`, else `<data dir>/logs`), from info up unless
   * S1INV_LOG_LEVEL says otherwise, or a stream of lines with every level (the CLI's --verbose);
   * nowhere when absent. Every line is redacted.
   */
  log?: { file: string; dir?: string } | { write: (line: string) => void };
  /** Offer the demo console of `npm run demo` on first run (the GUI hosts do). */
  offerDemoConsole?: boolean;
}

/**
 * The composition root every host uses: the database of the data directory, the keychain, the
 * clock and the precompute workers, wired into one Backend. Closing the backend closes them.
 */
export function openBackend(options: OpenBackendOptions): Backend {
  const env = options.env ?? process.env;
  const dataDir = resolveDataDir({
    flag: options.dataDir,
    env,
    platform: process.platform,
    homeDir: homedir(),
  });
  const clock = options.clock ?? systemClock;
  const log =
    options.log === undefined
      ? undefined
      : 'write' in options.log
        ? loggerOn(options.log.write, { clock, level: 'debug' })
        : openLogFile({
            dir: options.log.dir ?? join(dataDir, 'logs'),
            name: options.log.file,
            clock,
            level: logLevelFrom(env, 'info'),
          });
  const db = openDatabase(dataDir);
  return new Backend({
    db,
    secrets: options.secrets ?? new KeyringSecretStore(),
    clock,
    dataDir,
    platform: options.platform,
    precomputer: new WorkerPrecomputer(
      options.precomputeWorker ? { workerUrl: options.precomputeWorker } : {},
    ),
    sync: { ...keepSnapshotsFrom(env), ...options.sync },
    ...(options.loadGridApart
      ? {
          gridApart: gridApart({
            databasePath: db.name,
            runIn: options.loadGridApart,
            ...(options.gridWorker ? { workerUrl: options.gridWorker } : {}),
          }),
        }
      : {}),
    ...(options.offerDemoConsole ? { findDemoConsole: () => findDemoConsole() } : {}),
    // Another release feed (a mirror, or a test's) by its URL alone.
    ...(env.S1INV_RELEASE_FEED ? { releaseFeed: { url: env.S1INV_RELEASE_FEED } } : {}),
    onClose: () => db.close(),
    ...(log ? { log } : {}),
  });
}

/**
 * The default retention: how many complete snapshots a console without a setting of its own
 * keeps (`S1INV_KEEP_SNAPSHOTS`, 1 to 100, as a console's own; default 2, the current one and
 * the one before it). Another value is ignored.
 */
function keepSnapshotsFrom(env: Readonly<Record<string, string | undefined>>): {
  keepSnapshots?: number;
} {
  const value = Number(env.S1INV_KEEP_SNAPSHOTS);
  return Number.isInteger(value) && value >= 1 && value <= MAX_KEEP_SNAPSHOTS
    ? { keepSnapshots: value }
    : {};
}

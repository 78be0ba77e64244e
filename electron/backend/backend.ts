import packageJson from '../../package.json' with { type: 'json' };
import type { Db } from '../adapters/db/database';
import type { Clock } from '../adapters/platform/clock';
import type { SecretStore } from '../adapters/secrets/secret-store';
import { silentLogger, type Logger } from '../adapters/logging/log-file';
import { openStorage, type Storage } from '../storage/storage';
import type { ConsoleRecord } from '../storage/console-repository';
import type { ConsoleView } from '../../shared/contract/views';
import { ConsoleService } from '../domains/consoles/console-service';
import { consoleView } from '../domains/consoles/console-view';
import { inlinePrecomputer, type Precomputer } from '../domains/precompute/precomputer';
import { SekoiaTargets, type SekoiaTarget } from '../domains/sekoia/sekoia-targets';
import { SyncEngine, type SyncEngineOptions } from '../domains/sync/sync-engine';
import { SyncService } from '../domains/sync/sync-service';
import { runExport, type ExportRequest, type ExportResult } from '../domains/export/exporter';
import { exportConfig, importConfig, type ImportSummary } from '../domains/config/config-service';
import type { ConfigFile } from '../domains/config/config-file';
import { Pusher } from '../domains/push/pusher';
import { sekoiaDestination } from '../domains/sekoia/sekoia-destination';
import { inventoryGridRows } from '../domains/devices/grid-rows';
import type { GridApart } from '../domains/devices/load-grid-apart';
import { DeviceGrid } from '../domains/devices/device-grid';
import { CveCatalogue } from '../domains/vulnerabilities/cve-catalogue';
import { EventHub } from './event-hub';
import type { PlatformPort } from './platform';
import { UpdateChecker, type FetchJson } from '../domains/app/update-check';

export interface BackendDeps {
  db: Db;
  secrets: SecretStore;
  clock: Clock;
  dataDir: string;
  platform: PlatformPort;
  precomputer?: Precomputer;
  /** Retry and rate-limit settings; tests shrink them. */
  sync?: Pick<SyncEngineOptions, 'retryPolicy' | 'rateLimits' | 'keepSnapshots'>;
  /** Finds the demo console of `npm run demo` when it runs, to offer it on first run. */
  findDemoConsole?: () => Promise<{ url: string; token: string } | undefined>;
  /** Runs last in close(), once background work is done (openBackend closes the database). */
  onClose?: () => void;
  /** The host's log (redacted); silent when absent. */
  log?: Logger;
  /** Reads the grid's inventory elsewhere (a process or thread), kept on disk, not here. */
  gridApart?: GridApart;
  /** Reads the release feed (tests bring a fake feed's). */
  releaseFeed?: { fetchJson?: FetchJson; url?: string };
}

/**
 * The Node side of the app, whichever host runs it (Electron's utility process, `s1inv serve`
 * or the CLI): the domains' services wired to one storage, clock, keychain and event hub. The
 * use cases live in their domains; the handlers reach them through this object.
 */
export class Backend {
  readonly events = new EventHub();
  readonly version = packageJson.version;
  /** The opt-in check for a newer version: one request per launch, when turned on. */
  readonly updates: UpdateChecker;
  readonly storage: Storage;
  readonly consoles: ConsoleService;
  readonly targets: SekoiaTargets;
  readonly syncs: SyncService;
  /** The Devices grid's queries, over the current inventory kept in memory. */
  readonly deviceGrid: DeviceGrid;
  /** Every CVE open on a device: the Vulnerabilities screen. */
  readonly cveCatalogue: CveCatalogue;
  readonly clock: Clock;
  readonly platform: PlatformPort;
  readonly dataDir: string;
  readonly log: Logger;
  private readonly engine: SyncEngine;

  constructor(private readonly deps: BackendDeps) {
    const { clock, platform, secrets } = deps;
    this.clock = clock;
    this.platform = platform;
    this.dataDir = deps.dataDir;
    this.log = deps.log ?? silentLogger;
    this.updates = new UpdateChecker(
      this.version,
      deps.releaseFeed?.fetchJson,
      deps.releaseFeed?.url,
    );
    this.storage = openStorage(deps.db, clock);
    const override = (kind: 'console' | 'sekoia') => (name: string) =>
      platform.secretOverride?.({ kind, name });
    this.consoles = new ConsoleService({
      consoles: this.storage.consoles,
      locks: this.storage.locks,
      secrets,
      clock,
      tokenOverride: override('console'),
    });
    this.targets = new SekoiaTargets(this.storage.pushTargets, secrets, clock, override('sekoia'));
    this.engine = new SyncEngine({
      storage: this.storage,
      clock,
      ...deps.sync,
      ...(deps.precomputer ? { precomputer: deps.precomputer } : {}),
    });
    this.syncs = new SyncService({
      engine: this.engine,
      consoles: this.consoles,
      storage: this.storage,
      events: this.events,
      clock,
      log: this.log,
      ...(deps.sync?.retryPolicy ? { retryPolicy: deps.sync.retryPolicy } : {}),
    });
    const { consoleState, software, vulnerabilities } = this.storage;
    /** Changes with the current inventory and with what its applications and CVEs add. */
    const inventoryVersion = () =>
      `${consoleState.inventoryVersion()}#${software.enrichmentVersion()}`;
    this.deviceGrid = new DeviceGrid(
      () => inventoryGridRows(this.storage),
      // The grid's rows carry the analyst's notes too.
      () => `${inventoryVersion()}#${this.storage.notes.version()}`,
      (cveId) => vulnerabilities.devicesWith(cveId),
      deps.gridApart && {
        grids: deps.gridApart,
        onError: (error) =>
          this.log.log('warn', 'the grid could not be read apart; reading it here', {
            error: error instanceof Error ? error.message : String(error),
          }),
      },
    );
    this.cveCatalogue = new CveCatalogue(
      () => vulnerabilities.openRisks(),
      () => this.deviceGrid.activeDeviceKeys(),
      inventoryVersion,
    );
  }

  /** The demo console of `npm run demo`, when this host offers it and it answers. */
  findDemoConsole(): Promise<{ url: string; token: string } | undefined> {
    return this.deps.findDemoConsole?.() ?? Promise.resolve(undefined);
  }

  consoleView(record: ConsoleRecord): ConsoleView {
    return consoleView(record, this.storage, this.syncs);
  }

  async exportFile(request: ExportRequest): Promise<ExportResult> {
    const what = `export of ${request.entity ?? 'agents'} as ${request.format}`;
    try {
      const result = await runExport(this.storage, this.clock, request);
      this.log.log('info', `${what} written`, {
        path: result.path,
        records: result.records,
        bytes: result.bytes,
        ...(result.skipped.length > 0 ? { skipped: result.skipped.length } : {}),
      });
      return result;
    } catch (error) {
      this.log.log('error', `${what} failed`, {
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  configFile(options: { withNotes?: boolean } = {}): ConfigFile {
    return exportConfig(this.storage, options);
  }

  async importConfig(json: string, source: string): Promise<ImportSummary> {
    const summary = importConfig(this.storage, this.clock, json, source);
    await this.consoles.dropTokens(summary.tokensDropped.map((name) => this.consoles.get(name).id));
    return summary;
  }

  pusher(target: SekoiaTarget, apiKey: string): Pusher {
    const precomputer = this.deps.precomputer ?? inlinePrecomputer;
    const destination = sekoiaDestination(target, apiKey, precomputer);
    return new Pusher(this.storage, this.clock, target.id, destination, this.log);
  }

  /** Stops polling, cancels syncs, and lets background work finish before the database closes. */
  async close(): Promise<void> {
    await this.syncs.close();
    await this.deps.precomputer?.close();
    await this.log.close();
    this.deps.onClose?.();
  }
}

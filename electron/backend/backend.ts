import packageJson from '../../package.json' with { type: 'json' };
import { parseSince, type SinceSpec } from '../../shared/sentinelone/history-window';
import type { Db } from '../adapters/db/database';
import { ConsoleService } from '../domains/consoles/console-service';
import type { ConsoleRecord } from '../domains/consoles/console-repository';
import type { Clock } from '../adapters/platform/clock';
import { inlinePrecomputer, type Precomputer } from '../domains/precompute/precomputer';
import type { SecretStore } from '../adapters/secrets/secret-store';
import { SekoiaTargets, type SekoiaTarget } from '../domains/sekoia/target-store';
import { parseApis } from '../domains/consoles/console-settings';
import type { ConsoleSyncResult } from '../domains/sync/sync-types';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../adapters/http/retry';
import type { S1Api } from '../../shared/sentinelone/apis';
import { InvalidArgumentError } from '../../shared/errors/app-error';
import { AutoPoller } from '../domains/sync/auto-poll';
import { RETRYING, SyncEngine, type SyncEngineOptions } from '../domains/sync/sync-engine';
import type { ConsoleView } from '../../shared/contract/views';
import { EventHub } from './event-hub';
import { silentLogger, type Logger } from '../adapters/logging/log-file';
import { openStores, type Stores } from '../domains/stores';
import { runExport, type ExportRequest, type ExportResult } from '../domains/export/exporter';
import { exportConfig, importConfig, type ImportSummary } from '../domains/config/config-service';
import type { ConfigFile } from '../domains/config/config-file';
import { SekoiaPusher } from '../domains/push/pusher';
import {
  currentDeviceCount,
  currentDeviceRows,
  type InventoryCursor,
  type InventoryText,
} from '../domains/inventory/inventory-store';
import type { PlatformPort } from './platform';
import { DeviceGrid } from '../domains/devices/device-grid';
import { deviceRowOf } from '../../shared/devices/precomputed';
import type { GridRow } from '../../shared/contract/views';

export interface SyncRunRequest {
  names?: readonly string[];
  apis?: readonly string[];
  /** `2025-01-01` or `90d`: how far back threats and activities are read this run. */
  since?: string;
  retryMinutes?: number;
}

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
}

const DEFAULT_POLL_MINUTES = 5;

/**
 * The Node side of the app, whichever host runs it (Electron's utility process or
 * `s1inv serve`): the modules of the CLI plus what only a long-lived process has (background
 * syncs, cancel, auto-poll, events).
 */
export class Backend {
  readonly events = new EventHub();
  readonly consoles: ConsoleService;
  readonly engine: SyncEngine;
  readonly targets: SekoiaTargets;
  readonly version = packageJson.version;
  private readonly syncs = new Map<string, AbortController>();
  /** Each sync's bookkeeping, settled once its events are sent; close() waits for them. */
  private readonly running = new Set<Promise<unknown>>();
  private readonly pollers = new Map<string, { poller: AutoPoller; minutes: number }>();

  readonly stores: Stores;
  /** The Devices grid's queries, over the current inventory kept in memory. */
  readonly deviceGrid: DeviceGrid;
  readonly clock: Clock;
  readonly platform: PlatformPort;
  readonly dataDir: string;
  readonly log: Logger;

  constructor(private readonly deps: BackendDeps) {
    this.log = deps.log ?? silentLogger;
    this.stores = openStores(deps.db, deps.clock);
    this.clock = deps.clock;
    this.platform = deps.platform;
    this.dataDir = deps.dataDir;
    this.consoles = new ConsoleService(deps);
    this.engine = new SyncEngine({
      db: deps.db,
      clock: deps.clock,
      ...deps.sync,
      ...(deps.precomputer ? { precomputer: deps.precomputer } : {}),
    });
    this.targets = new SekoiaTargets(deps.db, deps.secrets, deps.clock);
    this.deviceGrid = new DeviceGrid(
      () => this.allDeviceRows(),
      () => this.stores.consoleState.inventoryVersion(),
    );
  }

  private *allDeviceRows(): Generator<GridRow> {
    for (const record of this.deviceRows()) yield deviceRowOf(record.text, record.console.name);
  }

  // The use cases the handlers call; none of them hands out the database.

  /** The demo console of `npm run demo`, when this host offers it and it answers. */
  findDemoConsole(): Promise<{ url: string; token: string } | undefined> {
    return this.deps.findDemoConsole?.() ?? Promise.resolve(undefined);
  }

  exportFile(request: ExportRequest): ExportResult {
    return runExport(this.deps.db, this.clock, request);
  }

  configFile(): ConfigFile {
    return exportConfig(this.deps.db, this.stores.views);
  }

  async importConfig(json: string, source: string): Promise<ImportSummary> {
    const summary = importConfig(this.deps.db, this.clock, this.stores.views, json, source);
    await this.consoles.dropTokens(summary.tokensDropped.map((name) => this.consoles.get(name).id));
    return summary;
  }

  pusher(target: SekoiaTarget, apiKey: string): SekoiaPusher {
    return new SekoiaPusher(
      this.deps.db,
      this.clock,
      target,
      apiKey,
      this.deps.precomputer ?? inlinePrecomputer,
    );
  }

  deviceCount(consoleName?: string): number {
    return currentDeviceCount(this.deps.db, consoleName);
  }

  deviceRows(consoleName?: string, from?: InventoryCursor): Iterable<InventoryText> {
    return currentDeviceRows(this.deps.db, consoleName, from);
  }

  consoleView(record: ConsoleRecord): ConsoleView {
    const snapshot = this.stores.snapshots.current(record.id);
    const counts = this.stores.health.counts(record.id);
    const poll = this.pollers.get(record.id);
    return {
      id: record.id,
      name: record.name,
      url: record.url,
      apis: record.apis,
      ...(record.proxyUrl === undefined ? {} : { proxyUrl: record.proxyUrl }),
      ...(record.caBundle === undefined ? {} : { caBundle: record.caBundle }),
      ...(record.historySince === undefined ? {} : { historySince: record.historySince }),
      keepSnapshots: this.engine.keepSnapshotsFor(record),
      history: this.stores.entities.windows(record.id),
      tokenStored: record.tokenStored,
      state: this.stores.consoleState.get(record.id).state,
      syncing: this.engine.isRunning(record.id),
      autoPoll: { enabled: poll !== undefined, minutes: poll?.minutes ?? DEFAULT_POLL_MINUTES },
      ...this.problemOf(record),
      ...(snapshot
        ? { inventory: { takenAt: snapshot.takenAt, agents: snapshot.agentCount } }
        : {}),
      health: counts,
    };
  }

  /** The console's current problem; a request still being retried says when the sync gives up. */
  private problemOf(record: ConsoleRecord): Pick<ConsoleView, 'problem'> {
    const event = this.stores.health.currentProblem(record.id);
    if (!event) return {};
    const retrying = this.engine.isRunning(record.id) && event.message.startsWith(RETRYING);
    const giveUpMs = (this.deps.sync?.retryPolicy ?? DEFAULT_RETRY_POLICY).maxRetryTimeMs;
    return {
      problem: {
        severity: event.severity,
        message: event.message,
        since: event.firstAt,
        count: event.count,
        ...(retrying
          ? { givesUpAt: new Date(Date.parse(event.firstAt) + giveUpMs).toISOString() }
          : {}),
      },
    };
  }

  /** The token for a call: the host's override for this call, else the keychain's. */
  consoleToken(record: ConsoleRecord): Promise<string> {
    const override = this.deps.platform.secretOverride?.({ kind: 'console', name: record.name });
    return override === undefined ? this.consoles.token(record) : Promise.resolve(override);
  }

  /** The API key for a call: the host's override for this call, else the keychain's. */
  targetKey(target: SekoiaTarget): Promise<string> {
    const override = this.deps.platform.secretOverride?.({ kind: 'sekoia', name: target.name });
    return override === undefined ? this.targets.apiKey(target) : Promise.resolve(override);
  }

  /** Starts a sync in the background; progress and the end arrive as events. */
  async startSync(name: string): Promise<void> {
    // Answers once the sync has started (its token read); the run itself is not waited for.
    await this.beginSync(this.consoles.get(name));
  }

  /**
   * Syncs the named consoles (all when none is named) and waits for them, and for the exports
   * to be ready, before answering. Progress arrives as events; `cancelSync` stops one.
   */
  async runSync(request: SyncRunRequest): Promise<ConsoleSyncResult[]> {
    const records =
      request.names && request.names.length > 0
        ? request.names.map((name) => this.consoles.get(name))
        : this.consoles.list();
    if (records.length === 0) {
      throw new InvalidArgumentError('No console is configured yet: add one, then sync it.');
    }
    const apis = request.apis === undefined ? undefined : parseApis(request.apis);
    const since = request.since === undefined ? undefined : parseSince(request.since);
    if (since && 'problem' in since) {
      throw new InvalidArgumentError(
        `The history start ${since.problem} Give a date (2025-01-01) or a number of days (90d).`,
      );
    }
    const retryPolicy =
      request.retryMinutes === undefined
        ? undefined
        : {
            ...(this.deps.sync?.retryPolicy ?? DEFAULT_RETRY_POLICY),
            maxRetryTimeMs: request.retryMinutes * 60_000,
          };
    // Every token first: a console without one fails the run before any sync starts.
    const tokens = await Promise.all(records.map((record) => this.consoleToken(record)));
    const started = await Promise.all(
      records.map((record, index) =>
        this.beginSync(record, {
          token: tokens[index]!,
          ...(apis ? { apis } : {}),
          ...(since ? { since } : {}),
          ...(retryPolicy ? { retryPolicy } : {}),
        }),
      ),
    );
    const results = await Promise.all(started.map(({ run }) => run));
    await this.engine.precomputed();
    return results;
  }

  private async beginSync(
    record: ConsoleRecord,
    options: {
      token?: string;
      apis?: readonly S1Api[];
      since?: SinceSpec;
      retryPolicy?: RetryPolicy;
    } = {},
  ): Promise<{ run: Promise<ConsoleSyncResult> }> {
    // The run is wrapped: an async function returning a bare promise would wait for it.
    const token = options.token ?? (await this.consoleToken(record));
    const controller = new AbortController();
    const changed = (state: string) =>
      this.events.emit('console.changed', {
        console: record.name,
        state,
        syncing: this.engine.isRunning(record.id),
      });
    const run = this.engine.sync({
      console: record,
      token,
      ...(options.apis ? { apis: options.apis } : {}),
      ...(options.since ? { since: options.since } : {}),
      ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
      signal: controller.signal,
      onProgress: (progress) => this.events.emit('sync.progress', progress),
      onState: changed,
      // The card shows what is being retried: it must hear of it, as no state changes then.
      onRetry: () => changed(this.stores.consoleState.get(record.id).state),
    });
    this.syncs.set(record.id, controller);
    const finished = run
      .then((result) => {
        const failed = Object.values(result.apis).flatMap((api) => api.errors);
        this.log.log(failed.length > 0 ? 'warn' : 'info', `sync of "${record.name}" ended`, {
          state: result.state,
          apis: Object.fromEntries(
            Object.entries(result.apis).map(([api, run]) => [api, `${run.state} ${run.fetched}`]),
          ),
          ...(failed[0] ? { error: failed[0].message } : {}),
        });
        this.events.emit('sync.finished', {
          console: record.name,
          state: result.state,
          ...(result.apis.agents?.complete ? { devices: result.apis.agents.fetched } : {}),
          ...(failed[0] ? { message: failed[0].message } : {}),
        });
      })
      .catch((error: unknown) =>
        this.events.emit('sync.finished', {
          console: record.name,
          state: 'Error',
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        this.syncs.delete(record.id);
        changed(this.stores.consoleState.get(record.id).state);
      });
    this.running.add(finished);
    void finished.finally(() => this.running.delete(finished));
    return { run };
  }

  cancelSync(name: string): boolean {
    const controller = this.syncs.get(this.consoles.get(name).id);
    controller?.abort();
    return controller !== undefined;
  }

  setAutoPoll(name: string, enabled: boolean, minutes: number): ConsoleRecord {
    const record = this.consoles.get(name);
    this.pollers.get(record.id)?.poller.stop();
    this.pollers.delete(record.id);
    if (enabled) {
      const poller = new AutoPoller(
        () => (this.engine.isRunning(record.id) ? Promise.resolve() : this.startSync(record.name)),
        minutes * 60_000,
        undefined,
        (error) =>
          this.stores.health.record(
            {
              consoleId: record.id,
              errorClass: 'FirstPartyGeneric',
              severity: 'error',
              message: `Auto-poll could not start a sync: ${error instanceof Error ? error.message : String(error)}`,
            },
            this.deps.clock.now(),
          ),
      );
      poller.start();
      this.pollers.set(record.id, { poller, minutes });
    }
    return record;
  }

  /** Stops polling, cancels syncs, and lets background work finish before the database closes. */
  async close(): Promise<void> {
    for (const { poller } of this.pollers.values()) poller.stop();
    for (const controller of this.syncs.values()) controller.abort();
    await Promise.allSettled([...this.running]);
    await this.engine.precomputed();
    await this.deps.precomputer?.close();
    await this.log.close();
    this.deps.onClose?.();
  }
}

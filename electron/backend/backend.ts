import packageJson from '../../package.json' with { type: 'json' };
import type { Db } from '../adapters/db/database';
import { ConsoleService } from '../domains/consoles/console-service';
import type { ConsoleRecord } from '../domains/consoles/console-repository';
import { HealthStore } from '../domains/health/health-store';
import type { Clock } from '../adapters/platform/clock';
import type { Precomputer } from '../domains/precompute/precomputer';
import type { SecretStore } from '../adapters/secrets/secret-store';
import { SekoiaTargets } from '../domains/sekoia/targets';
import { AutoPoller } from '../domains/sync/auto-poll';
import { ConsoleStateStore } from '../domains/sync/console-state';
import { SnapshotStore } from '../domains/sync/snapshot-store';
import { SyncEngine, type SyncEngineOptions } from '../domains/sync/sync-engine';
import type { ConsoleView } from '../../shared/contract/views';
import { EventHub } from './event-hub';
import type { PlatformPort } from './platform';

export interface BackendDeps {
  db: Db;
  secrets: SecretStore;
  clock: Clock;
  dataDir: string;
  platform: PlatformPort;
  precomputer?: Precomputer;
  /** Retry and rate-limit settings; tests shrink them. */
  sync?: Pick<SyncEngineOptions, 'retryPolicy' | 'rateLimits' | 'backfillDays'>;
  /** Finds the demo console of `npm run demo` when it runs, to offer it on first run. */
  findDemoConsole?: () => Promise<{ url: string; token: string } | undefined>;
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
  private readonly pollers = new Map<string, { poller: AutoPoller; minutes: number }>();

  constructor(readonly deps: BackendDeps) {
    this.consoles = new ConsoleService(deps);
    this.engine = new SyncEngine({
      db: deps.db,
      clock: deps.clock,
      ...deps.sync,
      ...(deps.precomputer ? { precomputer: deps.precomputer } : {}),
    });
    this.targets = new SekoiaTargets(deps.db, deps.secrets, deps.clock);
  }

  get db(): Db {
    return this.deps.db;
  }

  consoleView(record: ConsoleRecord): ConsoleView {
    const { db } = this.deps;
    const snapshot = new SnapshotStore(db).current(record.id);
    const counts = db
      .prepare(
        `SELECT COALESCE(SUM(severity = 'error'), 0) AS errors, COALESCE(SUM(severity = 'warning'), 0) AS warnings
         FROM health_events WHERE console_id = ?`,
      )
      .get(record.id) as { errors: number; warnings: number };
    const poll = this.pollers.get(record.id);
    return {
      id: record.id,
      name: record.name,
      url: record.url,
      apis: record.apis,
      ...(record.proxyUrl === undefined ? {} : { proxyUrl: record.proxyUrl }),
      ...(record.caBundle === undefined ? {} : { caBundle: record.caBundle }),
      tokenStored: record.tokenStored,
      state: new ConsoleStateStore(db).get(record.id).state,
      syncing: this.engine.isRunning(record.id),
      autoPoll: { enabled: poll !== undefined, minutes: poll?.minutes ?? DEFAULT_POLL_MINUTES },
      ...(snapshot
        ? { inventory: { takenAt: snapshot.takenAt, agents: snapshot.agentCount } }
        : {}),
      health: counts,
    };
  }

  /** Starts a sync in the background; progress and the end arrive as events. */
  async startSync(name: string): Promise<void> {
    const record = this.consoles.get(name);
    const token = await this.consoles.token(record, undefined, {});
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
      signal: controller.signal,
      onProgress: (progress) => this.events.emit('sync.progress', progress),
      onState: changed,
    });
    this.syncs.set(record.id, controller);
    void run
      .then((result) => {
        const failed = Object.values(result.apis).flatMap((api) => api.errors);
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
        changed(new ConsoleStateStore(this.deps.db).get(record.id).state);
      });
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
          new HealthStore(this.deps.db).record(
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
    while (this.syncs.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await this.engine.precomputed();
    await this.deps.precomputer?.close();
  }
}

import { parseSince, type SinceSpec } from '../../../shared/sentinelone/history-window';
import { redact } from '../../adapters/logging/redact';
import type { EntityName } from '../../../shared/entities';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import type { EventHub } from '../../backend/event-hub';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../adapters/http/retry';
import type { Clock } from '../../adapters/platform/clock';
import type { Logger } from '../../adapters/logging/log-file';
import { SyncLog } from './sync-log';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { Storage } from '../../storage/storage';
import type { ConsoleService } from '../consoles/console-service';
import { parseApis } from '../consoles/console-settings';
import { AutoPoller } from './auto-poll';
import type { SyncEngine } from './sync-engine';
import type { ConsoleSyncResult } from './sync-types';

export interface SyncRunRequest {
  names?: readonly string[];
  apis?: readonly string[];
  /** `2025-01-01` or `90d`: how far back threats and activities are read this run. */
  since?: string;
  retryMinutes?: number;
}

interface BeginOptions {
  token?: string;
  apis?: readonly EntityName[];
  since?: SinceSpec;
  retryPolicy?: RetryPolicy;
}

export const DEFAULT_POLL_MINUTES = 5;

/**
 * The syncs of a long-lived backend: started in the background or waited for, cancelled, and
 * repeated by auto-poll; each one's progress and end go out as events.
 */
export class SyncService {
  private readonly controllers = new Map<string, AbortController>();
  /** Each sync's bookkeeping, settled once its events are sent; close() waits for them. */
  private readonly running = new Set<Promise<unknown>>();
  private readonly pollers = new Map<string, { poller: AutoPoller; minutes: number }>();

  constructor(
    private readonly deps: {
      engine: SyncEngine;
      consoles: ConsoleService;
      storage: Storage;
      events: EventHub;
      clock: Clock;
      log: Logger;
      retryPolicy?: RetryPolicy;
    },
  ) {}

  isRunning(consoleId: string): boolean {
    return this.deps.engine.isRunning(consoleId);
  }

  /** Whether this console syncs again by itself, and how often. */
  autoPoll(consoleId: string): { enabled: boolean; minutes: number } {
    const poll = this.pollers.get(consoleId);
    return { enabled: poll !== undefined, minutes: poll?.minutes ?? DEFAULT_POLL_MINUTES };
  }

  keepSnapshotsFor(record: ConsoleRecord): number {
    return this.deps.engine.keepSnapshotsFor(record);
  }

  /** How long a retried request goes on before the sync gives up. */
  get giveUpMs(): number {
    return (this.deps.retryPolicy ?? DEFAULT_RETRY_POLICY).maxRetryTimeMs;
  }

  /** Starts a sync in the background; progress and the end arrive as events. */
  async start(name: string): Promise<void> {
    // Answers once the sync has started (its token read); the run itself is not waited for.
    await this.begin(this.deps.consoles.get(name));
  }

  /**
   * Syncs the named consoles (all when none is named) and waits for them, and for the exports
   * to be ready, before answering. Progress arrives as events; `cancel` stops one.
   */
  async run(request: SyncRunRequest): Promise<ConsoleSyncResult[]> {
    const { consoles } = this.deps;
    const records =
      request.names && request.names.length > 0
        ? request.names.map((name) => consoles.get(name))
        : consoles.list();
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
            ...(this.deps.retryPolicy ?? DEFAULT_RETRY_POLICY),
            maxRetryTimeMs: request.retryMinutes * 60_000,
          };
    // Every token first: a console without one fails the run before any sync starts.
    const tokens = await Promise.all(records.map((record) => consoles.tokenFor(record)));
    const started = await Promise.all(
      records.map((record, index) =>
        this.begin(record, {
          token: tokens[index]!,
          ...(apis ? { apis } : {}),
          ...(since ? { since } : {}),
          ...(retryPolicy ? { retryPolicy } : {}),
        }),
      ),
    );
    const results = await Promise.all(started.map(({ run }) => run));
    await this.deps.engine.precomputed();
    return results;
  }

  private async begin(
    record: ConsoleRecord,
    options: BeginOptions = {},
  ): Promise<{ run: Promise<ConsoleSyncResult> }> {
    // The run is wrapped: an async function returning a bare promise would wait for it.
    const token = options.token ?? (await this.deps.consoles.tokenFor(record));
    const { engine, events } = this.deps;
    const controller = new AbortController();
    const log = new SyncLog(this.deps.log, record, token, () => this.deps.clock.now());
    log.started(options.apis ?? record.apis, options.since);
    const changed = (state: string) =>
      events.emit('console.changed', {
        console: record.name,
        state,
        syncing: engine.isRunning(record.id),
      });
    const run = engine.sync({
      console: record,
      token,
      ...(options.apis ? { apis: options.apis } : {}),
      ...(options.since ? { since: options.since } : {}),
      ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
      signal: controller.signal,
      onProgress: (progress) => {
        log.page(progress);
        events.emit('sync.progress', progress);
      },
      onState: changed,
      // The card shows what is being retried: it must hear of it, as no state changes then.
      onRetry: (event) => {
        log.retry(event);
        changed(this.deps.storage.consoleState.get(record.id).state);
      },
    });
    this.controllers.set(record.id, controller);
    const finished = run
      .then((result) => {
        log.ended(result);
        this.reportEnd(record, result);
      })
      .catch((error: unknown) => {
        log.failed(error);
        events.emit('sync.finished', {
          console: record.name,
          state: 'Error',
          message: redact(error instanceof Error ? error.message : String(error), [token]),
        });
      })
      .finally(() => {
        this.controllers.delete(record.id);
        changed(this.deps.storage.consoleState.get(record.id).state);
      });
    this.running.add(finished);
    void finished.finally(() => this.running.delete(finished));
    return { run };
  }

  private reportEnd(record: ConsoleRecord, result: ConsoleSyncResult): void {
    const failed = Object.values(result.apis).flatMap((api) => api.errors);
    this.deps.events.emit('sync.finished', {
      console: record.name,
      state: result.state,
      ...(result.apis.agents?.complete ? { devices: result.apis.agents.fetched } : {}),
      ...(failed[0] ? { message: failed[0].message } : {}),
    });
  }

  cancel(name: string): boolean {
    const controller = this.controllers.get(this.deps.consoles.get(name).id);
    controller?.abort();
    return controller !== undefined;
  }

  setAutoPoll(name: string, enabled: boolean, minutes: number): ConsoleRecord {
    const record = this.deps.consoles.get(name);
    this.pollers.get(record.id)?.poller.stop();
    this.pollers.delete(record.id);
    if (!enabled) return record;
    const poller = new AutoPoller(
      () => (this.isRunning(record.id) ? Promise.resolve() : this.start(record.name)),
      minutes * 60_000,
      undefined,
      (error) =>
        this.deps.storage.health.record(
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
    return record;
  }

  /** Stops polling, cancels syncs, and waits for their bookkeeping and mapping to end. */
  async close(): Promise<void> {
    for (const { poller } of this.pollers.values()) poller.stop();
    for (const controller of this.controllers.values()) controller.abort();
    await Promise.allSettled([...this.running]);
    await this.deps.engine.precomputed();
  }
}

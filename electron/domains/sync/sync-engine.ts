import type { Storage } from '../../storage/storage';
import { redact } from '../../adapters/logging/redact';
import { PAGES_IN_FLIGHT_PER_WORKER } from '../../adapters/tuning';
import { clientForConsole } from '../consoles/console-client';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { Clock } from '../../adapters/platform/clock';
import { classifyError } from '../../adapters/sentinelone/error-class';
import { ConsoleFetcher } from '../../adapters/sentinelone/fetcher';
import { RateLimiters, type RateLimit } from '../../adapters/sentinelone/rate-limits';
import { DEFAULT_RETRY_POLICY, type RetryEvent, type RetryPolicy } from '../../adapters/http/retry';
import { ENTITIES, type EntityName } from '../../../shared/entities';
import { PrecomputeQueue } from '../precompute/precompute-queue';
import { inlinePrecomputer, type Precomputer } from '../precompute/precomputer';
import { preparePage } from '../precompute/prepare-page';
import type { ApiSyncContext } from './api-sync-context';
import type { ConsoleStateStore, ConsoleState } from '../../storage/console-state-store';
import { ENTITY_SYNCS, type EntitySync, type SyncRun } from './entity-syncs';
import type { SinceSpec } from '../../../shared/sentinelone/history-window';
import { parseConsoleSince } from '../consoles/console-settings';
import { RETRYING } from '../consoles/console-view';
import type { RunStore } from '../../storage/run-store';
import type { SyncLocks, LockHolder } from '../../storage/sync-lock-store';
import type { ApiSyncResult, ConsoleSyncResult, SyncProgress } from './sync-types';
import { AppError } from '../../../shared/errors/app-error';

export interface SyncEngineOptions {
  storage: Storage;
  clock: Clock;
  retryPolicy?: RetryPolicy;
  rateLimits?: Readonly<Record<string, RateLimit>>;
  /** Complete snapshots kept per console, the current one among them (default 2, for a diff). */
  keepSnapshots?: number;
  /** Where agents are mapped as they are stored; defaults to this thread. */
  precomputer?: Precomputer;
  /** How each entity syncs; ENTITY_SYNCS unless a test brings one of its own. */
  entities?: Readonly<Partial<Record<EntityName, EntitySync>>>;
}

export interface SyncRequest {
  console: ConsoleRecord;
  token: string;
  /** Defaults to the console's configured APIs. */
  apis?: readonly EntityName[];
  /** How far back threats and activities are read this run, over the console's setting. */
  since?: SinceSpec;
  /** This run's retry policy, in place of the engine's. */
  retryPolicy?: RetryPolicy;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Each Sumo state the console passes through during this sync. */
  onState?: (state: ConsoleState) => void;
  /** A request failed and is retried: the console's current problem changed. */
  onRetry?: (event: RetryEvent & { path: string }) => void;
}

export const DEFAULT_KEEP_SNAPSHOTS = 2;

export class SyncAlreadyRunningError extends AppError {
  override readonly name = 'SyncAlreadyRunningError';
  readonly code = 'conflict';
  constructor(
    readonly consoleName: string,
    holder?: LockHolder,
  ) {
    super(
      holder
        ? `A sync of "${consoleName}" is already running in another S1 Inventory process (pid ${holder.pid} on ${holder.host}, since ${holder.acquiredAt}); wait for it to end, or stop that process.`
        : `A sync of "${consoleName}" is already running; wait for it to end or cancel it.`,
    );
  }
}

/**
 * Syncs consoles: per console, its APIs walk concurrently (each paced by its own rate limit),
 * and one console runs at most one sync at a time, so no two walks of one entity overlap.
 */
export class SyncEngine {
  private readonly running = new Set<string>();
  private readonly preparing = new Set<Promise<void>>();
  private readonly states: ConsoleStateStore;
  private readonly runs: RunStore;
  private readonly locks: SyncLocks;

  constructor(private readonly options: SyncEngineOptions) {
    this.states = options.storage.consoleState;
    this.runs = options.storage.runs;
    this.locks = options.storage.locks;
  }

  /** How many complete snapshots a console keeps: its own setting, else the engine's default. */
  keepSnapshotsFor(record: Pick<ConsoleRecord, 'keepSnapshots'>): number {
    return record.keepSnapshots ?? this.options.keepSnapshots ?? DEFAULT_KEEP_SNAPSHOTS;
  }

  isRunning(consoleId: string): boolean {
    return this.running.has(consoleId);
  }

  /**
   * Resolves when the agents of every snapshot made current so far are mapped for exports and
   * the grid. Until then those read the raw agents and map them on the fly: same output, slower.
   */
  async precomputed(): Promise<void> {
    while (this.preparing.size > 0) await Promise.all(this.preparing);
  }

  /** The rest of a sync's mapping: its batches in flight, then what the snapshot still lacks. */
  private finishPrecompute(queue: PrecomputeQueue, snapshotId: number | undefined): void {
    // Starts on a later turn of the event loop, so the sync's own result is delivered first.
    const work = new Promise((resolve) => setImmediate(resolve))
      .then(() => (snapshotId === undefined ? queue.drain() : queue.fill(snapshotId)))
      // A cache: if it cannot be filled (the database closed under it), reads map on the fly.
      .catch(() => undefined)
      .finally(() => this.preparing.delete(work));
    this.preparing.add(work);
  }

  async sync(request: SyncRequest): Promise<ConsoleSyncResult> {
    const { console: record } = request;
    if (this.running.has(record.id)) throw new SyncAlreadyRunningError(record.name);
    const { clock, storage } = this.options;
    const holder = this.locks.acquire(record.id, clock.now());
    if (holder) throw new SyncAlreadyRunningError(record.name, holder);
    this.running.add(record.id);
    const setState = (state: ConsoleState) => {
      this.states.set(record.id, state, clock.now());
      request.onState?.(state);
    };
    const health = storage.healthRedacting(() => [request.token]);
    try {
      setState('Started');
      const fetcher = new ConsoleFetcher(
        clientForConsole(record, request.token),
        new RateLimiters(this.options.rateLimits),
        request.retryPolicy ?? this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
        request.signal,
        (event) => {
          const { error, attempt, path } = event;
          health.record(
            {
              consoleId: record.id,
              api: path.split('/')[1],
              errorClass: classifyError(error),
              severity: 'warning',
              message: `${RETRYING}GET ${path} after: ${error instanceof Error ? error.message : String(error)}`,
              details: { attempt },
            },
            clock.now(),
          );
          request.onRetry?.(event);
        },
      );
      setState('Initialized');
      const precomputer = this.options.precomputer ?? inlinePrecomputer;
      const queue = new PrecomputeQueue(storage.precomputed, precomputer);
      let authenticated = false;
      const context: ApiSyncContext = {
        storage,
        clock,
        console: record,
        redact: (text) => redact(text, [request.token]),
        fetcher,
        health,
        runs: this.runs,
        precompute: {
          // A page a worker could not prepare (it died) is prepared here: the sync goes on.
          expect: (agents) => precomputer.expect(agents),
          preparePage: (page) => precomputer.preparePage(page).catch(() => preparePage(page)),
          // Room for the pages that queue while the workers warm up (~1.3 MB each, at 1,000
          // agents a page), so that the walk keeps the API's pace meanwhile.
          pagesInFlight: precomputer.parallelism * PAGES_IN_FLIGHT_PER_WORKER,
          finish: (snapshotId) => this.finishPrecompute(queue, snapshotId),
        },
        keepSnapshots: this.keepSnapshotsFor(record),
        authenticated: () => {
          if (authenticated) return;
          authenticated = true;
          setState('Authenticated');
          setState('Collecting');
        },
        progress: (progress) => request.onProgress?.({ console: record.name, ...progress }),
      };
      request.signal?.addEventListener('abort', () => setState('Stopping'), { once: true });

      const syncs = this.options.entities ?? ENTITY_SYNCS;
      const apis = (request.apis ?? record.apis).filter((api) => syncs[api] !== undefined);
      const consoleSince = parseConsoleSince(record.historySince);
      const run: SyncRun = {
        now: clock.now(),
        ...(request.since ? { since: request.since } : {}),
        ...(consoleSince ? { consoleSince } : {}),
      };
      const walk = (names: readonly EntityName[]) =>
        Promise.all(
          names.map(async (api): Promise<[EntityName, ApiSyncResult]> => [
            api,
            await syncs[api]!(context, run),
          ]),
        );
      // A per-agent walk asks about the agents of the inventory this run has just made, once
      // they are mapped (the mapping says which are decommissioned); the others walk together.
      const perAgent = (api: EntityName) => ENTITIES[api]?.sync === 'per-agent';
      const results = await walk(apis.filter((api) => !perAgent(api)));
      if (apis.some(perAgent)) {
        await this.precomputed();
        results.push(...(await walk(apis.filter(perAgent))));
      }
      const failed = results.some(([, result]) => result.state === 'failed');
      const finalState = failed ? 'Error' : 'Idle';
      setState(finalState);
      return { console: record.name, state: finalState, apis: Object.fromEntries(results) };
    } catch (error) {
      setState('Error');
      throw error;
    } finally {
      this.running.delete(record.id);
      this.locks.release(record.id);
    }
  }
}

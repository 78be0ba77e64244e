import type { Storage } from '../../storage/storage';
import type { ConsoleRecord } from '../../storage/console-repository';
import type { HealthStore } from '../../storage/health-store';
import type { Clock } from '../../adapters/platform/clock';
import type { ConsoleFetcher } from '../../adapters/sentinelone/fetcher';
import type { EntityName } from '../../../shared/entities';
import { isPlainObject } from '../../../shared/lenient';
import type { RunStore } from '../../storage/run-store';
import type { PageBytes, PreparedPage } from '../precompute/prepare-page';
import { rawText, type RawJson } from '../../adapters/sentinelone/raw-json';
import type { SyncProgress } from './sync-types';

/** What one API's walk needs; built once per console sync. */
export interface ApiSyncContext {
  storage: Storage;
  clock: Clock;
  console: ConsoleRecord;
  fetcher: ConsoleFetcher;
  health: HealthStore;
  runs: RunStore;
  /**
   * Prepares each page of the agents walk on worker threads while the next one downloads
   * (`preparePage`; at most `pagesInFlight` pages at a time), then `finish` with the snapshot
   * made current, whose agents not mapped yet are mapped in the background.
   */
  precompute: {
    /** How many agents the walk is about to read (see Precomputer.expect). */
    expect(agents: number): void;
    preparePage(page: PageBytes): Promise<PreparedPage>;
    pagesInFlight: number;
    finish(currentSnapshotId: number | undefined): void;
  };
  /** Complete snapshots this console keeps once a new one is current (`keepSnapshotsFor`). */
  keepSnapshots: number;
  /** Redacts a message before it is stored, logged or returned: the run's token above all. */
  redact: (text: string) => string;
  /** The console answered a call: the token works. */
  authenticated: () => void;
  progress: (progress: Omit<SyncProgress, 'console'>) => void;
}

/** Parses one raw element; anything but a JSON object is malformed. */
export function parseElement(raw: RawJson): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(rawText(raw));
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a record the sync could not use: stored raw, flagged, reported in health. */
export function keepMalformed(
  context: ApiSyncContext,
  api: EntityName,
  runId: number,
  reason: string,
  json: RawJson,
): void {
  const at = context.clock.now();
  context.storage.entities.keepMalformed(context.console.id, api, runId, reason, json, at);
  context.health.record(
    {
      consoleId: context.console.id,
      api,
      errorClass: 'Malformed',
      severity: 'warning',
      message: `A ${api.slice(0, -1)} record could not be used (${reason}); it is kept raw in the database.`,
    },
    at,
  );
}

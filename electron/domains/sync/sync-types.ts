import type { EntityName } from '../../../shared/entities';
import type { ErrorClass } from '../../adapters/sentinelone/error-class';
import type { ConsoleState } from '../../storage/console-state-store';
import type { RunState } from '../../storage/run-store';

export interface SyncErrorReport {
  errorClass: ErrorClass | 'Malformed';
  message: string;
}

/** The outcome of one API of one console, as `s1inv sync --json` prints it. */
export interface ApiSyncResult {
  state: RunState;
  fetched: number;
  /** The server's count, where it gives one. */
  expected?: number;
  complete: boolean;
  /** Records that were new to the database (threats, activities). */
  new?: number;
  malformed: number;
  errors: SyncErrorReport[];
  /** Threats and activities: how far back the stored records reach (null: the whole history). */
  window?: { since: string | null };
}

export interface ConsoleSyncResult {
  console: string;
  state: ConsoleState;
  apis: Partial<Record<EntityName, ApiSyncResult>>;
}

export interface SyncProgress {
  console: string;
  api: EntityName;
  fetched: number;
  expected?: number;
}

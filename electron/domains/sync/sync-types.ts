import type { z } from 'zod';
import type { EntityName } from '../../../shared/entities';
import type { EventPayload } from '../../../shared/contract/contract';
import type { ApiSyncOutcome } from '../../../shared/contract/views';
import type { ConsoleState } from '../../storage/console-state-store';

// A sync's results are the contract's shapes: declared there once, inferred here.

/** The outcome of one entity of one console, as `s1inv sync --json` prints it. */
export type ApiSyncResult = z.infer<typeof ApiSyncOutcome>;
export type SyncErrorReport = ApiSyncResult['errors'][number];

export interface ConsoleSyncResult {
  console: string;
  state: ConsoleState;
  apis: Partial<Record<EntityName, ApiSyncResult>>;
}

export type SyncProgress = EventPayload<'sync.progress'> & { api: EntityName };

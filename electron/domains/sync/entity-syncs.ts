import type { EntityName } from '../../../shared/entities';
import { wantedSince, type SinceSpec } from '../../../shared/sentinelone/history-window';
import { syncAgents } from './agents-sync';
import { syncApplications } from './applications-sync';
import { syncVulnerabilities } from './vulnerabilities-sync';
import type { ApiSyncContext } from './api-sync-context';
import { ACTIVITIES, syncIncremental, THREATS, type IncrementalSpec } from './incremental-sync';
import type { ApiSyncResult } from './sync-types';

/** What a run asks of an entity's sync beyond the context: how far back history reaches. */
export interface SyncRun {
  now: Date;
  /** This run's --since, over the console's setting. */
  since?: SinceSpec;
  consoleSince?: SinceSpec;
}

/** How one entity is read from a console and stored. */
export type EntitySync = (context: ApiSyncContext, run: SyncRun) => Promise<ApiSyncResult>;

/** An incremental entity: its walk from the checkpoint, and the gap back to the wanted start. */
export function incrementalSync(spec: IncrementalSpec): EntitySync {
  return (context, run) =>
    syncIncremental(
      context,
      spec,
      wantedSince(spec.historyDays, run.now, run.since, run.consoleSince),
    );
}

/**
 * How each entity syncs (shared/entities.ts says which kind it is): a new entity is its spec
 * or its walk, plus a line here.
 */
export const ENTITY_SYNCS: Readonly<Record<EntityName, EntitySync>> = {
  agents: (context) => syncAgents(context),
  threats: incrementalSync(THREATS),
  activities: incrementalSync(ACTIVITIES),
  applications: (context) => syncApplications(context),
  vulnerabilities: (context) => syncVulnerabilities(context),
};

import { walkPages } from '../../adapters/sentinelone/paging';
import { ENTITIES } from '../../../shared/entities';
import type { ApiSyncContext } from './api-sync-context';
import { entityRowsOf, type RecordFields } from './incremental-sync';
import { failedResult } from './sync-failure';
import type { ApiSyncResult } from './sync-types';
import { WalkBound } from './walk-bound';

// CVE rows (one per endpoint × application version × CVE): a full walk, then walks of what
// changed since the last complete one (reference apps §3.1, §11). The change date,
// `riskUpdatedDate`, filters but is neither returned nor sortable, so a walk goes in id order
// and its checkpoint is when it began, less an overlap; rows are upserted by id, so a row read
// twice is stored once, and a row gone `Removed` replaces its `Detected` self.

const PATH = ENTITIES.vulnerabilities.path;

/** How far before the last walk's start the next one reads changes from. */
export const RISK_OVERLAP_MS = 60 * 60_000;

const FIELDS: RecordFields = {
  api: 'vulnerabilities',
  idOf: (v) => v.id,
  atOf: (v) => v.detectionDate,
  agentIdOf: (v) => v.endpointId,
};

export async function syncVulnerabilities(context: ApiSyncContext): Promise<ApiSyncResult> {
  const { storage, console: record, runs, clock } = context;
  const store = storage.entities;
  const runId = runs.start(record.id, 'vulnerabilities', clock.now());
  const since = store.checkpoint(record.id, 'vulnerabilities');
  const walkStart = clock.now();
  // The first walk reads what is detected now; later ones what changed, removals included.
  const query = {
    sortBy: 'id',
    sortOrder: 'asc',
    ...(since === undefined ? {} : { riskUpdatedDate__gte: since, includeRemovals: true }),
  };
  const total = { fetched: 0, fresh: 0, malformed: 0, expected: undefined as number | undefined };
  try {
    let bound: WalkBound | undefined;
    for await (const page of walkPages(context.fetcher, PATH, query)) {
      context.authenticated();
      if (total.expected === undefined && page.totalItems !== undefined) {
        total.expected = page.totalItems;
        bound = new WalkBound(PATH, page.totalItems);
      }
      bound?.add(page.size);
      const { rows, malformed } = entityRowsOf(context, FIELDS, runId, page.elements);
      total.fresh += store.writePage(record.id, 'vulnerabilities', rows, undefined, clock.now());
      total.malformed += malformed;
      total.fetched += page.size;
      runs.addFetched(runId, page.size, 0);
      context.progress({
        api: 'vulnerabilities',
        fetched: total.fetched,
        ...(total.expected === undefined ? {} : { expected: total.expected }),
      });
    }
    // Only a whole walk moves the checkpoint: one cut short is read again from the old one.
    const checkpoint = new Date(walkStart.getTime() - RISK_OVERLAP_MS).toISOString();
    store.writePage(record.id, 'vulnerabilities', [], checkpoint, clock.now());
    runs.finish(runId, 'complete', clock.now(), total.expected);
    return {
      state: 'complete',
      fetched: total.fetched,
      ...(total.expected === undefined ? {} : { expected: total.expected }),
      complete: true,
      new: total.fresh,
      malformed: total.malformed,
      errors: [],
    };
  } catch (error) {
    return { ...failedResult(context, 'vulnerabilities', runId, error, total), new: total.fresh };
  }
}

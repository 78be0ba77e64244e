import { parseS1Time } from '../../../shared/sentinelone/time';
import { walkPages } from '../../adapters/sentinelone/paging';
import { keepMalformed, parseElement, type ApiSyncContext } from './api-sync-context';
import { EntityStore, type EntityRow } from './entity-store';
import { failedResult } from './sync-failure';
import type { ApiSyncResult } from './sync-types';

// Threats and activities: incremental walks sorted ascending on their checkpoint field. Each
// page is written with the checkpoint it reaches, in one transaction.
//
// The filter is `__gte`, not the strict `>` of the issue: the server compares at ~10 ms
// precision while checkpoints carry µs, so `__gt` would skip records in the checkpoint's
// 10 ms window. Re-read boundary rows are absorbed by the primary key and not counted as new.

export interface IncrementalSpec {
  api: 'threats' | 'activities';
  path: string;
  field: 'updatedAt' | 'createdAt';
  idOf: (value: Record<string, unknown>) => unknown;
  atOf: (value: Record<string, unknown>) => unknown;
  agentIdOf: (value: Record<string, unknown>) => unknown;
}

const nested = (value: Record<string, unknown>, key: string) =>
  value[key] as Record<string, unknown> | null | undefined;

export const THREATS: IncrementalSpec = {
  api: 'threats',
  path: '/threats',
  field: 'updatedAt',
  idOf: (v) => v.id ?? nested(v, 'threatInfo')?.threatId,
  atOf: (v) => nested(v, 'threatInfo')?.updatedAt,
  agentIdOf: (v) => nested(v, 'agentRealtimeInfo')?.agentId,
};

export const ACTIVITIES: IncrementalSpec = {
  api: 'activities',
  path: '/activities',
  field: 'createdAt',
  idOf: (v) => v.id,
  atOf: (v) => v.createdAt,
  agentIdOf: (v) => v.agentId,
};

export const DEFAULT_BACKFILL_DAYS = 30;

export async function syncIncremental(
  context: ApiSyncContext,
  spec: IncrementalSpec,
  backfillDays: number,
): Promise<ApiSyncResult> {
  const { console: record, runs } = context;
  const store = new EntityStore(context.db);
  const runId = runs.start(record.id, spec.api, context.clock.now());
  const start =
    store.checkpoint(record.id, spec.api) ??
    new Date(context.clock.now().getTime() - backfillDays * 86_400_000).toISOString();
  let checkpoint = start;
  let fetched = 0;
  let fresh = 0;
  let malformed = 0;
  let expected: number | undefined;
  try {
    const query = { [`${spec.field}__gte`]: start, sortBy: spec.field, sortOrder: 'asc' };
    for await (const page of walkPages(context.fetcher, spec.path, query)) {
      context.authenticated();
      expected ??= page.totalItems;
      const rows: EntityRow[] = [];
      for (const json of page.elements) {
        const value = parseElement(json);
        const id = value && spec.idOf(value);
        if (!value || typeof id !== 'string' || id === '') {
          keepMalformed(
            context,
            spec.api,
            runId,
            value ? 'no string "id"' : 'not a JSON object',
            json,
          );
          malformed += 1;
          continue;
        }
        const at = spec.atOf(value);
        const agentId = spec.agentIdOf(value);
        rows.push({
          id,
          at: typeof at === 'string' ? at : undefined,
          agentId: typeof agentId === 'string' ? agentId : undefined,
          json,
        });
        if (typeof at === 'string') checkpoint = laterOf(checkpoint, at);
      }
      fresh += store.writePage(record.id, spec.api, rows, checkpoint, context.clock.now());
      runs.addFetched(runId, page.elements.length, 0);
      fetched += page.elements.length;
      context.progress({ api: spec.api, fetched, ...(expected === undefined ? {} : { expected }) });
    }
    if (fetched === 0) context.authenticated();
    const complete = expected === undefined || expected === 0 || fetched >= expected;
    runs.finish(runId, complete ? 'complete' : 'incomplete', context.clock.now(), expected);
    return {
      state: complete ? 'complete' : 'incomplete',
      fetched,
      ...(expected === undefined ? {} : { expected }),
      complete,
      new: fresh,
      malformed,
      errors: [],
    };
  } catch (error) {
    return {
      ...failedResult(context, spec.api, runId, error, { fetched, expected, malformed }),
      new: fresh,
    };
  }
}

/** The later of two SentinelOne timestamps, kept as the server's raw text. */
export function laterOf(current: string, candidate: string): string {
  const a = parseS1Time(current);
  const b = parseS1Time(candidate);
  if (!b) return current;
  if (!a) return candidate;
  if (b.epochMs !== a.epochMs) return b.epochMs > a.epochMs ? candidate : current;
  return b.micros % 1000 > a.micros % 1000 ? candidate : current;
}

import { parseS1Time } from '../../../shared/sentinelone/time';
import { WalkBound } from './walk-bound';
import { walkPages } from '../../adapters/sentinelone/paging';
import { keepMalformed, parseElement, type ApiSyncContext } from './api-sync-context';
import type { EntityStore } from '../../storage/entity-store';
import { type EntityRow } from '../../storage/entity-store';
import { failedResult } from './sync-failure';
import type { ApiSyncResult } from './sync-types';
import { DEFAULT_ACTIVITY_DAYS, reachesFurther } from '../../../shared/sentinelone/history-window';
import type { EntityName } from '../../../shared/entities';
import type { RawJson } from '../../adapters/sentinelone/raw-json';

// Threats and activities: incremental walks sorted ascending on their checkpoint field. Each
// page is written with the checkpoint it reaches, in one transaction.
//
// The filter is `__gte`, not the strict `>` of the issue: the server compares at ~10 ms
// precision while checkpoints carry µs, so `__gt` would skip records in the checkpoint's
// 10 ms window. Re-read boundary rows are absorbed by the primary key and not counted as new.

export interface IncrementalSpec {
  api: EntityName;
  path: string;
  /** How far back a first sync reads without --since or a console setting; null: all. */
  historyDays: number | null;
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
  // An audit needs every threat still open, whatever its age.
  historyDays: null,
  field: 'updatedAt',
  idOf: (v) => v.id ?? nested(v, 'threatInfo')?.threatId,
  atOf: (v) => nested(v, 'threatInfo')?.updatedAt,
  agentIdOf: (v) => nested(v, 'agentRealtimeInfo')?.agentId,
};

export const ACTIVITIES: IncrementalSpec = {
  api: 'activities',
  path: '/activities',
  historyDays: DEFAULT_ACTIVITY_DAYS,
  field: 'createdAt',
  idOf: (v) => v.id,
  atOf: (v) => v.createdAt,
  agentIdOf: (v) => v.agentId,
};

/** One ascending walk: from `from` (null: the start of history) up to `before` or the end. */
interface Pass {
  from: string | null;
  /** Exclusive upper bound: a gap walk stops where the stored window begins. */
  before?: string;
  /** The forward walk moves the checkpoint; a gap walk, being older, never does. */
  advancesCheckpoint: boolean;
}

interface PassOutcome {
  fetched: number;
  fresh: number;
  malformed: number;
  expected: number | undefined;
}

/**
 * Syncs one incremental API: reads what is new since the checkpoint and, when the wanted window
 * (`wanted`, null for the whole history) reaches further back than what is stored, the gap
 * before it first. The primary key absorbs overlaps, so nothing is stored twice.
 */
export async function syncIncremental(
  context: ApiSyncContext,
  spec: IncrementalSpec,
  wanted: string | null,
): Promise<ApiSyncResult> {
  const { console: record, runs } = context;
  const store = context.storage.entities;
  const runId = runs.start(record.id, spec.api, context.clock.now());
  const checkpoint = store.checkpoint(record.id, spec.api);
  const passes: Pass[] = [];
  let widensTo: string | null | undefined;
  if (checkpoint === undefined) {
    // First read: the walk is ascending, so whatever it stores reaches back to `wanted`.
    store.setWindowSince(record.id, spec.api, wanted);
    passes.push({ from: wanted, advancesCheckpoint: true });
  } else {
    const stored = store.windowSince(record.id, spec.api);
    // No window recorded (cannot happen after migration 9): count only from the checkpoint.
    const covered = stored === undefined ? checkpoint : stored;
    if (covered !== null && reachesFurther(wanted, covered)) {
      passes.push({ from: wanted, before: covered, advancesCheckpoint: false });
      widensTo = wanted;
    }
    passes.push({ from: checkpoint, advancesCheckpoint: true });
  }
  const total: PassOutcome = { fetched: 0, fresh: 0, malformed: 0, expected: undefined };
  try {
    let complete = true;
    for (const pass of passes) {
      const outcome = await walkPass(context, spec, store, runId, pass, total);
      const passComplete =
        outcome.expected === undefined ||
        outcome.expected === 0 ||
        outcome.fetched >= outcome.expected;
      if (passComplete && !pass.advancesCheckpoint && widensTo !== undefined)
        store.setWindowSince(record.id, spec.api, widensTo);
      complete &&= passComplete;
    }
    if (total.fetched === 0) context.authenticated();
    runs.finish(runId, complete ? 'complete' : 'incomplete', context.clock.now(), total.expected);
    return {
      state: complete ? 'complete' : 'incomplete',
      fetched: total.fetched,
      ...(total.expected === undefined ? {} : { expected: total.expected }),
      complete,
      new: total.fresh,
      malformed: total.malformed,
      errors: [],
      window: { since: store.windowSince(record.id, spec.api) ?? null },
    };
  } catch (error) {
    return {
      ...failedResult(context, spec.api, runId, error, total),
      new: total.fresh,
      window: { since: store.windowSince(record.id, spec.api) ?? null },
    };
  }
}

/** Walks one pass, storing each page (and, going forward, its checkpoint) in one transaction. */
async function walkPass(
  context: ApiSyncContext,
  spec: IncrementalSpec,
  store: EntityStore,
  runId: number,
  pass: Pass,
  total: PassOutcome,
): Promise<PassOutcome> {
  const { console: record, runs } = context;
  const query: Record<string, string> = { sortBy: spec.field, sortOrder: 'asc' };
  if (pass.from !== null) query[`${spec.field}__gte`] = pass.from;
  if (pass.before !== undefined) query[`${spec.field}__lt`] = pass.before;
  const outcome: PassOutcome = { fetched: 0, fresh: 0, malformed: 0, expected: undefined };
  let checkpoint = pass.advancesCheckpoint ? (pass.from ?? undefined) : undefined;
  let bound: WalkBound | undefined;
  for await (const page of walkPages(context.fetcher, spec.path, query)) {
    context.authenticated();
    if (outcome.expected === undefined && page.totalItems !== undefined) {
      outcome.expected = page.totalItems;
      total.expected = (total.expected ?? 0) + page.totalItems;
      bound = new WalkBound(spec.path, page.totalItems);
    }
    bound?.add(page.size);
    const { rows, malformed } = entityRowsOf(context, spec, runId, page.elements);
    outcome.malformed += malformed;
    total.malformed += malformed;
    if (pass.advancesCheckpoint) {
      for (const { at } of rows)
        if (at !== undefined) checkpoint = checkpoint === undefined ? at : laterOf(checkpoint, at);
    }
    const fresh = store.writePage(record.id, spec.api, rows, checkpoint, context.clock.now());
    runs.addFetched(runId, page.elements.length, 0);
    outcome.fetched += page.elements.length;
    outcome.fresh += fresh;
    total.fetched += page.elements.length;
    total.fresh += fresh;
    context.progress({
      api: spec.api,
      fetched: total.fetched,
      ...(total.expected === undefined ? {} : { expected: total.expected }),
    });
  }
  return outcome;
}

/** How a walk reads the id, time and agent of each record of an entity. */
export type RecordFields = Pick<IncrementalSpec, 'api' | 'idOf' | 'atOf' | 'agentIdOf'>;

/**
 * The rows of one page: each element with its id, time and agent; an element that is not an
 * object with a string id is kept raw, reported, and counted as malformed.
 */
export function entityRowsOf(
  context: ApiSyncContext,
  fields: RecordFields,
  runId: number,
  elements: readonly RawJson[],
): { rows: EntityRow[]; malformed: number } {
  const rows: EntityRow[] = [];
  let malformed = 0;
  for (const json of elements) {
    const value = parseElement(json);
    const id = value && fields.idOf(value);
    if (!value || typeof id !== 'string' || id === '') {
      keepMalformed(
        context,
        fields.api,
        runId,
        value ? 'no string "id"' : 'not a JSON object',
        json,
      );
      malformed += 1;
      continue;
    }
    const at = fields.atOf(value);
    const agentId = fields.agentIdOf(value);
    rows.push({
      id,
      at: typeof at === 'string' ? at : undefined,
      agentId: typeof agentId === 'string' ? agentId : undefined,
      json,
    });
  }
  return { rows, malformed };
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

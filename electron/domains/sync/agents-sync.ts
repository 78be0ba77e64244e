import { S1TooManyItemsError, S1UnexpectedResponseError } from '../../adapters/sentinelone/errors';
import { STORES_PER_REQUEST } from '../../adapters/tuning';
import { walkPages } from '../../adapters/sentinelone/paging';
import { keepMalformed, type ApiSyncContext } from './api-sync-context';
import { AgentPageWriter } from './agent-page-writer';
import type { SnapshotStore } from '../../storage/snapshot-store';
import { releaseBytes } from './release-bytes';
import { PageStoreQueue } from './page-store-queue';
import type { SplitPage } from '../../adapters/sentinelone/page-splitter';
import type { PreparedPage } from '../precompute/prepare-page';
import { knownHashes, type KnownHashes } from '../precompute/known-hashes';
import { failedResult } from './sync-failure';
import { WalkBound } from './walk-bound';
import type { ApiSyncResult } from './sync-types';

// Agents: a full walk every sync (the only way to see removals), decommissioned included.
// The walk fills a new snapshot page by page; only a snapshot whose size matches the server's
// count becomes the current inventory.

const QUERY = { isDecommissioned: 'true,false', sortBy: 'id', sortOrder: 'asc' } as const;

export async function syncAgents(context: ApiSyncContext): Promise<ApiSyncResult> {
  const { storage, console: record, fetcher, runs } = context;
  const { snapshots } = storage;
  const runId = runs.start(record.id, 'agents', context.clock.now());
  const snapshotId = snapshots.begin(record.id, runId, context.clock.now());
  const writer = new AgentPageWriter(context, runId, snapshotId);
  let fetched = 0;
  let malformed = 0;
  let expected: number | undefined;
  const pages = new PageStoreQueue<SplitPage, PreparedPage>((page, ready) => {
    const bad = writer.store(page, ready);
    for (const entry of bad) keepMalformed(context, 'agents', runId, entry.reason, entry.json);
    releaseBytes(page.body, ready.raw, ready.hashes, ready.outputs.ocsf, ready.outputs.rows);
    fetched += page.size;
    malformed += bad.length;
    context.progress({ api: 'agents', fetched, expected });
  });
  try {
    const known = knownHashesOf(snapshots, record.id);
    const before = await countAgents(context);
    expected = before;
    context.precompute.expect(before);
    context.authenticated();
    const bound = new WalkBound('/agents', before);
    // Pages are prepared (parsed, hashed, compressed, mapped) off this thread while the next
    // ones download, and stored in walk order, each right after a request has left.
    for await (const page of walkPages(fetcher, '/agents', QUERY)) {
      bound.add(page.size);
      pages.add(
        page,
        context.precompute.preparePage({ body: page.body, spans: page.spans, known }),
      );
      pages.storeReady(STORES_PER_REQUEST);
      while (pages.size > context.precompute.pagesInFlight) await pages.storeNext();
    }
    await pages.storeAll();
    const after = await countAgents(context);
    expected = after;
    const { repeats } = writer;
    const repeated = [...repeats.values()].reduce((sum, n) => sum + n, 0);
    const seen = snapshots.memberCount(snapshotId) + repeated + malformed;
    if (repeats.size > 0) reportRepeats(context, repeats);
    // The fleet may change during the walk: any size between the two counts is whole.
    const complete = seen >= Math.min(before, after) && seen <= Math.max(before, after);
    const at = context.clock.now();
    snapshots.finish(record.id, snapshotId, complete, after, at);
    if (complete) snapshots.prune(record.id, context.keepSnapshots);
    context.precompute.finish(complete ? snapshotId : undefined);
    const message = complete
      ? undefined
      : `The agent walk saw ${seen} agents where the console counts ${after}: the snapshot is incomplete and the current inventory stays the last complete one. Sync again.`;
    runs.finish(runId, complete ? 'complete' : 'incomplete', at, after, message);
    if (message) {
      context.health.record(
        {
          consoleId: record.id,
          api: 'agents',
          errorClass: 'ThirdPartyGeneric',
          severity: 'error',
          message,
          details: { fetched: seen, expected: after },
        },
        at,
      );
    }
    return {
      state: complete ? 'complete' : 'incomplete',
      fetched,
      expected: after,
      complete,
      malformed,
      errors: message ? [{ errorClass: 'ThirdPartyGeneric', message }] : [],
    };
  } catch (error) {
    if (error instanceof S1TooManyItemsError) {
      // A console that sends more than it could keeps nothing of this walk (issue 27, R20).
      await pages.dropAll();
      context.precompute.finish(undefined);
      snapshots.discard(snapshotId, expected);
    } else {
      // Pages already downloaded still go into the (incomplete) snapshot, counted as fetched.
      await pages.storeAll().catch(() => undefined);
      context.precompute.finish(undefined);
      snapshots.finish(record.id, snapshotId, false, expected, context.clock.now());
    }
    return failedResult(context, 'agents', runId, error, { fetched, expected, malformed });
  }
}

function reportRepeats(context: ApiSyncContext, repeats: ReadonlyMap<string, number>): void {
  const ids = [...repeats.keys()];
  context.health.record(
    {
      consoleId: context.console.id,
      api: 'agents',
      errorClass: 'ThirdPartyGeneric',
      severity: 'warning',
      message:
        `The console listed ${ids.length} agent id(s) more than once in one walk (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}); ` +
        'the copy with the latest updatedAt of each was kept.',
      details: { ids: ids.slice(0, 100), repeats: Object.fromEntries([...repeats].slice(0, 100)) },
    },
    context.clock.now(),
  );
}

/** The agents of the console's current snapshot: a walk meeting them again skips their work. */
function knownHashesOf(snapshots: SnapshotStore, consoleId: string): KnownHashes | undefined {
  const current = snapshots.current(consoleId);
  if (!current) return undefined;
  // A complete snapshot's agent count is its member count, sealed when it became current.
  return knownHashes(snapshots.memberHashes(current.id), current.agentCount);
}

async function countAgents(context: ApiSyncContext): Promise<number> {
  const body = await context.fetcher.json<{ data?: { total?: unknown } }>('/agents/count', {
    isDecommissioned: QUERY.isDecommissioned,
  });
  const total = body.data?.total;
  if (typeof total !== 'number') {
    throw new S1UnexpectedResponseError(
      '/agents/count',
      'application/json',
      'no number in data.total',
    );
  }
  return total;
}

import { MAX_APPLICATIONS_PER_AGENT, PER_AGENT_IN_FLIGHT } from '../../adapters/tuning';
import type { SplitPage } from '../../adapters/sentinelone/page-splitter';
import { ENTITIES } from '../../../shared/entities';
import { keepMalformed, parseElement, type ApiSyncContext } from './api-sync-context';
import { PageStoreQueue } from './page-store-queue';
import { failedResult } from './sync-failure';
import type { ApiSyncResult } from './sync-types';
import type { SoftwareKey } from '../../storage/software-store';

// Installed applications: one request per agent of the current inventory (not decommissioned),
// since the rows carry no agent id (reference apps §4). At the /agents pace (25 requests/s) a
// 100,000-agent fleet takes over an hour, so the walk is resumable: each agent's set is stored
// with the walk's position in one transaction, and a sync after a crash or a cancel goes on
// from the last agent done.

const PATH = ENTITIES.applications.path;
/** Agents read from the snapshot at a time. */
const AGENTS_PER_READ = 1_000;

export async function syncApplications(context: ApiSyncContext): Promise<ApiSyncResult> {
  const { storage, console: record, runs, clock } = context;
  const runId = runs.start(record.id, 'applications', clock.now());
  const current = storage.snapshots.current(record.id);
  if (!current) {
    runs.finish(runId, 'complete', clock.now(), 0);
    return { state: 'complete', fetched: 0, expected: 0, complete: true, malformed: 0, errors: [] };
  }
  const walk = storage.software.walk(record.id, clock.now());
  const counts = storage.snapshots.activeAgentCounts(current.id, walk.afterAgentId);
  const startedMs = clock.now().getTime();
  const doneBefore = counts.done;
  let done = counts.done;
  let malformed = 0;
  const queue = new PageStoreQueue<string, SplitPage>((agentId, page) => {
    const kept = applicationsOf(page, (reason, json) => {
      keepMalformed(context, 'applications', runId, reason, json);
      malformed += 1;
    });
    storage.software.storeAgent(record.id, agentId, kept, rawArray(page), clock.now(), current.id);
    runs.addFetched(runId, page.size, 0);
    context.authenticated();
    done += 1;
    const elapsedS = (clock.now().getTime() - startedMs) / 1000;
    const rate = (done - doneBefore) / Math.max(elapsedS, 0.001);
    context.progress({
      api: 'applications',
      fetched: done,
      expected: counts.total,
      ...(done > doneBefore ? { secondsLeft: Math.round((counts.total - done) / rate) } : {}),
    });
  });
  try {
    let after = walk.afterAgentId;
    for (;;) {
      const agents = storage.snapshots.activeAgents(current.id, after, AGENTS_PER_READ);
      if (agents.length === 0) break;
      for (const agentId of agents) {
        queue.add(
          agentId,
          context.fetcher.page(
            PATH,
            { ids: agentId },
            undefined,
            undefined,
            MAX_APPLICATIONS_PER_AGENT,
          ),
        );
        while (queue.size >= PER_AGENT_IN_FLIGHT) await queue.storeNext();
      }
      after = agents.at(-1)!;
    }
    await queue.storeAll();
    const at = clock.now();
    storage.software.finishWalk(record.id, at);
    runs.finish(runId, 'complete', at, counts.total);
    // Counted in devices, as the walk goes: what "189 of 189" means to whoever reads it.
    return {
      state: 'complete',
      fetched: done,
      expected: counts.total,
      complete: true,
      malformed,
      errors: [],
    };
  } catch (error) {
    // What is stored stays, and the walk stays open: the next sync goes on from here.
    await queue.dropAll();
    return failedResult(context, 'applications', runId, error, {
      fetched: done,
      expected: counts.total,
      malformed,
    });
  }
}

/** The distinct key of each application an agent lists; a row without a name is refused. */
function applicationsOf(
  page: SplitPage,
  refuse: (reason: string, json: SplitPage['elements'][number]) => void,
): SoftwareKey[] {
  const kept: SoftwareKey[] = [];
  for (const json of page.elements) {
    const value = parseElement(json);
    const name = value?.name;
    if (!value || typeof name !== 'string' || name === '') {
      refuse(value ? 'no string "name"' : 'not a JSON object', json);
      continue;
    }
    const text = (field: unknown) => (typeof field === 'string' ? field : '');
    kept.push({ name, vendor: text(value.publisher), version: text(value.version) });
  }
  return kept;
}

/** The answer's "data" array, each element exactly as sent. */
function rawArray(page: SplitPage): Buffer {
  const parts: Buffer[] = [Buffer.from('[')];
  for (let i = 0; i < page.size; i += 1) {
    if (i > 0) parts.push(Buffer.from(','));
    parts.push(page.body.subarray(page.spans[2 * i]!, page.spans[2 * i + 1]!));
  }
  parts.push(Buffer.from(']'));
  return Buffer.concat(parts);
}

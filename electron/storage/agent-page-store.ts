import type { Db } from '../adapters/db/database';
import type { PrecomputeStore } from './precompute-store';
import type { PrecomputedBatch, PrecomputedEntry } from './precomputed-batch';
import type { RunStore } from './run-store';
import type { PageAgent, PageChunk, SnapshotStore } from './snapshot-store';

/** One page of an agents walk, as the sync hands it to storage. */
export interface AgentPageWrite {
  runId: number;
  snapshotId: number;
  /** Elements the page held, and how many of them were refused. */
  received: number;
  refused: number;
  /** The page's agents to keep, one per id, and each one's outputs (none for a known agent). */
  agents: readonly PageAgent[];
  entries: readonly (PrecomputedEntry | undefined)[];
  chunk: PageChunk | null;
  outputs: PrecomputedBatch;
}

/**
 * Stores an agents page in one transaction: the run's count, the raw objects and snapshot
 * members, and the outputs mapped from them. A crash leaves the page in whole or not at all.
 */
export class AgentPageStore {
  constructor(
    private readonly db: Db,
    private readonly runs: RunStore,
    private readonly snapshots: SnapshotStore,
    private readonly precomputed: PrecomputeStore,
  ) {}

  store(page: AgentPageWrite): void {
    this.db.transaction(() => {
      this.runs.addFetched(page.runId, page.received, page.refused);
      const storedNow = this.snapshots.addPage(page.snapshotId, page.agents, page.chunk);
      const items = storedNow.flatMap((rawId, i) =>
        rawId === undefined ? [] : [{ rawId, entry: page.entries[i]! }],
      );
      this.precomputed.putSome(items, page.outputs, { rawJustStored: true });
    })();
  }
}

import type { RawJson } from '../../adapters/sentinelone/raw-json';
import type { SplitPage } from '../../adapters/sentinelone/page-splitter';
import type { PrecomputedEntry } from '../../storage/precomputed-batch';
import { asBuffer, HASH_BYTES, type PreparedPage } from '../precompute/prepare-page';
import type { ApiSyncContext } from './api-sync-context';
import type { PageAgent } from '../../storage/snapshot-store';

/** An element of a page the sync could not use, to be kept raw and reported. */
export interface BadElement {
  reason: string;
  json: RawJson;
}

/**
 * Stores the pages of one agents walk as they come back prepared, in walk order, one
 * transaction per page: the page's raw objects, the snapshot's members and the outputs mapped
 * from them. One record per id: a console that lists an id twice in one walk (seen in the
 * field) keeps the copy with the latest updatedAt.
 */
export class AgentPageWriter {
  private readonly latest = new Map<string, string>();
  /** Ids listed more than once, with how many extra times. */
  readonly repeats = new Map<string, number>();

  constructor(
    private readonly context: ApiSyncContext,
    private readonly runId: number,
    private readonly snapshotId: number,
  ) {}

  /** Stores a page of the walk, as received and as prepared; returns the elements it refused. */
  store(received: SplitPage, page: PreparedPage): BadElement[] {
    const agents: PageAgent[] = [];
    /** Per agent, its outputs; none for a known one (its raw object and outputs are stored). */
    const entries: (PrecomputedEntry | undefined)[] = [];
    const bad: BadElement[] = [];
    let accepted = 0;
    let inChunk = 0;
    page.elements.forEach((element, i) => {
      if (!element.ok) {
        bad.push({ reason: element.reason, json: received.element(i) });
        return;
      }
      const k = accepted++;
      const entry = element.known ? undefined : page.outputs.entries[inChunk++];
      const { agentId, updatedAt, at, length, known } = element;
      const previous = this.latest.get(agentId);
      if (previous !== undefined) {
        this.repeats.set(agentId, (this.repeats.get(agentId) ?? 0) + 1);
        if (updatedAt <= previous) return;
      }
      this.latest.set(agentId, updatedAt);
      const offset = page.hashes.byteOffset + k * HASH_BYTES;
      const hash = Buffer.from(page.hashes.buffer, offset, HASH_BYTES);
      agents.push({
        agentId,
        hash,
        at,
        length,
        ...(known ? { known } : {}),
        ...(previous === undefined ? {} : { replace: true }),
      });
      entries.push(entry);
    });
    this.context.storage.agentPages.store({
      runId: this.runId,
      snapshotId: this.snapshotId,
      received: received.size,
      refused: bad.length,
      agents,
      entries,
      chunk: page.raw && { bytes: asBuffer(page.raw), parts: inChunk },
      outputs: page.outputs,
    });
    return bad;
  }
}

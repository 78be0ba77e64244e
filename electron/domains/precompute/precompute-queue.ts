import type { PrecomputeStore, RawToPrecompute } from '../../storage/precompute-store';
import { BATCHES_IN_FLIGHT_PER_WORKER } from '../../adapters/tuning';
import type { Precomputer } from './precomputer';

/**
 * Feeds raw agents to a Precomputer as the sync stores them and writes the outputs back.
 * At most two batches per thread are in flight: the sync waits for room, so memory stays
 * bounded when mapping is slower than the walk.
 */
export class PrecomputeQueue {
  private readonly inFlight = new Set<Promise<void>>();
  private failures = 0;

  constructor(
    private readonly store: PrecomputeStore,
    private readonly precomputer: Precomputer,
  ) {}

  /** Batches whose mapping failed; their agents are mapped on the fly when read. */
  get failedBatches(): number {
    return this.failures;
  }

  async submit(rows: readonly RawToPrecompute[]): Promise<void> {
    if (rows.length === 0) return;
    while (this.inFlight.size >= this.precomputer.parallelism * BATCHES_IN_FLIGHT_PER_WORKER) {
      await Promise.race(this.inFlight);
    }
    const work = this.precomputer
      .map(rows.map((row) => row.json))
      .then((results) => this.store.put(rows, results))
      .catch(() => {
        this.failures += 1;
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /** Maps whatever the snapshot still lacks: agents stored before an upgrade or a crash. */
  async fill(snapshotId: number): Promise<void> {
    await this.drain();
    for (const batch of this.store.missing(snapshotId)) await this.submit(batch);
    await this.drain();
  }
}

import { precomputeBatch } from './precompute-batch';
import type { PrecomputedBatch } from '../../storage/precomputed-batch';
import { preparePage, type PageBytes, type PreparedPage } from './prepare-page';
import { sekoiaRecordsOf, type SekoiaSources } from '../../storage/snapshot-record-store';

/** Maps raw agents to their precomputed outputs, somewhere: this thread or worker threads. */
export interface Precomputer {
  /** How many batches it can work on at once; more are queued. */
  readonly parallelism: number;
  map(jsons: readonly string[]): Promise<PrecomputedBatch>;
  /**
   * The agents walk about to start counts this many agents: workers for a fleet bigger than
   * what is mapped inline start now, while the first pages download, and take every page.
   */
  expect(agents: number): void;
  /** A page of the agents walk, parsed once for everything the sync stores (see preparePage). */
  preparePage(page: PageBytes): Promise<PreparedPage>;
  /** A push batch's Sekoia records (default options), those Sekoia refuses left out. */
  sekoia(sources: SekoiaSources): Promise<string[]>;
  close(): Promise<void>;
}

/** On this thread: for tests and small runs, where a worker costs more than it saves. */
export const inlinePrecomputer: Precomputer = {
  parallelism: 1,
  map: (jsons) => Promise.resolve(precomputeBatch(jsons)),
  expect: () => undefined,
  preparePage: (page) => Promise.resolve(preparePage(page)),
  sekoia: (sources) => Promise.resolve(sekoiaRecordsOf(sources)),
  close: () => Promise.resolve(),
};

// A worker thread's task: maps a batch of raw agents off the thread that runs the sync.
import { precomputeBatch, type PrecomputedBatch } from './precompute-batch';

export default function mapBatch(jsons: readonly string[]): PrecomputedBatch {
  return precomputeBatch(jsons);
}

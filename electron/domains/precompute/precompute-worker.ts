// A worker thread's task: maps a batch of raw agents off the thread that runs the sync.
import { precomputeAgent, type PrecomputedAgent } from '../../../shared/devices/precomputed';

export default function mapBatch(jsons: readonly string[]): PrecomputedAgent[] {
  return jsons.map(precomputeAgent);
}

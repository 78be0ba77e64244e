// A worker thread's entry: maps batches of raw agents off the thread that runs the sync.
import { parentPort } from 'node:worker_threads';
import { precomputeAgent } from '../../../shared/devices/precomputed';

export interface PrecomputeRequest {
  id: number;
  jsons: readonly string[];
}

parentPort!.on('message', ({ id, jsons }: PrecomputeRequest) => {
  parentPort!.postMessage({ id, results: jsons.map(precomputeAgent) });
});

// A worker thread's tasks, off the thread that runs the sync or the push: a batch of raw agents
// to precompute (an array), or a push batch's Sekoia records to map.
import { sekoiaRecordsOf, type SekoiaSources } from '../inventory/snapshot-record-store';
import { precomputeBatch, type PrecomputedBatch } from './precompute-batch';

export default function run(task: readonly string[] | SekoiaSources): PrecomputedBatch | string[] {
  return Array.isArray(task) ? precomputeBatch(task) : sekoiaRecordsOf(task as SekoiaSources);
}

// A worker thread's tasks, off the thread that runs the sync or the push: a page of the agents
// walk to prepare, a batch of raw agents to precompute (an array), or a push batch's Sekoia
// records to map.
import { sekoiaRecordsOf, type SekoiaSources } from '../inventory/snapshot-record-store';
import { precomputeBatch, type PrecomputedBatch } from './precompute-batch';
import { preparePage, type PageBytes, type PreparedPage } from './prepare-page';

export type PrecomputeTask = readonly string[] | SekoiaSources | { page: PageBytes };
export type PrecomputeTaskResult = PrecomputedBatch | string[] | PreparedPage;

export default function run(task: PrecomputeTask): PrecomputeTaskResult {
  if (Array.isArray(task)) return precomputeBatch(task as readonly string[]);
  if ('page' in task) return preparePage(task.page);
  return sekoiaRecordsOf(task as SekoiaSources);
}

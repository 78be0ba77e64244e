// A worker thread's tasks, off the thread that runs the sync or the push: a page of the agents
// walk to prepare, a batch of raw agents to precompute (an array), a push batch's Sekoia
// records to map, or nothing (`warm`: the thread starts and loads this module ahead of work).
import { sekoiaRecordsOf, type SekoiaSources } from '../../storage/snapshot-record-store';
import { precomputeBatch } from './precompute-batch';
import type { PrecomputedBatch } from '../../storage/precomputed-batch';
import { preparePage, type PageBytes, type PreparedPage } from './prepare-page';

export type PrecomputeTask =
  readonly string[] | SekoiaSources | { page: PageBytes } | { warm: true };
export type PrecomputeTaskResult = PrecomputedBatch | string[] | PreparedPage | null;

export default function run(task: PrecomputeTask): PrecomputeTaskResult {
  if (Array.isArray(task)) return precomputeBatch(task as readonly string[]);
  if ('warm' in task) return null;
  if ('page' in task) return preparePage(task.page);
  return sekoiaRecordsOf(task as SekoiaSources);
}

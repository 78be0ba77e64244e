// A worker thread's tasks, off the thread that runs the sync or the push: a page of the agents
// walk to prepare, a batch of raw agents to precompute, a push batch's Sekoia
// records to map, or nothing (`warm`: the thread starts and loads this module ahead of work).
import { sekoiaRecordsOf, type SekoiaSources } from '../../storage/snapshot-record-store';
import { precomputeBatch } from './precompute-batch';
import type { PrecomputedBatch } from '../../storage/precomputed-batch';
import { preparePage, type PageBytes, type PreparedPage } from './prepare-page';

/** A task for a worker thread, told apart by its kind. */
export type PrecomputeTask =
  | { kind: 'batch'; jsons: readonly string[] }
  | { kind: 'sekoia'; sources: SekoiaSources }
  | { kind: 'page'; page: PageBytes }
  | { kind: 'warm' };

/** What each kind of task answers. */
export interface PrecomputeResults {
  batch: PrecomputedBatch;
  sekoia: string[];
  page: PreparedPage;
  warm: null;
}
export type PrecomputeTaskResult = PrecomputeResults[PrecomputeTask['kind']];

export default function run(task: PrecomputeTask): PrecomputeTaskResult {
  switch (task.kind) {
    case 'batch':
      return precomputeBatch(task.jsons);
    case 'sekoia':
      return sekoiaRecordsOf(task.sources);
    case 'page':
      return preparePage(task.page);
    case 'warm':
      return null;
  }
}

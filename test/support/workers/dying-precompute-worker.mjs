// The precompute worker, except that a batch starting with "DIE" kills its thread in the middle
// of the batch, as a crash in native code or an out-of-memory kill would.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('../../../electron/domains/precompute/precompute-worker.ts');

export default function (task) {
  if (task.kind === 'batch' && task.jsons[0] === 'DIE') process.exit(1);
  return run(task);
}

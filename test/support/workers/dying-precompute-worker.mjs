// The precompute worker, except that a batch starting with "DIE" kills its thread in the middle
// of the batch, as a crash in native code or an out-of-memory kill would.
import { register } from 'tsx/esm/api';

register();
const { default: mapBatch } =
  await import('../../../electron/domains/precompute/precompute-worker.ts');

export default function (jsons) {
  if (jsons[0] === 'DIE') process.exit(1);
  return mapBatch(jsons);
}

// Development entry of the precompute worker: loads the TypeScript worker through tsx, which a
// worker thread does not inherit from the process that spawned it. Bundles ship a built
// precompute-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./precompute-worker.ts');
export default worker.default;

// Development entry of the precompute worker: loads the TypeScript worker through tsx, which a
// worker thread does not inherit from the process that spawned it. The packaged app runs the
// built precompute-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./precompute-worker.ts');

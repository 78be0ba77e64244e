// Development entry of the grid's load worker: loads the TypeScript worker through tsx, which a
// worker thread does not inherit from the process that spawned it. Bundles ship a built
// grid-load-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./grid-load-worker.ts');

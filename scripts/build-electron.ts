// Bundles the Electron side into dist/electron: main (ESM), the sandboxed preload (one CommonJS
// file, as sandboxed preloads must be), the backend's utility process and its
// precompute and grid-load workers.
// Native modules stay external (Node-API builds, loaded from node_modules).
import { build } from 'esbuild';
import { ELECTRON_CHROME, nodeBundle as node } from './esbuild-node';

await Promise.all([
  build({ ...node, entryPoints: { main: 'electron/main/main.ts' }, outdir: 'dist/electron' }),
  build({
    ...node,
    entryPoints: { backend: 'electron/hosts/utility/utility-entry.ts' },
    outdir: 'dist/electron',
  }),
  build({
    ...node,
    entryPoints: {
      'precompute-worker': 'electron/domains/precompute/precompute-worker.ts',
      'grid-load-worker': 'electron/domains/devices/grid-load-worker.ts',
    },
    outdir: 'dist/electron',
  }),
  build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_CHROME,
    external: ['electron'],
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: 'dist/electron',
    logLevel: 'warning',
  }),
]);
console.log(
  'built dist/electron (main.js, preload.cjs, backend.js, precompute-worker.js, grid-load-worker.js)',
);

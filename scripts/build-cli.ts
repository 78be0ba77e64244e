// Bundles the `s1inv` CLI into dist/cli: one entry that parses arguments and prints help
// without loading the backend, chunks that load it on the first call, and the precompute
// and grid-load workers beside them (the CLI names them next to its entry).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-node';

// Chunk names carry a hash: without a clean folder every build would leave the last one's.
rmSync('dist/cli', { recursive: true, force: true });

await Promise.all([
  build({
    ...nodeBundle,
    entryPoints: { s1inv: 'electron/hosts/cli/main.ts' },
    outdir: 'dist/cli',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // `open` spawns a helper script that ships beside its own module.
    external: [...(nodeBundle.external ?? []), 'open'],
  }),
  build({
    ...nodeBundle,
    entryPoints: {
      'precompute-worker': 'electron/domains/precompute/precompute-worker.ts',
      'grid-load-worker': 'electron/domains/devices/grid-load-worker.ts',
    },
    outdir: 'dist/cli',
  }),
]);
console.log('built dist/cli (s1inv.js)');

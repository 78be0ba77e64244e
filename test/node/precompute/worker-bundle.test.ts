import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { nodeBundle } from '../../../scripts/esbuild-node';

// Every sync starts a precompute worker per core, and each loads its bundle before mapping the
// first page: what that bundle carries is paid again per worker, per sync.
describe('the precompute worker bundle', () => {
  it('carries the mappers, not the contract’s validation library', () => {
    const { metafile } = buildSync({
      ...nodeBundle,
      entryPoints: ['electron/domains/precompute/precompute-worker.ts'],
      write: false,
      outdir: 'out',
      metafile: true,
      sourcemap: false,
      logLevel: 'silent',
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('shared/ocsf/mapper.ts');
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
    const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    expect(bytes).toBeLessThan(200_000);
  });
});

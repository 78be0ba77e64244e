import type { BuildOptions } from 'esbuild';

/** Native modules stay outside every bundle; each runtime loads its own build of them. */
export const NATIVE = ['electron', 'better-sqlite3', '@napi-rs/keyring'];
/** Loaded from node_modules at run time: piscina starts its workers from its own files. */
const RUNTIME_FILES = ['piscina'];

// ESM bundles of CommonJS dependencies need a require of their own.
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** An ESM bundle for Node (main, the utility process, the CLI, the precompute worker). */
export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: [...NATIVE, ...RUNTIME_FILES],
  banner: { js: REQUIRE_SHIM },
  sourcemap: true,
  logLevel: 'warning',
};

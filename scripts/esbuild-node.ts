import type { BuildOptions } from 'esbuild';
import electronPackage from 'electron/package.json' with { type: 'json' };
import chromiumOfElectron from 'electron-to-chromium/versions.json' with { type: 'json' };

/** Native modules stay outside every bundle; each runtime loads its own build of them. */
export const NATIVE = ['electron', 'better-sqlite3', '@napi-rs/keyring'];
/** Loaded from node_modules at run time: piscina starts its workers from its own files. */
const RUNTIME_FILES = ['piscina'];

// ESM bundles of CommonJS dependencies need a require of their own.
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * The Chromium inside the Electron the app ships with (a major's Chromium never changes), for
 * what only Electron runs: the preload. The renderer is also served to analysts' own browsers
 * by `s1inv serve`, so it keeps Vite's default of widely available browsers.
 */
export const ELECTRON_CHROME = `chrome${(chromiumOfElectron as Record<string, string>)[`${electronPackage.version.split('.')[0]}.0`]}`;

/**
 * An ESM bundle for Node (main, the utility process, the CLI, the precompute worker): Node 24,
 * the Node inside Electron 45 and the least the CLI runs on.
 */
export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  external: [...NATIVE, ...RUNTIME_FILES],
  banner: { js: REQUIRE_SHIM },
  sourcemap: true,
  logLevel: 'warning',
};

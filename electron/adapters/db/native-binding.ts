import { existsSync } from 'node:fs';
import { join } from 'node:path';

// better-sqlite3 is a native module: one build per runtime ABI. Node (tests, the CLI, `serve`)
// loads the build in node_modules. Electron's processes need a build for Electron's ABI, and it
// must never replace the Node one, so `npm start` keeps it apart in
// dist/electron/native/electron-<modules>/ (made by `npm run rebuild:electron`). A packaged app
// carries its own node_modules, rebuilt for Electron by electron-builder from a staged app
// folder, and loads that one the usual way.

export const NATIVE_FILE = 'better_sqlite3.node';

export interface RuntimeFacts {
  /** process.versions: `electron` is set only inside Electron; `modules` is the ABI. */
  versions: { electron?: string; modules: string };
  /** Where the running bundle is (dist/electron in a checkout, inside app.asar when packaged). */
  bundleDir: string;
  /** Electron's app.isPackaged, where known. */
  packaged: boolean;
  exists?: (path: string) => boolean;
}

/** The Electron build of better-sqlite3 for this ABI, as `npm run rebuild:electron` writes it. */
export function electronNativePath(bundleDir: string, modules: string): string {
  return join(bundleDir, 'native', `electron-${modules}`, NATIVE_FILE);
}

/**
 * The `nativeBinding` to give better-sqlite3, or undefined for its own lookup (Node, or a
 * packaged app). Throws with the fix when Electron runs from a checkout without its build.
 */
export function nativeBindingFor(facts: RuntimeFacts): string | undefined {
  const { versions, bundleDir, packaged, exists = existsSync } = facts;
  if (versions.electron === undefined || packaged) return undefined;
  const path = electronNativePath(bundleDir, versions.modules);
  if (!exists(path)) {
    throw new Error(
      `better-sqlite3 has no build for Electron ${versions.electron} (ABI ${versions.modules}) at ${path}. ` +
        'Run: npm run rebuild:electron (it needs to reach Electron’s headers), then npm start.',
    );
  }
  return path;
}

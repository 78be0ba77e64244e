import { describe, expect, it } from 'vitest';
import { dependencyTree, INSTALL_ONLY } from '../../../scripts/stage-app';

// Issue 28: what ships is what runs. better-sqlite3 declares prebuild-install (a binary fetcher
// for `npm install`); electron-builder rebuilds the module from source, so that tree is staged
// out of the app, and package:check fails on any of it inside.

describe('the staged dependencies', () => {
  const { shipped, installOnly } = dependencyTree();
  const names = new Set(shipped.values());

  it('leave out what only an install step runs, and keep what the app loads', () => {
    expect(INSTALL_ONLY).toContain('prebuild-install');
    for (const name of ['prebuild-install', 'tar-fs', 'simple-get', 'rc', 'tunnel-agent'])
      expect(installOnly.has(name), name).toBe(true);
    for (const name of installOnly) expect(names.has(name), name).toBe(false);
    for (const name of [
      'better-sqlite3',
      'bindings',
      'file-uri-to-path',
      'piscina',
      '@napi-rs/keyring',
    ])
      expect(names.has(name), name).toBe(true);
  });

  it('stage each package from its own folder', () => {
    for (const [path, name] of shipped) expect(path.endsWith(`node_modules/${name}`)).toBe(true);
  });
});

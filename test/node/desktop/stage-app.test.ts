import { describe, expect, it } from 'vitest';
import { dependencyTree, INSTALL_ONLY } from '../../../scripts/stage-app';

// Issue 28: what ships is what runs. better-sqlite3 declares node-addon-api (C++ headers for a
// build from source); the app loads its prebuilt Node-API binary, so that tree is staged out of
// the app, and package:check fails on any of it inside.

describe('the staged dependencies', () => {
  const { shipped, installOnly } = dependencyTree();
  const names = new Set(shipped.values());

  it('leave out what only a build from source reads, and keep what the app loads', () => {
    expect(INSTALL_ONLY).toEqual(['node-addon-api']);
    expect(installOnly.has('node-addon-api')).toBe(true);
    for (const name of installOnly) expect(names.has(name), name).toBe(false);
    for (const name of ['better-sqlite3', 'piscina', '@napi-rs/keyring'])
      expect(names.has(name), name).toBe(true);
  });

  it('stage each package from its own folder', () => {
    for (const [path, name] of shipped) expect(path.endsWith(`node_modules/${name}`)).toBe(true);
  });
});

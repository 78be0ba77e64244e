import { describe, expect, it } from 'vitest';
import { electronNativePath, nativeBindingFor } from '../../../electron/adapters/db/native-binding';

// Which better-sqlite3 build a process loads: Node's own in node_modules, Electron's kept apart.

const BUNDLE = '/work/app/dist/electron';
const ELECTRON = { electron: '45.5.0', modules: '140' };

describe('nativeBindingFor', () => {
  it('leaves Node (tests, the CLI, serve) on the build in node_modules', () => {
    expect(
      nativeBindingFor({ versions: { modules: '115' }, bundleDir: BUNDLE, packaged: false }),
    ).toBeUndefined();
  });

  it('gives Electron from a checkout the build for its own ABI, kept apart', () => {
    const path = electronNativePath(BUNDLE, '140');
    expect(path).toBe('/work/app/dist/electron/native/electron-140/better_sqlite3.node');
    expect(
      nativeBindingFor({
        versions: ELECTRON,
        bundleDir: BUNDLE,
        packaged: false,
        exists: (p) => p === path,
      }),
    ).toBe(path);
  });

  it('says how to make the Electron build when it is missing, rather than loading Node’s', () => {
    expect(() =>
      nativeBindingFor({
        versions: ELECTRON,
        bundleDir: BUNDLE,
        packaged: false,
        exists: () => false,
      }),
    ).toThrow(/no build for Electron 45\.5\.0 \(ABI 140\).*npm run rebuild:electron/);
  });

  it('lets a packaged app load the copy electron-builder rebuilt inside it', () => {
    expect(
      nativeBindingFor({
        versions: ELECTRON,
        bundleDir: BUNDLE,
        packaged: true,
        exists: () => false,
      }),
    ).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAbi, nativeAbiOf, nativeAbiProblems } from '../../../scripts/native-abi';

// Issue 28: package:check reads the ABI of every native module it packages and refuses one that
// Electron cannot load, instead of assuming the rebuild ran.

const require = createRequire(import.meta.url);
/** The native modules the app ships: better-sqlite3 (13 and later) and the keyring, Node-API. */
const betterSqlite = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'prebuilds',
  'linux-x64.node',
);
const keyring = require.resolve(`@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node`);
const electronVersion = require('electron/package.json').version as string;

/**
 * A module built against one runtime's headers exports `node_register_module_v<ABI>` (a Node 20
 * build of better-sqlite3 12 exported `node_register_module_v115`); nothing the app depends on
 * is built that way any more, so the exported name stands for such a build here.
 */
const builtForAbi = (abi: number) => Buffer.from(`\0ELF…\0node_register_module_v${abi}\0…`);

describe('the native ABI check', () => {
  it("reads a Node-ABI module's ABI, and a Node-API module as loadable anywhere", () => {
    expect(nativeAbiOf(builtForAbi(137))).toEqual({ kind: 'node', abi: 137 });
    expect(nativeAbiOf(readFileSync(betterSqlite))).toEqual({ kind: 'node-api' });
    expect(nativeAbiOf(readFileSync(keyring))).toEqual({ kind: 'node-api' });
    expect(nativeAbiOf(Buffer.from('not a module'))).toEqual({ kind: 'unknown' });
  });

  it("fails a module built for this Node's ABI in Electron's package, and says what to do", () => {
    const abi = electronAbi(electronVersion);
    const nodeAbi = Number(process.versions.modules);
    expect(abi).not.toBe(nodeAbi);
    const problems = nativeAbiProblems(
      [
        { path: 'node_modules/some-addon/build/Release/addon.node', bytes: builtForAbi(nodeAbi) },
        {
          path: 'node_modules/better-sqlite3/prebuilds/linux-x64.node',
          bytes: readFileSync(betterSqlite),
        },
        {
          path: 'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.node',
          bytes: readFileSync(keyring),
        },
        { path: 'node_modules/odd/odd.node', bytes: Buffer.from('no registration') },
      ],
      { abi, runtime: `Electron ${electronVersion}` },
    );
    expect(problems).toEqual([
      `node_modules/some-addon/build/Release/addon.node is built for ABI ${nodeAbi}, but Electron ${electronVersion} loads ABI ${abi} only: rebuild it for Electron (electron-builder with npmRebuild, on a machine with Electron), or use a Node-API build of it`,
      'node_modules/odd/odd.node: no Node or Node-API registration symbol, so its ABI cannot be checked',
    ]);
    // The same module, built for Electron's ABI, passes.
    expect(
      nativeAbiProblems([{ path: 'x.node', bytes: builtForAbi(abi) }], {
        abi,
        runtime: 'Electron',
      }),
    ).toEqual([]);
  });
});

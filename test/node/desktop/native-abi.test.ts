import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { electronAbi, nativeAbiOf, nativeAbiProblems } from '../../../scripts/native-abi';

// Issue 28: package:check reads the ABI of every native module it packages and refuses one that
// Electron cannot load, instead of assuming the rebuild ran.

const require = createRequire(import.meta.url);
/** This machine's builds: better-sqlite3 against Node's headers, the keyring on Node-API. */
const betterSqlite = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
const keyring = require.resolve(`@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node`);

describe('the native ABI check', () => {
  it("reads a Node-ABI module's ABI, and a Node-API module as loadable anywhere", () => {
    expect(nativeAbiOf(readFileSync(betterSqlite))).toEqual({
      kind: 'node',
      abi: Number(process.versions.modules),
    });
    expect(nativeAbiOf(readFileSync(keyring))).toEqual({ kind: 'node-api' });
    expect(nativeAbiOf(Buffer.from('not a module'))).toEqual({ kind: 'unknown' });
  });

  it("fails this machine's better-sqlite3 for Electron, and says what to do", () => {
    const abi = electronAbi(require('electron/package.json').version as string);
    expect(abi).not.toBe(Number(process.versions.modules));
    const problems = nativeAbiProblems(
      [
        {
          path: 'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
          bytes: readFileSync(betterSqlite),
        },
        {
          path: 'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.node',
          bytes: readFileSync(keyring),
        },
      ],
      { abi, runtime: 'Electron 45' },
    );
    expect(problems).toEqual([
      `node_modules/better-sqlite3/build/Release/better_sqlite3.node is built for ABI ${process.versions.modules}, but Electron 45 loads ABI ${abi} only: rebuild it for Electron (npm run rebuild:electron, or electron-builder with npmRebuild) on a machine with Electron`,
    ]);
    // The same module, built for Electron's ABI, passes.
    const forElectron = Buffer.from(`\0node_register_module_v${abi}\0`);
    expect(
      nativeAbiProblems([{ path: 'x.node', bytes: forElectron }], { abi, runtime: 'Electron' }),
    ).toEqual([]);
  });
});

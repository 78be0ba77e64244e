// Which runtime a native module was built for, read from its bytes: a module built against
// Node's headers exports `node_register_module_v<ABI>` (Node 24: 137, Electron 45: 150) and loads
// only in a runtime of that ABI; a Node-API module exports `napi_register_module_v1` and loads in
// any. package:check reads every `.node` it packages, so a module built for the wrong runtime
// is caught before an analyst's "was compiled against a different Node.js version".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// node-abi ships no types: the one function used here, typed.
const { getAbi } = createRequire(import.meta.url)('node-abi') as {
  getAbi(target: string, runtime: 'electron' | 'node'): string;
};

/** The ABI of the Node that an Electron version embeds. */
export const electronAbi = (electronVersion: string) => Number(getAbi(electronVersion, 'electron'));

export type NativeAbi = { kind: 'node'; abi: number } | { kind: 'node-api' } | { kind: 'unknown' };

const NODE_ABI = /node_register_module_v(\d+)/;
const NODE_API = 'napi_register_module_v1';

/** The ABI a native module's exported names say it was built for (ELF, Mach-O or PE alike). */
export function nativeAbiOf(bytes: Buffer): NativeAbi {
  const text = bytes.toString('latin1');
  const node = NODE_ABI.exec(text);
  if (node) return { kind: 'node', abi: Number(node[1]) };
  if (text.includes(NODE_API)) return { kind: 'node-api' };
  return { kind: 'unknown' };
}

/**
 * What is wrong with the native modules a package ships for a runtime of ABI `expected`: each
 * one built for another ABI, or whose ABI cannot be read.
 */
export function nativeAbiProblems(
  files: readonly { path: string; bytes: Buffer }[],
  expected: { abi: number; runtime: string },
): string[] {
  return files.flatMap(({ path, bytes }) => {
    const found = nativeAbiOf(bytes);
    if (found.kind === 'node-api') return [];
    if (found.kind === 'unknown')
      return [`${path}: no Node or Node-API registration symbol, so its ABI cannot be checked`];
    if (found.abi === expected.abi) return [];
    return [
      `${path} is built for ABI ${found.abi}, but ${expected.runtime} loads ABI ${expected.abi} only: ` +
        'rebuild it for Electron (electron-builder with npmRebuild, on a machine with Electron), or use a Node-API build of it',
    ];
  });
}

/** The native modules under a folder, read. */
export const readNative = (paths: readonly string[], under: string) =>
  paths.map((path) => ({ path, bytes: readFileSync(`${under}/${path}`) }));

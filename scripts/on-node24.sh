#!/usr/bin/env bash
# `bash scripts/on-node24.sh CMD…`: runs CMD on Node 24, so `npm test` and `npm start` work in any
# shell: this shell's Node when it is 24 or newer, else the one scripts/install.sh put in
# tools/node24. npm itself may run on an older Node; the npm CMD starts runs on Node 24.
set -euo pipefail
# shellcheck source=scripts/use-node24.sh
source "$(dirname "$0")/use-node24.sh"
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  echo "S1 Inventory needs Node 24 or newer; this is $(node -v 2>/dev/null || echo no Node). Run: bash scripts/install.sh (it brings Node 24 into tools/node24 when the machine's is older)." >&2
  exit 1
fi
exec "$@"

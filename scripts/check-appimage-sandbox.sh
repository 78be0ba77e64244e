#!/usr/bin/env bash
# `bash scripts/check-appimage-sandbox.sh X.AppImage`: the desktop entry inside a built AppImage
# starts the app with Chromium's sandbox on, i.e. its Exec line carries no --no-sandbox (the
# legacy AppImage toolset adds it). The release workflow runs it on what electron-builder made.
set -euo pipefail
image="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod +x "$image"
(cd "$work" && "$image" --appimage-extract '*.desktop' >/dev/null)
entry="$(find "$work/squashfs-root" -maxdepth 1 -name '*.desktop' | head -n 1)"
if [ -z "$entry" ]; then
  echo "check-appimage-sandbox: no desktop entry in $1" >&2
  exit 1
fi
exec_line="$(grep '^Exec=' "$entry")"
echo "check-appimage-sandbox: $exec_line"
if grep -q -- '--no-sandbox' <<<"$exec_line"; then
  echo "check-appimage-sandbox: $1 starts without Chromium's sandbox: set toolsets.appimage in electron-builder.yml" >&2
  exit 1
fi

#!/usr/bin/env bash
# System packages S1 Inventory needs on Debian/Ubuntu, for development and tests:
#   chromium                   the browser Playwright drives (never a downloaded one)
#   gnome-keyring dbus dbus-x11 libsecret-tools
#                              a real Secret Service for the keychain tests
#   python3 make g++           to build better-sqlite3 from source against Node
#   zsh fish                   to run the shell completion scripts the tests check
# Run as root (or with sudo). Safe to run again.
set -euo pipefail

packages=(chromium gnome-keyring dbus dbus-x11 libsecret-tools python3 make g++ zsh fish)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

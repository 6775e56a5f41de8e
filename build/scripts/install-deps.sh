#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages a build or the tests need, when they
# are missing. Needs root or passwordless sudo; otherwise prints the command.
# usage: install-deps.sh desktop [test]
set -euo pipefail

desktop=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
test=(xvfb xauth x11-utils imagemagick dbus dbus-x11 gnome-keyring chromium docker.io curl)

wanted=()
for set in "$@"; do
  case "$set" in
    desktop) wanted+=("${desktop[@]}") ;;
    test) wanted+=("${test[@]}") ;;
    *) echo "unknown package set: $set" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Missing packages: ${missing[*]}. Install their equivalents with your package manager." >&2
  exit 1
fi
cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Missing packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo ${cmd[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" "${cmd[@]}" >/dev/null

#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throwaway
# gnome-keyring, so keyring and notification tests use real services and
# never touch the user's own. Everything started here ends with the bus.
set -euo pipefail
if [ -z "${STREAMWARDEN_IN_PRIVATE_DBUS:-}" ]; then
  exec env STREAMWARDEN_IN_PRIVATE_DBUS=1 dbus-run-session -- "$0" "$@"
fi
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
printf 'streamwarden-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export STREAMWARDEN_TEST_KEYRING=1
"$@"

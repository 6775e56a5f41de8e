#!/usr/bin/env bash
# Starts the desktop app in a virtual X display inside a private D-Bus,
# takes a screenshot of its window and checks the page really rendered
# (the window is not one flat colour), then closes it cleanly.
# usage: desktop-smoke.sh path/to/streamwarden out.png
set -euo pipefail
if [ -z "${STREAMWARDEN_IN_XVFB:-}" ]; then
  exec env STREAMWARDEN_IN_XVFB=1 xvfb-run -a -s '-screen 0 1400x900x24' \
    "$(dirname "$0")/private-dbus.sh" "$0" "$@"
fi
app=$(realpath "$1")
shot=$2
work=$(mktemp -d)
export NO_AT_BRIDGE=1
"$app" --data "$work/data" >"$work/app.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

rendered=0
for _ in $(seq 1 60); do
  sleep 1
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the app exited early:" >&2; cat "$work/app.log" >&2; exit 1
  fi
  /usr/bin/import -window root "$shot" 2>/dev/null || continue
  # A rendered page has many colours; a blank window has one or two.
  colours=$(/usr/bin/convert "$shot" -format '%k' info:)
  if [ "$colours" -gt 200 ]; then rendered=1; break; fi
done
if [ "$rendered" -ne 1 ]; then
  echo "the window never rendered a page (colours: ${colours:-none})" >&2
  cat "$work/app.log" >&2
  exit 1
fi
grep -q 'backend ready' "$work/app.log" || { echo "the backend did not start" >&2; cat "$work/app.log" >&2; exit 1; }
echo "desktop window rendered ($colours colours): $shot"
kill -TERM "$pid"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "the app did not exit on SIGTERM" >&2; exit 1; fi
grep -q "^.*msg=stopped" "$work/app.log" || { echo "the app did not shut down cleanly" >&2; cat "$work/app.log" >&2; exit 1; }

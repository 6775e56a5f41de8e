#!/usr/bin/env bash
# Starts streamwarden-server on a free loopback port with a fresh data
# directory, runs the browser tests against it, and stops it.
# usage: e2e.sh path/to/streamwarden-server
set -euo pipefail
server=$(realpath "$1")
work=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$server" --data "$work/data" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  "$server" healthcheck --listen "127.0.0.1:$port" 2>/dev/null && break
  sleep 0.1
done
if ! "$server" healthcheck --listen "127.0.0.1:$port"; then
  cat "$work/server.log" >&2
  exit 1
fi
cd "$(dirname "$0")/../../frontend"
if ! STREAMWARDEN_URL="http://127.0.0.1:$port" npm run --silent e2e; then
  echo "--- server log ---" >&2
  cat "$work/server.log" >&2
  exit 1
fi
# Memory after the run (several argon2id logins included): current and peak.
grep -E '^(VmRSS|VmHWM)' "/proc/$pid/status" | tr -s ' \t' ' ' | sed 's/^/streamwarden-server /'
# The server must stop cleanly on SIGTERM.
kill -TERM "$pid"
wait "$pid"
grep -q 'shutting down' "$work/server.log"

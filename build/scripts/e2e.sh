#!/usr/bin/env bash
# Starts streamwarden-server on free loopback ports with fresh data
# directories, runs the browser tests against them, and stops them: the
# main run against an empty server, the map run against one in --demo mode.
# usage: e2e.sh path/to/streamwarden-server
set -euo pipefail
server=$(realpath "$1")
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# start NAME [ARGS...]: runs a server with its own data directory and log;
# sets $port and $pid.
start() {
  local name=$1
  shift
  port=$(free_port)
  "$server" --data "$work/$name" --listen "127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do
    "$server" healthcheck --listen "127.0.0.1:$port" 2>/dev/null && return 0
    sleep 0.1
  done
  if ! "$server" healthcheck --listen "127.0.0.1:$port"; then
    cat "$work/$name.log" >&2
    exit 1
  fi
}

# check NAME SCRIPT: runs an npm script against the server NAME.
check() {
  if ! STREAMWARDEN_URL="http://127.0.0.1:$port" npm run --silent "$2"; then
    echo "--- $1 server log ---" >&2
    cat "$work/$1.log" >&2
    exit 1
  fi
}

cd "$(dirname "$0")/../../frontend"
start main
main_pid=$pid
check main e2e
# Memory after the run (several argon2id logins included): current and peak.
grep -E '^(VmRSS|VmHWM)' "/proc/$main_pid/status" | tr -s ' \t' ' ' | sed 's/^/streamwarden-server /'
# The server must stop cleanly on SIGTERM.
kill -TERM "$main_pid"
wait "$main_pid"
grep -q 'shutting down' "$work/main.log"

start demo --demo
check demo e2e:map

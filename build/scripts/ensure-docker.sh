#!/usr/bin/env bash
# Makes sure a Docker daemon answers, starting dockerd when we are root
# and none runs (a fresh CI machine has the package but no service).
set -euo pipefail
docker info >/dev/null 2>&1 && exit 0
if ! command -v dockerd >/dev/null; then
  echo "Docker is not installed: install docker.io (make test-deps does)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The Docker daemon is not running: start it (sudo systemctl start docker)." >&2
  exit 1
fi
log=${TMPDIR:-/tmp}/streamwarden-dockerd.log
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 100); do
  docker info >/dev/null 2>&1 && exit 0
  sleep 0.2
done
echo "dockerd did not start:" >&2
tail -20 "$log" >&2
exit 1

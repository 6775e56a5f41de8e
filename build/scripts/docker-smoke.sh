#!/usr/bin/env bash
# Runs the image with a published loopback port and checks the health
# endpoint, the UI and the container's own HEALTHCHECK.
# usage: docker-smoke.sh IMAGE
set -euo pipefail
image=$1
name=streamwarden-smoke-$$
docker rm -f "$name" >/dev/null 2>&1 || true
trap 'docker logs "$name" 2>&1 | tail -20 || true; docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
docker run -d --name "$name" -p 127.0.0.1::8080 "$image" >/dev/null
port=$(docker port "$name" 8080/tcp | head -1 | sed 's/.*://')
url="http://127.0.0.1:$port"
for _ in $(seq 1 50); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$url/api/health" | grep -q '"status":"ok"'
curl -fsS "$url/" | grep -qi '<div id="app"' || { echo 'the UI is not served' >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/api/Servers/List" -H 'Content-Type: application/json' -d '[]')
[ "$code" = 401 ] || { echo "unauthenticated call answered $code" >&2; exit 1; }
user=$(docker inspect -f '{{.Config.User}}' "$name")
[ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ] || { echo "the image runs as root" >&2; exit 1; }
for _ in $(seq 1 30); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$name")
  [ "$status" = healthy ] && break
  sleep 1
done
[ "$status" = healthy ] || { echo "container health: $status" >&2; exit 1; }
echo "docker image $image: health ok on $url, UI served, API guarded, HEALTHCHECK $status"

#!/usr/bin/env bash
# SSR load measurement on 127.0.0.1: the wsjs example server (examples/ssr, a RuntimePool) and a Node
# http server render the same examples/ssr/page.js from the same live /ticks feed; wrk loads each in
# turn and this prints requests/s and p50/p99 latency. Not a test: figures depend on the machine.
#
#   bench/ssr/run.sh                  # 2 runtimes / 2 Node workers, 32 connections, 45 s warm-up, 15 s measured
#   DURATION=30s CONNECTIONS=64 RUNTIMES=4 bench/ssr/run.sh
#
# Needs: a JDK 25, node (20+: started with --experimental-websocket), wrk (Debian: apt-get install -y wrk).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-45s}" # GraalJS compiles the hot render path meanwhile; on 2 busy cores that takes ~30-45 s
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
RUNTIMES="${RUNTIMES:-2}"
FEED_PORT="${FEED_PORT:-18080}"
WSJS_PORT="${WSJS_PORT:-18081}"
NODE_PORT="${NODE_PORT:-18082}"

for tool in wrk node curl; do
  command -v "$tool" >/dev/null || { echo "bench/ssr: needs $tool (wrk: apt-get install -y wrk)" >&2; exit 2; }
done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

wait_for() { # url, seconds
  for _ in $(seq 1 "$(( $2 * 10 ))"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench/ssr: $1 did not answer within $2 s" >&2; exit 1
}

logs="$(mktemp -d)"
examples/ssr/run.sh --build-only # builds the runtime and the example when missing or stale
source <(sed -n '/^find_java25()/,/^}/p' ./wsjs)
java="$(find_java25)/bin/java"
jar="$(ls runtime/target/wsjs-runtime-*.jar | grep -v -e sources -e tests | head -n1)"

# The feed first (both servers subscribe at start): the embedded server's /ticks route, a tick every 200 ms.
"$java" -cp "$jar:runtime/target/lib/*" dev.wsjs.server.LocalWebSocketServer "$FEED_PORT" >"$logs/feed.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 300); do grep -q "WebSocket server on" "$logs/feed.log" && break; sleep 0.1; done
examples/ssr/run.sh --port="$WSJS_PORT" --runtimes="$RUNTIMES" --feed="ws://127.0.0.1:$FEED_PORT/ticks" >"$logs/wsjs.log" 2>&1 &
pids+=("$!")
node --experimental-websocket --no-warnings bench/ssr/node-server.mjs --port="$NODE_PORT" --workers="$RUNTIMES" \
  --feed="ws://127.0.0.1:$FEED_PORT/ticks" >"$logs/node.log" 2>&1 &
pids+=("$!")

wait_for "http://127.0.0.1:$WSJS_PORT/" 300
wait_for "http://127.0.0.1:$NODE_PORT/" 60

measure() { # name, port
  local url="http://127.0.0.1:$2/"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$logs/$1.wrk"
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$logs/$1.wrk")"
  p50="$(awk '$1 == "50%" {print $2}' "$logs/$1.wrk")"
  p99="$(awk '$1 == "99%" {print $2}' "$logs/$1.wrk")"
  errors="$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$logs/$1.wrk")"
  printf '| %-26s | %10s | %8s | %8s | %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-none}"
}

# Both pages must show live data before the figures mean anything.
for port in "$WSJS_PORT" "$NODE_PORT"; do
  curl -fsS "http://127.0.0.1:$port/" | grep -q 'data-last-seq="[1-9]' || { echo "bench/ssr: :$port shows no tick yet" >&2; sleep 2; }
done

echo "SSR, same page.js and feed; wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up); $(nproc) cores"
printf '| %-26s | %10s | %8s | %8s | %s\n' "server" "requests/s" "p50" "p99" "errors"
printf '|%s|%s|%s|%s|%s\n' "----------------------------" "------------" "----------" "----------" "-------"
measure "wsjs pool ($RUNTIMES runtimes)" "$WSJS_PORT"
measure "node $(node --version) ($RUNTIMES workers)" "$NODE_PORT"
rm -rf "$logs"

#!/usr/bin/env bash
# Runs bench/soak/soak.js on wsjs (against its embedded echo server on 127.0.0.1, or the server
# given with url=ws://127.0.0.1:PORT/) and prints, every `sample` seconds, the process's RSS, OS
# thread count and live heap (reachable after a full GC) next to the script's own progress lines:
# RSS grows when the collector sizes the heap up, the live heap only when something leaks.
#   bench/soak/run.sh [seconds=60] [sample=5] [gc=true] [cycles=3000] [connections=50] [messages=2000] …
# The issue's scale (10,000 connections need a server outside this process: file descriptors):
#   bench/soak/run.sh seconds=900 cycles=100000 connections=10000 messages=20 url=ws://127.0.0.1:PORT/
# Bounded in time: the script stops itself after `seconds`; `timeout` ends the process 60 s later.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

seconds=60
every=5
gc=true
script_args=()
for arg in "$@"; do
  case "$arg" in
    seconds=*) seconds="${arg#seconds=}"; script_args+=("$arg") ;;
    sample=*) every="${arg#sample=}" ;;
    gc=*) gc="${arg#gc=}" ;;
    *) script_args+=("$arg") ;;
  esac
done

# Build first (if needed), so the time bound covers only the run.
"$repo/wsjs" --version >/dev/null
jcmd=""
for candidate in "${JAVA_HOME:-}/bin/jcmd" /usr/lib/jvm/temurin-25*/bin/jcmd "$(command -v jcmd || true)"; do
  [[ -x "$candidate" ]] && { jcmd="$candidate"; break; }
done

timeout --kill-after=10 "$((seconds + 60))" "$repo/wsjs" --serve "$here/soak.js" "${script_args[@]}" &
launcher=$!
sample() {
  # The JVM is the launcher's only child once it exec'd (timeout → java).
  local pid status heap=""
  pid="$(pgrep -P "$launcher" | head -n1 || true)"
  status="/proc/${pid:-none}/status"
  [[ -r "$status" ]] || return 0
  if [[ "$gc" == true && -n "$jcmd" ]]; then
    # The class histogram runs a full GC and counts what is still reachable at that moment (the
    # heap's "used" figure read after a GC.run also counts what the busy program allocated since).
    heap="$("$jcmd" "$pid" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print int($3 / 1024) }')"
  fi
  awk -v t="$SECONDS" -v heap="$heap" '/^VmRSS:/ { rss = $2 } /^Threads:/ { th = $2 }
       END { printf "soak process t=%ss rss=%.1fMiB os-threads=%d live-heap=%s\n", t, rss / 1024, th,
             heap == "" ? "n/a" : sprintf("%.1fMiB", heap / 1024) }' "$status"
}
SECONDS=0
next=$every
while kill -0 "$launcher" 2>/dev/null; do
  sleep 1
  if (( SECONDS >= next )); then
    sample
    next=$((next + every))
  fi
done
wait "$launcher"

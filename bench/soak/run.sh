#!/usr/bin/env bash
# Runs bench/soak/soak.js on wsjs against its embedded echo server (127.0.0.1) and prints the
# process's RSS and OS thread count every 5 s next to the script's own progress lines.
#   bench/soak/run.sh [seconds=60] [cycles=3000] [connections=50] [messages=2000] …
# Bounded in time: the script stops itself after `seconds`; `timeout` ends the process 60 s later.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

seconds=60
for arg in "$@"; do
  [[ "$arg" == seconds=* ]] && seconds="${arg#seconds=}"
done

# Build first (if needed), so the time bound covers only the run.
"$repo/wsjs" --version >/dev/null

timeout --kill-after=10 "$((seconds + 60))" "$repo/wsjs" --serve "$here/soak.js" "$@" &
launcher=$!
sample() {
  # The JVM is the launcher's only child once it exec'd (timeout → java).
  local pid status
  pid="$(pgrep -P "$launcher" | head -n1 || true)"
  status="/proc/${pid:-none}/status"
  [[ -r "$status" ]] || return 0
  awk -v t="$SECONDS" '/^VmRSS:/ { rss = $2 } /^Threads:/ { th = $2 }
       END { printf "soak process t=%ss rss=%.1fMiB os-threads=%d\n", t, rss / 1024, th }' "$status"
}
SECONDS=0
while kill -0 "$launcher" 2>/dev/null; do
  sleep 1
  (( SECONDS % 5 == 0 )) && sample
done
wait "$launcher"

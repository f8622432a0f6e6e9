#!/usr/bin/env bash
# Runs wsjs side by side with Node (ws, undici, global), Deno and Bun in ONE pass of the shared
# benchmark orchestrator (../shared/bench/run-all.sh, or $WSJS_BENCH_DIR), then prints its table
# and the ratio wsjs / best peer for every figure.
#
#   bench/compare.sh [--runs N] [--pin none|same|split] [--mode jit|fast-start] [--scratch DIR]
#                    [--cold-runs N] [--peers node-ws,deno,bun] [--port 8080] [scenario...] [key=value...]
#
# scenario: pingpong stream large fanout coldstart (default: all; cold start only when named or
# with no scenario given). key=value pairs go to every client (e.g. n=2000 m=20000 c=100).
# Results stay in the scratch dir (default /tmp/wsbench), never in the repository.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orchestrator_dir="${WSJS_BENCH_DIR:-$(cd "$repo/.." && pwd)/shared/bench}"
[[ -f "$orchestrator_dir/run-all.sh" ]] || orchestrator_dir=/work/shared/bench

runs=3 pin=none mode=jit port=8080 scratch=/tmp/wsbench cold_runs=5 peers=node-undici,node-ws,node-global,deno,bun
scenarios=() pass=()
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --pin) pin="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --scratch) scratch="$2"; shift 2 ;;
    --cold-runs) cold_runs="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) usage ;;
    pingpong|stream|large|fanout|coldstart) scenarios+=("$1"); shift ;;
    *=*) pass+=("$1"); shift ;;
    *) echo "compare.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
case "$mode" in jit|fast-start) ;; *) echo "compare.sh: --mode is jit or fast-start" >&2; exit 2 ;; esac
case "$repo" in *" "*) echo "compare.sh: the orchestrator splits commands on spaces; move the repo to a path without them" >&2; exit 2 ;; esac
case "$(cd "$(dirname "$scratch")" 2>/dev/null && pwd)/" in
  "$repo"/*) echo "compare.sh: the scratch dir must be outside the repository" >&2; exit 2 ;;
esac

# Scenarios for the orchestrator's run loop; cold start is its separate --cold-runs phase.
run_scenarios=() want_cold=0
if [[ ${#scenarios[@]} -eq 0 ]]; then
  run_scenarios=(pingpong stream large fanout); want_cold=1
else
  for s in "${scenarios[@]}"; do
    if [[ "$s" == coldstart ]]; then want_cold=1; else run_scenarios+=("$s"); fi
  done
fi
[[ $want_cold -eq 1 ]] || cold_runs=0
if [[ ${#run_scenarios[@]} -eq 0 ]]; then runs=0; run_scenarios=(pingpong); fi

# Build (and, for fast-start, train the AOT cache) now, so no timed run pays for it.
"$repo/wsjs" "--$mode" -e "" >/dev/null

out="compare-$(date +%Y%m%d-%H%M%S).jsonl"
# The orchestrator runs clients with the scratch dir as cwd and appends url=… scenario=… key=value.
wsjs_cmd="$repo/wsjs --$mode $repo/bench/launch-wsjs.js"
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
bash "$orchestrator_dir/run-all.sh" "$scratch" \
  --runs "$runs" --pin "$pin" --cold-runs "$cold_runs" --hyperfine 0 --port "$port" \
  --quiet-wait 30 --quiet-pct 25 \
  --runtimes "$peers" --scenarios "$(IFS=,; echo "${run_scenarios[*]}")" \
  --out "$out" --add "wsjs=$wsjs_cmd" ${pass[@]+"${pass[@]}"} | tee "$table"
echo
node "$repo/bench/compare-ratios.mjs" "$scratch/$out" wsjs
echo
echo "raw records: $scratch/$out"

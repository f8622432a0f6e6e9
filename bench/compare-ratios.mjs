// Prints, for every figure of one orchestrator pass (its results.jsonl), the median of the runtime
// under test, the best peer's median and the ratio between them.
//   node bench/compare-ratios.mjs RESULTS.jsonl [runtime=wsjs]
import fs from "node:fs";

const [file, self = "wsjs"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node compare-ratios.mjs RESULTS.jsonl [runtime]");
  process.exit(2);
}
const records = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));

// [label, scenario, value of one record (or undefined), whether higher is better]
const FIGURES = [
  ["pingpong rt/s", "pingpong", (r) => r.rt_per_s, true],
  ["pingpong p50 µs", "pingpong", (r) => r.p50_us, false],
  ["pingpong p99 µs", "pingpong", (r) => r.p99_us, false],
  ["stream msg/s", "stream", (r) => r.msgs_per_s, true],
  ["stream client CPU-s per 1M msgs", "stream", (r) => cpuSecondsPerMillion(r, r.m), false],
  ["pingpong client CPU-s per 1M msgs", "pingpong", (r) => cpuSecondsPerMillion(r, r.n), false],
  ["large MB/s", "large", (r) => r.MB_per_s, true],
  ["fanout open ms", "fanout", (r) => r.open_ms, false],
  ["fanout conn/s", "fanout", (r) => r.conn_per_s, true],
  ["fanout echo+close ms", "fanout", (r) => (r.echo_ms ?? NaN) + (r.close_ms ?? NaN), false],
  ["fanout peak RSS MB", "fanout", (r) => r.max_rss_mb, false],
  ["cold first-echo ms", "coldstart", (r) => (r.ok ? r.first_echo_ms : undefined), false],
  ["cold exit ms", "coldstart", (r) => (r.ok ? r.exit_ms : undefined), false],
];

/**
 * The client's CPU time (user + sys over the whole process: start-up and warm-up included, which is
 * what a short-lived client pays) per million messages received in the measured part.
 */
function cpuSecondsPerMillion(r, messages) {
  if (!(r.client_cpu_pct >= 0) || !(r.proc_wall_s > 0) || !(messages > 0)) return undefined;
  return (r.client_cpu_pct / 100) * r.proc_wall_s / (messages / 1e6);
}

function median(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const runtimes = [...new Set(records.map((r) => r.runtime))];
const peers = runtimes.filter((rt) => rt !== self);
const medianOf = (rt, scenario, value) =>
  median(records.filter((r) => r.runtime === rt && r.scenario === scenario && !r.error).map(value));
const fmt = (x) => (x === null ? "n/a" : x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1));

const rows = [];
for (const [label, scenario, value, higherIsBetter] of FIGURES) {
  const mine = medianOf(self, scenario, value);
  let best = null;
  let bestPeer = null;
  for (const peer of peers) {
    const m = medianOf(peer, scenario, value);
    if (m === null) continue;
    if (best === null || (higherIsBetter ? m > best : m < best)) {
      best = m;
      bestPeer = peer;
    }
  }
  if (mine === null && best === null) continue;
  const ratio = mine !== null && best ? mine / best : null;
  // "how far behind": >1 means the best peer is that many times better on this figure.
  const behind = ratio === null ? null : higherIsBetter ? 1 / ratio : ratio;
  rows.push(`| ${label} | ${fmt(mine)} | ${fmt(best)} (${bestPeer ?? "–"}) | ${ratio === null ? "n/a" : ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(2) : ratio.toPrecision(2)} | `
    + `${behind === null ? "n/a" : behind <= 1 ? "ahead" : (behind >= 10 ? behind.toFixed(0) : behind.toFixed(1)) + "× behind"} |`);
}
const failed = records.filter((r) => r.runtime === self && (r.error || r.ok === false));
console.log(`${self} / best peer, medians (rt/s, msg/s, MB/s, conn/s: higher is better; µs, ms, MB: lower is better)`);
console.log(`| figure | ${self} | best peer | ratio ${self}/best | |`);
console.log("|---|---:|---:|---:|---|");
for (const row of rows) console.log(row);
if (failed.length) {
  console.log(`\n${self}: ${failed.length} failed run(s): ${failed[0].error ?? "cold start without an echo"}`);
}


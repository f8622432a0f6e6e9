// wsjs launcher for the shared WHATWG-only benchmark (bench.js, copied unmodified from the shared
// benchmark folder). Run: ./wsjs bench/launch-wsjs.js key=value...
const args = {};
for (const a of wsjs.args) {
  const i = a.indexOf("=");
  if (i > 0) args[a.slice(0, i)] = a.slice(i + 1);
}
if (args.runtime === undefined) args.runtime = "wsjs";
globalThis.BENCH_ARGS = args;
globalThis.BENCH_DONE = (code) => wsjs.exit(code);
globalThis.BENCH_MEM = () => wsjs.memoryUsage().rss;
import("./bench.js").catch((e) => {
  console.error(String(e && e.stack || e));
  wsjs.exit(1);
});

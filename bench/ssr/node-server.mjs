// The Node side of the SSR comparison: the same page.js, the same feed, rendered by Node's http.
//   node --experimental-websocket bench/ssr/node-server.mjs --port=18082 --feed=ws://127.0.0.1:18080/ticks [--workers=2]
// With --workers=N, N processes share the port (node:cluster), as wsjs's pool shares it among N runtimes;
// each process holds its own subscription to the feed.
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import vm from "node:vm";

const options = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")));
const port = Number(options.port ?? 18082);
const workers = Number(options.workers ?? 1);

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === workers) console.log(`serving http://127.0.0.1:${port}/ with ${workers} workers`);
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  if (typeof WebSocket !== "function") {
    console.error("node-server: no global WebSocket; on Node 20 run with --experimental-websocket");
    process.exit(2);
  }
  const page = new URL("../../examples/ssr/page.js", import.meta.url);
  vm.runInThisContext(fs.readFileSync(page, "utf8"), { filename: page.pathname });
  await globalThis.startFeed(options.feed ?? "ws://127.0.0.1:18080/ticks");
  for (let i = 0; i < 50; i++) globalThis.render({ path: "/", query: null }); // the same warm-up as SsrServer

  http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { "content-type": "text/plain" }).end("GET only\n");
      return;
    }
    const q = req.url.indexOf("?");
    const html = globalThis.render({ path: q < 0 ? req.url : req.url.slice(0, q), query: q < 0 ? null : req.url.slice(q + 1) });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
    res.end(req.method === "HEAD" ? undefined : html);
  }).listen(port, "127.0.0.1", () => {
    if (workers === 1) console.log(`serving http://127.0.0.1:${port}/`);
  });
}

// The app of the server-side rendering example: a page showing live market data.
// Each runtime holds one WebSocket subscription to the tick feed and keeps the latest tick of every
// symbol; render(request) turns that state into HTML, so every response shows the latest data
// without a request ever waiting for the network.
//
// A classic script that only defines two globals, so the same file runs on wsjs (SsrServer loads it
// into every runtime of a RuntimePool) and on Node (bench/ssr/node-server.mjs), for comparison.
//   startFeed(url)    subscribes; resolves once connected; reconnects when the feed drops
//   render(request)   request: { path, query }; returns the page as a string

"use strict";

const feedState = { url: null, latest: new Map(), lastSeq: 0, ticks: 0, connected: false, reconnects: 0 };

globalThis.startFeed = function startFeed(url) {
  feedState.url = url;
  return new Promise((resolve, reject) => subscribe(resolve, reject));
};

function subscribe(onFirstOpen, onFirstFailure) {
  // Resume after the last tick seen; the feed replays what this runtime missed.
  const ws = new WebSocket(`${feedState.url}?since=${feedState.lastSeq}`);
  ws.onopen = () => {
    feedState.connected = true;
    onFirstOpen?.();
  };
  ws.onmessage = (event) => {
    const tick = JSON.parse(event.data);
    if (tick.type !== "tick" || tick.seq <= feedState.lastSeq) return;
    feedState.lastSeq = tick.seq;
    feedState.ticks++;
    const previous = feedState.latest.get(tick.symbol);
    tick.change = previous ? tick.price - previous.price : 0;
    feedState.latest.set(tick.symbol, tick);
  };
  ws.onclose = () => {
    if (!feedState.connected && onFirstFailure) {
      onFirstFailure(new Error(`cannot subscribe to ${feedState.url}`));
      return;
    }
    feedState.connected = false;
    feedState.reconnects++;
    setTimeout(() => subscribe(), 250 + Math.random() * 250);
  };
}

const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => escapes[c]);

function row(tick) {
  const direction = tick.change > 0 ? "up" : tick.change < 0 ? "down" : "flat";
  return `<tr class="${direction}"><td>${escapeHtml(tick.symbol)}</td><td>${tick.price.toFixed(2)}</td>` +
    `<td>${tick.change >= 0 ? "+" : ""}${tick.change.toFixed(2)}</td><td>${tick.seq}</td></tr>`;
}

globalThis.render = function render(request) {
  const symbols = [...feedState.latest.keys()].sort();
  const only = request.query ? new URLSearchParams(String(request.query)).get("symbol") : null;
  const shown = only ? symbols.filter((s) => s === only) : symbols;
  const rows = shown.map((s) => row(feedState.latest.get(s))).join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Live prices</title>
<style>body{font-family:sans-serif} .up{color:green} .down{color:#b00} td{padding:0 1em}</style></head>
<body>
<h1>Live prices${only ? ` for ${escapeHtml(only)}` : ""}</h1>
<table><tr><th>symbol</th><th>price</th><th>change</th><th>tick</th></tr>
${rows || `<tr><td colspan="4">waiting for the first tick</td></tr>`}
</table>
<p id="feed" data-last-seq="${feedState.lastSeq}">latest tick #${feedState.lastSeq} · ${feedState.ticks} ticks received · feed ${feedState.connected ? "connected" : "reconnecting"}</p>
<p>rendered for ${escapeHtml(request.path)}</p>
</body>
</html>
`;
};

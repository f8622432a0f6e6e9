// A market-data bot: subscribes to a tick feed, keeps per-symbol state and survives the feed going
// away. When the connection drops it reconnects with exponential backoff and jitter, and resumes
// from the last tick it saw (`?since=<seq>`), so no tick is lost or counted twice.
//
// Offline, against the feed built into wsjs (a tick every 200 ms):
//   ./wsjs --serve examples/bots/market-data.mjs
//   ./wsjs --serve examples/bots/market-data.mjs --until=60 --flaky    # the feed drops the bot every 25 ticks
//
// Options: --url=<feed>   the feed (default "/ticks", relative to the page location)
//          --until=<seq>  stop cleanly after this tick (default 40)
//          --flaky        ask the feed to drop the connection every 25 ticks
//          --quiet        print only connection events and the summary

const options = parseArgs(wsjs.args, { url: "/ticks", until: "40", flaky: false, quiet: false });
const until = Number(options.until);

// The reconnection policy: 250 ms, 500 ms, 1 s … capped at 5 s, each delay randomised between half
// and all of it so that many bots dropped at once do not come back at once. After 12 failed
// attempts in a row the bot gives up.
const backoff = { baseMs: 250, maxMs: 5000, maxAttempts: 12 };
// A feed that says nothing for this long is treated as dead even if TCP has not noticed.
const staleAfterMs = 5000;

const state = {
  lastSeq: 0,      // the last tick applied; the resume point
  received: 0,     // ticks applied
  duplicates: 0,   // ticks at or below lastSeq, ignored
  gaps: 0,         // ticks missing (older than the feed retains)
  reconnects: 0,
  checksum: 0,     // sum of prices in cents, to compare with what the feed published
  symbols: new Map(),
};

let socket = null;
let attempt = 0;
let retryTimer = null;
let staleTimer = null;
let stopping = false;

function connect() {
  const url = new URL(options.url, location.href);
  url.searchParams.set("since", String(state.lastSeq));
  if (options.flaky) url.searchParams.set("dropAfter", "25");
  const ws = new WebSocket(url);
  socket = ws;

  ws.onopen = () => {
    console.log(`connected to ${url.pathname}${url.search}${state.reconnects ? ` (reconnect #${state.reconnects})` : ""}`);
    armStaleTimer(ws);
  };
  ws.onmessage = (event) => {
    if (stopping) return;
    attempt = 0; // the feed answers again: the next outage starts the backoff from the bottom
    armStaleTimer(ws);
    const message = JSON.parse(event.data);
    if (message.type === "tick") apply(message);
  };
  ws.onclose = (event) => {
    clearTimeout(staleTimer);
    if (socket !== ws) return;
    socket = null;
    if (stopping) return;
    console.log(`feed closed (code ${event.code}${event.wasClean ? "" : ", dropped"}); last tick ${state.lastSeq}`);
    scheduleReconnect();
  };
  // An error is always followed by close, which does the work.
  ws.onerror = () => {};
}

function scheduleReconnect() {
  if (attempt >= backoff.maxAttempts) {
    console.error(`giving up after ${attempt} attempts`);
    summary();
    wsjs.exit(1);
  }
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
  const delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
  attempt++;
  console.log(`reconnecting in ${delay} ms (attempt ${attempt})`);
  retryTimer = setTimeout(() => {
    state.reconnects++;
    connect();
  }, delay);
}

function armStaleTimer(ws) {
  clearTimeout(staleTimer);
  staleTimer = setTimeout(() => {
    console.log(`no tick for ${staleAfterMs} ms: closing the feed`);
    ws.close(4000, "stale");
    // close() on a dead TCP connection may take a while to finish; do not wait for it.
    if (socket === ws) {
      socket = null;
      scheduleReconnect();
    }
  }, staleAfterMs);
}

function apply(tick) {
  if (tick.seq <= state.lastSeq) {
    state.duplicates++;
    return;
  }
  if (tick.seq !== state.lastSeq + 1) {
    state.gaps += tick.seq - state.lastSeq - 1;
    console.log(`gap: ticks ${state.lastSeq + 1}..${tick.seq - 1} are no longer retained by the feed`);
  }
  state.lastSeq = tick.seq;
  state.received++;
  state.checksum += Math.round(tick.price * 100);

  let s = state.symbols.get(tick.symbol);
  if (!s) state.symbols.set(tick.symbol, (s = { first: tick.price, last: tick.price, high: tick.price, low: tick.price, count: 0 }));
  s.last = tick.price;
  s.high = Math.max(s.high, tick.price);
  s.low = Math.min(s.low, tick.price);
  s.count++;

  if (!options.quiet && tick.seq % 10 === 0) {
    console.log(`#${tick.seq} ${tick.symbol.padEnd(4)} ${tick.price.toFixed(2)}  (high ${s.high.toFixed(2)}, low ${s.low.toFixed(2)})`);
  }
  if (tick.seq >= until) stop();
}

function stop() {
  stopping = true;
  clearTimeout(retryTimer);
  clearTimeout(staleTimer);
  socket?.close(1000, "done");
  summary();
}

function summary() {
  for (const [symbol, s] of state.symbols) {
    const change = ((s.last - s.first) / s.first) * 100;
    console.log(`${symbol.padEnd(4)} last ${s.last.toFixed(2)}  high ${s.high.toFixed(2)}  low ${s.low.toFixed(2)}  ` +
      `${change >= 0 ? "+" : ""}${change.toFixed(2)}%  over ${s.count} ticks`);
  }
  const { lastSeq, received, duplicates, gaps, reconnects, checksum } = state;
  console.log("summary " + JSON.stringify({ lastSeq, received, duplicates, gaps, reconnects, checksum }));
}

function parseArgs(args, defaults) {
  const out = { ...defaults };
  for (const arg of args) {
    const [, name, value] = /^--([^=]+)(?:=(.*))?$/.exec(arg) ?? [];
    if (!name || !(name in defaults)) throw new TypeError(`unknown option ${arg}`);
    out[name] = value ?? true;
  }
  return out;
}

connect();

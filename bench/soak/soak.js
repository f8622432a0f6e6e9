// Load and soak test of the WebSocket path against an echo server (127.0.0.1 only).
//
// Phase 1: connect → send → receive → close cycles, `concurrency` at a time.
// Phase 2: `connections` sockets at once, each exchanging `messages` sequence-numbered messages
//          (text and binary alternately, at most `window` in flight): every echo is checked, so
//          lost, duplicated and reordered messages are counted.
// Every `report` seconds it prints progress with RSS and heap; at the end one `soak result {…}`
// line, and exit code 1 if anything was lost, duplicated, reordered or failed.
//
// Run: bench/soak/run.sh [key=value …]  (also prints the process's RSS, OS threads and heap after a
//      full GC), or ./wsjs --serve bench/soak/soak.js [key=value …]
// Keys (defaults): seconds=60 cycles=3000 concurrency=8 connections=50 messages=2000 window=64
//                  opening=1000 hold=0 report=5 url=/echo exit=true
// `hold` keeps the process `hold` seconds after the last socket closed (before the result), so
// run.sh can sample what is left once everything is closed.
// `opening` bounds the handshakes of phase 2 in flight at once. `url` may name another server
// (e.g. ws://127.0.0.1:PORT/ for 10,000 connections: the embedded server would share this
// process's file descriptors).
// Time-bounded: phase 1 stops after `cycles` or half of `seconds`, whichever comes first; an echo
// of phase 2 that has not come back after `seconds` counts as lost.
(function () {
  "use strict";

  const opts = { seconds: 60, cycles: 3000, concurrency: 8, connections: 50, messages: 2000, window: 64,
    opening: 1000, hold: 0, report: 5, url: "/echo", exit: "true" };
  for (const arg of wsjs.args) {
    const i = arg.indexOf("=");
    if (i <= 0 || !(arg.slice(0, i) in opts)) throw new TypeError(`soak: unknown argument '${arg}'`);
    const value = arg.slice(i + 1);
    opts[arg.slice(0, i)] = typeof opts[arg.slice(0, i)] === "number" ? Number(value) : value;
  }

  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const stats = { cycles: 0, cycleFailures: 0, connections: 0, connectionFailures: 0, sent: 0, received: 0,
    lost: 0, duplicated: 0, reordered: 0 };
  const memory = { rssStart: wsjs.memoryUsage().rss, heapStart: wsjs.memoryUsage().heapUsed };
  let phase = "cycles";

  const mib = (bytes) => (bytes / 1048576).toFixed(1);
  function report() {
    const m = wsjs.memoryUsage();
    console.log(`soak t=${((performance.now() - start) / 1000).toFixed(1)}s phase=${phase} cycles=${stats.cycles}`
      + ` open=${stats.connections} sent=${stats.sent} received=${stats.received} lost=${stats.lost}`
      + ` rss=${mib(m.rss)}MiB heapUsed=${mib(m.heapUsed)}MiB`);
  }

  /** A promise of the socket once open; rejected if it fails or the time is up first. */
  function opened(url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.binaryType = "arraybuffer";
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error("connection failed"));
    });
  }

  function closeEvent(ws) {
    return new Promise((resolve) => ws.addEventListener("close", resolve, { once: true }));
  }

  function nextMessage(ws) {
    return new Promise((resolve, reject) => {
      ws.addEventListener("message", (e) => resolve(e.data), { once: true });
      ws.addEventListener("close", () => reject(new Error("closed before the echo")), { once: true });
    });
  }

  async function cycle(n) {
    const ws = await opened(opts.url);
    const text = `cycle ${n}`;
    ws.send(text);
    const echo = await nextMessage(ws);
    const closed = closeEvent(ws);
    ws.close(1000, "done");
    const e = await closed;
    if (echo !== text || !e.wasClean || e.code !== 1000) throw new Error(`cycle ${n}: echo '${echo}', close ${e.code}`);
  }

  async function cycles() {
    const phaseEnd = start + opts.seconds * 500;
    let next = 0;
    const worker = async () => {
      while (next < opts.cycles && performance.now() < phaseEnd) {
        const n = next++;
        try {
          await cycle(n);
          stats.cycles++;
        } catch (error) {
          stats.cycleFailures++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  }

  /** One connection of phase 2: sends 0..messages-1 with a window, checks every echo. */
  function exchange(ws, id) {
    return new Promise((resolve) => {
      const seen = new Uint8Array(opts.messages);
      let sent = 0;
      let distinct = 0;
      let expected = 0;
      const send = () => {
        while (sent < opts.messages && sent - distinct < opts.window && ws.readyState === WebSocket.OPEN) {
          if (sent % 2 === 0) ws.send(`${id}:${sent}`);
          else ws.send(new Uint32Array([id, sent]));
          sent++;
          stats.sent++;
        }
      };
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        unfinished.delete(finish);
        stats.lost += sent - distinct;
        resolve();
      };
      unfinished.add(finish);
      ws.onmessage = (e) => {
        let conn;
        let seq;
        if (typeof e.data === "string") [conn, seq] = e.data.split(":").map(Number);
        else [conn, seq] = new Uint32Array(e.data);
        if (conn !== id || !(seq >= 0 && seq < opts.messages)) {
          stats.duplicated++; // an echo that was never sent on this connection
          return;
        }
        if (seen[seq]) {
          stats.duplicated++;
          return;
        }
        seen[seq] = 1;
        distinct++;
        stats.received++;
        if (seq !== expected) stats.reordered++;
        expected = seq + 1;
        if (distinct === opts.messages) finish();
        else send();
      };
      ws.onclose = finish;
      send();
    });
  }

  /** Exchanges still waiting for echoes; one timer (not one per connection) applies the time bound. */
  const unfinished = new Set();

  async function concurrent() {
    const sockets = [];
    let next = 0;
    const opener = async () => {
      while (next < opts.connections) {
        next++;
        try {
          sockets.push(await opened(opts.url));
          stats.connections++;
        } catch {
          stats.connectionFailures++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.opening, opts.connections) }, opener));
    phase = "messages";
    report();
    // The time bound: stop waiting for echoes that did not come.
    const timer = setInterval(() => {
      if (performance.now() >= deadline) for (const finish of [...unfinished]) finish();
    }, 250);
    await Promise.all(sockets.map((ws, id) => exchange(ws, id)));
    clearInterval(timer);
    phase = "closing";
    await Promise.all(sockets.map((ws) => {
      const closed = closeEvent(ws);
      ws.close(1000);
      return closed;
    }));
  }

  const ticker = setInterval(report, opts.report * 1000);
  globalThis.soakResult = (async () => {
    await cycles();
    phase = "opening";
    report();
    await concurrent();
    phase = "closed";
    report();
    if (opts.hold > 0) await new Promise((resolve) => setTimeout(resolve, opts.hold * 1000));
    phase = "done";
    clearInterval(ticker);
    report();
    const end = wsjs.memoryUsage();
    const result = { ...stats, seconds: Number(((performance.now() - start) / 1000).toFixed(1)),
      rssStartMiB: Number(mib(memory.rssStart)), rssEndMiB: Number(mib(end.rss)),
      heapStartMiB: Number(mib(memory.heapStart)), heapEndMiB: Number(mib(end.heapUsed)) };
    result.ok = result.cycleFailures === 0 && result.connectionFailures === 0 && result.lost === 0
      && result.duplicated === 0 && result.reordered === 0;
    console.log("soak result " + JSON.stringify(result));
    if (opts.exit === "true") wsjs.exit(result.ok ? 0 : 1);
    return result;
  })();
})();

// META: servers=ws-plain
// META: timeout=long
// Backpressure in both directions. bufferedAmount is "the number of bytes of application data …
// queued using send() but … not yet … transmitted to the network"
// (https://websockets.spec.whatwg.org/#dom-websocket-bufferedamount): when the peer stops reading it
// grows, and falls again as the peer catches up. The other way, a peer that sends faster than the
// script handles messages is slowed down by TCP (the runtime stops reading), and no message is lost.

// The server does not take permessage-deflate: the bytes sent are the bytes on the wire.
const WS = SERVERS["ws-plain"];
const MiB = 1024 * 1024;

function opened(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error("connection failed"));
  });
}

function nextMessage(ws) {
  return new Promise((resolve) => ws.addEventListener("message", (e) => resolve(e.data), { once: true }));
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

promise_test(async (t) => {
  const ws = await opened(WS + "/stall?ms=2500");
  t.add_cleanup(() => ws.close());
  const chunk = new Uint8Array(MiB);
  const total = 48 * MiB;
  for (let sent = 0; sent < total; sent += chunk.length) ws.send(chunk);
  assert_equals(ws.bufferedAmount, total, "everything sent in this task counts");
  await delay(800);
  const stalled = ws.bufferedAmount;
  assert_greater_than(stalled, 4 * MiB, "the server reads nothing: the bytes wait in the runtime");
  let last = stalled;
  while (ws.bufferedAmount > 0) {
    assert_less_than_equal(ws.bufferedAmount, last, "bufferedAmount only falls while nothing is sent");
    last = ws.bufferedAmount;
    await delay(50);
  }
  ws.send("total");
  assert_equals(Number(await nextMessage(ws)), total, "the server got every byte");
}, "a server that stops reading: bufferedAmount grows, then falls to 0 as it catches up");

promise_test(async (t) => {
  const count = 128;
  const ws = new WebSocket(WS + `/flood?count=${count}&size=${MiB}`);
  ws.binaryType = "arraybuffer";
  t.add_cleanup(() => ws.close());
  const queued = await new Promise((resolve, reject) => {
    let next = 0;
    ws.onmessage = (e) => {
      if (typeof e.data === "string") {
        if (next !== count) reject(new Error(`the answer overtook message ${next}`));
        resolve(Number(e.data));
        return;
      }
      const index = new DataView(e.data).getInt32(0);
      if (index !== next || e.data.byteLength !== MiB) reject(new Error(`message ${index} (${e.data.byteLength} bytes) where ${next} was due`));
      next++;
      if (next === 1) {
        // A script busy with the first message: the runtime must not read the rest into memory meanwhile.
        const until = performance.now() + 1000;
        while (performance.now() < until);
        ws.send("queued");
      }
    };
    ws.onclose = () => reject(new Error("closed early"));
  });
  // Kernel buffers and the runtime's own read-ahead hold some tens of MiB at most; a reader without
  // limit would have taken nearly all of it in a second.
  assert_greater_than(queued, 64 * MiB, `of ${count} MiB the server had this much not yet written while the script was busy`);
}, "a server that floods faster than the script handles messages is held back; every message arrives in order");

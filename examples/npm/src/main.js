// Plain browser code that uses two npm WebSocket clients, unmodified. esbuild bundles it with the
// packages into one classic script (see build.sh), which wsjs runs like any other:
//   examples/npm/build.sh
//   ./wsjs --serve examples/npm/dist/npm-clients.bundle.js
// The page's origin is the embedded server (`--serve`), so relative URLs reach its routes.

import ReconnectingWebSocket from "reconnecting-websocket";
import { PartySocket } from "partysocket";

const origin = new URL(location.href);

// 1. reconnecting-websocket on a feed that drops every connection after 4 ticks. The URL is a
//    function, called before each (re)connect, so the client resumes after the last tick it saw.
async function ticksThroughDrops(until) {
  let last = 0;
  let opens = 0;
  const seen = [];
  const rws = new ReconnectingWebSocket(
    () => new URL(`/ticks?since=${last}&dropAfter=4`, origin).href,
    [],
    { minReconnectionDelay: 50, maxReconnectionDelay: 400, reconnectionDelayGrowFactor: 2, maxRetries: 20 },
  );
  rws.addEventListener("open", () => opens++);
  await new Promise((resolve, reject) => {
    rws.addEventListener("message", (event) => {
      const tick = JSON.parse(event.data);
      seen.push(tick.seq);
      last = tick.seq;
      if (last >= until) resolve();
    });
    rws.addEventListener("error", () => {
      if (rws.retryCount >= 20) reject(new Error("reconnecting-websocket gave up"));
    });
  });
  rws.close(1000, "enough");
  const inOrder = seen.every((seq, i) => seq === i + 1);
  console.log(`reconnecting-websocket: ticks 1..${last} in order, none twice: ${inOrder}; connections: ${opens}`);
}

// 2. PartySocket: two clients in a room (the embedded /broadcast route). A message sent before the
//    socket is open waits in PartySocket's queue and goes out on open.
async function partyRoom() {
  const options = { host: origin.host, basePath: "broadcast", protocol: "ws" };
  const alice = new PartySocket({ ...options, id: "alice" });
  const bob = new PartySocket({ ...options, id: "bob" });
  const heard = new Promise((resolve) => {
    bob.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (message.from === "alice") resolve(message);
    });
  });
  await new Promise((resolve) => bob.addEventListener("open", resolve, { once: true }));
  alice.send(JSON.stringify({ from: "alice", text: "sent before open" })); // queued by PartySocket
  const message = await heard;
  console.log(`partysocket: bob heard "${message.text}" from ${message.from} at ${new URL(alice.url).pathname} (id ${alice.id})`);
  alice.close();
  bob.close();
}

main();

async function main() {
  try {
    await ticksThroughDrops(10);
    await partyRoom();
    console.log("npm clients: done");
  } catch (e) {
    console.error(`npm clients failed: ${e.stack ?? e}`);
    wsjs.exit(1);
  }
}

// META: servers=ws
// META: timeout=long
// META: limits=maxOpenWebSockets:2,maxQueuedOutgoingBytes:4096
// The embedder's WebSocket limits as a script sees them. Neither is a step of the standard, so no
// constructor or send() throws for them: a WebSocket over the open-socket limit fails its
// connection, and a send() over the outgoing buffer cap "flags the WebSocket as full" — both end
// with an error event, then a close event with code 1006.

const ECHO = SERVERS.ws + "/echo";

function opened(url = ECHO) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error("connection failed"));
  });
}

function closeEvent(ws) {
  return new Promise((resolve) => ws.addEventListener("close", resolve, { once: true }));
}

function nextMessage(ws) {
  return new Promise((resolve) => ws.addEventListener("message", (e) => resolve(e.data), { once: true }));
}

/** Closes and waits for the close event: only then does the socket stop counting against the limit. */
async function closed(ws) {
  if (ws.readyState === WebSocket.CLOSED) return;
  const done = closeEvent(ws);
  ws.close();
  await done;
}

/** The events a failing socket fires, in order, with the close event's fields. */
function failureEvents(ws, t) {
  const events = [];
  ws.onopen = t.unreached_func("no open event");
  ws.onerror = () => events.push("error");
  return closeEvent(ws).then((e) => {
    events.push(`close ${e.code} ${e.wasClean}`);
    return events;
  });
}

promise_test(async (t) => {
  const ws = await opened();
  ws.binaryType = "arraybuffer";
  ws.send("x".repeat(1000));
  assert_equals(await nextMessage(ws), "x".repeat(1000), "below the cap, messages go through");
  // The echo can overtake the writer's report that the 1000 bytes left (another thread): wait for
  // the report, so the count below is the next send's alone.
  while (ws.bufferedAmount !== 0) await new Promise((r) => setTimeout(r, 5));
  const events = [];
  ws.onerror = () => events.push("error");
  const done = closeEvent(ws);
  ws.send(new Uint8Array(8192));
  assert_equals(ws.readyState, WebSocket.OPEN, "the failure is queued, not synchronous");
  assert_equals(ws.bufferedAmount, 8192, "a send that does not throw counts its bytes");
  const e = await done;
  events.push(`close ${e.code} ${e.wasClean}`);
  assert_array_equals(events, ["error", "close 1006 false"]);
  assert_equals(ws.readyState, WebSocket.CLOSED);
}, "a send() over maxQueuedOutgoingBytes fails the connection: error, then close 1006");

promise_test(async () => {
  const full = await opened();
  const other = await opened();
  const done = closeEvent(full);
  full.send("y".repeat(5000));
  assert_equals((await done).code, 1006);
  other.send("still fine");
  assert_equals(await nextMessage(other), "still fine", "the cap is per WebSocket");
  await closed(other);
}, "a full WebSocket does not affect another one of the same runtime");

promise_test(async (t) => {
  const a = await opened();
  const b = await opened();
  let c;
  try {
    c = new WebSocket(ECHO);
  } catch (e) {
    assert_unreached("the constructor threw " + e);
  }
  assert_equals(c.readyState, WebSocket.CONNECTING);
  assert_throws_dom("InvalidStateError", () => c.send("x"), "send() while CONNECTING throws as usual");
  assert_array_equals(await failureEvents(c, t), ["error", "close 1006 false"]);
  assert_equals(a.readyState, WebSocket.OPEN, "the open ones go on");
  a.send("a");
  assert_equals(await nextMessage(a), "a");
  await closed(a);
  await closed(b);
}, "a WebSocket over maxOpenWebSockets fails its connection: error, then close 1006");

promise_test(async () => {
  const a = await opened();
  const b = await opened();
  await closed(a);
  const c = await opened();
  c.send("c");
  assert_equals(await nextMessage(c), "c", "a slot frees once a WebSocket's close event ran");
  await closed(b);
  await closed(c);
}, "closing a WebSocket frees its slot for a new one");

promise_test(async (t) => {
  const a = await opened();
  const b = new WebSocket(ECHO);
  const c = new WebSocket(ECHO);
  const bOpen = new Promise((resolve) => { b.onopen = resolve; });
  assert_array_equals(await failureEvents(c, t), ["error", "close 1006 false"],
    "a connecting WebSocket counts too");
  await bOpen;
  await closed(a);
  await closed(b);
}, "connecting WebSockets count against the limit");

// META: servers=ws
// close() (https://websockets.spec.whatwg.org/#dom-websocket-close) and the close event.

const ECHO = SERVERS.ws + "/echo";

function closeEvent(ws) {
  return new Promise((resolve) => ws.addEventListener("close", resolve, { once: true }));
}

function opened(url = ECHO) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error("connection failed"));
  });
}

promise_test(async () => {
  const ws = await opened();
  const closed = closeEvent(ws);
  ws.close(1000, "done here");
  assert_equals(ws.readyState, WebSocket.CLOSING);
  const e = await closed;
  assert_equals(e.code, 1000);
  assert_equals(e.reason, "done here");
  assert_true(e.wasClean);
  assert_equals(ws.readyState, WebSocket.CLOSED);
}, "close(1000, reason): the echoed code and reason arrive, wasClean");

promise_test(async () => {
  const ws = await opened();
  const closed = closeEvent(ws);
  ws.close(4999, "é".repeat(61) + "x");
  const e = await closed;
  assert_equals(e.code, 4999);
  assert_equals(e.reason, "é".repeat(61) + "x", "123 UTF-8 bytes is the maximum");
}, "close(4999) with a 123-byte reason");

promise_test(async () => {
  const ws = await opened();
  const closed = closeEvent(ws);
  ws.close();
  const e = await closed;
  assert_equals(e.code, 1005, "a close frame without body: the server answers without a code");
  assert_equals(e.reason, "");
  assert_true(e.wasClean);
}, "close() with no arguments sends a close frame with no body (1005)");

promise_test(async () => {
  const ws = await opened();
  for (const code of [0, 999, 1001, 1005, 1006, 2999, 5000, 65535]) {
    assert_throws_dom("InvalidAccessError", () => ws.close(code), String(code));
  }
  assert_throws_dom("InvalidAccessError", () => ws.close("only a reason"), "a string code converts to 0");
  assert_throws_dom("InvalidAccessError", () => ws.close(70000), "[Clamp] makes 70000 65535");
  assert_throws_dom("SyntaxError", () => ws.close(1000, "x".repeat(124)));
  assert_throws_dom("SyntaxError", () => ws.close(1000, "€".repeat(42)), "126 UTF-8 bytes");
  assert_equals(ws.readyState, WebSocket.OPEN, "nothing happened");
  const closed = closeEvent(ws);
  ws.close(3000.6);
  assert_equals((await closed).code, 3001, "[Clamp] rounds to the nearest integer");
}, "invalid codes throw InvalidAccessError, long reasons SyntaxError");

promise_test(async (t) => {
  const ws = new WebSocket(ECHO);
  const events = [];
  ws.onopen = t.unreached_func("no open after close() while CONNECTING");
  ws.onerror = () => events.push("error");
  const closed = closeEvent(ws);
  ws.close();
  assert_equals(ws.readyState, WebSocket.CLOSING);
  const e = await closed;
  events.push("close");
  assert_array_equals(events, ["error", "close"]);
  assert_equals(e.code, 1006);
  assert_false(e.wasClean);
  assert_equals(ws.readyState, WebSocket.CLOSED);
}, "close() while CONNECTING fails the connection: error, then close 1006");

promise_test(async () => {
  const ws = await opened();
  const closed = closeEvent(ws);
  ws.close(1000);
  ws.close(3000, "ignored");
  const e = await closed;
  assert_equals(e.code, 1000);
  ws.close();
  assert_equals(ws.readyState, WebSocket.CLOSED, "close() on a CLOSED socket does nothing");
}, "close() while CLOSING or CLOSED does nothing");

promise_test(async () => {
  const ws = new WebSocket(SERVERS.ws + "/close?code=4321&reason=" + encodeURIComponent("server said ✓"));
  const e = await closeEvent(ws);
  assert_equals(e.code, 4321);
  assert_equals(e.reason, "server said ✓");
  assert_true(e.wasClean);
}, "a server-initiated close delivers its code and reason");

promise_test(async () => {
  const ws = new WebSocket(SERVERS.ws + "/close-empty");
  const e = await closeEvent(ws);
  assert_equals(e.code, 1005);
  assert_equals(e.reason, "");
  assert_true(e.wasClean);
}, "a server close frame without a code gives 1005");

promise_test(async () => {
  const ws = new WebSocket(SERVERS.ws + "/abort");
  let opened = false;
  ws.onopen = () => (opened = true);
  const e = await closeEvent(ws);
  assert_true(opened);
  assert_equals(e.code, 1006);
  assert_false(e.wasClean);
  assert_equals(e.reason, "");
}, "a connection dropped without a closing handshake closes with 1006, not clean");

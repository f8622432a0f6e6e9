// META: servers=ws
// META: timeout=long
// WebSocketStream and WebSocketError (https://websockets.spec.whatwg.org/#the-websocketstream-interface)
// against the test WebSocket server.

const ECHO = SERVERS.ws + "/echo";

test(() => {
  assert_throws_js(TypeError, () => new WebSocketStream(), "url is required");
  assert_throws_dom("SyntaxError", () => new WebSocketStream("ftp://127.0.0.1/"));
  assert_throws_dom("SyntaxError", () => new WebSocketStream(ECHO + "#frag"));
  assert_throws_js(TypeError, () => new WebSocketStream(ECHO, { protocols: "one" }), "protocols is a sequence");
  assert_throws_dom("SyntaxError", () => new WebSocketStream(ECHO, { protocols: ["a", "a"] }));
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(WebSocketStream.prototype, "url").get.call({}));
  assert_equals(Object.prototype.toString.call(WebSocketStream.prototype), "[object WebSocketStream]");
}, "constructor argument checks");

test(() => {
  const plain = new WebSocketError();
  assert_true(plain instanceof DOMException);
  assert_equals(plain.name, "WebSocketError");
  assert_equals(plain.code, 0);
  assert_equals(plain.closeCode, null);
  assert_equals(plain.reason, "");
  const withReason = new WebSocketError("msg", { reason: "bye" });
  assert_equals(withReason.message, "msg");
  assert_equals(withReason.closeCode, 1000, "a reason without a code means 1000");
  assert_throws_dom("InvalidAccessError", () => new WebSocketError("", { closeCode: 1006 }));
  assert_throws_dom("SyntaxError", () => new WebSocketError("", { reason: "é".repeat(62) }), "124 UTF-8 bytes");
  assert_throws_js(TypeError, () => new WebSocketError("", { closeCode: 70000 }), "[EnforceRange]");
}, "WebSocketError");

promise_test(async () => {
  const wss = new WebSocketStream(ECHO, { protocols: ["chat"] });
  assert_equals(wss.url, ECHO);
  const { readable, writable, protocol, extensions } = await wss.opened;
  assert_equals(protocol, "chat");
  assert_equals(typeof extensions, "string");
  assert_true(readable instanceof ReadableStream);
  assert_true(writable instanceof WritableStream);
  const writer = writable.getWriter();
  const reader = readable.getReader();
  await writer.write("héllo 𝄞");
  await writer.write(new Uint8Array([1, 2, 3]).subarray(1));
  await writer.write(new Uint16Array([0x0201]).buffer);
  const text = await reader.read();
  assert_equals(text.value, "héllo 𝄞", "text messages are strings");
  const view = await reader.read();
  assert_equals(view.value.constructor, Uint8Array, "binary messages are Uint8Arrays");
  assert_array_equals(view.value, [2, 3], "a view sends only its own bytes");
  assert_array_equals((await reader.read()).value, [1, 2]);
  await promise_rejects_js(null, TypeError, writer.write({ toString() { return this; } }), "a value that cannot become a string");
}, "messages round-trip through the readable and writable");

promise_test(async () => {
  const wss = new WebSocketStream(ECHO);
  await wss.opened;
  assert_throws_dom("InvalidAccessError", () => wss.close({ closeCode: 1001 }));
  assert_throws_dom("SyntaxError", () => wss.close({ reason: "x".repeat(124) }));
  assert_throws_js(TypeError, () => wss.close(true));
  wss.close({ closeCode: 3001, reason: "done" });
  const { closeCode, reason } = await wss.closed;
  assert_equals(closeCode, 3001);
  assert_equals(reason, "done");
}, "close() with a code and reason closes cleanly with them");

promise_test(async () => {
  const wss = new WebSocketStream(ECHO);
  const { writable } = await wss.opened;
  writable.getWriter().close();
  const info = await wss.closed;
  assert_equals(info.closeCode, 1005, "closing the writable sends a Close frame without a body");
}, "closing the writable closes the connection");

promise_test(async () => {
  const wss = new WebSocketStream(ECHO);
  const { readable } = await wss.opened;
  await readable.cancel(new WebSocketError("", { closeCode: 4001, reason: "cancel" }));
  const { closeCode, reason } = await wss.closed;
  assert_equals(closeCode, 4001);
  assert_equals(reason, "cancel");
}, "canceling the readable with a WebSocketError uses its code and reason");

promise_test(async () => {
  const wss = new WebSocketStream(SERVERS.ws + "/close?code=4000&reason=server");
  const { readable, writable } = await wss.opened;
  const { closeCode, reason } = await wss.closed;
  assert_equals(closeCode, 4000);
  assert_equals(reason, "server");
  assert_true((await readable.getReader().read()).done, "the readable is closed");
  await promise_rejects_dom(null, "InvalidStateError", writable.getWriter().ready, "the writable is errored");
}, "a clean close by the server closes the readable and errors the writable");

promise_test(async () => {
  const wss = new WebSocketStream(SERVERS.ws + "/abort");
  const { readable, writable } = await wss.opened;
  const error = await wss.closed.then(() => assert_unreached("closed should reject"), (e) => e);
  assert_equals(error.constructor, WebSocketError);
  assert_equals(error.closeCode, 1006);
  await promise_rejects_exactly(null, error, readable.getReader().read());
  await promise_rejects_exactly(null, error, writable.getWriter().ready);
}, "an abrupt close errors both streams with the closed promise's WebSocketError");

promise_test(async () => {
  const wss = new WebSocketStream(SERVERS.ws + "/reject?status=404");
  const opened = await wss.opened.then(() => assert_unreached("opened should reject"), (e) => e);
  assert_equals(opened.constructor, WebSocketError);
  const closed = await wss.closed.then(() => assert_unreached("closed should reject"), (e) => e);
  assert_equals(closed.closeCode, 1006);
}, "a failed handshake rejects opened and closed");

promise_test(async () => {
  const controller = new AbortController();
  const wss = new WebSocketStream(SERVERS.ws + "/slow?ms=2000", { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await promise_rejects_dom(null, "AbortError", wss.opened);
  await promise_rejects_dom(null, "AbortError", wss.closed);

  const already = new WebSocketStream(ECHO, { signal: AbortSignal.abort() });
  await promise_rejects_dom(null, "AbortError", already.opened, "an aborted signal rejects at once");
}, "the signal aborts the handshake");

promise_test(async () => {
  // 48 messages of 256 KiB (12 MiB) exceed the transport's receive high-water mark: the transport
  // pauses while nobody reads, and every message still arrives intact once the reader catches up.
  const count = 48;
  const size = 262144;
  const wss = new WebSocketStream(`${SERVERS.ws}/send?count=${count}&size=${size}`);
  const { readable } = await wss.opened;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const reader = readable.getReader();
  for (let i = 0; i < count; i++) {
    const { value, done } = await reader.read();
    assert_false(done, `message ${i} arrives`);
    assert_equals(value.length, size);
    assert_equals(value[0], i & 255, `message ${i} in order`);
    assert_equals(value[size - 1], i & 255);
  }
  wss.close();
  await wss.closed;
}, "a slow reader gets every message once it reads (receive backpressure)");

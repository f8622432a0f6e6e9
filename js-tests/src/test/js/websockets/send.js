// META: servers=ws
// META: timeout=long
// send() (https://websockets.spec.whatwg.org/#dom-websocket-send) against an echo server.

const ECHO = SERVERS.ws + "/echo";

function opened(t, url = ECHO) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error("connection failed"));
    t.add_cleanup(() => ws.close());
  });
}

function nextMessage(ws) {
  return new Promise((resolve) => ws.addEventListener("message", (e) => resolve(e.data), { once: true }));
}

function bytes(buffer) {
  return Array.from(new Uint8Array(buffer));
}

test(() => {
  const ws = new WebSocket(ECHO);
  assert_throws_dom("InvalidStateError", () => ws.send("too early"));
  assert_equals(ws.bufferedAmount, 0, "a send that throws does not count");
  assert_throws_js(TypeError, () => ws.send());
  ws.close();
}, "send() while CONNECTING throws InvalidStateError (after argument conversion)");

promise_test(async (t) => {
  const ws = await opened(t);
  ws.send("héllo wörld €𝄞");
  assert_equals(await nextMessage(ws), "héllo wörld €𝄞");
}, "a text message round trip keeps every code point");

promise_test(async (t) => {
  const ws = await opened(t);
  ws.send("a\uD800b\uDC00c");
  assert_equals(await nextMessage(ws), "a\uFFFDb\uFFFDc");
}, "lone surrogates are sent as U+FFFD (USVString)");

promise_test(async (t) => {
  const ws = await opened(t);
  ws.send("");
  assert_equals(await nextMessage(ws), "");
  ws.send(new ArrayBuffer(0));
  assert_equals((await nextMessage(ws)).byteLength, 0);
}, "empty text and binary messages");

promise_test(async (t) => {
  const ws = await opened(t);
  const buffer = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).buffer;
  ws.send(buffer);
  assert_array_equals(bytes(await nextMessage(ws)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  ws.send(new Uint8Array(buffer, 2, 3));
  assert_array_equals(bytes(await nextMessage(ws)), [2, 3, 4], "a view honours offset and length");
  ws.send(new Uint16Array(buffer, 4, 2));
  assert_array_equals(bytes(await nextMessage(ws)), [4, 5, 6, 7]);
  ws.send(new DataView(buffer, 8));
  assert_array_equals(bytes(await nextMessage(ws)), [8, 9]);
  const f64 = new Float64Array([1.5]);
  ws.send(f64);
  assert_equals(new Float64Array(await nextMessage(ws))[0], 1.5);
}, "ArrayBuffers and every kind of view are sent as their bytes");

promise_test(async (t) => {
  const ws = await opened(t);
  const data = new Uint8Array([1, 2, 3]);
  ws.send(data);
  data[0] = 99; // mutating after send must not change what was sent
  assert_array_equals(bytes(await nextMessage(ws)), [1, 2, 3]);
}, "send() takes the bytes at call time");

promise_test(async (t) => {
  const ws = await opened(t);
  ws.send(new Blob(["blob ", new Uint8Array([65, 66])]));
  assert_equals(new TextDecoder().decode(await nextMessage(ws)), "blob AB");
}, "a Blob is sent as a binary message of its bytes");

promise_test(async (t) => {
  const ws = await opened(t);
  const got = [];
  const all = new Promise((resolve) => {
    ws.onmessage = (e) => {
      got.push(typeof e.data === "string" ? e.data : bytes(e.data).join("."));
      if (got.length === 5) resolve();
    };
  });
  ws.send("1");
  ws.send(new Uint8Array([2]));
  ws.send(new Blob(["3"]));
  ws.send(new Uint8Array([4]).buffer);
  ws.send("5");
  await all;
  assert_array_equals(got, ["1", "2", "51", "4", "5"]);
}, "order is preserved across strings, views, Blobs and ArrayBuffers");

promise_test(async (t) => {
  const ws = await opened(t);
  const big = new Uint8Array(1024 * 1024);
  for (let offset = 0; offset < big.length; offset += 65536) {
    crypto.getRandomValues(big.subarray(offset, offset + 65536));
  }
  ws.send(big);
  const echoed = new Uint8Array(await nextMessage(ws));
  assert_equals(echoed.length, big.length);
  let same = true;
  for (let i = 0; i < big.length; i += 4099) if (echoed[i] !== big[i]) same = false;
  assert_true(same, "the payload survived");
}, "a 1 MiB message round trip");

promise_test(async (t) => {
  const ws = await opened(t);
  const big = new Uint8Array(100 * 1024).map((_, i) => (i * 7) & 0xff);
  ws.send(big);
  const received = await nextMessage(ws);
  assert_true(received instanceof ArrayBuffer);
  assert_false(received.detached);
  const moved = structuredClone(received, { transfer: [received] });
  assert_equals(received.byteLength, 0, "a received ArrayBuffer can be transferred (detached)");
  assert_equals(moved.byteLength, big.length);
  assert_array_equals(new Uint8Array(moved).subarray(99 * 1024), big.subarray(99 * 1024));

  ws.binaryType = "blob";
  ws.send(big);
  const blob = await nextMessage(ws);
  assert_true(blob instanceof Blob);
  assert_equals(blob.size, big.length);
  assert_array_equals(new Uint8Array(await blob.arrayBuffer()).subarray(0, 1024), big.subarray(0, 1024));
}, "a large received message is an ordinary ArrayBuffer (transferable) or a Blob with the same bytes");

promise_test(async (t) => {
  const ws = await opened(t);
  ws.send("abc");
  ws.send("é€");
  ws.send(new Uint8Array(10));
  assert_equals(ws.bufferedAmount, 3 + 2 + 3 + 10, "UTF-8 bytes and binary bytes of this task");
  const before = ws.bufferedAmount;
  assert_equals(ws.bufferedAmount, before, "stable within a task");
  await nextMessage(ws);
  await new Promise((r) => setTimeout(r, 50));
  assert_equals(ws.bufferedAmount, 0, "falls to 0 once transmitted, seen in a later task");
}, "bufferedAmount counts queued payload bytes and falls at task boundaries");

promise_test(async (t) => {
  const ws = await opened(t);
  const closed = new Promise((r) => (ws.onclose = r));
  ws.close();
  ws.send("1234");
  assert_equals(ws.bufferedAmount, 4, "grows while CLOSING");
  await closed;
  ws.send(new Uint8Array(6));
  assert_equals(ws.bufferedAmount, 10, "and while CLOSED; it never resets");
}, "send() after close() does not throw and still counts in bufferedAmount");

promise_test(async (t) => {
  const ws = await opened(t);
  ws.send("𝄞");
  ws.send("a\uD800");
  assert_equals(ws.bufferedAmount, 4 + 1 + 3, "a surrogate pair is 4 bytes, a lone surrogate becomes U+FFFD (3)");
  await nextMessage(ws);
  await nextMessage(ws);
  const closed = new Promise((r) => (ws.onclose = r));
  ws.close();
  await closed;
  ws.send("𝄞");
  ws.send("a\uD800");
  assert_equals(ws.bufferedAmount, 8, "the same count when nothing is sent any more");
}, "bufferedAmount counts text as UTF-8 bytes whether or not the message is sent");

promise_test(async (t) => {
  const ws = await opened(t);
  let consulted = false;
  const species = Object.getOwnPropertyDescriptor(ArrayBuffer, Symbol.species);
  const constructor = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "constructor");
  Object.defineProperty(ArrayBuffer, Symbol.species, { configurable: true, get() { consulted = true; return ArrayBuffer; } });
  Object.defineProperty(ArrayBuffer.prototype, "constructor", { configurable: true, get() { consulted = true; return ArrayBuffer; } });
  t.add_cleanup(() => {
    Object.defineProperty(ArrayBuffer, Symbol.species, species);
    Object.defineProperty(ArrayBuffer.prototype, "constructor", constructor);
  });
  ws.send(new Uint8Array([7, 8, 9]));
  ws.send(new Uint8Array([7, 8, 9]));
  const first = await nextMessage(ws);
  const second = await nextMessage(ws);
  assert_false(consulted, "no script-visible hook is consulted");
  assert_true(first instanceof ArrayBuffer && second instanceof ArrayBuffer);
  assert_not_equals(first, second, "every message gets its own buffer");
  assert_array_equals(bytes(first), [7, 8, 9]);
  const moved = structuredClone(first, { transfer: [first] });
  assert_equals(first.byteLength, 0, "transferable: the original is detached");
  assert_array_equals(bytes(moved), [7, 8, 9]);
  assert_array_equals(bytes(second), [7, 8, 9], "the other message is untouched");
}, "a binary message arrives as an ordinary, transferable ArrayBuffer of its own");

// META: servers=ws
// Feedback from the protocol (https://websockets.spec.whatwg.org/#feedback-from-the-protocol):
// every event is queued as a task, never fired synchronously.

const ECHO = SERVERS.ws + "/echo";

async_test((t) => {
  const ws = new WebSocket(ECHO);
  // Listeners added after the constructor, in the same task, still see open.
  ws.addEventListener("open", t.step_func((e) => {
    assert_equals(e.constructor, Event);
    assert_true(e.isTrusted);
    assert_equals(e.type, "open");
    assert_false(e.bubbles);
    assert_false(e.cancelable);
    assert_equals(ws.readyState, WebSocket.OPEN);
    ws.close();
  }));
  ws.addEventListener("close", t.step_func_done());
}, "open is a trusted plain Event fired when the ready state is OPEN");

async_test((t) => {
  const ws = new WebSocket(ECHO);
  ws.onopen = t.step_func(() => ws.send("hi"));
  ws.onmessage = t.step_func((e) => {
    assert_true(e instanceof MessageEvent);
    assert_true(e.isTrusted);
    assert_equals(e.data, "hi");
    assert_equals(e.origin, SERVERS.ws);
    assert_equals(e.lastEventId, "");
    assert_equals(e.source, null);
    assert_array_equals(e.ports, []);
    ws.close();
  });
  ws.onclose = t.step_func_done((e) => {
    assert_true(e instanceof CloseEvent);
    assert_true(e.isTrusted);
    assert_equals(ws.readyState, WebSocket.CLOSED);
  });
}, "message is a MessageEvent whose origin is the WebSocket URL's origin");

async_test((t) => {
  const ws = new WebSocket(ECHO);
  const order = [];
  ws.onopen = t.step_func(() => {
    order.push("open");
    ws.close(1000);
    assert_equals(ws.readyState, WebSocket.CLOSING, "close() sets CLOSING at once");
    order.push("after close()");
  });
  ws.onclose = t.step_func_done(() => {
    order.push("close");
    assert_array_equals(order, ["open", "after close()", "close"]);
  });
}, "close() does not fire close synchronously");

async_test((t) => {
  const ws = new WebSocket(ECHO);
  ws.onopen = t.step_func(() => {
    ws.onmessage = "not callable";
    assert_equals(ws.onmessage, null, "a non-callable handler becomes null");
    const order = [];
    ws.addEventListener("message", () => order.push("listener 1"));
    ws.onmessage = () => order.push("handler");
    ws.addEventListener("message", t.step_func(() => {
      order.push("listener 2");
      assert_array_equals(order, ["listener 1", "handler", "listener 2"]);
      ws.close();
    }));
    ws.send("x");
  });
  ws.onclose = t.step_func_done();
}, "event handler attributes keep their place among listeners");

async_test((t) => {
  const ws = new WebSocket(SERVERS.ws + "/send?count=3&size=4");
  ws.binaryType = "arraybuffer";
  let seen = 0;
  ws.onmessage = t.step_func((e) => {
    seen++;
    // Closing makes the ready state CLOSING: messages already queued are no longer fired.
    ws.close();
  });
  ws.onclose = t.step_func_done(() => {
    assert_equals(seen, 1, "only the first message fired");
  });
}, "no message event fires unless the ready state is OPEN");

async_test((t) => {
  const ws = new WebSocket(ECHO);
  ws.binaryType = "arraybuffer";
  const received = [];
  ws.onopen = t.step_func(() => {
    ws.send(new Uint8Array([1]));
    ws.send(new Uint8Array([2]));
  });
  ws.onmessage = t.step_func((e) => {
    received.push(e.data);
    // binaryType at dispatch time, not at arrival, decides the type.
    ws.binaryType = "blob";
    if (received.length === 2) ws.close();
  });
  ws.onclose = t.step_func_done(() => {
    assert_true(received[0] instanceof ArrayBuffer, "first as ArrayBuffer");
    assert_true(received[1] instanceof Blob, "second as Blob: binaryType was switched before its dispatch");
  });
}, "binaryType is read when the message event fires");

async_test((t) => {
  const ws = new WebSocket(ECHO);
  ws.onopen = t.step_func(() => {
    globalThis.addEventListener("error", (e) => e.preventDefault(), { once: true });
    ws.send("boom");
  });
  let after = false;
  ws.addEventListener("message", () => { throw new Error("listener failure"); });
  ws.addEventListener("message", t.step_func(() => {
    after = true;
    ws.close();
  }));
  ws.onclose = t.step_func_done(() => assert_true(after, "dispatch went on after a listener threw"));
}, "an exception in a listener is reported and dispatch goes on");

async_test((t) => {
  const ws = new WebSocket(ECHO);
  ws.binaryType = "arraybuffer";
  ws.onopen = t.step_func(() => ws.send(new Uint8Array([7, 8, 9])));
  ws.onmessage = t.step_func((e) => {
    const buffer = e.data;
    const clone = structuredClone(buffer, { transfer: [buffer] });
    assert_equals(buffer.byteLength, 0, "the received buffer was detached by the transfer");
    assert_array_equals(Array.from(new Uint8Array(clone)), [7, 8, 9]);
    ws.close();
  });
  ws.onclose = t.step_func_done();
}, "a received ArrayBuffer is an ordinary, transferable ArrayBuffer");

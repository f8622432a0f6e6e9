// MessageChannel and MessagePort (HTML channel messaging) within one realm.

function nextMessage(port) {
  return new Promise((resolve) => port.addEventListener("message", resolve, { once: true }));
}

test(() => {
  for (const name of ["MessageChannel", "MessagePort"]) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.value, "function", name);
    assert_false(desc.enumerable, `${name} is not enumerable`);
    assert_equals(Object.prototype.toString.call(desc.value.prototype), `[object ${name}]`);
  }
  assert_throws_js(TypeError, () => new MessagePort(), "MessagePort has no constructor");
  const channel = new MessageChannel();
  assert_true(channel.port1 instanceof MessagePort && channel.port1 instanceof EventTarget);
  assert_equals(channel.port1, channel.port1, "the same port each time");
  assert_not_equals(channel.port1, channel.port2);
  assert_equals(MessagePort.prototype.postMessage.length, 1);
  assert_throws_js(TypeError, () => MessagePort.prototype.start.call({}), "brand check");
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(MessageChannel.prototype, "port1").get.call({}));
  assert_throws_js(TypeError, () => channel.port1.postMessage(), "a message is required");
  assert_throws_js(TypeError, () => channel.port1.postMessage(1, 2), "no overload takes a number");
}, "MessageChannel and MessagePort are WebIDL interfaces");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const message = { nested: [1, 2n, new Map([["k", new Date(0)]])] };
  port1.postMessage(message);
  const events = [];
  port2.addEventListener("message", (e) => events.push(e));
  // A port's message queue starts disabled: nothing arrives before start().
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert_equals(events.length, 0, "no message before start()");
  port2.start();
  const event = await nextMessage(port2);
  assert_true(event instanceof MessageEvent);
  assert_true(event.isTrusted);
  assert_not_equals(event.data, message, "a clone");
  assert_equals(event.data.nested[1], 2n);
  assert_equals(event.data.nested[2].get("k").getTime(), 0);
  assert_array_equals(event.ports, []);
  assert_true(Object.isFrozen(event.ports));
}, "a message posted before start() is cloned and delivered once the queue is enabled");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = [];
  const done = new Promise((resolve) => {
    port2.onmessage = (e) => {
      received.push(e.data);
      if (received.length === 3) resolve();
    };
  });
  port1.postMessage("a");
  port1.postMessage("b", []);
  port1.postMessage("c", { transfer: [] });
  await done;
  assert_array_equals(received, ["a", "b", "c"], "in order; setting onmessage starts the port");
}, "setting onmessage enables the queue; both postMessage overloads work");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port2.start();
  const order = [];
  port2.addEventListener("message", (e) => {
    order.push(`message ${e.data}`);
    Promise.resolve().then(() => order.push(`microtask ${e.data}`));
  });
  port1.postMessage(1);
  port1.postMessage(2);
  order.push("posted");
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert_array_equals(order, ["posted", "message 1", "microtask 1", "message 2", "microtask 2"],
    "each message is its own task");
}, "messages are delivered in later tasks, one task each");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const buffer = new Uint8Array([1, 2, 3]).buffer;
  port1.postMessage(buffer, [buffer]);
  assert_equals(buffer.byteLength, 0, "the buffer is detached at once");
  port2.start();
  const event = await nextMessage(port2);
  assert_array_equals(new Uint8Array(event.data), [1, 2, 3]);
}, "an ArrayBuffer in the transfer list is transferred");

promise_test(async () => {
  const a = new MessageChannel();
  const b = new MessageChannel();
  // Messages waiting on b.port2 move with it when it is transferred.
  b.port1.postMessage("waiting");
  a.port1.postMessage({ port: b.port2 }, [b.port2]);
  a.port2.start();
  const event = await nextMessage(a.port2);
  const moved = event.data.port;
  assert_true(moved instanceof MessagePort);
  assert_not_equals(moved, b.port2, "a new port");
  assert_array_equals(event.ports, [moved]);
  assert_throws_dom("DataCloneError", () => a.port1.postMessage(null, [b.port2]), "the old port is detached");
  moved.start();
  assert_equals((await nextMessage(moved)).data, "waiting", "queued messages moved along");
  b.port1.postMessage("after");
  assert_equals((await nextMessage(moved)).data, "after", "the new port is entangled with the other end");
  moved.postMessage("back");
  b.port1.start();
  assert_equals((await nextMessage(b.port1)).data, "back", "and messages go back the other way");
}, "a transferred port carries its queued messages and its entanglement");

test(() => {
  const { port1, port2 } = new MessageChannel();
  assert_throws_dom("DataCloneError", () => port1.postMessage(null, [port1]), "a port cannot transfer itself");
  assert_throws_dom("DataCloneError", () => structuredClone(port1), "a port is not serializable");
  assert_throws_dom("DataCloneError", () => structuredClone(null, { transfer: [port2, port2] }), "listed twice");
  const moved = structuredClone(port2, { transfer: [port2] });
  assert_true(moved instanceof MessagePort);
  assert_not_equals(moved, port2);
}, "DataCloneError cases; structuredClone transfers a port");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port2.start();
  const events = [];
  port2.onmessage = (e) => events.push(e.data);
  port1.close();
  port1.postMessage("lost");
  port2.postMessage("lost too");
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert_array_equals(events, []);
  const { port1: p1, port2: p2 } = new MessageChannel();
  p2.postMessage("x", [p1]);
  p2.onmessage = () => assert_unreached("the target port posted to itself dooms the message");
  await new Promise((resolve) => setTimeout(resolve, 20));
}, "a closed or doomed channel delivers nothing");

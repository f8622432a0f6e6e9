// Transferable streams (https://streams.spec.whatwg.org/#transferrable-streams): a transferred stream
// is a new stream whose chunks travel over a pair of MessagePorts.

async function readAll(readable) {
  const chunks = [];
  for await (const chunk of readable) chunks.push(chunk);
  return chunks;
}

promise_test(async () => {
  const original = new ReadableStream({
    start(controller) {
      controller.enqueue("a");
      controller.enqueue({ n: 1 });
      controller.close();
    },
  });
  const copy = structuredClone(original, { transfer: [original] });
  assert_true(copy instanceof ReadableStream);
  assert_not_equals(copy, original);
  assert_true(original.locked, "the original is piped into the transfer");
  const chunks = await readAll(copy);
  assert_equals(chunks[0], "a");
  assert_equals(chunks[1].n, 1, "chunks are structured clones");
  assert_equals(chunks.length, 2);
}, "a transferred ReadableStream delivers the original's chunks and closes");

promise_test(async (t) => {
  const original = new ReadableStream({
    pull(controller) {
      controller.error(new TypeError("boom"));
    },
  });
  const copy = structuredClone(original, { transfer: [original] });
  await promise_rejects_js(t, TypeError, copy.getReader().read(), "the error arrives as a clone");
}, "a transferred ReadableStream is errored when the original errors");

promise_test(async () => {
  const received = [];
  let closed = false;
  const original = new WritableStream({
    write(chunk) {
      received.push(chunk);
    },
    close() {
      closed = true;
    },
  });
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(original, [original]);
  const event = await new Promise((resolve) => {
    port2.onmessage = resolve;
  });
  const writable = event.data;
  assert_true(writable instanceof WritableStream);
  const writer = writable.getWriter();
  await writer.write("x");
  await writer.write(new Uint8Array([1, 2]));
  await writer.close();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert_equals(received[0], "x");
  assert_array_equals(received[1], [1, 2]);
  assert_true(closed, "close reaches the original");
}, "a WritableStream posted over a MessageChannel writes into the original");

promise_test(async () => {
  const upper = new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk.toUpperCase());
    },
  });
  const moved = structuredClone(upper, { transfer: [upper] });
  assert_true(moved instanceof TransformStream);
  const writer = moved.writable.getWriter();
  writer.write("abc");
  writer.close();
  assert_array_equals(await readAll(moved.readable), ["ABC"]);
}, "a transferred TransformStream transforms through the original");

test(() => {
  const locked = new ReadableStream();
  locked.getReader();
  assert_throws_dom("DataCloneError", () => structuredClone(locked, { transfer: [locked] }), "locked");
  const stream = new ReadableStream();
  structuredClone(stream, { transfer: [stream] });
  assert_throws_dom("DataCloneError", () => structuredClone(stream, { transfer: [stream] }), "already transferred");
  const notListed = new ReadableStream();
  assert_throws_dom("DataCloneError", () => structuredClone(notListed), "a stream is not serializable");
  class Sub extends ReadableStream {}
  const sub = new Sub();
  assert_equals(Object.getPrototypeOf(structuredClone(sub, { transfer: [sub] })), ReadableStream.prototype);
}, "DataCloneError for a locked, transferred or unlisted stream; a subclass arrives as ReadableStream");

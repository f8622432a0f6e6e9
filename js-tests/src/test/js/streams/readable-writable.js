// The Streams Standard (https://streams.spec.whatwg.org/): ReadableStream, WritableStream,
// TransformStream, piping, teeing, async iteration and the queuing strategies.

/** Compares read results and other plain objects by their JSON form. */
function assertSameJSON(actual, expected, description) {
  assert_equals(JSON.stringify(actual), JSON.stringify(expected), description);
}

function collect(stream) {
  return (async () => {
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return chunks;
  })();
}

test(() => {
  for (const name of ["ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamDefaultController",
    "WritableStream", "WritableStreamDefaultWriter", "WritableStreamDefaultController", "TransformStream",
    "TransformStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy"]) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.value, "function", name);
    assert_false(desc.enumerable, `${name} is not enumerable`);
    assert_equals(Object.prototype.toString.call(desc.value.prototype), `[object ${name}]`);
  }
  assert_throws_js(TypeError, () => new ReadableStreamDefaultController(), "no constructor");
  assert_throws_js(TypeError, () => new WritableStreamDefaultController(), "no constructor");
  assert_throws_js(TypeError, () => ReadableStream.prototype.getReader.call({}), "brand check");
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(WritableStream.prototype, "locked").get.call({}));
  assert_true(Object.getOwnPropertyDescriptor(ReadableStream.prototype, "getReader").enumerable, "operations are enumerable");
  assert_equals(ReadableStream.prototype[Symbol.asyncIterator], ReadableStream.prototype.values);
  assert_equals(ReadableStream.prototype.pipeTo.length, 1);
}, "the interfaces are real WebIDL classes with brand checks");

test(() => {
  assert_throws_js(TypeError, () => new ReadableStream(1), "underlyingSource must be an object");
  assert_throws_js(TypeError, () => new ReadableStream({ start: 1 }), "start must be callable");
  assert_throws_js(RangeError, () => new ReadableStream({}, { highWaterMark: -1 }));
  assert_throws_js(RangeError, () => new ReadableStream({}, { highWaterMark: NaN }));
  assert_throws_js(RangeError, () => new WritableStream({ type: "bytes" }));
  assert_throws_js(TypeError, () => new ReadableStream({ type: "nope" }), "invalid enum value");
  assert_throws_js(TypeError, () => new ReadableStream().getReader({ mode: "byob" }), "not a byte stream");
  assert_throws_js(TypeError, () => new ReadableStreamDefaultReader(), "required argument");
}, "constructor argument conversion and validation");

promise_test(async () => {
  let pulls = 0;
  const rs = new ReadableStream({
    start(c) {
      assert_equals(c.desiredSize, 2, "desiredSize starts at the high-water mark");
      c.enqueue("a");
      assert_equals(c.desiredSize, 1);
    },
    pull(c) {
      pulls++;
      if (pulls <= 2) c.enqueue(String.fromCharCode(97 + pulls));
      else c.close();
    },
  }, { highWaterMark: 2 });
  const reader = rs.getReader();
  assert_true(rs.locked);
  assert_throws_js(TypeError, () => rs.getReader(), "a second reader while locked");
  assertSameJSON(await reader.read(), { value: "a", done: false });
  assertSameJSON(await reader.read(), { value: "b", done: false });
  assertSameJSON(await reader.read(), { value: "c", done: false });
  assertSameJSON(await reader.read(), { value: undefined, done: true });
  await reader.closed;
  reader.releaseLock();
  assert_false(rs.locked);
  await promise_rejects_js(null, TypeError, reader.read(), "read() after releaseLock()");
}, "a pull source fills the queue up to the high-water mark and closes");

promise_test(async () => {
  let cancelReason;
  const rs = new ReadableStream({ cancel(reason) { cancelReason = reason; } });
  const reader = rs.getReader();
  const pending = reader.read();
  await reader.cancel("enough");
  assert_equals(cancelReason, "enough");
  assertSameJSON(await pending, { value: undefined, done: true }, "a pending read ends");
  await promise_rejects_js(null, TypeError, rs.cancel(), "cancel() on a locked stream");
}, "cancel() passes its reason to the source and ends pending reads");

promise_test(async () => {
  const error = new Error("source failed");
  const rs = new ReadableStream({ start(c) { c.error(error); } });
  const reader = rs.getReader();
  await promise_rejects_exactly(null, error, reader.read());
  await promise_rejects_exactly(null, error, reader.closed);
}, "an errored stream rejects reads and closed with its error");

promise_test(async () => {
  const rs = new ReadableStream({
    start(c) {
      assert_throws_js(RangeError, () => c.enqueue(1), "enqueue() rethrows the size function's exception");
    },
  }, { size() { throw new RangeError("size"); } });
  await promise_rejects_js(null, RangeError, rs.getReader().read(), "and the stream is errored with it");
}, "a throwing size() errors the stream");

promise_test(async () => {
  let canceled = false;
  let n = 0;
  const rs = new ReadableStream({ pull(c) { c.enqueue(n++); }, cancel() { canceled = true; } });
  const seen = [];
  for await (const x of rs) {
    seen.push(x);
    if (x === 3) break;
  }
  assert_array_equals(seen, [0, 1, 2, 3]);
  assert_true(canceled, "breaking out of for-await cancels the stream");
  assert_false(rs.locked, "and releases the reader");

  const rs2 = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { throw new Error("not called"); } });
  const it = rs2.values({ preventCancel: true });
  assertSameJSON(await it.next(), { value: 1, done: false });
  await it.return();
  assert_false(rs2.locked, "preventCancel releases without canceling");
  assert_equals(Object.prototype.toString.call(it), "[object ReadableStream AsyncIterator]");
}, "async iteration, break and preventCancel");

promise_test(async () => {
  assert_array_equals(await collect(ReadableStream.from([1, Promise.resolve(2), 3])), [1, 2, 3]);
  async function* gen() { yield "x"; yield "y"; }
  assert_array_equals(await collect(ReadableStream.from(gen())), ["x", "y"]);
  assert_throws_js(TypeError, () => ReadableStream.from(5), "not iterable");
}, "ReadableStream.from() over iterables and async iterables");

promise_test(async () => {
  const [a, b] = ReadableStream.from(["p", "q"]).tee();
  assert_array_equals(await collect(a), ["p", "q"]);
  assert_array_equals(await collect(b), ["p", "q"]);

  let reason;
  const source = new ReadableStream({ cancel(r) { reason = r; } });
  const [c, d] = source.tee();
  const first = c.cancel("one");
  await d.cancel("two");
  await first;
  assert_array_equals(reason, ["one", "two"], "the source is canceled with both reasons once both branches are");
}, "tee() gives both branches every chunk and a composite cancel reason");

promise_test(async () => {
  const written = [];
  let closed = false;
  const ws = new WritableStream({
    write(chunk) {
      written.push(chunk);
      return new Promise((resolve) => setTimeout(resolve, 5));
    },
    close() { closed = true; },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  assert_equals(writer.desiredSize, 2);
  writer.write("a");
  writer.write("b");
  assert_equals(writer.desiredSize, 0, "two queued chunks fill a high-water mark of 2");
  await writer.ready;
  assert_greater_than(writer.desiredSize, 0, "ready resolves when the queue drains");
  await writer.close();
  assert_array_equals(written, ["a", "b"]);
  assert_true(closed);
  await promise_rejects_js(null, TypeError, writer.write("c"), "write after close");
}, "WritableStream backpressure through desiredSize and ready");

promise_test(async () => {
  let abortReason;
  let signalSeen;
  const ws = new WritableStream({
    start(c) { signalSeen = c.signal; },
    abort(reason) { abortReason = reason; },
  });
  const writer = ws.getWriter();
  await writer.abort("stop");
  assert_equals(abortReason, "stop");
  assert_true(signalSeen instanceof AbortSignal);
  assert_true(signalSeen.aborted, "the controller's signal is aborted with the reason");
  assert_equals(signalSeen.reason, "stop");
  await promise_rejects_exactly(null, "stop", writer.closed);

  const error = new Error("sink failed");
  const failing = new WritableStream({ write() { throw error; } }).getWriter();
  await promise_rejects_exactly(null, error, failing.write(1));
  await promise_rejects_exactly(null, error, failing.closed);
}, "abort() and a failing sink error the stream");

promise_test(async () => {
  const upper = new TransformStream({
    transform(chunk, controller) { controller.enqueue(chunk.toUpperCase()); },
    flush(controller) { controller.enqueue("!"); },
  });
  const out = [];
  await ReadableStream.from(["a", "b"]).pipeThrough(upper).pipeTo(new WritableStream({ write(c) { out.push(c); } }));
  assert_array_equals(out, ["A", "B", "!"]);
}, "pipeThrough() a TransformStream into pipeTo()");

promise_test(async () => {
  const error = new Error("source error");
  let abortedWith;
  const rs = new ReadableStream({ start(c) { c.error(error); } });
  await promise_rejects_exactly(null, error, rs.pipeTo(new WritableStream({ abort(r) { abortedWith = r; } })));
  assert_equals(abortedWith, error, "the destination is aborted with the source's error");

  const controller = new AbortController();
  let canceledWith;
  const endless = new ReadableStream({ pull(c) { c.enqueue(0); return new Promise((r) => setTimeout(r, 1)); }, cancel(r) { canceledWith = r; } });
  const piping = endless.pipeTo(new WritableStream(), { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await promise_rejects_dom(null, "AbortError", piping);
  assert_equals(canceledWith.name, "AbortError", "the source is canceled with the abort reason");
  assert_false(endless.locked, "the pipe released the source");
}, "pipeTo() propagates errors and stops on its signal");

test(() => {
  const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  assert_equals(bytes.highWaterMark, 16);
  assert_equals(bytes.size(new Uint8Array(5)), 5);
  assert_equals(bytes.size, new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size, "one size function per global");
  assert_equals(bytes.size.name, "size");
  const count = new CountQueuingStrategy({ highWaterMark: 3 });
  assert_equals(count.size(), 1);
  assert_throws_js(TypeError, () => new CountQueuingStrategy({}), "highWaterMark is required");
}, "the queuing strategies");

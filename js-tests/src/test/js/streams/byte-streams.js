// Readable byte streams (https://streams.spec.whatwg.org/#rbs-model): ReadableByteStreamController,
// ReadableStreamBYOBReader, ReadableStreamBYOBRequest, byte-stream tee and Blob.stream() as a byte stream.

function bytes(view) {
  return Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
}

test(() => {
  for (const name of ["ReadableStreamBYOBReader", "ReadableByteStreamController", "ReadableStreamBYOBRequest"]) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.value, "function", name);
    assert_false(desc.enumerable, `${name} is not enumerable`);
    assert_equals(Object.prototype.toString.call(desc.value.prototype), `[object ${name}]`);
  }
  assert_throws_js(TypeError, () => new ReadableByteStreamController(), "no constructor");
  assert_throws_js(TypeError, () => new ReadableStreamBYOBRequest(), "no constructor");
  assert_equals(ReadableByteStreamController.length, 0);
  assert_equals(ReadableStreamBYOBReader.length, 1);
  assert_equals(ReadableStreamBYOBReader.prototype.read.length, 1);
  assert_equals(ReadableStreamBYOBRequest.prototype.respond.length, 1);
  assert_true(Object.getOwnPropertyDescriptor(ReadableStreamBYOBReader.prototype, "read").enumerable);
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(ReadableByteStreamController.prototype,
    "byobRequest").get.call({}), "brand check");
  assert_throws_js(TypeError, () => ReadableStreamBYOBRequest.prototype.respond.call({}, 1), "brand check");
}, "the byte stream interfaces are real WebIDL classes with brand checks");

promise_test(async (t) => {
  await promise_rejects_js(t, TypeError, ReadableStreamBYOBReader.prototype.read.call({}, new Uint8Array(1)));
  assert_throws_js(TypeError, () => new ReadableStreamBYOBReader(new ReadableStream()), "not a byte stream");
  assert_throws_js(RangeError, () => new ReadableStream({ type: "bytes" }, { size() { return 1; } }),
    "a byte stream's strategy has no size");
  assert_throws_js(TypeError, () => new ReadableStream({ type: "bytes", autoAllocateChunkSize: 0 }));
  assert_throws_js(TypeError, () => new ReadableStream({ type: "byte" }), "the type is an enum");
  assert_throws_js(TypeError, () => new ReadableStream({ type: "bytes", autoAllocateChunkSize: -1 }),
    "[EnforceRange]");
}, "constructing byte streams and BYOB readers checks their arguments");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } }, { highWaterMark: 16 });
  assert_true(controller instanceof ReadableByteStreamController);
  assert_equals(controller.desiredSize, 16);
  assert_equals(controller.byobRequest, null, "no pending read");
  const chunk = new Uint8Array([1, 2, 3, 4]);
  controller.enqueue(chunk);
  assert_equals(chunk.byteLength, 0, "enqueue transfers the chunk's buffer");
  assert_true(chunk.buffer.detached);
  assert_equals(controller.desiredSize, 12);
  assert_throws_js(TypeError, () => controller.enqueue(chunk), "a detached view cannot be enqueued");
  assert_throws_js(TypeError, () => controller.enqueue(new Uint8Array(0)), "an empty view cannot be enqueued");
  controller.close();
  assert_throws_js(TypeError, () => controller.close(), "close twice");
  assert_throws_js(TypeError, () => controller.enqueue(new Uint8Array(1)), "enqueue after close");
  const reader = rs.getReader();
  const { value, done } = await reader.read();
  assert_false(done);
  assert_true(value instanceof Uint8Array);
  assert_array_equals(bytes(value), [1, 2, 3, 4]);
  assert_true((await reader.read()).done);
  await reader.closed;
}, "a default reader reads a byte stream's chunks as Uint8Arrays over the transferred buffers");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  controller.enqueue(new Uint8Array([1, 2, 3, 4, 5, 6]));
  const reader = rs.getReader({ mode: "byob" });
  assert_true(reader instanceof ReadableStreamBYOBReader);
  const view = new Uint8Array(4);
  const first = await reader.read(view);
  assert_equals(view.byteLength, 0, "the view passed in is detached");
  assert_false(first.done);
  assert_true(first.value instanceof Uint8Array);
  assert_equals(first.value.buffer.byteLength, 4, "the result views the same memory");
  assert_array_equals(bytes(first.value), [1, 2, 3, 4]);
  const second = await reader.read(new Uint16Array(4));
  assert_true(second.value instanceof Uint16Array, "the result has the type of the view passed in");
  assert_equals(second.value.length, 1);
  assert_array_equals(bytes(second.value), [5, 6]);
  controller.close();
  const last = await reader.read(new DataView(new ArrayBuffer(3), 1));
  assert_true(last.done);
  assert_true(last.value instanceof DataView);
  assert_equals(last.value.byteOffset, 1);
  assert_equals(last.value.byteLength, 0, "a closed stream hands the memory back, empty");
}, "BYOB reads fill the reader's views from the queue and keep their type");

promise_test(async (t) => {
  const reader = new ReadableStream({ type: "bytes" }).getReader({ mode: "byob" });
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(0)), "empty view");
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(new ArrayBuffer(0))), "empty buffer");
  const detached = new Uint8Array(4);
  detached.buffer.transfer();
  await promise_rejects_js(t, TypeError, reader.read(detached), "detached buffer");
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(4), { min: 0 }), "min 0");
  await promise_rejects_js(t, RangeError, reader.read(new Uint16Array(2), { min: 3 }), "min above length");
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(1), { min: -1 }), "[EnforceRange] min");
  await promise_rejects_js(t, TypeError, reader.read({}), "not a view");
  reader.releaseLock();
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(1)), "released");
  await promise_rejects_js(t, TypeError, reader.closed, "closed rejects once released");
}, "BYOB read() rejects bad views and options with the exceptions the standard names");

promise_test(async () => {
  const pulls = [];
  const rs = new ReadableStream({
    type: "bytes",
    pull(controller) {
      const request = controller.byobRequest;
      pulls.push(request.view.byteLength);
      assert_true(request instanceof ReadableStreamBYOBRequest);
      assert_equals(request.view.constructor, Uint8Array, "the request's view is a Uint8Array");
      request.view[0] = 10;
      request.view[1] = 20;
      request.respond(2);
      assert_equals(request.view, null, "a request answered is invalidated");
      assert_equals(controller.byobRequest, null);
      assert_throws_js(TypeError, () => request.respond(1), "respond twice");
    },
  });
  const reader = rs.getReader({ mode: "byob" });
  const { value } = await reader.read(new Uint8Array(8, 0), {});
  assert_array_equals(bytes(value), [10, 20]);
  assert_equals(value.byteOffset, 0);
  assert_array_equals(pulls, [8]);
}, "respond() answers a BYOB request with bytes written into its view");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  const reader = rs.getReader({ mode: "byob" });
  const read = reader.read(new Uint8Array(8));
  const request = controller.byobRequest;
  assert_equals(request.view.byteLength, 8);
  assert_throws_js(TypeError, () => request.respond(0), "0 bytes on a readable stream");
  assert_throws_js(RangeError, () => request.respond(9), "more than the view holds");
  const view = request.view;
  const replacement = new Uint8Array(view.buffer.transfer(), 0, 3);
  replacement.set([7, 8, 9]);
  assert_throws_js(RangeError, () => request.respondWithNewView(new Uint8Array(replacement.buffer, 1, 2)),
    "the new view must start where the request's did");
  request.respondWithNewView(replacement);
  const { value, done } = await read;
  assert_false(done);
  assert_array_equals(bytes(value), [7, 8, 9]);
  assert_equals(value.buffer.byteLength, 8);
}, "respondWithNewView() answers with a view of the same memory, possibly transferred");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  const reader = rs.getReader({ mode: "byob" });
  const read = reader.read(new Uint8Array(6), { min: 4 });
  controller.enqueue(new Uint8Array([1, 2]));
  let settled = false;
  read.then(() => { settled = true; });
  await Promise.resolve();
  await Promise.resolve();
  assert_false(settled, "2 bytes are fewer than min");
  controller.byobRequest.view.set([3, 4, 5]);
  controller.byobRequest.respond(3);
  const { value } = await read;
  assert_array_equals(bytes(value), [1, 2, 3, 4, 5]);
}, "read(view, { min }) waits until at least min elements are filled");

promise_test(async () => {
  const rs = new ReadableStream({
    type: "bytes",
    autoAllocateChunkSize: 16,
    pull(controller) {
      const view = controller.byobRequest.view;
      assert_equals(view.byteLength, 16, "a default read gets an allocated view");
      view[0] = 42;
      controller.byobRequest.respond(1);
      controller.close();
    },
  });
  const reader = rs.getReader();
  const { value } = await reader.read();
  assert_array_equals(bytes(value), [42]);
  assert_true((await reader.read()).done);
}, "autoAllocateChunkSize gives default readers' reads a BYOB request");

promise_test(async () => {
  let cancelReason;
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; }, cancel(r) { cancelReason = r; } });
  const reader = rs.getReader({ mode: "byob" });
  const read = reader.read(new Uint8Array(4));
  await reader.cancel("stop");
  assert_equals(cancelReason, "stop");
  const result = await read;
  assert_true(result.done);
  assert_equals(result.value, undefined, "a canceled read gets no memory back");
  await reader.closed;
}, "canceling a BYOB reader ends its pending reads with undefined");

promise_test(async (t) => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  const reader = rs.getReader({ mode: "byob" });
  const read = reader.read(new Uint8Array(4));
  const error = new Error("boom");
  controller.error(error);
  await promise_rejects_exactly(t, error, read);
  await promise_rejects_exactly(t, error, reader.closed);
  assert_equals(controller.desiredSize, null);
}, "erroring a byte stream rejects pending BYOB reads");

promise_test(async (t) => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  const byob = rs.getReader({ mode: "byob" });
  const read = byob.read(new Uint8Array(4));
  byob.releaseLock();
  await promise_rejects_js(t, TypeError, read, "released reads reject");
  // The pending pull-into stays with the controller; bytes written into it reach the next reader.
  controller.byobRequest.view.set([1, 2]);
  controller.byobRequest.respond(2);
  const reader = rs.getReader();
  const { value } = await reader.read();
  assert_array_equals(bytes(value), [1, 2]);
}, "releasing a BYOB reader keeps the bytes already written for its read");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader({ mode: "byob" });
  assert_true(reader1 instanceof ReadableStreamBYOBReader, "the branches are byte streams");
  const chunk = new Uint8Array([1, 2, 3]);
  controller.enqueue(chunk);
  controller.close();
  const reader2 = branch2.getReader();
  const a = await reader2.read();
  assert_array_equals(bytes(a.value), [1, 2, 3]);
  assert_true((await reader2.read()).done);
  const b = await reader1.read(new Uint8Array(8));
  assert_array_equals(bytes(b.value), [1, 2, 3], "the first branch queued its own copy");
  assert_true((await reader1.read(new Uint8Array(8))).done);
}, "tee() of a byte stream gives two byte streams");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader({ mode: "byob" });
  const reader2 = branch2.getReader();
  const read1 = reader1.read(new Uint8Array(2));
  const read2 = reader2.read();
  controller.enqueue(new Uint8Array([5, 6, 7]));
  const [r1, r2] = await Promise.all([read1, read2]);
  assert_array_equals(bytes(r1.value), [5, 6], "the BYOB branch gets what fits its view");
  assert_array_equals(bytes(r2.value), [5, 6], "the other branch gets a copy of the same bytes");
  assert_not_equals(r1.value.buffer, r2.value.buffer, "the branches do not share memory");
  const rest = await reader2.read();
  assert_array_equals(bytes(rest.value), [7]);
  await Promise.all([reader1.cancel("a"), reader2.cancel("b")]);
}, "tee() of a byte stream serves a BYOB read on one branch and copies the bytes to the other");

promise_test(async () => {
  const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1])); } });
  const [branch1, branch2] = rs.tee();
  let reason;
  const canceled = new ReadableStream({ type: "bytes", cancel(r) { reason = r; } }).tee();
  await Promise.all([canceled[0].cancel("x"), canceled[1].cancel("y")]);
  assert_array_equals(reason, ["x", "y"], "canceling both branches cancels the source with both reasons");
  await Promise.all([branch1.cancel(), branch2.cancel()]);
}, "canceling both branches of a byte stream tee cancels the source");

promise_test(async () => {
  const text = "byte streams ".repeat(10);
  const stream = new Blob([text]).stream();
  const reader = stream.getReader({ mode: "byob" });
  const parts = [];
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(7));
    if (done) break;
    assert_true(value.byteLength <= 7);
    parts.push(new TextDecoder().decode(value));
  }
  assert_equals(parts.join(""), text);
  const defaultRead = await new Blob(["abc"]).stream().getReader().read();
  assert_true(defaultRead.value instanceof Uint8Array);
  assert_array_equals(bytes(defaultRead.value), [97, 98, 99]);
}, "Blob.stream() is a readable byte stream: BYOB readers read it into their own views");

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: "bytes", start(c) { controller = c; } });
  controller.enqueue(new Uint8Array([1, 2, 3]));
  controller.close();
  const chunks = [];
  const ws = new WritableStream({ write(chunk) { chunks.push(...bytes(chunk)); } });
  await rs.pipeTo(ws);
  assert_array_equals(chunks, [1, 2, 3]);
}, "a byte stream pipes to a writable stream");

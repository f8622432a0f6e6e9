// Blob.stream() (https://w3c.github.io/FileAPI/#dom-blob-stream).

/** Compares read results and other plain objects by their JSON form. */
function assertSameJSON(actual, expected, description) {
  assert_equals(JSON.stringify(actual), JSON.stringify(expected), description);
}

async function readAll(stream) {
  const reader = stream.getReader();
  const chunks = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

promise_test(async () => {
  const big = new Uint8Array(200000);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 255;
  const blob = new Blob(["xy", big, "z"]);
  const stream = blob.stream();
  assert_true(stream instanceof ReadableStream);
  const chunks = await readAll(stream);
  assert_greater_than(chunks.length, 1, "a large blob arrives in several chunks");
  let total = 0;
  for (const chunk of chunks) {
    assert_equals(chunk.constructor, Uint8Array, "chunks are Uint8Arrays");
    total += chunk.length;
  }
  assert_equals(total, blob.size);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  assert_array_equals(all.subarray(0, 2), [120, 121]);
  for (let i = 0; i < big.length; i++) {
    if (all[i + 2] !== big[i]) assert_unreached(`byte ${i + 2} differs`);
  }
  assert_equals(all[total - 1], 122);
}, "stream() yields every byte of the blob, in order, as Uint8Array chunks");

promise_test(async () => {
  assert_array_equals(await readAll(new Blob([]).stream()), [], "an empty blob's stream closes at once");
  const text = [];
  for await (const chunk of new Blob(["héllo"]).slice(1).stream()) text.push(...chunk);
  assert_equals(new TextDecoder().decode(new Uint8Array(text)), "éllo");
  assert_not_equals(new Blob(["a"]).stream(), new Blob(["a"]).stream());
  assert_throws_js(TypeError, () => Blob.prototype.stream.call({}), "brand check");
}, "stream() on empty and sliced blobs");

promise_test(async () => {
  const stream = new Blob([new Uint8Array(300000)]).stream();
  const reader = stream.getReader();
  const first = await reader.read();
  assert_false(first.done);
  await reader.cancel();
  assertSameJSON(await reader.read(), { value: undefined, done: true }, "a canceled stream is done");
}, "a blob stream can be canceled part-way");

// TextDecoderStream and TextEncoderStream (https://encoding.spec.whatwg.org/#interface-textdecoderstream):
// TransformStreams set up by the Encoding Standard, with the decoder state TextDecoder uses.

async function pipeChunks(transform, chunks) {
  const writer = transform.writable.getWriter();
  const reader = transform.readable.getReader();
  const output = [];
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return output;
      output.push(value);
    }
  })();
  for (const chunk of chunks) writer.write(chunk);
  writer.close();
  return reading;
}

test(() => {
  for (const name of ["TextDecoderStream", "TextEncoderStream"]) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.value, "function", name);
    assert_false(desc.enumerable, `${name} is not enumerable`);
    assert_equals(Object.prototype.toString.call(desc.value.prototype), `[object ${name}]`);
    for (const attribute of ["encoding", "readable", "writable"]) {
      const getter = Object.getOwnPropertyDescriptor(desc.value.prototype, attribute);
      assert_true(getter.enumerable, `${name}.${attribute} is enumerable`);
      assert_throws_js(TypeError, () => getter.get.call({}), `${name}.${attribute} brand check`);
    }
  }
  assert_equals(TextDecoderStream.length, 0);
  assert_equals(TextEncoderStream.length, 0);
  const decoder = new TextDecoderStream("latin1", { fatal: 1, ignoreBOM: "yes" });
  assert_equals(decoder.encoding, "windows-1252");
  assert_true(decoder.fatal);
  assert_true(decoder.ignoreBOM);
  assert_true(decoder.readable instanceof ReadableStream);
  assert_true(decoder.writable instanceof WritableStream);
  assert_equals(decoder.readable, decoder.readable, "the same readable each time");
  assert_equals(new TextEncoderStream().encoding, "utf-8");
  assert_throws_js(RangeError, () => new TextDecoderStream("replacement"));
  assert_throws_js(RangeError, () => new TextDecoderStream("no such label"));
}, "both are WebIDL classes whose attributes reflect the constructor's arguments");

promise_test(async () => {
  // "€" is E2 82 AC, split across three chunks; a BOM at the start is dropped once.
  const chunks = [new Uint8Array([0xEF, 0xBB, 0xBF, 0x61, 0xE2]), new Uint8Array([0x82]),
    new Uint8Array([]), new DataView(new Uint8Array([0xAC, 0xEF, 0xBB, 0xBF]).buffer)];
  const output = await pipeChunks(new TextDecoderStream(), chunks);
  assert_equals(output.join(""), "a€\uFEFF");
  assert_false(output.includes(""), "empty strings are not enqueued");
}, "TextDecoderStream decodes a character split between chunks and drops one leading BOM");

promise_test(async (t) => {
  const output = await pipeChunks(new TextDecoderStream(), [new Uint8Array([0x61, 0xF0, 0x9F])]);
  assert_equals(output.join(""), "a\uFFFD", "the incomplete sequence at the end becomes U+FFFD on flush");
  const fatal = new TextDecoderStream("utf-8", { fatal: true });
  await promise_rejects_js(t, TypeError, pipeChunks(fatal, [new Uint8Array([0x61, 0xF0, 0x9F])]),
    "fatal: an incomplete sequence at the end errors the stream");
  const badChunk = new TextDecoderStream();
  await promise_rejects_js(t, TypeError, pipeChunks(badChunk, ["not bytes"]), "a string is not a BufferSource");
}, "TextDecoderStream flushes an incomplete sequence as U+FFFD, or errors the stream in fatal mode");

promise_test(async () => {
  const output = await pipeChunks(new TextDecoderStream("utf-16be"), [new Uint8Array([0x00]),
    new Uint8Array([0x41, 0xD8, 0x3D]), new Uint8Array([0xDE, 0x00])]);
  assert_equals(output.join(""), "A\u{1F600}");
}, "TextDecoderStream decodes UTF-16BE split at any byte");

promise_test(async () => {
  // U+1F600 is D83D DE00: its leading surrogate ends the first chunk.
  const output = await pipeChunks(new TextEncoderStream(), ["a\uD83D", "", "\uDE00b", "\uDE00", "\uD800"]);
  const bytes = [];
  for (const chunk of output) {
    assert_true(chunk instanceof Uint8Array, "chunks are Uint8Arrays");
    assert_greater_than(chunk.length, 0, "no empty chunk is enqueued");
    bytes.push(...chunk);
  }
  assert_array_equals(bytes, [0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD]);
}, "TextEncoderStream joins a surrogate pair split between chunks; lone surrogates become U+FFFD");

promise_test(async (t) => {
  const output = await pipeChunks(new TextEncoderStream(), [{ toString() { return "x"; } }, 1]);
  assert_array_equals(output.map((chunk) => [...chunk]).flat(), [0x78, 0x31]);
  await promise_rejects_js(t, TypeError, pipeChunks(new TextEncoderStream(), [Symbol("s")]));
}, "TextEncoderStream converts chunks to DOMString, and a Symbol errors the stream");

promise_test(async () => {
  const text = await new Blob(["h\u00e9llo"]).stream().pipeThrough(new TextDecoderStream())
    .pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream())
    .getReader().read();
  assert_equals(text.value, "h\u00e9llo");
}, "pipeThrough accepts both as transform pairs");

// structuredClone of views on resizable ArrayBuffers (HTML StructuredSerializeInternal step 14): a view
// made without a length tracks its buffer's length, and its clone must track the cloned buffer's.

test(() => {
  const buffer = new ArrayBuffer(16, { maxByteLength: 64 });
  const tracking = structuredClone(new Uint16Array(buffer, 2));
  const fixed = structuredClone(new Uint16Array(buffer, 2, 7));
  assert_equals(tracking.length, 7);
  assert_equals(fixed.length, 7);
  tracking.buffer.resize(32);
  fixed.buffer.resize(32);
  assert_equals(tracking.length, 15, "the clone of a length-tracking view follows its buffer");
  assert_equals(fixed.length, 7, "the clone of a fixed-length view does not");
}, "a length-tracking typed array clones as length-tracking, a fixed one as fixed");

test(() => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 64 });
  const copy = structuredClone(new DataView(buffer, 3));
  copy.buffer.resize(20);
  assert_equals(copy.byteLength, 17);
  const fixedCopy = structuredClone(new DataView(buffer, 3, 5));
  fixedCopy.buffer.resize(20);
  assert_equals(fixedCopy.byteLength, 5);
}, "a length-tracking DataView clones as length-tracking");

test(() => {
  // A buffer at its maximum length cannot grow to tell the two apart: it shrinks and is put back.
  const buffer = new ArrayBuffer(8, { maxByteLength: 8 });
  const bytes = new Uint8Array(buffer);
  bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
  const tracking = structuredClone(new Float32Array(buffer));
  const fixed = structuredClone(new Float32Array(buffer, 0, 2));
  assert_array_equals(bytes, [1, 2, 3, 4, 5, 6, 7, 8], "the source keeps its bytes");
  assert_equals(buffer.byteLength, 8, "and its length");
  assert_array_equals(new Uint8Array(tracking.buffer), [1, 2, 3, 4, 5, 6, 7, 8], "the clone has the bytes");
  tracking.buffer.resize(4);
  fixed.buffer.resize(4);
  assert_equals(tracking.length, 1, "length-tracking");
  assert_equals(fixed.byteLength, 0, "fixed-length, now out of bounds");
}, "views on a buffer at its maximum length clone as what they are");

test(() => {
  const buffer = new ArrayBuffer(16, { maxByteLength: 1024 });
  const view = new Uint8Array(buffer);
  const copy = structuredClone(view, { transfer: [buffer] });
  assert_equals(buffer.byteLength, 0, "transferred");
  copy.buffer.resize(32);
  assert_equals(copy.byteLength, 32);
}, "a length-tracking view of a transferred buffer stays length-tracking");

test(() => {
  const buffer = new ArrayBuffer(16);
  const copy = structuredClone(new Uint8Array(buffer, 4));
  assert_equals(copy.length, 12);
  assert_false(copy.buffer.resizable);
}, "views on fixed-length buffers are unchanged");

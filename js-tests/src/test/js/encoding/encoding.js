// TextEncoder and TextDecoder (Encoding Standard).

test(() => {
  const enc = new TextEncoder();
  assert_equals(enc.encoding, "utf-8");
  assert_array_equals(enc.encode("hé€😀"), [0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  assert_array_equals(enc.encode(), []);
  assert_array_equals(enc.encode("\ud800"), [0xef, 0xbf, 0xbd], "a lone surrogate becomes U+FFFD");
  assert_true(enc.encode("x") instanceof Uint8Array);
}, "TextEncoder.encode produces UTF-8");

test(() => {
  const enc = new TextEncoder();
  const dest = new Uint8Array(4);
  const result = enc.encodeInto("a€😀", dest);
  assert_equals(result.read, 2, "code units read: a and €; the emoji does not fit");
  assert_equals(result.written, 4);
  assert_array_equals(dest, [0x61, 0xe2, 0x82, 0xac]);
}, "TextEncoder.encodeInto stops before a character that does not fit");

test(() => {
  const dec = new TextDecoder();
  assert_equals(dec.encoding, "utf-8");
  assert_false(dec.fatal);
  assert_false(dec.ignoreBOM);
  assert_equals(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), "hi", "the BOM is stripped");
  assert_equals(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), "\ufeffA");
  assert_equals(dec.decode(new Uint8Array([0xff, 0x41])), "\ufffdA", "invalid bytes become U+FFFD");
  assert_equals(dec.decode(), "");
  assert_equals(dec.decode(new Uint8Array([0x68, 0x69]).buffer), "hi", "an ArrayBuffer");
  assert_equals(dec.decode(new DataView(new Uint8Array([0x6f, 0x6b]).buffer)), "ok", "a DataView");
}, "TextDecoder.decode with the defaults");

test(() => {
  const dec = new TextDecoder("utf-8", { fatal: true });
  assert_true(dec.fatal);
  assert_throws_js(TypeError, () => dec.decode(new Uint8Array([0xc3])));
  assert_throws_js(TypeError, () => dec.decode(new Uint8Array([0xed, 0xa0, 0x80])), "an encoded surrogate");
}, "a fatal decoder throws TypeError on invalid input");

test(() => {
  const dec = new TextDecoder();
  const bytes = new TextEncoder().encode("€uro");
  let out = dec.decode(bytes.subarray(0, 1), { stream: true });
  out += dec.decode(bytes.subarray(1, 2), { stream: true });
  out += dec.decode(bytes.subarray(2));
  assert_equals(out, "€uro");
}, "streaming keeps a character split across chunks");

test(() => {
  assert_equals(new TextDecoder("UTF8").encoding, "utf-8");
  assert_equals(new TextDecoder(" unicode-1-1-utf-8 ").encoding, "utf-8");
  assert_equals(new TextDecoder("latin1").encoding, "windows-1252");
  assert_equals(new TextDecoder("utf-16le").encoding, "utf-16le");
  assert_throws_js(RangeError, () => new TextDecoder("no-such-encoding"));
  assert_throws_js(RangeError, () => new TextDecoder("replacement"));
}, "labels resolve to encodings; unknown ones throw RangeError");

test(() => {
  assert_equals(new TextDecoder("windows-1252").decode(new Uint8Array([0x80, 0xe9])), "€é");
  assert_equals(new TextDecoder("utf-16le").decode(new Uint8Array([0x3d, 0xd8, 0x00, 0xde])), "😀");
}, "single-byte and UTF-16 decoders");

test(() => {
  // Bytes from the standard's indexes: KOI8-R 0xC1 is U+0430, ISO-8859-7 0xA4 is U+20AC, windows-1251
  // 0x98 is the C1 control U+0098, and ISO-8859-8-I decodes as ISO-8859-8.
  assert_equals(new TextDecoder("koi8-r").decode(new Uint8Array([0x41, 0xC1])), "A\u0430");
  assert_equals(new TextDecoder("greek").decode(new Uint8Array([0xA4])), "\u20AC");
  assert_equals(new TextDecoder("cp1251").decode(new Uint8Array([0x98])), "\u0098");
  assert_equals(new TextDecoder("logical").encoding, "iso-8859-8-i");
  assert_equals(new TextDecoder("logical").decode(new Uint8Array([0xE0])), "\u05D0");
  // ISO-8859-3 has no code point for 0xA5: U+FFFD, or a TypeError in fatal mode.
  assert_equals(new TextDecoder("iso-8859-3").decode(new Uint8Array([0x61, 0xA5, 0x62])), "a\uFFFDb");
  assert_throws_js(TypeError, () => new TextDecoder("iso-8859-3", { fatal: true }).decode(new Uint8Array([0xA5])));
  const streaming = new TextDecoder("windows-874", { fatal: true });
  assert_throws_js(TypeError, () => streaming.decode(new Uint8Array([0xDB, 0x41]), { stream: true }));
  assert_equals(streaming.decode(), "A", "the bytes after the error stay queued");
  assert_throws_js(RangeError, () => new TextDecoder("gbk"), "multi-byte encodings have no decoder");
}, "legacy single-byte decoders use the standard's indexes");

test(() => {
  assert_class_string(new TextEncoder(), "TextEncoder");
  assert_class_string(new TextDecoder(), "TextDecoder");
  const getter = Object.getOwnPropertyDescriptor(TextDecoder.prototype, "encoding").get;
  assert_throws_js(TypeError, () => getter.call({}));
  assert_throws_js(TypeError, () => TextEncoder());
}, "real interfaces with brand checks");

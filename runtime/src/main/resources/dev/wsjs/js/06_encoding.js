// TextEncoder, TextDecoder (the WHATWG Encoding Standard, https://encoding.spec.whatwg.org/), and
// atob/btoa (HTML's base64 utility methods).
//
// Decoders: UTF-8, UTF-16LE, UTF-16BE, every legacy single-byte encoding (their indexes come from
// the standard's tables through ops.text.singleByteIndex) and x-user-defined. Every label of the
// standard is recognized; a label of a legacy multi-byte encoding (GBK, gb18030, Big5, EUC-JP,
// ISO-2022-JP, Shift_JIS, EUC-KR) throws a RangeError, because this runtime has no decoder for it.
//
// Large inputs go to Java (ops.text), small ones stay in JS where a host call would cost more
// than the loop. Both paths implement the same decoder; the tests compare them byte for byte.
//
// Shared with other layers as internals.encoding:
//   utf8Encode(string) → Uint8Array (lone surrogates encoded as U+FFFD)
//   utf8Decode(bytes) → string (UTF-8 decode: a leading BOM is skipped, errors become U+FFFD)
//   utf8DecodeWithoutBOM(bytes) → string
//   utf8DecodeWithoutBOMOrFail(bytes) → string, or null on the first error
//   utf8ByteLength(string) → number
//   decoderEncoding(label, prefix), convertTextDecoderOptions, newDecoderContext(encoding, fatal,
//   ignoreBOM) → { encoding, fatal, ignoreBOM, decode(bytes, flush) → string or null on error },
//   byteView(bufferSource) → Uint8Array: what TextDecoderStream (06_text_streams.js) shares
// where bytes is a Uint8Array, another ArrayBufferView or an ArrayBuffer.
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;

  // Inputs at least this long (code units to encode, bytes to decode) are handled by Java.
  const JAVA_THRESHOLD = 256;

  const EMPTY_BYTES = new Uint8Array(0);

  // ------------------------------------------------------------------ byte views

  // The builtin getters, so a shadowing own property cannot misreport a buffer's extent.
  function getter(prototype, name) {
    return Object.getOwnPropertyDescriptor(prototype, name).get;
  }
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const typedArrayBuffer = getter(TypedArrayPrototype, "buffer");
  const typedArrayByteOffset = getter(TypedArrayPrototype, "byteOffset");
  const typedArrayByteLength = getter(TypedArrayPrototype, "byteLength");
  const dataViewBuffer = getter(DataView.prototype, "buffer");
  const dataViewByteOffset = getter(DataView.prototype, "byteOffset");
  const dataViewByteLength = getter(DataView.prototype, "byteLength");
  const arrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const sharedArrayBufferByteLength = typeof SharedArrayBuffer === "function"
    ? getter(SharedArrayBuffer.prototype, "byteLength")
    : null;

  // A Uint8Array over the bytes of an ArrayBufferView, ArrayBuffer or SharedArrayBuffer, without a
  // copy; a detached buffer reads as no bytes.
  function byteView(source) {
    if (ArrayBuffer.isView(source)) {
      const name = webidl.typedArrayName(source);
      if (name === "Uint8Array") return source;
      const typed = name !== undefined;
      let length;
      try {
        length = (typed ? typedArrayByteLength : dataViewByteLength).call(source);
      } catch {
        return EMPTY_BYTES; // a DataView over a detached buffer
      }
      if (length === 0) return EMPTY_BYTES;
      return new Uint8Array((typed ? typedArrayBuffer : dataViewBuffer).call(source),
        (typed ? typedArrayByteOffset : dataViewByteOffset).call(source), length);
    }
    let length;
    try {
      length = arrayBufferByteLength.call(source);
    } catch {
      length = sharedArrayBufferByteLength.call(source); // the getter is for ArrayBuffers only
    }
    return length === 0 ? EMPTY_BYTES : new Uint8Array(source);
  }

  // ------------------------------------------------------------------ output of decoders

  // One scratch buffer for every sink: decoding runs no script code, so sinks never overlap.
  const SCRATCH_UNITS = new Uint16Array(4096);

  // Collects code units into a string without building one array element per unit.
  class CodeUnitSink {
    constructor() {
      this.text = "";
      this.length = 0;
    }

    push(unit) {
      if (this.length === SCRATCH_UNITS.length) this.flush();
      SCRATCH_UNITS[this.length++] = unit;
    }

    pushCodePoint(cp) {
      if (cp > 0xFFFF) {
        cp -= 0x10000;
        this.push(0xD800 + (cp >> 10));
        this.push(0xDC00 + (cp & 0x3FF));
      } else {
        this.push(cp);
      }
    }

    append(string) {
      this.flush();
      this.text += string;
    }

    flush() {
      if (this.length > 0) {
        this.text += String.fromCharCode.apply(null, SCRATCH_UNITS.subarray(0, this.length));
        this.length = 0;
      }
    }

    toString() {
      this.flush();
      return this.text;
    }
  }

  // Thrown by a decoder in fatal mode; rest holds the bytes the standard leaves in the I/O queue.
  class DecodeFailure {
    constructor(rest) {
      this.rest = rest;
    }
  }

  // ------------------------------------------------------------------ UTF-8

  // The UTF-8 decoder's state (UTF-8 code point, bytes seen, bytes needed, lower and upper boundary).
  class Utf8DecoderState {
    constructor() {
      this.codePoint = 0;
      this.bytesSeen = 0;
      this.bytesNeeded = 0;
      this.lower = 0x80;
      this.upper = 0xBF;
    }
  }

  // Runs the UTF-8 decoder's handler over bytes[start, end) and returns end. In fatal mode an
  // error throws a DecodeFailure holding the unprocessed bytes (a restored byte included).
  function runUtf8(state, bytes, start, end, fatal, sink) {
    let { codePoint, bytesSeen, bytesNeeded, lower, upper } = state;
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      // 3. If UTF-8 bytes needed is 0, based on byte:
      if (bytesNeeded === 0) {
        if (byte <= 0x7F) {
          // 0x00 to 0x7F: return a code point whose value is byte.
          sink.push(byte);
        } else if (byte >= 0xC2 && byte <= 0xDF) {
          // 0xC2 to 0xDF: set UTF-8 bytes needed to 1 and UTF-8 code point to byte & 0x1F.
          bytesNeeded = 1;
          codePoint = byte & 0x1F;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
          // 0xE0 to 0xEF: 1. If byte is 0xE0, set the lower boundary to 0xA0. 2. If byte is
          // 0xED, set the upper boundary to 0x9F. 3. Set bytes needed to 2. 4. Set code point
          // to byte & 0xF.
          if (byte === 0xE0) lower = 0xA0;
          if (byte === 0xED) upper = 0x9F;
          bytesNeeded = 2;
          codePoint = byte & 0xF;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
          // 0xF0 to 0xF4: 1. If byte is 0xF0, set the lower boundary to 0x90. 2. If byte is
          // 0xF4, set the upper boundary to 0x8F. 3. Set bytes needed to 3. 4. Set code point
          // to byte & 0x7.
          if (byte === 0xF0) lower = 0x90;
          if (byte === 0xF4) upper = 0x8F;
          bytesNeeded = 3;
          codePoint = byte & 0x7;
        } else {
          // Otherwise: return error.
          if (fatal) throw failUtf8(state, bytes, i + 1, end);
          sink.push(0xFFFD);
        }
        continue;
      }
      // 4. If byte is not in the range UTF-8 lower boundary to UTF-8 upper boundary, inclusive:
      if (byte < lower || byte > upper) {
        // 1. Set code point, bytes needed and bytes seen to 0, the boundaries to 0x80 and 0xBF.
        codePoint = bytesNeeded = bytesSeen = 0;
        lower = 0x80;
        upper = 0xBF;
        // 2. Restore byte to ioQueue.
        i--;
        // 3. Return error.
        if (fatal) throw failUtf8(state, bytes, i + 1, end);
        sink.push(0xFFFD);
        continue;
      }
      // 5. Set UTF-8 lower boundary to 0x80 and UTF-8 upper boundary to 0xBF.
      lower = 0x80;
      upper = 0xBF;
      // 6. Set UTF-8 code point to (UTF-8 code point << 6) | (byte & 0x3F).
      codePoint = (codePoint << 6) | (byte & 0x3F);
      // 7. Increase UTF-8 bytes seen by one.
      bytesSeen++;
      // 8. If UTF-8 bytes seen is not equal to UTF-8 bytes needed, then return continue.
      if (bytesSeen !== bytesNeeded) continue;
      // 9.–11. Reset the state and return a code point whose value is the UTF-8 code point.
      sink.pushCodePoint(codePoint);
      codePoint = bytesNeeded = bytesSeen = 0;
    }
    state.codePoint = codePoint;
    state.bytesSeen = bytesSeen;
    state.bytesNeeded = bytesNeeded;
    state.lower = lower;
    state.upper = upper;
    return end;
  }

  function failUtf8(state, bytes, next, end) {
    state.codePoint = state.bytesSeen = state.bytesNeeded = 0;
    state.lower = 0x80;
    state.upper = 0xBF;
    return new DecodeFailure(bytes.slice(next, end));
  }

  function isAscii(bytes, end) {
    for (let i = 0; i < end; i++) {
      if (bytes[i] > 0x7F) return false;
    }
    return true;
  }

  // The start of a possibly incomplete UTF-8 sequence at the end of bytes[from, end), or end.
  // Java must not see such a tail: it would end the input there, while a stream continues.
  function incompleteTailStart(bytes, from, end) {
    for (let k = 1; k <= 3 && end - k >= from; k++) {
      const b = bytes[end - k];
      if (b < 0x80) return end;
      if (b < 0xC0) continue;
      const needed = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
      return k - 1 < needed ? end - k : end;
    }
    return end;
  }

  /**
   * Decodes bytes with the UTF-8 decoder state; flush processes end-of-queue. Returns the code
   * points as a string (no BOM handling); throws a DecodeFailure in fatal mode.
   */
  function decodeUtf8(state, bytes, fatal, flush) {
    const end = typedArrayByteLength.call(bytes);
    // A short ASCII chunk with no sequence pending decodes to its bytes as code units.
    if (end < JAVA_THRESHOLD && state.bytesNeeded === 0 && isAscii(bytes, end)) {
      return end === 0 ? "" : String.fromCharCode.apply(null, bytes);
    }
    const sink = new CodeUnitSink();
    let i = 0;
    if (end >= JAVA_THRESHOLD) {
      // Finish a sequence an earlier chunk began, one byte at a time, in JS.
      while (state.bytesNeeded !== 0 && i < end) i = runUtf8(state, bytes, i, i + 1, fatal, sink);
      const tail = incompleteTailStart(bytes, i, end);
      if (tail - i >= JAVA_THRESHOLD) {
        const text = ops.text.utf8Decode(typedArrayBuffer.call(bytes), typedArrayByteOffset.call(bytes) + i,
          tail - i, fatal);
        if (text === null) {
          // Fatal error: let the JS decoder find where, so the right bytes stay queued.
          runUtf8(state, bytes, i, tail, true, sink);
          throw new Error("the Java and JS UTF-8 decoders disagree");
        }
        sink.append(text);
        i = tail;
      }
    }
    runUtf8(state, bytes, i, end, fatal, sink);
    // The handler on end-of-queue: 1. If UTF-8 bytes needed is not 0, then set it to 0 and
    // return error. 2. Return finished.
    if (flush && state.bytesNeeded !== 0) {
      if (fatal) throw failUtf8(state, bytes, end, end);
      failUtf8(state, bytes, end, end);
      sink.push(0xFFFD);
    }
    return sink.toString();
  }

  // The number of bytes the UTF-8 encoder produces for string (a lone surrogate counts as U+FFFD).
  function utf8ByteLength(string) {
    const length = string.length;
    if (length >= JAVA_THRESHOLD) return ops.text.utf8ByteLength(string);
    let n = 0;
    for (let i = 0; i < length; i++) {
      const c = string.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && (string.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  // UTF-8 encode (the UTF-8 encoder's handler, per scalar value) into a new Uint8Array.
  function utf8Encode(string) {
    const length = string.length;
    if (length >= JAVA_THRESHOLD) {
      // Java's bytes arrive as a host-backed ArrayBuffer; one bulk copy makes them an ordinary one.
      const javaBytes = new Uint8Array(new ArrayBuffer(ops.text.utf8Encode(string)));
      const bytes = new Uint8Array(javaBytes.length);
      bytes.set(javaBytes);
      return bytes;
    }
    const bytes = new Uint8Array(utf8ByteLength(string));
    let n = 0;
    for (let i = 0; i < length; i++) {
      let cp = string.charCodeAt(i);
      // 2. If code point is an ASCII code point, then return a byte whose value is code point.
      if (cp < 0x80) {
        bytes[n++] = cp;
        continue;
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        const next = i + 1 < length ? string.charCodeAt(i + 1) : 0;
        if (cp <= 0xDBFF && (next & 0xFC00) === 0xDC00) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (next - 0xDC00);
          i++;
        } else {
          cp = 0xFFFD;
        }
      }
      n = encodeCodePoint(cp, bytes, n);
    }
    return bytes;
  }

  // Steps 3.–6. of the UTF-8 encoder for a code point above U+007F: writes its bytes at n.
  function encodeCodePoint(cp, bytes, n) {
    // 3. Set count and offset based on the range code point is in.
    let count;
    let offset;
    if (cp <= 0x7FF) {
      count = 1;
      offset = 0xC0;
    } else if (cp <= 0xFFFF) {
      count = 2;
      offset = 0xE0;
    } else {
      count = 3;
      offset = 0xF0;
    }
    // 4. Let bytes be a byte sequence whose first byte is (code point >> (6 × count)) + offset.
    bytes[n++] = (cp >> (6 * count)) + offset;
    // 5. While count is greater than 0: append 0x80 | ((code point >> (6 × (count − 1))) & 0x3F).
    while (count > 0) {
      bytes[n++] = 0x80 | ((cp >> (6 * (count - 1))) & 0x3F);
      count--;
    }
    return n;
  }

  // ------------------------------------------------------------------ UTF-16BE/LE

  // The shared UTF-16 decoder's state.
  class Utf16DecoderState {
    constructor(bigEndian) {
      this.leadByte = null;
      this.leadSurrogate = null;
      this.bigEndian = bigEndian;
    }
  }

  function decodeUtf16(state, bytes, fatal, flush) {
    const sink = new CodeUnitSink();
    const end = typedArrayByteLength.call(bytes);
    for (let i = 0; i < end; i++) {
      const byte = bytes[i];
      // 3. If UTF-16 leading byte is null, then set it to byte and return continue.
      if (state.leadByte === null) {
        state.leadByte = byte;
        continue;
      }
      // 4. Let codeUnit be (leading byte << 8) + byte for UTF-16BE, else (byte << 8) + leading byte.
      const codeUnit = state.bigEndian ? (state.leadByte << 8) + byte : (byte << 8) + state.leadByte;
      // 5. Set UTF-16 leading byte to null.
      state.leadByte = null;
      // 6. If UTF-16 leading surrogate is non-null:
      if (state.leadSurrogate !== null) {
        // 1.–2. Let leadingSurrogate be UTF-16 leading surrogate; set the latter to null.
        const leadingSurrogate = state.leadSurrogate;
        state.leadSurrogate = null;
        // 3. If codeUnit is a trailing surrogate, then return a scalar value from surrogates.
        if (codeUnit >= 0xDC00 && codeUnit <= 0xDFFF) {
          sink.push(leadingSurrogate);
          sink.push(codeUnit);
          continue;
        }
        // 4.–7. Restore codeUnit's two bytes to ioQueue and return error.
        if (fatal) {
          const rest = new Uint8Array(end - i + 1);
          rest[0] = state.bigEndian ? codeUnit >> 8 : codeUnit & 0xFF;
          rest[1] = state.bigEndian ? codeUnit & 0xFF : codeUnit >> 8;
          rest.set(bytes.subarray(i + 1), 2);
          throw new DecodeFailure(rest);
        }
        sink.push(0xFFFD);
        // Reading the restored bytes again gives the same codeUnit, now without a leading
        // surrogate: fall through to the steps below.
      }
      // 7. If codeUnit is a leading surrogate, then set UTF-16 leading surrogate to it.
      if (codeUnit >= 0xD800 && codeUnit <= 0xDBFF) {
        state.leadSurrogate = codeUnit;
        continue;
      }
      // 8. If codeUnit is a trailing surrogate, then return error.
      if (codeUnit >= 0xDC00 && codeUnit <= 0xDFFF) {
        if (fatal) throw new DecodeFailure(bytes.slice(i + 1));
        sink.push(0xFFFD);
        continue;
      }
      // 9. Return code point codeUnit.
      sink.push(codeUnit);
    }
    // On end-of-queue: 1. If the leading byte or surrogate is non-null, set both to null and
    // return error. 2. Return finished.
    if (flush && (state.leadByte !== null || state.leadSurrogate !== null)) {
      state.leadByte = null;
      state.leadSurrogate = null;
      if (fatal) throw new DecodeFailure(EMPTY_BYTES);
      sink.push(0xFFFD);
    }
    return sink.toString();
  }

  // ------------------------------------------------------------------ single-byte encodings

  // The legacy single-byte encodings: each has an index single-byte of 128 code points (pointer =
  // byte − 0x80), as a string whose U+FFFD units mark pointers without a code point. Fetched from
  // Java once per encoding.
  const SINGLE_BYTE_ENCODINGS = new Set([
    "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
    "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15",
    "ISO-8859-16", "KOI8-R", "KOI8-U", "macintosh", "windows-874", "windows-1250", "windows-1251",
    "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
    "windows-1258", "x-mac-cyrillic",
  ]);
  const singleByteIndexes = new Map();

  function singleByteIndex(encoding) {
    let index = singleByteIndexes.get(encoding);
    if (index === undefined) {
      index = ops.text.singleByteIndex(encoding);
      singleByteIndexes.set(encoding, index);
    }
    return index;
  }

  // The single-byte decoder (https://encoding.spec.whatwg.org/#single-byte-decoder), run over all of
  // bytes. It keeps no state between bytes, so streaming changes nothing. In fatal mode an error
  // throws a DecodeFailure holding the bytes after the one in error.
  function decodeSingleByte(encoding, bytes, fatal) {
    const index = singleByteIndex(encoding);
    const sink = new CodeUnitSink();
    for (let i = 0, end = typedArrayByteLength.call(bytes); i < end; i++) {
      const byte = bytes[i];
      // 1. If byte is end-of-queue, return finished. (The loop ends.)
      // 2. If byte is an ASCII byte, return a code point whose value is byte.
      if (byte < 0x80) {
        sink.push(byte);
        continue;
      }
      // 3. Let code point be the index code point for byte − 0x80 in index single-byte.
      const codePoint = index.charCodeAt(byte - 0x80);
      // 4. If code point is null, return error: fatal mode fails, replacement mode emits U+FFFD.
      if (codePoint === 0xFFFD) {
        if (fatal) throw new DecodeFailure(bytes.slice(i + 1, end));
      }
      // 5. Return a code point whose value is code point.
      sink.push(codePoint);
    }
    return sink.toString();
  }

  // The x-user-defined decoder.
  function decodeXUserDefined(bytes) {
    const sink = new CodeUnitSink();
    for (let i = 0, end = typedArrayByteLength.call(bytes); i < end; i++) {
      const byte = bytes[i];
      // 2. If byte is an ASCII byte, return it. 3. Return 0xF780 + byte − 0x80.
      sink.push(byte < 0x80 ? byte : 0xF780 + byte - 0x80);
    }
    return sink.toString();
  }

  // ------------------------------------------------------------------ names and labels

  // Every label of the Encoding Standard, mapped to its encoding's name.
  const LABELS = new Map();
  function addLabels(name, labels) {
    for (const label of labels.split(" ")) LABELS.set(label, name);
  }
  addLabels("UTF-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8");
  addLabels("IBM866", "866 cp866 csibm866 ibm866");
  addLabels("ISO-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2");
  addLabels("ISO-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3");
  addLabels("ISO-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4");
  addLabels("ISO-8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988");
  addLabels("ISO-8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987");
  addLabels("ISO-8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek");
  addLabels("ISO-8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual");
  addLabels("ISO-8859-8-I", "csiso88598i iso-8859-8-i logical");
  addLabels("ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6");
  addLabels("ISO-8859-13", "iso-8859-13 iso8859-13 iso885913");
  addLabels("ISO-8859-14", "iso-8859-14 iso8859-14 iso885914");
  addLabels("ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9");
  addLabels("ISO-8859-16", "iso-8859-16");
  addLabels("KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r");
  addLabels("KOI8-U", "koi8-ru koi8-u");
  addLabels("macintosh", "csmacintosh mac macintosh x-mac-roman");
  addLabels("windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874");
  addLabels("windows-1250", "cp1250 windows-1250 x-cp1250");
  addLabels("windows-1251", "cp1251 windows-1251 x-cp1251");
  addLabels("windows-1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252");
  addLabels("windows-1253", "cp1253 windows-1253 x-cp1253");
  addLabels("windows-1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254");
  addLabels("windows-1255", "cp1255 windows-1255 x-cp1255");
  addLabels("windows-1256", "cp1256 windows-1256 x-cp1256");
  addLabels("windows-1257", "cp1257 windows-1257 x-cp1257");
  addLabels("windows-1258", "cp1258 windows-1258 x-cp1258");
  addLabels("x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian");
  addLabels("GBK", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk");
  addLabels("gb18030", "gb18030");
  addLabels("Big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5");
  addLabels("EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp");
  addLabels("ISO-2022-JP", "csiso2022jp iso-2022-jp");
  addLabels("Shift_JIS", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis");
  addLabels("EUC-KR", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949");
  addLabels("replacement", "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement");
  addLabels("UTF-16BE", "unicodefffe utf-16be");
  addLabels("UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le");
  addLabels("x-user-defined", "x-user-defined");

  // The encodings this runtime has a decoder for.
  const SUPPORTED = new Set(["UTF-8", "UTF-16BE", "UTF-16LE", ...SINGLE_BYTE_ENCODINGS, "x-user-defined"]);

  // Get an encoding: the encoding name for label, or null for failure.
  function getEncoding(label) {
    // 1. Remove any leading and trailing ASCII whitespace from label.
    // 2. If label is an ASCII case-insensitive match for any of the labels listed in the table,
    //    then return the corresponding encoding; otherwise return failure.
    const trimmed = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
    const lowered = trimmed.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    return LABELS.get(lowered) ?? null;
  }

  function newDecoderState(encoding) {
    switch (encoding) {
      case "UTF-8": return new Utf8DecoderState();
      case "UTF-16BE": return new Utf16DecoderState(true);
      case "UTF-16LE": return new Utf16DecoderState(false);
      default: return null;
    }
  }

  function runDecoder(encoding, state, bytes, fatal, flush) {
    switch (encoding) {
      case "UTF-8": return decodeUtf8(state, bytes, fatal, flush);
      case "UTF-16BE":
      case "UTF-16LE": return decodeUtf16(state, bytes, fatal, flush);
      case "x-user-defined": return decodeXUserDefined(bytes);
      default: return decodeSingleByte(encoding, bytes, fatal);
    }
  }

  // ------------------------------------------------------------------ TextDecoder

  const convertTextDecoderOptions = webidl.createDictionaryConverter("TextDecoderOptions", [
    { key: "fatal", converter: webidl.converters.boolean, defaultValue: false },
    { key: "ignoreBOM", converter: webidl.converters.boolean, defaultValue: false },
  ]);

  const convertTextDecodeOptions = webidl.createDictionaryConverter("TextDecodeOptions", [
    { key: "stream", converter: webidl.converters.boolean, defaultValue: false },
  ]);

  // The state every TextDecoderCommon object has (https://encoding.spec.whatwg.org/#textdecodercommon):
  // encoding, error mode, ignore BOM, BOM seen, and a decoder with its I/O queue. The decoder reads
  // each chunk before returning, so the queue only ever holds bytes a fatal error left unread.
  class DecoderContext {
    constructor(encoding, fatal, ignoreBOM) {
      this.encoding = encoding;
      this.fatal = fatal;
      this.ignoreBOM = ignoreBOM;
      this.bomSeen = false;
      this.decoder = newDecoderState(encoding);
      this.pending = null;
    }

    // A new instance of the encoding's decoder, an empty I/O queue, and BOM seen false.
    reset() {
      this.decoder = newDecoderState(this.encoding);
      this.pending = null;
      this.bomSeen = false;
    }

    // Pushes bytes to the I/O queue and processes its items; end-of-queue too when flush is true.
    // Returns the serialized output, or null when processing an item returned error (the caller
    // throws the TypeError the standard asks for).
    decode(bytes, flush) {
      if (this.pending !== null) {
        const queued = new Uint8Array(this.pending.length + typedArrayByteLength.call(bytes));
        queued.set(this.pending);
        queued.set(bytes, this.pending.length);
        bytes = queued;
        this.pending = null;
      }
      let output;
      try {
        output = runDecoder(this.encoding, this.decoder, bytes, this.fatal, flush);
      } catch (e) {
        if (!(e instanceof DecodeFailure)) throw e;
        if (e.rest.length > 0) this.pending = e.rest;
        return null;
      }
      return this.serialize(output);
    }

    // Serialize I/O queue: for UTF-8 and UTF-16BE/LE, a U+FEFF first code point is dropped unless
    // ignore BOM is true; BOM seen is set by the first code point of the stream.
    serialize(output) {
      if (output.length === 0 || this.ignoreBOM || this.bomSeen) return output;
      if (this.encoding !== "UTF-8" && this.encoding !== "UTF-16BE" && this.encoding !== "UTF-16LE") {
        return output;
      }
      this.bomSeen = true;
      return output.charCodeAt(0) === 0xFEFF ? output.slice(1) : output;
    }
  }

  // Steps 1-2 of the TextDecoder and TextDecoderStream constructors: the encoding label names, or a
  // RangeError. This runtime has no decoder for the legacy multi-byte encodings: a RangeError too.
  function decoderEncoding(label, prefix) {
    // 1. Let encoding be the result of getting an encoding from label.
    const encoding = getEncoding(label);
    // 2. If encoding is failure or replacement, then throw a RangeError.
    if (encoding === null || encoding === "replacement") {
      throw new RangeError(`${prefix}: The encoding label provided ('${label}') is invalid.`);
    }
    if (!SUPPORTED.has(encoding)) {
      throw new RangeError(`${prefix}: The encoding '${encoding}' is not supported by this runtime.`);
    }
    return encoding;
  }

  let isTextDecoder;

  class TextDecoder {
    #context;
    #doNotFlush = false;

    static {
      isTextDecoder = (value) => value !== null && typeof value === "object" && #context in value;
    }

    constructor(label = "utf-8", options = undefined) {
      const prefix = "Failed to construct 'TextDecoder'";
      this[webidl.brand] = webidl.brand;
      label = webidl.converters.DOMString(label, prefix, "Argument 1");
      options = convertTextDecoderOptions(options, prefix, "Argument 2");
      // 1.-2. Get an encoding from label; failure or replacement throws a RangeError.
      // 3. Set this's encoding to encoding.
      // 4. If options["fatal"] is true, then set this's error mode to "fatal".
      // 5. Set this's ignore BOM to options["ignoreBOM"].
      this.#context = new DecoderContext(decoderEncoding(label, prefix), options.fatal, options.ignoreBOM);
    }

    // The encoding's name, ASCII lowercased.
    get encoding() {
      assertTextDecoder(this);
      return this.#context.encoding.toLowerCase();
    }

    get fatal() {
      assertTextDecoder(this);
      return this.#context.fatal;
    }

    get ignoreBOM() {
      assertTextDecoder(this);
      return this.#context.ignoreBOM;
    }

    decode(input = undefined, options = undefined) {
      assertTextDecoder(this);
      const prefix = "Failed to execute 'decode' on 'TextDecoder'";
      if (input !== undefined) input = webidl.converters.AllowSharedBufferSource(input, prefix, "Argument 1");
      options = convertTextDecodeOptions(options, prefix, "Argument 2");
      const context = this.#context;
      // 1. If this's do not flush is false, then set this's decoder to a new instance of this's
      //    encoding's decoder, this's I/O queue to « end-of-queue », and BOM seen to false.
      if (!this.#doNotFlush) context.reset();
      // 2. Set this's do not flush to options["stream"].
      this.#doNotFlush = options.stream;
      // 3. If input is given, then push a copy of input to this's I/O queue. (The bytes are read
      //    before this method returns and only a fatal error keeps any, as a copy.)
      // 4.-5. Process the queue; end-of-queue is processed only when do not flush is false.
      const output = context.decode(input === undefined ? EMPTY_BYTES : byteView(input), !this.#doNotFlush);
      // Otherwise, if result is error, throw a TypeError.
      if (output === null) {
        throw new TypeError(`${prefix}: The encoded data was not valid for encoding ${context.encoding.toLowerCase()}.`);
      }
      return output;
    }
  }

  function assertTextDecoder(self) {
    if (!isTextDecoder(self)) throw new TypeError("Illegal invocation");
  }

  // ------------------------------------------------------------------ TextEncoder

  let isTextEncoder;

  class TextEncoder {
    #brand = true;

    static {
      isTextEncoder = (value) => value !== null && typeof value === "object" && #brand in value;
    }

    // The constructor steps are to do nothing (but mark the platform object).
    constructor() {
      this[webidl.brand] = webidl.brand;
    }

    get encoding() {
      assertTextEncoder(this);
      // Return "utf-8".
      return "utf-8";
    }

    encode(input = "") {
      assertTextEncoder(this);
      input = webidl.converters.USVString(input, "Failed to execute 'encode' on 'TextEncoder'", "Argument 1");
      // 1.–3. Convert input to an I/O queue of scalar values and run the UTF-8 encoder over it.
      // 4. Return the result of creating a Uint8Array object given output.
      return utf8Encode(input);
    }

    encodeInto(source, destination) {
      assertTextEncoder(this);
      const prefix = "Failed to execute 'encodeInto' on 'TextEncoder'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      source = webidl.converters.USVString(source, prefix, "Argument 1");
      destination = webidl.converters.Uint8Array(destination, prefix, "Argument 2", { allowShared: true });
      const capacity = typedArrayByteLength.call(destination);
      const length = source.length;
      // A long source that fits as a whole: encode it in one go and copy it in.
      if (length >= JAVA_THRESHOLD && length * 3 <= capacity) {
        const bytes = utf8Encode(source);
        destination.set(bytes);
        return { read: length, written: bytes.length };
      }
      // 1. Let read be 0.
      let read = 0;
      // 2. Let written be 0.
      let written = 0;
      // 3.–6. For each scalar value of source, run the UTF-8 encoder's handler:
      const scratch = new Uint8Array(4);
      while (read < length) {
        let cp = source.charCodeAt(read);
        let units = 1;
        if (cp >= 0xD800 && cp <= 0xDBFF && read + 1 < length) {
          const next = source.charCodeAt(read + 1);
          if ((next & 0xFC00) === 0xDC00) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (next - 0xDC00);
            units = 2;
          }
        }
        if (cp < 0x80) {
          // An ASCII code point is one byte.
          if (capacity - written < 1) break;
          destination[written++] = cp;
          read++;
          continue;
        }
        const n = encodeCodePoint(cp, scratch, 0);
        // 1. If destination's byte length − written is greater than or equal to the number of
        //    bytes in result: increment read by 2 for a code point above U+FFFF, else by 1;
        //    write the bytes into destination at written; increment written by their number.
        // 2. Otherwise, break.
        if (capacity - written < n) break;
        for (let k = 0; k < n; k++) destination[written + k] = scratch[k];
        read += units;
        written += n;
      }
      // 7. Return «[ "read" → read, "written" → written ]».
      return { read, written };
    }
  }

  function assertTextEncoder(self) {
    if (!isTextEncoder(self)) throw new TypeError("Illegal invocation");
  }

  // ------------------------------------------------------------------ atob / btoa

  // btoa(data): each code unit of data is a byte; throw if one is above U+00FF.
  function btoa(data) {
    // Operation of the global object: this must be the global (or null/undefined).
    webidl.assertGlobalReceiver(this);
    const prefix = "Failed to execute 'btoa'";
    webidl.requiredArguments(arguments.length, 1, prefix);
    data = webidl.converters.DOMString(data, prefix, "Argument 1");
    // 1. Let byteSequence be the isomorphic encoding of data (throw an "InvalidCharacterError"
    //    DOMException if data contains a code point greater than U+00FF).
    // 2. Return the result of applying forgiving-base64 encode to byteSequence.
    const result = ops.text.base64Encode(data);
    if (result === null) {
      throw new internals.DOMException(
        `${prefix}: The string to be encoded contains characters outside of the Latin1 range.`,
        "InvalidCharacterError");
    }
    return result;
  }

  // atob(data): forgiving-base64 decode data into a string of bytes.
  function atob(data) {
    // Operation of the global object: this must be the global (or null/undefined).
    webidl.assertGlobalReceiver(this);
    const prefix = "Failed to execute 'atob'";
    webidl.requiredArguments(arguments.length, 1, prefix);
    data = webidl.converters.DOMString(data, prefix, "Argument 1");
    // 1. Let decodedData be the result of running forgiving-base64 decode on data.
    const decoded = ops.text.base64Decode(data);
    // 2. If decodedData is failure, then throw an "InvalidCharacterError" DOMException.
    if (decoded === null) {
      throw new internals.DOMException(
        `${prefix}: The string to be decoded is not correctly encoded.`, "InvalidCharacterError");
    }
    // 3. Return decodedData (each byte as a code unit).
    return decoded;
  }

  // ------------------------------------------------------------------ exposure

  webidl.configureInterface(TextEncoder);
  webidl.configureInterface(TextDecoder);
  webidl.exposeInterface(globalThis, "TextEncoder", TextEncoder);
  webidl.exposeInterface(globalThis, "TextDecoder", TextDecoder);
  // Operations of the global object are enumerable, writable and configurable data properties.
  for (const fn of [atob, btoa]) {
    Object.defineProperty(globalThis, fn.name, { value: fn, writable: true, enumerable: true, configurable: true });
  }

  // UTF-8 decode without BOM (or fail, when fatal) of a complete byte sequence.
  function decodeComplete(bytes, fatal) {
    try {
      return decodeUtf8(new Utf8DecoderState(), byteView(bytes), fatal, true);
    } catch (e) {
      if (e instanceof DecodeFailure) return null;
      throw e;
    }
  }

  internals.encoding = {
    // For TextDecoderStream: the constructor's encoding steps, its dictionary, and the decoder state.
    decoderEncoding,
    convertTextDecoderOptions,
    newDecoderContext: (encoding, fatal, ignoreBOM) => new DecoderContext(encoding, fatal, ignoreBOM),
    byteView,
    utf8Encode(string) {
      return utf8Encode(String(string));
    },
    // UTF-8 decode: skip a leading BOM (0xEF 0xBB 0xBF), then decode with replacement.
    utf8Decode(bytes) {
      const view = byteView(bytes);
      const bom = view.length >= 3 && view[0] === 0xEF && view[1] === 0xBB && view[2] === 0xBF;
      return decodeComplete(bom ? view.subarray(3) : view, false);
    },
    utf8DecodeWithoutBOM(bytes) {
      return decodeComplete(bytes, false);
    },
    utf8DecodeWithoutBOMOrFail(bytes) {
      return decodeComplete(bytes, true);
    },
    utf8ByteLength(string) {
      return utf8ByteLength(String(string));
    },
  };
})

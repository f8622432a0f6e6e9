// Blob, File and FileReader: https://w3c.github.io/FileAPI/ — and ProgressEvent, which FileReader
// fires: https://xhr.spec.whatwg.org/#interface-progressevent
//
// A Blob's bytes live on the Java side as an immutable dev.wsjs.blob.BlobData (a list of buffer
// slices): slicing and concatenating share memory, and bytes are copied exactly once on the way in
// (the constructor's "get a copy of the bytes held by the buffer source") and once on the way out
// (arrayBuffer(), bytes(), readAsArrayBuffer(), whose results the script may mutate).
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const blobOps = ops.blob;

  // Builtins captured before any user script runs.
  const ArrayBufferCtor = ArrayBuffer;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const Uint8ArrayCtor = Uint8Array;
  const PromiseCtor = Promise;
  const ReflectApply = Reflect.apply;
  const DateNow = Date.now;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const RegExpPrototypeTest = RegExp.prototype.test;
  const StringPrototypeReplace = String.prototype.replace;
  const StringPrototypeToLowerCase = String.prototype.toLowerCase;
  const StringPrototypeSlice = String.prototype.slice;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const TypedArraySet = TypedArrayPrototype.set;
  const TypedArraySubarray = TypedArrayPrototype.subarray;
  const TypedArrayBuffer = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, "buffer").get;
  const TypedArrayByteOffset = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, "byteOffset").get;
  const TypedArrayByteLength = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, "byteLength").get;
  const DataViewBuffer = ObjectGetOwnPropertyDescriptor(DataView.prototype, "buffer").get;
  const DataViewByteOffset = ObjectGetOwnPropertyDescriptor(DataView.prototype, "byteOffset").get;
  const DataViewByteLength = ObjectGetOwnPropertyDescriptor(DataView.prototype, "byteLength").get;
  const ArrayBufferByteLength = ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
  const TextDecoderCtor = typeof globalThis.TextDecoder === "function" ? globalThis.TextDecoder : undefined;

  const EMPTY = blobOps.empty();
  const NATIVE_LINE_ENDING = blobOps.nativeLineEnding();
  // Lets the File constructor and internals.blob.createBlob hand a finished byte sequence to the
  // Blob constructor; scripts cannot reach it, so for them Blob(blobParts, options) is all there is.
  const kInternal = Object.freeze({ __proto__: null });

  // ------------------------------------------------------------------ helpers

  /** Queues a task on the file reading task source. */
  function queueFileReadingTask(task) {
    blobOps.queueTask(task);
  }

  /**
   * A new ArrayBuffer holding the bytes of `data`: each Java part is wrapped as a read-only
   * ArrayBuffer (no copy) and copied once into the result, an ordinary ArrayBuffer the script owns
   * (it can mutate or transfer it without touching the blob).
   */
  function copyToArrayBuffer(data, size) {
    const result = new ArrayBufferCtor(size);
    if (size === 0) return result;
    copyInto(data, new Uint8ArrayCtor(result));
    return result;
  }

  /** Copies the bytes of blob data into target (a Uint8Array at least as long), one bulk copy per part. */
  function copyInto(data, target) {
    const parts = blobOps.buffers(data);
    let offset = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = new Uint8ArrayCtor(new ArrayBufferCtor(parts[i]));
      ReflectApply(TypedArraySet, target, [part, offset]);
      offset += part.length;
    }
  }

  /** "Get a copy of the bytes held by the buffer source", in one bulk copy on the Java side. */
  function copyBufferSource(source) {
    if (ArrayBufferIsView(source)) {
      let buffer;
      let byteOffset;
      let byteLength;
      if (webidl.typedArrayName(source) !== undefined) {
        buffer = ReflectApply(TypedArrayBuffer, source, []);
        byteOffset = ReflectApply(TypedArrayByteOffset, source, []);
        byteLength = ReflectApply(TypedArrayByteLength, source, []);
      } else {
        buffer = ReflectApply(DataViewBuffer, source, []);
        byteOffset = ReflectApply(DataViewByteOffset, source, []);
        byteLength = ReflectApply(DataViewByteLength, source, []);
      }
      return byteLength === 0 ? EMPTY : blobOps.fromBuffer(buffer, byteOffset, byteLength);
    }
    // A detached buffer holds no bytes (byteLength 0).
    const byteLength = ReflectApply(ArrayBufferByteLength, source, []);
    return byteLength === 0 ? EMPTY : blobOps.fromBuffer(source, 0, byteLength);
  }

  const NOT_PRINTABLE_ASCII = /[^\x20-\x7E]/;

  /** The type normalization of the Blob and File constructors and of slice(). */
  function normalizeType(t) {
    // If t contains any characters outside the range U+0020 to U+007E, then set t to the empty string
    // and return from these substeps.
    if (ReflectApply(RegExpPrototypeTest, NOT_PRINTABLE_ASCII, [t])) return "";
    // Convert every character in t to ASCII lowercase (t is ASCII, so toLowerCase is exactly that).
    return ReflectApply(StringPrototypeToLowerCase, t, []);
  }

  const LINE_BREAK = /\r\n|\r|\n/g;

  // https://w3c.github.io/FileAPI/#convert-line-endings-to-native
  function convertLineEndingsToNative(s) {
    // 1-2. Let native line ending be U+000A LF, or U+000D CR U+000A LF where the platform's convention
    //      is CRLF.
    // 3-7. Walk s, copying runs of code points other than CR and LF; each CR LF pair, lone CR and lone
    //      LF appends native line ending. One global replace in that order of alternatives does the same.
    return ReflectApply(StringPrototypeReplace, s, [LINE_BREAK, NATIVE_LINE_ENDING]);
  }

  // ------------------------------------------------------------------ Blob

  let isBlob;
  let blobDataOf;
  let blobTypeOf;
  let blobSizeOf;

  // https://w3c.github.io/FileAPI/#blob-section
  class Blob {
    #data;
    #size;
    #type;

    // https://w3c.github.io/FileAPI/#constructorBlob
    constructor(blobParts = undefined, options = undefined) {
      if (blobParts === kInternal) {
        // A blob made by the platform around bytes it already has (internals.blob.createBlob, File).
        this.#data = options.data;
        this.#size = options.size;
        this.#type = options.type;
        this[webidl.brand] = webidl.brand;
        return;
      }
      const prefix = "Failed to construct 'Blob'";
      const parts = blobParts === undefined ? undefined : convertBlobParts(blobParts, prefix, "Argument 1");
      const bag = convertBlobPropertyBag(options, prefix, "Argument 2");
      this[webidl.brand] = webidl.brand;
      // 1. If invoked with zero parameters, return a new Blob object consisting of 0 bytes, with size
      //    set to 0, and with type set to the empty string.
      // 2. Let bytes be the result of processing blob parts given blobParts and options.
      const bytes = parts === undefined ? EMPTY : processBlobParts(parts, bag);
      // 3. If the type member of the options argument is not the empty string, run the following sub-steps:
      //    1. Let t be the type dictionary member. If t contains any characters outside the range U+0020
      //       to U+007E, then set t to the empty string and return from these substeps.
      //    2. Convert every character in t to ASCII lowercase.
      const t = bag.type === "" ? "" : normalizeType(bag.type);
      // 4. Return a Blob object referring to bytes as its associated byte sequence, with its size set to
      //    the length of bytes, and its type set to the value of t from the substeps above.
      this.#data = bytes;
      this.#size = bytes === EMPTY ? 0 : blobOps.size(bytes);
      this.#type = t;
    }

    static {
      isBlob = (V) => V !== null && (typeof V === "object" || typeof V === "function") && #data in V;
      blobDataOf = (blob) => blob.#data;
      blobTypeOf = (blob) => blob.#type;
      blobSizeOf = (blob) => blob.#size;
    }

    // https://w3c.github.io/FileAPI/#dfn-size
    get size() {
      assertBlob(this);
      return this.#size;
    }

    // https://w3c.github.io/FileAPI/#dfn-type
    get type() {
      assertBlob(this);
      return this.#type;
    }

    // https://w3c.github.io/FileAPI/#dfn-slice
    slice(start = undefined, end = undefined, contentType = undefined) {
      assertBlob(this);
      const prefix = "Failed to execute 'slice' on 'Blob'";
      // 1. Let sliceStart, sliceEnd, and sliceContentType be null.
      // 2. If start is given, set sliceStart to start.
      const sliceStart = start === undefined ? null : converters["long long"](start, prefix, "Argument 1", CLAMP);
      // 3. If end is given, set sliceEnd to end.
      const sliceEnd = end === undefined ? null : converters["long long"](end, prefix, "Argument 2", CLAMP);
      // 4. If contentType is given, set sliceContentType to contentType.
      const sliceContentType = contentType === undefined ? null : converters.DOMString(contentType, prefix, "Argument 3");
      // 5. Return the result of slice blob given this, sliceStart, sliceEnd, and sliceContentType.
      return sliceBlob(this.#data, this.#size, sliceStart, sliceEnd, sliceContentType);
    }

    // https://w3c.github.io/FileAPI/#text-method-algo
    text() {
      try {
        assertBlob(this);
      } catch (e) {
        return PromiseReject(e);
      }
      const data = this.#data;
      // 1-4. Read all bytes (in a later task on the file reading task source) and UTF-8 decode them.
      return new PromiseCtor((resolve) => {
        queueFileReadingTask(() => resolve(this.#size === 0 ? "" : blobOps.utf8Decode(data)));
      });
    }

    // https://w3c.github.io/FileAPI/#arraybuffer-method-algo
    arrayBuffer() {
      try {
        assertBlob(this);
      } catch (e) {
        return PromiseReject(e);
      }
      const data = this.#data;
      const size = this.#size;
      // 1-4. Read all bytes and return a new ArrayBuffer whose contents are them.
      return new PromiseCtor((resolve, reject) => {
        queueFileReadingTask(() => {
          try {
            resolve(copyToArrayBuffer(data, size));
          } catch (e) {
            // Creating the ArrayBuffer can throw a RangeError (too large).
            reject(e);
          }
        });
      });
    }

    // https://w3c.github.io/FileAPI/#bytes-method-algo
    bytes() {
      try {
        assertBlob(this);
      } catch (e) {
        return PromiseReject(e);
      }
      const data = this.#data;
      const size = this.#size;
      // 1-4. Read all bytes and return a new Uint8Array wrapping an ArrayBuffer containing them.
      return new PromiseCtor((resolve, reject) => {
        queueFileReadingTask(() => {
          try {
            resolve(new Uint8ArrayCtor(copyToArrayBuffer(data, size)));
          } catch (e) {
            reject(e);
          }
        });
      });
    }

    // https://w3c.github.io/FileAPI/#dom-blob-stream
    stream() {
      assertBlob(this);
      // The stream() method steps are to return the result of getting a stream from this.
      return getStream(this.#data, this.#size);
    }
  }

  // Bytes per chunk of Blob.stream(): the File API leaves "reading a chunk" to the implementation.
  const STREAM_CHUNK_SIZE = 65536;

  /**
   * https://w3c.github.io/FileAPI/#blob-get-stream — the bytes are read one chunk per pull, so a reader
   * that stops reading stops the copying (the standard reads "in parallel" with no limit; the chunks a
   * reader sees are the same). When a BYOB reader waits with a view, the chunk is read straight into
   * that view, as the Streams Standard asks of byte sources ("pull from bytes"): one copy, not two.
   */
  function getStream(data, size) {
    const streams = internals.streams;
    let offset = 0;
    let stream;
    // 3. While not all bytes of blob have been read (one chunk per pull):
    const pullAlgorithm = () => new PromiseCtor((resolve) => {
      // 3.1.2. Queue a global task on the file reading task source to perform the following steps:
      queueFileReadingTask(() => {
        try {
          if (offset < size) {
            // 3.1.1. Let bytes be the byte sequence that results from reading a chunk from blob: at most
            //        what the waiting BYOB view holds, if there is one.
            const byobView = streams.currentBYOBRequestView(stream);
            const chunkSize = byobView !== null && byobView.byteLength < STREAM_CHUNK_SIZE
              ? byobView.byteLength : STREAM_CHUNK_SIZE;
            const end = offset + chunkSize < size ? offset + chunkSize : size;
            const bytes = blobOps.slice(data, offset, end);
            // 3.1.2.2. Let chunk be a new Uint8Array wrapping an ArrayBuffer containing bytes (or the
            //          filled part of the BYOB view, which "enqueue" turns into a respond()).
            let chunk;
            if (byobView !== null) {
              chunk = new Uint8ArrayCtor(byobView.buffer, byobView.byteOffset, end - offset);
              copyInto(bytes, chunk);
            } else {
              chunk = new Uint8ArrayCtor(copyToArrayBuffer(bytes, end - offset));
            }
            offset = end;
            // 3.1.2.3. Enqueue chunk in stream.
            streams.enqueue(stream, chunk);
          }
          // All bytes read: close the stream.
          if (offset >= size) streams.close(stream);
        } catch (e) {
          // 3.1.2.1-2. If reading or creating the ArrayBuffer fails, error stream with that exception.
          streams.error(stream, e);
        }
        resolve();
      });
    });
    // 1. Let stream be a new ReadableStream created in blob's relevant Realm.
    // 2. Set up stream with byte reading support.
    stream = streams.setUpReadableByteStream(pullAlgorithm, () => undefined);
    // 4. Return stream.
    return stream.object;
  }

  const PromiseReject = (e) => ReflectApply(PromiseCtor.reject, PromiseCtor, [e]);
  const CLAMP = { __proto__: null, clamp: true };

  function assertBlob(self) {
    if (!isBlob(self)) throw new TypeError("Illegal invocation");
  }

  // https://w3c.github.io/FileAPI/#slice-blob
  function sliceBlob(data, originalSize, start, end, contentType) {
    // 1. Let originalSize be blob's size.
    // 2. Normalize start: null → 0; negative → max(originalSize + start, 0); else min(start, originalSize).
    let relativeStart;
    if (start === null) relativeStart = 0;
    else if (start < 0) relativeStart = Math.max(originalSize + start, 0);
    else relativeStart = Math.min(start, originalSize);
    // 3. Normalize end: null → originalSize; negative → max(originalSize + end, 0); else min(end, originalSize).
    let relativeEnd;
    if (end === null) relativeEnd = originalSize;
    else if (end < 0) relativeEnd = Math.max(originalSize + end, 0);
    else relativeEnd = Math.min(end, originalSize);
    // 4. Normalize contentType: null → the empty string; otherwise the type normalization.
    const relativeContentType = contentType === null ? "" : normalizeType(contentType);
    // 5. Let span be max((relativeEnd - relativeStart), 0).
    const span = Math.max(relativeEnd - relativeStart, 0);
    // 6. Return a new Blob S referring to span consecutive bytes of blob's byte sequence from
    //    relativeStart (sharing them: no byte is copied), with size span and type relativeContentType.
    const bytes = span === 0 ? EMPTY : blobOps.slice(data, relativeStart, relativeStart + span);
    return createBlob(bytes, relativeContentType, span);
  }

  /** A Blob around an existing byte sequence (no copy). */
  function createBlob(data, type, size = blobOps.size(data)) {
    return new Blob(kInternal, { __proto__: null, data, size, type });
  }

  // https://w3c.github.io/FileAPI/#process-blob-parts
  function processBlobParts(parts, options) {
    // 1. Let bytes be an empty sequence of bytes.
    //    Its pieces are Java BlobData objects: a null-prototype array, so that no setter or method a
    //    script put on Array.prototype or Object.prototype ever sees one.
    const pieces = ObjectSetPrototypeOf([], null);
    // Adjacent strings are encoded together: the UTF-8 encoding of a concatenation of scalar value
    // strings is the concatenation of their encodings, and it saves a trip to Java per string.
    let text = "";
    const native = options.endings === "native";
    // 2. For each element in parts:
    for (let i = 0; i < parts.length; i++) {
      const element = parts[i];
      // 2.1. If element is a USVString, run the following substeps:
      if (typeof element === "string") {
        // 2.1.1. Let s be element.
        // 2.1.2. If the endings member of options is "native", set s to the result of converting line
        //        endings to native of element.
        // 2.1.3. Append the result of UTF-8 encoding s to bytes.
        text += native ? convertLineEndingsToNative(element) : element;
        continue;
      }
      if (text !== "") {
        pieces[pieces.length] = blobOps.fromString(text);
        text = "";
      }
      if (isBlob(element)) {
        // 2.3. If element is a Blob, append the bytes it represents to bytes (shared, not copied).
        const data = blobDataOf(element);
        if (data !== EMPTY) pieces[pieces.length] = data;
      } else {
        // 2.2. If element is a BufferSource, get a copy of the bytes held by the buffer source, and
        //      append those bytes to bytes.
        const data = copyBufferSource(element);
        if (data !== EMPTY) pieces[pieces.length] = data;
      }
    }
    if (text !== "") pieces[pieces.length] = blobOps.fromString(text);
    // 3. Return bytes.
    if (pieces.length === 0) return EMPTY;
    if (pieces.length === 1) return pieces[0];
    return blobOps.concat(pieces);
  }

  // typedef (BufferSource or Blob or USVString) BlobPart;
  // https://webidl.spec.whatwg.org/#js-union
  function convertBlobPart(V, prefix, context) {
    if (V !== null && (typeof V === "object" || typeof V === "function")) {
      // 4. If V is a platform object, then: if types includes an interface type that V implements,
      //    return the IDL value that is a reference to the object V.
      if (isBlob(V)) return V;
      // 5. If V has an [[ArrayBufferData]] internal slot and IsSharedArrayBuffer(V) is false, then if types
      //    includes ArrayBuffer, return the result of converting V to ArrayBuffer.
      if (webidl.isArrayBuffer(V)) return converters.ArrayBuffer(V, prefix, context);
      // 7-8. If V has a [[DataView]] or [[TypedArrayName]] internal slot, then if types includes
      //      ArrayBufferView (BufferSource does), return the result of converting V to it.
      if (ArrayBufferIsView(V)) return converters.ArrayBufferView(V, prefix, context);
    }
    // 12. If types includes a string type, then return the result of converting V to that type.
    return converters.USVString(V, prefix, context);
  }

  const convertBlobParts = webidl.createSequenceConverter(convertBlobPart);

  const convertEndingType = webidl.createEnumConverter("EndingType", ["transparent", "native"]);
  const blobPropertyBagMembers = [
    { key: "type", converter: converters.DOMString, defaultValue: "" },
    { key: "endings", converter: convertEndingType, defaultValue: "transparent" },
  ];
  const convertBlobPropertyBag = webidl.createDictionaryConverter("BlobPropertyBag", blobPropertyBagMembers);

  webidl.configureInterface(Blob);
  const BlobPrototype = Blob.prototype;
  converters.Blob = (V, prefix, context) => {
    if (isBlob(V)) return V;
    throw webidl.makeException(TypeError, "is not of type 'Blob'.", prefix, context);
  };
  converters["Blob?"] = webidl.createNullableConverter(converters.Blob);

  // ------------------------------------------------------------------ File

  let isFile;
  let fileNameOf;
  let fileLastModifiedOf;

  // https://w3c.github.io/FileAPI/#file-section
  class File extends Blob {
    #name;
    #lastModified;

    // https://w3c.github.io/FileAPI/#file-constructor
    constructor(fileBits, fileName, options = undefined) {
      if (fileBits === kInternal) {
        super(kInternal, fileName);
        this.#name = fileName.name;
        this.#lastModified = fileName.lastModified;
        return;
      }
      const prefix = "Failed to construct 'File'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      const bits = convertBlobParts(fileBits, prefix, "Argument 1");
      const name = converters.USVString(fileName, prefix, "Argument 2");
      const bag = convertFilePropertyBag(options, prefix, "Argument 3");
      // 1. Let bytes be the result of processing blob parts given fileBits and options.
      const bytes = processBlobParts(bits, bag);
      // 2. Let n be the fileName argument to the constructor.
      const n = name;
      // 3. Process FilePropertyBag dictionary argument by running the following substeps:
      //    1. If the type member is provided and is not the empty string, let t be set to the type
      //       dictionary member. If t contains any characters outside the range U+0020 to U+007E, then
      //       set t to the empty string and return from these substeps.
      //    2. Convert every character in t to ASCII lowercase.
      const t = bag.type === "" ? "" : normalizeType(bag.type);
      //    3. If the lastModified member is provided, let d be set to the lastModified dictionary member.
      //       If it is not provided, set d to the current date and time represented as the number of
      //       milliseconds since the Unix Epoch.
      const d = bag.lastModified !== undefined ? bag.lastModified : DateNow();
      // 4. Return a new File object F such that F refers to the bytes byte sequence, F.size is the number
      //    of total bytes in bytes, F.name is n, F.type is t and F.lastModified is d.
      super(kInternal, { __proto__: null, data: bytes, size: bytes === EMPTY ? 0 : blobOps.size(bytes), type: t });
      this.#name = n;
      this.#lastModified = d;
    }

    static {
      isFile = (V) => V !== null && (typeof V === "object" || typeof V === "function") && #name in V;
      fileNameOf = (file) => file.#name;
      fileLastModifiedOf = (file) => file.#lastModified;
    }

    // https://w3c.github.io/FileAPI/#dfn-name
    get name() {
      assertFile(this);
      return this.#name;
    }

    // https://w3c.github.io/FileAPI/#dfn-lastModified
    get lastModified() {
      assertFile(this);
      return this.#lastModified;
    }
  }

  function assertFile(self) {
    if (!isFile(self)) throw new TypeError("Illegal invocation");
  }

  const convertFilePropertyBag = webidl.createDictionaryConverter("FilePropertyBag", blobPropertyBagMembers, [
    { key: "lastModified", converter: converters["long long"] },
  ]);

  /** A File around an existing byte sequence (no copy). */
  function createFile(data, type, name, lastModified, size = blobOps.size(data)) {
    return new File(kInternal, { __proto__: null, data, size, type, name, lastModified });
  }

  webidl.configureInterface(File);

  // ------------------------------------------------------------------ ProgressEvent

  // https://xhr.spec.whatwg.org/#interface-progressevent (defined here unless an earlier layer did)
  let ProgressEvent = internals.ProgressEvent;
  if (ProgressEvent === undefined) {
    const convertProgressEventInit = webidl.createDictionaryConverter("ProgressEventInit",
      [
        { key: "bubbles", converter: converters.boolean, defaultValue: false },
        { key: "cancelable", converter: converters.boolean, defaultValue: false },
        { key: "composed", converter: converters.boolean, defaultValue: false },
      ],
      [
        { key: "lengthComputable", converter: converters.boolean, defaultValue: false },
        { key: "loaded", converter: converters.double, defaultValue: 0 },
        { key: "total", converter: converters.double, defaultValue: 0 },
      ]);

    let isProgressEvent;
    ProgressEvent = class ProgressEvent extends internals.Event {
      #lengthComputable;
      #loaded;
      #total;

      constructor(type, eventInitDict = undefined) {
        const prefix = "Failed to construct 'ProgressEvent'";
        webidl.requiredArguments(arguments.length, 1, prefix);
        type = converters.DOMString(type, prefix, "Argument 1");
        const init = convertProgressEventInit(eventInitDict, prefix, "Argument 2");
        super(type, init);
        this.#lengthComputable = init.lengthComputable;
        this.#loaded = init.loaded;
        this.#total = init.total;
      }

      get lengthComputable() {
        assertProgressEvent(this);
        return this.#lengthComputable;
      }

      get loaded() {
        assertProgressEvent(this);
        return this.#loaded;
      }

      get total() {
        assertProgressEvent(this);
        return this.#total;
      }

      static {
        isProgressEvent = (V) => V !== null && typeof V === "object" && #loaded in V;
      }
    };
    function assertProgressEvent(self) {
      if (!isProgressEvent(self)) throw new TypeError("Illegal invocation");
    }
    webidl.configureInterface(ProgressEvent);
    internals.ProgressEvent = ProgressEvent;
    webidl.exposeInterface(globalThis, "ProgressEvent", ProgressEvent);
  }

  // ------------------------------------------------------------------ FileReader

  let isFileReader;

  // https://w3c.github.io/FileAPI/#APIASynch
  class FileReader extends internals.EventTarget {
    // https://w3c.github.io/FileAPI/#filereader-state: "empty", "loading" or "done".
    #state = "empty";
    #result = null;
    #error = null;
    // Bumped by every read and by abort(): a queued task of an older read finds it changed and does
    // nothing, which is how "remove those tasks from that task queue" is done.
    #readGeneration = 0;

    // https://w3c.github.io/FileAPI/#filereaderConstrctr
    constructor() {
      super();
      this[webidl.brand] = webidl.brand;
    }

    static {
      isFileReader = (V) => V !== null && typeof V === "object" && #state in V;
    }

    // https://w3c.github.io/FileAPI/#dfn-readAsArrayBuffer
    readAsArrayBuffer(blob) {
      assertFileReader(this);
      const prefix = "Failed to execute 'readAsArrayBuffer' on 'FileReader'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      blob = converters.Blob(blob, prefix, "Argument 1");
      this.#readOperation(blob, "ArrayBuffer", undefined);
    }

    // https://w3c.github.io/FileAPI/#dfn-readAsBinaryString
    readAsBinaryString(blob) {
      assertFileReader(this);
      const prefix = "Failed to execute 'readAsBinaryString' on 'FileReader'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      blob = converters.Blob(blob, prefix, "Argument 1");
      this.#readOperation(blob, "BinaryString", undefined);
    }

    // https://w3c.github.io/FileAPI/#dfn-readAsText
    readAsText(blob, encoding = undefined) {
      assertFileReader(this);
      const prefix = "Failed to execute 'readAsText' on 'FileReader'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      blob = converters.Blob(blob, prefix, "Argument 1");
      if (encoding !== undefined) encoding = converters.DOMString(encoding, prefix, "Argument 2");
      this.#readOperation(blob, "Text", encoding);
    }

    // https://w3c.github.io/FileAPI/#dfn-readAsDataURL
    readAsDataURL(blob) {
      assertFileReader(this);
      const prefix = "Failed to execute 'readAsDataURL' on 'FileReader'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      blob = converters.Blob(blob, prefix, "Argument 1");
      this.#readOperation(blob, "DataURL", undefined);
    }

    // https://w3c.github.io/FileAPI/#dfn-abort
    abort() {
      assertFileReader(this);
      // 1. If this's state is "empty" or if this's state is "done" set this's result to null and
      //    terminate this algorithm.
      if (this.#state === "empty" || this.#state === "done") {
        this.#result = null;
        return;
      }
      // 2. If this's state is "loading" set this's state to "done" and set this's result to null.
      this.#state = "done";
      this.#result = null;
      // 3. If there are any tasks from this on the file reading task source in an affiliated task queue,
      //    then remove those tasks from that task queue.
      // 4. Terminate the algorithm for the read method being processed.
      this.#readGeneration++;
      // 5. Fire a progress event called abort at this.
      fireProgressEvent(this, "abort", 0, 0);
      // 6. If this's state is not "loading", fire a progress event called loadend at this.
      if (this.#state !== "loading") fireProgressEvent(this, "loadend", 0, 0);
    }

    // https://w3c.github.io/FileAPI/#dom-filereader-readystate
    get readyState() {
      assertFileReader(this);
      switch (this.#state) {
        case "empty": return 0;
        case "loading": return 1;
        default: return 2;
      }
    }

    // https://w3c.github.io/FileAPI/#dom-filereader-result
    get result() {
      assertFileReader(this);
      return this.#result;
    }

    // https://w3c.github.io/FileAPI/#dom-filereader-error
    get error() {
      assertFileReader(this);
      return this.#error;
    }

    // https://w3c.github.io/FileAPI/#readOperation
    #readOperation(blob, type, encodingName) {
      // 1. If fr's state is "loading", throw an InvalidStateError DOMException.
      if (this.#state === "loading") {
        throw new internals.DOMException("The object is already busy reading Blobs.", "InvalidStateError");
      }
      // 2. Set fr's state to "loading".
      this.#state = "loading";
      // 3. Set fr's result to null.
      this.#result = null;
      // 4. Set fr's error to null.
      this.#error = null;
      // 5-9. The stream, its reader and the chunk promise: the bytes are in memory, so the blob is read
      //      as one chunk, and each step that waits for a chunk becomes the next queued task.
      const generation = ++this.#readGeneration;
      const data = blobDataOf(blob);
      const size = blobSizeOf(blob);
      const mimeType = blobTypeOf(blob);
      // 10. In parallel, while true:
      // 10.1-10.2. The first chunk promise is fulfilled: queue a task to fire a progress event called
      //            loadstart at fr.
      queueFileReadingTask(() => {
        if (this.#readGeneration !== generation) return;
        fireProgressEvent(this, "loadstart", 0, size);
      });
      // 10.3. Set isFirstChunk to false.
      // 10.4. A chunk (the whole blob, when it is not empty) was read: append it to bytes and queue a
      //       task to fire a progress event called progress at fr.
      if (size > 0) {
        queueFileReadingTask(() => {
          if (this.#readGeneration !== generation) return;
          fireProgressEvent(this, "progress", size, size);
        });
      }
      // 10.5. The stream is done: queue a task to run the following steps and abort this algorithm.
      //       The task runs in two calls: firing load (or error) calls listeners from a task, and once
      //       they return, HTML's "clean up after running a callback" performs a microtask checkpoint
      //       before loadend, as the JavaScript stack is then empty.
      let error;
      blobOps.queueTaskInTwoSteps(() => {
        if (this.#readGeneration !== generation) return false;
        // 10.5.1. Set fr's state to "done".
        this.#state = "done";
        // 10.5.2. Let result be the result of package data given bytes, type, blob's type, and encodingName.
        let result;
        try {
          result = packageData(data, size, type, mimeType, encodingName);
        } catch (e) {
          error = e;
        }
        if (error !== undefined) {
          // 10.5.3. If package data threw an exception error: set fr's error to error and fire a progress
          //         event called error at fr.
          this.#error = error;
          fireProgressEvent(this, "error", 0, size);
        } else {
          // 10.5.4. Else: set fr's result to result and fire a progress event called load at the fr.
          this.#result = result;
          fireProgressEvent(this, "load", size, size);
        }
        return true;
      }, () => {
        // 10.5.5. If fr's state is not "loading", fire a progress event called loadend at the fr.
        //         (A load or error handler may have started another read.)
        if (this.#state !== "loading") fireProgressEvent(this, "loadend", error !== undefined ? 0 : size, size);
      });
    }
  }

  function assertFileReader(self) {
    if (!isFileReader(self)) throw new TypeError("Illegal invocation");
  }

  /**
   * https://w3c.github.io/FileAPI/#fire-a-progress-event: a ProgressEvent that does not bubble and is
   * not cancelable, with the XHR standard's loaded/total/lengthComputable.
   */
  function fireProgressEvent(reader, type, loaded, total) {
    const event = new ProgressEvent(type, { __proto__: null, lengthComputable: total !== 0, loaded, total });
    internals.setTrusted(event);
    internals.dispatch(reader, event);
  }

  // https://w3c.github.io/FileAPI/#blob-package-data
  function packageData(data, size, type, mimeType, encodingName) {
    switch (type) {
      case "DataURL":
        // Return bytes as a DataURL [RFC2397]: the blob's type as its media type when there is one.
        // Without one, as in every browser (and WPT), application/octet-stream is named.
        return `data:${mimeType === "" ? "application/octet-stream" : mimeType};base64,${size === 0 ? "" : blobOps.base64(data)}`;
      case "Text":
        return decodeText(data, size, mimeType, encodingName);
      case "ArrayBuffer":
        // Return a new ArrayBuffer whose contents are bytes.
        return copyToArrayBuffer(data, size);
      case "BinaryString":
        // Return bytes as a binary string, in which every byte is represented by a code unit of equal
        // value [0..255].
        return size === 0 ? "" : blobOps.binaryString(data);
    }
    throw new TypeError(`unknown package data type ${type}`);
  }

  // Labels of the "replacement" encoding: TextDecoder refuses them, but "get an encoding" finds them.
  const REPLACEMENT_LABELS = ["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"];
  const ASCII_WHITESPACE_EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

  // https://encoding.spec.whatwg.org/#concept-encoding-get: the encoding's name, or undefined (failure).
  function getEncoding(label) {
    // 1. Remove any leading and trailing ASCII whitespace from label.
    // 2. If label is an ASCII case-insensitive match for any of the labels listed in the table below,
    //    then return the corresponding encoding; otherwise return failure.
    const trimmed = ReflectApply(StringPrototypeToLowerCase,
      ReflectApply(StringPrototypeReplace, label, [ASCII_WHITESPACE_EDGES, ""]), []);
    if (trimmed === "utf-8" || trimmed === "utf8" || trimmed === "unicode-1-1-utf-8" ||
        trimmed === "unicode11utf8" || trimmed === "unicode20utf8" || trimmed === "x-unicode20utf8") {
      return "utf-8";
    }
    if (REPLACEMENT_LABELS.includes(trimmed)) return "replacement";
    if (TextDecoderCtor === undefined) return undefined;
    try {
      return new TextDecoderCtor(trimmed).encoding;
    } catch {
      return undefined;
    }
  }

  // The Text case of package data.
  function decodeText(data, size, mimeType, encodingName) {
    // 1. Let encoding be failure.
    let encoding;
    // 2. If the encodingName is present, set encoding to the result of getting an encoding from encodingName.
    if (encodingName !== undefined) encoding = getEncoding(encodingName);
    // 3. If encoding is failure, and mimeType is present:
    if (encoding === undefined && mimeType !== "") {
      // 3.1. Let type be the result of parse a MIME type given mimeType.
      const parsed = parseMimeType(mimeType);
      // 3.2. If type is not failure, set encoding to the result of getting an encoding from type's
      //      parameters["charset"].
      if (parsed !== undefined && parsed.parameters.has("charset")) {
        encoding = getEncoding(parsed.parameters.get("charset"));
      }
    }
    // 4. If encoding is failure, then set encoding to UTF-8.
    if (encoding === undefined) encoding = "utf-8";
    // 5. Decode bytes using fallback encoding encoding, and return the result.
    return decode(data, size, encoding);
  }

  // https://encoding.spec.whatwg.org/#decode (the legacy hook with BOM sniffing)
  function decode(data, size, encoding) {
    if (size === 0) return "";
    // 1. Let BOMEncoding be the result of BOM sniffing ioQueue.
    const head = size >= 3 ? 3 : size;
    const firstBytes = new Uint8ArrayCtor(copyToArrayBuffer(blobOps.slice(data, 0, head), head));
    let bomEncoding;
    if (head >= 3 && firstBytes[0] === 0xEF && firstBytes[1] === 0xBB && firstBytes[2] === 0xBF) bomEncoding = "utf-8";
    else if (head >= 2 && firstBytes[0] === 0xFE && firstBytes[1] === 0xFF) bomEncoding = "utf-16be";
    else if (head >= 2 && firstBytes[0] === 0xFF && firstBytes[1] === 0xFE) bomEncoding = "utf-16le";
    // 2. If BOMEncoding is non-null: set encoding to BOMEncoding, and read three bytes from ioQueue if
    //    BOMEncoding is UTF-8; otherwise read two bytes. (The decoders below drop the BOM themselves.)
    if (bomEncoding !== undefined) encoding = bomEncoding;
    // 3. Let output be the I/O queue of scalar values « end-of-queue ».
    // 4. Process a queue with encoding's decoder, ioQueue, output, and "replacement".
    // 5. Return output (converted to a string).
    if (encoding === "utf-8") {
      // UTF-8 decode drops a UTF-8 BOM, exactly what steps 1-2 do for it.
      return blobOps.utf8Decode(data);
    }
    if (encoding === "replacement") {
      // The replacement decoder emits one U+FFFD for a non-empty input and then finishes.
      return "\uFFFD";
    }
    if (TextDecoderCtor === undefined) return blobOps.utf8Decode(data);
    // TextDecoder (ignoreBOM false) drops a BOM of its own encoding, the one BOM sniffing found.
    return new TextDecoderCtor(encoding).decode(new Uint8ArrayCtor(copyToArrayBuffer(data, size)));
  }

  // ------------------------------------------------------------------ MIME type parsing

  const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const HTTP_QUOTED_STRING_TOKEN = /^[\t\x20-\x7E\x80-\xFF]*$/;
  const HTTP_WHITESPACE_EDGES = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  const HTTP_WHITESPACE_END = /[\t\n\r ]+$/;

  function isHttpWhitespace(c) {
    return c === "\t" || c === "\n" || c === "\r" || c === " ";
  }

  function test(re, s) {
    return ReflectApply(RegExpPrototypeTest, re, [s]);
  }

  // https://mimesniff.spec.whatwg.org/#parse-a-mime-type: {type, subtype, parameters} or undefined (failure).
  function parseMimeType(input) {
    // 1. Remove any leading and trailing HTTP whitespace from input.
    input = ReflectApply(StringPrototypeReplace, input, [HTTP_WHITESPACE_EDGES, ""]);
    // 2. Let position be a position variable for input, initially pointing at the start of input.
    let position = 0;
    const n = input.length;
    // 3. Let type be the result of collecting a sequence of code points that are not U+002F (/) from input.
    let start = position;
    while (position < n && input[position] !== "/") position++;
    const type = ReflectApply(StringPrototypeSlice, input, [start, position]);
    // 4. If type is the empty string or does not solely contain HTTP token code points, then return failure.
    if (type === "" || !test(HTTP_TOKEN, type)) return undefined;
    // 5. If position is past the end of input, then return failure.
    if (position >= n) return undefined;
    // 6. Advance position by 1. (This skips past U+002F (/).)
    position++;
    // 7. Let subtype be the result of collecting a sequence of code points that are not U+003B (;) from input.
    start = position;
    while (position < n && input[position] !== ";") position++;
    let subtype = ReflectApply(StringPrototypeSlice, input, [start, position]);
    // 8. Remove any trailing HTTP whitespace from subtype.
    subtype = ReflectApply(StringPrototypeReplace, subtype, [HTTP_WHITESPACE_END, ""]);
    // 9. If subtype is the empty string or does not solely contain HTTP token code points, then return failure.
    if (subtype === "" || !test(HTTP_TOKEN, subtype)) return undefined;
    // 10. Let mimeType be a new MIME type record whose type is type, in ASCII lowercase, and subtype is
    //     subtype, in ASCII lowercase.
    const mimeType = {
      type: ReflectApply(StringPrototypeToLowerCase, type, []),
      subtype: ReflectApply(StringPrototypeToLowerCase, subtype, []),
      parameters: new Map(),
    };
    // 11. While position is not past the end of input:
    while (position < n) {
      // 11.1. Advance position by 1. (This skips past U+003B (;).)
      position++;
      // 11.2. Collect a sequence of code points that are HTTP whitespace from input given position.
      while (position < n && isHttpWhitespace(input[position])) position++;
      // 11.3. Let parameterName be the result of collecting a sequence of code points that are not
      //       U+003B (;) or U+003D (=) from input, given position.
      start = position;
      while (position < n && input[position] !== ";" && input[position] !== "=") position++;
      // 11.4. Set parameterName to parameterName, in ASCII lowercase.
      const parameterName = ReflectApply(StringPrototypeToLowerCase,
        ReflectApply(StringPrototypeSlice, input, [start, position]), []);
      // 11.5. If position is not past the end of input, then:
      if (position < n) {
        // 11.5.1. If the code point at position within input is U+003B (;), then continue.
        if (input[position] === ";") continue;
        // 11.5.2. Advance position by 1. (This skips past U+003D (=).)
        position++;
      }
      // 11.6. If position is past the end of input, then break.
      if (position >= n) break;
      // 11.7. Let parameterValue be null.
      let parameterValue = null;
      // 11.8. If the code point at position within input is U+0022 ("), then:
      if (input[position] === "\"") {
        // 11.8.1. Set parameterValue to the result of collecting an HTTP quoted string from input, given
        //         position and true.
        const collected = collectHttpQuotedString(input, position);
        parameterValue = collected.value;
        position = collected.position;
        // 11.8.2. Collect a sequence of code points that are not U+003B (;) from input, given position.
        while (position < n && input[position] !== ";") position++;
      } else {
        // 11.9. Otherwise:
        // 11.9.1. Set parameterValue to the result of collecting a sequence of code points that are not
        //         U+003B (;) from input, given position.
        start = position;
        while (position < n && input[position] !== ";") position++;
        parameterValue = ReflectApply(StringPrototypeSlice, input, [start, position]);
        // 11.9.2. Remove any trailing HTTP whitespace from parameterValue.
        parameterValue = ReflectApply(StringPrototypeReplace, parameterValue, [HTTP_WHITESPACE_END, ""]);
        // 11.9.3. If parameterValue is the empty string, then continue.
        if (parameterValue === "") continue;
      }
      // 11.10. If all of the following are true — parameterName is not the empty string, parameterName
      //        solely contains HTTP token code points, parameterValue solely contains HTTP quoted-string
      //        token code points, mimeType's parameters[parameterName] does not exist — then set
      //        mimeType's parameters[parameterName] to parameterValue.
      if (parameterName !== "" && test(HTTP_TOKEN, parameterName) &&
          test(HTTP_QUOTED_STRING_TOKEN, parameterValue) && !mimeType.parameters.has(parameterName)) {
        mimeType.parameters.set(parameterName, parameterValue);
      }
    }
    // 12. Return mimeType.
    return mimeType;
  }

  // https://fetch.spec.whatwg.org/#collect-an-http-quoted-string with extract-value true.
  function collectHttpQuotedString(input, position) {
    const n = input.length;
    // 2. Let value be the empty string.
    let value = "";
    // 3. Assert: the code point at position within input is U+0022 (").
    // 4. Advance position by 1.
    position++;
    // 5. While true:
    while (true) {
      // 5.1. Append the result of collecting a sequence of code points that are not U+0022 (") or
      //      U+005C (\) from input, given position, to value.
      const start = position;
      while (position < n && input[position] !== "\"" && input[position] !== "\\") position++;
      value += ReflectApply(StringPrototypeSlice, input, [start, position]);
      // 5.2. If position is past the end of input, then break.
      if (position >= n) break;
      // 5.3. Let quoteOrBackslash be the code point at position within input.
      const quoteOrBackslash = input[position];
      // 5.4. Advance position by 1.
      position++;
      // 5.5. If quoteOrBackslash is U+005C (\), then:
      if (quoteOrBackslash === "\\") {
        // 5.5.1. If position is past the end of input, then append U+005C (\) to value and break.
        if (position >= n) {
          value += "\\";
          break;
        }
        // 5.5.2. Append the code point at position within input to value.
        value += input[position];
        // 5.5.3. Advance position by 1.
        position++;
      } else {
        // 5.6. Otherwise: Assert: quoteOrBackslash is U+0022 ("). Break.
        break;
      }
    }
    // 6. If extract-value is true, then return value.
    return { value, position };
  }

  // ------------------------------------------------------------------ interface set-up

  webidl.exposeInterface(globalThis, "Blob", Blob);
  webidl.exposeInterface(globalThis, "File", File);
  webidl.configureInterface(FileReader);
  webidl.defineConstants(FileReader, { EMPTY: 0, LOADING: 1, DONE: 2 });
  for (const type of ["loadstart", "progress", "load", "abort", "error", "loadend"]) {
    internals.defineEventHandler(FileReader.prototype, type);
  }
  webidl.exposeInterface(globalThis, "FileReader", FileReader);

  /**
   * For other layers (WebSocket binary messages, structuredClone). A BlobData is a Java host object:
   * pass it to Java ops unchanged.
   */
  internals.blob = {
    __proto__: null,
    /** A Blob of `blobData` (no copy) with `type` (already normalized). */
    createBlob(blobData, type = "") {
      return createBlob(blobData, type);
    },
    /** A File of `blobData` (no copy). */
    createFile(blobData, type, name, lastModified) {
      return createFile(blobData, type, name, lastModified);
    },
    /** The BlobData of a Blob. */
    blobData(blob) {
      return blobDataOf(blob);
    },
    isBlob(V) {
      return isBlob(V);
    },
    isFile(V) {
      return isFile(V);
    },
    /** The serialization steps of Blob and File: https://w3c.github.io/FileAPI/#blob-section */
    serialize(value) {
      const record = { __proto__: null, data: blobDataOf(value), type: blobTypeOf(value), file: isFile(value) };
      if (record.file) {
        record.name = fileNameOf(value);
        record.lastModified = fileLastModifiedOf(value);
      }
      return record;
    },
    /** The deserialization steps of Blob and File. */
    deserialize(record) {
      return record.file
        ? createFile(record.data, record.type, record.name, record.lastModified)
        : createBlob(record.data, record.type);
    },
    /** A new, script-owned ArrayBuffer holding the bytes of `blobData` (one copy). */
    toArrayBuffer(blobData) {
      return copyToArrayBuffer(blobData, blobOps.size(blobData));
    },
    /** The BlobData of `length` bytes of an ArrayBuffer from `offset` (one copy). */
    fromArrayBuffer(arrayBuffer, offset, length) {
      return length === 0 ? EMPTY : blobOps.fromBuffer(arrayBuffer, offset, length);
    },
    parseMimeType,
  };
})

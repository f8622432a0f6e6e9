// TextDecoderStream and TextEncoderStream (the Encoding Standard's streaming interfaces,
// https://encoding.spec.whatwg.org/#interface-textdecoderstream): each is a TransformStream "set up"
// by the Streams Standard's hooks for other specifications (internals.streams), with the decoder
// state of 06_encoding.js (internals.encoding) doing the conversion.
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const encoding = internals.encoding;
  const streams = internals.streams;

  const TypeErrorCtor = TypeError;
  const StringFromCharCode = String.fromCharCode;
  const Uint8ArrayCtor = Uint8Array;

  // ------------------------------------------------------------------ TextDecoderStream

  let isTextDecoderStream;

  class TextDecoderStream {
    #context;
    #transform;

    static {
      isTextDecoderStream = (value) => value !== null && typeof value === "object" && #context in value;
    }

    // https://encoding.spec.whatwg.org/#dom-textdecoderstream
    constructor(label = "utf-8", options = undefined) {
      const prefix = "Failed to construct 'TextDecoderStream'";
      this[webidl.brand] = webidl.brand;
      label = converters.DOMString(label, prefix, "Argument 1");
      options = encoding.convertTextDecoderOptions(options, prefix, "Argument 2");
      // 1.-2. Get an encoding from label; failure or replacement throws a RangeError.
      // 3. Set this's encoding to encoding.
      // 4. If options["fatal"] is true, then set this's error mode to "fatal".
      // 5. Set this's ignore BOM to options["ignoreBOM"].
      // 6. Set this's decoder to a new instance of this's encoding's decoder, and set this's I/O queue
      //    to a new I/O queue.
      const context = encoding.newDecoderContext(encoding.decoderEncoding(label, prefix), options.fatal,
        options.ignoreBOM);
      this.#context = context;
      // 7. Let transformAlgorithm be an algorithm which takes a chunk argument and runs the decode and
      //    enqueue a chunk algorithm with this and chunk.
      const transformAlgorithm = (chunk) => decodeAndEnqueue(context, this.#transform, chunk);
      // 8. Let flushAlgorithm be an algorithm which takes no arguments and runs the flush and enqueue
      //    algorithm with this.
      const flushAlgorithm = () => flushAndEnqueue(context, this.#transform);
      // 9. Let transformStream be a new TransformStream.
      // 10. Set up transformStream with transformAlgorithm set to transformAlgorithm and flushAlgorithm
      //     set to flushAlgorithm.
      // 11. Set this's transform to transformStream.
      this.#transform = streams.setUpTransformStream(transformAlgorithm, flushAlgorithm);
    }

    static #check(self) {
      if (!isTextDecoderStream(self)) throw new TypeErrorCtor("Illegal invocation");
      return self;
    }

    // The encoding's name, ASCII lowercased.
    get encoding() {
      return TextDecoderStream.#check(this).#context.encoding.toLowerCase();
    }

    // True if error mode is "fatal".
    get fatal() {
      return TextDecoderStream.#check(this).#context.fatal;
    }

    get ignoreBOM() {
      return TextDecoderStream.#check(this).#context.ignoreBOM;
    }

    // GenericTransformStream: this's transform's readable and writable.
    get readable() {
      return TextDecoderStream.#check(this).#transform.readable.object;
    }

    get writable() {
      return TextDecoderStream.#check(this).#transform.writable.object;
    }
  }

  // https://encoding.spec.whatwg.org/#decode-and-enqueue-a-chunk
  function decodeAndEnqueue(context, transform, chunk) {
    const prefix = "Failed to execute 'transform' on 'TextDecoderStream'";
    // 1. Let bufferSource be the result of converting chunk to an AllowSharedBufferSource.
    const bufferSource = converters.AllowSharedBufferSource(chunk, prefix, "The chunk");
    // 2. Push a copy of bufferSource to decoder's I/O queue. (It is read before this returns.)
    // 3. Let output be the I/O queue of scalar values « end-of-queue ».
    // 4. While true: read an item; at end-of-queue, serialize output and, if it is not the empty
    //    string, enqueue it in decoder's transform; otherwise process the item, and if the result is
    //    error, throw a TypeError.
    const output = context.decode(encoding.byteView(bufferSource), false);
    if (output === null) throw decodeError(context, prefix);
    if (output.length > 0) streams.transformEnqueue(transform, output);
  }

  // https://encoding.spec.whatwg.org/#flush-and-enqueue
  function flushAndEnqueue(context, transform) {
    const prefix = "Failed to execute 'flush' on 'TextDecoderStream'";
    // 1. Let output be the I/O queue of scalar values « end-of-queue ».
    // 2. While true: process end-of-queue; when finished, serialize output and, if it is not the
    //    empty string, enqueue it in decoder's transform; if the result is error, throw a TypeError.
    const output = context.decode(new Uint8ArrayCtor(0), true);
    if (output === null) throw decodeError(context, prefix);
    if (output.length > 0) streams.transformEnqueue(transform, output);
  }

  function decodeError(context, prefix) {
    return new TypeErrorCtor(`${prefix}: The encoded data was not valid for encoding ${context.encoding.toLowerCase()}.`);
  }

  // ------------------------------------------------------------------ TextEncoderStream

  let isTextEncoderStream;

  class TextEncoderStream {
    // The encoder's leading surrogate: null or a code unit (0xD800-0xDBFF) a chunk ended with.
    #leadingSurrogate = null;
    #transform;

    static {
      isTextEncoderStream = (value) => value !== null && typeof value === "object" && #transform in value;
    }

    // https://encoding.spec.whatwg.org/#dom-textencoderstream
    constructor() {
      this[webidl.brand] = webidl.brand;
      // 1. Set this's encoder to an instance of the UTF-8 encoder.
      // 2. Let transformAlgorithm be an algorithm which takes a chunk argument and runs the encode and
      //    enqueue a chunk algorithm with this and chunk.
      const transformAlgorithm = (chunk) => this.#encodeAndEnqueue(chunk);
      // 3. Let flushAlgorithm be an algorithm which runs the encode and flush algorithm with this.
      const flushAlgorithm = () => this.#encodeAndFlush();
      // 4. Let transformStream be a new TransformStream.
      // 5. Set up transformStream with transformAlgorithm set to transformAlgorithm and flushAlgorithm
      //    set to flushAlgorithm.
      // 6. Set this's transform to transformStream.
      this.#transform = streams.setUpTransformStream(transformAlgorithm, flushAlgorithm);
    }

    static #check(self) {
      if (!isTextEncoderStream(self)) throw new TypeErrorCtor("Illegal invocation");
      return self;
    }

    get encoding() {
      TextEncoderStream.#check(this);
      // The encoding getter steps are to return "utf-8".
      return "utf-8";
    }

    get readable() {
      return TextEncoderStream.#check(this).#transform.readable.object;
    }

    get writable() {
      return TextEncoderStream.#check(this).#transform.writable.object;
    }

    // https://encoding.spec.whatwg.org/#encode-and-enqueue-a-chunk
    #encodeAndEnqueue(chunk) {
      // 1. Let input be the result of converting chunk to a DOMString.
      let input = converters.DOMString(chunk, "Failed to execute 'transform' on 'TextEncoderStream'", "The chunk");
      // 2.-4. Read each code unit; convert code unit to scalar value (below) and run the UTF-8
      //    encoder on each scalar value. Here: a leading surrogate kept from the previous chunk is
      //    put back in front, and a leading surrogate that ends this chunk is kept for the next one.
      //    What remains is encoded in one go, where the UTF-8 encoder turns each lone surrogate into
      //    U+FFFD — what "convert code unit to scalar value" returns for one:
      //    1. If encoder's leading surrogate is non-null: set it to null; if item is a trailing
      //       surrogate, return the scalar value from the two; otherwise restore item to input and
      //       return U+FFFD.
      //    2. If item is a leading surrogate, then set encoder's leading surrogate to item and return
      //       continue.
      //    3. If item is a trailing surrogate, then return U+FFFD.
      //    4. Return item.
      if (this.#leadingSurrogate !== null) {
        input = StringFromCharCode(this.#leadingSurrogate) + input;
        this.#leadingSurrogate = null;
      }
      // A leading surrogate that is the last code unit has no trailing one after it in this chunk.
      const last = input.length - 1;
      if (last >= 0) {
        const unit = input.charCodeAt(last);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          this.#leadingSurrogate = unit;
          input = input.slice(0, last);
        }
      }
      // 4.2. If item is end-of-queue: convert output into a byte sequence; if output is not empty,
      //      enqueue a new Uint8Array of output into encoder's transform.
      if (input.length === 0) return;
      streams.transformEnqueue(this.#transform, encoding.utf8Encode(input));
    }

    // https://encoding.spec.whatwg.org/#encode-and-flush
    #encodeAndFlush() {
      // 1. If encoder's leading surrogate is non-null, then enqueue a new Uint8Array of
      //    « 0xEF, 0xBF, 0xBD » (U+FFFD) into encoder's transform.
      if (this.#leadingSurrogate !== null) {
        this.#leadingSurrogate = null;
        streams.transformEnqueue(this.#transform, new Uint8ArrayCtor([0xEF, 0xBF, 0xBD]));
      }
    }
  }

  webidl.configureInterface(TextDecoderStream);
  webidl.configureInterface(TextEncoderStream);
  webidl.exposeInterface(globalThis, "TextDecoderStream", TextDecoderStream);
  webidl.exposeInterface(globalThis, "TextEncoderStream", TextEncoderStream);
})

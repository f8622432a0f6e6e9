// The WHATWG Streams Standard (https://streams.spec.whatwg.org/): ReadableStream with its default
// controller and reader, WritableStream with its default controller and writer, TransformStream,
// piping, teeing, async iteration and the two queuing strategies, and readable byte streams with their
// controller, BYOB readers and BYOB requests.
//
// Each public object keeps its internal slots in one record (a null-prototype object) held in a
// private field; the abstract operations work on those records, which point back at their public
// object through `object`. The records are what the spec calls "stream", "controller", "reader".
//
// A record tells its kind with one flag where the spec asks which interface an object implements:
// `reader.byob` (ReadableStreamBYOBReader, else ReadableStreamDefaultReader) and `controller.byte`
// (ReadableByteStreamController, else ReadableStreamDefaultController). Byte streams move their bytes
// by transferring ArrayBuffers (ArrayBuffer.prototype.transferToFixedLength), never by copying, except
// where the spec copies (BYOB reads from the queue, tee's second branch).
//
// The three streams are transferable: their transfer steps live in 09_messaging.js, with the
// MessagePorts they need.
(function (globalThis, internals, ops) {
  "use strict";

  const { webidl, DOMException } = internals;
  const converters = webidl.converters;

  // Builtins captured before any user script runs.
  const PromiseCtor = Promise;
  const PromiseResolve = Promise.resolve.bind(Promise);
  const PromiseReject = Promise.reject.bind(Promise);
  const PromisePrototypeThen = Promise.prototype.then;
  const ReflectApply = Reflect.apply;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const NumberIsNaN = Number.isNaN;
  const SymbolAsyncIterator = Symbol.asyncIterator;
  const SymbolIterator = Symbol.iterator;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const AsyncIteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf(async function* () {}).prototype);

  // Lets the layer create a stream object around a record without running the public constructor.
  const kInternal = Symbol("create internally");

  // ------------------------------------------------------------------ brand checks
  // https://webidl.spec.whatwg.org/#es-operations and #es-attributes: a member called on an object that
  // does not implement its interface throws a TypeError, which a promise-returning member returns as a
  // rejected promise instead. Each interface class below lends the layer a `...RecordOf(V)`: the record
  // behind V if V is one of its objects, undefined for anything else; the members pass it here.

  /** The brand check of a member that throws: the record, or the TypeError when there is none. */
  function branded(record) {
    if (record === undefined) throw new TypeErrorCtor("Illegal invocation");
    return record;
  }

  /** What a promise-returning member returns when the brand check fails. */
  function rejectedIllegalInvocation() {
    return rejectedWith(new TypeErrorCtor("Illegal invocation"));
  }

  /**
   * The constructor steps of an interface without a constructor in IDL: `new` from a script throws, and
   * the layer makes the object around the record it has set up (`new Class(kInternal, record)`).
   */
  function recordOfNewObject(key, record, object) {
    if (key !== kInternal) webidl.illegalConstructor();
    record.object = object;
    return record;
  }

  /** Whether V may hold a private field: `#field in V` throws for a primitive. */
  function isObject(V) {
    return V !== null && typeof V === "object";
  }

  // ------------------------------------------------------------------ promises
  // https://webidl.spec.whatwg.org/#es-promise-manipulation

  function noop() {}

  /**
   * A new promise with its resolving functions, and whether it is still pending ([[PromiseState]] is
   * "pending"), which some algorithms test: what the spec's "a new promise" needs later.
   */
  function newPromise() {
    const capability = { __proto__: null, promise: undefined, resolve: undefined, reject: undefined, pending: true };
    capability.promise = new PromiseCtor((resolve, reject) => {
      capability.resolve = (value) => {
        capability.pending = false;
        resolve(value);
      };
      capability.reject = (reason) => {
        capability.pending = false;
        reject(reason);
      };
    });
    return capability;
  }

  /** A capability for "a promise rejected with reason" (already settled). */
  function rejectedCapability(reason) {
    const capability = newPromise();
    capability.reject(reason);
    return capability;
  }

  function resolvedWith(value) {
    return PromiseResolve(value);
  }

  function rejectedWith(reason) {
    return PromiseReject(reason);
  }

  /** "Set promise.[[PromiseIsHandled]] to true": a reaction keeps it out of unhandled-rejection reports. */
  function markHandled(promise) {
    ReflectApply(PromisePrototypeThen, promise, [undefined, noop]);
  }

  /** "Upon fulfillment/rejection of promise": the reactions' results are ignored. */
  function uponPromise(promise, onFulfilled, onRejected) {
    ReflectApply(PromisePrototypeThen, promise, [onFulfilled, onRejected]);
  }

  /** "The result of reacting to promise": a new promise from the reactions. */
  function transformPromise(promise, onFulfilled, onRejected) {
    return ReflectApply(PromisePrototypeThen, promise, [onFulfilled, onRejected]);
  }

  /** "Queue a microtask to perform steps": a reaction to a resolved promise runs as a microtask. */
  function queueMicrotaskStep(steps) {
    uponPromise(resolvedWith(undefined), steps);
  }

  /** A resolved-or-rejected promise from calling an algorithm that may throw: "a promise resolved with the result". */
  function promiseCall(fn, thisArg, args) {
    try {
      return resolvedWith(ReflectApply(fn, thisArg, args));
    } catch (e) {
      return rejectedWith(e);
    }
  }

  // ------------------------------------------------------------------ queue-with-sizes
  // https://streams.spec.whatwg.org/#queue-with-sizes

  /** A FIFO of {value, size} with O(1) dequeue: an array and the index of its first live entry. */
  class SizedQueue {
    constructor() {
      this.items = [];
      this.head = 0;
    }
    get length() {
      return this.items.length - this.head;
    }
    push(item) {
      this.items[this.items.length] = item;
    }
    shift() {
      const item = this.items[this.head];
      this.items[this.head] = undefined;
      this.head++;
      // Compact once the dead prefix is large and dominates the array.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return item;
    }
    peek() {
      return this.items[this.head];
    }
  }

  // https://streams.spec.whatwg.org/#dequeue-value
  function dequeueValue(container) {
    // 1. Assert: container has [[queue]] and [[queueTotalSize]] internal slots.
    // 2. Assert: container.[[queue]] is not empty.
    // 3. Let valueWithSize be container.[[queue]][0].
    // 4. Remove valueWithSize from container.[[queue]].
    const valueWithSize = container.queue.shift();
    // 5. Set container.[[queueTotalSize]] to container.[[queueTotalSize]] − valueWithSize's size.
    container.queueTotalSize -= valueWithSize.size;
    // 6. If container.[[queueTotalSize]] < 0, set container.[[queueTotalSize]] to 0. (Due to rounding errors.)
    if (container.queueTotalSize < 0) container.queueTotalSize = 0;
    // 7. Return valueWithSize's value.
    return valueWithSize.value;
  }

  // https://streams.spec.whatwg.org/#enqueue-value-with-size
  function enqueueValueWithSize(container, value, size) {
    // 2. If ! IsNonNegativeNumber(size) is false, throw a RangeError exception.
    // 3. If size is +∞, throw a RangeError exception.
    if (typeof size !== "number" || NumberIsNaN(size) || size < 0 || size === Infinity) {
      throw new RangeErrorCtor("The size of a chunk must be a finite, non-negative number.");
    }
    // 4. Append a new value-with-size with value value and size size to container.[[queue]].
    container.queue.push({ __proto__: null, value, size });
    // 5. Set container.[[queueTotalSize]] to container.[[queueTotalSize]] + size.
    container.queueTotalSize += size;
  }

  // https://streams.spec.whatwg.org/#peek-queue-value
  function peekQueueValue(container) {
    // 3. Let valueWithSize be container.[[queue]][0]. 4. Return valueWithSize's value.
    return container.queue.peek().value;
  }

  // https://streams.spec.whatwg.org/#reset-queue
  function resetQueue(container) {
    // 2. Set container.[[queue]] to a new empty list.
    container.queue = new SizedQueue();
    // 3. Set container.[[queueTotalSize]] to 0.
    container.queueTotalSize = 0;
  }

  // ------------------------------------------------------------------ ArrayBuffers and views
  // The internal slots of buffers and views ([[ViewedArrayBuffer]], [[ByteOffset]], [[ByteLength]],
  // [[ArrayLength]], IsDetachedBuffer) are read through the intrinsic getters captured here, so a script
  // that redefines `byteLength` on a view or patches the prototypes cannot mislead the byte streams.

  const ArrayBufferCtor = ArrayBuffer;
  const Uint8ArrayCtor = Uint8Array;
  const DataViewCtor = DataView;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getterOf = (proto, key) => ObjectGetOwnPropertyDescriptor(proto, key).get;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const TypedArrayBufferGetter = getterOf(TypedArrayPrototype, "buffer");
  const TypedArrayByteOffsetGetter = getterOf(TypedArrayPrototype, "byteOffset");
  const TypedArrayByteLengthGetter = getterOf(TypedArrayPrototype, "byteLength");
  const TypedArrayLengthGetter = getterOf(TypedArrayPrototype, "length");
  const TypedArraySet = TypedArrayPrototype.set;
  const DataViewBufferGetter = getterOf(DataView.prototype, "buffer");
  const DataViewByteOffsetGetter = getterOf(DataView.prototype, "byteOffset");
  const DataViewByteLengthGetter = getterOf(DataView.prototype, "byteLength");
  const ArrayBufferByteLengthGetter = getterOf(ArrayBuffer.prototype, "byteLength");
  // ES2024 ArrayBuffer.prototype.detached / transferToFixedLength (GraalJS 25 has both).
  const ArrayBufferDetachedGetter = getterOf(ArrayBuffer.prototype, "detached");
  const ArrayBufferTransferToFixedLength = ArrayBuffer.prototype.transferToFixedLength;

  // https://tc39.es/ecma262/#table-the-typedarray-constructors: [[TypedArrayName]] → constructor.
  const typedArrayConstructors = { __proto__: null };
  for (const name of ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
    "Uint32Array", "BigInt64Array", "BigUint64Array", "Float16Array", "Float32Array", "Float64Array"]) {
    if (typeof globalThis[name] === "function") typedArrayConstructors[name] = globalThis[name];
  }

  /** The [[TypedArrayName]] of view, or undefined for a DataView. */
  function typedArrayNameOf(view) {
    return webidl.typedArrayName(view);
  }

  function isDetachedBuffer(buffer) {
    return ReflectApply(ArrayBufferDetachedGetter, buffer, []);
  }

  function arrayBufferByteLength(buffer) {
    return ReflectApply(ArrayBufferByteLengthGetter, buffer, []);
  }

  /** view.[[ViewedArrayBuffer]] */
  function viewedArrayBuffer(view) {
    return typedArrayNameOf(view) !== undefined
      ? ReflectApply(TypedArrayBufferGetter, view, [])
      : ReflectApply(DataViewBufferGetter, view, []);
  }

  /** view.[[ByteOffset]] (0 once the buffer is detached, where the getters would throw or return 0). */
  function viewByteOffset(view) {
    if (typedArrayNameOf(view) !== undefined) return ReflectApply(TypedArrayByteOffsetGetter, view, []);
    return isDetachedBuffer(ReflectApply(DataViewBufferGetter, view, [])) ? 0
      : ReflectApply(DataViewByteOffsetGetter, view, []);
  }

  /** view.[[ByteLength]] (0 once the buffer is detached). */
  function viewByteLength(view) {
    if (typedArrayNameOf(view) !== undefined) return ReflectApply(TypedArrayByteLengthGetter, view, []);
    return isDetachedBuffer(ReflectApply(DataViewBufferGetter, view, [])) ? 0
      : ReflectApply(DataViewByteLengthGetter, view, []);
  }

  // https://streams.spec.whatwg.org/#transfer-array-buffer
  function transferArrayBuffer(O) {
    // 1. Assert: ! IsDetachedBuffer(O) is false.
    // 2. Let arrayBufferData be O.[[ArrayBufferData]].
    // 3. Let arrayBufferByteLength be O.[[ArrayBufferByteLength]].
    // 4. Perform ? DetachArrayBuffer(O). (Throws for a buffer with a detach key, e.g. WebAssembly.Memory's.)
    // 5. Return a new ArrayBuffer whose [[ArrayBufferData]] is arrayBufferData and whose
    //    [[ArrayBufferByteLength]] is arrayBufferByteLength: ArrayBuffer.prototype.transferToFixedLength
    //    does 2-5 without copying the bytes.
    return ReflectApply(ArrayBufferTransferToFixedLength, O, []);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-cloneasuint8array
  function cloneAsUint8Array(O) {
    // 3. Assert: ! IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is false.
    // 4. Let buffer be ? CloneArrayBuffer(O.[[ViewedArrayBuffer]], O.[[ByteOffset]], O.[[ByteLength]], %ArrayBuffer%).
    // 5. Let array be ! Construct(%Uint8Array%, « buffer »).
    // 6. Return array.
    // (A Uint8Array constructed from a Uint8Array copies the bytes into a new %ArrayBuffer%.)
    return new Uint8ArrayCtor(new Uint8ArrayCtor(viewedArrayBuffer(O), viewByteOffset(O), viewByteLength(O)));
  }

  /** CloneArrayBuffer(srcBuffer, srcByteOffset, srcLength, %ArrayBuffer%) (ECMA-262). */
  function cloneArrayBuffer(srcBuffer, srcByteOffset, srcLength) {
    return ReflectApply(TypedArrayBufferGetter, new Uint8ArrayCtor(new Uint8ArrayCtor(srcBuffer, srcByteOffset, srcLength)), []);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-cancopydatablockbytes
  function canCopyDataBlockBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
    // 5. If toBuffer is fromBuffer, return false.
    if (toBuffer === fromBuffer) return false;
    // 6. If ! IsDetachedBuffer(toBuffer) is true, return false.
    if (isDetachedBuffer(toBuffer)) return false;
    // 7. If ! IsDetachedBuffer(fromBuffer) is true, return false.
    if (isDetachedBuffer(fromBuffer)) return false;
    // 8. If toIndex + count > toBuffer.[[ArrayBufferByteLength]], return false.
    if (toIndex + count > arrayBufferByteLength(toBuffer)) return false;
    // 9. If fromIndex + count > fromBuffer.[[ArrayBufferByteLength]], return false.
    if (fromIndex + count > arrayBufferByteLength(fromBuffer)) return false;
    // 10. Return true.
    return true;
  }

  /** CopyDataBlockBytes(toBlock, toIndex, fromBlock, fromIndex, count) (ECMA-262): one bulk copy. */
  function copyDataBlockBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
    ReflectApply(TypedArraySet, new Uint8ArrayCtor(toBuffer, toIndex, count),
      [new Uint8ArrayCtor(fromBuffer, fromIndex, count)]);
  }

  // ------------------------------------------------------------------ queuing strategies
  // https://streams.spec.whatwg.org/#validate-and-normalize-high-water-mark

  // https://streams.spec.whatwg.org/#extract-high-water-mark
  function extractHighWaterMark(strategy, defaultHWM) {
    // 1. If strategy["highWaterMark"] does not exist, return defaultHWM.
    if (strategy.highWaterMark === undefined) return defaultHWM;
    // 2. Let highWaterMark be strategy["highWaterMark"].
    const highWaterMark = strategy.highWaterMark;
    // 3. If highWaterMark is NaN or highWaterMark < 0, throw a RangeError exception.
    if (NumberIsNaN(highWaterMark) || highWaterMark < 0) {
      throw new RangeErrorCtor("The highWaterMark of a queuing strategy must be a non-negative number.");
    }
    // 4. Return highWaterMark.
    return highWaterMark;
  }

  // https://streams.spec.whatwg.org/#make-size-algorithm-from-size-function
  function extractSizeAlgorithm(strategy) {
    // 1. If strategy["size"] does not exist, return an algorithm that returns 1.
    const size = strategy.size;
    if (size === undefined) return () => 1;
    // 2. Return an algorithm that performs the following steps, taking a chunk argument:
    //    1. Return the result of invoking strategy["size"] with argument list « chunk ».
    //    (The callback's return value is converted to an IDL unrestricted double.)
    return (chunk) => +ReflectApply(size, undefined, [chunk]);
  }

  // dictionary QueuingStrategy { unrestricted double highWaterMark; QueuingStrategySize size; };
  converters.QueuingStrategySize = webidl.createCallbackFunctionConverter("QueuingStrategySize");
  converters.QueuingStrategy = webidl.createDictionaryConverter("QueuingStrategy", [
    { key: "highWaterMark", converter: converters["unrestricted double"] },
    { key: "size", converter: converters.QueuingStrategySize },
  ]);
  // dictionary QueuingStrategyInit { required unrestricted double highWaterMark; };
  converters.QueuingStrategyInit = webidl.createDictionaryConverter("QueuingStrategyInit", [
    { key: "highWaterMark", converter: converters["unrestricted double"], required: true },
  ]);

  // The size functions are created once per global and shared by every strategy instance:
  // https://streams.spec.whatwg.org/#blqs-internal-slots
  const byteLengthSizeFunction = webidl.setFunctionName(
    // 1. Let steps be the following steps, given chunk: return ? GetV(chunk, "byteLength").
    (chunk) => chunk.byteLength, "size");
  const countSizeFunction = webidl.setFunctionName(
    // 1. Let steps be the following steps: return 1.
    () => 1, "size");

  /** The argument both strategy constructors take: `QueuingStrategyInit init`, required. */
  function queuingStrategyInit(argumentCount, init, interfaceName) {
    const prefix = `Failed to construct '${interfaceName}'`;
    webidl.requiredArguments(argumentCount, 1, prefix);
    return converters.QueuingStrategyInit(init, prefix, "Argument 1");
  }

  class ByteLengthQueuingStrategy {
    #highWaterMark;

    // https://streams.spec.whatwg.org/#blqs-constructor
    constructor(init) {
      init = queuingStrategyInit(arguments.length, init, "ByteLengthQueuingStrategy");
      // 1. Set this.[[highWaterMark]] to init["highWaterMark"].
      this.#highWaterMark = init.highWaterMark;
    }

    get highWaterMark() {
      // 1. Return this.[[highWaterMark]].
      return branded(ByteLengthQueuingStrategy.#highWaterMarkOf(this));
    }

    get size() {
      branded(ByteLengthQueuingStrategy.#highWaterMarkOf(this));
      // 1. Return this's relevant global object's ByteLengthQueuingStrategy size function.
      return byteLengthSizeFunction;
    }

    /** [[highWaterMark]] (never undefined: the dictionary member is required), or undefined for a non-instance. */
    static #highWaterMarkOf(V) {
      return isObject(V) && #highWaterMark in V ? V.#highWaterMark : undefined;
    }
  }

  class CountQueuingStrategy {
    #highWaterMark;

    // https://streams.spec.whatwg.org/#cqs-constructor
    constructor(init) {
      init = queuingStrategyInit(arguments.length, init, "CountQueuingStrategy");
      // 1. Set this.[[highWaterMark]] to init["highWaterMark"].
      this.#highWaterMark = init.highWaterMark;
    }

    get highWaterMark() {
      // 1. Return this.[[highWaterMark]].
      return branded(CountQueuingStrategy.#highWaterMarkOf(this));
    }

    get size() {
      branded(CountQueuingStrategy.#highWaterMarkOf(this));
      // 1. Return this's relevant global object's count queuing strategy size function.
      return countSizeFunction;
    }

    /** [[highWaterMark]] (never undefined: the dictionary member is required), or undefined for a non-instance. */
    static #highWaterMarkOf(V) {
      return isObject(V) && #highWaterMark in V ? V.#highWaterMark : undefined;
    }
  }

  // ------------------------------------------------------------------ WebIDL dictionaries

  /**
   * The first argument of the three stream constructors, `optional object`, with the constructor's step 1
   * ("if it is missing, set it to null") applied: null, like any other non-object, is a TypeError.
   */
  function objectOrNull(V, prefix) {
    return V === undefined ? null : converters.object(V, prefix, "Argument 1");
  }

  converters.UnderlyingSourceStartCallback = webidl.createCallbackFunctionConverter("UnderlyingSourceStartCallback");
  converters.UnderlyingSourcePullCallback = webidl.createCallbackFunctionConverter("UnderlyingSourcePullCallback");
  converters.UnderlyingSourceCancelCallback = webidl.createCallbackFunctionConverter("UnderlyingSourceCancelCallback");
  converters.ReadableStreamType = webidl.createEnumConverter("ReadableStreamType", ["bytes"]);
  converters.UnderlyingSource = webidl.createDictionaryConverter("UnderlyingSource", [
    { key: "start", converter: converters.UnderlyingSourceStartCallback },
    { key: "pull", converter: converters.UnderlyingSourcePullCallback },
    { key: "cancel", converter: converters.UnderlyingSourceCancelCallback },
    { key: "type", converter: converters.ReadableStreamType },
    { key: "autoAllocateChunkSize", converter: converters["unsigned long long"], enforceRange: true },
  ]);
  converters.UnderlyingSinkStartCallback = webidl.createCallbackFunctionConverter("UnderlyingSinkStartCallback");
  converters.UnderlyingSinkWriteCallback = webidl.createCallbackFunctionConverter("UnderlyingSinkWriteCallback");
  converters.UnderlyingSinkCloseCallback = webidl.createCallbackFunctionConverter("UnderlyingSinkCloseCallback");
  converters.UnderlyingSinkAbortCallback = webidl.createCallbackFunctionConverter("UnderlyingSinkAbortCallback");
  converters.UnderlyingSink = webidl.createDictionaryConverter("UnderlyingSink", [
    { key: "start", converter: converters.UnderlyingSinkStartCallback },
    { key: "write", converter: converters.UnderlyingSinkWriteCallback },
    { key: "close", converter: converters.UnderlyingSinkCloseCallback },
    { key: "abort", converter: converters.UnderlyingSinkAbortCallback },
    { key: "type", converter: converters.any },
  ]);
  converters.TransformerStartCallback = webidl.createCallbackFunctionConverter("TransformerStartCallback");
  converters.TransformerTransformCallback = webidl.createCallbackFunctionConverter("TransformerTransformCallback");
  converters.TransformerFlushCallback = webidl.createCallbackFunctionConverter("TransformerFlushCallback");
  converters.TransformerCancelCallback = webidl.createCallbackFunctionConverter("TransformerCancelCallback");
  converters.Transformer = webidl.createDictionaryConverter("Transformer", [
    { key: "start", converter: converters.TransformerStartCallback },
    { key: "transform", converter: converters.TransformerTransformCallback },
    { key: "flush", converter: converters.TransformerFlushCallback },
    { key: "cancel", converter: converters.TransformerCancelCallback },
    { key: "readableType", converter: converters.any },
    { key: "writableType", converter: converters.any },
  ]);
  converters.ReadableStreamReaderMode = webidl.createEnumConverter("ReadableStreamReaderMode", ["byob"]);
  converters.ReadableStreamGetReaderOptions = webidl.createDictionaryConverter("ReadableStreamGetReaderOptions", [
    { key: "mode", converter: converters.ReadableStreamReaderMode },
  ]);
  // dictionary ReadableStreamBYOBReaderReadOptions { [EnforceRange] unsigned long long min = 1; };
  converters.ReadableStreamBYOBReaderReadOptions = webidl.createDictionaryConverter(
    "ReadableStreamBYOBReaderReadOptions", [
      { key: "min", converter: converters["unsigned long long"], enforceRange: true, defaultValue: 1 },
    ]);
  converters.ReadableStreamIteratorOptions = webidl.createDictionaryConverter("ReadableStreamIteratorOptions", [
    { key: "preventCancel", converter: converters.boolean, defaultValue: false },
  ]);
  // AbortSignal is defined by a later layer file: its converter is looked up when first used.
  const convertAbortSignal = (V, prefix, context) => converters.AbortSignal(V, prefix, context);
  converters.StreamPipeOptions = webidl.createDictionaryConverter("StreamPipeOptions", [
    { key: "preventClose", converter: converters.boolean, defaultValue: false },
    { key: "preventAbort", converter: converters.boolean, defaultValue: false },
    { key: "preventCancel", converter: converters.boolean, defaultValue: false },
    { key: "signal", converter: convertAbortSignal },
  ]);

  // ================================================================== readable streams

  // Creators of objects around records, set by the classes' static blocks.
  let createReadableControllerObject;
  let createWritableControllerObject;
  let createReaderObject;
  let createWriterObject;
  let createTransformControllerObject;
  let createBYOBReaderObject;
  let createByteControllerObject;
  let createBYOBRequestObject;

  /** The record of a ReadableStream's internal slots: https://streams.spec.whatwg.org/#rs-internal-slots */
  function newReadableStreamRecord(object) {
    return {
      __proto__: null,
      object,
      // [[controller]], [[Detached]], [[disturbed]], [[reader]], [[state]], [[storedError]]
      controller: undefined,
      disturbed: false,
      reader: undefined,
      state: "readable",
      storedError: undefined,
    };
  }

  let readableStreamRecordOf;
  const isReadableStreamObject = (V) => readableStreamRecordOf(V) !== undefined;

  class ReadableStream {
    #stream;

    // https://streams.spec.whatwg.org/#rs-constructor
    constructor(underlyingSource = undefined, strategy = undefined) {
      if (underlyingSource === kInternal) {
        this.#stream = strategy;
        return;
      }
      const prefix = "Failed to construct 'ReadableStream'";
      // 1. If underlyingSource is missing, set it to null.
      underlyingSource = objectOrNull(underlyingSource, prefix);
      strategy = converters.QueuingStrategy(strategy, prefix, "Argument 2");
      // 2. Let underlyingSourceDict be underlyingSource, converted to an IDL value of type UnderlyingSource.
      const underlyingSourceDict = converters.UnderlyingSource(underlyingSource, prefix, "Argument 1");
      // 3. Perform ! InitializeReadableStream(this).
      const stream = newReadableStreamRecord(this);
      this.#stream = stream;
      // 4. If underlyingSourceDict["type"] is "bytes":
      if (underlyingSourceDict.type === "bytes") {
        // 4.1. If strategy["size"] exists, throw a RangeError exception.
        if (strategy.size !== undefined) {
          throw new RangeErrorCtor(`${prefix}: A readable byte stream's queuing strategy cannot have a size function.`);
        }
        // 4.2. Let highWaterMark be ? ExtractHighWaterMark(strategy, 0).
        const highWaterMark = extractHighWaterMark(strategy, 0);
        // 4.3. Perform ? SetUpReadableByteStreamControllerFromUnderlyingSource(this, underlyingSource,
        //      underlyingSourceDict, highWaterMark).
        setUpReadableByteStreamControllerFromUnderlyingSource(stream, underlyingSource, underlyingSourceDict,
          highWaterMark);
        return;
      }
      // 5. Otherwise,
      // 5.2. Let sizeAlgorithm be ! ExtractSizeAlgorithm(strategy).
      const sizeAlgorithm = extractSizeAlgorithm(strategy);
      // 5.3. Let highWaterMark be ? ExtractHighWaterMark(strategy, 1).
      const highWaterMark = extractHighWaterMark(strategy, 1);
      // 5.4. Perform ? SetUpReadableStreamDefaultControllerFromUnderlyingSource(this, underlyingSource,
      //      underlyingSourceDict, highWaterMark, sizeAlgorithm).
      setUpReadableStreamDefaultControllerFromUnderlyingSource(stream, underlyingSource, underlyingSourceDict,
        highWaterMark, sizeAlgorithm);
    }

    static {
      readableStreamRecordOf = (V) => (isObject(V) && #stream in V ? V.#stream : undefined);
    }

    // https://streams.spec.whatwg.org/#rs-from
    static from(asyncIterable) {
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'from' on 'ReadableStream'");
      // 1. Return ? ReadableStreamFromIterable(asyncIterable).
      return readableStreamFromIterable(asyncIterable).object;
    }

    // https://streams.spec.whatwg.org/#rs-locked
    get locked() {
      const stream = branded(readableStreamRecordOf(this));
      // 1. Return ! IsReadableStreamLocked(this).
      return isReadableStreamLocked(stream);
    }

    // https://streams.spec.whatwg.org/#rs-cancel
    cancel(reason = undefined) {
      const stream = readableStreamRecordOf(this);
      if (stream === undefined) return rejectedIllegalInvocation();
      // 1. If ! IsReadableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
      if (isReadableStreamLocked(stream)) {
        return rejectedWith(new TypeErrorCtor("Failed to execute 'cancel' on 'ReadableStream': Cannot cancel a locked stream."));
      }
      // 2. Return ! ReadableStreamCancel(this, reason).
      return readableStreamCancel(stream, reason);
    }

    // https://streams.spec.whatwg.org/#rs-get-reader
    getReader(options = undefined) {
      const stream = branded(readableStreamRecordOf(this));
      const prefix = "Failed to execute 'getReader' on 'ReadableStream'";
      options = converters.ReadableStreamGetReaderOptions(options, prefix, "Argument 1");
      // 1. If options["mode"] does not exist, return ? AcquireReadableStreamDefaultReader(this).
      if (options.mode === undefined) return acquireReadableStreamDefaultReader(stream).object;
      // 2. Assert: options["mode"] is "byob".
      // 3. Return ? AcquireReadableStreamBYOBReader(this).
      return acquireReadableStreamBYOBReader(stream).object;
    }

    // https://streams.spec.whatwg.org/#rs-pipe-through
    pipeThrough(transform, options = undefined) {
      const stream = branded(readableStreamRecordOf(this));
      const prefix = "Failed to execute 'pipeThrough' on 'ReadableStream'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      transform = converters.ReadableWritablePair(transform, prefix, "Argument 1");
      options = converters.StreamPipeOptions(options, prefix, "Argument 2");
      const writable = writableStreamRecordOf(transform.writable);
      // 1. If ! IsReadableStreamLocked(this) is true, throw a TypeError exception.
      if (isReadableStreamLocked(stream)) throw new TypeErrorCtor(`${prefix}: The stream is locked.`);
      // 2. If ! IsWritableStreamLocked(transform["writable"]) is true, throw a TypeError exception.
      if (isWritableStreamLocked(writable)) throw new TypeErrorCtor(`${prefix}: The writable side is locked.`);
      // 3. Let signal be options["signal"] if it exists, or undefined otherwise.
      const signal = options.signal;
      // 4. Let promise be ! ReadableStreamPipeTo(this, transform["writable"], options["preventClose"],
      //    options["preventAbort"], options["preventCancel"], signal).
      const promise = readableStreamPipeTo(stream, writable, options.preventClose, options.preventAbort,
        options.preventCancel, signal);
      // 5. Set promise.[[PromiseIsHandled]] to true.
      markHandled(promise);
      // 6. Return transform["readable"].
      return transform.readable;
    }

    // https://streams.spec.whatwg.org/#rs-pipe-to
    pipeTo(destination, options = undefined) {
      let stream;
      let dest;
      try {
        stream = branded(readableStreamRecordOf(this));
        const prefix = "Failed to execute 'pipeTo' on 'ReadableStream'";
        webidl.requiredArguments(arguments.length, 1, prefix);
        destination = converters.WritableStream(destination, prefix, "Argument 1");
        options = converters.StreamPipeOptions(options, prefix, "Argument 2");
        dest = writableStreamRecordOf(destination);
        // 1. If ! IsReadableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
        if (isReadableStreamLocked(stream)) throw new TypeErrorCtor(`${prefix}: The stream is locked.`);
        // 2. If ! IsWritableStreamLocked(destination) is true, return a promise rejected with a TypeError exception.
        if (isWritableStreamLocked(dest)) throw new TypeErrorCtor(`${prefix}: The destination is locked.`);
      } catch (e) {
        return rejectedWith(e);
      }
      // 3. Let signal be options["signal"] if it exists, or undefined otherwise.
      // 4. Return ! ReadableStreamPipeTo(this, destination, options["preventClose"],
      //    options["preventAbort"], options["preventCancel"], signal).
      return readableStreamPipeTo(stream, dest, options.preventClose, options.preventAbort,
        options.preventCancel, options.signal);
    }

    // https://streams.spec.whatwg.org/#rs-tee
    tee() {
      const stream = branded(readableStreamRecordOf(this));
      // 1. Return ? ReadableStreamTee(this, false).
      const branches = readableStreamTee(stream, false);
      return [branches[0].object, branches[1].object];
    }

    // https://webidl.spec.whatwg.org/#es-asynchronous-iterable: values() and @@asyncIterator.
    values(options = undefined) {
      const stream = branded(readableStreamRecordOf(this));
      const prefix = "Failed to execute 'values' on 'ReadableStream'";
      options = converters.ReadableStreamIteratorOptions(options, prefix, "Argument 1");
      return createReadableStreamAsyncIterator(stream, options.preventCancel);
    }
  }

  // ------------------------------------------------------------------ async iteration
  // https://streams.spec.whatwg.org/#rs-asynciterator and
  // https://webidl.spec.whatwg.org/#es-asynchronous-iterator-prototype-object

  const ReadableStreamAsyncIteratorPrototype = ObjectCreate(AsyncIteratorPrototype);
  const _iterator = Symbol("[[asyncIteratorState]]");

  function createReadableStreamAsyncIterator(stream, preventCancel) {
    // The asynchronous iterator initialization steps, given stream, iterator and args:
    // 1. Let reader be ? AcquireReadableStreamDefaultReader(stream).
    const reader = acquireReadableStreamDefaultReader(stream);
    const iterator = ObjectCreate(ReadableStreamAsyncIteratorPrototype);
    // 2. Set iterator's reader to reader.
    // 3. Let preventCancel be args[0]["preventCancel"].
    // 4. Set iterator's prevent cancel to preventCancel.
    // WebIDL: the iterator's ongoing promise (initially null) and is finished (initially false).
    iterator[_iterator] = { __proto__: null, reader, preventCancel, ongoingPromise: null, isFinished: false };
    return iterator;
  }

  function iteratorState(self, method) {
    if (self === null || typeof self !== "object" || !(_iterator in self) ||
        ObjectGetPrototypeOf(self) !== ReadableStreamAsyncIteratorPrototype) {
      throw new TypeErrorCtor(`Failed to execute '${method}' on 'ReadableStream AsyncIterator': Illegal invocation`);
    }
    return self[_iterator];
  }

  // The get the next iteration result steps, given stream and iterator:
  function readableStreamAsyncIteratorGetNext(state) {
    // 1. Let reader be iterator's reader.
    const reader = state.reader;
    // 2. Assert: reader.[[stream]] is not undefined.
    // 3. Let promise be a new promise.
    const promise = newPromise();
    // 4. Let readRequest be a new read request with the following items:
    const readRequest = {
      __proto__: null,
      // chunk steps, given chunk: 1. Resolve promise with chunk.
      chunkSteps: (chunk) => promise.resolve({ value: chunk, done: false }),
      // close steps: 1. Perform ! ReadableStreamDefaultReaderRelease(reader). 2. Resolve promise with end of iteration.
      closeSteps: () => {
        readableStreamDefaultReaderRelease(reader);
        promise.resolve({ value: undefined, done: true });
      },
      // error steps, given e: 1. Perform ! ReadableStreamDefaultReaderRelease(reader). 2. Reject promise with e.
      errorSteps: (e) => {
        readableStreamDefaultReaderRelease(reader);
        promise.reject(e);
      },
    };
    // 5. Perform ! ReadableStreamDefaultReaderRead(this, readRequest).
    readableStreamDefaultReaderRead(reader, readRequest);
    // 6. Return promise.
    return promise.promise;
  }

  // The asynchronous iterator return steps, given stream, iterator and arg:
  function readableStreamAsyncIteratorReturn(state, arg) {
    // 1. Let reader be iterator's reader.
    const reader = state.reader;
    // 2. Assert: reader.[[stream]] is not undefined.
    // 3. Assert: reader.[[readRequests]] is empty, as the async iterator machinery guarantees that any
    //    previous calls to next() have settled before this is called.
    // 4. If iterator's prevent cancel is false:
    if (!state.preventCancel) {
      // 4.1. Let result be ! ReadableStreamReaderGenericCancel(reader, arg).
      const result = readableStreamReaderGenericCancel(reader, arg);
      // 4.2. Perform ! ReadableStreamDefaultReaderRelease(reader).
      readableStreamDefaultReaderRelease(reader);
      // 4.3. Return result.
      return result;
    }
    // 5. Perform ! ReadableStreamDefaultReaderRelease(reader).
    readableStreamDefaultReaderRelease(reader);
    // 6. Return a promise resolved with undefined.
    return resolvedWith(undefined);
  }

  const asyncIteratorMethods = {
    // https://webidl.spec.whatwg.org/#es-asynchronous-iterator-prototype-object (next)
    next() {
      let state;
      try {
        state = iteratorState(this, "next");
      } catch (e) {
        // 5. If object is not a default asynchronous iterator object for the interface, reject with a TypeError.
        return rejectedWith(e);
      }
      // 7. Let nextSteps be the following steps:
      const nextSteps = () => {
        // 7.1. If object's is finished is true, then return a promise resolved with end of iteration.
        if (state.isFinished) return resolvedWith({ value: undefined, done: true });
        // 7.2. Let kind be object's kind. 7.3. Let nextPromise be the result of getting the next iteration result.
        let nextPromise;
        try {
          nextPromise = readableStreamAsyncIteratorGetNext(state);
        } catch (e) {
          nextPromise = rejectedWith(e);
        }
        // 7.4. Let fulfillSteps be: if next is end of iteration, set ongoing promise to null, is finished to true.
        const fulfillSteps = (next) => {
          state.ongoingPromise = null;
          if (next.done) state.isFinished = true;
          return next;
        };
        // 7.6. Let rejectSteps be: set ongoing promise to null, is finished to true, and throw reason.
        const rejectSteps = (reason) => {
          state.ongoingPromise = null;
          state.isFinished = true;
          throw reason;
        };
        // 7.8. Perform PerformPromiseThen(nextPromise, onFulfilled, onRejected, nextPromiseCapability).
        return transformPromise(nextPromise, fulfillSteps, rejectSteps);
      };
      // 8. Let ongoingPromise be object's ongoing promise.
      const ongoingPromise = state.ongoingPromise;
      // 9. If ongoingPromise is not null, then chain nextSteps after it; 10. otherwise run nextSteps.
      state.ongoingPromise = ongoingPromise !== null
        ? transformPromise(ongoingPromise, nextSteps, nextSteps)
        : nextSteps();
      // 11. Return object's ongoing promise.
      return state.ongoingPromise;
    },

    // https://webidl.spec.whatwg.org/#es-asynchronous-iterator-prototype-object (return)
    // (One declared parameter: WebIDL gives the return method a length of 1.)
    return(value) {
      let state;
      try {
        state = iteratorState(this, "return");
      } catch (e) {
        return rejectedWith(e);
      }
      // 8. Let returnSteps be the following steps:
      const returnSteps = () => {
        // 8.1. If object's is finished is true, return a promise resolved with { value, done: true }.
        if (state.isFinished) return resolvedWith({ value, done: true });
        // 8.2. Set object's is finished to true.
        state.isFinished = true;
        // 8.3. Return the result of running the asynchronous iterator return algorithm.
        return readableStreamAsyncIteratorReturn(state, value);
      };
      // 9. Let ongoingPromise be object's ongoing promise.
      const ongoingPromise = state.ongoingPromise;
      // 10-11. Chain returnSteps after the ongoing promise, or run them now.
      const returnPromise = ongoingPromise !== null
        ? transformPromise(ongoingPromise, returnSteps, returnSteps)
        : returnSteps();
      state.ongoingPromise = returnPromise;
      // 13-14. Fulfill with an iterator result { value, done: true } once returnPromise fulfills.
      return transformPromise(returnPromise, () => ({ value, done: true }));
    },
  };
  ObjectDefineProperty(ReadableStreamAsyncIteratorPrototype, "next", {
    __proto__: null, value: asyncIteratorMethods.next, writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(ReadableStreamAsyncIteratorPrototype, "return", {
    __proto__: null, value: asyncIteratorMethods.return, writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(ReadableStreamAsyncIteratorPrototype, Symbol.toStringTag, {
    __proto__: null, value: "ReadableStream AsyncIterator", writable: false, enumerable: false, configurable: true,
  });

  // ------------------------------------------------------------------ ReadableStreamGenericReader
  // The members both reader interfaces include (https://streams.spec.whatwg.org/#readablestreamgenericreader),
  // given the record behind `this`: undefined when it is not a reader of the member's interface.

  // https://streams.spec.whatwg.org/#generic-reader-closed
  function genericReaderClosed(reader) {
    if (reader === undefined) return rejectedIllegalInvocation();
    // 1. Return this.[[closedPromise]].
    return reader.closedPromise.promise;
  }

  // https://streams.spec.whatwg.org/#generic-reader-cancel
  function genericReaderCancel(reader, reason) {
    if (reader === undefined) return rejectedIllegalInvocation();
    // 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
    if (reader.stream === undefined) {
      const name = reader.byob ? "ReadableStreamBYOBReader" : "ReadableStreamDefaultReader";
      return rejectedWith(new TypeErrorCtor(`Failed to execute 'cancel' on '${name}': The reader has been released.`));
    }
    // 2. Return ! ReadableStreamReaderGenericCancel(this, reason).
    return readableStreamReaderGenericCancel(reader, reason);
  }

  // ------------------------------------------------------------------ ReadableStreamDefaultReader

  let readerRecordOf;

  class ReadableStreamDefaultReader {
    #reader;

    // https://streams.spec.whatwg.org/#default-reader-constructor
    constructor(stream) {
      this.#reader = newReaderRecord(this);
      // (A reader the layer makes for AcquireReadableStreamDefaultReader is set up by the caller.)
      if (stream === kInternal) return;
      const prefix = "Failed to construct 'ReadableStreamDefaultReader'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      stream = converters.ReadableStream(stream, prefix, "Argument 1");
      // 1. Perform ? SetUpReadableStreamDefaultReader(this, stream).
      setUpReadableStreamDefaultReader(this.#reader, readableStreamRecordOf(stream));
    }

    static {
      readerRecordOf = (V) => (isObject(V) && #reader in V ? V.#reader : undefined);
      // A reader object around a new record, for AcquireReadableStreamDefaultReader.
      createReaderObject = () => new ReadableStreamDefaultReader(kInternal).#reader;
    }

    // https://streams.spec.whatwg.org/#generic-reader-closed
    get closed() {
      return genericReaderClosed(readerRecordOf(this));
    }

    // https://streams.spec.whatwg.org/#generic-reader-cancel
    cancel(reason = undefined) {
      return genericReaderCancel(readerRecordOf(this), reason);
    }

    // https://streams.spec.whatwg.org/#default-reader-read
    read() {
      const reader = readerRecordOf(this);
      if (reader === undefined) return rejectedIllegalInvocation();
      // 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
      if (reader.stream === undefined) {
        return rejectedWith(new TypeErrorCtor("Failed to execute 'read' on 'ReadableStreamDefaultReader': The reader has been released."));
      }
      // 2. Let promise be a new promise.
      const promise = newPromise();
      // 3. Let readRequest be a new read request with the following items:
      const readRequest = {
        __proto__: null,
        // chunk steps, given chunk: Resolve promise with «[ "value" → chunk, "done" → false ]».
        chunkSteps: (chunk) => promise.resolve({ value: chunk, done: false }),
        // close steps: Resolve promise with «[ "value" → undefined, "done" → true ]».
        closeSteps: () => promise.resolve({ value: undefined, done: true }),
        // error steps, given e: Reject promise with e.
        errorSteps: (e) => promise.reject(e),
      };
      // 4. Perform ! ReadableStreamDefaultReaderRead(this, readRequest).
      readableStreamDefaultReaderRead(reader, readRequest);
      // 5. Return promise.
      return promise.promise;
    }

    // https://streams.spec.whatwg.org/#default-reader-release-lock
    releaseLock() {
      const reader = branded(readerRecordOf(this));
      // 1. If this.[[stream]] is undefined, return.
      if (reader.stream === undefined) return;
      // 2. Perform ! ReadableStreamDefaultReaderRelease(this).
      readableStreamDefaultReaderRelease(reader);
    }
  }

  /** https://streams.spec.whatwg.org/#default-reader-internal-slots */
  function newReaderRecord(object) {
    return {
      __proto__: null,
      object,
      // "reader implements ReadableStreamBYOBReader" is false: this is a ReadableStreamDefaultReader.
      byob: false,
      // [[closedPromise]], [[stream]], [[readRequests]]
      closedPromise: undefined,
      stream: undefined,
      readRequests: new SizedQueue(),
    };
  }

  // ------------------------------------------------------------------ ReadableStreamDefaultController

  let readableControllerRecordOf;

  class ReadableStreamDefaultController {
    #controller;

    constructor(key = undefined, record = undefined) {
      this.#controller = recordOfNewObject(key, record, this);
    }

    static {
      readableControllerRecordOf = (V) => (isObject(V) && #controller in V ? V.#controller : undefined);
      createReadableControllerObject = (record) => new ReadableStreamDefaultController(kInternal, record).#controller;
    }

    // https://streams.spec.whatwg.org/#rs-default-controller-desired-size
    get desiredSize() {
      const controller = branded(readableControllerRecordOf(this));
      // 1. Return ! ReadableStreamDefaultControllerGetDesiredSize(this).
      return readableStreamDefaultControllerGetDesiredSize(controller);
    }

    // https://streams.spec.whatwg.org/#rs-default-controller-close
    close() {
      const controller = branded(readableControllerRecordOf(this));
      // 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(this) is false, throw a TypeError exception.
      if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) {
        throw new TypeErrorCtor("Failed to execute 'close' on 'ReadableStreamDefaultController': The stream is not in a state that permits close.");
      }
      // 2. Perform ! ReadableStreamDefaultControllerClose(this).
      readableStreamDefaultControllerClose(controller);
    }

    // https://streams.spec.whatwg.org/#rs-default-controller-enqueue
    enqueue(chunk = undefined) {
      const controller = branded(readableControllerRecordOf(this));
      // 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(this) is false, throw a TypeError exception.
      if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) {
        throw new TypeErrorCtor("Failed to execute 'enqueue' on 'ReadableStreamDefaultController': The stream is not in a state that permits enqueue.");
      }
      // 2. Perform ? ReadableStreamDefaultControllerEnqueue(this, chunk).
      readableStreamDefaultControllerEnqueue(controller, chunk);
    }

    // https://streams.spec.whatwg.org/#rs-default-controller-error
    error(e = undefined) {
      const controller = branded(readableControllerRecordOf(this));
      // 1. Perform ! ReadableStreamDefaultControllerError(this, e).
      readableStreamDefaultControllerError(controller, e);
    }
  }

  // ------------------------------------------------------------------ ReadableStreamBYOBReader

  let byobReaderRecordOf;

  class ReadableStreamBYOBReader {
    #reader;

    // https://streams.spec.whatwg.org/#byob-reader-constructor
    constructor(stream) {
      this.#reader = newBYOBReaderRecord(this);
      // (A reader the layer makes for AcquireReadableStreamBYOBReader is set up by the caller.)
      if (stream === kInternal) return;
      const prefix = "Failed to construct 'ReadableStreamBYOBReader'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      stream = converters.ReadableStream(stream, prefix, "Argument 1");
      // 1. Perform ? SetUpReadableStreamBYOBReader(this, stream).
      setUpReadableStreamBYOBReader(this.#reader, readableStreamRecordOf(stream));
    }

    static {
      byobReaderRecordOf = (V) => (isObject(V) && #reader in V ? V.#reader : undefined);
      // A reader object around a new record, for AcquireReadableStreamBYOBReader.
      createBYOBReaderObject = () => new ReadableStreamBYOBReader(kInternal).#reader;
    }

    // https://streams.spec.whatwg.org/#generic-reader-closed
    get closed() {
      return genericReaderClosed(byobReaderRecordOf(this));
    }

    // https://streams.spec.whatwg.org/#generic-reader-cancel
    cancel(reason = undefined) {
      return genericReaderCancel(byobReaderRecordOf(this), reason);
    }

    // https://streams.spec.whatwg.org/#byob-reader-read
    read(view, options = undefined) {
      const prefix = "Failed to execute 'read' on 'ReadableStreamBYOBReader'";
      let reader;
      try {
        reader = branded(byobReaderRecordOf(this));
        webidl.requiredArguments(arguments.length, 1, prefix);
        view = converters.ArrayBufferView(view, prefix, "Argument 1");
        options = converters.ReadableStreamBYOBReaderReadOptions(options, prefix, "Argument 2");
      } catch (e) {
        return rejectedWith(e);
      }
      const buffer = viewedArrayBuffer(view);
      // 1. If view.[[ByteLength]] is 0, return a promise rejected with a TypeError exception.
      if (viewByteLength(view) === 0) {
        return rejectedWith(new TypeErrorCtor(`${prefix}: The view's byte length is 0.`));
      }
      // 2. If view.[[ViewedArrayBuffer]].[[ByteLength]] is 0, return a promise rejected with a TypeError exception.
      if (arrayBufferByteLength(buffer) === 0) {
        return rejectedWith(new TypeErrorCtor(`${prefix}: The view's buffer has byte length 0.`));
      }
      // 3. If ! IsDetachedBuffer(view.[[ViewedArrayBuffer]]) is true, return a promise rejected with a TypeError exception.
      if (isDetachedBuffer(buffer)) {
        return rejectedWith(new TypeErrorCtor(`${prefix}: The view's buffer is detached.`));
      }
      // 4. If options["min"] is 0, return a promise rejected with a TypeError exception.
      const min = options.min;
      if (min === 0) return rejectedWith(new TypeErrorCtor(`${prefix}: options.min must be greater than 0.`));
      if (typedArrayNameOf(view) !== undefined) {
        // 5. If view has a [[TypedArrayName]] internal slot,
        // 5.1. If options["min"] > view.[[ArrayLength]], return a promise rejected with a RangeError exception.
        if (min > ReflectApply(TypedArrayLengthGetter, view, [])) {
          return rejectedWith(new RangeErrorCtor(`${prefix}: options.min is larger than the view's length.`));
        }
      } else if (min > viewByteLength(view)) {
        // 6. Otherwise (i.e., it is a DataView),
        // 6.1. If options["min"] > view.[[ByteLength]], return a promise rejected with a RangeError exception.
        return rejectedWith(new RangeErrorCtor(`${prefix}: options.min is larger than the view's byte length.`));
      }
      // 7. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
      if (reader.stream === undefined) {
        return rejectedWith(new TypeErrorCtor(`${prefix}: The reader has been released.`));
      }
      // 8. Let promise be a new promise.
      const promise = newPromise();
      // 9. Let readIntoRequest be a new read-into request with the following items:
      const readIntoRequest = {
        __proto__: null,
        // chunk steps, given chunk: Resolve promise with «[ "value" → chunk, "done" → false ]».
        chunkSteps: (chunk) => promise.resolve({ value: chunk, done: false }),
        // close steps, given chunk: Resolve promise with «[ "value" → chunk, "done" → true ]».
        closeSteps: (chunk) => promise.resolve({ value: chunk, done: true }),
        // error steps, given e: Reject promise with e.
        errorSteps: (e) => promise.reject(e),
      };
      // 10. Perform ! ReadableStreamBYOBReaderRead(this, view, options["min"], readIntoRequest).
      readableStreamBYOBReaderRead(reader, view, min, readIntoRequest);
      // 11. Return promise.
      return promise.promise;
    }

    // https://streams.spec.whatwg.org/#byob-reader-release-lock
    releaseLock() {
      const reader = branded(byobReaderRecordOf(this));
      // 1. If this.[[stream]] is undefined, return.
      if (reader.stream === undefined) return;
      // 2. Perform ! ReadableStreamBYOBReaderRelease(this).
      readableStreamBYOBReaderRelease(reader);
    }
  }

  /** https://streams.spec.whatwg.org/#byob-reader-internal-slots */
  function newBYOBReaderRecord(object) {
    return {
      __proto__: null,
      object,
      // "reader implements ReadableStreamBYOBReader"
      byob: true,
      // [[closedPromise]], [[stream]], [[readIntoRequests]]
      closedPromise: undefined,
      stream: undefined,
      readIntoRequests: new SizedQueue(),
    };
  }

  // ------------------------------------------------------------------ ReadableByteStreamController

  let byteControllerRecordOf;

  class ReadableByteStreamController {
    #controller;

    constructor(key = undefined, record = undefined) {
      this.#controller = recordOfNewObject(key, record, this);
    }

    static {
      byteControllerRecordOf = (V) => (isObject(V) && #controller in V ? V.#controller : undefined);
      createByteControllerObject = (record) => new ReadableByteStreamController(kInternal, record).#controller;
    }

    // https://streams.spec.whatwg.org/#rbs-controller-byob-request
    get byobRequest() {
      const controller = branded(byteControllerRecordOf(this));
      // 1. Return ! ReadableByteStreamControllerGetBYOBRequest(this).
      const request = readableByteStreamControllerGetBYOBRequest(controller);
      return request === null ? null : request.object;
    }

    // https://streams.spec.whatwg.org/#rbs-controller-desired-size
    get desiredSize() {
      const controller = branded(byteControllerRecordOf(this));
      // 1. Return ! ReadableByteStreamControllerGetDesiredSize(this).
      return readableByteStreamControllerGetDesiredSize(controller);
    }

    // https://streams.spec.whatwg.org/#rbs-controller-close
    close() {
      const controller = branded(byteControllerRecordOf(this));
      const prefix = "Failed to execute 'close' on 'ReadableByteStreamController'";
      // 1. If this.[[closeRequested]] is true, throw a TypeError exception.
      if (controller.closeRequested) throw new TypeErrorCtor(`${prefix}: The stream is already closing.`);
      // 2. If this.[[stream]].[[state]] is not "readable", throw a TypeError exception.
      if (controller.stream.state !== "readable") {
        throw new TypeErrorCtor(`${prefix}: The stream is not in a state that permits close.`);
      }
      // 3. Perform ? ReadableByteStreamControllerClose(this).
      readableByteStreamControllerClose(controller);
    }

    // https://streams.spec.whatwg.org/#rbs-controller-enqueue
    enqueue(chunk) {
      const controller = branded(byteControllerRecordOf(this));
      const prefix = "Failed to execute 'enqueue' on 'ReadableByteStreamController'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      chunk = converters.ArrayBufferView(chunk, prefix, "Argument 1");
      // 1. If chunk.[[ByteLength]] is 0, throw a TypeError exception.
      if (viewByteLength(chunk) === 0) throw new TypeErrorCtor(`${prefix}: The chunk's byte length is 0.`);
      // 2. If chunk.[[ViewedArrayBuffer]].[[ByteLength]] is 0, throw a TypeError exception.
      if (arrayBufferByteLength(viewedArrayBuffer(chunk)) === 0) {
        throw new TypeErrorCtor(`${prefix}: The chunk's buffer is detached or has byte length 0.`);
      }
      // 3. If this.[[closeRequested]] is true, throw a TypeError exception.
      if (controller.closeRequested) throw new TypeErrorCtor(`${prefix}: The stream is closing.`);
      // 4. If this.[[stream]].[[state]] is not "readable", throw a TypeError exception.
      if (controller.stream.state !== "readable") {
        throw new TypeErrorCtor(`${prefix}: The stream is not in a state that permits enqueue.`);
      }
      // 5. Return ? ReadableByteStreamControllerEnqueue(this, chunk).
      readableByteStreamControllerEnqueue(controller, chunk);
    }

    // https://streams.spec.whatwg.org/#rbs-controller-error
    error(e = undefined) {
      const controller = branded(byteControllerRecordOf(this));
      // 1. Perform ! ReadableByteStreamControllerError(this, e).
      readableByteStreamControllerError(controller, e);
    }
  }

  // ------------------------------------------------------------------ ReadableStreamBYOBRequest

  let byobRequestRecordOf;

  class ReadableStreamBYOBRequest {
    #request;

    constructor(key = undefined, record = undefined) {
      this.#request = recordOfNewObject(key, record, this);
    }

    static {
      byobRequestRecordOf = (V) => (isObject(V) && #request in V ? V.#request : undefined);
      // https://streams.spec.whatwg.org/#rs-byob-request-internal-slots: [[controller]] and [[view]].
      createBYOBRequestObject = (controller, view) =>
        new ReadableStreamBYOBRequest(kInternal, { __proto__: null, object: undefined, controller, view }).#request;
    }

    // https://streams.spec.whatwg.org/#rs-byob-request-view
    get view() {
      const request = branded(byobRequestRecordOf(this));
      // 1. Return this.[[view]].
      return request.view;
    }

    // https://streams.spec.whatwg.org/#rs-byob-request-respond
    respond(bytesWritten) {
      const request = branded(byobRequestRecordOf(this));
      const prefix = "Failed to execute 'respond' on 'ReadableStreamBYOBRequest'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      bytesWritten = converters["unsigned long long"](bytesWritten, prefix, "Argument 1", ENFORCE_RANGE);
      // 1. If this.[[controller]] is undefined, throw a TypeError exception.
      if (request.controller === undefined) {
        throw new TypeErrorCtor(`${prefix}: This BYOB request has been invalidated.`);
      }
      // 2. If ! IsDetachedBuffer(this.[[view]].[[ArrayBuffer]]) is true, throw a TypeError exception.
      if (isDetachedBuffer(viewedArrayBuffer(request.view))) {
        throw new TypeErrorCtor(`${prefix}: The view's buffer has been detached.`);
      }
      // 3. Assert: this.[[view]].[[ByteLength]] > 0.
      // 4. Assert: this.[[view]].[[ViewedArrayBuffer]].[[ByteLength]] > 0.
      // 5. Perform ? ReadableByteStreamControllerRespond(this.[[controller]], bytesWritten).
      readableByteStreamControllerRespond(request.controller, bytesWritten);
    }

    // https://streams.spec.whatwg.org/#rs-byob-request-respond-with-new-view
    respondWithNewView(view) {
      const request = branded(byobRequestRecordOf(this));
      const prefix = "Failed to execute 'respondWithNewView' on 'ReadableStreamBYOBRequest'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      view = converters.ArrayBufferView(view, prefix, "Argument 1");
      // 1. If this.[[controller]] is undefined, throw a TypeError exception.
      if (request.controller === undefined) {
        throw new TypeErrorCtor(`${prefix}: This BYOB request has been invalidated.`);
      }
      // 2. If ! IsDetachedBuffer(view.[[ViewedArrayBuffer]]) is true, throw a TypeError exception.
      if (isDetachedBuffer(viewedArrayBuffer(view))) {
        throw new TypeErrorCtor(`${prefix}: The view's buffer has been detached.`);
      }
      // 3. Return ? ReadableByteStreamControllerRespondWithNewView(this.[[controller]], view).
      readableByteStreamControllerRespondWithNewView(request.controller, view);
    }
  }

  const ENFORCE_RANGE = { __proto__: null, enforceRange: true };

  // ------------------------------------------------------------------ readable stream abstract operations

  // https://streams.spec.whatwg.org/#acquire-readable-stream-reader
  function acquireReadableStreamDefaultReader(stream) {
    // 1. Let reader be a new ReadableStreamDefaultReader.
    const reader = createReaderObject();
    // 2. Perform ? SetUpReadableStreamDefaultReader(reader, stream).
    setUpReadableStreamDefaultReader(reader, stream);
    // 3. Return reader.
    return reader;
  }

  // https://streams.spec.whatwg.org/#create-readable-stream
  function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1,
    sizeAlgorithm = () => 1) {
    // 1-2. If highWaterMark was not passed, set it to 1; if sizeAlgorithm was not passed, an algorithm returning 1.
    // 3. Assert: ! IsNonNegativeNumber(highWaterMark) is true.
    // 4. Let stream be a new ReadableStream.
    // 5. Perform ! InitializeReadableStream(stream).
    const stream = newReadableStreamRecord(undefined);
    stream.object = new ReadableStream(kInternal, stream);
    // 6. Let controller be a new ReadableStreamDefaultController.
    const controller = newReadableStreamDefaultControllerRecord();
    // 7. Perform ? SetUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
    //    cancelAlgorithm, highWaterMark, sizeAlgorithm).
    setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
      highWaterMark, sizeAlgorithm);
    // 8. Return stream.
    return stream;
  }

  // https://streams.spec.whatwg.org/#is-readable-stream-locked
  function isReadableStreamLocked(stream) {
    // 1. If stream.[[reader]] is undefined, return false. 2. Return true.
    return stream.reader !== undefined;
  }

  // https://streams.spec.whatwg.org/#readable-stream-from-iterable
  function readableStreamFromIterable(asyncIterable) {
    // 1. Let stream be undefined.
    let stream;
    // 2. Let iteratorRecord be ? GetIterator(asyncIterable, async).
    const iteratorRecord = getAsyncIterator(asyncIterable);
    // 3. Let startAlgorithm be an algorithm that returns undefined.
    const startAlgorithm = () => undefined;
    // 4. Let pullAlgorithm be the following steps:
    const pullAlgorithm = () => {
      // 4.1. Let nextResult be IteratorNext(iteratorRecord).
      let nextResult;
      try {
        nextResult = ReflectApply(iteratorRecord.nextMethod, iteratorRecord.iterator, []);
      } catch (e) {
        // 4.2. If nextResult is an abrupt completion, return a promise rejected with nextResult.[[Value]].
        return rejectedWith(e);
      }
      // 4.3. Let nextPromise be a promise resolved with nextResult.[[Value]].
      const nextPromise = resolvedWith(nextResult);
      // 4.4. Return the result of reacting to nextPromise with the following fulfillment steps, given iterResult:
      return transformPromise(nextPromise, (iterResult) => {
        // 4.4.1. If iterResult is not an Object, throw a TypeError.
        if (iterResult === null || (typeof iterResult !== "object" && typeof iterResult !== "function")) {
          throw new TypeErrorCtor("The iterator's next() result is not an object.");
        }
        // 4.4.2. Let done be ? IteratorComplete(iterResult).
        // 4.4.3. If done is true: Perform ! ReadableStreamDefaultControllerClose(stream.[[controller]]).
        if (iterResult.done) {
          readableStreamDefaultControllerClose(stream.controller);
        } else {
          // 4.4.4. Otherwise: Let value be ? IteratorValue(iterResult).
          //        Perform ! ReadableStreamDefaultControllerEnqueue(stream.[[controller]], value).
          readableStreamDefaultControllerEnqueue(stream.controller, iterResult.value);
        }
      });
    };
    // 5. Let cancelAlgorithm be the following steps, given reason:
    const cancelAlgorithm = (reason) => {
      // 5.1. Let iterator be iteratorRecord.[[Iterator]].
      const iterator = iteratorRecord.iterator;
      // 5.2. Let returnMethod be GetMethod(iterator, "return").
      let returnMethod;
      try {
        returnMethod = iterator.return;
        if (returnMethod !== undefined && returnMethod !== null && typeof returnMethod !== "function") {
          throw new TypeErrorCtor("The iterator's return property is not a function.");
        }
      } catch (e) {
        // 5.3. If returnMethod is an abrupt completion, return a promise rejected with returnMethod.[[Value]].
        return rejectedWith(e);
      }
      // 5.4. If returnMethod.[[Value]] is undefined, return a promise resolved with undefined.
      if (returnMethod === undefined || returnMethod === null) return resolvedWith(undefined);
      // 5.5. Let returnResult be Call(returnMethod.[[Value]], iterator, « reason »).
      let returnResult;
      try {
        returnResult = ReflectApply(returnMethod, iterator, [reason]);
      } catch (e) {
        // 5.6. If returnResult is an abrupt completion, return a promise rejected with returnResult.[[Value]].
        return rejectedWith(e);
      }
      // 5.7. Let returnPromise be a promise resolved with returnResult.[[Value]].
      // 5.8. Return the result of reacting to returnPromise with the following fulfillment steps, given iterResult:
      return transformPromise(resolvedWith(returnResult), (iterResult) => {
        // 5.8.1. If iterResult is not an Object, throw a TypeError.
        if (iterResult === null || (typeof iterResult !== "object" && typeof iterResult !== "function")) {
          throw new TypeErrorCtor("The iterator's return() result is not an object.");
        }
        // 5.8.2. Return undefined.
      });
    };
    // 6. Set stream to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, 0).
    stream = createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, 0);
    // 7. Return stream.
    return stream;
  }

  /** GetIterator(obj, async) (ECMA-262): the async iterator, or a sync one wrapped as async. */
  function getAsyncIterator(obj) {
    let method = obj === null || obj === undefined ? undefined : obj[SymbolAsyncIterator];
    let wrapSync = false;
    if (method === undefined || method === null) {
      method = obj === null || obj === undefined ? undefined : obj[SymbolIterator];
      wrapSync = true;
    }
    if (typeof method !== "function") {
      throw new TypeErrorCtor("Failed to execute 'from' on 'ReadableStream': The argument is not iterable.");
    }
    let iterator = ReflectApply(method, obj, []);
    if (iterator === null || (typeof iterator !== "object" && typeof iterator !== "function")) {
      throw new TypeErrorCtor("Failed to execute 'from' on 'ReadableStream': The iterator is not an object.");
    }
    if (wrapSync) {
      // CreateAsyncFromSyncIterator: an async generator delegating to the sync iterator does what it
      // specifies (awaiting each value, forwarding return).
      const syncIterator = iterator;
      iterator = (async function* () { yield* { [SymbolIterator]: () => syncIterator }; })();
    }
    return { __proto__: null, iterator, nextMethod: iterator.next };
  }

  // https://streams.spec.whatwg.org/#readable-stream-add-read-request
  function readableStreamAddReadRequest(stream, readRequest) {
    // 1. Assert: stream.[[reader]] implements ReadableStreamDefaultReader.
    // 2. Assert: stream.[[state]] is "readable".
    // 3. Append readRequest to stream.[[reader]].[[readRequests]].
    stream.reader.readRequests.push(readRequest);
  }

  // https://streams.spec.whatwg.org/#readable-stream-cancel
  function readableStreamCancel(stream, reason) {
    // 1. Set stream.[[disturbed]] to true.
    stream.disturbed = true;
    // 2. If stream.[[state]] is "closed", return a promise resolved with undefined.
    if (stream.state === "closed") return resolvedWith(undefined);
    // 3. If stream.[[state]] is "errored", return a promise rejected with stream.[[storedError]].
    if (stream.state === "errored") return rejectedWith(stream.storedError);
    // 4. Perform ! ReadableStreamClose(stream).
    readableStreamClose(stream);
    // 5. Let reader be stream.[[reader]].
    const reader = stream.reader;
    // 6. If reader is not undefined and reader implements ReadableStreamBYOBReader,
    if (reader !== undefined && reader.byob) {
      // 6.1. Let readIntoRequests be reader.[[readIntoRequests]].
      const readIntoRequests = reader.readIntoRequests;
      // 6.2. Set reader.[[readIntoRequests]] to an empty list.
      reader.readIntoRequests = new SizedQueue();
      // 6.3. For each readIntoRequest of readIntoRequests, perform readIntoRequest's close steps, given undefined.
      while (readIntoRequests.length > 0) readIntoRequests.shift().closeSteps(undefined);
    }
    // 7. Let sourceCancelPromise be ! stream.[[controller]].[[CancelSteps]](reason).
    const sourceCancelPromise = stream.controller.byte
      ? readableByteStreamControllerCancelSteps(stream.controller, reason)
      : readableStreamDefaultControllerCancelSteps(stream.controller, reason);
    // 8. Return the result of reacting to sourceCancelPromise with a fulfillment step that returns undefined.
    return transformPromise(sourceCancelPromise, () => undefined);
  }

  // https://streams.spec.whatwg.org/#readable-stream-close
  function readableStreamClose(stream) {
    // 1. Assert: stream.[[state]] is "readable".
    // 2. Set stream.[[state]] to "closed".
    stream.state = "closed";
    // 3. Let reader be stream.[[reader]].
    const reader = stream.reader;
    // 4. If reader is undefined, return.
    if (reader === undefined) return;
    // 5. Resolve reader.[[closedPromise]] with undefined.
    reader.closedPromise.resolve(undefined);
    // 6. If reader implements ReadableStreamDefaultReader:
    if (reader.byob) return;
    // 6.1. Let readRequests be reader.[[readRequests]].
    const readRequests = reader.readRequests;
    // 6.2. Set reader.[[readRequests]] to an empty list.
    reader.readRequests = new SizedQueue();
    // 6.3. For each readRequest of readRequests, perform readRequest's close steps.
    while (readRequests.length > 0) readRequests.shift().closeSteps();
  }

  // https://streams.spec.whatwg.org/#readable-stream-error
  function readableStreamError(stream, e) {
    // 1. Assert: stream.[[state]] is "readable".
    // 2. Set stream.[[state]] to "errored".
    stream.state = "errored";
    // 3. Set stream.[[storedError]] to e.
    stream.storedError = e;
    // 4. Let reader be stream.[[reader]].
    const reader = stream.reader;
    // 5. If reader is undefined, return.
    if (reader === undefined) return;
    // 6. Reject reader.[[closedPromise]] with e.
    reader.closedPromise.reject(e);
    // 7. Set reader.[[closedPromise]].[[PromiseIsHandled]] to true.
    markHandled(reader.closedPromise.promise);
    if (!reader.byob) {
      // 8. If reader implements ReadableStreamDefaultReader,
      // 8.1. Perform ! ReadableStreamDefaultReaderErrorReadRequests(reader, e).
      readableStreamDefaultReaderErrorReadRequests(reader, e);
    } else {
      // 9. Otherwise, 9.1. Assert: reader implements ReadableStreamBYOBReader.
      // 9.2. Perform ! ReadableStreamBYOBReaderErrorReadIntoRequests(reader, e).
      readableStreamBYOBReaderErrorReadIntoRequests(reader, e);
    }
  }

  // https://streams.spec.whatwg.org/#readable-stream-fulfill-read-request
  function readableStreamFulfillReadRequest(stream, chunk, done) {
    // 1. Assert: ! ReadableStreamHasDefaultReader(stream) is true.
    // 2. Let reader be stream.[[reader]].
    const reader = stream.reader;
    // 3. Assert: reader.[[readRequests]] is not empty.
    // 4. Let readRequest be reader.[[readRequests]][0].
    // 5. Remove readRequest from reader.[[readRequests]].
    const readRequest = reader.readRequests.shift();
    // 6. If done is true, perform readRequest's close steps.
    if (done) readRequest.closeSteps();
    // 7. Otherwise, perform readRequest's chunk steps, given chunk.
    else readRequest.chunkSteps(chunk);
  }

  // https://streams.spec.whatwg.org/#readable-stream-get-num-read-requests
  function readableStreamGetNumReadRequests(stream) {
    // 2. Return stream.[[reader]].[[readRequests]]'s size.
    return stream.reader.readRequests.length;
  }

  // https://streams.spec.whatwg.org/#readable-stream-has-default-reader
  function readableStreamHasDefaultReader(stream) {
    // 1. Let reader be stream.[[reader]]. 2. If reader is undefined, return false.
    // 3. If reader implements ReadableStreamDefaultReader, return true. 4. Return false.
    return stream.reader !== undefined && !stream.reader.byob;
  }

  // https://streams.spec.whatwg.org/#readable-stream-reader-generic-cancel
  function readableStreamReaderGenericCancel(reader, reason) {
    // 1. Let stream be reader.[[stream]].
    // 2. Assert: stream is not undefined.
    // 3. Return ! ReadableStreamCancel(stream, reason).
    return readableStreamCancel(reader.stream, reason);
  }

  // https://streams.spec.whatwg.org/#readable-stream-reader-generic-initialize
  function readableStreamReaderGenericInitialize(reader, stream) {
    // 1. Set reader.[[stream]] to stream.
    reader.stream = stream;
    // 2. Set stream.[[reader]] to reader.
    stream.reader = reader;
    reader.closedPromise = newPromise();
    if (stream.state === "readable") {
      // 3. If stream.[[state]] is "readable", set reader.[[closedPromise]] to a new promise.
    } else if (stream.state === "closed") {
      // 4. Otherwise, if stream.[[state]] is "closed", set reader.[[closedPromise]] to a promise resolved with undefined.
      reader.closedPromise.resolve(undefined);
    } else {
      // 5. Otherwise: Assert: stream.[[state]] is "errored".
      // 5.2. Set reader.[[closedPromise]] to a promise rejected with stream.[[storedError]].
      reader.closedPromise.reject(stream.storedError);
      // 5.3. Set reader.[[closedPromise]].[[PromiseIsHandled]] to true.
      markHandled(reader.closedPromise.promise);
    }
  }

  // https://streams.spec.whatwg.org/#readable-stream-reader-generic-release
  function readableStreamReaderGenericRelease(reader) {
    // 1. Let stream be reader.[[stream]].
    const stream = reader.stream;
    // 2. Assert: stream is not undefined. 3. Assert: stream.[[reader]] is reader.
    const error = new TypeErrorCtor("The reader's lock on the stream was released.");
    if (stream.state === "readable") {
      // 4. If stream.[[state]] is "readable", reject reader.[[closedPromise]] with a TypeError exception.
      reader.closedPromise.reject(error);
    } else {
      // 5. Otherwise, set reader.[[closedPromise]] to a promise rejected with a TypeError exception.
      reader.closedPromise = rejectedCapability(error);
    }
    // 6. Set reader.[[closedPromise]].[[PromiseIsHandled]] to true.
    markHandled(reader.closedPromise.promise);
    // 7. Perform ! stream.[[controller]].[[ReleaseSteps]](). (A default controller's are empty.)
    if (stream.controller.byte) readableByteStreamControllerReleaseSteps(stream.controller);
    // 8. Set stream.[[reader]] to undefined.
    stream.reader = undefined;
    // 9. Set reader.[[stream]] to undefined.
    reader.stream = undefined;
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablestreamdefaultreadererrorreadrequests
  function readableStreamDefaultReaderErrorReadRequests(reader, e) {
    // 1. Let readRequests be reader.[[readRequests]].
    const readRequests = reader.readRequests;
    // 2. Set reader.[[readRequests]] to a new empty list.
    reader.readRequests = new SizedQueue();
    // 3. For each readRequest of readRequests, perform readRequest's error steps, given e.
    while (readRequests.length > 0) readRequests.shift().errorSteps(e);
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-reader-read
  function readableStreamDefaultReaderRead(reader, readRequest) {
    // 1. Let stream be reader.[[stream]].
    const stream = reader.stream;
    // 2. Assert: stream is not undefined.
    // 3. Set stream.[[disturbed]] to true.
    stream.disturbed = true;
    if (stream.state === "closed") {
      // 4. If stream.[[state]] is "closed", perform readRequest's close steps.
      readRequest.closeSteps();
    } else if (stream.state === "errored") {
      // 5. Otherwise, if stream.[[state]] is "errored", perform readRequest's error steps given stream.[[storedError]].
      readRequest.errorSteps(stream.storedError);
    } else {
      // 6. Otherwise: Assert: stream.[[state]] is "readable".
      // 6.2. Perform ! stream.[[controller]].[[PullSteps]](readRequest).
      if (stream.controller.byte) readableByteStreamControllerPullSteps(stream.controller, readRequest);
      else readableStreamDefaultControllerPullSteps(stream.controller, readRequest);
    }
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablestreamdefaultreaderrelease
  function readableStreamDefaultReaderRelease(reader) {
    // 1. Perform ! ReadableStreamReaderGenericRelease(reader).
    readableStreamReaderGenericRelease(reader);
    // 2. Let e be a new TypeError exception.
    const e = new TypeErrorCtor("The reader's lock on the stream was released.");
    // 3. Perform ! ReadableStreamDefaultReaderErrorReadRequests(reader, e).
    readableStreamDefaultReaderErrorReadRequests(reader, e);
  }

  // https://streams.spec.whatwg.org/#set-up-readable-stream-default-reader
  function setUpReadableStreamDefaultReader(reader, stream) {
    // 1. If ! IsReadableStreamLocked(stream) is true, throw a TypeError exception.
    if (isReadableStreamLocked(stream)) {
      throw new TypeErrorCtor("Cannot get a reader for a stream that is already locked to a reader.");
    }
    // 2. Perform ! ReadableStreamReaderGenericInitialize(reader, stream).
    readableStreamReaderGenericInitialize(reader, stream);
    // 3. Set reader.[[readRequests]] to a new empty list.
    reader.readRequests = new SizedQueue();
  }

  // ------------------------------------------------------------------ default controller abstract operations

  /** https://streams.spec.whatwg.org/#rs-default-controller-internal-slots */
  function newReadableStreamDefaultControllerRecord() {
    const controller = {
      __proto__: null,
      object: undefined,
      // "controller implements ReadableByteStreamController" is false: this is a default controller.
      byte: false,
      cancelAlgorithm: undefined,
      closeRequested: false,
      pullAgain: false,
      pullAlgorithm: undefined,
      pulling: false,
      queue: new SizedQueue(),
      queueTotalSize: 0,
      started: false,
      strategyHWM: 0,
      strategySizeAlgorithm: undefined,
      stream: undefined,
    };
    return createReadableControllerObject(controller);
  }

  // [[CancelSteps]](reason): https://streams.spec.whatwg.org/#rs-default-controller-private-cancel
  function readableStreamDefaultControllerCancelSteps(controller, reason) {
    // 1. Perform ! ResetQueue(this).
    resetQueue(controller);
    // 2. Let result be the result of performing this.[[cancelAlgorithm]], passing reason.
    const result = controller.cancelAlgorithm(reason);
    // 3. Perform ! ReadableStreamDefaultControllerClearAlgorithms(this).
    readableStreamDefaultControllerClearAlgorithms(controller);
    // 4. Return result.
    return result;
  }

  // [[PullSteps]](readRequest): https://streams.spec.whatwg.org/#rs-default-controller-private-pull
  function readableStreamDefaultControllerPullSteps(controller, readRequest) {
    // 1. Let stream be this.[[stream]].
    const stream = controller.stream;
    // 2. If this.[[queue]] is not empty,
    if (controller.queue.length > 0) {
      // 2.1. Let chunk be ! DequeueValue(this).
      const chunk = dequeueValue(controller);
      // 2.2. If this.[[closeRequested]] is true and this.[[queue]] is empty,
      if (controller.closeRequested && controller.queue.length === 0) {
        // 2.2.1. Perform ! ReadableStreamDefaultControllerClearAlgorithms(this).
        readableStreamDefaultControllerClearAlgorithms(controller);
        // 2.2.2. Perform ! ReadableStreamClose(stream).
        readableStreamClose(stream);
      } else {
        // 2.3. Otherwise, perform ! ReadableStreamDefaultControllerCallPullIfNeeded(this).
        readableStreamDefaultControllerCallPullIfNeeded(controller);
      }
      // 2.4. Perform readRequest's chunk steps, given chunk.
      readRequest.chunkSteps(chunk);
    } else {
      // 3. Otherwise,
      // 3.1. Perform ! ReadableStreamAddReadRequest(stream, readRequest).
      readableStreamAddReadRequest(stream, readRequest);
      // 3.2. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(this).
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-call-pull-if-needed
  function readableStreamDefaultControllerCallPullIfNeeded(controller) {
    // 1. Let shouldPull be ! ReadableStreamDefaultControllerShouldCallPull(controller).
    // 2. If shouldPull is false, return.
    if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
    // 3. If controller.[[pulling]] is true,
    if (controller.pulling) {
      // 3.1. Set controller.[[pullAgain]] to true. 3.2. Return.
      controller.pullAgain = true;
      return;
    }
    // 4. Assert: controller.[[pullAgain]] is false.
    // 5. Set controller.[[pulling]] to true.
    controller.pulling = true;
    // 6. Let pullPromise be the result of performing controller.[[pullAlgorithm]].
    const pullPromise = controller.pullAlgorithm();
    uponPromise(pullPromise, () => {
      // 7. Upon fulfillment of pullPromise,
      // 7.1. Set controller.[[pulling]] to false.
      controller.pulling = false;
      // 7.2. If controller.[[pullAgain]] is true,
      if (controller.pullAgain) {
        // 7.2.1. Set controller.[[pullAgain]] to false.
        controller.pullAgain = false;
        // 7.2.2. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(controller).
        readableStreamDefaultControllerCallPullIfNeeded(controller);
      }
    }, (e) => {
      // 8. Upon rejection of pullPromise with reason e,
      // 8.1. Perform ! ReadableStreamDefaultControllerError(controller, e).
      readableStreamDefaultControllerError(controller, e);
    });
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-should-call-pull
  function readableStreamDefaultControllerShouldCallPull(controller) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(controller) is false, return false.
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return false;
    // 3. If controller.[[started]] is false, return false.
    if (!controller.started) return false;
    // 4. If ! IsReadableStreamLocked(stream) is true and ! ReadableStreamGetNumReadRequests(stream) > 0, return true.
    if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
    // 5. Let desiredSize be ! ReadableStreamDefaultControllerGetDesiredSize(controller).
    const desiredSize = readableStreamDefaultControllerGetDesiredSize(controller);
    // 6. Assert: desiredSize is not null.
    // 7. If desiredSize > 0, return true.
    // 8. Return false.
    return desiredSize > 0;
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-clear-algorithms
  function readableStreamDefaultControllerClearAlgorithms(controller) {
    // 1. Set controller.[[pullAlgorithm]] to undefined.
    controller.pullAlgorithm = undefined;
    // 2. Set controller.[[cancelAlgorithm]] to undefined.
    controller.cancelAlgorithm = undefined;
    // 3. Set controller.[[strategySizeAlgorithm]] to undefined.
    controller.strategySizeAlgorithm = undefined;
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-close
  function readableStreamDefaultControllerClose(controller) {
    // 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(controller) is false, return.
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
    // 2. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 3. Set controller.[[closeRequested]] to true.
    controller.closeRequested = true;
    // 4. If controller.[[queue]] is empty,
    if (controller.queue.length === 0) {
      // 4.1. Perform ! ReadableStreamDefaultControllerClearAlgorithms(controller).
      readableStreamDefaultControllerClearAlgorithms(controller);
      // 4.2. Perform ! ReadableStreamClose(stream).
      readableStreamClose(stream);
    }
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-enqueue
  function readableStreamDefaultControllerEnqueue(controller, chunk) {
    // 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(controller) is false, return.
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
    // 2. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 3. If ! IsReadableStreamLocked(stream) is true and ! ReadableStreamGetNumReadRequests(stream) > 0,
    //    perform ! ReadableStreamFulfillReadRequest(stream, chunk, false).
    if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
      readableStreamFulfillReadRequest(stream, chunk, false);
    } else {
      // 4. Otherwise,
      // 4.1. Let result be the result of performing controller.[[strategySizeAlgorithm]], passing in chunk,
      //      and interpreting the result as a completion record.
      let chunkSize;
      try {
        chunkSize = controller.strategySizeAlgorithm(chunk);
      } catch (e) {
        // 4.2. If result is an abrupt completion,
        // 4.2.1. Perform ! ReadableStreamDefaultControllerError(controller, result.[[Value]]).
        readableStreamDefaultControllerError(controller, e);
        // 4.2.2. Return result.
        throw e;
      }
      // 4.3. Let chunkSize be result.[[Value]].
      // 4.4. Let enqueueResult be EnqueueValueWithSize(controller, chunk, chunkSize).
      try {
        enqueueValueWithSize(controller, chunk, chunkSize);
      } catch (e) {
        // 4.5. If enqueueResult is an abrupt completion,
        // 4.5.1. Perform ! ReadableStreamDefaultControllerError(controller, enqueueResult.[[Value]]).
        readableStreamDefaultControllerError(controller, e);
        // 4.5.2. Return enqueueResult.
        throw e;
      }
    }
    // 5. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(controller).
    readableStreamDefaultControllerCallPullIfNeeded(controller);
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-error
  function readableStreamDefaultControllerError(controller, e) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If stream.[[state]] is not "readable", return.
    if (stream.state !== "readable") return;
    // 3. Perform ! ResetQueue(controller).
    resetQueue(controller);
    // 4. Perform ! ReadableStreamDefaultControllerClearAlgorithms(controller).
    readableStreamDefaultControllerClearAlgorithms(controller);
    // 5. Perform ! ReadableStreamError(stream, e).
    readableStreamError(stream, e);
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-get-desired-size
  function readableStreamDefaultControllerGetDesiredSize(controller) {
    // 1. Let state be controller.[[stream]].[[state]].
    const state = controller.stream.state;
    // 2. If state is "errored", return null.
    if (state === "errored") return null;
    // 3. If state is "closed", return 0.
    if (state === "closed") return 0;
    // 4. Return controller.[[strategyHWM]] − controller.[[queueTotalSize]].
    return controller.strategyHWM - controller.queueTotalSize;
  }

  // https://streams.spec.whatwg.org/#rs-default-controller-has-backpressure
  function readableStreamDefaultControllerHasBackpressure(controller) {
    // 1. If ! ReadableStreamDefaultControllerShouldCallPull(controller) is true, return false.
    // 2. Otherwise, return true.
    return !readableStreamDefaultControllerShouldCallPull(controller);
  }

  // https://streams.spec.whatwg.org/#readable-stream-default-controller-can-close-or-enqueue
  function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
    // 1. Let state be controller.[[stream]].[[state]].
    // 2. If controller.[[closeRequested]] is false and state is "readable", return true.
    // 3. Otherwise, return false.
    return !controller.closeRequested && controller.stream.state === "readable";
  }

  // https://streams.spec.whatwg.org/#set-up-readable-stream-default-controller
  function setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
    cancelAlgorithm, highWaterMark, sizeAlgorithm) {
    // 1. Assert: stream.[[controller]] is undefined.
    // 2. Set controller.[[stream]] to stream.
    controller.stream = stream;
    // 3. Perform ! ResetQueue(controller).
    resetQueue(controller);
    // 4. Set controller.[[started]], controller.[[closeRequested]], controller.[[pullAgain]], and
    //    controller.[[pulling]] to false.
    controller.started = false;
    controller.closeRequested = false;
    controller.pullAgain = false;
    controller.pulling = false;
    // 5. Set controller.[[strategySizeAlgorithm]] to sizeAlgorithm and controller.[[strategyHWM]] to highWaterMark.
    controller.strategySizeAlgorithm = sizeAlgorithm;
    controller.strategyHWM = highWaterMark;
    // 6. Set controller.[[pullAlgorithm]] to pullAlgorithm.
    controller.pullAlgorithm = pullAlgorithm;
    // 7. Set controller.[[cancelAlgorithm]] to cancelAlgorithm.
    controller.cancelAlgorithm = cancelAlgorithm;
    // 8. Set stream.[[controller]] to controller.
    stream.controller = controller;
    // 9. Let startResult be the result of performing startAlgorithm. (This might throw an exception.)
    const startResult = startAlgorithm();
    // 10. Let startPromise be a promise resolved with startResult.
    const startPromise = resolvedWith(startResult);
    uponPromise(startPromise, () => {
      // 11. Upon fulfillment of startPromise,
      // 11.1. Set controller.[[started]] to true.
      controller.started = true;
      // 11.2. Assert: controller.[[pulling]] is false. 11.3. Assert: controller.[[pullAgain]] is false.
      // 11.4. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(controller).
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }, (r) => {
      // 12. Upon rejection of startPromise with reason r,
      // 12.1. Perform ! ReadableStreamDefaultControllerError(controller, r).
      readableStreamDefaultControllerError(controller, r);
    });
  }

  // https://streams.spec.whatwg.org/#set-up-readable-stream-default-controller-from-underlying-source
  function setUpReadableStreamDefaultControllerFromUnderlyingSource(stream, underlyingSource,
    underlyingSourceDict, highWaterMark, sizeAlgorithm) {
    // 1. Let controller be a new ReadableStreamDefaultController.
    const controller = newReadableStreamDefaultControllerRecord();
    // 2. Let startAlgorithm be an algorithm that returns undefined.
    let startAlgorithm = () => undefined;
    // 3. Let pullAlgorithm be an algorithm that returns a promise resolved with undefined.
    let pullAlgorithm = () => resolvedWith(undefined);
    // 4. Let cancelAlgorithm be an algorithm that returns a promise resolved with undefined.
    let cancelAlgorithm = () => resolvedWith(undefined);
    // 5. If underlyingSourceDict["start"] exists, then set startAlgorithm to an algorithm which returns
    //    the result of invoking underlyingSourceDict["start"] with argument list « controller » and
    //    callback this value underlyingSource.
    const { start, pull, cancel } = underlyingSourceDict;
    if (start !== undefined) {
      startAlgorithm = () => ReflectApply(start, underlyingSource, [controller.object]);
    }
    // 6. If underlyingSourceDict["pull"] exists, then set pullAlgorithm to an algorithm which returns
    //    the result of invoking underlyingSourceDict["pull"] with argument list « controller » and
    //    callback this value underlyingSource (a promise-returning callback: exceptions become rejections).
    if (pull !== undefined) {
      pullAlgorithm = () => promiseCall(pull, underlyingSource, [controller.object]);
    }
    // 7. If underlyingSourceDict["cancel"] exists, then set cancelAlgorithm to an algorithm which takes
    //    an argument reason and returns the result of invoking underlyingSourceDict["cancel"] with
    //    argument list « reason » and callback this value underlyingSource.
    if (cancel !== undefined) {
      cancelAlgorithm = (reason) => promiseCall(cancel, underlyingSource, [reason]);
    }
    // 8. Perform ? SetUpReadableStreamDefaultController(stream, controller, startAlgorithm,
    //    pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm).
    setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
      highWaterMark, sizeAlgorithm);
  }

  // ------------------------------------------------------------------ BYOB reader abstract operations

  // https://streams.spec.whatwg.org/#acquire-readable-stream-byob-reader
  function acquireReadableStreamBYOBReader(stream) {
    // 1. Let reader be a new ReadableStreamBYOBReader.
    const reader = createBYOBReaderObject();
    // 2. Perform ? SetUpReadableStreamBYOBReader(reader, stream).
    setUpReadableStreamBYOBReader(reader, stream);
    // 3. Return reader.
    return reader;
  }

  // https://streams.spec.whatwg.org/#readable-stream-add-read-into-request
  function readableStreamAddReadIntoRequest(stream, readIntoRequest) {
    // 1. Assert: stream.[[reader]] implements ReadableStreamBYOBReader.
    // 2. Assert: stream.[[state]] is "readable" or "closed".
    // 3. Append readRequest to stream.[[reader]].[[readIntoRequests]].
    stream.reader.readIntoRequests.push(readIntoRequest);
  }

  // https://streams.spec.whatwg.org/#readable-stream-fulfill-read-into-request
  function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
    // 1. Assert: ! ReadableStreamHasBYOBReader(stream) is true.
    // 2. Let reader be stream.[[reader]].
    const reader = stream.reader;
    // 3. Assert: reader.[[readIntoRequests]] is not empty.
    // 4. Let readIntoRequest be reader.[[readIntoRequests]][0].
    // 5. Remove readIntoRequest from reader.[[readIntoRequests]].
    const readIntoRequest = reader.readIntoRequests.shift();
    // 6. If done is true, perform readIntoRequest's close steps, given chunk.
    if (done) readIntoRequest.closeSteps(chunk);
    // 7. Otherwise, perform readIntoRequest's chunk steps, given chunk.
    else readIntoRequest.chunkSteps(chunk);
  }

  // https://streams.spec.whatwg.org/#readable-stream-get-num-read-into-requests
  function readableStreamGetNumReadIntoRequests(stream) {
    // 1. Assert: ! ReadableStreamHasBYOBReader(stream) is true.
    // 2. Return stream.[[reader]].[[readIntoRequests]]'s size.
    return stream.reader.readIntoRequests.length;
  }

  // https://streams.spec.whatwg.org/#readable-stream-has-byob-reader
  function readableStreamHasBYOBReader(stream) {
    // 1. Let reader be stream.[[reader]].
    const reader = stream.reader;
    // 2. If reader is undefined, return false.
    // 3. If reader implements ReadableStreamBYOBReader, return true.
    // 4. Return false.
    return reader !== undefined && reader.byob;
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablestreambyobreadererrorreadintorequests
  function readableStreamBYOBReaderErrorReadIntoRequests(reader, e) {
    // 1. Let readIntoRequests be reader.[[readIntoRequests]].
    const readIntoRequests = reader.readIntoRequests;
    // 2. Set reader.[[readIntoRequests]] to a new empty list.
    reader.readIntoRequests = new SizedQueue();
    // 3. For each readIntoRequest of readIntoRequests, perform readIntoRequest's error steps, given e.
    while (readIntoRequests.length > 0) readIntoRequests.shift().errorSteps(e);
  }

  // https://streams.spec.whatwg.org/#readable-stream-byob-reader-read
  function readableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
    // 1. Let stream be reader.[[stream]].
    const stream = reader.stream;
    // 2. Assert: stream is not undefined.
    // 3. Set stream.[[disturbed]] to true.
    stream.disturbed = true;
    if (stream.state === "errored") {
      // 4. If stream.[[state]] is "errored", perform readIntoRequest's error steps given stream.[[storedError]].
      readIntoRequest.errorSteps(stream.storedError);
    } else {
      // 5. Otherwise, perform ! ReadableByteStreamControllerPullInto(stream.[[controller]], view, min, readIntoRequest).
      readableByteStreamControllerPullInto(stream.controller, view, min, readIntoRequest);
    }
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablestreambyobreaderrelease
  function readableStreamBYOBReaderRelease(reader) {
    // 1. Perform ! ReadableStreamReaderGenericRelease(reader).
    readableStreamReaderGenericRelease(reader);
    // 2. Let e be a new TypeError exception.
    const e = new TypeErrorCtor("The reader's lock on the stream was released.");
    // 3. Perform ! ReadableStreamBYOBReaderErrorReadIntoRequests(reader, e).
    readableStreamBYOBReaderErrorReadIntoRequests(reader, e);
  }

  // https://streams.spec.whatwg.org/#set-up-readable-stream-byob-reader
  function setUpReadableStreamBYOBReader(reader, stream) {
    // 1. If ! IsReadableStreamLocked(stream) is true, throw a TypeError exception.
    if (isReadableStreamLocked(stream)) {
      throw new TypeErrorCtor("Cannot get a reader for a stream that is already locked to a reader.");
    }
    // 2. If stream.[[controller]] does not implement ReadableByteStreamController, throw a TypeError exception.
    if (!stream.controller.byte) {
      throw new TypeErrorCtor("Cannot get a BYOB reader for a stream that is not a readable byte stream.");
    }
    // 3. Perform ! ReadableStreamReaderGenericInitialize(reader, stream).
    readableStreamReaderGenericInitialize(reader, stream);
    // 4. Set reader.[[readIntoRequests]] to a new empty list.
    reader.readIntoRequests = new SizedQueue();
  }

  // https://streams.spec.whatwg.org/#create-readable-byte-stream
  function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
    // 1. Let stream be a new ReadableStream.
    // 2. Perform ! InitializeReadableStream(stream).
    const stream = newReadableStreamRecord(undefined);
    stream.object = new ReadableStream(kInternal, stream);
    // 3. Let controller be a new ReadableByteStreamController.
    const controller = newReadableByteStreamControllerRecord();
    // 4. Perform ? SetUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
    //    cancelAlgorithm, 0, undefined).
    setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, undefined);
    // 5. Return stream.
    return stream;
  }

  // ------------------------------------------------------------------ byte stream controller abstract operations

  /** https://streams.spec.whatwg.org/#rbs-controller-internal-slots */
  function newReadableByteStreamControllerRecord() {
    const controller = {
      __proto__: null,
      object: undefined,
      // "controller implements ReadableByteStreamController"
      byte: true,
      autoAllocateChunkSize: undefined,
      byobRequest: null,
      cancelAlgorithm: undefined,
      closeRequested: false,
      pullAgain: false,
      pullAlgorithm: undefined,
      pulling: false,
      // A list of pull-into descriptors: {buffer, bufferByteLength, byteOffset, byteLength, bytesFilled,
      // minimumFill, elementSize, viewConstructor, readerType}.
      pendingPullIntos: [],
      // A list of readable byte stream queue entries: {buffer, byteOffset, byteLength}.
      queue: new SizedQueue(),
      queueTotalSize: 0,
      started: false,
      strategyHWM: 0,
      stream: undefined,
    };
    return createByteControllerObject(controller);
  }

  // [[CancelSteps]](reason): https://streams.spec.whatwg.org/#rbs-controller-private-cancel
  function readableByteStreamControllerCancelSteps(controller, reason) {
    // 1. Perform ! ReadableByteStreamControllerClearPendingPullIntos(this).
    readableByteStreamControllerClearPendingPullIntos(controller);
    // 2. Perform ! ResetQueue(this).
    resetQueue(controller);
    // 3. Let result be the result of performing this.[[cancelAlgorithm]], passing in reason.
    const result = controller.cancelAlgorithm(reason);
    // 4. Perform ! ReadableByteStreamControllerClearAlgorithms(this).
    readableByteStreamControllerClearAlgorithms(controller);
    // 5. Return result.
    return result;
  }

  // [[PullSteps]](readRequest): https://streams.spec.whatwg.org/#rbs-controller-private-pull
  function readableByteStreamControllerPullSteps(controller, readRequest) {
    // 1. Let stream be this.[[stream]].
    const stream = controller.stream;
    // 2. Assert: ! ReadableStreamHasDefaultReader(stream) is true.
    // 3. If this.[[queueTotalSize]] > 0,
    if (controller.queueTotalSize > 0) {
      // 3.1. Assert: ! ReadableStreamGetNumReadRequests(stream) is 0.
      // 3.2. Perform ! ReadableByteStreamControllerFillReadRequestFromQueue(this, readRequest).
      readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest);
      // 3.3. Return.
      return;
    }
    // 4. Let autoAllocateChunkSize be this.[[autoAllocateChunkSize]].
    const autoAllocateChunkSize = controller.autoAllocateChunkSize;
    // 5. If autoAllocateChunkSize is not undefined,
    if (autoAllocateChunkSize !== undefined) {
      // 5.1. Let buffer be Construct(%ArrayBuffer%, « autoAllocateChunkSize »).
      let buffer;
      try {
        buffer = new ArrayBufferCtor(autoAllocateChunkSize);
      } catch (e) {
        // 5.2. If buffer is an abrupt completion,
        // 5.2.1. Perform readRequest's error steps, given buffer.[[Value]]. 5.2.2. Return.
        readRequest.errorSteps(e);
        return;
      }
      // 5.3. Let pullIntoDescriptor be a new pull-into descriptor with buffer buffer.[[Value]], buffer byte
      //      length autoAllocateChunkSize, byte offset 0, byte length autoAllocateChunkSize, bytes filled 0,
      //      minimum fill 1, element size 1, view constructor %Uint8Array%, and reader type "default".
      const pullIntoDescriptor = {
        __proto__: null,
        buffer,
        bufferByteLength: autoAllocateChunkSize,
        byteOffset: 0,
        byteLength: autoAllocateChunkSize,
        bytesFilled: 0,
        minimumFill: 1,
        elementSize: 1,
        viewConstructor: Uint8ArrayCtor,
        readerType: "default",
      };
      // 5.4. Append pullIntoDescriptor to this.[[pendingPullIntos]].
      controller.pendingPullIntos.push(pullIntoDescriptor);
    }
    // 6. Perform ! ReadableStreamAddReadRequest(stream, readRequest).
    readableStreamAddReadRequest(stream, readRequest);
    // 7. Perform ! ReadableByteStreamControllerCallPullIfNeeded(this).
    readableByteStreamControllerCallPullIfNeeded(controller);
  }

  // [[ReleaseSteps]](): https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamcontroller-releasesteps
  function readableByteStreamControllerReleaseSteps(controller) {
    // 1. If this.[[pendingPullIntos]] is not empty,
    if (controller.pendingPullIntos.length > 0) {
      // 1.1. Let firstPendingPullInto be this.[[pendingPullIntos]][0].
      const firstPendingPullInto = controller.pendingPullIntos[0];
      // 1.2. Set firstPendingPullInto's reader type to "none".
      firstPendingPullInto.readerType = "none";
      // 1.3. Set this.[[pendingPullIntos]] to the list « firstPendingPullInto ».
      controller.pendingPullIntos = [firstPendingPullInto];
    }
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-call-pull-if-needed
  function readableByteStreamControllerCallPullIfNeeded(controller) {
    // 1. Let shouldPull be ! ReadableByteStreamControllerShouldCallPull(controller).
    // 2. If shouldPull is false, return.
    if (!readableByteStreamControllerShouldCallPull(controller)) return;
    // 3. If controller.[[pulling]] is true,
    if (controller.pulling) {
      // 3.1. Set controller.[[pullAgain]] to true. 3.2. Return.
      controller.pullAgain = true;
      return;
    }
    // 4. Assert: controller.[[pullAgain]] is false.
    // 5. Set controller.[[pulling]] to true.
    controller.pulling = true;
    // 6. Let pullPromise be the result of performing controller.[[pullAlgorithm]].
    const pullPromise = controller.pullAlgorithm();
    uponPromise(pullPromise, () => {
      // 7. Upon fulfillment of pullPromise,
      // 7.1. Set controller.[[pulling]] to false.
      controller.pulling = false;
      // 7.2. If controller.[[pullAgain]] is true,
      if (controller.pullAgain) {
        // 7.2.1. Set controller.[[pullAgain]] to false.
        controller.pullAgain = false;
        // 7.2.2. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
        readableByteStreamControllerCallPullIfNeeded(controller);
      }
    }, (e) => {
      // 8. Upon rejection of pullPromise with reason e,
      // 8.1. Perform ! ReadableByteStreamControllerError(controller, e).
      readableByteStreamControllerError(controller, e);
    });
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-clear-algorithms
  function readableByteStreamControllerClearAlgorithms(controller) {
    // 1. Set controller.[[pullAlgorithm]] to undefined.
    controller.pullAlgorithm = undefined;
    // 2. Set controller.[[cancelAlgorithm]] to undefined.
    controller.cancelAlgorithm = undefined;
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-clear-pending-pull-intos
  function readableByteStreamControllerClearPendingPullIntos(controller) {
    // 1. Perform ! ReadableByteStreamControllerInvalidateBYOBRequest(controller).
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    // 2. Set controller.[[pendingPullIntos]] to a new empty list.
    controller.pendingPullIntos = [];
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-close
  function readableByteStreamControllerClose(controller) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If controller.[[closeRequested]] is true or stream.[[state]] is not "readable", return.
    if (controller.closeRequested || stream.state !== "readable") return;
    // 3. If controller.[[queueTotalSize]] > 0,
    if (controller.queueTotalSize > 0) {
      // 3.1. Set controller.[[closeRequested]] to true. 3.2. Return.
      controller.closeRequested = true;
      return;
    }
    // 4. If controller.[[pendingPullIntos]] is not empty,
    if (controller.pendingPullIntos.length > 0) {
      // 4.1. Let firstPendingPullInto be controller.[[pendingPullIntos]][0].
      const firstPendingPullInto = controller.pendingPullIntos[0];
      // 4.2. If the remainder after dividing firstPendingPullInto's bytes filled by firstPendingPullInto's
      //      element size is not 0,
      if (firstPendingPullInto.bytesFilled % firstPendingPullInto.elementSize !== 0) {
        // 4.2.1. Let e be a new TypeError exception.
        const e = new TypeErrorCtor("The stream was closed with a partially filled element in a pending BYOB read.");
        // 4.2.2. Perform ! ReadableByteStreamControllerError(controller, e).
        readableByteStreamControllerError(controller, e);
        // 4.2.3. Throw e.
        throw e;
      }
    }
    // 5. Perform ! ReadableByteStreamControllerClearAlgorithms(controller).
    readableByteStreamControllerClearAlgorithms(controller);
    // 6. Perform ! ReadableStreamClose(stream).
    readableStreamClose(stream);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-commit-pull-into-descriptor
  function readableByteStreamControllerCommitPullIntoDescriptor(stream, pullIntoDescriptor) {
    // 1. Assert: stream.[[state]] is not "errored".
    // 2. Assert: pullIntoDescriptor.reader type is not "none".
    // 3. Let done be false.
    let done = false;
    // 4. If stream.[[state]] is "closed",
    if (stream.state === "closed") {
      // 4.1. Assert: the remainder after dividing pullIntoDescriptor's bytes filled by its element size is 0.
      // 4.2. Set done to true.
      done = true;
    }
    // 5. Let filledView be ! ReadableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor).
    const filledView = readableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor);
    if (pullIntoDescriptor.readerType === "default") {
      // 6. If pullIntoDescriptor's reader type is "default",
      // 6.1. Perform ! ReadableStreamFulfillReadRequest(stream, filledView, done).
      readableStreamFulfillReadRequest(stream, filledView, done);
    } else {
      // 7. Otherwise,
      // 7.1. Assert: pullIntoDescriptor's reader type is "byob".
      // 7.2. Perform ! ReadableStreamFulfillReadIntoRequest(stream, filledView, done).
      readableStreamFulfillReadIntoRequest(stream, filledView, done);
    }
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-convert-pull-into-descriptor
  function readableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor) {
    // 1. Let bytesFilled be pullIntoDescriptor's bytes filled.
    const bytesFilled = pullIntoDescriptor.bytesFilled;
    // 2. Let elementSize be pullIntoDescriptor's element size.
    const elementSize = pullIntoDescriptor.elementSize;
    // 3. Assert: bytesFilled ≤ pullIntoDescriptor's byte length.
    // 4. Assert: the remainder after dividing bytesFilled by elementSize is 0.
    // 5. Let buffer be ! TransferArrayBuffer(pullIntoDescriptor's buffer).
    const buffer = transferArrayBuffer(pullIntoDescriptor.buffer);
    // 6. Return ! Construct(pullIntoDescriptor's view constructor, « buffer, pullIntoDescriptor's byte
    //    offset, bytesFilled ÷ elementSize »).
    return new pullIntoDescriptor.viewConstructor(buffer, pullIntoDescriptor.byteOffset, bytesFilled / elementSize);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-enqueue
  function readableByteStreamControllerEnqueue(controller, chunk) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If controller.[[closeRequested]] is true or stream.[[state]] is not "readable", return.
    if (controller.closeRequested || stream.state !== "readable") return;
    // 3. Let buffer be chunk.[[ViewedArrayBuffer]].
    const buffer = viewedArrayBuffer(chunk);
    // 4. Let byteOffset be chunk.[[ByteOffset]].
    const byteOffset = viewByteOffset(chunk);
    // 5. Let byteLength be chunk.[[ByteLength]].
    const byteLength = viewByteLength(chunk);
    // 6. If ! IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if (isDetachedBuffer(buffer)) throw new TypeErrorCtor("The chunk's buffer is detached.");
    // 7. Let transferredBuffer be ? TransferArrayBuffer(buffer).
    const transferredBuffer = transferArrayBuffer(buffer);
    // 8. If controller.[[pendingPullIntos]] is not empty,
    if (controller.pendingPullIntos.length > 0) {
      // 8.1. Let firstPendingPullInto be controller.[[pendingPullIntos]][0].
      const firstPendingPullInto = controller.pendingPullIntos[0];
      // 8.2. If ! IsDetachedBuffer(firstPendingPullInto's buffer) is true, throw a TypeError exception.
      if (isDetachedBuffer(firstPendingPullInto.buffer)) {
        throw new TypeErrorCtor("The BYOB request's buffer has been detached.");
      }
      // 8.3. Perform ! ReadableByteStreamControllerInvalidateBYOBRequest(controller).
      readableByteStreamControllerInvalidateBYOBRequest(controller);
      // 8.4. Set firstPendingPullInto's buffer to ! TransferArrayBuffer(firstPendingPullInto's buffer).
      firstPendingPullInto.buffer = transferArrayBuffer(firstPendingPullInto.buffer);
      // 8.5. If firstPendingPullInto's reader type is "none", perform
      //      ? ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, firstPendingPullInto).
      if (firstPendingPullInto.readerType === "none") {
        readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, firstPendingPullInto);
      }
    }
    if (readableStreamHasDefaultReader(stream)) {
      // 9. If ! ReadableStreamHasDefaultReader(stream) is true,
      // 9.1. Perform ! ReadableByteStreamControllerProcessReadRequestsUsingQueue(controller).
      readableByteStreamControllerProcessReadRequestsUsingQueue(controller);
      if (readableStreamGetNumReadRequests(stream) === 0) {
        // 9.2. If ! ReadableStreamGetNumReadRequests(stream) is 0,
        // 9.2.1. Assert: controller.[[pendingPullIntos]] is empty.
        // 9.2.2. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer,
        //        byteOffset, byteLength).
        readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
      } else {
        // 9.3. Otherwise,
        // 9.3.1. Assert: controller.[[queue]] is empty.
        // 9.3.2. If controller.[[pendingPullIntos]] is not empty,
        if (controller.pendingPullIntos.length > 0) {
          // 9.3.2.1. Assert: controller.[[pendingPullIntos]][0]'s reader type is "default".
          // 9.3.2.2. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
          readableByteStreamControllerShiftPendingPullInto(controller);
        }
        // 9.3.3. Let transferredView be ! Construct(%Uint8Array%, « transferredBuffer, byteOffset, byteLength »).
        const transferredView = new Uint8ArrayCtor(transferredBuffer, byteOffset, byteLength);
        // 9.3.4. Perform ! ReadableStreamFulfillReadRequest(stream, transferredView, false).
        readableStreamFulfillReadRequest(stream, transferredView, false);
      }
    } else if (readableStreamHasBYOBReader(stream)) {
      // 10. Otherwise, if ! ReadableStreamHasBYOBReader(stream) is true,
      // 10.1. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer,
      //       byteOffset, byteLength).
      readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
      // 10.2. Let filledPullIntos be the result of performing
      //       ! ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller).
      const filledPullIntos = readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
      // 10.3. For each filledPullInto of filledPullIntos, perform
      //       ! ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filledPullInto).
      for (let i = 0; i < filledPullIntos.length; i++) {
        readableByteStreamControllerCommitPullIntoDescriptor(stream, filledPullIntos[i]);
      }
    } else {
      // 11. Otherwise,
      // 11.1. Assert: ! IsReadableStreamLocked(stream) is false.
      // 11.2. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer,
      //       byteOffset, byteLength).
      readableByteStreamControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    }
    // 12. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
    readableByteStreamControllerCallPullIfNeeded(controller);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-enqueue-chunk-to-queue
  function readableByteStreamControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
    // 1. Append a new readable byte stream queue entry with buffer buffer, byte offset byteOffset, and
    //    byte length byteLength to controller.[[queue]].
    controller.queue.push({ __proto__: null, buffer, byteOffset, byteLength });
    // 2. Set controller.[[queueTotalSize]] to controller.[[queueTotalSize]] + byteLength.
    controller.queueTotalSize += byteLength;
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamcontrollerenqueueclonedchunktoqueue
  function readableByteStreamControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
    // 1. Let cloneResult be CloneArrayBuffer(buffer, byteOffset, byteLength, %ArrayBuffer%).
    let cloneResult;
    try {
      cloneResult = cloneArrayBuffer(buffer, byteOffset, byteLength);
    } catch (e) {
      // 2. If cloneResult is an abrupt completion,
      // 2.1. Perform ! ReadableByteStreamControllerError(controller, cloneResult.[[Value]]).
      readableByteStreamControllerError(controller, e);
      // 2.2. Return cloneResult.
      throw e;
    }
    // 3. Perform ! ReadableByteStreamControllerEnqueueChunkToQueue(controller, cloneResult.[[Value]], 0, byteLength).
    readableByteStreamControllerEnqueueChunkToQueue(controller, cloneResult, 0, byteLength);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamcontrollerenqueuedetachedpullintotoqueue
  function readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, pullIntoDescriptor) {
    // 1. Assert: pullIntoDescriptor's reader type is "none".
    // 2. If pullIntoDescriptor's bytes filled > 0, perform ? ReadableByteStreamControllerEnqueueClonedChunkToQueue(
    //    controller, pullIntoDescriptor's buffer, pullIntoDescriptor's byte offset, pullIntoDescriptor's bytes filled).
    if (pullIntoDescriptor.bytesFilled > 0) {
      readableByteStreamControllerEnqueueClonedChunkToQueue(controller, pullIntoDescriptor.buffer,
        pullIntoDescriptor.byteOffset, pullIntoDescriptor.bytesFilled);
    }
    // 3. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
    readableByteStreamControllerShiftPendingPullInto(controller);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-error
  function readableByteStreamControllerError(controller, e) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If stream.[[state]] is not "readable", return.
    if (stream.state !== "readable") return;
    // 3. Perform ! ReadableByteStreamControllerClearPendingPullIntos(controller).
    readableByteStreamControllerClearPendingPullIntos(controller);
    // 4. Perform ! ResetQueue(controller).
    resetQueue(controller);
    // 5. Perform ! ReadableByteStreamControllerClearAlgorithms(controller).
    readableByteStreamControllerClearAlgorithms(controller);
    // 6. Perform ! ReadableStreamError(stream, e).
    readableStreamError(stream, e);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-fill-head-pull-into-descriptor
  function readableByteStreamControllerFillHeadPullIntoDescriptor(controller, size, pullIntoDescriptor) {
    // 1. Assert: either controller.[[pendingPullIntos]] is empty, or controller.[[pendingPullIntos]][0]
    //    is pullIntoDescriptor.
    // 2. Assert: controller.[[byobRequest]] is null.
    // 3. Set pullIntoDescriptor's bytes filled to bytes filled + size.
    pullIntoDescriptor.bytesFilled += size;
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-fill-pull-into-descriptor-from-queue
  function readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor) {
    // 1. Let maxBytesToCopy be min(controller.[[queueTotalSize]], pullIntoDescriptor's byte length −
    //    pullIntoDescriptor's bytes filled).
    const room = pullIntoDescriptor.byteLength - pullIntoDescriptor.bytesFilled;
    const maxBytesToCopy = controller.queueTotalSize < room ? controller.queueTotalSize : room;
    // 2. Let maxBytesFilled be pullIntoDescriptor's bytes filled + maxBytesToCopy.
    const maxBytesFilled = pullIntoDescriptor.bytesFilled + maxBytesToCopy;
    // 3. Let totalBytesToCopyRemaining be maxBytesToCopy.
    let totalBytesToCopyRemaining = maxBytesToCopy;
    // 4. Let ready be false.
    let ready = false;
    // 5. Assert: ! IsDetachedBuffer(pullIntoDescriptor's buffer) is false.
    // 6. Assert: pullIntoDescriptor's bytes filled < pullIntoDescriptor's minimum fill.
    // 7. Let remainderBytes be the remainder after dividing maxBytesFilled by pullIntoDescriptor's element size.
    const remainderBytes = maxBytesFilled % pullIntoDescriptor.elementSize;
    // 8. Let maxAlignedBytes be maxBytesFilled − remainderBytes.
    const maxAlignedBytes = maxBytesFilled - remainderBytes;
    // 9. If maxAlignedBytes ≥ pullIntoDescriptor's minimum fill,
    if (maxAlignedBytes >= pullIntoDescriptor.minimumFill) {
      // 9.1. Set totalBytesToCopyRemaining to maxAlignedBytes − pullIntoDescriptor's bytes filled.
      totalBytesToCopyRemaining = maxAlignedBytes - pullIntoDescriptor.bytesFilled;
      // 9.2. Set ready to true.
      ready = true;
    }
    // 10. Let queue be controller.[[queue]].
    const queue = controller.queue;
    // 11. While totalBytesToCopyRemaining > 0,
    while (totalBytesToCopyRemaining > 0) {
      // 11.1. Let headOfQueue be queue[0].
      const headOfQueue = queue.peek();
      // 11.2. Let bytesToCopy be min(totalBytesToCopyRemaining, headOfQueue's byte length).
      const bytesToCopy = totalBytesToCopyRemaining < headOfQueue.byteLength
        ? totalBytesToCopyRemaining : headOfQueue.byteLength;
      // 11.3. Let destStart be pullIntoDescriptor's byte offset + pullIntoDescriptor's bytes filled.
      const destStart = pullIntoDescriptor.byteOffset + pullIntoDescriptor.bytesFilled;
      // 11.4. Let descriptorBuffer be pullIntoDescriptor's buffer.
      const descriptorBuffer = pullIntoDescriptor.buffer;
      // 11.5. Let queueBuffer be headOfQueue's buffer.
      const queueBuffer = headOfQueue.buffer;
      // 11.6. Let queueByteOffset be headOfQueue's byte offset.
      const queueByteOffset = headOfQueue.byteOffset;
      // 11.7. Assert: ! CanCopyDataBlockBytes(descriptorBuffer, destStart, queueBuffer, queueByteOffset,
      //       bytesToCopy) is true. The standard asks implementations to check it and stop (e.g. by
      //       erroring the stream) rather than touch memory out of bounds.
      if (!canCopyDataBlockBytes(descriptorBuffer, destStart, queueBuffer, queueByteOffset, bytesToCopy)) {
        const e = new TypeErrorCtor("A BYOB read's buffer or a queued chunk's buffer is no longer usable.");
        readableByteStreamControllerError(controller, e);
        throw e;
      }
      // 11.8. Perform ! CopyDataBlockBytes(descriptorBuffer.[[ArrayBufferData]], destStart,
      //       queueBuffer.[[ArrayBufferData]], queueByteOffset, bytesToCopy).
      copyDataBlockBytes(descriptorBuffer, destStart, queueBuffer, queueByteOffset, bytesToCopy);
      if (headOfQueue.byteLength === bytesToCopy) {
        // 11.9. If headOfQueue's byte length is bytesToCopy, remove queue[0].
        queue.shift();
      } else {
        // 11.10. Otherwise,
        // 11.10.1. Set headOfQueue's byte offset to headOfQueue's byte offset + bytesToCopy.
        headOfQueue.byteOffset += bytesToCopy;
        // 11.10.2. Set headOfQueue's byte length to headOfQueue's byte length − bytesToCopy.
        headOfQueue.byteLength -= bytesToCopy;
      }
      // 11.11. Set controller.[[queueTotalSize]] to controller.[[queueTotalSize]] − bytesToCopy.
      controller.queueTotalSize -= bytesToCopy;
      // 11.12. Perform ! ReadableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesToCopy,
      //        pullIntoDescriptor).
      readableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesToCopy, pullIntoDescriptor);
      // 11.13. Set totalBytesToCopyRemaining to totalBytesToCopyRemaining − bytesToCopy.
      totalBytesToCopyRemaining -= bytesToCopy;
    }
    // 12. If ready is false,
    // 12.1. Assert: controller.[[queueTotalSize]] is 0.
    // 12.2. Assert: pullIntoDescriptor's bytes filled > 0.
    // 12.3. Assert: pullIntoDescriptor's bytes filled < pullIntoDescriptor's minimum fill.
    // 13. Return ready.
    return ready;
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamcontrollerfillreadrequestfromqueue
  function readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest) {
    // 1. Assert: controller.[[queueTotalSize]] > 0.
    // 2. Let entry be controller.[[queue]][0].
    // 3. Remove entry from controller.[[queue]].
    const entry = controller.queue.shift();
    // 4. Set controller.[[queueTotalSize]] to controller.[[queueTotalSize]] − entry's byte length.
    controller.queueTotalSize -= entry.byteLength;
    // 5. Perform ! ReadableByteStreamControllerHandleQueueDrain(controller).
    readableByteStreamControllerHandleQueueDrain(controller);
    // 6. Let view be ! Construct(%Uint8Array%, « entry's buffer, entry's byte offset, entry's byte length »).
    const view = new Uint8ArrayCtor(entry.buffer, entry.byteOffset, entry.byteLength);
    // 7. Perform readRequest's chunk steps, given view.
    readRequest.chunkSteps(view);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamcontrollergetbyobrequest
  function readableByteStreamControllerGetBYOBRequest(controller) {
    // 1. If controller.[[byobRequest]] is null and controller.[[pendingPullIntos]] is not empty,
    if (controller.byobRequest === null && controller.pendingPullIntos.length > 0) {
      // 1.1. Let firstDescriptor be controller.[[pendingPullIntos]][0].
      const firstDescriptor = controller.pendingPullIntos[0];
      // 1.2. Let view be ! Construct(%Uint8Array%, « firstDescriptor's buffer, firstDescriptor's byte offset +
      //      firstDescriptor's bytes filled, firstDescriptor's byte length − firstDescriptor's bytes filled »).
      const view = new Uint8ArrayCtor(firstDescriptor.buffer, firstDescriptor.byteOffset + firstDescriptor.bytesFilled,
        firstDescriptor.byteLength - firstDescriptor.bytesFilled);
      // 1.3. Let byobRequest be a new ReadableStreamBYOBRequest.
      // 1.4. Set byobRequest.[[controller]] to controller.
      // 1.5. Set byobRequest.[[view]] to view.
      // 1.6. Set controller.[[byobRequest]] to byobRequest.
      controller.byobRequest = createBYOBRequestObject(controller, view);
    }
    // 2. Return controller.[[byobRequest]].
    return controller.byobRequest;
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-get-desired-size
  function readableByteStreamControllerGetDesiredSize(controller) {
    // 1. Let state be controller.[[stream]].[[state]].
    const state = controller.stream.state;
    // 2. If state is "errored", return null.
    if (state === "errored") return null;
    // 3. If state is "closed", return 0.
    if (state === "closed") return 0;
    // 4. Return controller.[[strategyHWM]] − controller.[[queueTotalSize]].
    return controller.strategyHWM - controller.queueTotalSize;
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-handle-queue-drain
  function readableByteStreamControllerHandleQueueDrain(controller) {
    // 1. Assert: controller.[[stream]].[[state]] is "readable".
    // 2. If controller.[[queueTotalSize]] is 0 and controller.[[closeRequested]] is true,
    if (controller.queueTotalSize === 0 && controller.closeRequested) {
      // 2.1. Perform ! ReadableByteStreamControllerClearAlgorithms(controller).
      readableByteStreamControllerClearAlgorithms(controller);
      // 2.2. Perform ! ReadableStreamClose(controller.[[stream]]).
      readableStreamClose(controller.stream);
    } else {
      // 3. Otherwise, perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
      readableByteStreamControllerCallPullIfNeeded(controller);
    }
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-invalidate-byob-request
  function readableByteStreamControllerInvalidateBYOBRequest(controller) {
    // 1. If controller.[[byobRequest]] is null, return.
    const byobRequest = controller.byobRequest;
    if (byobRequest === null) return;
    // 2. Set controller.[[byobRequest]].[[controller]] to undefined.
    byobRequest.controller = undefined;
    // 3. Set controller.[[byobRequest]].[[view]] to null.
    byobRequest.view = null;
    // 4. Set controller.[[byobRequest]] to null.
    controller.byobRequest = null;
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-process-pull-into-descriptors-using-queue
  function readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller) {
    // 1. Assert: controller.[[closeRequested]] is false.
    // 2. Let filledPullIntos be a new empty list.
    const filledPullIntos = [];
    // 3. While controller.[[pendingPullIntos]] is not empty,
    while (controller.pendingPullIntos.length > 0) {
      // 3.1. If controller.[[queueTotalSize]] is 0, then break.
      if (controller.queueTotalSize === 0) break;
      // 3.2. Let pullIntoDescriptor be controller.[[pendingPullIntos]][0].
      const pullIntoDescriptor = controller.pendingPullIntos[0];
      // 3.3. If ! ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor)
      //      is true,
      if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor)) {
        // 3.3.1. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
        readableByteStreamControllerShiftPendingPullInto(controller);
        // 3.3.2. Append pullIntoDescriptor to filledPullIntos.
        filledPullIntos.push(pullIntoDescriptor);
      }
    }
    // 4. Return filledPullIntos.
    return filledPullIntos;
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamcontrollerprocessreadrequestsusingqueue
  function readableByteStreamControllerProcessReadRequestsUsingQueue(controller) {
    // 1. Let reader be controller.[[stream]].[[reader]].
    const reader = controller.stream.reader;
    // 2. Assert: reader implements ReadableStreamDefaultReader.
    // 3. While reader.[[readRequests]] is not empty,
    while (reader.readRequests.length > 0) {
      // 3.1. If controller.[[queueTotalSize]] is 0, return.
      if (controller.queueTotalSize === 0) return;
      // 3.2. Let readRequest be reader.[[readRequests]][0].
      // 3.3. Remove readRequest from reader.[[readRequests]].
      const readRequest = reader.readRequests.shift();
      // 3.4. Perform ! ReadableByteStreamControllerFillReadRequestFromQueue(controller, readRequest).
      readableByteStreamControllerFillReadRequestFromQueue(controller, readRequest);
    }
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-pull-into
  function readableByteStreamControllerPullInto(controller, view, min, readIntoRequest) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. Let elementSize be 1.
    let elementSize = 1;
    // 3. Let ctor be %DataView%.
    let ctor = DataViewCtor;
    // 4. If view has a [[TypedArrayName]] internal slot (i.e., it is not a DataView),
    const name = typedArrayNameOf(view);
    if (name !== undefined) {
      // 4.1. Set elementSize to the element size specified in the typed array constructors table for
      //      view.[[TypedArrayName]].
      // 4.2. Set ctor to the constructor specified in the typed array constructors table for view.[[TypedArrayName]].
      ctor = typedArrayConstructors[name];
      elementSize = ctor.BYTES_PER_ELEMENT;
    }
    // 5. Let minimumFill be min × elementSize.
    const minimumFill = min * elementSize;
    // 6. Assert: minimumFill ≥ 0 and minimumFill ≤ view.[[ByteLength]].
    // 7. Assert: the remainder after dividing minimumFill by elementSize is 0.
    // 8. Let byteOffset be view.[[ByteOffset]].
    const byteOffset = viewByteOffset(view);
    // 9. Let byteLength be view.[[ByteLength]].
    const byteLength = viewByteLength(view);
    // 10. Let bufferResult be TransferArrayBuffer(view.[[ViewedArrayBuffer]]).
    let buffer;
    try {
      buffer = transferArrayBuffer(viewedArrayBuffer(view));
    } catch (e) {
      // 11. If bufferResult is an abrupt completion,
      // 11.1. Perform readIntoRequest's error steps, given bufferResult.[[Value]]. 11.2. Return.
      readIntoRequest.errorSteps(e);
      return;
    }
    // 12. Let buffer be bufferResult.[[Value]].
    // 13. Let pullIntoDescriptor be a new pull-into descriptor with buffer buffer, buffer byte length
    //     buffer.[[ArrayBufferByteLength]], byte offset byteOffset, byte length byteLength, bytes filled 0,
    //     minimum fill minimumFill, element size elementSize, view constructor ctor, and reader type "byob".
    const pullIntoDescriptor = {
      __proto__: null,
      buffer,
      bufferByteLength: arrayBufferByteLength(buffer),
      byteOffset,
      byteLength,
      bytesFilled: 0,
      minimumFill,
      elementSize,
      viewConstructor: ctor,
      readerType: "byob",
    };
    // 14. If controller.[[pendingPullIntos]] is not empty,
    if (controller.pendingPullIntos.length > 0) {
      // 14.1. Append pullIntoDescriptor to controller.[[pendingPullIntos]].
      controller.pendingPullIntos.push(pullIntoDescriptor);
      // 14.2. Perform ! ReadableStreamAddReadIntoRequest(stream, readIntoRequest).
      readableStreamAddReadIntoRequest(stream, readIntoRequest);
      // 14.3. Return.
      return;
    }
    // 15. If stream.[[state]] is "closed",
    if (stream.state === "closed") {
      // 15.1. Let emptyView be ! Construct(ctor, « pullIntoDescriptor's buffer, pullIntoDescriptor's byte offset, 0 »).
      const emptyView = new ctor(pullIntoDescriptor.buffer, pullIntoDescriptor.byteOffset, 0);
      // 15.2. Perform readIntoRequest's close steps, given emptyView.
      readIntoRequest.closeSteps(emptyView);
      // 15.3. Return.
      return;
    }
    // 16. If controller.[[queueTotalSize]] > 0,
    if (controller.queueTotalSize > 0) {
      // 16.1. If ! ReadableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor)
      //       is true,
      if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(controller, pullIntoDescriptor)) {
        // 16.1.1. Let filledView be ! ReadableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor).
        const filledView = readableByteStreamControllerConvertPullIntoDescriptor(pullIntoDescriptor);
        // 16.1.2. Perform ! ReadableByteStreamControllerHandleQueueDrain(controller).
        readableByteStreamControllerHandleQueueDrain(controller);
        // 16.1.3. Perform readIntoRequest's chunk steps, given filledView.
        readIntoRequest.chunkSteps(filledView);
        // 16.1.4. Return.
        return;
      }
      // 16.2. If controller.[[closeRequested]] is true,
      if (controller.closeRequested) {
        // 16.2.1. Let e be a TypeError exception.
        const e = new TypeErrorCtor("The stream was closed with too few bytes left to fill a BYOB read's elements.");
        // 16.2.2. Perform ! ReadableByteStreamControllerError(controller, e).
        readableByteStreamControllerError(controller, e);
        // 16.2.3. Perform readIntoRequest's error steps, given e.
        readIntoRequest.errorSteps(e);
        // 16.2.4. Return.
        return;
      }
    }
    // 17. Append pullIntoDescriptor to controller.[[pendingPullIntos]].
    controller.pendingPullIntos.push(pullIntoDescriptor);
    // 18. Perform ! ReadableStreamAddReadIntoRequest(stream, readIntoRequest).
    readableStreamAddReadIntoRequest(stream, readIntoRequest);
    // 19. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
    readableByteStreamControllerCallPullIfNeeded(controller);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-respond
  function readableByteStreamControllerRespond(controller, bytesWritten) {
    // 1. Assert: controller.[[pendingPullIntos]] is not empty.
    // 2. Let firstDescriptor be controller.[[pendingPullIntos]][0].
    const firstDescriptor = controller.pendingPullIntos[0];
    // 3. Let state be controller.[[stream]].[[state]].
    const state = controller.stream.state;
    if (state === "closed") {
      // 4. If state is "closed",
      // 4.1. If bytesWritten is not 0, throw a TypeError exception.
      if (bytesWritten !== 0) {
        throw new TypeErrorCtor("bytesWritten must be 0 when responding to a BYOB request on a closed stream.");
      }
    } else {
      // 5. Otherwise,
      // 5.1. Assert: state is "readable".
      // 5.2. If bytesWritten is 0, throw a TypeError exception.
      if (bytesWritten === 0) {
        throw new TypeErrorCtor("bytesWritten must be greater than 0 when responding to a BYOB request on a readable stream.");
      }
      // 5.3. If firstDescriptor's bytes filled + bytesWritten > firstDescriptor's byte length, throw a RangeError exception.
      if (firstDescriptor.bytesFilled + bytesWritten > firstDescriptor.byteLength) {
        throw new RangeErrorCtor("bytesWritten is larger than the BYOB request's view.");
      }
    }
    // 6. Set firstDescriptor's buffer to ! TransferArrayBuffer(firstDescriptor's buffer).
    firstDescriptor.buffer = transferArrayBuffer(firstDescriptor.buffer);
    // 7. Perform ? ReadableByteStreamControllerRespondInternal(controller, bytesWritten).
    readableByteStreamControllerRespondInternal(controller, bytesWritten);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-respond-in-closed-state
  function readableByteStreamControllerRespondInClosedState(controller, firstDescriptor) {
    // 1. Assert: the remainder after dividing firstDescriptor's bytes filled by its element size is 0.
    // 2. If firstDescriptor's reader type is "none", perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
    if (firstDescriptor.readerType === "none") readableByteStreamControllerShiftPendingPullInto(controller);
    // 3. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 4. If ! ReadableStreamHasBYOBReader(stream) is true,
    if (readableStreamHasBYOBReader(stream)) {
      // 4.1. Let filledPullIntos be a new empty list.
      const filledPullIntos = [];
      // 4.2. While filledPullIntos's size < ! ReadableStreamGetNumReadIntoRequests(stream),
      while (filledPullIntos.length < readableStreamGetNumReadIntoRequests(stream)) {
        // 4.2.1. Let pullIntoDescriptor be ! ReadableByteStreamControllerShiftPendingPullInto(controller).
        // 4.2.2. Append pullIntoDescriptor to filledPullIntos.
        filledPullIntos.push(readableByteStreamControllerShiftPendingPullInto(controller));
      }
      // 4.3. For each filledPullInto of filledPullIntos, perform
      //      ! ReadableByteStreamControllerCommitPullIntoDescriptor(stream, filledPullInto).
      for (let i = 0; i < filledPullIntos.length; i++) {
        readableByteStreamControllerCommitPullIntoDescriptor(stream, filledPullIntos[i]);
      }
    }
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-respond-in-readable-state
  function readableByteStreamControllerRespondInReadableState(controller, bytesWritten, pullIntoDescriptor) {
    // 1. Assert: pullIntoDescriptor's bytes filled + bytesWritten ≤ pullIntoDescriptor's byte length.
    // 2. Perform ! ReadableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesWritten, pullIntoDescriptor).
    readableByteStreamControllerFillHeadPullIntoDescriptor(controller, bytesWritten, pullIntoDescriptor);
    // 3. If pullIntoDescriptor's reader type is "none",
    if (pullIntoDescriptor.readerType === "none") {
      // 3.1. Perform ? ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, pullIntoDescriptor).
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller, pullIntoDescriptor);
      // 3.2. Let filledPullIntos be the result of performing
      //      ! ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller).
      const filledPullIntos = readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
      // 3.3. For each filledPullInto of filledPullIntos, perform
      //      ! ReadableByteStreamControllerCommitPullIntoDescriptor(controller.[[stream]], filledPullInto).
      for (let i = 0; i < filledPullIntos.length; i++) {
        readableByteStreamControllerCommitPullIntoDescriptor(controller.stream, filledPullIntos[i]);
      }
      // 3.4. Return.
      return;
    }
    // 4. If pullIntoDescriptor's bytes filled < pullIntoDescriptor's minimum fill, return. (It stays at the
    //    head of the queue, so the underlying source can keep filling it.)
    if (pullIntoDescriptor.bytesFilled < pullIntoDescriptor.minimumFill) return;
    // 5. Perform ! ReadableByteStreamControllerShiftPendingPullInto(controller).
    readableByteStreamControllerShiftPendingPullInto(controller);
    // 6. Let remainderSize be the remainder after dividing pullIntoDescriptor's bytes filled by its element size.
    const remainderSize = pullIntoDescriptor.bytesFilled % pullIntoDescriptor.elementSize;
    // 7. If remainderSize > 0,
    if (remainderSize > 0) {
      // 7.1. Let end be pullIntoDescriptor's byte offset + pullIntoDescriptor's bytes filled.
      const end = pullIntoDescriptor.byteOffset + pullIntoDescriptor.bytesFilled;
      // 7.2. Perform ? ReadableByteStreamControllerEnqueueClonedChunkToQueue(controller, pullIntoDescriptor's
      //      buffer, end − remainderSize, remainderSize).
      readableByteStreamControllerEnqueueClonedChunkToQueue(controller, pullIntoDescriptor.buffer,
        end - remainderSize, remainderSize);
    }
    // 8. Set pullIntoDescriptor's bytes filled to pullIntoDescriptor's bytes filled − remainderSize.
    pullIntoDescriptor.bytesFilled -= remainderSize;
    // 9. Let filledPullIntos be the result of performing
    //    ! ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller).
    const filledPullIntos = readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(controller);
    // 10. Perform ! ReadableByteStreamControllerCommitPullIntoDescriptor(controller.[[stream]], pullIntoDescriptor).
    readableByteStreamControllerCommitPullIntoDescriptor(controller.stream, pullIntoDescriptor);
    // 11. For each filledPullInto of filledPullIntos, perform
    //     ! ReadableByteStreamControllerCommitPullIntoDescriptor(controller.[[stream]], filledPullInto).
    for (let i = 0; i < filledPullIntos.length; i++) {
      readableByteStreamControllerCommitPullIntoDescriptor(controller.stream, filledPullIntos[i]);
    }
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-respond-internal
  function readableByteStreamControllerRespondInternal(controller, bytesWritten) {
    // 1. Let firstDescriptor be controller.[[pendingPullIntos]][0].
    const firstDescriptor = controller.pendingPullIntos[0];
    // 2. Assert: ! CanTransferArrayBuffer(firstDescriptor's buffer) is true. (Its buffer was transferred by
    //    the caller a moment ago, so it is not detached and has no detach key.)
    // 3. Perform ! ReadableByteStreamControllerInvalidateBYOBRequest(controller).
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    // 4. Let state be controller.[[stream]].[[state]].
    const state = controller.stream.state;
    if (state === "closed") {
      // 5. If state is "closed",
      // 5.1. Assert: bytesWritten is 0.
      // 5.2. Perform ! ReadableByteStreamControllerRespondInClosedState(controller, firstDescriptor).
      readableByteStreamControllerRespondInClosedState(controller, firstDescriptor);
    } else {
      // 6. Otherwise,
      // 6.1. Assert: state is "readable". 6.2. Assert: bytesWritten > 0.
      // 6.3. Perform ? ReadableByteStreamControllerRespondInReadableState(controller, bytesWritten, firstDescriptor).
      readableByteStreamControllerRespondInReadableState(controller, bytesWritten, firstDescriptor);
    }
    // 7. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
    readableByteStreamControllerCallPullIfNeeded(controller);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-respond-with-new-view
  function readableByteStreamControllerRespondWithNewView(controller, view) {
    // 1. Assert: controller.[[pendingPullIntos]] is not empty.
    // 2. Assert: ! IsDetachedBuffer(view.[[ViewedArrayBuffer]]) is false.
    // 3. Let firstDescriptor be controller.[[pendingPullIntos]][0].
    const firstDescriptor = controller.pendingPullIntos[0];
    // 4. Let state be controller.[[stream]].[[state]].
    const state = controller.stream.state;
    const viewByteLen = viewByteLength(view);
    if (state === "closed") {
      // 5. If state is "closed",
      // 5.1. If view.[[ByteLength]] is not 0, throw a TypeError exception.
      if (viewByteLen !== 0) {
        throw new TypeErrorCtor("The view's byte length must be 0 when responding to a BYOB request on a closed stream.");
      }
    } else {
      // 6. Otherwise,
      // 6.1. Assert: state is "readable".
      // 6.2. If view.[[ByteLength]] is 0, throw a TypeError exception.
      if (viewByteLen === 0) {
        throw new TypeErrorCtor("The view's byte length must be greater than 0 on a readable stream.");
      }
    }
    const buffer = viewedArrayBuffer(view);
    // 7. If firstDescriptor's byte offset + firstDescriptor's bytes filled is not view.[[ByteOffset]], throw a
    //    RangeError exception.
    if (firstDescriptor.byteOffset + firstDescriptor.bytesFilled !== viewByteOffset(view)) {
      throw new RangeErrorCtor("The view's byte offset does not match the BYOB request's.");
    }
    // 8. If firstDescriptor's buffer byte length is not view.[[ViewedArrayBuffer]].[[ByteLength]], throw a
    //    RangeError exception.
    if (firstDescriptor.bufferByteLength !== arrayBufferByteLength(buffer)) {
      throw new RangeErrorCtor("The view's buffer does not have the BYOB request's buffer's byte length.");
    }
    // 9. If firstDescriptor's bytes filled + view.[[ByteLength]] > firstDescriptor's byte length, throw a
    //    RangeError exception.
    if (firstDescriptor.bytesFilled + viewByteLen > firstDescriptor.byteLength) {
      throw new RangeErrorCtor("The view is larger than the BYOB request's view.");
    }
    // 10. Let viewByteLength be view.[[ByteLength]].
    // 11. Set firstDescriptor's buffer to ? TransferArrayBuffer(view.[[ViewedArrayBuffer]]).
    firstDescriptor.buffer = transferArrayBuffer(buffer);
    // 12. Perform ? ReadableByteStreamControllerRespondInternal(controller, viewByteLength).
    readableByteStreamControllerRespondInternal(controller, viewByteLen);
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-shift-pending-pull-into
  function readableByteStreamControllerShiftPendingPullInto(controller) {
    // 1. Assert: controller.[[byobRequest]] is null.
    // 2. Let descriptor be controller.[[pendingPullIntos]][0].
    // 3. Remove descriptor from controller.[[pendingPullIntos]].
    // 4. Return descriptor.
    return controller.pendingPullIntos.shift();
  }

  // https://streams.spec.whatwg.org/#readable-byte-stream-controller-should-call-pull
  function readableByteStreamControllerShouldCallPull(controller) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If stream.[[state]] is not "readable", return false.
    if (stream.state !== "readable") return false;
    // 3. If controller.[[closeRequested]] is true, return false.
    if (controller.closeRequested) return false;
    // 4. If controller.[[started]] is false, return false.
    if (!controller.started) return false;
    // 5. If ! ReadableStreamHasDefaultReader(stream) is true and ! ReadableStreamGetNumReadRequests(stream) > 0,
    //    return true.
    if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
    // 6. If ! ReadableStreamHasBYOBReader(stream) is true and ! ReadableStreamGetNumReadIntoRequests(stream) > 0,
    //    return true.
    if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) return true;
    // 7. Let desiredSize be ! ReadableByteStreamControllerGetDesiredSize(controller).
    const desiredSize = readableByteStreamControllerGetDesiredSize(controller);
    // 8. Assert: desiredSize is not null.
    // 9. If desiredSize > 0, return true.
    // 10. Return false.
    return desiredSize > 0;
  }

  // https://streams.spec.whatwg.org/#set-up-readable-byte-stream-controller
  function setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, autoAllocateChunkSize) {
    // 1. Assert: stream.[[controller]] is undefined.
    // 2. If autoAllocateChunkSize is not undefined, 2.1. Assert: ! IsInteger(autoAllocateChunkSize) is true.
    //    2.2. Assert: autoAllocateChunkSize is positive.
    // 3. Set controller.[[stream]] to stream.
    controller.stream = stream;
    // 4. Set controller.[[pullAgain]] and controller.[[pulling]] to false.
    controller.pullAgain = false;
    controller.pulling = false;
    // 5. Set controller.[[byobRequest]] to null.
    controller.byobRequest = null;
    // 6. Perform ! ResetQueue(controller).
    resetQueue(controller);
    // 7. Set controller.[[closeRequested]] and controller.[[started]] to false.
    controller.closeRequested = false;
    controller.started = false;
    // 8. Set controller.[[strategyHWM]] to highWaterMark.
    controller.strategyHWM = highWaterMark;
    // 9. Set controller.[[pullAlgorithm]] to pullAlgorithm.
    controller.pullAlgorithm = pullAlgorithm;
    // 10. Set controller.[[cancelAlgorithm]] to cancelAlgorithm.
    controller.cancelAlgorithm = cancelAlgorithm;
    // 11. Set controller.[[autoAllocateChunkSize]] to autoAllocateChunkSize.
    controller.autoAllocateChunkSize = autoAllocateChunkSize;
    // 12. Set controller.[[pendingPullIntos]] to a new empty list.
    controller.pendingPullIntos = [];
    // 13. Set stream.[[controller]] to controller.
    stream.controller = controller;
    // 14. Let startResult be the result of performing startAlgorithm.
    const startResult = startAlgorithm();
    // 15. Let startPromise be a promise resolved with startResult.
    const startPromise = resolvedWith(startResult);
    uponPromise(startPromise, () => {
      // 16. Upon fulfillment of startPromise,
      // 16.1. Set controller.[[started]] to true.
      controller.started = true;
      // 16.2. Assert: controller.[[pulling]] is false. 16.3. Assert: controller.[[pullAgain]] is false.
      // 16.4. Perform ! ReadableByteStreamControllerCallPullIfNeeded(controller).
      readableByteStreamControllerCallPullIfNeeded(controller);
    }, (r) => {
      // 17. Upon rejection of startPromise with reason r,
      // 17.1. Perform ! ReadableByteStreamControllerError(controller, r).
      readableByteStreamControllerError(controller, r);
    });
  }

  // https://streams.spec.whatwg.org/#set-up-readable-byte-stream-controller-from-underlying-source
  function setUpReadableByteStreamControllerFromUnderlyingSource(stream, underlyingSource, underlyingSourceDict,
    highWaterMark) {
    // 1. Let controller be a new ReadableByteStreamController.
    const controller = newReadableByteStreamControllerRecord();
    // 2. Let startAlgorithm be an algorithm that returns undefined.
    let startAlgorithm = () => undefined;
    // 3. Let pullAlgorithm be an algorithm that returns a promise resolved with undefined.
    let pullAlgorithm = () => resolvedWith(undefined);
    // 4. Let cancelAlgorithm be an algorithm that returns a promise resolved with undefined.
    let cancelAlgorithm = () => resolvedWith(undefined);
    const { start, pull, cancel } = underlyingSourceDict;
    // 5. If underlyingSourceDict["start"] exists, then set startAlgorithm to an algorithm which returns the
    //    result of invoking underlyingSourceDict["start"] with argument list « controller » and callback this
    //    value underlyingSource.
    if (start !== undefined) {
      startAlgorithm = () => ReflectApply(start, underlyingSource, [controller.object]);
    }
    // 6. If underlyingSourceDict["pull"] exists, then set pullAlgorithm to an algorithm which returns the
    //    result of invoking underlyingSourceDict["pull"] with argument list « controller » and callback this
    //    value underlyingSource (a promise-returning callback: exceptions become rejections).
    if (pull !== undefined) {
      pullAlgorithm = () => promiseCall(pull, underlyingSource, [controller.object]);
    }
    // 7. If underlyingSourceDict["cancel"] exists, then set cancelAlgorithm to an algorithm which takes an
    //    argument reason and returns the result of invoking underlyingSourceDict["cancel"] with argument list
    //    « reason » and callback this value underlyingSource.
    if (cancel !== undefined) {
      cancelAlgorithm = (reason) => promiseCall(cancel, underlyingSource, [reason]);
    }
    // 8. Let autoAllocateChunkSize be underlyingSourceDict["autoAllocateChunkSize"], if it exists, or
    //    undefined otherwise.
    const autoAllocateChunkSize = underlyingSourceDict.autoAllocateChunkSize;
    // 9. If autoAllocateChunkSize is 0, then throw a TypeError exception.
    if (autoAllocateChunkSize === 0) {
      throw new TypeErrorCtor("Failed to construct 'ReadableStream': autoAllocateChunkSize must be greater than 0.");
    }
    // 10. Perform ? SetUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm,
    //     cancelAlgorithm, highWaterMark, autoAllocateChunkSize).
    setUpReadableByteStreamController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
      highWaterMark, autoAllocateChunkSize);
  }

  // ------------------------------------------------------------------ piping
  // https://streams.spec.whatwg.org/#readable-stream-pipe-to

  /** "Getting a promise to wait for all" of promises: fulfils when all fulfil, rejects with the first rejection. */
  function waitForAll(promises) {
    const result = newPromise();
    let remaining = promises.length;
    if (remaining === 0) result.resolve(undefined);
    for (let i = 0; i < promises.length; i++) {
      uponPromise(promises[i], () => {
        if (--remaining === 0) result.resolve(undefined);
      }, (e) => result.reject(e));
    }
    return result.promise;
  }

  function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal = undefined) {
    // 1-8. Assertions about the arguments; neither stream is locked.
    // 9. If source.[[controller]] implements ReadableByteStreamController, let reader be either
    //    ! AcquireReadableStreamBYOBReader(source) or ! AcquireReadableStreamDefaultReader(source), at the
    //    user agent's discretion: a default reader, whose chunks are written as they come.
    // 10. Otherwise, let reader be ! AcquireReadableStreamDefaultReader(source).
    const reader = acquireReadableStreamDefaultReader(source);
    // 11. Let writer be ! AcquireWritableStreamDefaultWriter(dest).
    const writer = acquireWritableStreamDefaultWriter(dest);
    // 12. Set source.[[disturbed]] to true.
    source.disturbed = true;
    // 13. Let shuttingDown be false.
    let shuttingDown = false;
    // 14. Let promise be a new promise.
    const promise = newPromise();
    // The last write's promise (rejections are handled through the streams' states), for "wait until
    // every chunk that has been read has been written".
    let currentWrite = resolvedWith(undefined);
    const abortSignal = internals.abort;
    let abortAlgorithm;

    // 15. If signal is not undefined,
    if (signal !== undefined) {
      // 15.1. Let abortAlgorithm be the following steps:
      abortAlgorithm = () => {
        // 15.1.1. Let error be signal's abort reason.
        const error = abortSignal.reason(signal);
        // 15.1.2. Let actions be an empty ordered set.
        const actions = [];
        // 15.1.3. If preventAbort is false, append the following action to actions:
        if (!preventAbort) {
          actions.push(() => {
            // 15.1.3.1. If dest.[[state]] is "writable", return ! WritableStreamAbort(dest, error).
            if (dest.state === "writable") return writableStreamAbort(dest, error);
            // 15.1.3.2. Otherwise, return a promise resolved with undefined.
            return resolvedWith(undefined);
          });
        }
        // 15.1.4. If preventCancel is false, append the following action to actions:
        if (!preventCancel) {
          actions.push(() => {
            // 15.1.4.1. If source.[[state]] is "readable", return ! ReadableStreamCancel(source, error).
            if (source.state === "readable") return readableStreamCancel(source, error);
            // 15.1.4.2. Otherwise, return a promise resolved with undefined.
            return resolvedWith(undefined);
          });
        }
        // 15.1.5. Shutdown with an action consisting of getting a promise to wait for all of the actions
        //         in actions, and with error.
        shutdownWithAction(() => waitForAll(actions.map((action) => action())), true, error);
      };
      // 15.2. If signal is aborted, perform abortAlgorithm and return promise.
      if (abortSignal.isAborted(signal)) {
        abortAlgorithm();
        return promise.promise;
      }
      // 15.3. Add abortAlgorithm to signal.
      abortSignal.addAlgorithm(signal, abortAlgorithm);
    }

    // 16. In parallel, using reader and writer, read all chunks from source and write them to dest:
    //     one read at a time, only while the writer's desired size is positive (its ready promise is
    //     fulfilled), each chunk written as soon as it is read.
    function pipeStep() {
      // Shutdown must stop activity: no further reads.
      if (shuttingDown) return resolvedWith(true);
      // Backpressure must be enforced: wait while the writer's desired size is ≤ 0 or null.
      return transformPromise(writer.readyPromise.promise, () => {
        if (shuttingDown) return true;
        const step = newPromise();
        readableStreamDefaultReaderRead(reader, {
          __proto__: null,
          chunkSteps: (chunk) => {
            currentWrite = transformPromise(writableStreamDefaultWriterWrite(writer, chunk), undefined, noop);
            step.resolve(false);
          },
          closeSteps: () => step.resolve(true),
          errorSteps: (e) => step.reject(e),
        });
        return step.promise;
      });
    }

    function pipeLoop() {
      uponPromise(pipeStep(), (done) => {
        if (!done) pipeLoop();
      }, noop);
    }

    // Error and close states must be propagated, checked in this order:
    // 1. Errors must be propagated forward: if source.[[state]] is or becomes "errored", then
    const onSourceErrored = (storedError) => {
      // 1.1. If preventAbort is false, shutdown with an action of ! WritableStreamAbort(dest,
      //      source.[[storedError]]) and with source.[[storedError]].
      if (!preventAbort) shutdownWithAction(() => writableStreamAbort(dest, storedError), true, storedError);
      // 1.2. Otherwise, shutdown with source.[[storedError]].
      else shutdown(true, storedError);
    };
    // 2. Errors must be propagated backward: if dest.[[state]] is or becomes "errored", then
    const onDestErrored = (storedError) => {
      // 2.1. If preventCancel is false, shutdown with an action of ! ReadableStreamCancel(source,
      //      dest.[[storedError]]) and with dest.[[storedError]].
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, storedError), true, storedError);
      // 2.2. Otherwise, shutdown with dest.[[storedError]].
      else shutdown(true, storedError);
    };
    // 3. Closing must be propagated forward: if source.[[state]] is or becomes "closed", then
    const onSourceClosed = () => {
      // 3.1. If preventClose is false, shutdown with an action of
      //      ! WritableStreamDefaultWriterCloseWithErrorPropagation(writer).
      if (!preventClose) shutdownWithAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer), false);
      // 3.2. Otherwise, shutdown.
      else shutdown(false);
    };
    // 4. Closing must be propagated backward: if ! WritableStreamCloseQueuedOrInFlight(dest) is true or
    //    dest.[[state]] is "closed", then
    const onDestClosed = () => {
      // 4.1. Assert: no chunks have been read or written.
      // 4.2. Let destClosed be a new TypeError.
      const destClosed = new TypeErrorCtor("The destination writable stream closed before all data could be piped to it.");
      // 4.3. If preventCancel is false, shutdown with an action of ! ReadableStreamCancel(source,
      //      destClosed) and with destClosed.
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
      // 4.4. Otherwise, shutdown with destClosed.
      else shutdown(true, destClosed);
    };

    // "Wait until every chunk that has been read has been written (the corresponding promises settled)."
    function waitForWritesToFinish() {
      const oldCurrentWrite = currentWrite;
      return transformPromise(oldCurrentWrite,
        () => (oldCurrentWrite !== currentWrite ? waitForWritesToFinish() : undefined));
    }

    // Shutdown with an action: action, optionally with an error originalError.
    function shutdownWithAction(action, hasOriginalError, originalError) {
      // 1. If shuttingDown is true, abort these substeps.
      if (shuttingDown) return;
      // 2. Set shuttingDown to true.
      shuttingDown = true;
      const performAction = () => {
        // 4. Let p be the result of performing action.
        const p = action();
        // 5. Upon fulfillment of p, finalize, passing along originalError if it was given.
        // 6. Upon rejection of p with reason newError, finalize with newError.
        uponPromise(p, () => finalize(hasOriginalError, originalError), (newError) => finalize(true, newError));
      };
      // 3. If dest.[[state]] is "writable" and ! WritableStreamCloseQueuedOrInFlight(dest) is false,
      //    3.1-3.2. write the chunks read but not yet written (none: each is written when read) and wait
      //    until every chunk that has been read has been written.
      if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) {
        uponPromise(waitForWritesToFinish(), performAction);
      } else {
        performAction();
      }
    }

    // Shutdown, optionally with an error error.
    function shutdown(isError, error) {
      // 1. If shuttingDown is true, abort these substeps.
      if (shuttingDown) return;
      // 2. Set shuttingDown to true.
      shuttingDown = true;
      // 3. If dest.[[state]] is "writable" and ! WritableStreamCloseQueuedOrInFlight(dest) is false,
      //    wait until every chunk that has been read has been written.
      if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) {
        uponPromise(waitForWritesToFinish(), () => finalize(isError, error));
      } else {
        // 4. Finalize, passing along error if it was given.
        finalize(isError, error);
      }
    }

    // Finalize, optionally with an error error.
    function finalize(isError, error) {
      // 1. Perform ! WritableStreamDefaultWriterRelease(writer).
      writableStreamDefaultWriterRelease(writer);
      // 2-3. Perform ! ReadableStreamDefaultReaderRelease(reader).
      readableStreamDefaultReaderRelease(reader);
      // 4. If signal is not undefined, remove abortAlgorithm from signal.
      if (signal !== undefined) abortSignal.removeAlgorithm(signal, abortAlgorithm);
      // 5. If error was given, reject promise with error.
      if (isError) promise.reject(error);
      // 6. Otherwise, resolve promise with undefined.
      else promise.resolve(undefined);
    }

    // The conditions as they are now, in order, then as they become true.
    if (source.state === "errored") {
      onSourceErrored(source.storedError);
    } else if (dest.state === "errored" || dest.state === "erroring") {
      onDestErrored(dest.storedError);
    } else if (source.state === "closed") {
      onSourceClosed();
    } else if (writableStreamCloseQueuedOrInFlight(dest) || dest.state === "closed") {
      onDestClosed();
    }
    uponPromise(reader.closedPromise.promise, () => {
      if (!shuttingDown) onSourceClosed();
    }, (e) => onSourceErrored(e));
    uponPromise(writer.closedPromise.promise, undefined, (e) => onDestErrored(e));
    if (!shuttingDown) pipeLoop();
    // 17. Return promise.
    return promise.promise;
  }

  // ------------------------------------------------------------------ teeing
  // https://streams.spec.whatwg.org/#readable-stream-tee
  function readableStreamTee(stream, cloneForBranch2) {
    // 1. Assert: stream implements ReadableStream. 2. Assert: cloneForBranch2 is a boolean.
    // 3. If stream.[[controller]] implements ReadableByteStreamController, return ? ReadableByteStreamTee(stream).
    if (stream.controller.byte) return readableByteStreamTee(stream);
    // 4. Return ? ReadableStreamDefaultTee(stream, cloneForBranch2).
    return readableStreamDefaultTee(stream, cloneForBranch2);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablestreamdefaulttee
  function readableStreamDefaultTee(stream, cloneForBranch2) {
    // 1-2. Assertions.
    // 3. Let reader be ? AcquireReadableStreamDefaultReader(stream).
    const reader = acquireReadableStreamDefaultReader(stream);
    // 4. Let reading be false. 5. Let readAgain be false. 6. Let canceled1 be false. 7. Let canceled2 be false.
    let reading = false;
    let readAgain = false;
    let canceled1 = false;
    let canceled2 = false;
    // 8. Let reason1 be undefined. 9. Let reason2 be undefined. 10. Let branch1 be undefined. 11. Let branch2 be undefined.
    let reason1;
    let reason2;
    let branch1;
    let branch2;
    // 12. Let cancelPromise be a new promise.
    const cancelPromise = newPromise();
    // 13. Let pullAlgorithm be the following steps:
    const pullAlgorithm = () => {
      // 13.1. If reading is true,
      if (reading) {
        // 13.1.1. Set readAgain to true. 13.1.2. Return a promise resolved with undefined.
        readAgain = true;
        return resolvedWith(undefined);
      }
      // 13.2. Set reading to true.
      reading = true;
      // 13.3. Let readRequest be a read request with the following items:
      const readRequest = {
        __proto__: null,
        // chunk steps, given chunk: Queue a microtask to perform the following steps:
        chunkSteps: (chunk) => {
          uponPromise(resolvedWith(undefined), () => {
            // 1. Set readAgain to false.
            readAgain = false;
            // 2. Let chunk1 and chunk2 be chunk.
            const chunk1 = chunk;
            let chunk2 = chunk;
            // 3. If canceled2 is false and cloneForBranch2 is true, set chunk2 to StructuredClone(chunk2),
            //    erroring both branches if that throws.
            if (!canceled2 && cloneForBranch2) {
              try {
                chunk2 = internals.structuredClone.structuredClone(chunk2);
              } catch (e) {
                readableStreamDefaultControllerError(branch1.controller, e);
                readableStreamDefaultControllerError(branch2.controller, e);
                cancelPromise.resolve(readableStreamCancel(stream, e));
                return;
              }
            }
            // 4. If canceled1 is false, perform ! ReadableStreamDefaultControllerEnqueue(branch1.[[controller]], chunk1).
            if (!canceled1) readableStreamDefaultControllerEnqueue(branch1.controller, chunk1);
            // 5. If canceled2 is false, perform ! ReadableStreamDefaultControllerEnqueue(branch2.[[controller]], chunk2).
            if (!canceled2) readableStreamDefaultControllerEnqueue(branch2.controller, chunk2);
            // 6. Set reading to false.
            reading = false;
            // 7. If readAgain is true, perform pullAlgorithm.
            if (readAgain) pullAlgorithm();
          });
        },
        // close steps:
        closeSteps: () => {
          // 1. Set reading to false.
          reading = false;
          // 2. If canceled1 is false, perform ! ReadableStreamDefaultControllerClose(branch1.[[controller]]).
          if (!canceled1) readableStreamDefaultControllerClose(branch1.controller);
          // 3. If canceled2 is false, perform ! ReadableStreamDefaultControllerClose(branch2.[[controller]]).
          if (!canceled2) readableStreamDefaultControllerClose(branch2.controller);
          // 4. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        // error steps: 1. Set reading to false.
        errorSteps: () => {
          reading = false;
        },
      };
      // 13.4. Perform ! ReadableStreamDefaultReaderRead(reader, readRequest).
      readableStreamDefaultReaderRead(reader, readRequest);
      // 13.5. Return a promise resolved with undefined.
      return resolvedWith(undefined);
    };
    // 14. Let cancel1Algorithm be the following steps, taking a reason argument:
    const cancel1Algorithm = (reason) => {
      // 14.1. Set canceled1 to true. 14.2. Set reason1 to reason.
      canceled1 = true;
      reason1 = reason;
      // 14.3. If canceled2 is true,
      if (canceled2) {
        // 14.3.1. Let compositeReason be ! CreateArrayFromList(« reason1, reason2 »).
        // 14.3.2. Let cancelResult be ! ReadableStreamCancel(stream, compositeReason).
        // 14.3.3. Resolve cancelPromise with cancelResult.
        cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
      }
      // 14.4. Return cancelPromise.
      return cancelPromise.promise;
    };
    // 15. Let cancel2Algorithm be the following steps, taking a reason argument:
    const cancel2Algorithm = (reason) => {
      // 15.1. Set canceled2 to true. 15.2. Set reason2 to reason.
      canceled2 = true;
      reason2 = reason;
      // 15.3. If canceled1 is true, cancel the stream with « reason1, reason2 » and resolve cancelPromise with it.
      if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
      // 15.4. Return cancelPromise.
      return cancelPromise.promise;
    };
    // 16. Let startAlgorithm be an algorithm that returns undefined.
    const startAlgorithm = () => undefined;
    // 17. Set branch1 to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancel1Algorithm).
    branch1 = createReadableStream(startAlgorithm, pullAlgorithm, cancel1Algorithm);
    // 18. Set branch2 to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancel2Algorithm).
    branch2 = createReadableStream(startAlgorithm, pullAlgorithm, cancel2Algorithm);
    // 19. Upon rejection of reader.[[closedPromise]] with reason r,
    uponPromise(reader.closedPromise.promise, undefined, (r) => {
      // 19.1. Perform ! ReadableStreamDefaultControllerError(branch1.[[controller]], r).
      readableStreamDefaultControllerError(branch1.controller, r);
      // 19.2. Perform ! ReadableStreamDefaultControllerError(branch2.[[controller]], r).
      readableStreamDefaultControllerError(branch2.controller, r);
      // 19.3. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
    // 20. Return « branch1, branch2 ».
    return [branch1, branch2];
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-readablebytestreamtee
  function readableByteStreamTee(stream) {
    // 1. Assert: stream implements ReadableStream.
    // 2. Assert: stream.[[controller]] implements ReadableByteStreamController.
    // 3. Let reader be ? AcquireReadableStreamDefaultReader(stream).
    let reader = acquireReadableStreamDefaultReader(stream);
    // 4. Let reading be false. 5. Let readAgainForBranch1 be false. 6. Let readAgainForBranch2 be false.
    let reading = false;
    let readAgainForBranch1 = false;
    let readAgainForBranch2 = false;
    // 7. Let canceled1 be false. 8. Let canceled2 be false.
    let canceled1 = false;
    let canceled2 = false;
    // 9. Let reason1 be undefined. 10. Let reason2 be undefined.
    let reason1;
    let reason2;
    // 11. Let branch1 be undefined. 12. Let branch2 be undefined.
    let branch1;
    let branch2;
    // 13. Let cancelPromise be a new promise.
    const cancelPromise = newPromise();

    // 14. Let forwardReaderError be the following steps, taking a thisReader argument:
    const forwardReaderError = (thisReader) => {
      // 14.1. Upon rejection of thisReader.[[closedPromise]] with reason r,
      uponPromise(thisReader.closedPromise.promise, undefined, (r) => {
        // 14.1.1. If thisReader is not reader, return.
        if (thisReader !== reader) return;
        // 14.1.2. Perform ! ReadableByteStreamControllerError(branch1.[[controller]], r).
        readableByteStreamControllerError(branch1.controller, r);
        // 14.1.3. Perform ! ReadableByteStreamControllerError(branch2.[[controller]], r).
        readableByteStreamControllerError(branch2.controller, r);
        // 14.1.4. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      });
    };

    // 15. Let pullWithDefaultReader be the following steps:
    const pullWithDefaultReader = () => {
      // 15.1. If reader implements ReadableStreamBYOBReader,
      if (reader.byob) {
        // 15.1.1. Assert: reader.[[readIntoRequests]] is empty.
        // 15.1.2. Perform ! ReadableStreamBYOBReaderRelease(reader).
        readableStreamBYOBReaderRelease(reader);
        // 15.1.3. Set reader to ! AcquireReadableStreamDefaultReader(stream).
        reader = acquireReadableStreamDefaultReader(stream);
        // 15.1.4. Perform forwardReaderError, given reader.
        forwardReaderError(reader);
      }
      // 15.2. Let readRequest be a read request with the following items:
      const readRequest = {
        __proto__: null,
        // chunk steps, given chunk: Queue a microtask to perform the following steps:
        chunkSteps: (chunk) => {
          queueMicrotaskStep(() => {
            // 1. Set readAgainForBranch1 to false. 2. Set readAgainForBranch2 to false.
            readAgainForBranch1 = false;
            readAgainForBranch2 = false;
            // 3. Let chunk1 and chunk2 be chunk.
            const chunk1 = chunk;
            let chunk2 = chunk;
            // 4. If canceled1 is false and canceled2 is false,
            if (!canceled1 && !canceled2) {
              // 4.1. Let cloneResult be CloneAsUint8Array(chunk).
              try {
                chunk2 = cloneAsUint8Array(chunk);
              } catch (e) {
                // 4.2. If cloneResult is an abrupt completion,
                // 4.2.1. Perform ! ReadableByteStreamControllerError(branch1.[[controller]], cloneResult.[[Value]]).
                readableByteStreamControllerError(branch1.controller, e);
                // 4.2.2. Perform ! ReadableByteStreamControllerError(branch2.[[controller]], cloneResult.[[Value]]).
                readableByteStreamControllerError(branch2.controller, e);
                // 4.2.3. Resolve cancelPromise with ! ReadableStreamCancel(stream, cloneResult.[[Value]]).
                cancelPromise.resolve(readableStreamCancel(stream, e));
                // 4.2.4. Return.
                return;
              }
              // 4.3. Otherwise, set chunk2 to cloneResult.[[Value]].
            }
            // 5. If canceled1 is false, perform ! ReadableByteStreamControllerEnqueue(branch1.[[controller]], chunk1).
            if (!canceled1) readableByteStreamControllerEnqueue(branch1.controller, chunk1);
            // 6. If canceled2 is false, perform ! ReadableByteStreamControllerEnqueue(branch2.[[controller]], chunk2).
            if (!canceled2) readableByteStreamControllerEnqueue(branch2.controller, chunk2);
            // 7. Set reading to false.
            reading = false;
            // 8. If readAgainForBranch1 is true, perform pull1Algorithm.
            if (readAgainForBranch1) pull1Algorithm();
            // 9. Otherwise, if readAgainForBranch2 is true, perform pull2Algorithm.
            else if (readAgainForBranch2) pull2Algorithm();
          });
        },
        // close steps:
        closeSteps: () => {
          // 1. Set reading to false.
          reading = false;
          // 2. If canceled1 is false, perform ! ReadableByteStreamControllerClose(branch1.[[controller]]).
          if (!canceled1) readableByteStreamControllerClose(branch1.controller);
          // 3. If canceled2 is false, perform ! ReadableByteStreamControllerClose(branch2.[[controller]]).
          if (!canceled2) readableByteStreamControllerClose(branch2.controller);
          // 4. If branch1.[[controller]].[[pendingPullIntos]] is not empty, perform
          //    ! ReadableByteStreamControllerRespond(branch1.[[controller]], 0).
          if (branch1.controller.pendingPullIntos.length > 0) readableByteStreamControllerRespond(branch1.controller, 0);
          // 5. If branch2.[[controller]].[[pendingPullIntos]] is not empty, perform
          //    ! ReadableByteStreamControllerRespond(branch2.[[controller]], 0).
          if (branch2.controller.pendingPullIntos.length > 0) readableByteStreamControllerRespond(branch2.controller, 0);
          // 6. If canceled1 is false or canceled2 is false, resolve cancelPromise with undefined.
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        // error steps: 1. Set reading to false.
        errorSteps: () => {
          reading = false;
        },
      };
      // 15.3. Perform ! ReadableStreamDefaultReaderRead(reader, readRequest).
      readableStreamDefaultReaderRead(reader, readRequest);
    };

    // 16. Let pullWithBYOBReader be the following steps, given view and forBranch2:
    const pullWithBYOBReader = (view, forBranch2) => {
      // 16.1. If reader implements ReadableStreamDefaultReader,
      if (!reader.byob) {
        // 16.1.1. Assert: reader.[[readRequests]] is empty.
        // 16.1.2. Perform ! ReadableStreamDefaultReaderRelease(reader).
        readableStreamDefaultReaderRelease(reader);
        // 16.1.3. Set reader to ! AcquireReadableStreamBYOBReader(stream).
        reader = acquireReadableStreamBYOBReader(stream);
        // 16.1.4. Perform forwardReaderError, given reader.
        forwardReaderError(reader);
      }
      // 16.2. Let byobBranch be branch2 if forBranch2 is true, and branch1 otherwise.
      const byobBranch = forBranch2 ? branch2 : branch1;
      // 16.3. Let otherBranch be branch2 if forBranch2 is false, and branch1 otherwise.
      const otherBranch = forBranch2 ? branch1 : branch2;
      // 16.4. Let readIntoRequest be a read-into request with the following items:
      const readIntoRequest = {
        __proto__: null,
        // chunk steps, given chunk: Queue a microtask to perform the following steps:
        chunkSteps: (chunk) => {
          queueMicrotaskStep(() => {
            // 1. Set readAgainForBranch1 to false. 2. Set readAgainForBranch2 to false.
            readAgainForBranch1 = false;
            readAgainForBranch2 = false;
            // 3. Let byobCanceled be canceled2 if forBranch2 is true, and canceled1 otherwise.
            const byobCanceled = forBranch2 ? canceled2 : canceled1;
            // 4. Let otherCanceled be canceled2 if forBranch2 is false, and canceled1 otherwise.
            const otherCanceled = forBranch2 ? canceled1 : canceled2;
            if (!otherCanceled) {
              // 5. If otherCanceled is false,
              // 5.1. Let cloneResult be CloneAsUint8Array(chunk).
              let clonedChunk;
              try {
                clonedChunk = cloneAsUint8Array(chunk);
              } catch (e) {
                // 5.2. If cloneResult is an abrupt completion,
                // 5.2.1. Perform ! ReadableByteStreamControllerError(byobBranch.[[controller]], cloneResult.[[Value]]).
                readableByteStreamControllerError(byobBranch.controller, e);
                // 5.2.2. Perform ! ReadableByteStreamControllerError(otherBranch.[[controller]], cloneResult.[[Value]]).
                readableByteStreamControllerError(otherBranch.controller, e);
                // 5.2.3. Resolve cancelPromise with ! ReadableStreamCancel(stream, cloneResult.[[Value]]).
                cancelPromise.resolve(readableStreamCancel(stream, e));
                // 5.2.4. Return.
                return;
              }
              // 5.3. Otherwise, let clonedChunk be cloneResult.[[Value]].
              // 5.4. If byobCanceled is false, perform
              //      ! ReadableByteStreamControllerRespondWithNewView(byobBranch.[[controller]], chunk).
              if (!byobCanceled) readableByteStreamControllerRespondWithNewView(byobBranch.controller, chunk);
              // 5.5. Perform ! ReadableByteStreamControllerEnqueue(otherBranch.[[controller]], clonedChunk).
              readableByteStreamControllerEnqueue(otherBranch.controller, clonedChunk);
            } else if (!byobCanceled) {
              // 6. Otherwise, if byobCanceled is false, perform
              //    ! ReadableByteStreamControllerRespondWithNewView(byobBranch.[[controller]], chunk).
              readableByteStreamControllerRespondWithNewView(byobBranch.controller, chunk);
            }
            // 7. Set reading to false.
            reading = false;
            // 8. If readAgainForBranch1 is true, perform pull1Algorithm.
            if (readAgainForBranch1) pull1Algorithm();
            // 9. Otherwise, if readAgainForBranch2 is true, perform pull2Algorithm.
            else if (readAgainForBranch2) pull2Algorithm();
          });
        },
        // close steps, given chunk:
        closeSteps: (chunk) => {
          // 1. Set reading to false.
          reading = false;
          // 2. Let byobCanceled be canceled2 if forBranch2 is true, and canceled1 otherwise.
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          // 3. Let otherCanceled be canceled2 if forBranch2 is false, and canceled1 otherwise.
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          // 4. If byobCanceled is false, perform ! ReadableByteStreamControllerClose(byobBranch.[[controller]]).
          if (!byobCanceled) readableByteStreamControllerClose(byobBranch.controller);
          // 5. If otherCanceled is false, perform ! ReadableByteStreamControllerClose(otherBranch.[[controller]]).
          if (!otherCanceled) readableByteStreamControllerClose(otherBranch.controller);
          // 6. If chunk is not undefined,
          if (chunk !== undefined) {
            // 6.1. Assert: chunk.[[ByteLength]] is 0.
            // 6.2. If byobCanceled is false, perform
            //      ! ReadableByteStreamControllerRespondWithNewView(byobBranch.[[controller]], chunk).
            if (!byobCanceled) readableByteStreamControllerRespondWithNewView(byobBranch.controller, chunk);
            // 6.3. If otherCanceled is false and otherBranch.[[controller]].[[pendingPullIntos]] is not empty,
            //      perform ! ReadableByteStreamControllerRespond(otherBranch.[[controller]], 0).
            if (!otherCanceled && otherBranch.controller.pendingPullIntos.length > 0) {
              readableByteStreamControllerRespond(otherBranch.controller, 0);
            }
          }
          // 7. If byobCanceled is false or otherCanceled is false, resolve cancelPromise with undefined.
          if (!byobCanceled || !otherCanceled) cancelPromise.resolve(undefined);
        },
        // error steps: 1. Set reading to false.
        errorSteps: () => {
          reading = false;
        },
      };
      // 16.5. Perform ! ReadableStreamBYOBReaderRead(reader, view, 1, readIntoRequest).
      readableStreamBYOBReaderRead(reader, view, 1, readIntoRequest);
    };

    // 17. Let pull1Algorithm be the following steps:
    const pull1Algorithm = () => {
      // 17.1. If reading is true,
      if (reading) {
        // 17.1.1. Set readAgainForBranch1 to true. 17.1.2. Return a promise resolved with undefined.
        readAgainForBranch1 = true;
        return resolvedWith(undefined);
      }
      // 17.2. Set reading to true.
      reading = true;
      // 17.3. Let byobRequest be ! ReadableByteStreamControllerGetBYOBRequest(branch1.[[controller]]).
      const byobRequest = readableByteStreamControllerGetBYOBRequest(branch1.controller);
      // 17.4. If byobRequest is null, perform pullWithDefaultReader.
      if (byobRequest === null) pullWithDefaultReader();
      // 17.5. Otherwise, perform pullWithBYOBReader, given byobRequest.[[view]] and false.
      else pullWithBYOBReader(byobRequest.view, false);
      // 17.6. Return a promise resolved with undefined.
      return resolvedWith(undefined);
    };

    // 18. Let pull2Algorithm be the following steps:
    const pull2Algorithm = () => {
      // 18.1. If reading is true,
      if (reading) {
        // 18.1.1. Set readAgainForBranch2 to true. 18.1.2. Return a promise resolved with undefined.
        readAgainForBranch2 = true;
        return resolvedWith(undefined);
      }
      // 18.2. Set reading to true.
      reading = true;
      // 18.3. Let byobRequest be ! ReadableByteStreamControllerGetBYOBRequest(branch2.[[controller]]).
      const byobRequest = readableByteStreamControllerGetBYOBRequest(branch2.controller);
      // 18.4. If byobRequest is null, perform pullWithDefaultReader.
      if (byobRequest === null) pullWithDefaultReader();
      // 18.5. Otherwise, perform pullWithBYOBReader, given byobRequest.[[view]] and true.
      else pullWithBYOBReader(byobRequest.view, true);
      // 18.6. Return a promise resolved with undefined.
      return resolvedWith(undefined);
    };

    // 19. Let cancel1Algorithm be the following steps, taking a reason argument:
    const cancel1Algorithm = (reason) => {
      // 19.1. Set canceled1 to true. 19.2. Set reason1 to reason.
      canceled1 = true;
      reason1 = reason;
      // 19.3. If canceled2 is true,
      if (canceled2) {
        // 19.3.1. Let compositeReason be ! CreateArrayFromList(« reason1, reason2 »).
        // 19.3.2. Let cancelResult be ! ReadableStreamCancel(stream, compositeReason).
        // 19.3.3. Resolve cancelPromise with cancelResult.
        cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
      }
      // 19.4. Return cancelPromise.
      return cancelPromise.promise;
    };

    // 20. Let cancel2Algorithm be the following steps, taking a reason argument:
    const cancel2Algorithm = (reason) => {
      // 20.1. Set canceled2 to true. 20.2. Set reason2 to reason.
      canceled2 = true;
      reason2 = reason;
      // 20.3. If canceled1 is true, cancel the stream with « reason1, reason2 » and resolve cancelPromise with it.
      if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
      // 20.4. Return cancelPromise.
      return cancelPromise.promise;
    };

    // 21. Let startAlgorithm be an algorithm that returns undefined.
    const startAlgorithm = () => undefined;
    // 22. Set branch1 to ! CreateReadableByteStream(startAlgorithm, pull1Algorithm, cancel1Algorithm).
    branch1 = createReadableByteStream(startAlgorithm, pull1Algorithm, cancel1Algorithm);
    // 23. Set branch2 to ! CreateReadableByteStream(startAlgorithm, pull2Algorithm, cancel2Algorithm).
    branch2 = createReadableByteStream(startAlgorithm, pull2Algorithm, cancel2Algorithm);
    // 24. Perform forwardReaderError, given reader.
    forwardReaderError(reader);
    // 25. Return « branch1, branch2 ».
    return [branch1, branch2];
  }

  // ================================================================== writable streams

  /** https://streams.spec.whatwg.org/#ws-internal-slots */
  function newWritableStreamRecord(object) {
    return {
      __proto__: null,
      object,
      backpressure: false,
      closeRequest: undefined,
      controller: undefined,
      inFlightWriteRequest: undefined,
      inFlightCloseRequest: undefined,
      pendingAbortRequest: undefined,
      state: "writable",
      storedError: undefined,
      writer: undefined,
      writeRequests: new SizedQueue(),
    };
  }

  let writableStreamRecordOf;
  const isWritableStreamObject = (V) => writableStreamRecordOf(V) !== undefined;

  class WritableStream {
    #stream;

    // https://streams.spec.whatwg.org/#ws-constructor
    constructor(underlyingSink = undefined, strategy = undefined) {
      if (underlyingSink === kInternal) {
        this.#stream = strategy;
        return;
      }
      const prefix = "Failed to construct 'WritableStream'";
      // 1. If underlyingSink is missing, set it to null.
      underlyingSink = objectOrNull(underlyingSink, prefix);
      strategy = converters.QueuingStrategy(strategy, prefix, "Argument 2");
      // 2. Let underlyingSinkDict be underlyingSink, converted to an IDL value of type UnderlyingSink.
      const underlyingSinkDict = converters.UnderlyingSink(underlyingSink, prefix, "Argument 1");
      // 3. If underlyingSinkDict["type"] exists, throw a RangeError exception.
      if (underlyingSinkDict.type !== undefined) {
        throw new RangeErrorCtor(`${prefix}: Invalid type is specified.`);
      }
      // 4. Perform ! InitializeWritableStream(this).
      const stream = newWritableStreamRecord(this);
      this.#stream = stream;
      // 5. Let sizeAlgorithm be ! ExtractSizeAlgorithm(strategy).
      const sizeAlgorithm = extractSizeAlgorithm(strategy);
      // 6. Let highWaterMark be ? ExtractHighWaterMark(strategy, 1).
      const highWaterMark = extractHighWaterMark(strategy, 1);
      // 7. Perform ? SetUpWritableStreamDefaultControllerFromUnderlyingSink(this, underlyingSink,
      //    underlyingSinkDict, highWaterMark, sizeAlgorithm).
      setUpWritableStreamDefaultControllerFromUnderlyingSink(stream, underlyingSink, underlyingSinkDict,
        highWaterMark, sizeAlgorithm);
    }

    static {
      writableStreamRecordOf = (V) => (isObject(V) && #stream in V ? V.#stream : undefined);
    }

    // https://streams.spec.whatwg.org/#ws-locked
    get locked() {
      const stream = branded(writableStreamRecordOf(this));
      // 1. Return ! IsWritableStreamLocked(this).
      return isWritableStreamLocked(stream);
    }

    // https://streams.spec.whatwg.org/#ws-abort
    abort(reason = undefined) {
      const stream = writableStreamRecordOf(this);
      if (stream === undefined) return rejectedIllegalInvocation();
      // 1. If ! IsWritableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
      if (isWritableStreamLocked(stream)) {
        return rejectedWith(new TypeErrorCtor("Failed to execute 'abort' on 'WritableStream': Cannot abort a locked stream."));
      }
      // 2. Return ! WritableStreamAbort(this, reason).
      return writableStreamAbort(stream, reason);
    }

    // https://streams.spec.whatwg.org/#ws-close
    close() {
      const stream = writableStreamRecordOf(this);
      if (stream === undefined) return rejectedIllegalInvocation();
      // 1. If ! IsWritableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
      if (isWritableStreamLocked(stream)) {
        return rejectedWith(new TypeErrorCtor("Failed to execute 'close' on 'WritableStream': Cannot close a locked stream."));
      }
      // 2. If ! WritableStreamCloseQueuedOrInFlight(this) is true, return a promise rejected with a TypeError exception.
      if (writableStreamCloseQueuedOrInFlight(stream)) {
        return rejectedWith(new TypeErrorCtor("Failed to execute 'close' on 'WritableStream': The stream is already closing."));
      }
      // 3. Return ! WritableStreamClose(this).
      return writableStreamClose(stream);
    }

    // https://streams.spec.whatwg.org/#ws-get-writer
    getWriter() {
      const stream = branded(writableStreamRecordOf(this));
      // 1. Return ? AcquireWritableStreamDefaultWriter(this).
      return acquireWritableStreamDefaultWriter(stream).object;
    }
  }

  // ------------------------------------------------------------------ WritableStreamDefaultWriter

  let writerRecordOf;

  /** What a writer's promise-returning member returns once releaseLock() has cut it from its stream. */
  function rejectedReleasedWriter(method) {
    return rejectedWith(new TypeErrorCtor(
      `Failed to execute '${method}' on 'WritableStreamDefaultWriter': The writer has been released.`));
  }

  class WritableStreamDefaultWriter {
    #writer;

    // https://streams.spec.whatwg.org/#default-writer-constructor
    constructor(stream) {
      this.#writer = newWriterRecord(this);
      // (A writer the layer makes for AcquireWritableStreamDefaultWriter is set up by the caller.)
      if (stream === kInternal) return;
      const prefix = "Failed to construct 'WritableStreamDefaultWriter'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      stream = converters.WritableStream(stream, prefix, "Argument 1");
      // 1. Perform ? SetUpWritableStreamDefaultWriter(this, stream).
      setUpWritableStreamDefaultWriter(this.#writer, writableStreamRecordOf(stream));
    }

    static {
      writerRecordOf = (V) => (isObject(V) && #writer in V ? V.#writer : undefined);
      // A writer object around a new record, for AcquireWritableStreamDefaultWriter.
      createWriterObject = () => new WritableStreamDefaultWriter(kInternal).#writer;
    }

    // https://streams.spec.whatwg.org/#default-writer-closed
    get closed() {
      const writer = writerRecordOf(this);
      if (writer === undefined) return rejectedIllegalInvocation();
      // 1. Return this.[[closedPromise]].
      return writer.closedPromise.promise;
    }

    // https://streams.spec.whatwg.org/#default-writer-desired-size
    get desiredSize() {
      const writer = branded(writerRecordOf(this));
      // 1. If this.[[stream]] is undefined, throw a TypeError exception.
      if (writer.stream === undefined) {
        throw new TypeErrorCtor("Failed to read the 'desiredSize' property from 'WritableStreamDefaultWriter': The writer has been released.");
      }
      // 2. Return ! WritableStreamDefaultWriterGetDesiredSize(this).
      return writableStreamDefaultWriterGetDesiredSize(writer);
    }

    // https://streams.spec.whatwg.org/#default-writer-ready
    get ready() {
      const writer = writerRecordOf(this);
      if (writer === undefined) return rejectedIllegalInvocation();
      // 1. Return this.[[readyPromise]].
      return writer.readyPromise.promise;
    }

    // https://streams.spec.whatwg.org/#default-writer-abort
    abort(reason = undefined) {
      const writer = writerRecordOf(this);
      if (writer === undefined) return rejectedIllegalInvocation();
      // 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
      if (writer.stream === undefined) return rejectedReleasedWriter("abort");
      // 2. Return ! WritableStreamDefaultWriterAbort(this, reason).
      return writableStreamAbort(writer.stream, reason);
    }

    // https://streams.spec.whatwg.org/#default-writer-close
    close() {
      const writer = writerRecordOf(this);
      if (writer === undefined) return rejectedIllegalInvocation();
      // 1. Let stream be this.[[stream]].
      const stream = writer.stream;
      // 2. If stream is undefined, return a promise rejected with a TypeError exception.
      if (stream === undefined) return rejectedReleasedWriter("close");
      // 3. If ! WritableStreamCloseQueuedOrInFlight(stream) is true, return a promise rejected with a TypeError exception.
      if (writableStreamCloseQueuedOrInFlight(stream)) {
        return rejectedWith(new TypeErrorCtor("Failed to execute 'close' on 'WritableStreamDefaultWriter': The stream is already closing."));
      }
      // 4. Return ! WritableStreamDefaultWriterClose(this).
      return writableStreamClose(stream);
    }

    // https://streams.spec.whatwg.org/#default-writer-release-lock
    releaseLock() {
      const writer = branded(writerRecordOf(this));
      // 1. Let stream be this.[[stream]].
      // 2. If stream is undefined, return.
      if (writer.stream === undefined) return;
      // 3. Assert: stream.[[writer]] is not undefined.
      // 4. Perform ! WritableStreamDefaultWriterRelease(this).
      writableStreamDefaultWriterRelease(writer);
    }

    // https://streams.spec.whatwg.org/#default-writer-write
    write(chunk = undefined) {
      const writer = writerRecordOf(this);
      if (writer === undefined) return rejectedIllegalInvocation();
      // 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
      if (writer.stream === undefined) return rejectedReleasedWriter("write");
      // 2. Return ! WritableStreamDefaultWriterWrite(this, chunk).
      return writableStreamDefaultWriterWrite(writer, chunk);
    }
  }

  /** https://streams.spec.whatwg.org/#default-writer-internal-slots */
  function newWriterRecord(object) {
    return { __proto__: null, object, closedPromise: undefined, readyPromise: undefined, stream: undefined };
  }

  // ------------------------------------------------------------------ WritableStreamDefaultController

  let writableControllerRecordOf;

  class WritableStreamDefaultController {
    #controller;

    constructor(key = undefined, record = undefined) {
      this.#controller = recordOfNewObject(key, record, this);
    }

    static {
      writableControllerRecordOf = (V) => (isObject(V) && #controller in V ? V.#controller : undefined);
      createWritableControllerObject = (record) => new WritableStreamDefaultController(kInternal, record).#controller;
    }

    // https://streams.spec.whatwg.org/#ws-default-controller-signal
    get signal() {
      const controller = branded(writableControllerRecordOf(this));
      // 1. Return this.[[abortController]]'s signal.
      return controller.abortController.signal;
    }

    // https://streams.spec.whatwg.org/#ws-default-controller-error
    error(e = undefined) {
      const controller = branded(writableControllerRecordOf(this));
      // 1. Let state be this.[[stream]].[[state]].
      // 2. If state is not "writable", return.
      if (controller.stream.state !== "writable") return;
      // 3. Perform ! WritableStreamDefaultControllerError(this, e).
      writableStreamDefaultControllerError(controller, e);
    }
  }

  // ------------------------------------------------------------------ writable stream abstract operations

  // https://streams.spec.whatwg.org/#acquire-writable-stream-default-writer
  function acquireWritableStreamDefaultWriter(stream) {
    // 1. Let writer be a new WritableStreamDefaultWriter.
    const writer = createWriterObject();
    // 2. Perform ? SetUpWritableStreamDefaultWriter(writer, stream).
    setUpWritableStreamDefaultWriter(writer, stream);
    // 3. Return writer.
    return writer;
  }

  // https://streams.spec.whatwg.org/#create-writable-stream
  function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark,
    sizeAlgorithm) {
    // 1. Assert: ! IsNonNegativeNumber(highWaterMark) is true.
    // 2. Let stream be a new WritableStream.
    // 3. Perform ! InitializeWritableStream(stream).
    const stream = newWritableStreamRecord(undefined);
    stream.object = new WritableStream(kInternal, stream);
    // 4. Let controller be a new WritableStreamDefaultController.
    const controller = newWritableStreamDefaultControllerRecord();
    // 5. Perform ? SetUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
    //    closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm).
    setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
      abortAlgorithm, highWaterMark, sizeAlgorithm);
    // 6. Return stream.
    return stream;
  }

  // https://streams.spec.whatwg.org/#is-writable-stream-locked
  function isWritableStreamLocked(stream) {
    // 1. If stream.[[writer]] is undefined, return false. 2. Return true.
    return stream.writer !== undefined;
  }

  // https://streams.spec.whatwg.org/#set-up-writable-stream-default-writer
  function setUpWritableStreamDefaultWriter(writer, stream) {
    // 1. If ! IsWritableStreamLocked(stream) is true, throw a TypeError exception.
    if (isWritableStreamLocked(stream)) {
      throw new TypeErrorCtor("Cannot get a writer for a stream that is already locked to a writer.");
    }
    // 2. Set writer.[[stream]] to stream.
    writer.stream = stream;
    // 3. Set stream.[[writer]] to writer.
    stream.writer = writer;
    // 4. Let state be stream.[[state]].
    const state = stream.state;
    writer.readyPromise = newPromise();
    writer.closedPromise = newPromise();
    if (state === "writable") {
      // 5. If state is "writable",
      // 5.1. If ! WritableStreamCloseQueuedOrInFlight(stream) is false and stream.[[backpressure]] is true,
      //      set writer.[[readyPromise]] to a new promise.
      // 5.2. Otherwise, set writer.[[readyPromise]] to a promise resolved with undefined.
      if (writableStreamCloseQueuedOrInFlight(stream) || !stream.backpressure) writer.readyPromise.resolve(undefined);
      // 5.3. Set writer.[[closedPromise]] to a new promise.
    } else if (state === "erroring") {
      // 6. Otherwise, if state is "erroring",
      // 6.1. Set writer.[[readyPromise]] to a promise rejected with stream.[[storedError]].
      writer.readyPromise.reject(stream.storedError);
      // 6.2. Set writer.[[readyPromise]].[[PromiseIsHandled]] to true.
      markHandled(writer.readyPromise.promise);
      // 6.3. Set writer.[[closedPromise]] to a new promise.
    } else if (state === "closed") {
      // 7. Otherwise, if state is "closed",
      // 7.1. Set writer.[[readyPromise]] to a promise resolved with undefined.
      writer.readyPromise.resolve(undefined);
      // 7.2. Set writer.[[closedPromise]] to a promise resolved with undefined.
      writer.closedPromise.resolve(undefined);
    } else {
      // 8. Otherwise,
      // 8.1. Assert: state is "errored".
      // 8.2. Let storedError be stream.[[storedError]].
      const storedError = stream.storedError;
      // 8.3. Set writer.[[readyPromise]] to a promise rejected with storedError.
      writer.readyPromise.reject(storedError);
      // 8.4. Set writer.[[readyPromise]].[[PromiseIsHandled]] to true.
      markHandled(writer.readyPromise.promise);
      // 8.5. Set writer.[[closedPromise]] to a promise rejected with storedError.
      writer.closedPromise.reject(storedError);
      // 8.6. Set writer.[[closedPromise]].[[PromiseIsHandled]] to true.
      markHandled(writer.closedPromise.promise);
    }
  }

  // https://streams.spec.whatwg.org/#writable-stream-abort
  function writableStreamAbort(stream, reason) {
    // 1. If stream.[[state]] is "closed" or "errored", return a promise resolved with undefined.
    if (stream.state === "closed" || stream.state === "errored") return resolvedWith(undefined);
    // 2. Signal abort on stream.[[controller]].[[abortController]] with reason.
    internals.abort.signalAbort(stream.controller.abortController.signal, reason);
    // 3. Let state be stream.[[state]].
    let state = stream.state;
    // 4. If state is "closed" or "errored", return a promise resolved with undefined.
    //    (The abort algorithms of the signal could have changed the state.)
    if (state === "closed" || state === "errored") return resolvedWith(undefined);
    // 5. If stream.[[pendingAbortRequest]] is not undefined, return stream.[[pendingAbortRequest]]'s promise.
    if (stream.pendingAbortRequest !== undefined) return stream.pendingAbortRequest.promise.promise;
    // 6. Assert: state is "writable" or "erroring".
    // 7. Let wasAlreadyErroring be false.
    let wasAlreadyErroring = false;
    // 8. If state is "erroring",
    if (state === "erroring") {
      // 8.1. Set wasAlreadyErroring to true. 8.2. Set reason to undefined.
      wasAlreadyErroring = true;
      reason = undefined;
    }
    // 9. Let promise be a new promise.
    const promise = newPromise();
    // 10. Set stream.[[pendingAbortRequest]] to a new pending abort request whose promise is promise,
    //     reason is reason, and was already erroring is wasAlreadyErroring.
    stream.pendingAbortRequest = { __proto__: null, promise, reason, wasAlreadyErroring };
    // 11. If wasAlreadyErroring is false, perform ! WritableStreamStartErroring(stream, reason).
    if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
    // 12. Return promise.
    return promise.promise;
  }

  // https://streams.spec.whatwg.org/#writable-stream-close
  function writableStreamClose(stream) {
    // 1. Let state be stream.[[state]].
    const state = stream.state;
    // 2. If state is "closed" or "errored", return a promise rejected with a TypeError exception.
    if (state === "closed" || state === "errored") {
      return rejectedWith(new TypeErrorCtor(`Cannot close a stream that is ${state}.`));
    }
    // 3. Assert: state is "writable" or "erroring".
    // 4. Assert: ! WritableStreamCloseQueuedOrInFlight(stream) is false.
    // 5. Let promise be a new promise.
    const promise = newPromise();
    // 6. Set stream.[[closeRequest]] to promise.
    stream.closeRequest = promise;
    // 7. Let writer be stream.[[writer]].
    const writer = stream.writer;
    // 8. If writer is not undefined, and stream.[[backpressure]] is true, and state is "writable",
    //    resolve writer.[[readyPromise]] with undefined.
    if (writer !== undefined && stream.backpressure && state === "writable") writer.readyPromise.resolve(undefined);
    // 9. Perform ! WritableStreamDefaultControllerClose(stream.[[controller]]).
    writableStreamDefaultControllerClose(stream.controller);
    // 10. Return promise.
    return promise.promise;
  }

  // https://streams.spec.whatwg.org/#writable-stream-add-write-request
  function writableStreamAddWriteRequest(stream) {
    // 1. Assert: ! IsWritableStreamLocked(stream) is true.
    // 2. Assert: stream.[[state]] is "writable".
    // 3. Let promise be a new promise.
    const promise = newPromise();
    // 4. Append promise to stream.[[writeRequests]].
    stream.writeRequests.push(promise);
    // 5. Return promise.
    return promise.promise;
  }

  // https://streams.spec.whatwg.org/#writable-stream-close-queued-or-in-flight
  function writableStreamCloseQueuedOrInFlight(stream) {
    // 1. If stream.[[closeRequest]] is undefined and stream.[[inFlightCloseRequest]] is undefined, return false.
    // 2. Return true.
    return stream.closeRequest !== undefined || stream.inFlightCloseRequest !== undefined;
  }

  // https://streams.spec.whatwg.org/#writable-stream-deal-with-rejection
  function writableStreamDealWithRejection(stream, error) {
    // 1. Let state be stream.[[state]].
    const state = stream.state;
    // 2. If state is "writable",
    if (state === "writable") {
      // 2.1. Perform ! WritableStreamStartErroring(stream, error). 2.2. Return.
      writableStreamStartErroring(stream, error);
      return;
    }
    // 3. Assert: state is "erroring".
    // 4. Perform ! WritableStreamFinishErroring(stream).
    writableStreamFinishErroring(stream);
  }

  // https://streams.spec.whatwg.org/#writable-stream-finish-erroring
  function writableStreamFinishErroring(stream) {
    // 1. Assert: stream.[[state]] is "erroring".
    // 2. Assert: ! WritableStreamHasOperationMarkedInFlight(stream) is false.
    // 3. Set stream.[[state]] to "errored".
    stream.state = "errored";
    // 4. Perform ! stream.[[controller]].[[ErrorSteps]]().
    resetQueue(stream.controller);
    // 5. Let storedError be stream.[[storedError]].
    const storedError = stream.storedError;
    // 6. For each writeRequest of stream.[[writeRequests]]: Reject writeRequest with storedError.
    const writeRequests = stream.writeRequests;
    // 7. Set stream.[[writeRequests]] to an empty list.
    stream.writeRequests = new SizedQueue();
    while (writeRequests.length > 0) writeRequests.shift().reject(storedError);
    // 8. If stream.[[pendingAbortRequest]] is undefined,
    if (stream.pendingAbortRequest === undefined) {
      // 8.1. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream). 8.2. Return.
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
      return;
    }
    // 9. Let abortRequest be stream.[[pendingAbortRequest]].
    const abortRequest = stream.pendingAbortRequest;
    // 10. Set stream.[[pendingAbortRequest]] to undefined.
    stream.pendingAbortRequest = undefined;
    // 11. If abortRequest's was already erroring is true,
    if (abortRequest.wasAlreadyErroring) {
      // 11.1. Reject abortRequest's promise with storedError.
      abortRequest.promise.reject(storedError);
      // 11.2. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream). 11.3. Return.
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
      return;
    }
    // 12. Let promise be ! stream.[[controller]].[[AbortSteps]](abortRequest's reason).
    const promise = writableStreamDefaultControllerAbortSteps(stream.controller, abortRequest.reason);
    uponPromise(promise, () => {
      // 13. Upon fulfillment of promise,
      // 13.1. Resolve abortRequest's promise with undefined.
      abortRequest.promise.resolve(undefined);
      // 13.2. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    }, (reason) => {
      // 14. Upon rejection of promise with reason reason,
      // 14.1. Reject abortRequest's promise with reason.
      abortRequest.promise.reject(reason);
      // 14.2. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    });
  }

  // https://streams.spec.whatwg.org/#writable-stream-finish-in-flight-close
  function writableStreamFinishInFlightClose(stream) {
    // 1. Assert: stream.[[inFlightCloseRequest]] is not undefined.
    // 2. Resolve stream.[[inFlightCloseRequest]] with undefined.
    stream.inFlightCloseRequest.resolve(undefined);
    // 3. Set stream.[[inFlightCloseRequest]] to undefined.
    stream.inFlightCloseRequest = undefined;
    // 4. Let state be stream.[[state]].
    const state = stream.state;
    // 5. Assert: stream.[[state]] is "writable" or "erroring".
    // 6. If state is "erroring",
    if (state === "erroring") {
      // 6.1. Set stream.[[storedError]] to undefined.
      stream.storedError = undefined;
      // 6.2. If stream.[[pendingAbortRequest]] is not undefined,
      if (stream.pendingAbortRequest !== undefined) {
        // 6.2.1. Resolve stream.[[pendingAbortRequest]]'s promise with undefined.
        stream.pendingAbortRequest.promise.resolve(undefined);
        // 6.2.2. Set stream.[[pendingAbortRequest]] to undefined.
        stream.pendingAbortRequest = undefined;
      }
    }
    // 7. Set stream.[[state]] to "closed".
    stream.state = "closed";
    // 8. Let writer be stream.[[writer]].
    const writer = stream.writer;
    // 9. If writer is not undefined, resolve writer.[[closedPromise]] with undefined.
    if (writer !== undefined) writer.closedPromise.resolve(undefined);
    // 10. Assert: stream.[[pendingAbortRequest]] is undefined. 11. Assert: stream.[[storedError]] is undefined.
  }

  // https://streams.spec.whatwg.org/#writable-stream-finish-in-flight-close-with-error
  function writableStreamFinishInFlightCloseWithError(stream, error) {
    // 1. Assert: stream.[[inFlightCloseRequest]] is not undefined.
    // 2. Reject stream.[[inFlightCloseRequest]] with error.
    stream.inFlightCloseRequest.reject(error);
    // 3. Set stream.[[inFlightCloseRequest]] to undefined.
    stream.inFlightCloseRequest = undefined;
    // 4. Assert: stream.[[state]] is "writable" or "erroring".
    // 5. If stream.[[pendingAbortRequest]] is not undefined,
    if (stream.pendingAbortRequest !== undefined) {
      // 5.1. Reject stream.[[pendingAbortRequest]]'s promise with error.
      stream.pendingAbortRequest.promise.reject(error);
      // 5.2. Set stream.[[pendingAbortRequest]] to undefined.
      stream.pendingAbortRequest = undefined;
    }
    // 6. Perform ! WritableStreamDealWithRejection(stream, error).
    writableStreamDealWithRejection(stream, error);
  }

  // https://streams.spec.whatwg.org/#writable-stream-finish-in-flight-write
  function writableStreamFinishInFlightWrite(stream) {
    // 1. Assert: stream.[[inFlightWriteRequest]] is not undefined.
    // 2. Resolve stream.[[inFlightWriteRequest]] with undefined.
    stream.inFlightWriteRequest.resolve(undefined);
    // 3. Set stream.[[inFlightWriteRequest]] to undefined.
    stream.inFlightWriteRequest = undefined;
  }

  // https://streams.spec.whatwg.org/#writable-stream-finish-in-flight-write-with-error
  function writableStreamFinishInFlightWriteWithError(stream, error) {
    // 1. Assert: stream.[[inFlightWriteRequest]] is not undefined.
    // 2. Reject stream.[[inFlightWriteRequest]] with error.
    stream.inFlightWriteRequest.reject(error);
    // 3. Set stream.[[inFlightWriteRequest]] to undefined.
    stream.inFlightWriteRequest = undefined;
    // 4. Assert: stream.[[state]] is "writable" or "erroring".
    // 5. Perform ! WritableStreamDealWithRejection(stream, error).
    writableStreamDealWithRejection(stream, error);
  }

  // https://streams.spec.whatwg.org/#writable-stream-has-operation-marked-in-flight
  function writableStreamHasOperationMarkedInFlight(stream) {
    // 1. If stream.[[inFlightWriteRequest]] is undefined and stream.[[inFlightCloseRequest]] is undefined,
    //    return false. 2. Return true.
    return stream.inFlightWriteRequest !== undefined || stream.inFlightCloseRequest !== undefined;
  }

  // https://streams.spec.whatwg.org/#writable-stream-mark-close-request-in-flight
  function writableStreamMarkCloseRequestInFlight(stream) {
    // 1. Assert: stream.[[inFlightCloseRequest]] is undefined. 2. Assert: stream.[[closeRequest]] is not undefined.
    // 3. Set stream.[[inFlightCloseRequest]] to stream.[[closeRequest]].
    stream.inFlightCloseRequest = stream.closeRequest;
    // 4. Set stream.[[closeRequest]] to undefined.
    stream.closeRequest = undefined;
  }

  // https://streams.spec.whatwg.org/#writable-stream-mark-first-write-request-in-flight
  function writableStreamMarkFirstWriteRequestInFlight(stream) {
    // 1. Assert: stream.[[inFlightWriteRequest]] is undefined. 2. Assert: stream.[[writeRequests]] is not empty.
    // 3. Let writeRequest be stream.[[writeRequests]][0].
    // 4. Remove writeRequest from stream.[[writeRequests]].
    // 5. Set stream.[[inFlightWriteRequest]] to writeRequest.
    stream.inFlightWriteRequest = stream.writeRequests.shift();
  }

  // https://streams.spec.whatwg.org/#writable-stream-reject-close-and-closed-promise-if-needed
  function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
    // 1. Assert: stream.[[state]] is "errored".
    // 2. If stream.[[closeRequest]] is not undefined,
    if (stream.closeRequest !== undefined) {
      // 2.1. Assert: stream.[[inFlightCloseRequest]] is undefined.
      // 2.2. Reject stream.[[closeRequest]] with stream.[[storedError]].
      stream.closeRequest.reject(stream.storedError);
      // 2.3. Set stream.[[closeRequest]] to undefined.
      stream.closeRequest = undefined;
    }
    // 3. Let writer be stream.[[writer]].
    const writer = stream.writer;
    // 4. If writer is not undefined,
    if (writer !== undefined) {
      // 4.1. Reject writer.[[closedPromise]] with stream.[[storedError]].
      writer.closedPromise.reject(stream.storedError);
      // 4.2. Set writer.[[closedPromise]].[[PromiseIsHandled]] to true.
      markHandled(writer.closedPromise.promise);
    }
  }

  // https://streams.spec.whatwg.org/#writable-stream-start-erroring
  function writableStreamStartErroring(stream, reason) {
    // 1. Assert: stream.[[storedError]] is undefined. 2. Assert: stream.[[state]] is "writable".
    // 3. Let controller be stream.[[controller]].
    const controller = stream.controller;
    // 4. Assert: controller is not undefined.
    // 5. Set stream.[[state]] to "erroring".
    stream.state = "erroring";
    // 6. Set stream.[[storedError]] to reason.
    stream.storedError = reason;
    // 7. Let writer be stream.[[writer]].
    const writer = stream.writer;
    // 8. If writer is not undefined, perform ! WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason).
    if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
    // 9. If ! WritableStreamHasOperationMarkedInFlight(stream) is false and controller.[[started]] is true,
    //    perform ! WritableStreamFinishErroring(stream).
    if (!writableStreamHasOperationMarkedInFlight(stream) && controller.started) writableStreamFinishErroring(stream);
  }

  // https://streams.spec.whatwg.org/#writable-stream-update-backpressure
  function writableStreamUpdateBackpressure(stream, backpressure) {
    // 1. Assert: stream.[[state]] is "writable".
    // 2. Assert: ! WritableStreamCloseQueuedOrInFlight(stream) is false.
    // 3. Let writer be stream.[[writer]].
    const writer = stream.writer;
    // 4. If writer is not undefined and backpressure is not stream.[[backpressure]],
    if (writer !== undefined && backpressure !== stream.backpressure) {
      if (backpressure) {
        // 4.1. If backpressure is true, set writer.[[readyPromise]] to a new promise.
        writer.readyPromise = newPromise();
      } else {
        // 4.2. Otherwise: Assert: backpressure is false. Resolve writer.[[readyPromise]] with undefined.
        writer.readyPromise.resolve(undefined);
      }
    }
    // 5. Set stream.[[backpressure]] to backpressure.
    stream.backpressure = backpressure;
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-writer-close-with-error-propagation
  function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
    // 1. Let stream be writer.[[stream]].
    const stream = writer.stream;
    // 2. Assert: stream is not undefined.
    // 3. Let state be stream.[[state]].
    const state = stream.state;
    // 4. If ! WritableStreamCloseQueuedOrInFlight(stream) is true or state is "closed", return a promise
    //    resolved with undefined.
    if (writableStreamCloseQueuedOrInFlight(stream) || state === "closed") return resolvedWith(undefined);
    // 5. If state is "errored", return a promise rejected with stream.[[storedError]].
    if (state === "errored") return rejectedWith(stream.storedError);
    // 6. Assert: state is "writable" or "erroring".
    // 7. Return ! WritableStreamDefaultWriterClose(writer).
    return writableStreamClose(stream);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-writer-ensure-closed-promise-rejected
  function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
    // 1. If writer.[[closedPromise]].[[PromiseState]] is "pending", reject writer.[[closedPromise]] with error.
    if (writer.closedPromise.pending) writer.closedPromise.reject(error);
    // 2. Otherwise, set writer.[[closedPromise]] to a promise rejected with error.
    else writer.closedPromise = rejectedCapability(error);
    // 3. Set writer.[[closedPromise]].[[PromiseIsHandled]] to true.
    markHandled(writer.closedPromise.promise);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-writer-ensure-ready-promise-rejected
  function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
    // 1. If writer.[[readyPromise]].[[PromiseState]] is "pending", reject writer.[[readyPromise]] with error.
    if (writer.readyPromise.pending) writer.readyPromise.reject(error);
    // 2. Otherwise, set writer.[[readyPromise]] to a promise rejected with error.
    else writer.readyPromise = rejectedCapability(error);
    // 3. Set writer.[[readyPromise]].[[PromiseIsHandled]] to true.
    markHandled(writer.readyPromise.promise);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-writer-get-desired-size
  function writableStreamDefaultWriterGetDesiredSize(writer) {
    // 1. Let stream be writer.[[stream]].
    const stream = writer.stream;
    // 2. Let state be stream.[[state]].
    const state = stream.state;
    // 3. If state is "errored" or "erroring", return null.
    if (state === "errored" || state === "erroring") return null;
    // 4. If state is "closed", return 0.
    if (state === "closed") return 0;
    // 5. Return ! WritableStreamDefaultControllerGetDesiredSize(stream.[[controller]]).
    return writableStreamDefaultControllerGetDesiredSize(stream.controller);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-writer-release
  function writableStreamDefaultWriterRelease(writer) {
    // 1. Let stream be writer.[[stream]].
    const stream = writer.stream;
    // 2. Assert: stream is not undefined. 3. Assert: stream.[[writer]] is writer.
    // 4. Let releasedError be a new TypeError.
    const releasedError = new TypeErrorCtor("The writer's lock on the stream was released.");
    // 5. Perform ! WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError).
    writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
    // 6. Perform ! WritableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError).
    writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
    // 7. Set stream.[[writer]] to undefined.
    stream.writer = undefined;
    // 8. Set writer.[[stream]] to undefined.
    writer.stream = undefined;
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-writer-write
  function writableStreamDefaultWriterWrite(writer, chunk) {
    // 1. Let stream be writer.[[stream]].
    const stream = writer.stream;
    // 2. Assert: stream is not undefined.
    // 3. Let controller be stream.[[controller]].
    const controller = stream.controller;
    // 4. Let chunkSize be ! WritableStreamDefaultControllerGetChunkSize(controller, chunk).
    const chunkSize = writableStreamDefaultControllerGetChunkSize(controller, chunk);
    // 5. If stream is not equal to writer.[[stream]], return a promise rejected with a TypeError exception.
    if (stream !== writer.stream) {
      return rejectedWith(new TypeErrorCtor("The writer's lock on the stream was released while computing the chunk size."));
    }
    // 6. Let state be stream.[[state]].
    const state = stream.state;
    // 7. If state is "errored", return a promise rejected with stream.[[storedError]].
    if (state === "errored") return rejectedWith(stream.storedError);
    // 8. If ! WritableStreamCloseQueuedOrInFlight(stream) is true or state is "closed", return a promise
    //    rejected with a TypeError exception indicating that the stream is closing or closed.
    if (writableStreamCloseQueuedOrInFlight(stream) || state === "closed") {
      return rejectedWith(new TypeErrorCtor("Cannot write to a stream that is closing or closed."));
    }
    // 9. If state is "erroring", return a promise rejected with stream.[[storedError]].
    if (state === "erroring") return rejectedWith(stream.storedError);
    // 10. Assert: state is "writable".
    // 11. Let promise be ! WritableStreamAddWriteRequest(stream).
    const promise = writableStreamAddWriteRequest(stream);
    // 12. Perform ! WritableStreamDefaultControllerWrite(controller, chunk, chunkSize).
    writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
    // 13. Return promise.
    return promise;
  }

  // ------------------------------------------------------------------ writable controller abstract operations

  /** https://streams.spec.whatwg.org/#ws-default-controller-internal-slots */
  function newWritableStreamDefaultControllerRecord() {
    const controller = {
      __proto__: null,
      object: undefined,
      abortAlgorithm: undefined,
      abortController: undefined,
      closeAlgorithm: undefined,
      queue: new SizedQueue(),
      queueTotalSize: 0,
      started: false,
      strategyHWM: 0,
      strategySizeAlgorithm: undefined,
      stream: undefined,
      writeAlgorithm: undefined,
    };
    return createWritableControllerObject(controller);
  }

  // The close sentinel: https://streams.spec.whatwg.org/#close-sentinel
  const closeSentinel = Symbol("close sentinel");

  // [[AbortSteps]](reason): https://streams.spec.whatwg.org/#ws-default-controller-private-abort
  function writableStreamDefaultControllerAbortSteps(controller, reason) {
    // 1. Let result be the result of performing this.[[abortAlgorithm]], passing reason.
    const result = controller.abortAlgorithm(reason);
    // 2. Perform ! WritableStreamDefaultControllerClearAlgorithms(this).
    writableStreamDefaultControllerClearAlgorithms(controller);
    // 3. Return result.
    return result;
  }

  // https://streams.spec.whatwg.org/#set-up-writable-stream-default-controller
  function setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
    closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
    // 1. Assert: stream implements WritableStream. 2. Assert: stream.[[controller]] is undefined.
    // 3. Set controller.[[stream]] to stream.
    controller.stream = stream;
    // 4. Set stream.[[controller]] to controller.
    stream.controller = controller;
    // 5. Perform ! ResetQueue(controller).
    resetQueue(controller);
    // 6. Set controller.[[abortController]] to a new AbortController.
    controller.abortController = { __proto__: null, signal: internals.abort.createAbortSignal() };
    // 7. Set controller.[[started]] to false.
    controller.started = false;
    // 8. Set controller.[[strategySizeAlgorithm]] to sizeAlgorithm.
    controller.strategySizeAlgorithm = sizeAlgorithm;
    // 9. Set controller.[[strategyHWM]] to highWaterMark.
    controller.strategyHWM = highWaterMark;
    // 10. Set controller.[[writeAlgorithm]] to writeAlgorithm.
    controller.writeAlgorithm = writeAlgorithm;
    // 11. Set controller.[[closeAlgorithm]] to closeAlgorithm.
    controller.closeAlgorithm = closeAlgorithm;
    // 12. Set controller.[[abortAlgorithm]] to abortAlgorithm.
    controller.abortAlgorithm = abortAlgorithm;
    // 13. Let backpressure be ! WritableStreamDefaultControllerGetBackpressure(controller).
    const backpressure = writableStreamDefaultControllerGetBackpressure(controller);
    // 14. Perform ! WritableStreamUpdateBackpressure(stream, backpressure).
    writableStreamUpdateBackpressure(stream, backpressure);
    // 15. Let startResult be the result of performing startAlgorithm. (This may throw an exception.)
    const startResult = startAlgorithm();
    // 16. Let startPromise be a promise resolved with startResult.
    const startPromise = resolvedWith(startResult);
    uponPromise(startPromise, () => {
      // 17. Upon fulfillment of startPromise,
      // 17.1. Assert: stream.[[state]] is "writable" or "erroring".
      // 17.2. Set controller.[[started]] to true.
      controller.started = true;
      // 17.3. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
      writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    }, (r) => {
      // 18. Upon rejection of startPromise with reason r,
      // 18.1. Assert: stream.[[state]] is "writable" or "erroring".
      // 18.2. Set controller.[[started]] to true.
      controller.started = true;
      // 18.3. Perform ! WritableStreamDealWithRejection(stream, r).
      writableStreamDealWithRejection(stream, r);
    });
  }

  // https://streams.spec.whatwg.org/#set-up-writable-stream-default-controller-from-underlying-sink
  function setUpWritableStreamDefaultControllerFromUnderlyingSink(stream, underlyingSink, underlyingSinkDict,
    highWaterMark, sizeAlgorithm) {
    // 1. Let controller be a new WritableStreamDefaultController.
    const controller = newWritableStreamDefaultControllerRecord();
    // 2. Let startAlgorithm be an algorithm that returns undefined.
    let startAlgorithm = () => undefined;
    // 3. Let writeAlgorithm be an algorithm that returns a promise resolved with undefined.
    let writeAlgorithm = () => resolvedWith(undefined);
    // 4. Let closeAlgorithm be an algorithm that returns a promise resolved with undefined.
    let closeAlgorithm = () => resolvedWith(undefined);
    // 5. Let abortAlgorithm be an algorithm that returns a promise resolved with undefined.
    let abortAlgorithm = () => resolvedWith(undefined);
    const { start, write, close, abort } = underlyingSinkDict;
    // 6. If underlyingSinkDict["start"] exists, then set startAlgorithm to an algorithm which returns the
    //    result of invoking underlyingSinkDict["start"] with argument list « controller » and callback
    //    this value underlyingSink.
    if (start !== undefined) startAlgorithm = () => ReflectApply(start, underlyingSink, [controller.object]);
    // 7. If underlyingSinkDict["write"] exists, then set writeAlgorithm to an algorithm which takes an
    //    argument chunk and returns the result of invoking underlyingSinkDict["write"] with argument list
    //    « chunk, controller » and callback this value underlyingSink.
    if (write !== undefined) {
      writeAlgorithm = (chunk) => promiseCall(write, underlyingSink, [chunk, controller.object]);
    }
    // 8. If underlyingSinkDict["close"] exists, then set closeAlgorithm to an algorithm which returns the
    //    result of invoking underlyingSinkDict["close"] with argument list «» and callback this value underlyingSink.
    if (close !== undefined) closeAlgorithm = () => promiseCall(close, underlyingSink, []);
    // 9. If underlyingSinkDict["abort"] exists, then set abortAlgorithm to an algorithm which takes an
    //    argument reason and returns the result of invoking underlyingSinkDict["abort"] with argument list
    //    « reason » and callback this value underlyingSink.
    if (abort !== undefined) abortAlgorithm = (reason) => promiseCall(abort, underlyingSink, [reason]);
    // 10. Perform ? SetUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
    //     closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm).
    setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
      abortAlgorithm, highWaterMark, sizeAlgorithm);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-advance-queue-if-needed
  function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. If controller.[[started]] is false, return.
    if (!controller.started) return;
    // 3. If stream.[[inFlightWriteRequest]] is not undefined, return.
    if (stream.inFlightWriteRequest !== undefined) return;
    // 4. Let state be stream.[[state]].
    const state = stream.state;
    // 5. Assert: state is not "closed" or "errored".
    // 6. If state is "erroring",
    if (state === "erroring") {
      // 6.1. Perform ! WritableStreamFinishErroring(stream). 6.2. Return.
      writableStreamFinishErroring(stream);
      return;
    }
    // 7. If controller.[[queue]] is empty, return.
    if (controller.queue.length === 0) return;
    // 8. Let value be ! PeekQueueValue(controller).
    const value = peekQueueValue(controller);
    // 9. If value is the close sentinel, perform ! WritableStreamDefaultControllerProcessClose(controller).
    if (value === closeSentinel) writableStreamDefaultControllerProcessClose(controller);
    // 10. Otherwise, perform ! WritableStreamDefaultControllerProcessWrite(controller, value).
    else writableStreamDefaultControllerProcessWrite(controller, value);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-clear-algorithms
  function writableStreamDefaultControllerClearAlgorithms(controller) {
    // 1. Set controller.[[writeAlgorithm]] to undefined.
    controller.writeAlgorithm = undefined;
    // 2. Set controller.[[closeAlgorithm]] to undefined.
    controller.closeAlgorithm = undefined;
    // 3. Set controller.[[abortAlgorithm]] to undefined.
    controller.abortAlgorithm = undefined;
    // 4. Set controller.[[strategySizeAlgorithm]] to undefined.
    controller.strategySizeAlgorithm = undefined;
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-close
  function writableStreamDefaultControllerClose(controller) {
    // 1. Perform ! EnqueueValueWithSize(controller, close sentinel, 0).
    enqueueValueWithSize(controller, closeSentinel, 0);
    // 2. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-error
  function writableStreamDefaultControllerError(controller, error) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. Assert: stream.[[state]] is "writable".
    // 3. Perform ! WritableStreamDefaultControllerClearAlgorithms(controller).
    writableStreamDefaultControllerClearAlgorithms(controller);
    // 4. Perform ! WritableStreamStartErroring(stream, error).
    writableStreamStartErroring(stream, error);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-error-if-needed
  function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
    // 1. If controller.[[stream]].[[state]] is "writable", perform ! WritableStreamDefaultControllerError(controller, error).
    if (controller.stream.state === "writable") writableStreamDefaultControllerError(controller, error);
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-get-backpressure
  function writableStreamDefaultControllerGetBackpressure(controller) {
    // 1. Let desiredSize be ! WritableStreamDefaultControllerGetDesiredSize(controller).
    // 2. Return true if desiredSize ≤ 0, or false otherwise.
    return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-get-chunk-size
  function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
    // 1. If controller.[[strategySizeAlgorithm]] is undefined, then:
    if (controller.strategySizeAlgorithm === undefined) {
      // 1.1. Assert: controller.[[stream]].[[state]] is not "writable". 1.2. Return 1.
      return 1;
    }
    // 2. Let returnValue be the result of performing controller.[[strategySizeAlgorithm]], passing in
    //    chunk, and interpreting the result as a completion record.
    try {
      return controller.strategySizeAlgorithm(chunk);
    } catch (e) {
      // 3. If returnValue is an abrupt completion,
      // 3.1. Perform ! WritableStreamDefaultControllerErrorIfNeeded(controller, returnValue.[[Value]]).
      writableStreamDefaultControllerErrorIfNeeded(controller, e);
      // 3.2. Return 1.
      return 1;
    }
    // 4. Return returnValue.[[Value]].
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-get-desired-size
  function writableStreamDefaultControllerGetDesiredSize(controller) {
    // 1. Return controller.[[strategyHWM]] − controller.[[queueTotalSize]].
    return controller.strategyHWM - controller.queueTotalSize;
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-process-close
  function writableStreamDefaultControllerProcessClose(controller) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. Perform ! WritableStreamMarkCloseRequestInFlight(stream).
    writableStreamMarkCloseRequestInFlight(stream);
    // 3. Perform ! DequeueValue(controller).
    dequeueValue(controller);
    // 4. Assert: controller.[[queue]] is empty.
    // 5. Let sinkClosePromise be the result of performing controller.[[closeAlgorithm]].
    const sinkClosePromise = controller.closeAlgorithm();
    // 6. Perform ! WritableStreamDefaultControllerClearAlgorithms(controller).
    writableStreamDefaultControllerClearAlgorithms(controller);
    // 7. Upon fulfillment of sinkClosePromise: Perform ! WritableStreamFinishInFlightClose(stream).
    // 8. Upon rejection of sinkClosePromise with reason reason: Perform !
    //    WritableStreamFinishInFlightCloseWithError(stream, reason).
    uponPromise(sinkClosePromise, () => writableStreamFinishInFlightClose(stream),
      (reason) => writableStreamFinishInFlightCloseWithError(stream, reason));
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-process-write
  function writableStreamDefaultControllerProcessWrite(controller, chunk) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. Perform ! WritableStreamMarkFirstWriteRequestInFlight(stream).
    writableStreamMarkFirstWriteRequestInFlight(stream);
    // 3. Let sinkWritePromise be the result of performing controller.[[writeAlgorithm]], passing in chunk.
    const sinkWritePromise = controller.writeAlgorithm(chunk);
    uponPromise(sinkWritePromise, () => {
      // 4. Upon fulfillment of sinkWritePromise,
      // 4.1. Perform ! WritableStreamFinishInFlightWrite(stream).
      writableStreamFinishInFlightWrite(stream);
      // 4.2. Let state be stream.[[state]].
      const state = stream.state;
      // 4.3. Assert: state is "writable" or "erroring".
      // 4.4. Perform ! DequeueValue(controller).
      dequeueValue(controller);
      // 4.5. If ! WritableStreamCloseQueuedOrInFlight(stream) is false and state is "writable",
      if (!writableStreamCloseQueuedOrInFlight(stream) && state === "writable") {
        // 4.5.1. Let backpressure be ! WritableStreamDefaultControllerGetBackpressure(controller).
        const backpressure = writableStreamDefaultControllerGetBackpressure(controller);
        // 4.5.2. Perform ! WritableStreamUpdateBackpressure(stream, backpressure).
        writableStreamUpdateBackpressure(stream, backpressure);
      }
      // 4.6. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
      writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    }, (reason) => {
      // 5. Upon rejection of sinkWritePromise with reason,
      // 5.1. If stream.[[state]] is "writable", perform ! WritableStreamDefaultControllerClearAlgorithms(controller).
      if (stream.state === "writable") writableStreamDefaultControllerClearAlgorithms(controller);
      // 5.2. Perform ! WritableStreamFinishInFlightWriteWithError(stream, reason).
      writableStreamFinishInFlightWriteWithError(stream, reason);
    });
  }

  // https://streams.spec.whatwg.org/#writable-stream-default-controller-write
  function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
    // 1. Let enqueueResult be EnqueueValueWithSize(controller, chunk, chunkSize).
    try {
      enqueueValueWithSize(controller, chunk, chunkSize);
    } catch (e) {
      // 2. If enqueueResult is an abrupt completion,
      // 2.1. Perform ! WritableStreamDefaultControllerErrorIfNeeded(controller, enqueueResult.[[Value]]). 2.2. Return.
      writableStreamDefaultControllerErrorIfNeeded(controller, e);
      return;
    }
    // 3. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 4. If ! WritableStreamCloseQueuedOrInFlight(stream) is false and stream.[[state]] is "writable",
    if (!writableStreamCloseQueuedOrInFlight(stream) && stream.state === "writable") {
      // 4.1. Let backpressure be ! WritableStreamDefaultControllerGetBackpressure(controller).
      const backpressure = writableStreamDefaultControllerGetBackpressure(controller);
      // 4.2. Perform ! WritableStreamUpdateBackpressure(stream, backpressure).
      writableStreamUpdateBackpressure(stream, backpressure);
    }
    // 5. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }

  // ================================================================== transform streams

  /** https://streams.spec.whatwg.org/#ts-internal-slots */
  function newTransformStreamRecord(object) {
    return {
      __proto__: null,
      object,
      backpressure: undefined,
      backpressureChangePromise: undefined,
      controller: undefined,
      readable: undefined,
      writable: undefined,
    };
  }

  let transformStreamRecordOf;
  const isTransformStreamObject = (V) => transformStreamRecordOf(V) !== undefined;

  class TransformStream {
    #stream;

    // https://streams.spec.whatwg.org/#ts-constructor
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      // (A TransformStream the platform makes around a record it built, e.g. when one is transferred.)
      if (transformer === kInternal) {
        this.#stream = writableStrategy;
        writableStrategy.object = this;
        return;
      }
      const prefix = "Failed to construct 'TransformStream'";
      // 1. If transformer is missing, set it to null.
      transformer = objectOrNull(transformer, prefix);
      writableStrategy = converters.QueuingStrategy(writableStrategy, prefix, "Argument 2");
      readableStrategy = converters.QueuingStrategy(readableStrategy, prefix, "Argument 3");
      // 2. Let transformerDict be transformer, converted to an IDL value of type Transformer.
      const transformerDict = converters.Transformer(transformer, prefix, "Argument 1");
      // 3. If transformerDict["readableType"] exists, throw a RangeError exception.
      if (transformerDict.readableType !== undefined) throw new RangeErrorCtor(`${prefix}: Invalid readableType specified.`);
      // 4. If transformerDict["writableType"] exists, throw a RangeError exception.
      if (transformerDict.writableType !== undefined) throw new RangeErrorCtor(`${prefix}: Invalid writableType specified.`);
      // 5. Let readableHighWaterMark be ? ExtractHighWaterMark(readableStrategy, 0).
      const readableHighWaterMark = extractHighWaterMark(readableStrategy, 0);
      // 6. Let readableSizeAlgorithm be ! ExtractSizeAlgorithm(readableStrategy).
      const readableSizeAlgorithm = extractSizeAlgorithm(readableStrategy);
      // 7. Let writableHighWaterMark be ? ExtractHighWaterMark(writableStrategy, 1).
      const writableHighWaterMark = extractHighWaterMark(writableStrategy, 1);
      // 8. Let writableSizeAlgorithm be ! ExtractSizeAlgorithm(writableStrategy).
      const writableSizeAlgorithm = extractSizeAlgorithm(writableStrategy);
      // 9. Let startPromise be a new promise.
      const startPromise = newPromise();
      const stream = newTransformStreamRecord(this);
      this.#stream = stream;
      // 10. Perform ! InitializeTransformStream(this, startPromise, writableHighWaterMark,
      //     writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm).
      initializeTransformStream(stream, startPromise.promise, writableHighWaterMark, writableSizeAlgorithm,
        readableHighWaterMark, readableSizeAlgorithm);
      // 11. Perform ? SetUpTransformStreamDefaultControllerFromTransformer(this, transformer, transformerDict).
      setUpTransformStreamDefaultControllerFromTransformer(stream, transformer, transformerDict);
      // 12. If transformerDict["start"] exists, then resolve startPromise with the result of invoking
      //     transformerDict["start"] with argument list « this.[[controller]] » and callback this value transformer.
      if (transformerDict.start !== undefined) {
        startPromise.resolve(ReflectApply(transformerDict.start, transformer, [stream.controller.object]));
      } else {
        // 13. Otherwise, resolve startPromise with undefined.
        startPromise.resolve(undefined);
      }
    }

    static {
      transformStreamRecordOf = (V) => (isObject(V) && #stream in V ? V.#stream : undefined);
    }

    // https://streams.spec.whatwg.org/#ts-readable
    get readable() {
      // 1. Return this.[[readable]].
      return branded(transformStreamRecordOf(this)).readable.object;
    }

    // https://streams.spec.whatwg.org/#ts-writable
    get writable() {
      // 1. Return this.[[writable]].
      return branded(transformStreamRecordOf(this)).writable.object;
    }
  }

  let transformControllerRecordOf;

  class TransformStreamDefaultController {
    #controller;

    constructor(key = undefined, record = undefined) {
      this.#controller = recordOfNewObject(key, record, this);
    }

    static {
      transformControllerRecordOf = (V) => (isObject(V) && #controller in V ? V.#controller : undefined);
      createTransformControllerObject = (record) => new TransformStreamDefaultController(kInternal, record).#controller;
    }

    // https://streams.spec.whatwg.org/#ts-default-controller-desired-size
    get desiredSize() {
      const controller = branded(transformControllerRecordOf(this));
      // 1. Let readableController be this.[[stream]].[[readable]].[[controller]].
      // 2. Return ! ReadableStreamDefaultControllerGetDesiredSize(readableController).
      return readableStreamDefaultControllerGetDesiredSize(controller.stream.readable.controller);
    }

    // https://streams.spec.whatwg.org/#ts-default-controller-enqueue
    enqueue(chunk = undefined) {
      const controller = branded(transformControllerRecordOf(this));
      // 1. Perform ? TransformStreamDefaultControllerEnqueue(this, chunk).
      transformStreamDefaultControllerEnqueue(controller, chunk);
    }

    // https://streams.spec.whatwg.org/#ts-default-controller-error
    error(reason = undefined) {
      const controller = branded(transformControllerRecordOf(this));
      // 1. Perform ? TransformStreamDefaultControllerError(this, e).
      transformStreamError(controller.stream, reason);
    }

    // https://streams.spec.whatwg.org/#ts-default-controller-terminate
    terminate() {
      const controller = branded(transformControllerRecordOf(this));
      // 1. Perform ? TransformStreamDefaultControllerTerminate(this).
      transformStreamDefaultControllerTerminate(controller);
    }
  }

  // https://streams.spec.whatwg.org/#initialize-transform-stream
  function initializeTransformStream(stream, startPromise, writableHighWaterMark, writableSizeAlgorithm,
    readableHighWaterMark, readableSizeAlgorithm) {
    // 1. Let startAlgorithm be an algorithm that returns startPromise.
    const startAlgorithm = () => startPromise;
    // 2. Let writeAlgorithm be: return ! TransformStreamDefaultSinkWriteAlgorithm(stream, chunk).
    const writeAlgorithm = (chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk);
    // 3. Let abortAlgorithm be: return ! TransformStreamDefaultSinkAbortAlgorithm(stream, reason).
    const abortAlgorithm = (reason) => transformStreamDefaultSinkAbortAlgorithm(stream, reason);
    // 4. Let closeAlgorithm be: return ! TransformStreamDefaultSinkCloseAlgorithm(stream).
    const closeAlgorithm = () => transformStreamDefaultSinkCloseAlgorithm(stream);
    // 5. Set stream.[[writable]] to ! CreateWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm,
    //    abortAlgorithm, writableHighWaterMark, writableSizeAlgorithm).
    stream.writable = createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
      writableHighWaterMark, writableSizeAlgorithm);
    // 6. Let pullAlgorithm be: return ! TransformStreamDefaultSourcePullAlgorithm(stream).
    const pullAlgorithm = () => transformStreamDefaultSourcePullAlgorithm(stream);
    // 7. Let cancelAlgorithm be: return ! TransformStreamDefaultSourceCancelAlgorithm(stream, reason).
    const cancelAlgorithm = (reason) => transformStreamDefaultSourceCancelAlgorithm(stream, reason);
    // 8. Set stream.[[readable]] to ! CreateReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
    //    readableHighWaterMark, readableSizeAlgorithm).
    stream.readable = createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, readableHighWaterMark,
      readableSizeAlgorithm);
    // 9. Set stream.[[backpressure]] and stream.[[backpressureChangePromise]] to undefined.
    stream.backpressure = undefined;
    stream.backpressureChangePromise = undefined;
    // 10. Perform ! TransformStreamSetBackpressure(stream, true).
    transformStreamSetBackpressure(stream, true);
    // 11. Set stream.[[controller]] to undefined.
    stream.controller = undefined;
  }

  // https://streams.spec.whatwg.org/#transform-stream-error
  function transformStreamError(stream, e) {
    // 1. Perform ! ReadableStreamDefaultControllerError(stream.[[readable]].[[controller]], e).
    readableStreamDefaultControllerError(stream.readable.controller, e);
    // 2. Perform ! TransformStreamErrorWritableAndUnblockWrite(stream, e).
    transformStreamErrorWritableAndUnblockWrite(stream, e);
  }

  // https://streams.spec.whatwg.org/#transform-stream-error-writable-and-unblock-write
  function transformStreamErrorWritableAndUnblockWrite(stream, e) {
    // 1. Perform ! TransformStreamDefaultControllerClearAlgorithms(stream.[[controller]]).
    transformStreamDefaultControllerClearAlgorithms(stream.controller);
    // 2. Perform ! WritableStreamDefaultControllerErrorIfNeeded(stream.[[writable]].[[controller]], e).
    writableStreamDefaultControllerErrorIfNeeded(stream.writable.controller, e);
    // 3. Perform ! TransformStreamUnblockWrite(stream).
    transformStreamUnblockWrite(stream);
  }

  // https://streams.spec.whatwg.org/#transform-stream-set-backpressure
  function transformStreamSetBackpressure(stream, backpressure) {
    // 1. Assert: stream.[[backpressure]] is not backpressure.
    // 2. If stream.[[backpressureChangePromise]] is not undefined, resolve it with undefined.
    if (stream.backpressureChangePromise !== undefined) stream.backpressureChangePromise.resolve(undefined);
    // 3. Set stream.[[backpressureChangePromise]] to a new promise.
    stream.backpressureChangePromise = newPromise();
    // 4. Set stream.[[backpressure]] to backpressure.
    stream.backpressure = backpressure;
  }

  // https://streams.spec.whatwg.org/#transform-stream-unblock-write
  function transformStreamUnblockWrite(stream) {
    // 1. If stream.[[backpressure]] is true, perform ! TransformStreamSetBackpressure(stream, false).
    if (stream.backpressure === true) transformStreamSetBackpressure(stream, false);
  }

  // https://streams.spec.whatwg.org/#set-up-transform-stream-default-controller
  function setUpTransformStreamDefaultController(stream, controller, transformAlgorithm, flushAlgorithm,
    cancelAlgorithm) {
    // 1-2. Assertions.
    // 3. Set controller.[[stream]] to stream.
    controller.stream = stream;
    // 4. Set stream.[[controller]] to controller.
    stream.controller = controller;
    // 5. Set controller.[[transformAlgorithm]] to transformAlgorithm.
    controller.transformAlgorithm = transformAlgorithm;
    // 6. Set controller.[[flushAlgorithm]] to flushAlgorithm.
    controller.flushAlgorithm = flushAlgorithm;
    // 7. Set controller.[[cancelAlgorithm]] to cancelAlgorithm.
    controller.cancelAlgorithm = cancelAlgorithm;
  }

  /** A new TransformStreamDefaultController: https://streams.spec.whatwg.org/#ts-default-controller-internal-slots */
  function newTransformStreamDefaultControllerRecord() {
    return createTransformControllerObject({
      __proto__: null,
      object: undefined,
      cancelAlgorithm: undefined,
      finishPromise: undefined,
      flushAlgorithm: undefined,
      stream: undefined,
      transformAlgorithm: undefined,
    });
  }

  // https://streams.spec.whatwg.org/#set-up-transform-stream-default-controller-from-transformer
  function setUpTransformStreamDefaultControllerFromTransformer(stream, transformer, transformerDict) {
    // 1. Let controller be a new TransformStreamDefaultController.
    const controller = newTransformStreamDefaultControllerRecord();
    // 2. Let transformAlgorithm be the following steps, taking a chunk argument:
    let transformAlgorithm = (chunk) => {
      try {
        // 2.1. Let result be TransformStreamDefaultControllerEnqueue(controller, chunk).
        transformStreamDefaultControllerEnqueue(controller, chunk);
      } catch (e) {
        // 2.2. If result is an abrupt completion, return a promise rejected with result.[[Value]].
        return rejectedWith(e);
      }
      // 2.3. Otherwise, return a promise resolved with undefined.
      return resolvedWith(undefined);
    };
    // 3. Let flushAlgorithm be an algorithm which returns a promise resolved with undefined.
    let flushAlgorithm = () => resolvedWith(undefined);
    // 4. Let cancelAlgorithm be an algorithm which returns a promise resolved with undefined.
    let cancelAlgorithm = () => resolvedWith(undefined);
    const { transform, flush, cancel } = transformerDict;
    // 5. If transformerDict["transform"] exists, set transformAlgorithm to an algorithm which takes an
    //    argument chunk and returns the result of invoking transformerDict["transform"] with argument
    //    list « chunk, controller » and callback this value transformer.
    if (transform !== undefined) {
      transformAlgorithm = (chunk) => promiseCall(transform, transformer, [chunk, controller.object]);
    }
    // 6. If transformerDict["flush"] exists, set flushAlgorithm to an algorithm which returns the result of
    //    invoking transformerDict["flush"] with argument list « controller » and callback this value transformer.
    if (flush !== undefined) flushAlgorithm = () => promiseCall(flush, transformer, [controller.object]);
    // 7. If transformerDict["cancel"] exists, set cancelAlgorithm to an algorithm which takes an argument
    //    reason and returns the result of invoking transformerDict["cancel"] with argument list « reason »
    //    and callback this value transformer.
    if (cancel !== undefined) cancelAlgorithm = (reason) => promiseCall(cancel, transformer, [reason]);
    // 8. Perform ! SetUpTransformStreamDefaultController(stream, controller, transformAlgorithm,
    //    flushAlgorithm, cancelAlgorithm).
    setUpTransformStreamDefaultController(stream, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm);
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-controller-clear-algorithms
  function transformStreamDefaultControllerClearAlgorithms(controller) {
    // 1. Set controller.[[transformAlgorithm]] to undefined.
    controller.transformAlgorithm = undefined;
    // 2. Set controller.[[flushAlgorithm]] to undefined.
    controller.flushAlgorithm = undefined;
    // 3. Set controller.[[cancelAlgorithm]] to undefined.
    controller.cancelAlgorithm = undefined;
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-controller-enqueue
  function transformStreamDefaultControllerEnqueue(controller, chunk) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. Let readableController be stream.[[readable]].[[controller]].
    const readableController = stream.readable.controller;
    // 3. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(readableController) is false, throw a TypeError exception.
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(readableController)) {
      throw new TypeErrorCtor("Failed to execute 'enqueue' on 'TransformStreamDefaultController': The readable side cannot accept chunks.");
    }
    // 4. Let enqueueResult be ReadableStreamDefaultControllerEnqueue(readableController, chunk).
    try {
      readableStreamDefaultControllerEnqueue(readableController, chunk);
    } catch (e) {
      // 5. If enqueueResult is an abrupt completion,
      // 5.1. Perform ! TransformStreamErrorWritableAndUnblockWrite(stream, enqueueResult.[[Value]]).
      transformStreamErrorWritableAndUnblockWrite(stream, e);
      // 5.2. Throw stream.[[readable]].[[storedError]].
      throw stream.readable.storedError;
    }
    // 6. Let backpressure be ! ReadableStreamDefaultControllerHasBackpressure(readableController).
    const backpressure = readableStreamDefaultControllerHasBackpressure(readableController);
    // 7. If backpressure is not stream.[[backpressure]],
    if (backpressure !== stream.backpressure) {
      // 7.1. Assert: backpressure is true.
      // 7.2. Perform ! TransformStreamSetBackpressure(stream, true).
      transformStreamSetBackpressure(stream, true);
    }
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-controller-perform-transform
  function transformStreamDefaultControllerPerformTransform(controller, chunk) {
    // 1. Let transformPromise be the result of performing controller.[[transformAlgorithm]], passing chunk.
    const transformed = controller.transformAlgorithm(chunk);
    // 2. Return the result of reacting to transformPromise with the following rejection steps given the argument r:
    return transformPromise(transformed, undefined, (r) => {
      // 2.1. Perform ! TransformStreamError(controller.[[stream]], r).
      transformStreamError(controller.stream, r);
      // 2.2. Throw r.
      throw r;
    });
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-controller-terminate
  function transformStreamDefaultControllerTerminate(controller) {
    // 1. Let stream be controller.[[stream]].
    const stream = controller.stream;
    // 2. Let readableController be stream.[[readable]].[[controller]].
    // 3. Perform ! ReadableStreamDefaultControllerClose(readableController).
    readableStreamDefaultControllerClose(stream.readable.controller);
    // 4. Let error be a TypeError exception indicating that the stream has been terminated.
    const error = new TypeErrorCtor("The transform stream has been terminated.");
    // 5. Perform ! TransformStreamErrorWritableAndUnblockWrite(stream, error).
    transformStreamErrorWritableAndUnblockWrite(stream, error);
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-sink-write-algorithm
  function transformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
    // 1. Assert: stream.[[writable]].[[state]] is "writable".
    // 2. Let controller be stream.[[controller]].
    const controller = stream.controller;
    // 3. If stream.[[backpressure]] is true,
    if (stream.backpressure) {
      // 3.1. Let backpressureChangePromise be stream.[[backpressureChangePromise]].
      const backpressureChangePromise = stream.backpressureChangePromise.promise;
      // 3.2. Assert: backpressureChangePromise is not undefined.
      // 3.3. Return the result of reacting to backpressureChangePromise with the following fulfillment steps:
      return transformPromise(backpressureChangePromise, () => {
        // 3.3.1. Let writable be stream.[[writable]].
        const writable = stream.writable;
        // 3.3.2. Let state be writable.[[state]].
        // 3.3.3. If state is "erroring", throw writable.[[storedError]].
        if (writable.state === "erroring") throw writable.storedError;
        // 3.3.4. Assert: state is "writable".
        // 3.3.5. Return ! TransformStreamDefaultControllerPerformTransform(controller, chunk).
        return transformStreamDefaultControllerPerformTransform(controller, chunk);
      });
    }
    // 4. Return ! TransformStreamDefaultControllerPerformTransform(controller, chunk).
    return transformStreamDefaultControllerPerformTransform(controller, chunk);
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-sink-abort-algorithm
  function transformStreamDefaultSinkAbortAlgorithm(stream, reason) {
    // 1. Let controller be stream.[[controller]].
    const controller = stream.controller;
    // 2. If controller.[[finishPromise]] is not undefined, return controller.[[finishPromise]].
    if (controller.finishPromise !== undefined) return controller.finishPromise.promise;
    // 3. Let readable be stream.[[readable]].
    const readable = stream.readable;
    // 4. Let controller.[[finishPromise]] be a new promise.
    const finishPromise = newPromise();
    controller.finishPromise = finishPromise;
    // 5. Let cancelPromise be the result of performing controller.[[cancelAlgorithm]], passing reason.
    const cancelPromise = controller.cancelAlgorithm(reason);
    // 6. Perform ! TransformStreamDefaultControllerClearAlgorithms(controller).
    transformStreamDefaultControllerClearAlgorithms(controller);
    // 7. React to cancelPromise:
    uponPromise(cancelPromise, () => {
      // 7.1. If cancelPromise was fulfilled, then:
      // 7.1.1. If readable.[[state]] is "errored", reject controller.[[finishPromise]] with readable.[[storedError]].
      if (readable.state === "errored") {
        finishPromise.reject(readable.storedError);
      } else {
        // 7.1.2. Otherwise: Perform ! ReadableStreamDefaultControllerError(readable.[[controller]], reason).
        readableStreamDefaultControllerError(readable.controller, reason);
        //        Resolve controller.[[finishPromise]] with undefined.
        finishPromise.resolve(undefined);
      }
    }, (r) => {
      // 7.2. If cancelPromise was rejected with reason r, then:
      // 7.2.1. Perform ! ReadableStreamDefaultControllerError(readable.[[controller]], r).
      readableStreamDefaultControllerError(readable.controller, r);
      // 7.2.2. Reject controller.[[finishPromise]] with r.
      finishPromise.reject(r);
    });
    // 8. Return controller.[[finishPromise]].
    return finishPromise.promise;
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-sink-close-algorithm
  function transformStreamDefaultSinkCloseAlgorithm(stream) {
    // 1. Let controller be stream.[[controller]].
    const controller = stream.controller;
    // 2. If controller.[[finishPromise]] is not undefined, return controller.[[finishPromise]].
    if (controller.finishPromise !== undefined) return controller.finishPromise.promise;
    // 3. Let readable be stream.[[readable]].
    const readable = stream.readable;
    // 4. Let controller.[[finishPromise]] be a new promise.
    const finishPromise = newPromise();
    controller.finishPromise = finishPromise;
    // 5. Let flushPromise be the result of performing controller.[[flushAlgorithm]].
    const flushPromise = controller.flushAlgorithm();
    // 6. Perform ! TransformStreamDefaultControllerClearAlgorithms(controller).
    transformStreamDefaultControllerClearAlgorithms(controller);
    // 7. React to flushPromise:
    uponPromise(flushPromise, () => {
      // 7.1.1. If readable.[[state]] is "errored", reject controller.[[finishPromise]] with readable.[[storedError]].
      if (readable.state === "errored") {
        finishPromise.reject(readable.storedError);
      } else {
        // 7.1.2. Otherwise: Perform ! ReadableStreamDefaultControllerClose(readable.[[controller]]).
        readableStreamDefaultControllerClose(readable.controller);
        //        Resolve controller.[[finishPromise]] with undefined.
        finishPromise.resolve(undefined);
      }
    }, (r) => {
      // 7.2.1. Perform ! ReadableStreamDefaultControllerError(readable.[[controller]], r).
      readableStreamDefaultControllerError(readable.controller, r);
      // 7.2.2. Reject controller.[[finishPromise]] with r.
      finishPromise.reject(r);
    });
    // 8. Return controller.[[finishPromise]].
    return finishPromise.promise;
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-source-cancel
  function transformStreamDefaultSourceCancelAlgorithm(stream, reason) {
    // 1. Let controller be stream.[[controller]].
    const controller = stream.controller;
    // 2. If controller.[[finishPromise]] is not undefined, return controller.[[finishPromise]].
    if (controller.finishPromise !== undefined) return controller.finishPromise.promise;
    // 3. Let writable be stream.[[writable]].
    const writable = stream.writable;
    // 4. Let controller.[[finishPromise]] be a new promise.
    const finishPromise = newPromise();
    controller.finishPromise = finishPromise;
    // 5. Let cancelPromise be the result of performing controller.[[cancelAlgorithm]], passing reason.
    const cancelPromise = controller.cancelAlgorithm(reason);
    // 6. Perform ! TransformStreamDefaultControllerClearAlgorithms(controller).
    transformStreamDefaultControllerClearAlgorithms(controller);
    // 7. React to cancelPromise:
    uponPromise(cancelPromise, () => {
      // 7.1.1. If writable.[[state]] is "errored", reject controller.[[finishPromise]] with writable.[[storedError]].
      if (writable.state === "errored") {
        finishPromise.reject(writable.storedError);
      } else {
        // 7.1.2. Otherwise: Perform ! WritableStreamDefaultControllerErrorIfNeeded(writable.[[controller]], reason).
        writableStreamDefaultControllerErrorIfNeeded(writable.controller, reason);
        //        Perform ! TransformStreamUnblockWrite(stream).
        transformStreamUnblockWrite(stream);
        //        Resolve controller.[[finishPromise]] with undefined.
        finishPromise.resolve(undefined);
      }
    }, (r) => {
      // 7.2.1. Perform ! WritableStreamDefaultControllerErrorIfNeeded(writable.[[controller]], r).
      writableStreamDefaultControllerErrorIfNeeded(writable.controller, r);
      // 7.2.2. Perform ! TransformStreamUnblockWrite(stream).
      transformStreamUnblockWrite(stream);
      // 7.2.3. Reject controller.[[finishPromise]] with r.
      finishPromise.reject(r);
    });
    // 8. Return controller.[[finishPromise]].
    return finishPromise.promise;
  }

  // https://streams.spec.whatwg.org/#transform-stream-default-source-pull
  function transformStreamDefaultSourcePullAlgorithm(stream) {
    // 1. Assert: stream.[[backpressure]] is true.
    // 2. Assert: stream.[[backpressureChangePromise]] is not undefined.
    // 3. Perform ! TransformStreamSetBackpressure(stream, false).
    transformStreamSetBackpressure(stream, false);
    // 4. Return stream.[[backpressureChangePromise]].
    return stream.backpressureChangePromise.promise;
  }

  /** The wrappers of "set up a TransformStream": a throw rejects, a promise is kept, anything else resolves. */
  function wrapAlgorithmResult(algorithm, args) {
    let result;
    try {
      result = algorithm === undefined ? null : ReflectApply(algorithm, undefined, args);
    } catch (e) {
      return rejectedWith(e);
    }
    return result instanceof PromiseCtor ? result : resolvedWith(undefined);
  }

  // ------------------------------------------------------------------ interface objects

  converters.ReadableStream = (V, prefix, context) => {
    if (isReadableStreamObject(V)) return V;
    throw webidl.makeException(TypeErrorCtor, "is not of type 'ReadableStream'.", prefix, context);
  };
  converters.WritableStream = (V, prefix, context) => {
    if (isWritableStreamObject(V)) return V;
    throw webidl.makeException(TypeErrorCtor, "is not of type 'WritableStream'.", prefix, context);
  };
  // dictionary ReadableWritablePair { required ReadableStream readable; required WritableStream writable; };
  converters.ReadableWritablePair = webidl.createDictionaryConverter("ReadableWritablePair", [
    { key: "readable", converter: converters.ReadableStream, required: true },
    { key: "writable", converter: converters.WritableStream, required: true },
  ]);

  const asyncIteratorDescriptor = {
    __proto__: null,
    value: ReadableStream.prototype.values,
    writable: true,
    enumerable: false,
    configurable: true,
  };

  const interfaces = [ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader,
    ReadableStreamDefaultController, ReadableByteStreamController, ReadableStreamBYOBRequest,
    WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
    TransformStream, TransformStreamDefaultController, ByteLengthQueuingStrategy, CountQueuingStrategy];
  // (The constructors without IDL constructors have length 0: their parameters all have defaults.)
  for (const Class of interfaces) {
    webidl.configureInterface(Class);
    webidl.exposeInterface(globalThis, Class.name, Class);
  }
  // ReadableStream is async iterable: @@asyncIterator is the same function object as values().
  ObjectDefineProperty(ReadableStream.prototype, SymbolAsyncIterator, asyncIteratorDescriptor);

  /**
   * What other layer files use: the "set up" and "enqueue/close/error" hooks the Streams Standard offers
   * other specifications (https://streams.spec.whatwg.org/#other-specs).
   */
  internals.streams = {
    __proto__: null,
    isReadableStream: isReadableStreamObject,
    isWritableStream: isWritableStreamObject,
    /**
     * ReadableStream "set up" with pullAlgorithm and cancelAlgorithm (each may return a promise) and an
     * optional highWaterMark/sizeAlgorithm: returns the stream record; `.object` is the ReadableStream.
     */
    setUpReadableStream(pullAlgorithm, cancelAlgorithm, highWaterMark = 1, sizeAlgorithm = () => 1) {
      // 1. Let startAlgorithm be an algorithm that returns undefined.
      // 2. Let pullAlgorithmWrapper be an algorithm that runs pullAlgorithm and returns a promise for its result.
      const pullWrapper = () => promiseCall(pullAlgorithm, undefined, []);
      // 3. Let cancelAlgorithmWrapper be an algorithm that runs cancelAlgorithm given reason.
      const cancelWrapper = (reason) => promiseCall(cancelAlgorithm, undefined, [reason]);
      // 4-6. Perform ! SetUpReadableStreamDefaultController(...).
      return createReadableStream(() => undefined, pullWrapper, cancelWrapper, highWaterMark, sizeAlgorithm);
    },
    /**
     * ReadableStream "set up with byte reading support" with pullAlgorithm and cancelAlgorithm (each may
     * return a promise) and an optional highWaterMark: returns the stream record.
     * https://streams.spec.whatwg.org/#readablestream-set-up-with-byte-reading-support
     */
    setUpReadableByteStream(pullAlgorithm, cancelAlgorithm, highWaterMark = 0) {
      // 1. Let startAlgorithm be an algorithm that returns undefined.
      // 2. Let pullAlgorithmWrapper be an algorithm that runs pullAlgorithm and returns a promise for its result.
      const pullWrapper = () => promiseCall(pullAlgorithm, undefined, []);
      // 3. Let cancelAlgorithmWrapper be an algorithm that runs cancelAlgorithm given reason.
      const cancelWrapper = (reason) => promiseCall(cancelAlgorithm, undefined, [reason]);
      // 4. Perform ! InitializeReadableStream(stream).
      const stream = newReadableStreamRecord(undefined);
      stream.object = new ReadableStream(kInternal, stream);
      // 5. Let controller be a new ReadableByteStreamController.
      const controller = newReadableByteStreamControllerRecord();
      // 6. Perform ! SetUpReadableByteStreamController(stream, controller, startAlgorithm,
      //    pullAlgorithmWrapper, cancelAlgorithmWrapper, highWaterMark, undefined).
      setUpReadableByteStreamController(stream, controller, () => undefined, pullWrapper, cancelWrapper,
        highWaterMark, undefined);
      return stream;
    },
    /** https://streams.spec.whatwg.org/#readablestream-enqueue */
    enqueue(stream, chunk) {
      const controller = stream.controller;
      // 1. If stream.[[controller]] implements ReadableStreamDefaultController,
      if (!controller.byte) {
        // 1.1. Perform ! ReadableStreamDefaultControllerEnqueue(stream.[[controller]], chunk).
        readableStreamDefaultControllerEnqueue(controller, chunk);
        return;
      }
      // 2. Otherwise, 2.1-2.2. Assert: it is a ReadableByteStreamController and chunk an ArrayBufferView.
      // 2.3. Let byobView be the current BYOB request view for stream.
      const byobRequest = readableByteStreamControllerGetBYOBRequest(controller);
      const byobView = byobRequest === null ? null : byobRequest.view;
      // 2.4. If byobView is non-null, and chunk.[[ViewedArrayBuffer]] is byobView.[[ViewedArrayBuffer]], then:
      if (byobView !== null && viewedArrayBuffer(chunk) === viewedArrayBuffer(byobView)) {
        // 2.4.1-2.4.2. Assert: chunk's byte offset is byobView's; chunk's byte length ≤ byobView's.
        // 2.4.3. Perform ? ReadableByteStreamControllerRespond(stream.[[controller]], chunk.[[ByteLength]]).
        readableByteStreamControllerRespond(controller, viewByteLength(chunk));
      } else {
        // 2.5. Otherwise, perform ? ReadableByteStreamControllerEnqueue(stream.[[controller]], chunk).
        readableByteStreamControllerEnqueue(controller, chunk);
      }
    },
    /**
     * https://streams.spec.whatwg.org/#readablestream-current-byob-request-view: the view a byte stream's
     * consumer wants filled, or null.
     */
    currentBYOBRequestView(stream) {
      // 2. Let byobRequest be ! ReadableByteStreamControllerGetBYOBRequest(stream.[[controller]]).
      const byobRequest = readableByteStreamControllerGetBYOBRequest(stream.controller);
      // 3. If byobRequest is null, then return null. 4. Return byobRequest.[[view]].
      return byobRequest === null ? null : byobRequest.view;
    },
    /** https://streams.spec.whatwg.org/#readablestream-close */
    close(stream) {
      const controller = stream.controller;
      // 1. If stream.[[controller]] implements ReadableByteStreamController,
      if (controller.byte) {
        // 1.1. Perform ! ReadableByteStreamControllerClose(stream.[[controller]]).
        readableByteStreamControllerClose(controller);
        // 1.2. If stream.[[controller]].[[pendingPullIntos]] is not empty, perform
        //      ! ReadableByteStreamControllerRespond(stream.[[controller]], 0).
        if (controller.pendingPullIntos.length > 0) readableByteStreamControllerRespond(controller, 0);
      } else {
        // 2. Otherwise, perform ! ReadableStreamDefaultControllerClose(stream.[[controller]]).
        readableStreamDefaultControllerClose(controller);
      }
    },
    /** https://streams.spec.whatwg.org/#readablestream-error */
    error(stream, e) {
      // 1. If stream.[[controller]] implements ReadableByteStreamController, then perform
      //    ! ReadableByteStreamControllerError(stream.[[controller]], e).
      if (stream.controller.byte) readableByteStreamControllerError(stream.controller, e);
      // 2. Otherwise, perform ! ReadableStreamDefaultControllerError(stream.[[controller]], e).
      else readableStreamDefaultControllerError(stream.controller, e);
    },
    /** https://streams.spec.whatwg.org/#readablestream-desired-size-to-fill-up-to-the-high-water-mark */
    desiredSize(stream) {
      // 1. If stream is not readable, then return 0.
      if (stream.state !== "readable") return 0;
      // 2. If stream.[[controller]] implements ReadableByteStreamController, then return
      //    ! ReadableByteStreamControllerGetDesiredSize(stream.[[controller]]).
      if (stream.controller.byte) return readableByteStreamControllerGetDesiredSize(stream.controller);
      // 3. Return ! ReadableStreamDefaultControllerGetDesiredSize(stream.[[controller]]).
      return readableStreamDefaultControllerGetDesiredSize(stream.controller);
    },
    /**
     * WritableStream "set up" with writeAlgorithm (chunk → promise), closeAlgorithm, abortAlgorithm
     * (reason → promise), highWaterMark and sizeAlgorithm: returns the stream record.
     */
    setUpWritableStream(writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark = 1, sizeAlgorithm = () => 1) {
      // 1. Let startAlgorithm be an algorithm that returns undefined.
      // 2-4. Wrap the algorithms so they return promises.
      return createWritableStream(() => undefined,
        (chunk) => promiseCall(writeAlgorithm, undefined, [chunk]),
        () => promiseCall(closeAlgorithm, undefined, []),
        (reason) => promiseCall(abortAlgorithm, undefined, [reason]),
        highWaterMark, sizeAlgorithm);
    },
    /** https://streams.spec.whatwg.org/#writablestream-error: "error a WritableStream". */
    errorWritable(stream, e) {
      writableStreamDefaultControllerErrorIfNeeded(stream.controller, e);
    },
    /**
     * https://streams.spec.whatwg.org/#transformstream-set-up: a TransformStream whose transformAlgorithm
     * (chunk) and optional flushAlgorithm/cancelAlgorithm may throw or return a promise. Returns the
     * stream record; `.readable.object` and `.writable.object` are its two sides.
     */
    setUpTransformStream(transformAlgorithm, flushAlgorithm = undefined, cancelAlgorithm = undefined) {
      const stream = newTransformStreamRecord(undefined);
      // 1. Let writableHighWaterMark be 1.
      // 2. Let writableSizeAlgorithm be an algorithm that returns 1.
      // 3. Let readableHighWaterMark be 0.
      // 4. Let readableSizeAlgorithm be an algorithm that returns 1.
      // 5. Let transformAlgorithmWrapper be an algorithm that runs these steps given a value chunk:
      //    5.1. Let result be the result of running transformAlgorithm given chunk. If this throws an
      //         exception e, return a promise rejected with e.
      //    5.2. If result is a Promise, then return result.
      //    5.3. Return a promise resolved with undefined.
      const transformWrapper = (chunk) => wrapAlgorithmResult(transformAlgorithm, [chunk]);
      // 6. Let flushAlgorithmWrapper be: the same, with flushAlgorithm if it was given, or null otherwise.
      const flushWrapper = () => wrapAlgorithmResult(flushAlgorithm, []);
      // 7. Let cancelAlgorithmWrapper be: the same, given reason, with cancelAlgorithm if it was given.
      const cancelWrapper = (reason) => wrapAlgorithmResult(cancelAlgorithm, [reason]);
      // 8. Let startPromise be a promise resolved with undefined.
      const startPromise = resolvedWith(undefined);
      // 9. Perform ! InitializeTransformStream(stream, startPromise, writableHighWaterMark,
      //    writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm).
      initializeTransformStream(stream, startPromise, 1, () => 1, 0, () => 1);
      // 10. Let controller be a new TransformStreamDefaultController.
      const controller = newTransformStreamDefaultControllerRecord();
      // 11. Perform ! SetUpTransformStreamDefaultController(stream, controller, transformAlgorithmWrapper,
      //     flushAlgorithmWrapper, cancelAlgorithmWrapper).
      setUpTransformStreamDefaultController(stream, controller, transformWrapper, flushWrapper, cancelWrapper);
      return stream;
    },
    /** https://streams.spec.whatwg.org/#transformstream-enqueue */
    transformEnqueue(stream, chunk) {
      // Perform ! TransformStreamDefaultControllerEnqueue(stream.[[controller]], chunk).
      transformStreamDefaultControllerEnqueue(stream.controller, chunk);
    },
    isTransformStream: (V) => isTransformStreamObject(V),
    /** https://streams.spec.whatwg.org/#is-readable-stream-locked, given the stream record. */
    isReadableStreamLocked: (stream) => isReadableStreamLocked(stream),
    /** https://streams.spec.whatwg.org/#is-writable-stream-locked, given the stream record. */
    isWritableStreamLocked: (stream) => isWritableStreamLocked(stream),
    /** ! ReadableStreamPipeTo(source, dest, false, false, false) on stream records: returns its promise. */
    pipeTo: (source, dest) => readableStreamPipeTo(source, dest, false, false, false),
    /**
     * A TransformStream object whose [[readable]] and [[writable]] are the given stream records and whose
     * [[backpressure]], [[backpressureChangePromise]] and [[controller]] are undefined (the
     * transfer-receiving steps of TransformStream).
     */
    createTransformStreamFrom(readable, writable) {
      const stream = newTransformStreamRecord(undefined);
      stream.readable = readable;
      stream.writable = writable;
      return new TransformStream(kInternal, stream);
    },
    readableRecordOf: (object) => readableStreamRecordOf(object),
    transformRecordOf: (object) => transformStreamRecordOf(object),
    writableRecordOf: (object) => writableStreamRecordOf(object),
  };
})

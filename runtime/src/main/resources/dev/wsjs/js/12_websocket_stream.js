// WebSocketStream and WebSocketError: the streams-based WebSocket API of the WebSockets Standard
// (https://websockets.spec.whatwg.org/#the-websocketstream-interface, currently a draft), over the same
// transport connections as WebSocket. The WebSocket layer routes a stream's connection events here.
//
// Backpressure on the readable side: the transport stops reading from the socket while the bytes of
// messages not yet reported as consumed exceed its receive high-water mark. A stream reports a
// message only once its reader took it (the readable's pull algorithm runs when its queue is empty),
// so a reader that stops reading makes the server's writes block, as the standard's "apply
// backpressure" intends. Writes resolve once their bytes were handed to the socket.
(function (globalThis, internals, ops) {
  "use strict";

  const { webidl, DOMException } = internals;
  const converters = webidl.converters;
  const wsOps = ops.ws;
  const websocket = internals.websocket;
  const streams = internals.streams;
  const utf8Length = internals.encoding.utf8ByteLength;
  const copyToArrayBuffer = websocket.copyToArrayBuffer;

  const PromiseCtor = Promise;
  const PromisePrototypeThen = Promise.prototype.then;
  const ReflectApply = Reflect.apply;
  const ArrayBufferCtor = ArrayBuffer;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const Uint8ArrayCtor = Uint8Array;
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const TypedArrayBuffer = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "buffer").get;
  const TypedArrayByteOffset = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "byteOffset").get;
  const TypedArrayByteLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "byteLength").get;
  const DataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, "buffer").get;
  const DataViewByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, "byteOffset").get;
  const DataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get;
  const ArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;

  const CONNECTING = 0;
  const OPEN = 1;
  const CLOSING = 2;
  const CLOSED = 3;

  function noop() {}

  function newPromise() {
    const capability = { __proto__: null, promise: undefined, resolve: undefined, reject: undefined };
    capability.promise = new PromiseCtor((resolve, reject) => {
      capability.resolve = resolve;
      capability.reject = reject;
    });
    return capability;
  }

  /**
   * The opened and closed promises are marked handled: a script that only awaits one of them (or
   * neither, using the streams) is not reported an unhandled rejection for the other.
   */
  function markHandled(promise) {
    ReflectApply(PromisePrototypeThen, promise, [undefined, noop]);
  }

  // dictionary WebSocketCloseInfo { [EnforceRange] unsigned short closeCode; USVString reason = ""; };
  converters.WebSocketCloseInfo = webidl.createDictionaryConverter("WebSocketCloseInfo", [
    { key: "closeCode", converter: converters["unsigned short"], enforceRange: true },
    { key: "reason", converter: converters.USVString, defaultValue: "" },
  ]);
  // dictionary WebSocketStreamOptions { sequence<USVString> protocols; AbortSignal signal; };
  converters.WebSocketStreamOptions = webidl.createDictionaryConverter("WebSocketStreamOptions", [
    { key: "protocols", converter: converters["sequence<USVString>"] },
    { key: "signal", converter: (V, prefix, context) => converters.AbortSignal(V, prefix, context) },
  ]);

  // https://websockets.spec.whatwg.org/#validate-close-code-and-reason
  function validateCloseCodeAndReason(code, reason, prefix) {
    // 1. If code is not null, but is neither an integer equal to 1000 nor an integer in the range 3000 to
    //    4999, inclusive, throw an "InvalidAccessError" DOMException.
    if (code !== null && code !== 1000 && !(code >= 3000 && code <= 4999)) {
      throw new DOMException(
        `${prefix}: The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`,
        "InvalidAccessError");
    }
    // 2. If reason is not null, then: let reasonBytes be the result of UTF-8 encoding reason; if
    //    reasonBytes is longer than 123 bytes, then throw a "SyntaxError" DOMException.
    if (reason !== null && utf8Length(reason) > 123) {
      throw new DOMException(`${prefix}: The close reason must not be greater than 123 UTF-8 bytes.`, "SyntaxError");
    }
  }

  // ------------------------------------------------------------------ WebSocketError

  let isWebSocketError;
  let createWebSocketError;

  class WebSocketError extends DOMException {
    #closeCode = null;
    #reason = "";

    // https://websockets.spec.whatwg.org/#dom-websocketerror-websocketerror
    constructor(message = "", init = undefined) {
      const prefix = "Failed to construct 'WebSocketError'";
      message = converters.DOMString(message, prefix, "Argument 1");
      init = converters.WebSocketCloseInfo(init, prefix, "Argument 2");
      // 1. Set this's name to "WebSocketError". 2. Set this's message to message.
      super(message, "WebSocketError");
      // 3. Let code be init["closeCode"] if it exists, or null otherwise.
      let code = init.closeCode === undefined ? null : init.closeCode;
      // 4. Let reason be init["reason"] if it exists, or the empty string otherwise.
      const reason = init.reason;
      // 5. Validate close code and reason with code and reason.
      validateCloseCodeAndReason(code, reason, prefix);
      // 6. If reason is non-empty, but code is null, then set code to 1000 ("Normal Closure").
      if (reason !== "" && code === null) code = 1000;
      // 7. Set this's closeCode to code. 8. Set this's reason to reason.
      this.#closeCode = code;
      this.#reason = reason;
    }

    static {
      isWebSocketError = (V) => V !== null && typeof V === "object" && #closeCode in V;
      // A WebSocketError for a connection that closed uncleanly: its code may be one a script could not
      // use (1006, or whatever the server sent), so the constructor's validation does not apply.
      createWebSocketError = (message, code, reason) => {
        const error = new WebSocketError(message);
        error.#closeCode = code;
        error.#reason = reason;
        return error;
      };
    }

    get closeCode() {
      if (!isWebSocketError(this)) throw new TypeError("Illegal invocation");
      // The closeCode getter steps are to return this's closeCode.
      return this.#closeCode;
    }

    get reason() {
      if (!isWebSocketError(this)) throw new TypeError("Illegal invocation");
      // The reason getter steps are to return this's reason.
      return this.#reason;
    }
  }

  // ------------------------------------------------------------------ WebSocketStream

  /** Live streams by transport id, for "make disappear". */
  const liveStreams = new Map();

  class WebSocketStream {
    #id = 0;
    #url = "";
    #opened;
    #closed;
    /** The readable and writable stream records (set when the connection is established). */
    #readable;
    #writable;
    #wasEverConnected = false;
    #handshakeAborted = false;
    #readyState = CONNECTING;
    #signal;
    #abortAlgorithm;
    /** Bytes of messages enqueued into the readable and not yet reported to the transport as consumed. */
    #undelivered = 0;
    /** Once no reader can take messages any more, every message is reported as consumed at once. */
    #backpressureReleased = false;
    /** Payload bytes handed to the transport by writes, and the write waiting for them to be sent. */
    #queuedBytes = 0;
    #pendingWrite;
    /** The error of a write that the closing of the connection cut off, if any. */
    #incompleteWriteError;
    /** Whether the closing handshake started while a write was waiting (it then fails on close). */
    #writeCutOff = false;
    /** The writable's close algorithm, settled when the connection is closed. */
    #pendingClose;

    // https://websockets.spec.whatwg.org/#dom-websocketstream-websocketstream
    constructor(url, options = undefined) {
      const prefix = "Failed to construct 'WebSocketStream'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      url = converters.USVString(url, prefix, "Argument 1");
      options = converters.WebSocketStreamOptions(options, prefix, "Argument 2");
      // 1. Let baseURL be this's relevant settings object's API base URL.
      // 2. Let urlRecord be the result of getting a URL record given url and baseURL.
      const urlRecord = websocket.getURLRecord(url, prefix);
      // 3. Let protocols be options["protocols"] if it exists, otherwise an empty sequence.
      const protocols = options.protocols === undefined ? [] : options.protocols;
      // 4. If any of the values in protocols occur more than once or otherwise fail to match the
      //    requirements for elements of `Sec-WebSocket-Protocol` fields, throw a "SyntaxError" DOMException.
      websocket.checkProtocols(protocols, prefix);
      // 5. Set this's url to urlRecord.
      this.#url = urlRecord;
      // 6. Set this's opened promise and closed promise to new promises.
      this.#opened = newPromise();
      this.#closed = newPromise();
      markHandled(this.#opened.promise);
      markHandled(this.#closed.promise);
      // 7. Apply backpressure to the WebSocket: messages are reported consumed only when read (below).
      // 8. If options["signal"] exists,
      if (options.signal !== undefined) {
        // 8.1. Let signal be options["signal"].
        const signal = options.signal;
        const abort = internals.abort;
        // 8.2. If signal is aborted, then reject this's opened promise and closed promise with signal's
        //      abort reason and return.
        if (abort.isAborted(signal)) {
          this.#opened.reject(abort.reason(signal));
          this.#closed.reject(abort.reason(signal));
          return;
        }
        // 8.3. Add the following abort steps to signal:
        this.#signal = signal;
        this.#abortAlgorithm = () => {
          // 8.3.1. If the WebSocket connection is not yet established:
          if (this.#readyState !== CONNECTING) return;
          // 8.3.1.1. Fail the WebSocket connection.
          wsOps.fail(this.#id);
          // 8.3.1.2. Set this's ready state to CLOSING.
          this.#readyState = CLOSING;
          // 8.3.1.3. Reject this's opened promise and closed promise with signal's abort reason.
          this.#opened.reject(abort.reason(signal));
          this.#closed.reject(abort.reason(signal));
          // 8.3.1.4. Set this's handshake aborted to true.
          this.#handshakeAborted = true;
        };
        abort.addAlgorithm(signal, this.#abortAlgorithm);
      }
      // 9. Let client be this's relevant settings object.
      // 10. Run this step in parallel: establish a WebSocket connection given urlRecord, protocols, and client.
      this.#id = websocket.connect(urlRecord, protocols, (kind, a, b, c, d) => this.#onTransportEvent(kind, a, b, c, d));
      wsOps.deliverByScript(this.#id);
      liveStreams.set(this.#id, this);
    }

    static #check(self) {
      if (self === null || typeof self !== "object" || !(#readyState in self)) {
        throw new TypeError("Illegal invocation");
      }
    }

    get url() {
      WebSocketStream.#check(this);
      // The url getter steps are to return this's url, serialized.
      return this.#url;
    }

    get opened() {
      WebSocketStream.#check(this);
      // The opened getter steps are to return this's opened promise.
      return this.#opened.promise;
    }

    get closed() {
      WebSocketStream.#check(this);
      // The closed getter steps are to return this's closed promise.
      return this.#closed.promise;
    }

    // https://websockets.spec.whatwg.org/#dom-websocketstream-close
    close(closeInfo = undefined) {
      WebSocketStream.#check(this);
      const prefix = "Failed to execute 'close' on 'WebSocketStream'";
      closeInfo = converters.WebSocketCloseInfo(closeInfo, prefix, "Argument 1");
      // 1. Let code be closeInfo["closeCode"] if present, or null otherwise.
      const code = closeInfo.closeCode === undefined ? null : closeInfo.closeCode;
      // 2. Let reason be closeInfo["reason"].
      // 3. Close the WebSocket with this, code, and reason.
      this.#closeTheWebSocket(code, closeInfo.reason, prefix);
    }

    // https://websockets.spec.whatwg.org/#close-the-websocket
    #closeTheWebSocket(code, reason, prefix) {
      // 1. If code was not supplied, let code be null. 2. If reason was not supplied, let reason be "".
      // 3. Validate close code and reason with code and reason.
      validateCloseCodeAndReason(code, reason, prefix);
      // 4. Run the first matching steps from the following list:
      if (this.#readyState === CLOSING || this.#readyState === CLOSED) {
        // If object's ready state is CLOSING (2) or CLOSED (3): do nothing.
        return;
      }
      if (this.#readyState === CONNECTING) {
        // If the WebSocket connection is not yet established: fail the WebSocket connection and set
        // object's ready state to CLOSING (2).
        wsOps.fail(this.#id);
        this.#readyState = CLOSING;
        return;
      }
      // If the WebSocket closing handshake has not yet been started: start it and set object's ready
      // state to CLOSING (2). If code is null and reason is empty, the Close frame has no body (-1);
      // if reason is non-empty but code is null, code is 1000.
      if (code === null && reason !== "") code = 1000;
      wsOps.close(this.#id, code === null ? -1 : code, reason === "" ? null : reason);
      this.#readyState = CLOSING;
      // Messages arriving from now on are dropped, and the peer's Close frame must still be read: stop
      // holding the transport back.
      this.#releaseBackpressure();
    }

    // https://websockets.spec.whatwg.org/#close-using-reason
    #closeUsingReason(reason) {
      // 1. Let code be null. 2. Let reasonString be the empty string.
      let code = null;
      let reasonString = "";
      // 3. If reason implements WebSocketError, set code to its closeCode and reasonString to its reason.
      if (isWebSocketError(reason)) {
        code = reason.closeCode;
        reasonString = reason.reason;
      }
      // 4. Close the WebSocket with stream, code, and reasonString. If this throws an exception, discard
      //    code and reasonString and close the WebSocket with stream.
      try {
        this.#closeTheWebSocket(code, reasonString, "");
      } catch {
        this.#closeTheWebSocket(null, "", "");
      }
    }

    /** Reports every message enqueued so far as consumed, and every later one on arrival. */
    #releaseBackpressure() {
      this.#backpressureReleased = true;
      if (this.#undelivered > 0) {
        wsOps.delivered(this.#id, this.#undelivered);
        this.#undelivered = 0;
      }
    }

    // ---------------------------------------------------------------- stream operations

    // https://websockets.spec.whatwg.org/#pull-bytes: release backpressure. The readable's queue is
    // empty when its pull algorithm runs, so every message enqueued so far has been read.
    #pull() {
      if (this.#undelivered > 0) {
        wsOps.delivered(this.#id, this.#undelivered);
        this.#undelivered = 0;
      }
    }

    // https://websockets.spec.whatwg.org/#write
    #write(chunk) {
      // 1. Let promise be a new promise.
      // 2-3. Let data and opcode be null.
      const prefix = "Failed to execute 'write' on 'WebSocketStream'";
      let binary = null;
      let text = null;
      // 4. If chunk is a BufferSource, set data to a copy of its bytes and opcode to binary.
      if (ArrayBufferIsView(chunk) || webidl.isArrayBuffer(chunk) || webidl.isSharedArrayBuffer(chunk)) {
        binary = converters.BufferSource(chunk, prefix, "chunk");
      } else {
        // 5. Otherwise, let string be chunk converted to an IDL USVString (an exception rejects the
        //    returned promise); set data to its UTF-8 encoding and opcode to text.
        text = converters.USVString(chunk, prefix, "chunk");
      }
      // 6. In parallel: wait for buffer space; if the closing handshake has not yet started, send a
      //    WebSocket message; then queue a task to resolve promise. The transport copies the bytes now,
      //    and the promise resolves once they were handed to the socket.
      if (this.#readyState !== OPEN) return undefined;
      if (text !== null) {
        this.#queuedBytes += wsOps.sendText(this.#id, text);
      } else if (webidl.isArrayBuffer(binary)) {
        const length = ReflectApply(ArrayBufferByteLength, binary, []);
        wsOps.sendBinary(this.#id, binary, 0, length);
        this.#queuedBytes += length;
      } else {
        const isDataView = webidl.isDataView(binary);
        const buffer = ReflectApply(isDataView ? DataViewBuffer : TypedArrayBuffer, binary, []);
        const offset = ReflectApply(isDataView ? DataViewByteOffset : TypedArrayByteOffset, binary, []);
        const length = ReflectApply(isDataView ? DataViewByteLength : TypedArrayByteLength, binary, []);
        wsOps.sendBinary(this.#id, buffer, offset, length);
        this.#queuedBytes += length;
      }
      // 7. Return promise.
      if (wsOps.notifyWhenSent(this.#id, this.#queuedBytes)) return undefined;
      this.#pendingWrite = newPromise();
      return this.#pendingWrite.promise;
    }

    // https://websockets.spec.whatwg.org/#close-algorithm: close the WebSocket with no code or reason.
    // The promise settles when the connection is closed, so writer.close() waits for the closing handshake.
    #closeWritable() {
      this.#closeTheWebSocket(null, "", "");
      if (this.#readyState === CLOSED) return undefined;
      this.#pendingClose = newPromise();
      return this.#pendingClose.promise;
    }

    // ---------------------------------------------------------------- feedback from the protocol

    #onTransportEvent(kind, a, b, c, d) {
      switch (kind) {
        case websocket.EVENT_TEXT: this.#onMessage(false, a); break;
        case websocket.EVENT_BINARY: this.#onMessage(true, a); break;
        case websocket.EVENT_SENT: this.#onSent(); break;
        case websocket.EVENT_OPEN: this.#onOpen(a, b); break;
        case websocket.EVENT_CLOSING:
          // The closing handshake is started: change the ready state to CLOSING.
          if (this.#readyState === OPEN) this.#readyState = CLOSING;
          this.#releaseBackpressure();
          // A write still waiting for its bytes to go out is never complete once the closing handshake
          // started (the write algorithm sends only "if the closing handshake has not yet started"): it
          // fails when the connection is closed, in the task that settles `closed`. A write whose
          // message the transport had taken whole (`a`: payload bytes taken when the peer's close frame
          // arrived) was on its way already, and may be what the peer answered with its close: it
          // completes when its bytes are reported sent, even if that report comes after this event.
          if (this.#pendingWrite !== undefined && this.#queuedBytes > a) this.#writeCutOff = true;
          break;
        case websocket.EVENT_CLOSED: this.#onClosed(a, b, c, d); break;
      }
    }

    // https://websockets.spec.whatwg.org/#feedback-to-websocket-stream-from-the-protocol (established)
    #onOpen(protocol, extensions) {
      // The handshake was aborted or the stream closed while connecting: the connection is being failed.
      if (this.#readyState !== CONNECTING) return;
      if (this.#signal !== undefined) internals.abort.removeAlgorithm(this.#signal, this.#abortAlgorithm);
      // 1. Change stream's ready state to OPEN (1).
      this.#readyState = OPEN;
      // 2. Set stream's was ever connected to true.
      this.#wasEverConnected = true;
      // 3. Let extensions be the extensions in use. 4. Let protocol be the subprotocol in use.
      // 5. Let pullAlgorithm be an action that pulls bytes from stream.
      const pullAlgorithm = () => this.#pull();
      // 6. Let cancelAlgorithm be an action that cancels stream with reason, given reason.
      const cancelAlgorithm = (reason) => {
        this.#releaseBackpressure();
        this.#closeUsingReason(reason);
      };
      // 7-8. Let readable be a new ReadableStream, set up with pullAlgorithm and cancelAlgorithm.
      const readable = streams.setUpReadableStream(pullAlgorithm, cancelAlgorithm);
      // 9. Let writeAlgorithm be an action that writes chunk to stream, given chunk.
      const writeAlgorithm = (chunk) => this.#write(chunk);
      // 10. Let closeAlgorithm be an action that closes stream.
      const closeAlgorithm = () => this.#closeWritable();
      // 11. Let abortAlgorithm be an action that aborts stream with reason, given reason.
      const abortAlgorithm = (reason) => this.#closeUsingReason(reason);
      // 12-13. Let writable be a new WritableStream, set up with writeAlgorithm, closeAlgorithm and abortAlgorithm.
      const writable = streams.setUpWritableStream(writeAlgorithm, closeAlgorithm, abortAlgorithm);
      // 14. Set stream's readable stream to readable. 15. Set stream's writable stream to writable.
      this.#readable = readable;
      this.#writable = writable;
      // 16. Resolve stream's opened promise with WebSocketOpenInfo «[ "extensions" → extensions,
      //     "protocol" → protocol, "readable" → readable, "writable" → writable ]».
      this.#opened.resolve({
        readable: readable.object,
        writable: writable.object,
        extensions: extensions === null ? "" : extensions,
        protocol: protocol === null ? "" : protocol,
      });
    }

    // https://websockets.spec.whatwg.org/#feedback-to-websocket-stream-from-the-protocol (message)
    #onMessage(binary, data) {
      // 1. If stream's ready state is not OPEN (1), then return. (No reader will take the message, so it
      //    counts as consumed.)
      if (this.#readyState !== OPEN || this.#backpressureReleased || this.#readable.state !== "readable") {
        // A binary message's size from a zero-copy view of its Java buffer.
        wsOps.delivered(this.#id, binary ? ReflectApply(ArrayBufferByteLength, new ArrayBufferCtor(data), []) : data.length);
        return;
      }
      // 2. Let chunk be a new DOMString for text, or a new Uint8Array whose contents are data for binary.
      const chunk = binary ? new Uint8ArrayCtor(copyToArrayBuffer(data)) : data;
      // The size the transport counted: UTF-16 code units of a text message, bytes of a binary one.
      const size = binary ? ReflectApply(TypedArrayByteLength, chunk, []) : data.length;
      // 4. Apply backpressure to the WebSocket: the message counts until a reader took it.
      this.#undelivered += size;
      // 3. Enqueue chunk into stream's readable stream.
      streams.enqueue(this.#readable, chunk);
    }

    /**
     * On close: rejects the write waiting for its bytes to be sent with an "InvalidStateError" DOMException, which
     * then also errors the writable (WritableStreamFinishInFlightWriteWithError), so later writes reject
     * with the same object, and makes the close unclean: what WPT's write and remote-close tests expect.
     */
    #failPendingWrite() {
      if (this.#pendingWrite === undefined) return;
      this.#incompleteWriteError = new DOMException("The WebSocket closed before the message was sent.", "InvalidStateError");
      this.#pendingWrite.reject(this.#incompleteWriteError);
      this.#pendingWrite = undefined;
    }

    /** The bytes of the last write were handed to the socket: resolve its promise. */
    #onSent() {
      if (this.#writeCutOff) return;
      const write = this.#pendingWrite;
      if (write === undefined) return;
      this.#pendingWrite = undefined;
      write.resolve(undefined);
    }

    // https://websockets.spec.whatwg.org/#feedback-to-websocket-stream-from-the-protocol (closed)
    #onClosed(wasClean, code, reason) {
      liveStreams.delete(this.#id);
      websocket.disconnect(this.#id);
      wsOps.release(this.#id);
      // 1. Change stream's ready state to CLOSED (3).
      this.#readyState = CLOSED;
      // A write whose bytes were not all sent fails, and the writable is errored with that same error.
      this.#failPendingWrite();
      const writableError = this.#incompleteWriteError;
      // 2. If stream's handshake aborted is true, then return.
      if (this.#handshakeAborted) return;
      // 3. If stream's was ever connected is false, then reject stream's opened promise with a new WebSocketError.
      if (!this.#wasEverConnected) {
        this.#opened.reject(createWebSocketError("The WebSocket connection could not be established.", code, reason));
      }
      // 4. Let code be the WebSocket connection close code.
      // 5. Let reason be the close reason, UTF-8 decoded without BOM (by the transport).
      // A close that discarded a message not yet sent is not clean, whatever the Close frames say (as
      // WPT's remote-close and write tests expect, like browsers).
      if (writableError !== undefined) wasClean = false;
      if (wasClean) {
        // 6. If the connection was closed cleanly,
        if (this.#pendingClose !== undefined) this.#pendingClose.resolve(undefined);
        if (this.#wasEverConnected) {
          // 6.1. Close stream's readable stream.
          streams.close(this.#readable);
          // 6.2. Error stream's writable stream with an "InvalidStateError" DOMException indicating that a
          //      closed WebSocketStream cannot be written to.
          streams.errorWritable(this.#writable, writableError !== undefined ? writableError
            : new DOMException("A closed WebSocketStream cannot be written to.", "InvalidStateError"));
        }
        // 6.3. Resolve stream's closed promise with WebSocketCloseInfo «[ "closeCode" → code, "reason" → reason ]».
        this.#closed.resolve({ closeCode: code, reason });
      } else {
        // 7. Otherwise,
        // 7.1. Let error be a new WebSocketError whose closeCode is code and reason is reason.
        const error = createWebSocketError("The WebSocket connection was not closed cleanly.", code, reason);
        if (this.#pendingClose !== undefined) this.#pendingClose.reject(error);
        if (this.#wasEverConnected) {
          // 7.2. Error stream's readable stream with error.
          streams.error(this.#readable, error);
          // 7.3. Error stream's writable stream with error.
          streams.errorWritable(this.#writable, writableError !== undefined ? writableError : error);
        }
        // 7.4. Reject stream's closed promise with error.
        this.#closed.reject(error);
      }
    }

    /** "Make disappear" (the runtime is closing). */
    static makeDisappear() {
      for (const stream of liveStreams.values()) {
        if (stream.#readyState === CONNECTING) {
          wsOps.fail(stream.#id);
        } else if (stream.#readyState === OPEN) {
          wsOps.close(stream.#id, 1001, null);
        }
      }
    }
  }

  const makeDisappear = WebSocketStream.makeDisappear;
  delete WebSocketStream.makeDisappear;
  const previousDisappear = internals.makeDisappear;
  internals.makeDisappear = function () {
    makeDisappear();
    if (typeof previousDisappear === "function") previousDisappear();
  };

  webidl.configureInterface(WebSocketStream);
  webidl.exposeInterface(globalThis, "WebSocketStream", WebSocketStream);
  webidl.configureInterface(WebSocketError);
  webidl.exposeInterface(globalThis, "WebSocketError", WebSocketError);
})

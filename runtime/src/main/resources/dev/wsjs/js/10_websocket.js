// The WebSocket interface of the WHATWG WebSockets Standard (https://websockets.spec.whatwg.org/),
// over the Java transport (ops.ws). This file owns every piece of script-visible state (ready
// state, bufferedAmount, protocol, extensions); the transport only reports what happened, and each
// report arrives here as a task on the WebSocket task source, never synchronously.
(function (globalThis, internals, ops) {
  "use strict";

  const { webidl, DOMException } = internals;
  const wsOps = ops.ws;

  const CONNECTING = 0;
  const OPEN = 1;
  const CLOSING = 2;
  const CLOSED = 3;

  // Event kinds posted by dev.wsjs.ops.WebSocketOps (keep in sync with it).
  const EVENT_OPEN = 1;
  const EVENT_TEXT = 2;
  const EVENT_BINARY = 3;
  const EVENT_CLOSING = 4;
  const EVENT_CLOSED = 5;

  // The runtime's location: the API base URL and the origin sent in the handshake.
  const locationHref = ops.runtime.location();
  // Parsed once: the constructor parses each URL against this record, not against the string again.
  const locationRecord = locationHref === null ? null : internals.url.parse(locationHref);
  const locationOrigin = locationRecord === null ? null : internals.url.serializeOrigin(locationRecord);
  // The Origin header's value: none without a location or for an opaque origin.
  const handshakeOrigin = locationOrigin === null || locationOrigin === "null" ? null : locationOrigin;
  const locationIsSecure = locationRecord !== null && locationRecord.scheme === "https";

  /** Live sockets by transport id, for transport events and "make disappear". */
  const sockets = new Map();
  /**
   * Transport connections owned by other interfaces (WebSocketStream), by id: each gets the events of its
   * connection as handler(kind, a, b, c, d). Only looked up for ids that are not WebSockets, so the
   * WebSocket message path does one map lookup as before.
   */
  const connectionHandlers = new Map();

  // RFC 6455 §4.1 / RFC 7230 §3.2.6: a subprotocol is a token: visible ASCII except separators.
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

  // UTF-8 byte length of a USVString, from the encoding layer.
  const utf8Length = internals.encoding.utf8ByteLength;

  const ArrayBufferCtor = ArrayBuffer;
  const Uint8ArrayCtor = Uint8Array;
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const TypedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "length").get;
  const TypedArraySet = TypedArrayPrototype.set;
  const ReflectApply = Reflect.apply;

  /**
   * A received binary message (a Java ByteBuffer holding exactly the message) as a new ArrayBuffer: one
   * copy into an ordinary ArrayBuffer, since a buffer over Java memory could not be transferred or
   * detached, which scripts (and structuredClone) may do with it. %TypedArray%.prototype.set copies in
   * bulk (the Uint8Array constructor, given a view of Java memory, is several times slower once compiled).
   */
  function copyToArrayBuffer(byteBuffer) {
    const javaBytes = new Uint8ArrayCtor(new ArrayBufferCtor(byteBuffer));
    const result = new ArrayBufferCtor(ReflectApply(TypedArrayLength, javaBytes, []));
    ReflectApply(TypedArraySet, new Uint8ArrayCtor(result), [javaBytes]);
    return result;
  }

  function convertProtocols(protocols, prefix) {
    // (DOMString or sequence<DOMString>): objects are sequences, everything else a string.
    if (protocols !== null && typeof protocols === "object" || typeof protocols === "function") {
      return webidl.converters["sequence<DOMString>"](protocols, prefix, "Argument 2");
    }
    return [webidl.converters.DOMString(protocols, prefix, "Argument 2")];
  }

  // Handshake headers a script may not set: the ones the handshake itself is made of, and the
  // message framing headers (https://fetch.spec.whatwg.org/#forbidden-request-header).
  const FORBIDDEN_HEADERS = new Set(["connection", "upgrade", "host", "content-length", "transfer-encoding",
    "te", "trailer", "keep-alive", "expect"]);
  // RFC 9110 field-value: no CR, LF or NUL.
  const INVALID_HEADER_VALUE = /[\r\n\0]/;
  // What the HTTP/1.1 client can put on the wire: tab and visible ASCII (it refuses obs-text and
  // the other control characters, which RFC 9110 deprecates or forbids).
  const UNSENDABLE_HEADER_VALUE = /[^\t\x20-\x7e]/;

  function convertHeaders(headers, prefix) {
    // Non-standard WebSocketInit.headers: record<ByteString, ByteString> (or a sequence of pairs).
    const result = Object.create(null);
    if (headers === undefined || headers === null) return null;
    if (typeof headers !== "object") {
      throw new TypeError(`${prefix}: headers must be an object of header names to values.`);
    }
    const entries = typeof headers[Symbol.iterator] === "function"
      ? Array.from(headers, (pair) => Array.from(pair))
      : Object.entries(headers);
    for (const [name, value] of entries) {
      const key = webidl.converters.ByteString(name, prefix, "headers");
      const lower = key.toLowerCase();
      if (!TOKEN.test(key)) {
        throw new TypeError(`${prefix}: '${key}' is not a valid header name.`);
      }
      if (FORBIDDEN_HEADERS.has(lower) || lower.startsWith("sec-websocket-")) {
        throw new TypeError(`${prefix}: the header '${key}' is set by the WebSocket handshake and cannot be changed.`);
      }
      const v = webidl.converters.ByteString(value, prefix, `headers['${key}']`).trim();
      if (INVALID_HEADER_VALUE.test(v)) {
        throw new TypeError(`${prefix}: the value of header '${key}' contains a line break or NUL.`);
      }
      if (UNSENDABLE_HEADER_VALUE.test(v)) {
        throw new TypeError(`${prefix}: the value of header '${key}' may only contain tabs and visible ASCII characters.`);
      }
      result[key] = v;
    }
    return result;
  }

  /** Results of webSocketURL by the url string given to the constructor (successes only). */
  const recentURLs = new Map();
  const RECENT_URLS_MAX = 64;

  /**
   * Steps 1-7 of the WebSocket constructor (and the mixed-content check) for url: its URL record,
   * serialized, and the serialization of its origin; throws the standard's SyntaxError or
   * SecurityError. The API base URL is fixed for the runtime, so the result depends on url alone:
   * recent results are kept, and a program opening many sockets to one URL parses it once.
   */
  /**
   * Throws a "SyntaxError" DOMException if any of protocols occurs more than once (compared ASCII
   * case-insensitively) or is not a valid `Sec-WebSocket-Protocol` element (a token).
   */
  function checkProtocols(protocols, prefix) {
    const seen = new Set();
    for (const protocol of protocols) {
      if (!TOKEN.test(protocol)) {
        throw new DOMException(`${prefix}: The subprotocol '${protocol}' is invalid.`, "SyntaxError");
      }
      const folded = protocol.toLowerCase();
      if (seen.has(folded)) {
        throw new DOMException(`${prefix}: The subprotocol '${protocol}' is duplicated.`, "SyntaxError");
      }
      seen.add(folded);
    }
  }

  function webSocketURL(url, prefix) {
    const known = recentURLs.get(url);
    if (known !== undefined) return known;
    // 1. Let baseURL be this's relevant settings object's API base URL.
    // 2. Let urlRecord be the result of applying the URL parser to url with baseURL.
    //    (The URL record itself, not a URL object: the constructor needs neither the object nor
    //    its URLSearchParams, and opening many sockets at once makes this the constructor's cost.)
    const urlRecord = internals.url.parse(url, locationRecord);
    // 3. If urlRecord is failure, then throw a "SyntaxError" DOMException.
    if (urlRecord === null) {
      throw new DOMException(`${prefix}: The URL '${url}' is invalid.`, "SyntaxError");
    }
    // 4. If urlRecord's scheme is "http", then set urlRecord's scheme to "ws".
    //    (http and ws share the default port 80, https and wss 443: the port stays as parsed.)
    if (urlRecord.scheme === "http") urlRecord.scheme = "ws";
    // 5. Otherwise, if urlRecord's scheme is "https", set urlRecord's scheme to "wss".
    else if (urlRecord.scheme === "https") urlRecord.scheme = "wss";
    // 6. If urlRecord's scheme is not "ws" or "wss", then throw a "SyntaxError" DOMException.
    if (urlRecord.scheme !== "ws" && urlRecord.scheme !== "wss") {
      throw new DOMException(
        `${prefix}: The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${urlRecord.scheme}:' is not allowed.`,
        "SyntaxError");
    }
    // 7. If urlRecord's fragment is non-null, then throw a "SyntaxError" DOMException.
    if (urlRecord.fragment !== null) {
      const hash = urlRecord.fragment === "" ? "" : "#" + urlRecord.fragment;
      throw new DOMException(`${prefix}: The URL contains a fragment identifier ('${hash}'). Fragment identifiers are not allowed in WebSocket URLs.`, "SyntaxError");
    }
    // Mixed content: a secure (https) page may not open an insecure ws: connection. The current
    // standard leaves this to Fetch's mixed-content blocking; WPT (mixed-content.https.any.js)
    // and browsers expect the earlier constructor step: throw a "SecurityError" DOMException.
    if (urlRecord.scheme === "ws" && locationIsSecure) {
      throw new DOMException(`${prefix}: An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.`, "SecurityError");
    }
    const result = Object.freeze({ href: internals.url.serialize(urlRecord), origin: internals.url.serializeOrigin(urlRecord) });
    if (recentURLs.size >= RECENT_URLS_MAX) recentURLs.clear();
    recentURLs.set(url, result);
    return result;
  }

  class WebSocket extends internals.EventTarget {
    /** The transport's connection id. */
    #id = 0;
    /** [[url]] serialized, and the serialization of its origin for MessageEvent.origin. */
    #url = "";
    #origin = "";
    #readyState = CONNECTING;
    #binaryType = "blob";
    #protocol = "";
    #extensions = "";
    /** Bytes ever queued by send(); bufferedAmount = queued - sent (sent as of the current task). */
    #queuedBytes = 0;
    #sentBytes = 0;
    #sentBytesTask = -1;

    constructor(url, protocols = []) {
      const prefix = "Failed to construct 'WebSocket'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      super();
      url = webidl.converters.USVString(url, prefix, "Argument 1");

      // Non-standard: a WebSocketInit dictionary { protocols, headers } as the second argument.
      let headers = null;
      if (protocols !== null && typeof protocols === "object" && typeof protocols[Symbol.iterator] !== "function") {
        headers = convertHeaders(protocols.headers, prefix);
        protocols = protocols.protocols === undefined ? [] : protocols.protocols;
      }
      protocols = convertProtocols(protocols, prefix);

      // 1.-7. (and the mixed-content check): the URL record, serialized, with its origin.
      const target = webSocketURL(url, prefix);
      // 8. If protocols is a string, set protocols to a sequence consisting of just that string.
      //    (Done by convertProtocols.)
      // 9. If any of the values in protocols occur more than once or otherwise fail to match the
      //    requirements for elements of `Sec-WebSocket-Protocol` fields, throw a "SyntaxError".
      checkProtocols(protocols, prefix);
      // 10. Set this's url to urlRecord.
      this.#url = target.href;
      this.#origin = target.origin;
      // 11-12. Establish a WebSocket connection given urlRecord, protocols and client, in parallel.
      this.#id = wsOps.connect(this.#url, protocols.join(", "),
        handshakeOrigin, headers);
      sockets.set(this.#id, this);
    }

    static #check(self) {
      if (self === null || typeof self !== "object" || !(#readyState in self)) {
        throw new TypeError("Illegal invocation");
      }
    }

    get url() {
      WebSocket.#check(this);
      // The url getter steps are to return this's url, serialized.
      return this.#url;
    }

    get readyState() {
      WebSocket.#check(this);
      return this.#readyState;
    }

    get bufferedAmount() {
      WebSocket.#check(this);
      // Bytes queued by send() that, as of the last time the event loop reached step 1, had not yet
      // been transmitted: the transport's sent count is sampled once per task, and frozen once the
      // connection is closed (the transport has forgotten it by then).
      if (this.#readyState !== CLOSED) {
        const task = wsOps.currentTask();
        if (task !== this.#sentBytesTask) {
          this.#sentBytesTask = task;
          if (this.#id !== 0) this.#sentBytes = wsOps.bytesSent(this.#id);
        }
      }
      return this.#queuedBytes - this.#sentBytes;
    }

    get extensions() {
      WebSocket.#check(this);
      return this.#extensions;
    }

    get protocol() {
      WebSocket.#check(this);
      return this.#protocol;
    }

    get binaryType() {
      WebSocket.#check(this);
      return this.#binaryType;
    }

    set binaryType(value) {
      WebSocket.#check(this);
      // An enumeration attribute ignores values that are not one of its strings.
      value = webidl.converters.DOMString(value, "Failed to set 'binaryType' on 'WebSocket'", "Value");
      if (value === "blob" || value === "arraybuffer") this.#binaryType = value;
    }

    close(code = undefined, reason = undefined) {
      WebSocket.#check(this);
      const prefix = "Failed to execute 'close' on 'WebSocket'";
      if (code !== undefined) {
        code = webidl.converters["unsigned short"](code, prefix, "Argument 1", { clamp: true });
      }
      let reasonBytes = 0;
      if (reason !== undefined) {
        reason = webidl.converters.USVString(reason, prefix, "Argument 2");
      }
      // 1. If code is present, but is neither an integer equal to 1000 nor an integer in the
      //    range 3000 to 4999, inclusive, throw an "InvalidAccessError" DOMException.
      if (code !== undefined && code !== 1000 && !(code >= 3000 && code <= 4999)) {
        throw new DOMException(
          `${prefix}: The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`,
          "InvalidAccessError");
      }
      // 2. If reason is present: let reasonBytes be the result of encoding reason; if reasonBytes
      //    is longer than 123 bytes, then throw a "SyntaxError" DOMException.
      if (reason !== undefined) {
        reasonBytes = utf8Length(reason);
        if (reasonBytes > 123) {
          throw new DOMException(`${prefix}: The close reason must not be greater than 123 UTF-8 bytes.`, "SyntaxError");
        }
      }
      // 3. Run the first matching steps:
      if (this.#readyState === CLOSING || this.#readyState === CLOSED) {
        // If this's ready state is CLOSING (2) or CLOSED (3): do nothing.
        return;
      }
      if (this.#readyState === CONNECTING) {
        // If the WebSocket connection is not yet established: fail the WebSocket connection and
        // set this's ready state to CLOSING (2).
        wsOps.fail(this.#id);
        this.#readyState = CLOSING;
        return;
      }
      // If the WebSocket closing handshake has not yet been started: start it and set this's
      // ready state to CLOSING (2). If neither code nor reason is present, the Close message must
      // not have a body (code -1 tells the transport so).
      wsOps.close(this.#id, code === undefined ? -1 : code, reason === undefined ? null : reason);
      this.#readyState = CLOSING;
    }

    send(data) {
      WebSocket.#check(this);
      const prefix = "Failed to execute 'send' on 'WebSocket'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      // (BufferSource or Blob or USVString): buffers and Blobs by brand, everything else a string.
      let kind;
      if (internals.blob !== undefined && internals.blob.isBlob(data)) {
        kind = 1;
      } else if (ArrayBuffer.isView(data)) {
        kind = 2;
      } else if (webidl.isArrayBuffer(data)) {
        kind = 3;
      } else {
        data = webidl.converters.USVString(data, prefix, "Argument 1");
        kind = 0;
      }
      // 1. If this's ready state is CONNECTING, then throw an "InvalidStateError" DOMException.
      if (this.#readyState === CONNECTING) {
        throw new DOMException(`${prefix}: Still in CONNECTING state.`, "InvalidStateError");
      }
      // 2. If the connection is established and the closing handshake has not yet started, send a
      //    WebSocket message (text frames for strings, binary frames otherwise); the transport
      //    flags the socket as full and closes it when its buffer cap would be exceeded. Every
      //    call that does not throw increases bufferedAmount by the data's byte length.
      const sending = this.#readyState === OPEN;
      switch (kind) {
        case 0: {
          // The transport counts the UTF-8 bytes while it takes the message; when not sending, count here.
          this.#queuedBytes += sending ? wsOps.sendText(this.#id, data) : utf8Length(data);
          break;
        }
        case 1: {
          const blobData = internals.blob.blobData(data);
          this.#queuedBytes += data.size;
          if (sending) wsOps.sendBlob(this.#id, blobData);
          break;
        }
        case 2:
          this.#queuedBytes += data.byteLength;
          if (sending) wsOps.sendBinary(this.#id, data.buffer, data.byteOffset, data.byteLength);
          break;
        case 3:
          this.#queuedBytes += data.byteLength;
          if (sending) wsOps.sendBinary(this.#id, data, 0, data.byteLength);
          break;
      }
    }

    // ---------------------------------------------------------------- feedback from the protocol

    /** The WebSocket connection is established (a task on the WebSocket task source). */
    static #onOpen(ws, protocol, extensions) {
      // close() while CONNECTING already failed the connection: the ready state never goes back.
      if (ws.#readyState !== CONNECTING) return;
      // 1. Change the ready state to OPEN (1).
      ws.#readyState = OPEN;
      // 2. Change the extensions attribute's value to the extensions in use, if not null.
      if (extensions !== null) ws.#extensions = extensions;
      // 3. Change the protocol attribute's value to the subprotocol in use, if not null.
      if (protocol !== null) ws.#protocol = protocol;
      // 4. Fire an event named open at the WebSocket object.
      internals.fireEvent(ws, "open", internals.Event, undefined);
    }

    /** A WebSocket message has been received with type text or binary. */
    static #onMessage(ws, binary, data) {
      // 1. If ready state is not OPEN (1), then return.
      if (ws.#readyState !== OPEN) return;
      // 2. Let dataForEvent be a DOMString for text, a new Blob for binary type "blob", a new
      //    ArrayBuffer for "arraybuffer" (the binary type as of now, not of arrival).
      let dataForEvent = data;
      if (binary) {
        dataForEvent = ws.#binaryType === "arraybuffer"
          ? copyToArrayBuffer(data)
          : internals.blob.createBlob(wsOps.blobData(data), "");
      }
      // 3. Fire an event named message at the WebSocket object, using MessageEvent, with the
      //    origin attribute initialized to the serialization of the url's origin and the data
      //    attribute initialized to dataForEvent.
      internals.fireEvent(ws, "message", internals.MessageEvent, { data: dataForEvent, origin: ws.#origin });
    }

    /** The WebSocket closing handshake is started (by the peer). */
    static #onClosing(ws) {
      // Queue a task to change the ready state to CLOSING (2) — unless it is already past OPEN.
      if (ws.#readyState === OPEN) ws.#readyState = CLOSING;
    }

    /** The WebSocket connection is closed. */
    static #onClosed(ws, wasClean, code, reason, failed) {
      sockets.delete(ws.#id);
      // Freeze bufferedAmount's sent count: nothing more will be transmitted.
      ws.#sentBytes = wsOps.bytesSent(ws.#id);
      wsOps.release(ws.#id);
      // 1. Change the ready state to CLOSED (3).
      ws.#readyState = CLOSED;
      // 2. If the user agent was required to fail the WebSocket connection, or if the connection
      //    was closed after being flagged as full, fire an event named error at the WebSocket object.
      if (failed) internals.fireEvent(ws, "error", internals.Event, undefined);
      // 3. Fire an event named close at the WebSocket object, using CloseEvent, with wasClean,
      //    code, and reason (UTF-8 decoded without BOM by the transport).
      internals.fireEvent(ws, "close", internals.CloseEvent, { wasClean, code, reason });
    }

    /** The single entry point for transport events; see WebSocketOps for the argument layout. */
    static dispatchTransportEvent(kind, id, a, b, c, d) {
      const ws = sockets.get(id);
      if (ws === undefined) {
        const handler = connectionHandlers.get(id);
        if (handler !== undefined) handler(kind, a, b, c, d);
        return;
      }
      switch (kind) {
        case EVENT_TEXT: WebSocket.#onMessage(ws, false, a); break;
        case EVENT_BINARY: WebSocket.#onMessage(ws, true, a); break;
        case EVENT_OPEN: WebSocket.#onOpen(ws, a, b); break;
        case EVENT_CLOSING: WebSocket.#onClosing(ws); break;
        case EVENT_CLOSED: WebSocket.#onClosed(ws, a, b, c, d); break;
      }
    }

    /** "Make disappear" (the runtime is closing). */
    static makeDisappear() {
      for (const ws of sockets.values()) {
        if (ws.#readyState === CONNECTING) {
          // If the WebSocket connection is not yet established: fail the WebSocket connection.
          wsOps.fail(ws.#id);
        } else if (ws.#readyState === OPEN) {
          // If the closing handshake has not yet been started: start it with status code 1001.
          wsOps.close(ws.#id, 1001, null);
        }
        // Otherwise: do nothing.
      }
    }
  }

  const dispatchTransportEvent = WebSocket.dispatchTransportEvent;
  const makeDisappear = WebSocket.makeDisappear;
  delete WebSocket.dispatchTransportEvent;
  delete WebSocket.makeDisappear;
  wsOps.setEventCallback(dispatchTransportEvent);

  for (const name of ["open", "error", "close", "message"]) {
    internals.defineEventHandler(WebSocket.prototype, name);
  }
  webidl.defineConstants(WebSocket, { CONNECTING, OPEN, CLOSING, CLOSED });
  webidl.configureInterface(WebSocket);
  webidl.exposeInterface(globalThis, "WebSocket", WebSocket);

  /**
   * What WebSocketStream shares with WebSocket: the standard's "get a URL record" and the subprotocol
   * checks of both constructors, and a way to own a transport connection's events.
   */
  internals.websocket = {
    __proto__: null,
    /** https://websockets.spec.whatwg.org/#get-a-url-record (plus the mixed-content check): the serialized URL. */
    getURLRecord(url, prefix) {
      return webSocketURL(url, prefix).href;
    },
    checkProtocols,
    /** Establishes a connection whose events go to handler(kind, a, b, c, d); returns its id. */
    connect(url, protocols, handler) {
      const id = wsOps.connect(url, protocols.join(", "),
        handshakeOrigin, null);
      connectionHandlers.set(id, handler);
      return id;
    },
    /** Stops routing a connection's events (after its close event). */
    disconnect(id) {
      connectionHandlers.delete(id);
    },
    EVENT_OPEN,
    EVENT_TEXT,
    EVENT_BINARY,
    EVENT_CLOSING,
    EVENT_CLOSED,
    EVENT_SENT: 6,
    copyToArrayBuffer,
  };

  const previousDisappear = internals.makeDisappear;
  internals.makeDisappear = function () {
    makeDisappear();
    if (typeof previousDisappear === "function") previousDisappear();
  };
})

(() => {
  // node_modules/reconnecting-websocket/dist/reconnecting-websocket-mjs.js
  var extendStatics = function(d, b) {
    extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d2, b2) {
      d2.__proto__ = b2;
    } || function(d2, b2) {
      for (var p in b2) if (b2.hasOwnProperty(p)) d2[p] = b2[p];
    };
    return extendStatics(d, b);
  };
  function __extends(d, b) {
    extendStatics(d, b);
    function __() {
      this.constructor = d;
    }
    d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
  }
  function __values(o) {
    var m = typeof Symbol === "function" && o[Symbol.iterator], i = 0;
    if (m) return m.call(o);
    return {
      next: function() {
        if (o && i >= o.length) o = void 0;
        return { value: o && o[i++], done: !o };
      }
    };
  }
  function __read(o, n) {
    var m = typeof Symbol === "function" && o[Symbol.iterator];
    if (!m) return o;
    var i = m.call(o), r, ar = [], e;
    try {
      while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value);
    } catch (error) {
      e = { error };
    } finally {
      try {
        if (r && !r.done && (m = i["return"])) m.call(i);
      } finally {
        if (e) throw e.error;
      }
    }
    return ar;
  }
  function __spread() {
    for (var ar = [], i = 0; i < arguments.length; i++)
      ar = ar.concat(__read(arguments[i]));
    return ar;
  }
  var Event2 = (
    /** @class */
    /* @__PURE__ */ (function() {
      function Event3(type, target) {
        this.target = target;
        this.type = type;
      }
      return Event3;
    })()
  );
  var ErrorEvent = (
    /** @class */
    (function(_super) {
      __extends(ErrorEvent3, _super);
      function ErrorEvent3(error, target) {
        var _this = _super.call(this, "error", target) || this;
        _this.message = error.message;
        _this.error = error;
        return _this;
      }
      return ErrorEvent3;
    })(Event2)
  );
  var CloseEvent = (
    /** @class */
    (function(_super) {
      __extends(CloseEvent3, _super);
      function CloseEvent3(code, reason, target) {
        if (code === void 0) {
          code = 1e3;
        }
        if (reason === void 0) {
          reason = "";
        }
        var _this = _super.call(this, "close", target) || this;
        _this.wasClean = true;
        _this.code = code;
        _this.reason = reason;
        return _this;
      }
      return CloseEvent3;
    })(Event2)
  );
  var getGlobalWebSocket = function() {
    if (typeof WebSocket !== "undefined") {
      return WebSocket;
    }
  };
  var isWebSocket = function(w) {
    return typeof w !== "undefined" && !!w && w.CLOSING === 2;
  };
  var DEFAULT = {
    maxReconnectionDelay: 1e4,
    minReconnectionDelay: 1e3 + Math.random() * 4e3,
    minUptime: 5e3,
    reconnectionDelayGrowFactor: 1.3,
    connectionTimeout: 4e3,
    maxRetries: Infinity,
    maxEnqueuedMessages: Infinity,
    startClosed: false,
    debug: false
  };
  var ReconnectingWebSocket = (
    /** @class */
    (function() {
      function ReconnectingWebSocket4(url, protocols, options) {
        var _this = this;
        if (options === void 0) {
          options = {};
        }
        this._listeners = {
          error: [],
          message: [],
          open: [],
          close: []
        };
        this._retryCount = -1;
        this._shouldReconnect = true;
        this._connectLock = false;
        this._binaryType = "blob";
        this._closeCalled = false;
        this._messageQueue = [];
        this.onclose = null;
        this.onerror = null;
        this.onmessage = null;
        this.onopen = null;
        this._handleOpen = function(event) {
          _this._debug("open event");
          var _a = _this._options.minUptime, minUptime = _a === void 0 ? DEFAULT.minUptime : _a;
          clearTimeout(_this._connectTimeout);
          _this._uptimeTimeout = setTimeout(function() {
            return _this._acceptOpen();
          }, minUptime);
          _this._ws.binaryType = _this._binaryType;
          _this._messageQueue.forEach(function(message) {
            return _this._ws.send(message);
          });
          _this._messageQueue = [];
          if (_this.onopen) {
            _this.onopen(event);
          }
          _this._listeners.open.forEach(function(listener) {
            return _this._callEventListener(event, listener);
          });
        };
        this._handleMessage = function(event) {
          _this._debug("message event");
          if (_this.onmessage) {
            _this.onmessage(event);
          }
          _this._listeners.message.forEach(function(listener) {
            return _this._callEventListener(event, listener);
          });
        };
        this._handleError = function(event) {
          _this._debug("error event", event.message);
          _this._disconnect(void 0, event.message === "TIMEOUT" ? "timeout" : void 0);
          if (_this.onerror) {
            _this.onerror(event);
          }
          _this._debug("exec error listeners");
          _this._listeners.error.forEach(function(listener) {
            return _this._callEventListener(event, listener);
          });
          _this._connect();
        };
        this._handleClose = function(event) {
          _this._debug("close event");
          _this._clearTimeouts();
          if (_this._shouldReconnect) {
            _this._connect();
          }
          if (_this.onclose) {
            _this.onclose(event);
          }
          _this._listeners.close.forEach(function(listener) {
            return _this._callEventListener(event, listener);
          });
        };
        this._url = url;
        this._protocols = protocols;
        this._options = options;
        if (this._options.startClosed) {
          this._shouldReconnect = false;
        }
        this._connect();
      }
      Object.defineProperty(ReconnectingWebSocket4, "CONNECTING", {
        get: function() {
          return 0;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4, "OPEN", {
        get: function() {
          return 1;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4, "CLOSING", {
        get: function() {
          return 2;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4, "CLOSED", {
        get: function() {
          return 3;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "CONNECTING", {
        get: function() {
          return ReconnectingWebSocket4.CONNECTING;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "OPEN", {
        get: function() {
          return ReconnectingWebSocket4.OPEN;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "CLOSING", {
        get: function() {
          return ReconnectingWebSocket4.CLOSING;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "CLOSED", {
        get: function() {
          return ReconnectingWebSocket4.CLOSED;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "binaryType", {
        get: function() {
          return this._ws ? this._ws.binaryType : this._binaryType;
        },
        set: function(value) {
          this._binaryType = value;
          if (this._ws) {
            this._ws.binaryType = value;
          }
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "retryCount", {
        /**
         * Returns the number or connection retries
         */
        get: function() {
          return Math.max(this._retryCount, 0);
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "bufferedAmount", {
        /**
         * The number of bytes of data that have been queued using calls to send() but not yet
         * transmitted to the network. This value resets to zero once all queued data has been sent.
         * This value does not reset to zero when the connection is closed; if you keep calling send(),
         * this will continue to climb. Read only
         */
        get: function() {
          var bytes = this._messageQueue.reduce(function(acc, message) {
            if (typeof message === "string") {
              acc += message.length;
            } else if (message instanceof Blob) {
              acc += message.size;
            } else {
              acc += message.byteLength;
            }
            return acc;
          }, 0);
          return bytes + (this._ws ? this._ws.bufferedAmount : 0);
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "extensions", {
        /**
         * The extensions selected by the server. This is currently only the empty string or a list of
         * extensions as negotiated by the connection
         */
        get: function() {
          return this._ws ? this._ws.extensions : "";
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "protocol", {
        /**
         * A string indicating the name of the sub-protocol the server selected;
         * this will be one of the strings specified in the protocols parameter when creating the
         * WebSocket object
         */
        get: function() {
          return this._ws ? this._ws.protocol : "";
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "readyState", {
        /**
         * The current state of the connection; this is one of the Ready state constants
         */
        get: function() {
          if (this._ws) {
            return this._ws.readyState;
          }
          return this._options.startClosed ? ReconnectingWebSocket4.CLOSED : ReconnectingWebSocket4.CONNECTING;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(ReconnectingWebSocket4.prototype, "url", {
        /**
         * The URL as resolved by the constructor
         */
        get: function() {
          return this._ws ? this._ws.url : "";
        },
        enumerable: true,
        configurable: true
      });
      ReconnectingWebSocket4.prototype.close = function(code, reason) {
        if (code === void 0) {
          code = 1e3;
        }
        this._closeCalled = true;
        this._shouldReconnect = false;
        this._clearTimeouts();
        if (!this._ws) {
          this._debug("close enqueued: no ws instance");
          return;
        }
        if (this._ws.readyState === this.CLOSED) {
          this._debug("close: already closed");
          return;
        }
        this._ws.close(code, reason);
      };
      ReconnectingWebSocket4.prototype.reconnect = function(code, reason) {
        this._shouldReconnect = true;
        this._closeCalled = false;
        this._retryCount = -1;
        if (!this._ws || this._ws.readyState === this.CLOSED) {
          this._connect();
        } else {
          this._disconnect(code, reason);
          this._connect();
        }
      };
      ReconnectingWebSocket4.prototype.send = function(data) {
        if (this._ws && this._ws.readyState === this.OPEN) {
          this._debug("send", data);
          this._ws.send(data);
        } else {
          var _a = this._options.maxEnqueuedMessages, maxEnqueuedMessages = _a === void 0 ? DEFAULT.maxEnqueuedMessages : _a;
          if (this._messageQueue.length < maxEnqueuedMessages) {
            this._debug("enqueue", data);
            this._messageQueue.push(data);
          }
        }
      };
      ReconnectingWebSocket4.prototype.addEventListener = function(type, listener) {
        if (this._listeners[type]) {
          this._listeners[type].push(listener);
        }
      };
      ReconnectingWebSocket4.prototype.dispatchEvent = function(event) {
        var e_1, _a;
        var listeners = this._listeners[event.type];
        if (listeners) {
          try {
            for (var listeners_1 = __values(listeners), listeners_1_1 = listeners_1.next(); !listeners_1_1.done; listeners_1_1 = listeners_1.next()) {
              var listener = listeners_1_1.value;
              this._callEventListener(event, listener);
            }
          } catch (e_1_1) {
            e_1 = { error: e_1_1 };
          } finally {
            try {
              if (listeners_1_1 && !listeners_1_1.done && (_a = listeners_1.return)) _a.call(listeners_1);
            } finally {
              if (e_1) throw e_1.error;
            }
          }
        }
        return true;
      };
      ReconnectingWebSocket4.prototype.removeEventListener = function(type, listener) {
        if (this._listeners[type]) {
          this._listeners[type] = this._listeners[type].filter(function(l) {
            return l !== listener;
          });
        }
      };
      ReconnectingWebSocket4.prototype._debug = function() {
        var args = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          args[_i] = arguments[_i];
        }
        if (this._options.debug) {
          console.log.apply(console, __spread(["RWS>"], args));
        }
      };
      ReconnectingWebSocket4.prototype._getNextDelay = function() {
        var _a = this._options, _b = _a.reconnectionDelayGrowFactor, reconnectionDelayGrowFactor = _b === void 0 ? DEFAULT.reconnectionDelayGrowFactor : _b, _c = _a.minReconnectionDelay, minReconnectionDelay = _c === void 0 ? DEFAULT.minReconnectionDelay : _c, _d = _a.maxReconnectionDelay, maxReconnectionDelay = _d === void 0 ? DEFAULT.maxReconnectionDelay : _d;
        var delay = 0;
        if (this._retryCount > 0) {
          delay = minReconnectionDelay * Math.pow(reconnectionDelayGrowFactor, this._retryCount - 1);
          if (delay > maxReconnectionDelay) {
            delay = maxReconnectionDelay;
          }
        }
        this._debug("next delay", delay);
        return delay;
      };
      ReconnectingWebSocket4.prototype._wait = function() {
        var _this = this;
        return new Promise(function(resolve) {
          setTimeout(resolve, _this._getNextDelay());
        });
      };
      ReconnectingWebSocket4.prototype._getNextUrl = function(urlProvider) {
        if (typeof urlProvider === "string") {
          return Promise.resolve(urlProvider);
        }
        if (typeof urlProvider === "function") {
          var url = urlProvider();
          if (typeof url === "string") {
            return Promise.resolve(url);
          }
          if (!!url.then) {
            return url;
          }
        }
        throw Error("Invalid URL");
      };
      ReconnectingWebSocket4.prototype._connect = function() {
        var _this = this;
        if (this._connectLock || !this._shouldReconnect) {
          return;
        }
        this._connectLock = true;
        var _a = this._options, _b = _a.maxRetries, maxRetries = _b === void 0 ? DEFAULT.maxRetries : _b, _c = _a.connectionTimeout, connectionTimeout = _c === void 0 ? DEFAULT.connectionTimeout : _c, _d = _a.WebSocket, WebSocket2 = _d === void 0 ? getGlobalWebSocket() : _d;
        if (this._retryCount >= maxRetries) {
          this._debug("max retries reached", this._retryCount, ">=", maxRetries);
          return;
        }
        this._retryCount++;
        this._debug("connect", this._retryCount);
        this._removeListeners();
        if (!isWebSocket(WebSocket2)) {
          throw Error("No valid WebSocket class provided");
        }
        this._wait().then(function() {
          return _this._getNextUrl(_this._url);
        }).then(function(url) {
          if (_this._closeCalled) {
            return;
          }
          _this._debug("connect", { url, protocols: _this._protocols });
          _this._ws = _this._protocols ? new WebSocket2(url, _this._protocols) : new WebSocket2(url);
          _this._ws.binaryType = _this._binaryType;
          _this._connectLock = false;
          _this._addListeners();
          _this._connectTimeout = setTimeout(function() {
            return _this._handleTimeout();
          }, connectionTimeout);
        });
      };
      ReconnectingWebSocket4.prototype._handleTimeout = function() {
        this._debug("timeout event");
        this._handleError(new ErrorEvent(Error("TIMEOUT"), this));
      };
      ReconnectingWebSocket4.prototype._disconnect = function(code, reason) {
        if (code === void 0) {
          code = 1e3;
        }
        this._clearTimeouts();
        if (!this._ws) {
          return;
        }
        this._removeListeners();
        try {
          this._ws.close(code, reason);
          this._handleClose(new CloseEvent(code, reason, this));
        } catch (error) {
        }
      };
      ReconnectingWebSocket4.prototype._acceptOpen = function() {
        this._debug("accept open");
        this._retryCount = 0;
      };
      ReconnectingWebSocket4.prototype._callEventListener = function(event, listener) {
        if ("handleEvent" in listener) {
          listener.handleEvent(event);
        } else {
          listener(event);
        }
      };
      ReconnectingWebSocket4.prototype._removeListeners = function() {
        if (!this._ws) {
          return;
        }
        this._debug("removeListeners");
        this._ws.removeEventListener("open", this._handleOpen);
        this._ws.removeEventListener("close", this._handleClose);
        this._ws.removeEventListener("message", this._handleMessage);
        this._ws.removeEventListener("error", this._handleError);
      };
      ReconnectingWebSocket4.prototype._addListeners = function() {
        if (!this._ws) {
          return;
        }
        this._debug("addListeners");
        this._ws.addEventListener("open", this._handleOpen);
        this._ws.addEventListener("close", this._handleClose);
        this._ws.addEventListener("message", this._handleMessage);
        this._ws.addEventListener("error", this._handleError);
      };
      ReconnectingWebSocket4.prototype._clearTimeouts = function() {
        clearTimeout(this._connectTimeout);
        clearTimeout(this._uptimeTimeout);
      };
      return ReconnectingWebSocket4;
    })()
  );
  var reconnecting_websocket_mjs_default = ReconnectingWebSocket;

  // node_modules/partysocket/dist/ws.js
  if (!globalThis.EventTarget || !globalThis.Event)
    console.error(`
  PartySocket requires a global 'EventTarget' class to be available!
  You can polyfill this global by adding this to your code before any partysocket imports: 
  
  \`\`\`
  import 'partysocket/event-target-polyfill';
  \`\`\`
  Please file an issue at https://github.com/partykit/partykit if you're still having trouble.
`);
  var ErrorEvent2 = class extends Event {
    message;
    error;
    constructor(error, target) {
      super("error", target);
      this.message = error.message;
      this.error = error;
    }
  };
  var CloseEvent2 = class extends Event {
    code;
    reason;
    wasClean = true;
    constructor(code = 1e3, reason = "", target) {
      super("close", target);
      this.code = code;
      this.reason = reason;
    }
  };
  var Events = {
    Event,
    ErrorEvent: ErrorEvent2,
    CloseEvent: CloseEvent2
  };
  function assert(condition, msg) {
    if (!condition) throw new Error(msg);
  }
  function cloneEventBrowser(e) {
    return new e.constructor(e.type, e);
  }
  function cloneEventNode(e) {
    if ("data" in e) return new MessageEvent(e.type, e);
    if ("code" in e || "reason" in e)
      return new CloseEvent2(e.code || 1999, e.reason || "unknown reason", e);
    if ("error" in e) return new ErrorEvent2(e.error, e);
    return new Event(e.type, e);
  }
  var isNode = typeof process !== "undefined" && typeof process.versions?.node !== "undefined";
  var isReactNative = typeof navigator !== "undefined" && navigator.product === "ReactNative";
  var cloneEvent = isNode || isReactNative ? cloneEventNode : cloneEventBrowser;
  var DEFAULT2 = {
    maxReconnectionDelay: 1e4,
    minReconnectionDelay: 3e3,
    minUptime: 5e3,
    reconnectionDelayGrowFactor: 1.3,
    connectionTimeout: 4e3,
    maxRetries: Number.POSITIVE_INFINITY,
    maxEnqueuedMessages: Number.POSITIVE_INFINITY,
    startClosed: false,
    debug: false
  };
  var didWarnAboutMissingWebSocket = false;
  function absorbError() {
  }
  var ReconnectingWebSocket2 = class ReconnectingWebSocket3 extends EventTarget {
    _ws;
    _retryCount = -1;
    _uptimeTimeout;
    _connectTimeout;
    _shouldReconnect = true;
    _connectLock = false;
    _binaryType = "blob";
    _closeCalled = false;
    _didWarnAboutClosedSend = false;
    _messageQueue = [];
    _debugLogger = console.log.bind(console);
    _url;
    _protocols;
    _options;
    constructor(url, protocols, options = {}) {
      super();
      this._url = url;
      this._protocols = protocols;
      this._options = options;
      if (this._options.startClosed) this._shouldReconnect = false;
      if (this._options.debugLogger)
        this._debugLogger = this._options.debugLogger;
      this._connect();
    }
    static get CONNECTING() {
      return 0;
    }
    static get OPEN() {
      return 1;
    }
    static get CLOSING() {
      return 2;
    }
    static get CLOSED() {
      return 3;
    }
    get CONNECTING() {
      return ReconnectingWebSocket3.CONNECTING;
    }
    get OPEN() {
      return ReconnectingWebSocket3.OPEN;
    }
    get CLOSING() {
      return ReconnectingWebSocket3.CLOSING;
    }
    get CLOSED() {
      return ReconnectingWebSocket3.CLOSED;
    }
    get binaryType() {
      return this._ws ? this._ws.binaryType : this._binaryType;
    }
    set binaryType(value) {
      this._binaryType = value;
      if (this._ws) this._ws.binaryType = value;
    }
    /**
     * Returns the number or connection retries
     */
    get retryCount() {
      return Math.max(this._retryCount, 0);
    }
    /**
     * The number of bytes of data that have been queued using calls to send() but not yet
     * transmitted to the network. This value resets to zero once all queued data has been sent.
     * This value does not reset to zero when the connection is closed; if you keep calling send(),
     * this will continue to climb. Read only
     */
    get bufferedAmount() {
      return this._messageQueue.reduce((acc, message) => {
        if (typeof message === "string") acc += message.length;
        else if (message instanceof Blob) acc += message.size;
        else acc += message.byteLength;
        return acc;
      }, 0) + (this._ws ? this._ws.bufferedAmount : 0);
    }
    /**
     * The extensions selected by the server. This is currently only the empty string or a list of
     * extensions as negotiated by the connection
     */
    get extensions() {
      return this._ws ? this._ws.extensions : "";
    }
    /**
     * A string indicating the name of the sub-protocol the server selected;
     * this will be one of the strings specified in the protocols parameter when creating the
     * WebSocket object
     */
    get protocol() {
      return this._ws ? this._ws.protocol : "";
    }
    /**
     * The current state of the connection; this is one of the Ready state constants
     */
    get readyState() {
      if (this._closeCalled) return ReconnectingWebSocket3.CLOSED;
      if (this._ws) return this._ws.readyState;
      return this._options.startClosed ? ReconnectingWebSocket3.CLOSED : ReconnectingWebSocket3.CONNECTING;
    }
    /**
     * The URL as resolved by the constructor
     */
    get url() {
      return this._ws ? this._ws.url : "";
    }
    /**
     * Whether the websocket object is now in reconnectable state
     */
    get shouldReconnect() {
      return this._shouldReconnect;
    }
    /**
     * An event listener to be called when the WebSocket connection's readyState changes to CLOSED
     */
    onclose = null;
    /**
     * An event listener to be called when an error occurs
     */
    onerror = null;
    /**
     * An event listener to be called when a message is received from the server
     */
    onmessage = null;
    /**
     * An event listener to be called when the WebSocket connection's readyState changes to OPEN;
     * this indicates that the connection is ready to send and receive data
     */
    onopen = null;
    /**
     * Closes the WebSocket connection or connection attempt, if any. If the connection is already
     * CLOSED or CLOSING, this method does nothing.
     *
     * The `close` event is dispatched synchronously (mirroring how
     * `reconnect()` dispatches its synthetic close). This guarantees
     * consumers observe a terminal event for every explicit close, even
     * if their listeners are detached right after this call — previously
     * the real (asynchronous) browser close event could fire after
     * listeners were removed and go unobserved entirely.
     */
    close(code = 1e3, reason) {
      this._closeCalled = true;
      this._shouldReconnect = false;
      this._clearTimeouts();
      if (!this._ws) {
        this._debug("close enqueued: no ws instance");
        return;
      }
      if (this._ws.readyState === this.CLOSED || this._ws.readyState === this.CLOSING) {
        this._debug("close: already closing or closed");
        return;
      }
      this._disconnect(code, reason);
    }
    /**
     * Closes the WebSocket connection or connection attempt and connects again.
     * Resets retry counter;
     */
    reconnect(code, reason) {
      this._shouldReconnect = true;
      this._closeCalled = false;
      this._didWarnAboutClosedSend = false;
      this._retryCount = -1;
      if (!this._ws || this._ws.readyState === this.CLOSED || this._ws.readyState === this.CLOSING)
        this._connect();
      else {
        this._disconnect(code, reason);
        this._connect();
      }
    }
    /**
     * Enqueue specified data to be transmitted to the server over the WebSocket connection.
     *
     * @returns `true` if the message was transmitted immediately over an open
     * connection; `false` if it was buffered (sent when the connection next
     * opens — the buffer is always flushed before the `open` event is
     * dispatched) or dropped because `maxEnqueuedMessages` was reached.
     */
    send(data) {
      if (this._ws && this._ws.readyState === this.OPEN) {
        this._debug("send", data);
        this._ws.send(data);
        return true;
      }
      if (this._closeCalled && !this._didWarnAboutClosedSend) {
        this._didWarnAboutClosedSend = true;
        console.warn(
          "ReconnectingWebSocket: send() was called after close(). The message has been buffered, but it will only be delivered if reconnect() is called on this socket. If this socket has been discarded, the message is lost \u2014 this usually means a stale socket reference is being used."
        );
      }
      const { maxEnqueuedMessages = DEFAULT2.maxEnqueuedMessages } = this._options;
      if (this._messageQueue.length < maxEnqueuedMessages) {
        this._debug("enqueue", data);
        this._messageQueue.push(data);
      }
      return false;
    }
    /**
     * Removes and returns all messages that were passed to send() but never
     * transmitted (they were buffered while the connection wasn't open).
     *
     * Useful when a socket is being discarded and replaced (e.g. the React
     * hooks recreate the socket when connection options change): the
     * replacement socket can re-send these messages, instead of them being
     * silently lost with the old instance.
     */
    drainQueuedMessages() {
      const queue = this._messageQueue;
      this._messageQueue = [];
      return queue;
    }
    _debug(...args) {
      if (this._options.debug) this._debugLogger("RWS>", ...args);
    }
    _getNextDelay() {
      const {
        reconnectionDelayGrowFactor = DEFAULT2.reconnectionDelayGrowFactor,
        minReconnectionDelay = DEFAULT2.minReconnectionDelay,
        maxReconnectionDelay = DEFAULT2.maxReconnectionDelay
      } = this._options;
      let delay = 0;
      if (this._retryCount > 0) {
        delay = minReconnectionDelay * reconnectionDelayGrowFactor ** (this._retryCount - 1);
        if (delay > maxReconnectionDelay) delay = maxReconnectionDelay;
      }
      this._debug("next delay", delay);
      return delay;
    }
    _wait() {
      return new Promise((resolve) => {
        setTimeout(resolve, this._getNextDelay());
      });
    }
    _getNextProtocols(protocolsProvider) {
      if (!protocolsProvider) return Promise.resolve(null);
      if (typeof protocolsProvider === "string" || Array.isArray(protocolsProvider))
        return Promise.resolve(protocolsProvider);
      if (typeof protocolsProvider === "function") {
        const protocols = protocolsProvider();
        if (!protocols) return Promise.resolve(null);
        if (typeof protocols === "string" || Array.isArray(protocols))
          return Promise.resolve(protocols);
        if (protocols.then) return protocols;
      }
      throw Error("Invalid protocols");
    }
    _getNextUrl(urlProvider) {
      if (typeof urlProvider === "string") return Promise.resolve(urlProvider);
      if (typeof urlProvider === "function") {
        const url = urlProvider();
        if (typeof url === "string") return Promise.resolve(url);
        if (url.then) return url;
      }
      throw Error("Invalid URL");
    }
    _connect() {
      if (this._connectLock || !this._shouldReconnect) return;
      this._connectLock = true;
      const {
        maxRetries = DEFAULT2.maxRetries,
        connectionTimeout = DEFAULT2.connectionTimeout
      } = this._options;
      if (this._retryCount >= maxRetries) {
        this._debug("max retries reached", this._retryCount, ">=", maxRetries);
        this._connectLock = false;
        return;
      }
      this._retryCount++;
      this._debug("connect", this._retryCount);
      this._removeListeners();
      this._wait().then(
        () => Promise.all([
          this._getNextUrl(this._url),
          this._getNextProtocols(this._protocols || null)
        ])
      ).then(([url, protocols]) => {
        if (this._closeCalled) {
          this._connectLock = false;
          return;
        }
        if (!this._options.WebSocket && typeof WebSocket === "undefined" && !didWarnAboutMissingWebSocket) {
          console.error(`\u203C\uFE0F No WebSocket implementation available. You should define options.WebSocket. 

For example, if you're using node.js, run \`npm install ws\`, and then in your code:

import PartySocket from 'partysocket';
import WS from 'ws';

const partysocket = new PartySocket({
  host: "127.0.0.1:1999",
  room: "test-room",
  WebSocket: WS
});

`);
          didWarnAboutMissingWebSocket = true;
        }
        const WS = this._options.WebSocket || WebSocket;
        this._debug("connect", {
          url,
          protocols
        });
        this._ws = protocols ? new WS(url, protocols) : new WS(url);
        this._ws.binaryType = this._binaryType;
        this._connectLock = false;
        this._addListeners();
        this._connectTimeout = setTimeout(
          () => this._handleTimeout(),
          connectionTimeout
        );
      }).catch((err) => {
        this._connectLock = false;
        this._handleError(new Events.ErrorEvent(Error(err.message), this));
      });
    }
    _handleTimeout() {
      this._debug("timeout event");
      this._handleError(new Events.ErrorEvent(Error("TIMEOUT"), this));
    }
    _disconnect(code = 1e3, reason) {
      this._clearTimeouts();
      if (!this._ws) return;
      this._removeListeners();
      try {
        if (this._ws.readyState === this.OPEN || this._ws.readyState === this.CONNECTING)
          this._ws.close(code, reason);
        this._handleClose(new Events.CloseEvent(code, reason, this));
      } catch (_error) {
      }
    }
    _acceptOpen() {
      this._debug("accept open");
      this._retryCount = 0;
    }
    _handleOpen = (event) => {
      this._debug("open event");
      const { minUptime = DEFAULT2.minUptime } = this._options;
      clearTimeout(this._connectTimeout);
      this._uptimeTimeout = setTimeout(() => this._acceptOpen(), minUptime);
      assert(this._ws, "WebSocket is not defined");
      this._ws.binaryType = this._binaryType;
      this._messageQueue.forEach((message) => {
        this._ws?.send(message);
      });
      this._messageQueue = [];
      if (this.onopen) this.onopen(event);
      this.dispatchEvent(cloneEvent(event));
    };
    _handleMessage = (event) => {
      this._debug("message event");
      if (this.onmessage) this.onmessage(event);
      this.dispatchEvent(cloneEvent(event));
    };
    _handleError = (event) => {
      this._debug("error event", event.message);
      this._disconnect(void 0, event.message === "TIMEOUT" ? "timeout" : void 0);
      if (this.onerror) this.onerror(event);
      this._debug("exec error listeners");
      this.dispatchEvent(cloneEvent(event));
      this._connect();
    };
    _handleClose = (event) => {
      this._debug("close event");
      this._clearTimeouts();
      if (this._options.shouldReconnectOnClose && !this._options.shouldReconnectOnClose(event))
        this._shouldReconnect = false;
      if (this._shouldReconnect) this._connect();
      if (this.onclose) this.onclose(event);
      this.dispatchEvent(cloneEvent(event));
    };
    _removeListeners() {
      if (!this._ws) return;
      this._debug("removeListeners");
      this._ws.removeEventListener("open", this._handleOpen);
      this._ws.removeEventListener("close", this._handleClose);
      this._ws.removeEventListener("message", this._handleMessage);
      this._ws.removeEventListener("error", this._handleError);
      this._ws.addEventListener("error", absorbError);
    }
    _addListeners() {
      if (!this._ws) return;
      this._debug("addListeners");
      this._ws.addEventListener("open", this._handleOpen);
      this._ws.addEventListener("close", this._handleClose);
      this._ws.addEventListener("message", this._handleMessage);
      this._ws.addEventListener("error", this._handleError);
    }
    _clearTimeouts() {
      clearTimeout(this._connectTimeout);
      clearTimeout(this._uptimeTimeout);
    }
  };

  // node_modules/partysocket/dist/index.js
  var valueIsNotNil = (keyValuePair) => keyValuePair[1] !== null && keyValuePair[1] !== void 0;
  function generateUUID() {
    if (crypto?.randomUUID) return crypto.randomUUID();
    let d = Date.now();
    let d2 = performance?.now && performance.now() * 1e3 || 0;
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function(c) {
      let r = Math.random() * 16;
      if (d > 0) {
        r = (d + r) % 16 | 0;
        d = Math.floor(d / 16);
      } else {
        r = (d2 + r) % 16 | 0;
        d2 = Math.floor(d2 / 16);
      }
      return (c === "x" ? r : r & 3 | 8).toString(16);
    });
  }
  function getPartyInfo(partySocketOptions, defaultProtocol, defaultParams = {}) {
    const {
      host: rawHost,
      path: rawPath,
      protocol: rawProtocol,
      room,
      party,
      basePath,
      prefix,
      query
    } = partySocketOptions;
    let host = rawHost.replace(/^(http|https|ws|wss):\/\//, "");
    if (host.endsWith("/")) host = host.slice(0, -1);
    if (rawPath?.startsWith("/"))
      throw new Error("path must not start with a slash");
    const name = party ?? "main";
    const path = rawPath ? `/${rawPath}` : "";
    const protocol = rawProtocol || (host.startsWith("localhost:") || host.startsWith("127.0.0.1:") || host.startsWith("192.168.") || host.startsWith("10.") || host.startsWith("172.") && host.split(".")[1] >= "16" && host.split(".")[1] <= "31" || host.startsWith("[::ffff:7f00:1]:") ? defaultProtocol : `${defaultProtocol}s`);
    const baseUrl = `${protocol}://${host}/${basePath || `${prefix || "parties"}/${name}/${room}`}${path}`;
    const makeUrl = (query2 = {}) => `${baseUrl}?${new URLSearchParams([...Object.entries(defaultParams), ...Object.entries(query2).filter(valueIsNotNil)])}`;
    const urlProvider = typeof query === "function" ? async () => makeUrl(await query()) : makeUrl(query);
    return {
      host,
      path,
      room,
      name,
      protocol,
      partyUrl: baseUrl,
      urlProvider
    };
  }
  var PartySocket = class extends ReconnectingWebSocket2 {
    _pk;
    _pkurl;
    name;
    room;
    host;
    path;
    basePath;
    constructor(partySocketOptions) {
      const wsOptions = getWSOptions(partySocketOptions);
      super(wsOptions.urlProvider, wsOptions.protocols, wsOptions.socketOptions);
      this.partySocketOptions = partySocketOptions;
      this.setWSProperties(wsOptions);
      if (!partySocketOptions.startClosed && !this.room && !this.basePath) {
        this.close();
        throw new Error(
          "Either room or basePath must be provided to connect. Use startClosed: true to create a socket and set them via updateProperties before calling reconnect()."
        );
      }
      if (!partySocketOptions.disableNameValidation) {
        if (partySocketOptions.party?.includes("/"))
          console.warn(
            `PartySocket: party name "${partySocketOptions.party}" contains forward slash which may cause routing issues. Consider using a name without forward slashes or set disableNameValidation: true to bypass this warning.`
          );
        if (partySocketOptions.room?.includes("/"))
          console.warn(
            `PartySocket: room name "${partySocketOptions.room}" contains forward slash which may cause routing issues. Consider using a name without forward slashes or set disableNameValidation: true to bypass this warning.`
          );
      }
    }
    updateProperties(partySocketOptions) {
      const wsOptions = getWSOptions({
        ...this.partySocketOptions,
        ...partySocketOptions,
        host: partySocketOptions.host ?? this.host,
        room: partySocketOptions.room ?? this.room,
        path: partySocketOptions.path ?? this.path,
        basePath: partySocketOptions.basePath ?? this.basePath
      });
      this._url = wsOptions.urlProvider;
      this._protocols = wsOptions.protocols;
      this._options = wsOptions.socketOptions;
      this.setWSProperties(wsOptions);
    }
    setWSProperties(wsOptions) {
      const { _pk, _pkurl, name, room, host, path, basePath } = wsOptions;
      this._pk = _pk;
      this._pkurl = _pkurl;
      this.name = name;
      this.room = room;
      this.host = host;
      this.path = path;
      this.basePath = basePath;
    }
    reconnect(code, reason) {
      if (!this.host)
        throw new Error(
          "The host must be set before connecting, use `updateProperties` method to set it or pass it to the constructor."
        );
      if (!this.room && !this.basePath)
        throw new Error(
          "The room (or basePath) must be set before connecting, use `updateProperties` method to set it or pass it to the constructor."
        );
      super.reconnect(code, reason);
    }
    get id() {
      return this._pk;
    }
    /**
     * Exposes the static PartyKit room URL without applying query parameters.
     * To access the currently connected WebSocket url, use PartySocket#url.
     */
    get roomUrl() {
      return this._pkurl;
    }
    static async fetch(options, init) {
      const party = getPartyInfo(options, "http");
      const url = typeof party.urlProvider === "string" ? party.urlProvider : await party.urlProvider();
      return (options.fetch ?? fetch)(url, init);
    }
  };
  function getWSOptions(partySocketOptions) {
    const {
      id,
      host: _host,
      path: _path,
      party: _party,
      room: _room,
      protocol: _protocol,
      query: _query,
      protocols,
      ...socketOptions
    } = partySocketOptions;
    const _pk = id || generateUUID();
    const party = getPartyInfo(partySocketOptions, "ws", { _pk });
    return {
      _pk,
      _pkurl: party.partyUrl,
      name: party.name,
      room: party.room,
      host: party.host,
      path: party.path,
      basePath: partySocketOptions.basePath,
      protocols,
      socketOptions,
      urlProvider: party.urlProvider
    };
  }

  // src/main.js
  var origin = new URL(location.href);
  async function ticksThroughDrops(until) {
    let last = 0;
    let opens = 0;
    const seen = [];
    const rws = new reconnecting_websocket_mjs_default(
      () => new URL(`/ticks?since=${last}&dropAfter=4`, origin).href,
      [],
      { minReconnectionDelay: 50, maxReconnectionDelay: 400, reconnectionDelayGrowFactor: 2, maxRetries: 20 }
    );
    rws.addEventListener("open", () => opens++);
    await new Promise((resolve, reject) => {
      rws.addEventListener("message", (event) => {
        const tick = JSON.parse(event.data);
        seen.push(tick.seq);
        last = tick.seq;
        if (last >= until) resolve();
      });
      rws.addEventListener("error", () => {
        if (rws.retryCount >= 20) reject(new Error("reconnecting-websocket gave up"));
      });
    });
    rws.close(1e3, "enough");
    const inOrder = seen.every((seq, i) => seq === i + 1);
    console.log(`reconnecting-websocket: ticks 1..${last} in order, none twice: ${inOrder}; connections: ${opens}`);
  }
  async function partyRoom() {
    const options = { host: origin.host, basePath: "broadcast", protocol: "ws" };
    const alice = new PartySocket({ ...options, id: "alice" });
    const bob = new PartySocket({ ...options, id: "bob" });
    const heard = new Promise((resolve) => {
      bob.addEventListener("message", (event) => {
        const message2 = JSON.parse(event.data);
        if (message2.from === "alice") resolve(message2);
      });
    });
    await new Promise((resolve) => bob.addEventListener("open", resolve, { once: true }));
    alice.send(JSON.stringify({ from: "alice", text: "sent before open" }));
    const message = await heard;
    console.log(`partysocket: bob heard "${message.text}" from ${message.from} at ${new URL(alice.url).pathname} (id ${alice.id})`);
    alice.close();
    bob.close();
  }
  main();
  async function main() {
    try {
      await ticksThroughDrops(10);
      await partyRoom();
      console.log("npm clients: done");
    } catch (e) {
      console.error(`npm clients failed: ${e.stack ?? e}`);
      wsjs.exit(1);
    }
  }
})();
/*! Bundled license information:

reconnecting-websocket/dist/reconnecting-websocket-mjs.js:
  (*! *****************************************************************************
  Copyright (c) Microsoft Corporation. All rights reserved.
  Licensed under the Apache License, Version 2.0 (the "License"); you may not use
  this file except in compliance with the License. You may obtain a copy of the
  License at http://www.apache.org/licenses/LICENSE-2.0
  
  THIS CODE IS PROVIDED ON AN *AS IS* BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
  KIND, EITHER EXPRESS OR IMPLIED, INCLUDING WITHOUT LIMITATION ANY IMPLIED
  WARRANTIES OR CONDITIONS OF TITLE, FITNESS FOR A PARTICULAR PURPOSE,
  MERCHANTABLITY OR NON-INFRINGEMENT.
  
  See the Apache Version 2.0 License for specific language governing permissions
  and limitations under the License.
  ***************************************************************************** *)
  (*!
   * Reconnecting WebSocket
   * by Pedro Ladaria <pedro.ladaria@gmail.com>
   * https://github.com/pladaria/reconnecting-websocket
   * License MIT
   *)
*/

// MessageChannel and MessagePort: HTML's channel messaging
// (https://html.spec.whatwg.org/multipage/web-messaging.html#channel-messaging), within this realm.
//
// A port's "port message queue" is an object with a list of serialized messages; while the queue is
// enabled, each message has one task queued on the event loop that delivers the queue's first
// message to the port that owns the queue at that time. A port that is transferred hands its queue to
// the new port (messages posted to it in between go along), which owns it from then on, disabled.
//
// Also here: the transfer steps of ReadableStream, WritableStream and TransformStream (the Streams
// Standard's transferable streams), which carry a stream's chunks over a new pair of ports.
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const clone = internals.structuredClone;
  const DOMException = internals.DOMException;
  const MessageEvent = internals.MessageEvent;
  const runtimeOps = ops.runtime;

  const TypeErrorCtor = TypeError;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ReflectApply = Reflect.apply;
  const SymbolIterator = Symbol.iterator;

  const kCreate = Symbol("create");

  /** A port's internal state: the slots HTML gives every MessagePort. */
  function newPortState(port) {
    return {
      __proto__: null,
      port,
      // [[Detached]]: set once the port was transferred or closed.
      detached: false,
      // The port it is entangled with, or null.
      entangled: null,
      // The "has been shipped" flag.
      shipped: false,
      // The port message queue.
      queue: undefined,
    };
  }

  /** A port message queue: serialized messages not yet delivered, whether it is enabled, its port. */
  function newPortMessageQueue(state) {
    return { __proto__: null, owner: state, messages: [], enabled: false };
  }

  let stateOf;

  class MessagePort extends internals.EventTarget {
    #state;

    constructor(key = undefined) {
      // MessagePort has no IDL constructor: only MessageChannel and transfers make ports.
      if (key !== kCreate) webidl.illegalConstructor();
      super();
      this[webidl.brand] = webidl.brand;
      const state = newPortState(this);
      state.queue = newPortMessageQueue(state);
      this.#state = state;
    }

    static {
      stateOf = (V) => (V !== null && typeof V === "object" && #state in V ? V.#state : undefined);
    }

    static #check(self) {
      const state = stateOf(self);
      if (state === undefined) throw new TypeErrorCtor("Illegal invocation");
      return state;
    }

    // https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-postmessage
    postMessage(message, transferOrOptions = undefined) {
      const state = MessagePort.#check(this);
      const prefix = "Failed to execute 'postMessage' on 'MessagePort'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      // Overload resolution between postMessage(any message, sequence<object> transfer) and
      // postMessage(any message, optional StructuredSerializeOptions options = {}): an object with an
      // @@iterator method is a sequence, undefined, null or another object is the dictionary.
      let transfer;
      if (transferOrOptions !== null && (typeof transferOrOptions === "object" || typeof transferOrOptions === "function") &&
        transferOrOptions[SymbolIterator] !== undefined) {
        // 2. Let options be «[ "transfer" → transfer ]».
        transfer = converters["sequence<object>"](transferOrOptions, prefix, "Argument 2");
      } else if (transferOrOptions === undefined || transferOrOptions === null ||
        typeof transferOrOptions === "object" || typeof transferOrOptions === "function") {
        transfer = convertStructuredSerializeOptions(transferOrOptions, prefix, "Argument 2").transfer;
      } else {
        throw new TypeErrorCtor(`${prefix}: No function was found that matched the signature provided.`);
      }
      // 1. Let targetPort be the port with which this is entangled, if any; otherwise let it be null.
      // 3. Run the message port post message steps providing this, targetPort, message and options.
      postMessageSteps(state, state.entangled, message, transfer);
    }

    // https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-start
    start() {
      // The start() method steps are to enable this's port message queue, if it is not already enabled.
      enablePortMessageQueue(MessagePort.#check(this));
    }

    // https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-close
    close() {
      const state = MessagePort.#check(this);
      // 1. Set this's [[Detached]] internal slot value to true.
      state.detached = true;
      // 2. If this is entangled, disentangle it.
      if (state.entangled !== null) disentangle(state);
    }
  }

  const convertStructuredSerializeOptions = webidl.createDictionaryConverter("StructuredSerializeOptions", [
    { key: "transfer", converter: converters["sequence<object>"], defaultValue: [] },
  ]);

  // https://html.spec.whatwg.org/multipage/web-messaging.html#entangle
  function entangle(a, b) {
    // 1. If one of the ports is already entangled, then disentangle it and the port that it was
    //    entangled with.
    if (a.entangled !== null) disentangle(a);
    if (b.entangled !== null) disentangle(b);
    // 2. Associate the two ports to be entangled, so that they form the two parts of a new channel.
    a.entangled = b;
    b.entangled = a;
  }

  // https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle
  function disentangle(initiator) {
    // 1. Let otherPort be the MessagePort which initiatorPort was entangled with.
    const other = initiator.entangled;
    // 2. Assert: otherPort exists.
    // 3. Disentangle initiatorPort and otherPort, so that they are no longer entangled or associated
    //    with each other.
    initiator.entangled = null;
    other.entangled = null;
  }

  // https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps
  function postMessageSteps(source, target, message, transfer) {
    // 1. Let transfer be options["transfer"].
    // 2. If transfer contains sourcePort, then throw a "DataCloneError" DOMException.
    for (let i = 0; i < transfer.length; i++) {
      if (transfer[i] === source.port) {
        throw new DOMException("Failed to execute 'postMessage' on 'MessagePort': The source port cannot be transferred.",
          "DataCloneError");
      }
    }
    // 3. Let doomed be false.
    let doomed = false;
    // 4. If targetPort is not null and transfer contains targetPort, then set doomed to true (the target
    //    port was posted to itself, and the channel is lost).
    if (target !== null) {
      for (let i = 0; i < transfer.length; i++) {
        if (transfer[i] === target.port) doomed = true;
      }
    }
    // 5. Let serializeWithTransferResult be ? StructuredSerializeWithTransfer(message, transfer).
    const serializeWithTransferResult = clone.serializeWithTransfer(message, transfer);
    // 6. If targetPort is null, or if doomed is true, then return.
    if (target === null || doomed) return;
    // 7. Add a task that runs the following steps to the port message queue of targetPort.
    const queue = target.queue;
    queue.messages.push(serializeWithTransferResult);
    if (queue.enabled) queueDelivery(queue);
  }

  // While a queue is enabled, the event loop runs its tasks: one loop task per message.
  function queueDelivery(queue) {
    runtimeOps.queueTask(() => deliverNextMessage(queue));
  }

  function enablePortMessageQueue(state) {
    const queue = state.queue;
    if (queue.enabled) return;
    queue.enabled = true;
    for (let i = 0; i < queue.messages.length; i++) queueDelivery(queue);
  }

  // The task step 7 of the message port post message steps added.
  function deliverNextMessage(queue) {
    // (A queue that moved to a new port waits, disabled, until that port enables it.)
    if (!queue.enabled || queue.messages.length === 0) return;
    const serializeWithTransferResult = queue.messages.shift();
    // 7.1. Let finalTargetPort be the MessagePort in whose port message queue the task now finds itself.
    const finalTargetPort = queue.owner.port;
    // 7.2. Let targetRealm be finalTargetPort's relevant realm.
    // 7.3. Let deserializeRecord be StructuredDeserializeWithTransfer(serializeWithTransferResult, targetRealm).
    //      If this throws an exception, catch it, fire an event named messageerror at finalTargetPort,
    //      using MessageEvent, and then return.
    let deserializeRecord;
    try {
      deserializeRecord = clone.deserializeWithTransfer(serializeWithTransferResult);
    } catch {
      internals.fireEvent(finalTargetPort, "messageerror", MessageEvent, {});
      return;
    }
    // 7.4. Let messageClone be deserializeRecord.[[Deserialized]].
    // 7.5. Let newPorts be a new frozen array consisting of all MessagePort objects in
    //      deserializeRecord.[[TransferredValues]], if any, maintaining their relative order.
    const newPorts = [];
    const transferred = deserializeRecord.transferredValues;
    for (let i = 0; i < transferred.length; i++) {
      if (stateOf(transferred[i]) !== undefined) newPorts.push(transferred[i]);
    }
    // 7.6. Fire an event named message at finalTargetPort, using MessageEvent, with the data attribute
    //      initialized to messageClone and the ports attribute initialized to newPorts.
    internals.fireEvent(finalTargetPort, "message", MessageEvent,
      { data: deserializeRecord.deserialized, ports: newPorts });
  }

  // MessagePort objects are transferable objects.
  clone.registerTransferable("MessagePort", {
    is: (value) => stateOf(value) !== undefined,
    isDetached: (value) => stateOf(value).detached,
    setDetached: (value) => {
      stateOf(value).detached = true;
    },
    // https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports (transfer steps)
    transfer(value, dataHolder) {
      const state = stateOf(value);
      // 1. Set value's has been shipped flag to true.
      state.shipped = true;
      // 2. Set dataHolder.[[PortMessageQueue]] to value's port message queue. (Messages posted to
      //    value before the receiving steps run join that queue too.)
      dataHolder.portMessageQueue = state.queue;
      dataHolder.shippedPort = state;
      // 3. If value is entangled with another port remotePort, then: set remotePort's has been shipped
      //    flag to true, and set dataHolder.[[RemotePort]] to remotePort.
      // 4. Otherwise, set dataHolder.[[RemotePort]] to null.
      const remote = state.entangled;
      if (remote !== null) remote.shipped = true;
      dataHolder.remotePort = remote;
    },
    // (transfer-receiving steps, given dataHolder and a new MessagePort value)
    receive(dataHolder) {
      const value = new MessagePort(kCreate);
      const state = stateOf(value);
      // 1. Set value's has been shipped flag to true.
      state.shipped = true;
      // 2. Move all the tasks that are to fire message events in dataHolder.[[PortMessageQueue]] to the
      //    port message queue of value, if any, leaving value's port message queue in its initial
      //    disabled state.
      const queue = dataHolder.portMessageQueue;
      queue.owner = state;
      queue.enabled = false;
      state.queue = queue;
      dataHolder.shippedPort.queue = newPortMessageQueue(dataHolder.shippedPort);
      // 3. If dataHolder.[[RemotePort]] is not null, then entangle dataHolder.[[RemotePort]] and value.
      //    (This will disentangle dataHolder.[[RemotePort]] from the original port that was transferred.)
      if (dataHolder.remotePort !== null) entangle(dataHolder.remotePort, state);
      return value;
    },
  });

  // Event handlers: onmessage and onmessageerror (MessageEventTarget).
  internals.defineEventHandler(MessagePort.prototype, "message");
  internals.defineEventHandler(MessagePort.prototype, "messageerror");
  // The first time a MessagePort object's onmessage IDL attribute is set, the port's port message
  // queue must be enabled, as if the start() method had been called.
  const onmessage = ObjectGetOwnPropertyDescriptor(MessagePort.prototype, "onmessage");
  const onmessageAccessors = {
    set onmessage(value) {
      ReflectApply(onmessage.set, this, [value]);
      enablePortMessageQueue(stateOf(this));
    },
  };
  ObjectDefineProperty(MessagePort.prototype, "onmessage", {
    __proto__: null,
    get: onmessage.get,
    set: ObjectGetOwnPropertyDescriptor(onmessageAccessors, "onmessage").set,
    enumerable: true,
    configurable: true,
  });

  // https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels
  let isMessageChannel;

  class MessageChannel {
    #port1;
    #port2;

    static {
      isMessageChannel = (V) => V !== null && typeof V === "object" && #port1 in V;
    }

    // https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messagechannel
    constructor() {
      this[webidl.brand] = webidl.brand;
      // 1. Set this's port 1 to a new MessagePort in this's relevant realm.
      this.#port1 = new MessagePort(kCreate);
      // 2. Set this's port 2 to a new MessagePort in this's relevant realm.
      this.#port2 = new MessagePort(kCreate);
      // 3. Entangle this's port 1 and this's port 2.
      entangle(stateOf(this.#port1), stateOf(this.#port2));
    }

    // The port1 getter steps are to return this's port 1.
    get port1() {
      if (!isMessageChannel(this)) throw new TypeErrorCtor("Illegal invocation");
      return this.#port1;
    }

    // The port2 getter steps are to return this's port 2.
    get port2() {
      if (!isMessageChannel(this)) throw new TypeErrorCtor("Illegal invocation");
      return this.#port2;
    }
  }

  // ------------------------------------------------------------------ transferable streams
  // https://streams.spec.whatwg.org/#transferrable-streams: a transferred stream is piped into (or
  // from) a cross-realm transform stream, whose chunks travel through a new entangled pair of ports.

  const streams = internals.streams;
  const PromiseCtor = Promise;
  const PromiseResolve = Promise.resolve.bind(Promise);
  const PromisePrototypeThen = Promise.prototype.then;
  const ObjectCreate = Object.create;
  const addEventListener = internals.EventTarget.prototype.addEventListener;

  function newPromiseCapability() {
    const capability = { __proto__: null, promise: undefined, resolve: undefined };
    capability.promise = new PromiseCtor((resolve) => {
      capability.resolve = resolve;
    });
    return capability;
  }

  // A new pair of entangled ports, as the transfer steps of the streams make them.
  function newEntangledPorts() {
    const port1 = new MessagePort(kCreate);
    const port2 = new MessagePort(kCreate);
    entangle(stateOf(port1), stateOf(port2));
    return [port1, port2];
  }

  function disentanglePort(state) {
    if (state.entangled !== null) disentangle(state);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-packandpostmessage
  function packAndPostMessage(state, type, value) {
    // 1. Let message be OrdinaryObjectCreate(null).
    const message = ObjectCreate(null);
    // 2. Perform ! CreateDataProperty(message, "type", type).
    message.type = type;
    // 3. Perform ! CreateDataProperty(message, "value", value).
    message.value = value;
    // 4. Let targetPort be the port with which port is entangled, if any; otherwise let it be null.
    // 5. Let options be «[ "transfer" → « » ]».
    // 6. Run the message port post message steps providing targetPort, message, and options.
    postMessageSteps(state, state.entangled, message, []);
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-packandpostmessagehandlingerror
  function packAndPostMessageHandlingError(state, type, value) {
    try {
      // 1. Let result be PackAndPostMessage(port, type, value).
      packAndPostMessage(state, type, value);
    } catch (e) {
      // 2. If result is an abrupt completion, perform ! CrossRealmTransformSendError(port, result.[[Value]]).
      crossRealmTransformSendError(state, e);
      // 3. Return result as a completion record.
      throw e;
    }
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-crossrealmtransformsenderror
  function crossRealmTransformSendError(state, error) {
    // 1. Perform PackAndPostMessage(port, "error", error), discarding the result.
    try {
      packAndPostMessage(state, "error", error);
    } catch {
      // discarded
    }
  }

  function onPortMessage(port, onMessage, onMessageError) {
    ReflectApply(addEventListener, port, ["message", onMessage]);
    ReflectApply(addEventListener, port, ["messageerror", onMessageError]);
  }

  function newDataCloneError() {
    return new DOMException("A message could not be deserialized.", "DataCloneError");
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-setupcrossrealmtransformreadable: returns the
  // new ReadableStream's record.
  function setUpCrossRealmTransformReadable(port) {
    const state = stateOf(port);
    // 1. Perform ! InitializeReadableStream(stream). 2. Let controller be a new ReadableStreamDefaultController.
    //    (Both made by "set up" in step 10.)
    let stream;
    // 3. Add a handler for port's message event with the following steps:
    onPortMessage(port, (event) => {
      // 3.1. Let data be the data of the message. 3.3-3.4. Let type and value be its "type" and "value".
      const data = event.data;
      const type = data.type;
      const value = data.value;
      if (type === "chunk") {
        // 3.6. If type is "chunk", perform ! ReadableStreamDefaultControllerEnqueue(controller, value).
        streams.enqueue(stream, value);
      } else if (type === "close") {
        // 3.7. Otherwise, if type is "close": ! ReadableStreamDefaultControllerClose(controller); disentangle port.
        streams.close(stream);
        disentanglePort(state);
      } else if (type === "error") {
        // 3.8. Otherwise, if type is "error": ! ReadableStreamDefaultControllerError(controller, value);
        //      disentangle port.
        streams.error(stream, value);
        disentanglePort(state);
      }
    }, () => {
      // 4. Add a handler for port's messageerror event with the following steps:
      // 4.1. Let error be a new "DataCloneError" DOMException.
      const error = newDataCloneError();
      // 4.2. Perform ! CrossRealmTransformSendError(port, error).
      crossRealmTransformSendError(state, error);
      // 4.3. Perform ! ReadableStreamDefaultControllerError(controller, error).
      streams.error(stream, error);
      // 4.4. Disentangle port.
      disentanglePort(state);
    });
    // 5. Enable port's port message queue.
    enablePortMessageQueue(state);
    // 6. Let startAlgorithm be an algorithm that returns undefined.
    // 7. Let pullAlgorithm be: perform ! PackAndPostMessage(port, "pull", undefined); return a promise
    //    resolved with undefined.
    const pullAlgorithm = () => {
      packAndPostMessage(state, "pull", undefined);
    };
    // 8. Let cancelAlgorithm be the following steps, taking a reason argument:
    const cancelAlgorithm = (reason) => {
      try {
        // 8.1. Let result be PackAndPostMessageHandlingError(port, "error", reason).
        packAndPostMessageHandlingError(state, "error", reason);
      } finally {
        // 8.2. Disentangle port.
        disentanglePort(state);
      }
      // 8.3. If result is an abrupt completion, return a promise rejected with result.[[Value]] (the throw).
      // 8.4. Otherwise, return a promise resolved with undefined.
    };
    // 9. Let sizeAlgorithm be an algorithm that returns 1.
    // 10. Perform ! SetUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
    //     cancelAlgorithm, 0, sizeAlgorithm).
    stream = streams.setUpReadableStream(pullAlgorithm, cancelAlgorithm, 0, () => 1);
    return stream;
  }

  // https://streams.spec.whatwg.org/#abstract-opdef-setupcrossrealmtransformwritable: returns the
  // new WritableStream's record.
  function setUpCrossRealmTransformWritable(port) {
    const state = stateOf(port);
    // 1. Perform ! InitializeWritableStream(stream). 2. Let controller be a new
    //    WritableStreamDefaultController. (Both made by "set up" in step 12.)
    let stream;
    // 3. Let backpressurePromise be a new promise.
    let backpressurePromise = newPromiseCapability();
    // 4. Add a handler for port's message event with the following steps:
    onPortMessage(port, (event) => {
      // 4.1-4.4. Let data be the data of the message; type and value its "type" and "value".
      const data = event.data;
      const type = data.type;
      const value = data.value;
      if (type === "pull") {
        // 4.6. If type is "pull": if backpressurePromise is not undefined, resolve it with undefined and
        //      set it to undefined.
        if (backpressurePromise !== undefined) {
          backpressurePromise.resolve(undefined);
          backpressurePromise = undefined;
        }
      } else if (type === "error") {
        // 4.7. Otherwise, if type is "error": ! WritableStreamDefaultControllerErrorIfNeeded(controller,
        //      value); if backpressurePromise is not undefined, resolve it and set it to undefined.
        streams.errorWritable(stream, value);
        if (backpressurePromise !== undefined) {
          backpressurePromise.resolve(undefined);
          backpressurePromise = undefined;
        }
      }
    }, () => {
      // 5. Add a handler for port's messageerror event with the following steps:
      // 5.1. Let error be a new "DataCloneError" DOMException.
      const error = newDataCloneError();
      // 5.2. Perform ! CrossRealmTransformSendError(port, error).
      crossRealmTransformSendError(state, error);
      // 5.3. Perform ! WritableStreamDefaultControllerErrorIfNeeded(controller, error).
      streams.errorWritable(stream, error);
      // 5.4. Disentangle port.
      disentanglePort(state);
    });
    // 6. Enable port's port message queue.
    enablePortMessageQueue(state);
    // 7. Let startAlgorithm be an algorithm that returns undefined.
    // 8. Let writeAlgorithm be the following steps, taking a chunk argument:
    const writeAlgorithm = (chunk) => {
      // 8.1. If backpressurePromise is undefined, set backpressurePromise to a promise resolved with undefined.
      const waitFor = backpressurePromise === undefined ? PromiseResolve(undefined) : backpressurePromise.promise;
      // 8.2. Return the result of reacting to backpressurePromise with the following fulfillment steps:
      return ReflectApply(PromisePrototypeThen, waitFor, [() => {
        // 8.2.1. Set backpressurePromise to a new promise.
        backpressurePromise = newPromiseCapability();
        // 8.2.2. Let result be PackAndPostMessageHandlingError(port, "chunk", chunk).
        try {
          packAndPostMessageHandlingError(state, "chunk", chunk);
        } catch (e) {
          // 8.2.3. If result is an abrupt completion: disentangle port; return a promise rejected with
          //        result.[[Value]].
          disentanglePort(state);
          throw e;
        }
        // 8.2.4. Otherwise, return a promise resolved with undefined.
      }]);
    };
    // 9. Let closeAlgorithm be: ! PackAndPostMessage(port, "close", undefined); disentangle port; return a
    //    promise resolved with undefined.
    const closeAlgorithm = () => {
      packAndPostMessage(state, "close", undefined);
      disentanglePort(state);
    };
    // 10. Let abortAlgorithm be the following steps, taking a reason argument:
    const abortAlgorithm = (reason) => {
      try {
        // 10.1. Let result be PackAndPostMessageHandlingError(port, "error", reason).
        packAndPostMessageHandlingError(state, "error", reason);
      } finally {
        // 10.2. Disentangle port.
        disentanglePort(state);
      }
      // 10.3-10.4. A throw becomes a rejected promise; otherwise a promise resolved with undefined.
    };
    // 11. Let sizeAlgorithm be an algorithm that returns 1.
    // 12. Perform ! SetUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
    //     closeAlgorithm, abortAlgorithm, 1, sizeAlgorithm).
    stream = streams.setUpWritableStream(writeAlgorithm, closeAlgorithm, abortAlgorithm, 1, () => 1);
    return stream;
  }

  function markHandled(promise) {
    ReflectApply(PromisePrototypeThen, promise, [undefined, () => {}]);
  }

  function streamDataCloneError(what) {
    return new DOMException(`A locked ${what} cannot be transferred.`, "DataCloneError");
  }

  // The [[Detached]] slot of transferred streams.
  const detachedStreams = new WeakSet();
  const streamDetachedHooks = {
    isDetached: (value) => detachedStreams.has(value),
    setDetached: (value) => {
      detachedStreams.add(value);
    },
  };

  clone.registerTransferable("ReadableStream", {
    is: (value) => streams.isReadableStream(value),
    ...streamDetachedHooks,
    // https://streams.spec.whatwg.org/#ref-for-transfer-steps
    transfer(value, dataHolder) {
      const record = streams.readableRecordOf(value);
      // 1. If ! IsReadableStreamLocked(value) is true, throw a "DataCloneError" DOMException.
      if (streams.isReadableStreamLocked(record)) throw streamDataCloneError("ReadableStream");
      // 2-4. Let port1 and port2 be new MessagePorts in the current Realm; entangle them.
      const [port1, port2] = newEntangledPorts();
      // 5. Let writable be a new WritableStream in the current Realm.
      // 6. Perform ! SetUpCrossRealmTransformWritable(writable, port1).
      const writable = setUpCrossRealmTransformWritable(port1);
      // 7. Let promise be ! ReadableStreamPipeTo(value, writable, false, false, false).
      // 8. Set promise.[[PromiseIsHandled]] to true.
      markHandled(streams.pipeTo(record, writable));
      // 9. Set dataHolder.[[port]] to ! StructuredSerializeWithTransfer(port2, « port2 »).
      dataHolder.port = clone.serializeWithTransfer(port2, [port2]);
    },
    // https://streams.spec.whatwg.org/#ref-for-transfer-receiving-steps
    receive(dataHolder) {
      // 1. Let deserializedRecord be ! StructuredDeserializeWithTransfer(dataHolder.[[port]], the current Realm).
      // 2. Let port be deserializedRecord.[[Deserialized]].
      const port = clone.deserializeWithTransfer(dataHolder.port).deserialized;
      // 3. Perform ! SetUpCrossRealmTransformReadable(value, port).
      return setUpCrossRealmTransformReadable(port).object;
    },
  });

  clone.registerTransferable("WritableStream", {
    is: (value) => streams.isWritableStream(value),
    ...streamDetachedHooks,
    // https://streams.spec.whatwg.org/#ref-for-transfer-steps①
    transfer(value, dataHolder) {
      const record = streams.writableRecordOf(value);
      // 1. If ! IsWritableStreamLocked(value) is true, throw a "DataCloneError" DOMException.
      if (streams.isWritableStreamLocked(record)) throw streamDataCloneError("WritableStream");
      // 2-4. Let port1 and port2 be new MessagePorts in the current Realm; entangle them.
      const [port1, port2] = newEntangledPorts();
      // 5. Let readable be a new ReadableStream in the current Realm.
      // 6. Perform ! SetUpCrossRealmTransformReadable(readable, port1).
      const readable = setUpCrossRealmTransformReadable(port1);
      // 7. Let promise be ! ReadableStreamPipeTo(readable, value, false, false, false).
      // 8. Set promise.[[PromiseIsHandled]] to true.
      markHandled(streams.pipeTo(readable, record));
      // 9. Set dataHolder.[[port]] to ! StructuredSerializeWithTransfer(port2, « port2 »).
      dataHolder.port = clone.serializeWithTransfer(port2, [port2]);
    },
    // https://streams.spec.whatwg.org/#ref-for-transfer-receiving-steps①
    receive(dataHolder) {
      // 1-2. Let port be the deserialization of dataHolder.[[port]].
      const port = clone.deserializeWithTransfer(dataHolder.port).deserialized;
      // 3. Perform ! SetUpCrossRealmTransformWritable(value, port).
      return setUpCrossRealmTransformWritable(port).object;
    },
  });

  clone.registerTransferable("TransformStream", {
    is: (value) => streams.isTransformStream(value),
    ...streamDetachedHooks,
    // https://streams.spec.whatwg.org/#ref-for-transfer-steps②
    transfer(value, dataHolder) {
      const record = streams.transformRecordOf(value);
      // 1. Let readable be value.[[readable]].
      const readable = record.readable;
      // 2. Let writable be value.[[writable]].
      const writable = record.writable;
      // 3. If ! IsReadableStreamLocked(readable) is true, throw a "DataCloneError" DOMException.
      if (streams.isReadableStreamLocked(readable)) throw streamDataCloneError("TransformStream's readable side");
      // 4. If ! IsWritableStreamLocked(writable) is true, throw a "DataCloneError" DOMException.
      if (streams.isWritableStreamLocked(writable)) throw streamDataCloneError("TransformStream's writable side");
      // 5. Set dataHolder.[[readable]] to ! StructuredSerializeWithTransfer(readable, « readable »).
      dataHolder.readable = clone.serializeWithTransfer(readable.object, [readable.object]);
      // 6. Set dataHolder.[[writable]] to ! StructuredSerializeWithTransfer(writable, « writable »).
      dataHolder.writable = clone.serializeWithTransfer(writable.object, [writable.object]);
    },
    // https://streams.spec.whatwg.org/#ref-for-transfer-receiving-steps②
    receive(dataHolder) {
      // 1. Let readableRecord be ! StructuredDeserializeWithTransfer(dataHolder.[[readable]], the current Realm).
      const readable = clone.deserializeWithTransfer(dataHolder.readable).deserialized;
      // 2. Let writableRecord be ! StructuredDeserializeWithTransfer(dataHolder.[[writable]], the current Realm).
      const writable = clone.deserializeWithTransfer(dataHolder.writable).deserialized;
      // 3. Set value.[[readable]] to readableRecord.[[Deserialized]].
      // 4. Set value.[[writable]] to writableRecord.[[Deserialized]].
      // 5. Set value.[[backpressure]], value.[[backpressureChangePromise]], and value.[[controller]] to undefined.
      return streams.createTransformStreamFrom(streams.readableRecordOf(readable), streams.writableRecordOf(writable));
    },
  });

  webidl.configureInterface(MessagePort);
  webidl.configureInterface(MessageChannel);
  webidl.exposeInterface(globalThis, "MessagePort", MessagePort);
  webidl.exposeInterface(globalThis, "MessageChannel", MessageChannel);
  // MessageEvent's source and ports members accept MessagePorts.
  internals.MessagePort = MessagePort;
})

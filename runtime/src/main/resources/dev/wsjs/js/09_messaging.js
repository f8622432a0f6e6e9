// MessageChannel and MessagePort: HTML's channel messaging
// (https://html.spec.whatwg.org/multipage/web-messaging.html#channel-messaging), within this realm.
//
// A port's "port message queue" is a list of serialized messages; while the queue is enabled, each
// message has one task queued on the event loop that delivers the queue's first message. A port that
// is transferred hands its list to the new port (transfer steps), whose queue starts disabled; tasks
// already queued for the old port then find nothing to deliver.
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
      // The port message queue: serialized messages not yet delivered, and whether the queue is enabled.
      queue: [],
      enabled: false,
    };
  }

  let stateOf;

  class MessagePort extends internals.EventTarget {
    #state;

    constructor(key = undefined) {
      // MessagePort has no IDL constructor: only MessageChannel and transfers make ports.
      if (key !== kCreate) webidl.illegalConstructor();
      super();
      this[webidl.brand] = webidl.brand;
      this.#state = newPortState(this);
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
    target.queue.push(serializeWithTransferResult);
    if (target.enabled) queueDelivery(target);
  }

  // While a queue is enabled, the event loop runs its tasks: one loop task per message.
  function queueDelivery(state) {
    runtimeOps.queueTask(() => deliverNextMessage(state));
  }

  function enablePortMessageQueue(state) {
    if (state.enabled) return;
    state.enabled = true;
    for (let i = 0; i < state.queue.length; i++) queueDelivery(state);
  }

  // The task step 7 of the message port post message steps added.
  function deliverNextMessage(state) {
    // (The port was transferred since: its messages moved to the new port, which delivers them.)
    if (state.queue.length === 0) return;
    const serializeWithTransferResult = state.queue.shift();
    // 7.1. Let finalTargetPort be the MessagePort in whose port message queue the task now finds itself.
    const finalTargetPort = state.port;
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
      // 2. Set dataHolder.[[PortMessageQueue]] to value's port message queue.
      dataHolder.portMessageQueue = state.queue;
      state.queue = [];
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
      state.queue = dataHolder.portMessageQueue;
      dataHolder.portMessageQueue = [];
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

  webidl.configureInterface(MessagePort);
  webidl.configureInterface(MessageChannel);
  webidl.exposeInterface(globalThis, "MessagePort", MessagePort);
  webidl.exposeInterface(globalThis, "MessageChannel", MessageChannel);
  // MessageEvent's source and ports members accept MessagePorts.
  internals.MessagePort = MessagePort;
})

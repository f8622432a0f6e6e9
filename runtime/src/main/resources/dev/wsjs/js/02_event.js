// Events: https://dom.spec.whatwg.org/#events — Event, EventTarget, CustomEvent and the dispatch
// algorithm; ErrorEvent, MessageEvent, PromiseRejectionEvent, event handler attributes and "report an
// exception" from the HTML Standard; CloseEvent from the WebSockets Standard. The global object becomes an
// EventTarget (a Window-like prototype) with onerror, onunhandledrejection and onrejectionhandled.
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const brand = webidl.brand;
  const DOMException = internals.DOMException;

  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectFreeze = Object.freeze;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ObjectPrototypeToString = Object.prototype.toString;
  // Reflect.apply with an array literal: the engine optimizes it best of the ways to call a function with a
  // chosen this (measured against Function.prototype.call, bound or not).
  const ReflectApply = Reflect.apply;
  const ReflectDefineProperty = Reflect.defineProperty;
  const MapCtor = webidl.SafeMap;
  const RegExpPrototypeExec = RegExp.prototype.exec;
  const runtimeOps = ops.runtime;

  // ------------------------------------------------------------------ Event

  // The internal slots of an Event. The boolean flags and attributes share one bit field so that creating
  // an event (thousands a second on a busy WebSocket) touches few properties.
  const _type = Symbol("[[type]]");
  const _target = Symbol("[[target]]");
  const _currentTarget = Symbol("[[currentTarget]]");
  const _path = Symbol("[[path]]");
  const _phase = Symbol("[[eventPhase]]");
  const _flags = Symbol("[[flags]]");
  const _timeStamp = Symbol("[[timeStamp]]");

  const STOP_PROPAGATION = 1;
  const STOP_IMMEDIATE_PROPAGATION = 2;
  const CANCELED = 4;
  const IN_PASSIVE_LISTENER = 8;
  const COMPOSED = 16;
  const INITIALIZED = 32;
  const DISPATCH = 64;
  const BUBBLES = 128;
  const CANCELABLE = 256;
  const TRUSTED = 512;

  const NONE = 0;
  const CAPTURING_PHASE = 1;
  const AT_TARGET = 2;
  const BUBBLING_PHASE = 3;

  // https://dom.spec.whatwg.org/#dictdef-eventinit
  const eventInitMembers = [
    { key: "bubbles", converter: converters.boolean, defaultValue: false },
    { key: "cancelable", converter: converters.boolean, defaultValue: false },
    { key: "composed", converter: converters.boolean, defaultValue: false },
  ];
  const convertEventInit = webidl.createDictionaryConverter("EventInit", eventInitMembers);

  function flagsOf(init) {
    if (init === undefined || init === null) return 0;
    return (init.bubbles === true ? BUBBLES : 0) |
      (init.cancelable === true ? CANCELABLE : 0) |
      (init.composed === true ? COMPOSED : 0);
  }

  // [LegacyUnforgeable] readonly attribute boolean isTrusted: an own accessor on every event, with one
  // getter function shared by all of them.
  const isTrustedGetter = ObjectGetOwnPropertyDescriptor({
    get isTrusted() {
      webidl.assertBranded(this, EventPrototype);
      return (this[_flags] & TRUSTED) !== 0;
    },
  }, "isTrusted").get;
  const IS_TRUSTED_DESCRIPTOR = ObjectFreeze({
    __proto__: null,
    get: isTrustedGetter,
    set: undefined,
    enumerable: true,
    configurable: false,
  });

  /**
   * The part of "inner event creation steps" (https://dom.spec.whatwg.org/#inner-event-creation-steps)
   * shared by constructors and the trusted fast path. Always adds the same properties in the same order,
   * so every event of a class has one shape.
   */
  function setUpEvent(event, type, flags) {
    event[brand] = brand;
    // Reflect.defineProperty, not Object.defineProperty: the same definition, and GraalJS runs it in
    // half the time once compiled (0.35 against 0.7 µs per event; it was the costliest builtin call of
    // every received message). It cannot fail on a new event; if it did, it throws as
    // Object.defineProperty would.
    if (!ReflectDefineProperty(event, "isTrusted", IS_TRUSTED_DESCRIPTOR)) {
      throw new TypeError("Cannot define property isTrusted");
    }
    event[_type] = type;
    event[_target] = null;
    event[_currentTarget] = null;
    event[_path] = null;
    event[_phase] = NONE;
    // 2. Set event's initialized flag.
    event[_flags] = flags | INITIALIZED;
    // 3. Initialize event's timeStamp attribute to the relative high resolution coarse time given time and
    //    event's relevant global object.
    event[_timeStamp] = runtimeOps.now();
  }

  // https://dom.spec.whatwg.org/#concept-event-initialize
  function initialize(event, type, bubbles, cancelable) {
    let flags = event[_flags];
    // 1. Set event's initialized flag.
    flags |= INITIALIZED;
    // 2. Unset event's stop propagation flag, stop immediate propagation flag, and canceled flag.
    // 3. Set event's isTrusted attribute to false.
    flags &= ~(STOP_PROPAGATION | STOP_IMMEDIATE_PROPAGATION | CANCELED | TRUSTED | BUBBLES | CANCELABLE);
    // 6. Set event's bubbles attribute to bubbles.
    if (bubbles) flags |= BUBBLES;
    // 7. Set event's cancelable attribute to cancelable.
    if (cancelable) flags |= CANCELABLE;
    event[_flags] = flags;
    // 4. Set event's target to null.
    event[_target] = null;
    // 5. Set event's type attribute to type.
    event[_type] = type;
  }

  // https://dom.spec.whatwg.org/#set-the-canceled-flag
  function setCanceledFlag(event) {
    // To set the canceled flag given an event event, if event's cancelable attribute value is true and
    // event's in passive listener flag is unset, then set event's canceled flag, and do nothing otherwise.
    const flags = event[_flags];
    if ((flags & CANCELABLE) !== 0 && (flags & IN_PASSIVE_LISTENER) === 0) event[_flags] = flags | CANCELED;
  }

  class Event {
    // https://dom.spec.whatwg.org/#dom-event-event
    constructor(type, eventInitDict = undefined) {
      const prefix = "Failed to construct 'Event'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      const init = convertEventInit(eventInitDict, prefix, "Argument 2");
      // 1. Let event be the result of running the inner event creation steps of this interface, given
      //    eventInitDict (its members bubbles, cancelable and composed initialize those attributes).
      // 2. Initialize event's type attribute to type.
      setUpEvent(this, type, flagsOf(init));
    }

    // https://dom.spec.whatwg.org/#dom-event-type
    get type() {
      webidl.assertBranded(this, EventPrototype);
      return this[_type];
    }

    // https://dom.spec.whatwg.org/#dom-event-target
    get target() {
      webidl.assertBranded(this, EventPrototype);
      return this[_target];
    }

    // https://dom.spec.whatwg.org/#dom-event-srcelement: the getter steps are to return this's target.
    get srcElement() {
      webidl.assertBranded(this, EventPrototype);
      return this[_target];
    }

    // https://dom.spec.whatwg.org/#dom-event-currenttarget
    get currentTarget() {
      webidl.assertBranded(this, EventPrototype);
      return this[_currentTarget];
    }

    // https://dom.spec.whatwg.org/#dom-event-composedpath
    // This runtime has no shadow trees, so no struct has root-of-closed-tree or slot-in-closed-tree set,
    // both hidden levels stay 0 and every comparison "currentHiddenLevel ≤ maxHiddenLevel" holds.
    composedPath() {
      webidl.assertBranded(this, EventPrototype);
      // 1. Let composedPath be an empty list.
      const composedPath = [];
      // 2. Let path be this's path.
      const path = this[_path];
      // 3. If path is empty, then return composedPath.
      if (path === null) return composedPath;
      // 4. Let currentTarget be this's currentTarget attribute value.
      const currentTarget = this[_currentTarget];
      // A path of one struct is stored as its invocation target.
      if (!isPathList(path)) {
        // 6. Append currentTarget to composedPath.
        composedPath[0] = currentTarget;
        return composedPath;
      }
      // 6. Append currentTarget to composedPath.
      // 7. Let currentTargetIndex be 0.
      let currentTargetIndex = 0;
      // 9. Let index be path's size − 1.
      // 10. While index is greater than or equal to 0:
      for (let index = path.length - 1; index >= 0; index--) {
        // 10.2. If path[index]'s invocation target is currentTarget, then set currentTargetIndex to index
        //       and break.
        if (path[index] === currentTarget) {
          currentTargetIndex = index;
          break;
        }
      }
      // 12-13. Prepend the invocation targets before currentTargetIndex, nearest first.
      // 15-16. Append the invocation targets after currentTargetIndex, in order.
      // Together: the invocation targets in path order, currentTarget at currentTargetIndex.
      for (let index = 0; index < path.length; index++) {
        composedPath[index] = index === currentTargetIndex ? currentTarget : path[index];
      }
      // 17. Return composedPath.
      return composedPath;
    }

    // https://dom.spec.whatwg.org/#dom-event-eventphase
    get eventPhase() {
      webidl.assertBranded(this, EventPrototype);
      return this[_phase];
    }

    // https://dom.spec.whatwg.org/#dom-event-stoppropagation
    stopPropagation() {
      webidl.assertBranded(this, EventPrototype);
      // The stopPropagation() method steps are to set this's stop propagation flag.
      this[_flags] |= STOP_PROPAGATION;
    }

    // https://dom.spec.whatwg.org/#dom-event-cancelbubble
    get cancelBubble() {
      webidl.assertBranded(this, EventPrototype);
      // The cancelBubble getter steps are to return true if this's stop propagation flag is set.
      return (this[_flags] & STOP_PROPAGATION) !== 0;
    }

    set cancelBubble(value) {
      webidl.assertBranded(this, EventPrototype);
      value = converters.boolean(value);
      // The cancelBubble setter steps are to set this's stop propagation flag if the given value is true;
      // otherwise do nothing.
      if (value) this[_flags] |= STOP_PROPAGATION;
    }

    // https://dom.spec.whatwg.org/#dom-event-stopimmediatepropagation
    stopImmediatePropagation() {
      webidl.assertBranded(this, EventPrototype);
      // The stopImmediatePropagation() method steps are to set this's stop propagation flag and this's stop
      // immediate propagation flag.
      this[_flags] |= STOP_PROPAGATION | STOP_IMMEDIATE_PROPAGATION;
    }

    // https://dom.spec.whatwg.org/#dom-event-bubbles
    get bubbles() {
      webidl.assertBranded(this, EventPrototype);
      return (this[_flags] & BUBBLES) !== 0;
    }

    // https://dom.spec.whatwg.org/#dom-event-cancelable
    get cancelable() {
      webidl.assertBranded(this, EventPrototype);
      return (this[_flags] & CANCELABLE) !== 0;
    }

    // https://dom.spec.whatwg.org/#dom-event-returnvalue
    get returnValue() {
      webidl.assertBranded(this, EventPrototype);
      // The returnValue getter steps are to return false if this's canceled flag is set; otherwise true.
      return (this[_flags] & CANCELED) === 0;
    }

    set returnValue(value) {
      webidl.assertBranded(this, EventPrototype);
      value = converters.boolean(value);
      // The returnValue setter steps are to set the canceled flag with this if the given value is false;
      // otherwise do nothing.
      if (!value) setCanceledFlag(this);
    }

    // https://dom.spec.whatwg.org/#dom-event-preventdefault
    preventDefault() {
      webidl.assertBranded(this, EventPrototype);
      // The preventDefault() method steps are to set the canceled flag with this.
      setCanceledFlag(this);
    }

    // https://dom.spec.whatwg.org/#dom-event-defaultprevented
    get defaultPrevented() {
      webidl.assertBranded(this, EventPrototype);
      // The defaultPrevented getter steps are to return true if this's canceled flag is set.
      return (this[_flags] & CANCELED) !== 0;
    }

    // https://dom.spec.whatwg.org/#dom-event-composed
    get composed() {
      webidl.assertBranded(this, EventPrototype);
      // The composed getter steps are to return true if this's composed flag is set.
      return (this[_flags] & COMPOSED) !== 0;
    }

    // https://dom.spec.whatwg.org/#dom-event-timestamp
    get timeStamp() {
      webidl.assertBranded(this, EventPrototype);
      return this[_timeStamp];
    }

    // https://dom.spec.whatwg.org/#dom-event-initevent
    initEvent(type, bubbles = false, cancelable = false) {
      webidl.assertBranded(this, EventPrototype);
      const prefix = "Failed to execute 'initEvent' on 'Event'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      bubbles = converters.boolean(bubbles);
      cancelable = converters.boolean(cancelable);
      // 1. If this's dispatch flag is set, then return.
      if ((this[_flags] & DISPATCH) !== 0) return;
      // 2. Initialize this with type, bubbles, and cancelable.
      initialize(this, type, bubbles, cancelable);
    }
  }
  const EventPrototype = Event.prototype;
  webidl.configureInterface(Event);
  webidl.defineConstants(Event, { NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE });
  const convertEvent = webidl.createInterfaceConverter("Event", EventPrototype);

  // ------------------------------------------------------------------ EventTarget

  // The internal slots of an EventTarget: its event listener list (a Map from type to a list that is
  // replaced, never mutated, so dispatch can keep the list it started with) and its event handler map.
  const _listeners = Symbol("[[eventListenerList]]");
  const _handlers = Symbol("[[eventHandlerMap]]");
  // An optional method on an EventTarget's prototype: "get the parent" (https://dom.spec.whatwg.org/#get-the-parent).
  const _getTheParent = Symbol("[[getTheParent]]");
  // An optional method on an EventTarget's prototype, told the type of each listener appended (AbortSignal
  // uses it to keep a dependent signal with abort listeners alive).
  const _listenerAdded = Symbol("listenerAdded");

  /** https://dom.spec.whatwg.org/#concept-event-listener */
  class EventListenerRecord {
    constructor(type, callback, capture, passive, once, signal, handler) {
      this.type = type;
      this.callback = callback;
      this.capture = capture;
      this.passive = passive;
      this.once = once;
      this.signal = signal;
      this.removed = false;
      // Set for the listener of an event handler (https://html.spec.whatwg.org/#event-handlers): the
      // handler's state, whose processing algorithm runs instead of a callback.
      this.handler = handler;
    }
  }

  // https://dom.spec.whatwg.org/#dictdef-eventlisteneroptions
  const eventListenerOptionsMembers = [
    { key: "capture", converter: converters.boolean, defaultValue: false },
  ];
  // https://dom.spec.whatwg.org/#dictdef-addeventlisteneroptions (AbortSignal comes from 08_abort.js, so it
  // is looked up when converting).
  const addEventListenerOptionsMembers = [
    { key: "passive", converter: converters.boolean },
    { key: "once", converter: converters.boolean, defaultValue: false },
    { key: "signal", converter: (V, prefix, context, opts) => converters.AbortSignal(V, prefix, context, opts) },
  ];
  const convertEventListenerOptions = webidl.createDictionaryConverter("EventListenerOptions",
    eventListenerOptionsMembers);
  const convertAddEventListenerOptions = webidl.createDictionaryConverter("AddEventListenerOptions",
    eventListenerOptionsMembers, addEventListenerOptionsMembers);
  const convertEventListener = webidl.createNullableConverter(
    webidl.createCallbackInterfaceConverter("EventListener"));

  /**
   * A union (Dictionary or boolean): https://webidl.spec.whatwg.org/#es-union — undefined, null and objects
   * go to the dictionary, anything else becomes a boolean.
   */
  function convertOptionsUnion(dictionaryConverter, V, prefix, context) {
    if (V === undefined || V === null || typeof V === "object" || typeof V === "function") {
      return dictionaryConverter(V, prefix, context);
    }
    return converters.boolean(V);
  }

  /** Whether `target` is an EventTarget: an object its constructor made, or the global object. */
  function isEventTarget(target) {
    return isEventTargetObject(target);
  }

  /** The receiver check of EventTarget's operations (WebIDL "create an operation function" step 2.1.2). */
  function assertEventTarget(self) {
    if (!isEventTargetObject(self)) throw new TypeError("Illegal invocation");
  }

  let isEventTargetObject;

  function listenersOf(target, type) {
    const map = target[_listeners];
    return map === null ? undefined : map.get(type);
  }

  // https://dom.spec.whatwg.org/#default-passive-value
  function defaultPassiveValue(type, eventTarget) {
    // 1. Return true if all of the following are true: type is one of "touchstart", "touchmove", "wheel", or
    //    "mousewheel"; and eventTarget is a Window object (there are no nodes here).
    if (eventTarget === globalThis &&
      (type === "touchstart" || type === "touchmove" || type === "wheel" || type === "mousewheel")) {
      return true;
    }
    // 2. Return false.
    return false;
  }

  // https://dom.spec.whatwg.org/#add-an-event-listener
  function addEventListenerRecord(eventTarget, listener) {
    // 1. If eventTarget is a ServiceWorkerGlobalScope object, … (there is none here).
    // 2. If listener's signal is not null and is aborted, then return.
    if (listener.signal !== null && internals.abort.isAborted(listener.signal)) return;
    // 3. If listener's callback is null, then return.
    if (listener.callback === null) return;
    // 4. If listener's passive is null, then set it to the default passive value given listener's type and
    //    eventTarget.
    if (listener.passive === null) listener.passive = defaultPassiveValue(listener.type, eventTarget);
    // 5. If eventTarget's event listener list does not contain an event listener whose type is listener's
    //    type, callback is listener's callback, and capture is listener's capture, then append listener to
    //    eventTarget's event listener list.
    let map = eventTarget[_listeners];
    if (map === null) {
      map = new MapCtor();
      eventTarget[_listeners] = map;
    }
    const list = map.get(listener.type);
    if (list === undefined) {
      map.set(listener.type, [listener]);
    } else if (findListener(list, listener.callback, listener.capture) === null) {
      const n = list.length;
      const copy = new Array(n + 1);
      for (let i = 0; i < n; i++) copy[i] = list[i];
      copy[n] = listener;
      map.set(listener.type, copy);
    }
    const listenerAdded = eventTarget[_listenerAdded];
    if (listenerAdded !== undefined) ReflectApply(listenerAdded, eventTarget, [listener.type]);
    // 6. If listener's signal is not null, then add the following abort steps to it:
    //    1. Remove an event listener with eventTarget and listener.
    if (listener.signal !== null) {
      internals.abort.addAlgorithm(listener.signal, () => removeEventListenerRecord(eventTarget, listener));
    }
  }

  function findListener(list, callback, capture) {
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      if (l.callback === callback && l.capture === capture) return l;
    }
    return null;
  }

  // https://dom.spec.whatwg.org/#remove-an-event-listener
  function removeEventListenerRecord(eventTarget, listener) {
    // 1. If eventTarget is a ServiceWorkerGlobalScope object, … (there is none here).
    // 2. Set listener's removed to true and remove listener from eventTarget's event listener list.
    listener.removed = true;
    const map = eventTarget[_listeners];
    if (map === null) return;
    const list = map.get(listener.type);
    if (list === undefined) return;
    let index = -1;
    for (let i = 0; i < list.length; i++) {
      if (list[i] === listener) {
        index = i;
        break;
      }
    }
    if (index === -1) return;
    if (list.length === 1) {
      map.delete(listener.type);
      return;
    }
    const copy = new Array(list.length - 1);
    for (let i = 0, j = 0; i < list.length; i++) {
      if (i !== index) copy[j++] = list[i];
    }
    map.set(listener.type, copy);
  }

  class EventTarget {
    // Marks the objects this constructor made (subclass instances included). Unlike the symbol-keyed
    // brand, a private name is neither forwarded by a Proxy nor inherited from a prototype, so neither
    // `new Proxy(target, {})` nor `Object.create(target)` passes for the platform object it wraps.
    #eventTarget = true;

    static {
      // The global object is the one EventTarget made without this constructor; a Proxy of it is
      // another object.
      isEventTargetObject = (V) => V === globalThis || (V !== null && typeof V === "object" && #eventTarget in V);
    }

    // https://dom.spec.whatwg.org/#dom-eventtarget-eventtarget
    constructor() {
      // The new EventTarget() constructor steps are to do nothing: the listener list and handler map
      // start empty.
      this[brand] = brand;
      this[_listeners] = null;
      this[_handlers] = null;
    }

    // https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener
    addEventListener(type, callback, options = undefined) {
      // An operation called on null or undefined applies to the global object (WebIDL "create an
      // operation function"), which is an EventTarget here.
      const self = this ?? globalThis;
      assertEventTarget(self);
      const prefix = "Failed to execute 'addEventListener' on 'EventTarget'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      callback = convertEventListener(callback, prefix, "Argument 2");
      options = convertOptionsUnion(convertAddEventListenerOptions, options, prefix, "Argument 3");
      // 1. Let capture, passive, once, and signal be the result of flattening more options.
      //    (https://dom.spec.whatwg.org/#event-flatten-more)
      //    1. Let capture be the result of flattening options.
      //    2. Let once be false.  3. Let passive and signal be null.
      //    4. If options is a dictionary: set once to options["once"]; if options["passive"] exists, set
      //       passive to it; if options["signal"] exists, set signal to it.
      let capture;
      let passive = null;
      let once = false;
      let signal = null;
      if (typeof options === "boolean") {
        capture = options;
      } else {
        capture = options.capture;
        once = options.once;
        if (options.passive !== undefined) passive = options.passive;
        if (options.signal !== undefined) signal = options.signal;
      }
      // 2. Add an event listener with this and an event listener whose type is type, callback is callback,
      //    capture is capture, passive is passive, once is once, and signal is signal.
      addEventListenerRecord(self, new EventListenerRecord(type, callback, capture, passive, once, signal, null));
    }

    // https://dom.spec.whatwg.org/#dom-eventtarget-removeeventlistener
    removeEventListener(type, callback, options = undefined) {
      const self = this ?? globalThis;
      assertEventTarget(self);
      const prefix = "Failed to execute 'removeEventListener' on 'EventTarget'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      callback = convertEventListener(callback, prefix, "Argument 2");
      options = convertOptionsUnion(convertEventListenerOptions, options, prefix, "Argument 3");
      // 1. Let capture be the result of flattening options.
      const capture = typeof options === "boolean" ? options : options.capture;
      // 2. If this's event listener list contains an event listener whose type is type, callback is callback,
      //    and capture is capture, then remove an event listener with this and that event listener.
      const list = listenersOf(self, type);
      if (list === undefined || callback === null) return;
      const listener = findListener(list, callback, capture);
      if (listener !== null) removeEventListenerRecord(self, listener);
    }

    // https://dom.spec.whatwg.org/#dom-eventtarget-dispatchevent
    dispatchEvent(event) {
      const self = this ?? globalThis;
      assertEventTarget(self);
      const prefix = "Failed to execute 'dispatchEvent' on 'EventTarget'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      event = convertEvent(event, prefix, "Argument 1");
      // 1. If event's dispatch flag is set, or if its initialized flag is not set, then throw an
      //    "InvalidStateError" DOMException.
      const flags = event[_flags];
      if ((flags & DISPATCH) !== 0 || (flags & INITIALIZED) === 0) {
        throw new DOMException(`${prefix}: The event is already being dispatched.`, "InvalidStateError");
      }
      // 2. Initialize event's isTrusted attribute to false.
      event[_flags] = flags & ~TRUSTED;
      // 3. Return the result of dispatching event to this.
      return dispatch(self, event);
    }
  }
  const EventTargetPrototype = EventTarget.prototype;
  webidl.configureInterface(EventTarget);

  // ------------------------------------------------------------------ dispatch

  /** https://dom.spec.whatwg.org/#get-the-parent: null unless an interface defines it. */
  function getTheParent(target, event) {
    const getParent = target[_getTheParent];
    return getParent === undefined ? null : ReflectApply(getParent, target, [event]);
  }

  // A path of several structs is an array; one struct is stored as its invocation target, which is
  // never an array.
  const ArrayIsArray = Array.isArray;
  function isPathList(path) {
    return ArrayIsArray(path);
  }

  // The global's current event (https://html.spec.whatwg.org/#window-current-event), read by `event`.
  let currentGlobalEvent = undefined;

  /**
   * https://dom.spec.whatwg.org/#concept-event-dispatch, for targets without shadow trees or nodes:
   * relatedTarget and touch targets are always null/empty, there is no activation behaviour and no legacy
   * target override. The path's shadow-adjusted target is the target for the first struct and null for
   * every other, so a path is the list of invocation targets — stored as the target itself when it has
   * one struct, which saves an allocation per dispatch on the common parentless path.
   */
  function dispatch(target, event) {
    // 1. Set event's dispatch flag.
    event[_flags] |= DISPATCH;
    // 2. Let targetOverride be target (no legacy target override flag is given here).
    // 3. Let activationTarget be null.
    // 4. Let relatedTarget be the result of retargeting event's relatedTarget against target: null.
    // 5. Let clearTargets be false.
    // 6. If target is not relatedTarget or target is event's relatedTarget, then:
    //   6.1-6.3. Let touchTargets be a new empty list.
    //   6.4. Append to an event path with event, target, targetOverride, relatedTarget, touchTargets, false.
    //   6.5-6.8. (activation and slots: none.)
    //   6.9. Let parent be the result of invoking target's get the parent with event.
    let parent = getTheParent(target, event);
    if (parent === null) {
      event[_path] = target;
      // 6.14. For each struct in event's path, in reverse order:
      //   6.14.1. If struct's shadow-adjusted target is non-null, then set event's eventPhase attribute to
      //           AT_TARGET.
      event[_phase] = AT_TARGET;
      //   6.14.3. Invoke with struct, event, "capturing".
      invoke(event, target, target, CAPTURING_PHASE);
      // 6.15. For each struct in event's path:
      //   6.15.1. If struct's shadow-adjusted target is non-null, then set event's eventPhase attribute to
      //           AT_TARGET.
      event[_phase] = AT_TARGET;
      //   6.15.3. Invoke with struct, event, "bubbling".
      invoke(event, target, target, BUBBLING_PHASE);
    } else {
      const path = [target];
      //   6.10. While parent is non-null: append to an event path with event, parent, null, relatedTarget,
      //         touchTargets, and slot-in-closed-tree; then set parent to the result of invoking parent's
      //         get the parent with event.
      while (parent !== null) {
        path[path.length] = parent;
        parent = getTheParent(parent, event);
      }
      event[_path] = path;
      //   6.11-6.12. clearTargets stays false: nothing is in a shadow tree.
      //   6.14. For each struct in event's path, in reverse order:
      for (let i = path.length - 1; i >= 0; i--) {
        // 6.14.1. If struct's shadow-adjusted target is non-null, then set event's eventPhase to AT_TARGET.
        // 6.14.2. Otherwise, set event's eventPhase attribute to CAPTURING_PHASE.
        event[_phase] = i === 0 ? AT_TARGET : CAPTURING_PHASE;
        // 6.14.3. Invoke with struct, event, "capturing".
        invoke(event, path[i], target, CAPTURING_PHASE);
      }
      //   6.15. For each struct in event's path:
      for (let i = 0; i < path.length; i++) {
        if (i === 0) {
          // 6.15.1. If struct's shadow-adjusted target is non-null, set event's eventPhase to AT_TARGET.
          event[_phase] = AT_TARGET;
        } else {
          // 6.15.2.1. If event's bubbles attribute is false, then continue.
          if ((event[_flags] & BUBBLES) === 0) continue;
          // 6.15.2.2. Set event's eventPhase attribute to BUBBLING_PHASE.
          event[_phase] = BUBBLING_PHASE;
        }
        // 6.15.3. Invoke with struct, event, "bubbling".
        invoke(event, path[i], target, BUBBLING_PHASE);
      }
    }
    // 7. Set event's eventPhase attribute to NONE.
    event[_phase] = NONE;
    // 8. Set event's currentTarget attribute to null.
    event[_currentTarget] = null;
    // 9. Set event's path to the empty list.
    event[_path] = null;
    // 10. Unset event's dispatch flag, stop propagation flag, and stop immediate propagation flag.
    const flags = event[_flags] & ~(DISPATCH | STOP_PROPAGATION | STOP_IMMEDIATE_PROPAGATION);
    event[_flags] = flags;
    // 11-12. (clearTargets and activation behaviour: none.)
    // 13. Return false if event's canceled flag is set; otherwise true.
    return (flags & CANCELED) === 0;
  }

  // https://dom.spec.whatwg.org/#concept-event-listener-invoke
  function invoke(event, invocationTarget, target, phase) {
    // 1. Set event's target to the shadow-adjusted target of the last struct in event's path, that is either
    //    struct or preceding struct, whose shadow-adjusted target is non-null: the first struct's, target.
    event[_target] = target;
    // 2-3. (relatedTarget and touch target list: none.)
    // 4. If event's stop propagation flag is set, then return.
    if ((event[_flags] & STOP_PROPAGATION) !== 0) return;
    // 5. Initialize event's currentTarget attribute to struct's invocation target.
    event[_currentTarget] = invocationTarget;
    // 6. Let listeners be a clone of event's currentTarget attribute value's event listener list.
    //    Lists are replaced on change, never mutated, so the list read now is that clone.
    const type = event[_type];
    const listeners = listenersOf(invocationTarget, type);
    // 7. Let found be the result of running inner invoke with event, listeners, phase.
    const found = listeners !== undefined && innerInvoke(event, listeners, phase);
    // 8. If found is false and event's isTrusted attribute is true, then:
    if (!found && (event[_flags] & TRUSTED) !== 0) {
      // 8.1. Let originalEventType be event's type attribute value.
      // 8.2. If event's type attribute value is a match for any of the strings in the first column of the
      //      legacy table, set event's type attribute value to the string in the second column.
      const legacyType = LEGACY_EVENT_TYPES[type];
      // 8.3. If event's type attribute value is originalEventType, then return.
      if (legacyType === undefined) return;
      // 8.4. Inner invoke with event, listeners, phase.
      //      (No listener ran, so the list for the legacy type is what a clone at step 6 would hold.)
      const legacyListeners = listenersOf(invocationTarget, legacyType);
      if (legacyListeners === undefined) return;
      event[_type] = legacyType;
      try {
        innerInvoke(event, legacyListeners, phase);
      } finally {
        // 8.5. Set event's type attribute value to originalEventType.
        event[_type] = type;
      }
    }
  }

  const LEGACY_EVENT_TYPES = {
    __proto__: null,
    animationend: "webkitAnimationEnd",
    animationiteration: "webkitAnimationIteration",
    animationstart: "webkitAnimationStart",
    transitionend: "webkitTransitionEnd",
  };

  // https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke
  function innerInvoke(event, listeners, phase) {
    // 1. Let found be false.
    let found = false;
    // 2. For each listener of listeners, whose removed is false:
    for (let i = 0; i < listeners.length; i++) {
      const listener = listeners[i];
      if (listener.removed) continue;
      // 2.1. If event's type attribute value is not listener's type, then continue (lists are kept per type).
      // 2.2. Set found to true.
      found = true;
      // 2.3. If phase is "capturing" and listener's capture is false, then continue.
      // 2.4. If phase is "bubbling" and listener's capture is true, then continue.
      if (listener.capture !== (phase === CAPTURING_PHASE)) continue;
      // 2.5. If listener's once is true, then remove an event listener given event's currentTarget attribute
      //      value and listener.
      if (listener.once) removeEventListenerRecord(event[_currentTarget], listener);
      // 2.6. Let global be listener callback's associated realm's global object (this runtime's one global,
      //      which is a Window-like object).
      // 2.7. Let currentEvent be undefined.
      // 2.8. If global is a Window object, then: set currentEvent to global's current event; if
      //      invocationTargetInShadowTree is false, set global's current event to event.
      const currentEvent = currentGlobalEvent;
      currentGlobalEvent = event;
      // 2.9. If listener's passive is true, then set event's in passive listener flag.
      if (listener.passive) event[_flags] |= IN_PASSIVE_LISTENER;
      // 2.10. (timing info for event listeners: not recorded.)
      // 2.11. Call a user object's operation with listener's callback, "handleEvent", « event », and event's
      //       currentTarget attribute value. If this throws an exception exception:
      //       2.11.1. Report exception for listener's callback's corresponding JavaScript object's associated
      //               realm's global object.
      try {
        if (listener.handler !== null) {
          processEventHandler(listener.handler, event);
        } else {
          callListener(listener.callback, event);
        }
      } catch (exception) {
        reportException(exception);
      }
      // 2.12. Unset event's in passive listener flag.
      event[_flags] &= ~IN_PASSIVE_LISTENER;
      // 2.13. If global is a Window object, then set global's current event to currentEvent.
      currentGlobalEvent = currentEvent;
      // 2.14. If event's stop immediate propagation flag is set, then break.
      if ((event[_flags] & STOP_IMMEDIATE_PROPAGATION) !== 0) break;
    }
    // 3. Return found.
    return found;
  }

  /** https://webidl.spec.whatwg.org/#call-a-user-objects-operation with "handleEvent", without an args array. */
  function callListener(callback, event) {
    // 4. Let X be O.  5. If IsCallable(X) is false: get "handleEvent" and call it with O as this.
    if (typeof callback === "function") {
      ReflectApply(callback, event[_currentTarget], [event]);
      return;
    }
    const handleEvent = callback.handleEvent;
    if (typeof handleEvent !== "function") {
      throw new TypeError("The 'handleEvent' property of the event listener is not callable.");
    }
    ReflectApply(handleEvent, callback, [event]);
  }

  // ------------------------------------------------------------------ event handlers (HTML)

  /** An event handler's state: https://html.spec.whatwg.org/#event-handlers */
  class EventHandlerState {
    constructor(name) {
      this.name = name;
      this.value = null;
      this.listener = null;
    }
  }

  function handlerStateOf(eventTarget, name) {
    let map = eventTarget[_handlers];
    if (map === null || map === undefined) {
      map = new MapCtor();
      eventTarget[_handlers] = map;
    }
    let state = map.get(name);
    if (state === undefined) {
      state = new EventHandlerState(name);
      map.set(name, state);
    }
    return state;
  }

  // https://html.spec.whatwg.org/#activate-an-event-handler
  function activateEventHandler(eventTarget, eventHandler) {
    // 1-2. Let eventHandler be eventTarget's event handler map[name].
    // 3. If eventHandler's listener is not null, then return.
    if (eventHandler.listener !== null) return;
    // 4. Let callback be the result of creating a Web IDL EventListener instance representing a reference to
    //    a function of one argument that executes the steps of the event handler processing algorithm,
    //    given eventTarget, name, and event. (The record's handler field stands for that function: no
    //    script can name it, so no closure is needed.)
    // 5. Let listener be a new event listener whose type is the event handler event type corresponding to
    //    eventHandler and callback is callback.
    const listener = new EventListenerRecord(eventHandler.name, eventHandler, false, null, false, null, eventHandler);
    // 6. Add an event listener with eventTarget and listener.
    addEventListenerRecord(eventTarget, listener);
    // 7. Set eventHandler's listener to listener.
    eventHandler.listener = listener;
  }

  // https://html.spec.whatwg.org/#deactivate-an-event-handler
  function deactivateEventHandler(eventTarget, eventHandler) {
    // 3. Set eventHandler's value to null.
    eventHandler.value = null;
    // 4. Let listener be eventHandler's listener.
    const listener = eventHandler.listener;
    // 5. If listener is not null, then remove an event listener with eventTarget and listener.
    if (listener !== null) removeEventListenerRecord(eventTarget, listener);
    // 6. Set eventHandler's listener to null.
    eventHandler.listener = null;
  }

  // https://html.spec.whatwg.org/#the-event-handler-processing-algorithm
  function processEventHandler(eventHandler, event) {
    // 1. Let callback be the result of getting the current value of the event handler given eventTarget and
    //    name.
    const callback = eventHandler.value;
    // 2. If callback is null, then return.
    if (callback === null) return;
    const currentTarget = event[_currentTarget];
    // 3. Let special error event handling be true if event is an ErrorEvent object, event's type is "error",
    //    and event's currentTarget implements the WindowOrWorkerGlobalScope mixin. Otherwise, let special
    //    error event handling be false.
    const special = event[_type] === "error" && currentTarget === globalThis &&
      webidl.isBranded(event, ErrorEventPrototype);
    // [LegacyTreatNonObjectAsNull]: invoking a callback that is not callable returns undefined.
    if (typeof callback !== "function") return;
    // 4. Process the Event object event as follows (invoke callback with currentTarget as the callback this
    //    value; an exception propagates to dispatch, which reports it):
    let returnValue;
    if (special) {
      // If special error event handling is true: invoke callback with five arguments: event's message,
      // filename, lineno, colno and error.
      returnValue = ReflectApply(callback, currentTarget, [event[_errorMessage], event[_errorFilename],
        event[_errorLineno], event[_errorColno], event[_errorError]]);
    } else {
      // Otherwise: invoke callback with one argument, the value of which is the Event object event.
      returnValue = ReflectApply(callback, currentTarget, [event]);
    }
    // 5. Process return value as follows:
    if (special) {
      // If special error event handling is true: if return value is true, then set event's canceled flag.
      if (returnValue === true) setCanceledFlag(event);
    } else if (returnValue === false) {
      // Otherwise: if return value is false, then set event's canceled flag.
      setCanceledFlag(event);
    }
  }

  /**
   * Defines the event handler IDL attribute `on${name}` (https://html.spec.whatwg.org/#event-handler-idl-attributes)
   * on an interface prototype, or on the global object itself (a [Global] interface's attributes live on
   * the instance).
   */
  function defineEventHandler(object, name) {
    const onGlobal = object === globalThis;
    const checkThis = onGlobal
      ? (self) => {
        if ((self ?? globalThis) !== globalThis) throw new TypeError("Illegal invocation");
        return globalThis;
      }
      : (self) => {
        webidl.assertBranded(self, object);
        return self;
      };
    const attribute = `on${name}`;
    const accessors = {
      // https://html.spec.whatwg.org/#event-handler-idl-attributes (getter)
      get [attribute]() {
        // 1. Let eventTarget be the result of determining the target of an event handler given this object
        //    and name. (2. If eventTarget is null, then return null — never the case here.)
        const eventTarget = checkThis(this);
        // 3. Return the result of getting the current value of the event handler given eventTarget and name.
        const map = eventTarget[_handlers];
        if (map === null || map === undefined) return null;
        const state = map.get(name);
        return state === undefined ? null : state.value;
      },
      // (setter)
      set [attribute](value) {
        // 1. Let eventTarget be the result of determining the target of an event handler given this object
        //    and name.
        const eventTarget = checkThis(this);
        value = converters.EventHandler(value);
        // 3. If the given value is null, then deactivate an event handler given eventTarget and name.
        if (value === null) {
          const map = eventTarget[_handlers];
          const state = map === null || map === undefined ? undefined : map.get(name);
          if (state !== undefined) deactivateEventHandler(eventTarget, state);
          return;
        }
        // 4. Otherwise:
        // 4.1-4.2. Let eventHandler be eventTarget's event handler map[name].
        const eventHandler = handlerStateOf(eventTarget, name);
        // 4.3. Set eventHandler's value to the given value.
        eventHandler.value = value;
        // 4.4. Activate an event handler given eventTarget and name.
        activateEventHandler(eventTarget, eventHandler);
      },
    };
    const desc = ObjectGetOwnPropertyDescriptor(accessors, attribute);
    ObjectDefineProperty(object, attribute, {
      __proto__: null,
      get: desc.get,
      set: desc.set,
      enumerable: true,
      configurable: true,
    });
  }

  // ------------------------------------------------------------------ CustomEvent

  const _detail = Symbol("[[detail]]");
  const customEventInitMembers = [{ key: "detail", converter: converters.any, defaultValue: null }];
  const convertCustomEventInit = webidl.createDictionaryConverter("CustomEventInit", eventInitMembers,
    customEventInitMembers);

  class CustomEvent extends Event {
    // https://dom.spec.whatwg.org/#interface-customevent
    constructor(type, eventInitDict = undefined) {
      const prefix = "Failed to construct 'CustomEvent'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      const init = convertCustomEventInit(eventInitDict, prefix, "Argument 2");
      super(type, init);
      this[_detail] = init.detail;
    }

    // https://dom.spec.whatwg.org/#dom-customevent-detail
    get detail() {
      webidl.assertBranded(this, CustomEventPrototype);
      return this[_detail];
    }

    // https://dom.spec.whatwg.org/#dom-customevent-initcustomevent
    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      webidl.assertBranded(this, CustomEventPrototype);
      const prefix = "Failed to execute 'initCustomEvent' on 'CustomEvent'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      bubbles = converters.boolean(bubbles);
      cancelable = converters.boolean(cancelable);
      // 1. If this's dispatch flag is set, then return.
      if ((this[_flags] & DISPATCH) !== 0) return;
      // 2. Initialize this with type, bubbles, and cancelable.
      initialize(this, type, bubbles, cancelable);
      // 3. Set this's detail attribute to detail.
      this[_detail] = detail;
    }
  }
  const CustomEventPrototype = CustomEvent.prototype;
  webidl.configureInterface(CustomEvent);

  // ------------------------------------------------------------------ ErrorEvent (HTML)

  const _errorMessage = Symbol("[[message]]");
  const _errorFilename = Symbol("[[filename]]");
  const _errorLineno = Symbol("[[lineno]]");
  const _errorColno = Symbol("[[colno]]");
  const _errorError = Symbol("[[error]]");
  // https://html.spec.whatwg.org/#erroreventinit
  const convertErrorEventInit = webidl.createDictionaryConverter("ErrorEventInit", eventInitMembers, [
    { key: "message", converter: converters.DOMString, defaultValue: "" },
    { key: "filename", converter: converters.USVString, defaultValue: "" },
    { key: "lineno", converter: converters["unsigned long"], defaultValue: 0 },
    { key: "colno", converter: converters["unsigned long"], defaultValue: 0 },
    { key: "error", converter: converters.any },
  ]);

  function setUpErrorEvent(event, init) {
    event[_errorMessage] = init === undefined || init.message === undefined ? "" : init.message;
    event[_errorFilename] = init === undefined || init.filename === undefined ? "" : init.filename;
    event[_errorLineno] = init === undefined || init.lineno === undefined ? 0 : init.lineno;
    event[_errorColno] = init === undefined || init.colno === undefined ? 0 : init.colno;
    event[_errorError] = init === undefined ? undefined : init.error;
  }

  class ErrorEvent extends Event {
    // https://html.spec.whatwg.org/#errorevent
    constructor(type, eventInitDict = undefined) {
      const prefix = "Failed to construct 'ErrorEvent'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      const init = convertErrorEventInit(eventInitDict, prefix, "Argument 2");
      super(type, init);
      setUpErrorEvent(this, init);
    }

    get message() {
      webidl.assertBranded(this, ErrorEventPrototype);
      return this[_errorMessage];
    }

    get filename() {
      webidl.assertBranded(this, ErrorEventPrototype);
      return this[_errorFilename];
    }

    get lineno() {
      webidl.assertBranded(this, ErrorEventPrototype);
      return this[_errorLineno];
    }

    get colno() {
      webidl.assertBranded(this, ErrorEventPrototype);
      return this[_errorColno];
    }

    get error() {
      webidl.assertBranded(this, ErrorEventPrototype);
      return this[_errorError];
    }
  }
  const ErrorEventPrototype = ErrorEvent.prototype;
  webidl.configureInterface(ErrorEvent);

  // ------------------------------------------------------------------ MessageEvent (HTML)

  const _data = Symbol("[[data]]");
  const _origin = Symbol("[[origin]]");
  const _lastEventId = Symbol("[[lastEventId]]");
  const _source = Symbol("[[source]]");
  const _ports = Symbol("[[ports]]");
  // FrozenArray<MessagePort>: almost every event has no ports, and a frozen empty array can be shared.
  const NO_PORTS = ObjectFreeze([]);

  /** MessageEventSource? = (WindowProxy or MessagePort or ServiceWorker)? */
  function convertMessageEventSource(V, prefix, context) {
    if (V === null || V === undefined) return null;
    if (V === globalThis) return V;
    const MessagePort = internals.MessagePort;
    if (MessagePort !== undefined && webidl.isBranded(V, MessagePort.prototype)) return V;
    throw webidl.makeException(TypeError, "is not of type '(WindowProxy or MessagePort or ServiceWorker)'.",
      prefix, context);
  }

  function convertMessagePort(V, prefix, context) {
    const MessagePort = internals.MessagePort;
    if (MessagePort !== undefined && webidl.isBranded(V, MessagePort.prototype)) return V;
    throw webidl.makeException(TypeError, "is not of type 'MessagePort'.", prefix, context);
  }

  const convertMessagePorts = webidl.createSequenceConverter(convertMessagePort);

  function toFrozenPorts(ports) {
    return ports.length === 0 ? NO_PORTS : ObjectFreeze([...ports]);
  }

  // https://html.spec.whatwg.org/#messageeventinit
  const convertMessageEventInit = webidl.createDictionaryConverter("MessageEventInit", eventInitMembers, [
    { key: "data", converter: converters.any, defaultValue: null },
    { key: "origin", converter: converters.USVString, defaultValue: "" },
    { key: "lastEventId", converter: converters.DOMString, defaultValue: "" },
    { key: "source", converter: convertMessageEventSource, defaultValue: null },
    { key: "ports", converter: convertMessagePorts, defaultValue: NO_PORTS },
  ]);

  function setUpMessageEvent(event, init) {
    if (init === undefined) {
      event[_data] = null;
      event[_origin] = "";
      event[_lastEventId] = "";
      event[_source] = null;
      event[_ports] = NO_PORTS;
      return;
    }
    const data = init.data;
    event[_data] = data === undefined ? null : data;
    event[_origin] = init.origin === undefined ? "" : init.origin;
    event[_lastEventId] = init.lastEventId === undefined ? "" : init.lastEventId;
    event[_source] = init.source === undefined ? null : init.source;
    event[_ports] = init.ports === undefined ? NO_PORTS : toFrozenPorts(init.ports);
  }

  class MessageEvent extends Event {
    // https://html.spec.whatwg.org/#messageevent
    constructor(type, eventInitDict = undefined) {
      const prefix = "Failed to construct 'MessageEvent'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      const init = convertMessageEventInit(eventInitDict, prefix, "Argument 2");
      super(type, init);
      setUpMessageEvent(this, init);
    }

    // https://html.spec.whatwg.org/#dom-messageevent-data
    get data() {
      webidl.assertBranded(this, MessageEventPrototype);
      return this[_data];
    }

    // https://html.spec.whatwg.org/#dom-messageevent-origin
    get origin() {
      webidl.assertBranded(this, MessageEventPrototype);
      return this[_origin];
    }

    // https://html.spec.whatwg.org/#dom-messageevent-lasteventid
    get lastEventId() {
      webidl.assertBranded(this, MessageEventPrototype);
      return this[_lastEventId];
    }

    // https://html.spec.whatwg.org/#dom-messageevent-source
    get source() {
      webidl.assertBranded(this, MessageEventPrototype);
      return this[_source];
    }

    // https://html.spec.whatwg.org/#dom-messageevent-ports (a FrozenArray: the same object every time)
    get ports() {
      webidl.assertBranded(this, MessageEventPrototype);
      return this[_ports];
    }

    // https://html.spec.whatwg.org/#dom-messageevent-initmessageevent
    initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = "", lastEventId = "",
      source = null, ports = NO_PORTS) {
      webidl.assertBranded(this, MessageEventPrototype);
      const prefix = "Failed to execute 'initMessageEvent' on 'MessageEvent'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      bubbles = converters.boolean(bubbles);
      cancelable = converters.boolean(cancelable);
      origin = converters.USVString(origin, prefix, "Argument 5");
      lastEventId = converters.DOMString(lastEventId, prefix, "Argument 6");
      source = convertMessageEventSource(source, prefix, "Argument 7");
      ports = ports === NO_PORTS ? NO_PORTS : convertMessagePorts(ports, prefix, "Argument 8");
      // The initMessageEvent(type, bubbles, cancelable, data, origin, lastEventId, source, ports) method
      // steps are:
      // 1. If this's dispatch flag is set, then return.
      if ((this[_flags] & DISPATCH) !== 0) return;
      // 2. Initialize this with type, bubbles, and cancelable.
      initialize(this, type, bubbles, cancelable);
      // 3. Set this's data, origin, lastEventId, source and ports to the given values.
      this[_data] = data;
      this[_origin] = origin;
      this[_lastEventId] = lastEventId;
      this[_source] = source;
      this[_ports] = toFrozenPorts(ports);
    }
  }
  const MessageEventPrototype = MessageEvent.prototype;
  webidl.configureInterface(MessageEvent);

  // ------------------------------------------------------------------ CloseEvent (WebSockets)

  const _wasClean = Symbol("[[wasClean]]");
  const _code = Symbol("[[code]]");
  const _reason = Symbol("[[reason]]");
  // https://websockets.spec.whatwg.org/#dictdef-closeeventinit
  const convertCloseEventInit = webidl.createDictionaryConverter("CloseEventInit", eventInitMembers, [
    { key: "wasClean", converter: converters.boolean, defaultValue: false },
    { key: "code", converter: converters["unsigned short"], clamp: true, defaultValue: 0 },
    { key: "reason", converter: converters.USVString, defaultValue: "" },
  ]);

  function setUpCloseEvent(event, init) {
    event[_wasClean] = init !== undefined && init.wasClean === true;
    event[_code] = init === undefined || init.code === undefined ? 0 : init.code;
    event[_reason] = init === undefined || init.reason === undefined ? "" : init.reason;
  }

  class CloseEvent extends Event {
    // https://websockets.spec.whatwg.org/#the-closeevent-interface
    constructor(type, eventInitDict = undefined) {
      const prefix = "Failed to construct 'CloseEvent'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      const init = convertCloseEventInit(eventInitDict, prefix, "Argument 2");
      super(type, init);
      setUpCloseEvent(this, init);
    }

    // https://websockets.spec.whatwg.org/#dom-closeevent-wasclean
    get wasClean() {
      webidl.assertBranded(this, CloseEventPrototype);
      return this[_wasClean];
    }

    // https://websockets.spec.whatwg.org/#dom-closeevent-code
    get code() {
      webidl.assertBranded(this, CloseEventPrototype);
      return this[_code];
    }

    // https://websockets.spec.whatwg.org/#dom-closeevent-reason
    get reason() {
      webidl.assertBranded(this, CloseEventPrototype);
      return this[_reason];
    }
  }
  const CloseEventPrototype = CloseEvent.prototype;
  webidl.configureInterface(CloseEvent);

  // ------------------------------------------------------------------ PromiseRejectionEvent (HTML)

  const _promise = Symbol("[[promise]]");
  const _reasonValue = Symbol("[[reason]]");
  // https://html.spec.whatwg.org/#promiserejectioneventinit
  const convertPromiseRejectionEventInit = webidl.createDictionaryConverter("PromiseRejectionEventInit",
    eventInitMembers, [
      { key: "promise", converter: converters.object, required: true },
      { key: "reason", converter: converters.any },
    ]);

  function setUpPromiseRejectionEvent(event, init) {
    event[_promise] = init.promise;
    event[_reasonValue] = init.reason;
  }

  class PromiseRejectionEvent extends Event {
    // https://html.spec.whatwg.org/#promiserejectionevent
    constructor(type, eventInitDict) {
      const prefix = "Failed to construct 'PromiseRejectionEvent'";
      webidl.requiredArguments(arguments.length, 2, prefix);
      type = converters.DOMString(type, prefix, "Argument 1");
      const init = convertPromiseRejectionEventInit(eventInitDict, prefix, "Argument 2");
      super(type, init);
      setUpPromiseRejectionEvent(this, init);
    }

    // https://html.spec.whatwg.org/#dom-promiserejectionevent-promise
    get promise() {
      webidl.assertBranded(this, PromiseRejectionEventPrototype);
      return this[_promise];
    }

    // https://html.spec.whatwg.org/#dom-promiserejectionevent-reason
    get reason() {
      webidl.assertBranded(this, PromiseRejectionEventPrototype);
      return this[_reasonValue];
    }
  }
  const PromiseRejectionEventPrototype = PromiseRejectionEvent.prototype;
  webidl.configureInterface(PromiseRejectionEvent);

  // ------------------------------------------------------------------ firing events (for other layers)

  // How the trusted fast path fills each class's own slots from an init object of IDL values.
  const setUpByClass = new MapCtor([
    [Event, null],
    [CustomEvent, (event, init) => {
      event[_detail] = init === undefined || init.detail === undefined ? null : init.detail;
    }],
    [ErrorEvent, setUpErrorEvent],
    [MessageEvent, setUpMessageEvent],
    [CloseEvent, setUpCloseEvent],
    [PromiseRejectionEvent, (event, init) => setUpPromiseRejectionEvent(event, init)],
  ]);

  /**
   * https://dom.spec.whatwg.org/#concept-event-create with "initialize … as described": a trusted event of
   * EventClass whose attributes come from `init` (IDL values; absent members take the dictionary defaults).
   * This file's event interfaces are filled in directly, without converting `init` again; any other Event
   * subclass (e.g. one with private fields, defined by a later layer) is built by its constructor with
   * `init` as its dictionary.
   */
  function createEvent(type, EventClass, init) {
    const setUpOwnSlots = setUpByClass.get(EventClass);
    if (setUpOwnSlots === undefined) {
      const constructed = new EventClass(type, init === null ? undefined : init);
      constructed[_flags] |= TRUSTED;
      return constructed;
    }
    const event = ObjectCreate(EventClass.prototype);
    // 3. Let event be the result of running the inner event creation steps.  4. Initialize event's
    //    isTrusted attribute to true.
    setUpEvent(event, type, flagsOf(init) | TRUSTED);
    if (setUpOwnSlots !== null) setUpOwnSlots(event, init);
    return event;
  }

  /**
   * https://dom.spec.whatwg.org/#concept-event-fire: fire a trusted event named `type` at `target`; returns
   * false if it was canceled. The hot path of every WebSocket message: one event object, no closures, and
   * dispatch copies nothing for a target without a parent.
   */
  function fireEvent(target, type, EventClass, init) {
    // 1. If eventConstructor is not given, then let eventConstructor be Event.
    // 2. Let event be the result of creating an event given eventConstructor.
    // 3. Initialize event's type attribute to e.
    // 4. Initialize any other IDL attributes of event as described in the invocation of this algorithm.
    const event = createEvent(type, EventClass === undefined ? Event : EventClass, init);
    // 5. Return the result of dispatching event at target.
    return dispatch(target, event);
  }

  /** Marks an event trusted (its isTrusted becomes true), for events a layer creates and dispatches itself. */
  function setTrusted(event) {
    event[_flags] |= TRUSTED;
  }

  /**
   * https://html.spec.whatwg.org/#notify-about-rejected-promises step 4.1.3 (and 4.1.5's rejectionhandled):
   * fires `type` at the global using PromiseRejectionEvent, cancelable for unhandledrejection; returns
   * notCanceled.
   */
  function firePromiseRejectionEvent(type, promise, reason) {
    return fireEvent(globalThis, type, PromiseRejectionEvent,
      { cancelable: type === "unhandledrejection", promise, reason });
  }

  /** Whether any listener (or handler) for `type` is registered on `target`: lets a layer skip creating an event nobody sees. */
  function hasEventListeners(target, type) {
    return listenersOf(target, type) !== undefined;
  }

  // ------------------------------------------------------------------ the global object

  // The global object is a Window-like EventTarget: globalThis → Window.prototype → EventTarget.prototype.
  class Window extends EventTarget {
    constructor() {
      webidl.illegalConstructor();
    }
  }
  webidl.configureInterface(Window);
  // Window's named properties object (WebIDL "named properties object", HTML "named access on the
  // Window object") sits between Window.prototype and EventTarget.prototype. Its names come from the
  // document's elements; with no document there are none, so it has no own property but its class
  // string. It refuses new properties and a new prototype, as its [[DefineOwnProperty]] (false) and
  // [[SetPrototypeOf]] (immutable) do: a non-extensible ordinary object behaves the same.
  const windowProperties = ObjectCreate(EventTarget.prototype);
  ObjectDefineProperty(windowProperties, Symbol.toStringTag, {
    __proto__: null, value: "WindowProperties", writable: false, enumerable: false, configurable: true,
  });
  Object.preventExtensions(windowProperties);
  ObjectSetPrototypeOf(Window.prototype, windowProperties);
  ObjectSetPrototypeOf(globalThis, Window.prototype);
  // GraalJS gives its global an own @@toStringTag ("global"); a window has none of its own, so
  // Object.prototype.toString reads "[object Window]" from Window.prototype.
  const ownTag = ObjectGetOwnPropertyDescriptor(globalThis, Symbol.toStringTag);
  if (ownTag !== undefined && ownTag.configurable) delete globalThis[Symbol.toStringTag];
  for (const [slot, value] of [[brand, brand], [_listeners, null], [_handlers, null]]) {
    ObjectDefineProperty(globalThis, slot, { __proto__: null, value, writable: true, enumerable: false, configurable: false });
  }

  // [Replaceable] readonly attribute (Event or undefined) event (https://html.spec.whatwg.org/#dom-window-event),
  // on the global itself as for every [Global] interface member.
  const eventAttribute = {
    get event() {
      webidl.assertGlobalReceiver(this);
      // The event getter steps are to return this's current event.
      return currentGlobalEvent;
    },
    set event(value) {
      webidl.assertGlobalReceiver(this);
      // [Replaceable]: assigning replaces the accessor with a data property.
      ObjectDefineProperty(globalThis, "event", {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  };
  ObjectDefineProperty(globalThis, "event", {
    __proto__: null,
    get: ObjectGetOwnPropertyDescriptor(eventAttribute, "event").get,
    set: ObjectGetOwnPropertyDescriptor(eventAttribute, "event").set,
    enumerable: true,
    configurable: true,
  });

  // https://html.spec.whatwg.org/#globaleventhandlers (onerror is an OnErrorEventHandler) and
  // https://html.spec.whatwg.org/#windoweventhandlers
  defineEventHandler(globalThis, "error");
  // WindowEventHandlers: the runtime fires only unhandledrejection and rejectionhandled, but a Window
  // has every one of these attributes, and code may set or read them.
  for (const name of ["afterprint", "beforeprint", "beforeunload", "hashchange", "languagechange", "message",
    "messageerror", "offline", "online", "pagehide", "pagereveal", "pageshow", "pageswap", "popstate",
    "rejectionhandled", "storage", "unhandledrejection", "unload"]) {
    defineEventHandler(globalThis, name);
  }

  // ------------------------------------------------------------------ report an exception (HTML)

  // Whether the global is in error reporting mode (https://html.spec.whatwg.org/#in-error-reporting-mode).
  let inErrorReportingMode = false;
  // "    at name (file:line:col)" or "    at file:line:col": the first frame of a V8-style stack.
  const FRAME_LOCATION = /^\s*at (?:.*?\()?(.*?):(\d+):(\d+)\)?\s*$/m;

  function safeToString(value) {
    try {
      return `${value}`;
    } catch {
      try {
        return ReflectApply(ObjectPrototypeToString, value, []);
      } catch {
        return "[unprintable value]";
      }
    }
  }

  function stackOf(value) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
    try {
      const stack = value.stack;
      return typeof stack === "string" && stack !== "" ? stack : undefined;
    } catch {
      return undefined;
    }
  }

  // https://html.spec.whatwg.org/#extract-error
  function extractErrorInformation(exception) {
    // 1. Let attributes be an empty map keyed by IDL attributes.
    // 2. Set attributes[error] to exception.
    // 3. Set attributes[message], attributes[filename], attributes[lineno], and attributes[colno] to
    //    implementation-defined values derived from exception: the console text and the first stack frame.
    const attributes = { message: `Uncaught ${safeToString(exception)}`, filename: "", lineno: 0, colno: 0, error: exception };
    const stack = stackOf(exception);
    if (stack !== undefined) {
      const m = ReflectApply(RegExpPrototypeExec, FRAME_LOCATION, [stack]);
      if (m !== null) {
        attributes.filename = m[1];
        attributes.lineno = +m[2];
        attributes.colno = +m[3];
      }
    }
    // 4. Return attributes.
    return attributes;
  }

  // https://html.spec.whatwg.org/#report-an-exception (global: this runtime's global object)
  function reportException(exception) {
    // 1. Let notHandled be true.
    let notHandled = true;
    // 2. Let errorInfo be the result of extracting error information from exception.
    const errorInfo = extractErrorInformation(exception);
    // 3-4. (muted errors: every script here is same-origin.)
    // 6. If global is not in error reporting mode, then:
    if (!inErrorReportingMode) {
      // 6.1. Set global's in error reporting mode to true.
      inErrorReportingMode = true;
      try {
        // 6.2. If global implements EventTarget, then set notHandled to the result of firing an event named
        //      error at global, using ErrorEvent, with the cancelable attribute initialized to true, and
        //      additional attributes initialized according to errorInfo.
        errorInfo.cancelable = true;
        notHandled = fireEvent(globalThis, "error", ErrorEvent, errorInfo);
      } finally {
        // 6.3. Set global's in error reporting mode to false.
        inErrorReportingMode = false;
      }
    }
    // 7. If notHandled is true, then:
    if (notHandled) {
      // 7.1. Set errorInfo[error] to null.
      // 7.3. Otherwise, the user agent may report exception to a developer console: "Uncaught " and the
      //      stack (which starts with "Name: message"), or the value itself for a non-error.
      runtimeOps.reportUncaught(`Uncaught ${stackOf(exception) ?? safeToString(exception)}`);
    }
  }

  // https://html.spec.whatwg.org/#dom-reporterror
  const reportErrorHolder = {
    reportError(e) {
      // Operation of the global object: this must be the global (or null/undefined).
      webidl.assertGlobalReceiver(this);
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'reportError' on 'Window'");
      // The reportError(e) method steps are to report an exception e for this.
      reportException(e);
    },
  };
  ObjectDefineProperty(globalThis, "reportError", {
    __proto__: null,
    value: reportErrorHolder.reportError,
    writable: true,
    enumerable: true,
    configurable: true,
  });

  runtimeOps.setReportException(reportException);

  // ------------------------------------------------------------------ exports

  for (const [name, value] of [
    ["Event", Event],
    ["EventTarget", EventTarget],
    ["CustomEvent", CustomEvent],
    ["ErrorEvent", ErrorEvent],
    ["MessageEvent", MessageEvent],
    ["CloseEvent", CloseEvent],
    ["PromiseRejectionEvent", PromiseRejectionEvent],
  ]) {
    webidl.exposeInterface(globalThis, name, value);
    internals[name] = value;
  }
  internals.Window = Window;
  // The global is a Window, so its interface object is a property of the global, as in a browser
  // (code such as WPT's idlharness.js tells which global it runs in by looking for it).
  webidl.exposeInterface(globalThis, "Window", Window);
  internals.dispatch = dispatch;
  internals.createEvent = createEvent;
  internals.fireEvent = fireEvent;
  internals.setTrusted = setTrusted;
  internals.firePromiseRejectionEvent = firePromiseRejectionEvent;
  internals.hasEventListeners = hasEventListeners;
  internals.isEventTarget = isEventTarget;
  internals.defineEventHandler = defineEventHandler;
  internals.reportException = reportException;
  internals.eventTargetGetTheParent = _getTheParent;
  internals.eventTargetListenerAdded = _listenerAdded;
})

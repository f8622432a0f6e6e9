// Aborting ongoing activities: https://dom.spec.whatwg.org/#aborting-ongoing-activities
// AbortController and AbortSignal, plus internals.abort for layers that make their operations abortable.
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const DOMException = internals.DOMException;
  const EventTarget = internals.EventTarget;

  const SetCtor = webidl.SafeSet;
  const WeakRefCtor = WeakRef;
  const ReflectApply = Reflect.apply;
  // Captured now, so a script replacing the timers cannot change AbortSignal.timeout().
  const timers = internals.timers;
  const setTimeoutFn = globalThis.setTimeout;

  // The internal slots of an AbortSignal.
  const _reason = Symbol("[[abortReason]]");
  const _algorithms = Symbol("[[abortAlgorithms]]");
  const _dependent = Symbol("[[dependent]]");
  const _sourceSignals = Symbol("[[sourceSignals]]");
  const _dependentSignals = Symbol("[[dependentSignals]]");
  // Dependents a source keeps strongly while they have abort listeners or algorithms (see keepAlive).
  const _keepAlive = Symbol("[[keepAlive]]");

  const CREATE = Symbol("create an AbortSignal");

  // An AbortSignal object is aborted when its abort reason is not undefined.
  function isAborted(signal) {
    return signal[_reason] !== undefined;
  }

  class AbortSignal extends EventTarget {
    // AbortSignal has no constructor in IDL: `new AbortSignal()` throws. The layer creates signals with a
    // private key.
    constructor(key = undefined) {
      if (key !== CREATE) webidl.illegalConstructor();
      super();
      // The abort reason (undefined: not aborted).
      this[_reason] = undefined;
      // The abort algorithms: an ordered set, created on first use.
      this[_algorithms] = null;
      // Dependent signals (AbortSignal.any) keep their sources; sources reach their dependents weakly, so
      // a long-lived signal used in many any() calls does not keep every result alive.
      this[_dependent] = false;
      this[_sourceSignals] = null;
      this[_dependentSignals] = null;
      this[_keepAlive] = null;
    }

    // https://dom.spec.whatwg.org/#dom-abortsignal-abort
    static abort(reason = undefined) {
      // 1. Let signal be a new AbortSignal object.
      const signal = new AbortSignal(CREATE);
      // 2. Set signal's abort reason to reason if it is given; otherwise to a new "AbortError" DOMException.
      signal[_reason] = reason !== undefined ? reason : new DOMException("This operation was aborted", "AbortError");
      // 3. Return signal.
      return signal;
    }

    // https://dom.spec.whatwg.org/#dom-abortsignal-timeout
    static timeout(milliseconds) {
      const prefix = "Failed to execute 'timeout' on 'AbortSignal'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      milliseconds = converters["unsigned long long"](milliseconds, prefix, "Argument 1", { enforceRange: true });
      // 1. Let signal be a new AbortSignal object.
      const signal = new AbortSignal(CREATE);
      // 2. Let global be signal's relevant global object.
      // 3. Run steps after a timeout given global, "AbortSignal-timeout", milliseconds, and the following step:
      //    1. Queue a global task on the timer task source given global to signal abort given signal and a new
      //       "TimeoutError" DOMException.
      //    (The timer's task is that task. The timer does not keep the program alive: a signal nobody awaits
      //    should not delay exit, as in Deno and Node.)
      startTimeout(milliseconds, () => {
        signalAbort(signal, new DOMException("The operation timed out.", "TimeoutError"));
      });
      // 4. Return signal.
      return signal;
    }

    // https://dom.spec.whatwg.org/#dom-abortsignal-any
    static any(signals) {
      const prefix = "Failed to execute 'any' on 'AbortSignal'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      signals = convertAbortSignals(signals, prefix, "Argument 1");
      // The static any(signals) method steps are to return the result of creating a dependent abort signal
      // from signals using AbortSignal and the current realm.
      return createDependentAbortSignal(signals);
    }

    // https://dom.spec.whatwg.org/#dom-abortsignal-aborted
    get aborted() {
      webidl.assertBranded(this, AbortSignalPrototype);
      // The aborted getter steps are to return true if this is aborted; otherwise false.
      return this[_reason] !== undefined;
    }

    // https://dom.spec.whatwg.org/#dom-abortsignal-reason
    get reason() {
      webidl.assertBranded(this, AbortSignalPrototype);
      // The reason getter steps are to return this's abort reason.
      return this[_reason];
    }

    // https://dom.spec.whatwg.org/#dom-abortsignal-throwifaborted
    throwIfAborted() {
      webidl.assertBranded(this, AbortSignalPrototype);
      // The throwIfAborted() method steps are to throw this's abort reason, if this is aborted.
      if (this[_reason] !== undefined) throw this[_reason];
    }

    // Keeps a dependent signal alive while it has abort listeners (see keepAlive).
    [internals.eventTargetListenerAdded](type) {
      if (type === "abort") keepAlive(this);
    }
  }
  const AbortSignalPrototype = AbortSignal.prototype;
  webidl.configureInterface(AbortSignal);
  // https://dom.spec.whatwg.org/#dom-abortsignal-onabort
  internals.defineEventHandler(AbortSignalPrototype, "abort");

  converters.AbortSignal = webidl.createInterfaceConverter("AbortSignal", AbortSignalPrototype);
  const convertAbortSignals = webidl.createSequenceConverter(converters.AbortSignal);
  converters["sequence<AbortSignal>"] = convertAbortSignals;

  // The timers take a `long` timeout; a longer one is waited for in steps of the longest they accept.
  const MAX_TIMER_DELAY = 2 ** 31 - 1;

  function startTimeout(milliseconds, step) {
    const delay = milliseconds > MAX_TIMER_DELAY ? MAX_TIMER_DELAY : milliseconds;
    const then = delay === milliseconds ? step : () => startTimeout(milliseconds - delay, step);
    if (timers !== undefined && typeof timers.setUnrefTimeout === "function") {
      timers.setUnrefTimeout(then, delay);
    } else {
      ReflectApply(setTimeoutFn, globalThis, [then, delay]);
    }
  }

  // https://dom.spec.whatwg.org/#abortsignal-add
  function addAlgorithm(signal, algorithm) {
    // 1. If signal is aborted, then return.
    if (signal[_reason] !== undefined) return;
    // 2. Append algorithm to signal's abort algorithms.
    if (signal[_algorithms] === null) signal[_algorithms] = new SetCtor();
    signal[_algorithms].add(algorithm);
    keepAlive(signal);
  }

  // https://dom.spec.whatwg.org/#abortsignal-remove
  function removeAlgorithm(signal, algorithm) {
    // To remove an algorithm algorithm from an AbortSignal signal, remove algorithm from signal's abort
    // algorithms.
    if (signal[_algorithms] !== null) signal[_algorithms].delete(algorithm);
  }

  // https://dom.spec.whatwg.org/#abortsignal-signal-abort
  function signalAbort(signal, reason) {
    // 1. If signal is aborted, then return.
    if (signal[_reason] !== undefined) return;
    // 2. Set signal's abort reason to reason if it is given; otherwise to a new "AbortError" DOMException.
    signal[_reason] = reason !== undefined ? reason : new DOMException("This operation was aborted", "AbortError");
    // 3. Let dependentSignalsToAbort be a new list.
    const dependentSignalsToAbort = [];
    // 4. For each dependentSignal of signal's dependent signals:
    const dependents = signal[_dependentSignals];
    if (dependents !== null) {
      for (const ref of dependents) {
        const dependentSignal = ref.deref();
        if (dependentSignal === undefined) continue;
        // 4.1. If dependentSignal is not aborted, then:
        if (dependentSignal[_reason] === undefined) {
          // 4.1.1. Set dependentSignal's abort reason to signal's abort reason.
          dependentSignal[_reason] = signal[_reason];
          // 4.1.2. Append dependentSignal to dependentSignalsToAbort.
          dependentSignalsToAbort[dependentSignalsToAbort.length] = dependentSignal;
        }
      }
    }
    // An aborted signal is done: it no longer needs to reach its dependents, nor keep them alive.
    signal[_dependentSignals] = null;
    signal[_keepAlive] = null;
    // 5. Run the abort steps for signal.
    runAbortSteps(signal);
    // 6. For each dependentSignal of dependentSignalsToAbort, run the abort steps for dependentSignal.
    for (let i = 0; i < dependentSignalsToAbort.length; i++) runAbortSteps(dependentSignalsToAbort[i]);
  }

  // https://dom.spec.whatwg.org/#run-the-abort-steps
  function runAbortSteps(signal) {
    // 1. For each algorithm of signal's abort algorithms: run algorithm.
    const algorithms = signal[_algorithms];
    // 2. Empty signal's abort algorithms.
    signal[_algorithms] = null;
    if (algorithms !== null) {
      for (const algorithm of algorithms) {
        // An algorithm is platform code; one that throws must not stop the others or the event.
        try {
          algorithm();
        } catch (e) {
          internals.reportException(e);
        }
      }
    }
    // 3. Fire an event named abort at signal.
    internals.fireEvent(signal, "abort", internals.Event, undefined);
  }

  // https://dom.spec.whatwg.org/#create-a-dependent-abort-signal
  function createDependentAbortSignal(signals) {
    // 1. Let resultSignal be a new object implementing signalInterface using realm.
    const resultSignal = new AbortSignal(CREATE);
    // 2. For each signal of signals: if signal is aborted, then set resultSignal's abort reason to signal's
    //    abort reason and return resultSignal.
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal[_reason] !== undefined) {
        resultSignal[_reason] = signal[_reason];
        return resultSignal;
      }
    }
    // 3. Set resultSignal's dependent to true.
    resultSignal[_dependent] = true;
    resultSignal[_sourceSignals] = new SetCtor();
    const resultRef = new WeakRefCtor(resultSignal);
    // 4. For each signal of signals:
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      // 4.1. If signal's dependent is false, then:
      if (!signal[_dependent]) {
        // 4.1.1. Append signal to resultSignal's source signals.
        // 4.1.2. Append resultSignal to signal's dependent signals.
        link(resultSignal, resultRef, signal);
      } else {
        // 4.2. Otherwise, for each sourceSignal of signal's source signals:
        for (const sourceSignal of signal[_sourceSignals]) {
          // 4.2.1. Assert: sourceSignal is not aborted and not dependent.
          // 4.2.2. Append sourceSignal to resultSignal's source signals.
          // 4.2.3. Append resultSignal to sourceSignal's dependent signals.
          link(resultSignal, resultRef, sourceSignal);
        }
      }
    }
    // 5. Return resultSignal.
    return resultSignal;
  }

  function link(resultSignal, resultRef, sourceSignal) {
    const sources = resultSignal[_sourceSignals];
    if (sources.has(sourceSignal)) return;
    sources.add(sourceSignal);
    if (sourceSignal[_dependentSignals] === null) sourceSignal[_dependentSignals] = new SetCtor();
    sourceSignal[_dependentSignals].add(resultRef);
  }

  /**
   * https://dom.spec.whatwg.org/#abort-signal-garbage-collection: "A non-aborted dependent AbortSignal object
   * must not be garbage collected while its source signals is non-empty and it has registered event
   * listeners for its abort event or its abort algorithms is non-empty." Sources reach dependents through
   * weak references, so such a dependent is also put in each source's keep-alive set (dropped when the
   * source aborts).
   */
  function keepAlive(signal) {
    if (!signal[_dependent] || signal[_reason] !== undefined) return;
    for (const source of signal[_sourceSignals]) {
      if (source[_keepAlive] === null) source[_keepAlive] = new SetCtor();
      source[_keepAlive].add(signal);
    }
  }

  // ------------------------------------------------------------------ AbortController

  const _signal = Symbol("[[signal]]");

  class AbortController {
    // https://dom.spec.whatwg.org/#dom-abortcontroller-abortcontroller
    constructor() {
      this[webidl.brand] = webidl.brand;
      // 1. Let signal be a new AbortSignal object.
      const signal = new AbortSignal(CREATE);
      // 2. Set this's signal to signal.
      this[_signal] = signal;
    }

    // https://dom.spec.whatwg.org/#dom-abortcontroller-signal
    get signal() {
      webidl.assertBranded(this, AbortControllerPrototype);
      // The signal getter steps are to return this's signal.
      return this[_signal];
    }

    // https://dom.spec.whatwg.org/#dom-abortcontroller-abort
    abort(reason = undefined) {
      webidl.assertBranded(this, AbortControllerPrototype);
      // The abort(reason) method steps are to signal abort on this with reason if it is given.
      // (https://dom.spec.whatwg.org/#abortcontroller-signal-abort: signal abort on controller's signal.)
      signalAbort(this[_signal], reason);
    }
  }
  const AbortControllerPrototype = AbortController.prototype;
  webidl.configureInterface(AbortController);

  internals.AbortSignal = AbortSignal;
  internals.AbortController = AbortController;
  internals.abort = {
    __proto__: null,
    isAborted,
    /** The abort reason of a signal (undefined when not aborted). */
    reason: (signal) => signal[_reason],
    addAlgorithm,
    removeAlgorithm,
    signalAbort,
    createDependentAbortSignal,
    /** A new, unaborted AbortSignal. */
    createAbortSignal: () => new AbortSignal(CREATE),
  };
  webidl.exposeInterface(globalThis, "AbortSignal", AbortSignal);
  webidl.exposeInterface(globalThis, "AbortController", AbortController);
})

// Timers, microtasks and promise rejection tracking: the script-facing parts of the HTML
// Standard's event loop (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers,
// https://html.spec.whatwg.org/multipage/webappapis.html#microtask-queuing,
// https://html.spec.whatwg.org/multipage/webappapis.html#unhandled-promise-rejections).
// The Java loop owns the timer heap; this file owns the map of active timers, so a timer
// cleared after its task was queued is still dropped, as the standard requires.
(function (globalThis, internals, ops) {
  "use strict";

  const runtimeOps = ops.runtime;
  const GraalBuiltin = globalThis.Graal;
  // `Graal` is only needed for the rejection hook below; scripts must not see it.
  delete globalThis.Graal;

  function report(error) {
    // internals.reportException comes from 02_event.js; fall back to a plain report if absent.
    if (typeof internals.reportException === "function") {
      internals.reportException(error);
    } else {
      runtimeOps.reportUncaught("Uncaught " + (error && error.stack ? error.stack : String(error)));
    }
  }

  function toLong(value) {
    // WebIDL `long`: ToNumber, then modulo 2^32 into the signed 32-bit range (no [EnforceRange]).
    const n = Number(value);
    return Number.isFinite(n) ? (n | 0) : 0;
  }

  // ------------------------------------------------------------------ timers

  /** id → { handler, args, timeout, repeat, nesting, handle } (the map of setTimeout and setInterval IDs). */
  const activeTimers = new Map();
  let lastTimerId = 0;
  /** The timer nesting level of the task currently running, 0 when it is not a timer task. */
  let currentNestingLevel = 0;

  function initializeTimer(handler, timeout, args, repeat, previousId, ref) {
    // 2. If previousId was given, let id be previousId; otherwise, let id be an integer greater
    //    than zero that does not already exist in the map of setTimeout and setInterval IDs.
    const id = previousId !== undefined ? previousId : ++lastTimerId;
    // 3. If the currently running task was created by this algorithm, let nesting level be the
    //    task's timer nesting level. Otherwise, let nesting level be 0.
    const nestingLevel = currentNestingLevel;
    // 4. If timeout is less than 0, then set timeout to 0.
    if (timeout < 0) timeout = 0;
    // 5. If nesting level is greater than 5, and timeout is less than 4, then set timeout to 4.
    const effectiveTimeout = nestingLevel > 5 && timeout < 4 ? 4 : timeout;
    // 9-11. The task runs `fireTimer(id)` with its nesting level incremented by one.
    const timer = { handler, args, timeout, repeat, nesting: nestingLevel + 1, handle: 0, ref };
    // 12-14. Queue the task after the timeout; remember the unique handle for this id.
    timer.handle = runtimeOps.startTimer(effectiveTimeout, ref, id);
    activeTimers.set(id, timer);
    // 15. Return id.
    return id;
  }

  function fireTimer(id) {
    const timer = activeTimers.get(id);
    // 9.2-9.3. If id does not exist in the map (or maps to another handle), abort these steps.
    if (timer === undefined) return;
    const outerNesting = currentNestingLevel;
    currentNestingLevel = timer.nesting;
    try {
      // 9.5. If handler is a Function, invoke it with arguments and "report", with the global as this.
      // 9.6. Otherwise, compile and run the string as a classic script.
      try {
        if (typeof timer.handler === "function") {
          Reflect.apply(timer.handler, globalThis, timer.args);
        } else {
          (0, eval)(timer.handler);
        }
      } catch (error) {
        report(error);
      }
      // 9.7-9.8. If id no longer maps to this timer (cleared in the callback), abort these steps.
      if (activeTimers.get(id) !== timer) return;
      if (timer.repeat) {
        // 9.9. If repeat is true, perform the timer initialization steps again with the same id.
        initializeTimer(timer.handler, timer.timeout, timer.args, true, id, timer.ref);
      } else {
        // 9.10. Otherwise, remove the map entry for id.
        activeTimers.delete(id);
      }
    } finally {
      currentNestingLevel = outerNesting;
    }
  }
  runtimeOps.setTimerCallback(fireTimer);

  function timerHandler(handler) {
    // TimerHandler is (DOMString or Function): anything not callable becomes a string.
    return typeof handler === "function" ? handler : String(handler);
  }

  function clearTimer(id) {
    // The clearTimeout(id) and clearInterval(id) method steps are to remove this's map of
    // setTimeout and setInterval IDs[id]. (The two share one map.)
    id = toLong(id);
    const timer = activeTimers.get(id);
    if (timer === undefined) return;
    activeTimers.delete(id);
    runtimeOps.cancelTimer(timer.handle);
  }

  function setTimeout(handler, timeout = 0, ...args) {
    if (arguments.length < 1) {
      throw new TypeError("Failed to execute 'setTimeout': 1 argument required, but only 0 present.");
    }
    return initializeTimer(timerHandler(handler), toLong(timeout), args, false, undefined, true);
  }

  function setInterval(handler, timeout = 0, ...args) {
    if (arguments.length < 1) {
      throw new TypeError("Failed to execute 'setInterval': 1 argument required, but only 0 present.");
    }
    return initializeTimer(timerHandler(handler), toLong(timeout), args, true, undefined, true);
  }

  function clearTimeout(id = 0) {
    clearTimer(id);
  }

  function clearInterval(id = 0) {
    clearTimer(id);
  }

  // ------------------------------------------------------------------ microtasks

  const resolvedPromise = Promise.resolve();

  function queueMicrotask(callback) {
    if (arguments.length < 1) {
      throw new TypeError("Failed to execute 'queueMicrotask': 1 argument required, but only 0 present.");
    }
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    }
    // Queue a microtask to invoke callback with « » and "report". GraalJS's promise job queue
    // is the microtask queue: it drains when the outermost call into JavaScript returns.
    resolvedPromise.then(() => {
      try {
        callback();
      } catch (error) {
        report(error);
      }
    });
  }

  // ------------------------------------------------------------------ promise rejections

  /** The about-to-be-notified rejected promises list. */
  let aboutToBeNotified = [];

  /**
   * The global's outstanding rejected promises weak set: promises unhandledrejection was fired for
   * that were still unhandled afterwards, each with its reason ([[PromiseResult]]) for rejectionhandled.
   */
  const outstandingRejected = new WeakMap();
  /** The promise an unhandledrejection event is being fired for, and whether it got a handler meanwhile. */
  let notifying = null;
  let handledWhileNotifying = false;

  function notifyAboutRejectedPromises() {
    // 1. Let list be a clone of global's about-to-be-notified rejected promises list.
    const list = aboutToBeNotified;
    // 2. If list is empty, then return.
    if (list.length === 0) return;
    // 3. Empty global's about-to-be-notified rejected promises list.
    aboutToBeNotified = [];
    // 4. Queue a global task on the DOM manipulation task source to run these substeps:
    runtimeOps.queueTask(() => {
      trackHandlersOfReportedPromises();
      // 4.1. For each promise p of list:
      for (let i = 0; i < list.length; i++) {
        const { promise, reason } = list[i];
        // 4.1.1-2. If p is handled by now, continue. (GraalJS only calls us for promises that
        //          were still unhandled after the microtask checkpoint.)
        // 4.1.3. Let notCanceled be the result of firing an event named unhandledrejection at
        //        global, using PromiseRejectionEvent, with cancelable true, promise and reason.
        let notCanceled = true;
        notifying = promise;
        handledWhileNotifying = false;
        try {
          if (typeof internals.firePromiseRejectionEvent === "function") {
            notCanceled = internals.firePromiseRejectionEvent("unhandledrejection", promise, reason);
          }
        } finally {
          notifying = null;
        }
        // 4.1.4. If notCanceled is true, then the user agent may report p.[[PromiseResult]] to a
        //        developer console. The CLI treats it as an uncaught error, like Deno.
        if (notCanceled) {
          runtimeOps.reportUncaught("Uncaught (in promise) " + describeReason(reason));
        }
        // 4.1.5. If p.[[PromiseIsHandled]] is false, then append p to the global's outstanding rejected
        //        promises weak set.
        if (!handledWhileNotifying) outstandingRejected.set(promise, reason);
      }
    });
  }

  /**
   * HostPromiseRejectionTracker(promise, "handle") for promises already reported
   * (https://html.spec.whatwg.org/#the-hostpromiserejectiontracker-implementation). GraalJS tells the
   * embedder only about rejections, so a handler added later is seen where scripts add handlers:
   * Promise.prototype.then, which catch, finally, Promise.all/any/race/allSettled and resolving with a
   * promise all call (a bare `await` of the promise does not). Installed only once a rejection was
   * reported, so programs that never see one keep the built-in then.
   */
  let trackingHandlers = false;
  function trackHandlersOfReportedPromises() {
    if (trackingHandlers) return;
    trackingHandlers = true;
    const PromisePrototype = Promise.prototype;
    const builtinThen = PromisePrototype.then;
    const ReflectApply = Reflect.apply;
    const methods = {
      then(onFulfilled, onRejected) {
        if (this === notifying) {
          handledWhileNotifying = true;
        } else if (outstandingRejected.has(this)) {
          promiseHandled(this);
        }
        return ReflectApply(builtinThen, this, [onFulfilled, onRejected]);
      },
    };
    Object.defineProperty(PromisePrototype, "then", {
      value: methods.then, writable: true, enumerable: false, configurable: true,
    });
  }

  function promiseHandled(promise) {
    // 1. (A promise still in the about-to-be-notified list was never reported: GraalJS drops it itself.)
    // 2. If global's outstanding rejected promises weak set does not contain promise, then return.
    // 3. Remove promise from global's outstanding rejected promises weak set.
    const reason = outstandingRejected.get(promise);
    outstandingRejected.delete(promise);
    // 4. Let global be handlingScript's settings object's global object.
    // 5. Queue a global task on the DOM manipulation task source given global to fire an event named
    //    rejectionhandled at global, using PromiseRejectionEvent, with the promise attribute initialized
    //    to promise, and the reason attribute initialized to promise.[[PromiseResult]].
    runtimeOps.queueTask(() => {
      if (typeof internals.firePromiseRejectionEvent === "function") {
        internals.firePromiseRejectionEvent("rejectionhandled", promise, reason);
      }
    });
  }

  function describeReason(reason) {
    if (reason !== null && typeof reason === "object" && typeof reason.stack === "string") {
      return reason.stack;
    }
    if (typeof internals.inspect === "function") return internals.inspect(reason);
    try {
      return String(reason);
    } catch {
      return Object.prototype.toString.call(reason);
    }
  }

  if (GraalBuiltin && typeof GraalBuiltin.setUnhandledPromiseRejectionHandler === "function") {
    // Called after a microtask checkpoint with each promise that was rejected and is still unhandled.
    GraalBuiltin.setUnhandledPromiseRejectionHandler((reason, promise) => {
      aboutToBeNotified.push({ promise, reason });
      if (aboutToBeNotified.length === 1) notifyAboutRejectedPromises();
    });
  }

  // ------------------------------------------------------------------ install

  function defineGlobalFunction(name, fn) {
    // Operations on the global object: writable, enumerable, configurable, like a browser's.
    Object.defineProperty(globalThis, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }

  defineGlobalFunction("setTimeout", setTimeout);
  defineGlobalFunction("setInterval", setInterval);
  defineGlobalFunction("clearTimeout", clearTimeout);
  defineGlobalFunction("clearInterval", clearInterval);
  defineGlobalFunction("queueMicrotask", queueMicrotask);

  internals.timers = {
    /** A timer that does not keep the loop alive (e.g. for AbortSignal.timeout). */
    setUnrefTimeout(callback, timeout) {
      return initializeTimer(callback, toLong(timeout), [], false, undefined, false);
    },
    clearTimeout: clearTimer,
  };
})

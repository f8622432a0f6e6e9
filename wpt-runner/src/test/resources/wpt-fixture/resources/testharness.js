// A small harness with the testharness.js API surface the runner relies on, written for the runner's
// own tests (the real testharness.js lives in a WPT checkout and is never copied into this project).
// Like testharness.js in a JavaScript shell, it treats the end of the page's first task (a microtask)
// as "loaded" and completes once loaded and every test has finished.
(function (global) {
  "use strict";
  const PASS = 0, FAIL = 1, TIMEOUT = 2, NOTRUN = 3;
  const OK = 0, ERROR = 1, HARNESS_TIMEOUT = 2;

  const tests = [];
  const resultCallbacks = [];
  const completionCallbacks = [];
  const promiseQueue = [];
  let loaded = false;
  let explicitDone = false;
  let doneCalled = false;
  let complete = false;
  let runningPromise = false;
  const harness = { status: OK, message: null };

  Promise.resolve().then(() => {
    loaded = true;
    maybeComplete();
  });

  class AssertionError extends Error {}

  class Test {
    constructor(name) {
      this.name = name;
      this.status = NOTRUN;
      this.message = null;
      this.finished = false;
      tests.push(this);
    }
    step(fn, thisObj, ...args) {
      if (this.finished) return undefined;
      try {
        return fn.apply(thisObj === undefined ? this : thisObj, args);
      } catch (e) {
        this.finish(FAIL, describe(e));
        return undefined;
      }
    }
    step_func(fn) {
      return (...args) => this.step(fn, this, ...args);
    }
    step_func_done(fn) {
      return (...args) => {
        if (fn) this.step(fn, this, ...args);
        this.done();
      };
    }
    unreached_func(what) {
      return this.step_func(() => { throw new AssertionError("unreached: " + what); });
    }
    done() {
      if (!this.finished) this.finish(PASS, null);
    }
    finish(status, message) {
      if (this.finished) return;
      this.finished = true;
      this.status = status;
      this.message = message;
      for (const cb of resultCallbacks) cb(this);
      maybeComplete();
    }
  }

  function describe(e) {
    if (e instanceof AssertionError) return e.message;
    return e && e.name ? e.name + ": " + e.message : String(e);
  }

  function maybeComplete() {
    if (complete || !loaded || runningPromise || promiseQueue.length > 0) return;
    if (explicitDone && !doneCalled) return;
    if (tests.some((t) => !t.finished)) return;
    finishAll();
  }

  function finishAll() {
    complete = true;
    for (const cb of completionCallbacks) cb(tests.slice(), harness);
  }

  function runNextPromiseTest() {
    if (runningPromise || promiseQueue.length === 0) return;
    const [t, fn] = promiseQueue.shift();
    runningPromise = true;
    Promise.resolve()
      .then(() => fn(t))
      .then(() => t.done(), (e) => t.finish(FAIL, describe(e)))
      .then(() => {
        runningPromise = false;
        runNextPromiseTest();
        maybeComplete();
      });
  }

  function title() {
    if (typeof global.META_TITLE === "string") return global.META_TITLE;
    const path = global.location ? String(global.location.pathname) : "untitled";
    const file = path.substring(path.lastIndexOf("/") + 1);
    return file.substring(0, file.indexOf("."));
  }

  const api = {
    test(fn, name) {
      const t = new Test(name || title());
      t.step(fn, t, t);
      t.done();
    },
    async_test(fnOrName, name) {
      const t = new Test(typeof fnOrName === "string" ? fnOrName : name || title());
      if (typeof fnOrName === "function") t.step(fnOrName, t, t);
      return t;
    },
    promise_test(fn, name) {
      const t = new Test(name || title());
      promiseQueue.push([t, fn]);
      Promise.resolve().then(runNextPromiseTest);
    },
    setup(properties) {
      if (properties && properties.explicit_done) explicitDone = true;
    },
    done() {
      doneCalled = true;
      maybeComplete();
    },
    timeout() {
      if (complete) return;
      harness.status = HARNESS_TIMEOUT;
      for (const t of tests) {
        if (!t.finished) t.finish(TIMEOUT, "Test timed out");
      }
      finishAll();
    },
    add_result_callback(cb) { resultCallbacks.push(cb); },
    add_completion_callback(cb) { completionCallbacks.push(cb); },
    assert_true(value, description) {
      if (value !== true) throw new AssertionError("assert_true: " + (description || "") + " expected true got " + value);
    },
    assert_equals(actual, expected, description) {
      if (!Object.is(actual, expected)) {
        throw new AssertionError("assert_equals: " + (description || "") + " expected " + expected + " but got " + actual);
      }
    },
  };
  for (const [name, fn] of Object.entries(api)) global[name] = fn;

  if (typeof global.addEventListener === "function") {
    global.addEventListener("error", (e) => {
      harness.status = ERROR;
      harness.message = e.message;
      finishAll();
    });
  }
})(self);

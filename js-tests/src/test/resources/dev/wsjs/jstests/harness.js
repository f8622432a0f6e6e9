// The js-tests harness: the testharness.js API (test, async_test, promise_test, setup, done,
// assert_*, promise_rejects_*, EventWatcher, format_value …) written for this project, so test
// files read like web-platform-tests and run on the JVM runtime without a browser.
//
// The runner evaluates this file first, then the test file, then calls
// __wsjsHarness.loaded(settings) — the "load event" — and pumps the event loop until the harness
// reports. The report goes to the function the runner installs as __wsjsHarness.report: an
// object { status, message, stack, tests: [{ name, status, message, stack }] } with status names.
(function (global) {
  "use strict";

  // Everything the harness relies on is captured now: tests may replace timers or builtins.
  const setTimeout_ = global.setTimeout;
  const clearTimeout_ = global.clearTimeout;
  const Promise_ = Promise;
  const PromiseResolve = Promise.resolve.bind(Promise);
  const ObjectIs = Object.is;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectPrototypeToString = Function.prototype.call.bind(Object.prototype.toString);
  const ObjectPrototypeHasOwnProperty = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
  const String_ = String;

  // Subtest statuses and harness statuses, as testharness.js numbers them.
  const PASS = 0, FAIL = 1, TIMEOUT = 2, NOTRUN = 3, PRECONDITION_FAILED = 4;
  const STATUS_NAMES = ["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];
  const HARNESS_OK = 0, HARNESS_ERROR = 1, HARNESS_TIMEOUT = 2, HARNESS_PRECONDITION_FAILED = 3;
  const HARNESS_STATUS_NAMES = ["OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"];

  // A test's life: created, running, has a result, running its cleanups, finished.
  const INITIAL = 0, STARTED = 1, HAS_RESULT = 2, CLEANING = 3, COMPLETE = 4;

  /** What a failed assertion throws; its message is the subtest's failure message. */
  class AssertionError extends Error {
    constructor(message) {
      super(message);
      this.name = "AssertionError";
    }
  }

  /** Thrown by assert_implements_optional: the subtest ends PRECONDITION_FAILED, not FAIL. */
  class OptionalFeatureUnsupportedError extends AssertionError {
    constructor(message) {
      super(message);
      this.name = "OptionalFeatureUnsupportedError";
    }
  }

  // ---------------------------------------------------------------- harness state

  const harness = {
    tests: [],
    // Set by setup({ explicit_done: true }); the file is then complete only after done().
    explicitDone: false,
    doneCalled: false,
    loaded: false,
    allowUncaughtException: false,
    // Milliseconds; the runner passes the file's timeout through loaded().
    timeout: 10000,
    timeoutTimer: undefined,
    timeoutFromSetup: false,
    status: HARNESS_OK,
    message: null,
    stack: null,
    complete: false,
    // promise_tests run one after another: each waits for the previous one to finish.
    promiseChain: PromiseResolve(),
    promiseSetupDone: false,
    completionCallbacks: [],
    resultCallbacks: [],
    report: null,
  };

  function messageOf(e) {
    if (e !== null && typeof e === "object") {
      if (e instanceof AssertionError) return e.message;
      const name = safe(() => e.name);
      const message = safe(() => e.message);
      if (typeof message === "string") return typeof name === "string" && name !== "" ? `${name}: ${message}` : message;
    }
    return safe(() => String_(e)) ?? "(unprintable value)";
  }

  function stackOf(e) {
    const stack = e !== null && typeof e === "object" ? safe(() => e.stack) : undefined;
    return typeof stack === "string" ? stack : null;
  }

  function safe(fn) {
    try {
      return fn();
    } catch {
      return undefined;
    }
  }

  // ---------------------------------------------------------------- Test

  class Test {
    constructor(name, properties) {
      this.name = name;
      this.properties = properties || {};
      this.status = NOTRUN;
      this.message = null;
      this.stack = null;
      this.phase = INITIAL;
      this.index = harness.tests.length + 1;
      this._cleanups = [];
      this._timer = undefined;
      this._onComplete = [];
      this._signal = undefined;
      harness.tests.push(this);
    }

    /**
     * Starts the test; a test with properties.timeout (ms) times out on its own, every other test
     * when the harness does.
     */
    _start() {
      if (this.phase !== INITIAL) return;
      this.phase = STARTED;
      if (typeof this.properties.timeout === "number") {
        this._timer = setTimeout_(() => this.timeout(), this.properties.timeout);
      }
    }

    /** Runs fn as a step: a throw ends the test as failed. Steps after the result are ignored. */
    step(fn, thisObj, ...args) {
      if (this.phase > STARTED) return undefined;
      if (this.phase === INITIAL) this._start();
      try {
        return fn.apply(thisObj === undefined ? this : thisObj, args);
      } catch (e) {
        if (this.phase > STARTED) return undefined;
        const status = e instanceof OptionalFeatureUnsupportedError ? PRECONDITION_FAILED : FAIL;
        this._setStatus(status, messageOf(e), stackOf(e));
        this.done();
        return undefined;
      }
    }

    step_func(fn, thisObj) {
      const test = this;
      return function (...args) {
        return test.step(fn, thisObj === undefined ? this : thisObj, ...args);
      };
    }

    step_func_done(fn, thisObj) {
      const test = this;
      return function (...args) {
        if (fn) test.step(fn, thisObj === undefined ? this : thisObj, ...args);
        test.done();
      };
    }

    unreached_func(description) {
      return this.step_func(function () {
        assert_unreached(description);
      });
    }

    step_timeout(fn, timeout, ...args) {
      const test = this;
      return setTimeout_(this.step_func(function () {
        return fn.apply(test, args);
      }), timeout);
    }

    /** Polls cond every interval ms until it holds (then resolves) or timeout ms pass (then fails). */
    step_wait(cond, description, timeout = 3000, interval = 100) {
      const test = this;
      return new Promise_((resolve, reject) => {
        const start = Date.now();
        const poll = test.step_func(() => {
          if (cond()) {
            resolve();
          } else if (Date.now() - start > timeout) {
            reject(new AssertionError(`step_wait: ${description === undefined ? "condition" : description} timed out`));
          } else {
            setTimeout_(poll, interval);
          }
        });
        poll();
      });
    }

    step_wait_func(cond, fn, description, timeout, interval) {
      this.step_wait(cond, description, timeout, interval).then(this.step_func(fn), this.step_func((e) => { throw e; }));
    }

    step_wait_func_done(cond, fn, description, timeout, interval) {
      this.step_wait(cond, description, timeout, interval).then(
        this.step_func_done(fn), this.step_func((e) => { throw e; }));
    }

    add_cleanup(fn) {
      this._cleanups.push(fn);
    }

    /** An AbortSignal aborted when the test ends, for APIs that take one. */
    get_signal() {
      if (this._signal === undefined) {
        if (typeof AbortController !== "function") throw new TypeError("AbortController is not available");
        const controller = new AbortController();
        this._signal = controller.signal;
        this.add_cleanup(() => controller.abort());
      }
      return this._signal;
    }

    _setStatus(status, message, stack) {
      this.status = status;
      this.message = message;
      this.stack = stack;
    }

    /** Forces the test to fail as timed out (the per-test timeout calls this). */
    timeout() {
      if (this.phase >= HAS_RESULT) return;
      this._setStatus(TIMEOUT, "Test timed out", null);
      this.phase = HAS_RESULT;
      this.done();
    }

    force_timeout() {
      this.timeout();
    }

    /** Ends the test: PASS unless a step failed; then its cleanups run. */
    done() {
      if (this.phase >= CLEANING) return;
      if (this.phase < HAS_RESULT) {
        if (this.status === NOTRUN) this._setStatus(PASS, null, null);
        this.phase = HAS_RESULT;
      }
      if (this._timer !== undefined) {
        clearTimeout_(this._timer);
        this._timer = undefined;
      }
      this._cleanup();
    }

    _cleanup() {
      this.phase = CLEANING;
      const pending = [];
      let failures = 0;
      for (const fn of this._cleanups) {
        try {
          const result = fn();
          if (result !== null && (typeof result === "object" || typeof result === "function") && typeof result.then === "function") {
            pending.push(PromiseResolve(result).then(undefined, () => { failures++; }));
          }
        } catch {
          failures++;
        }
      }
      const finish = () => {
        if (failures > 0) {
          harnessError(`Test named '${this.name}' specified ${this._cleanups.length} 'cleanup' function(s), and ${failures} failed.`, null);
        }
        this.phase = COMPLETE;
        for (const cb of harness.resultCallbacks) safe(() => cb(this));
        for (const cb of this._onComplete) cb();
        checkComplete();
      };
      if (pending.length === 0) finish();
      else Promise_.all(pending).then(finish);
    }

    get status_name() {
      return STATUS_NAMES[this.status];
    }
  }

  Test.prototype.PASS = PASS;
  Test.prototype.FAIL = FAIL;
  Test.prototype.TIMEOUT = TIMEOUT;
  Test.prototype.NOTRUN = NOTRUN;
  Test.prototype.PRECONDITION_FAILED = PRECONDITION_FAILED;

  // ---------------------------------------------------------------- test creation

  function checkName(name, fn) {
    if (typeof name === "string" && name !== "") return name;
    // testharness.js names an unnamed test after its function (or the document title).
    if (typeof fn === "function" && fn.name) return fn.name;
    return `Test ${harness.tests.length + 1}`;
  }

  function assertCanAddTests(kind) {
    if (harness.complete) {
      throw new Error(`${kind} called after the harness completed`);
    }
  }

  /** A synchronous test: fn runs now; it passes unless it throws. */
  function test(fn, name, properties) {
    assertCanAddTests("test()");
    const t = new Test(checkName(name, fn), properties);
    t.step(function () {
      const result = fn.call(this, this);
      if (result !== undefined) {
        const kind = result !== null && typeof result.then === "function" ? "a Promise" : "a value";
        throw new AssertionError(`Test named "${t.name}" passed a function to \`test\` that returned ${kind}. Use promise_test or async_test.`);
      }
    });
    if (t.phase < HAS_RESULT) t.done();
    return t;
  }

  /** An asynchronous test: async_test(fn?, name?, properties?); ends with t.done(). */
  function async_test(fn, name, properties) {
    assertCanAddTests("async_test()");
    if (typeof fn !== "function") {
      properties = name;
      name = fn;
      fn = undefined;
    }
    const t = new Test(checkName(name, fn), properties);
    t._start();
    if (fn) t.step(fn, t, t);
    return t;
  }

  /** A test whose function returns a promise; promise tests run one at a time, in order. */
  function promise_test(fn, name, properties) {
    assertCanAddTests("promise_test()");
    const t = new Test(checkName(name, fn), properties);
    harness.promiseChain = harness.promiseChain.then(() => new Promise_((resolve) => {
      t._onComplete.push(resolve);
      if (t.phase >= HAS_RESULT || harness.complete) {
        if (t.phase === COMPLETE || harness.complete) resolve();
        return;
      }
      let promise;
      t.step(() => {
        promise = fn.call(t, t);
        if (promise === null || (typeof promise !== "object" && typeof promise !== "function") || typeof promise.then !== "function") {
          throw new AssertionError(`promise_test: test body must return a 'thenable' object (received ${format_value(promise)})`);
        }
      });
      if (t.phase >= HAS_RESULT) return;
      PromiseResolve(promise).then(
        () => t.done(),
        (reason) => t.step(() => {
          if (reason instanceof AssertionError) throw reason;
          const failure = new AssertionError(`promise_test: Unhandled rejection with value: ${format_value(reason)}`);
          failure.stack = stackOf(reason);
          throw failure;
        }));
    }));
    return t;
  }

  /** Runs fn before every promise_test; a rejection ends the file with harness status ERROR. */
  function promise_setup(fn, properties) {
    if (properties) setup(properties);
    harness.promiseChain = harness.promiseChain.then(() => {
      let result;
      try {
        result = fn();
      } catch (e) {
        harnessError(`promise_setup threw: ${messageOf(e)}`, stackOf(e));
        throw e;
      }
      return PromiseResolve(result).then(undefined, (e) => {
        harnessError(`promise_setup failed: ${messageOf(e)}`, stackOf(e));
        throw e;
      });
    });
  }

  /** setup(fn?, properties?): explicit_done, allow_uncaught_exception, timeout (ms). */
  function setup(fn, properties) {
    if (typeof fn !== "function") {
      properties = fn;
      fn = undefined;
    }
    if (properties) {
      if (properties.explicit_done) harness.explicitDone = true;
      if (properties.allow_uncaught_exception) harness.allowUncaughtException = true;
      if (typeof properties.timeout === "number") {
        harness.timeout = properties.timeout;
        harness.timeoutFromSetup = true;
        if (harness.loaded) restartHarnessTimer();
      }
    }
    if (fn) {
      try {
        fn();
      } catch (e) {
        harnessError(`setup failed: ${messageOf(e)}`, stackOf(e), e instanceof OptionalFeatureUnsupportedError);
        finish();
      }
    }
  }

  /** With explicit_done: the file has registered all its tests. */
  function done() {
    harness.doneCalled = true;
    checkComplete();
  }

  function step_timeout(fn, timeout, ...args) {
    return setTimeout_(() => fn(...args), timeout);
  }

  function generate_tests(fn, cases, properties) {
    for (const [name, ...args] of cases) test(function () { fn.apply(this, args); }, name, properties);
  }

  function add_completion_callback(fn) {
    harness.completionCallbacks.push(fn);
  }

  function add_result_callback(fn) {
    harness.resultCallbacks.push(fn);
  }

  /** Forces the whole file to time out now. */
  function timeout() {
    harnessTimedOut();
  }

  // ---------------------------------------------------------------- completion

  function harnessError(message, stack, precondition = false) {
    if (harness.status !== HARNESS_OK) return;
    harness.status = precondition ? HARNESS_PRECONDITION_FAILED : HARNESS_ERROR;
    harness.message = message;
    harness.stack = stack;
  }

  function restartHarnessTimer() {
    if (harness.timeoutTimer !== undefined) clearTimeout_(harness.timeoutTimer);
    harness.timeoutTimer = setTimeout_(harnessTimedOut, harness.timeout);
  }

  function harnessTimedOut() {
    if (harness.complete) return;
    if (harness.status === HARNESS_OK) harness.status = HARNESS_TIMEOUT;
    finish();
  }

  function checkComplete() {
    if (harness.complete || !harness.loaded) return;
    if (harness.explicitDone && !harness.doneCalled) return;
    for (const t of harness.tests) if (t.phase !== COMPLETE) return;
    finish();
  }

  /** Ends the file: tests still running time out, tests never started did not run. */
  function finish() {
    if (harness.complete) return;
    harness.complete = true;
    if (harness.timeoutTimer !== undefined) clearTimeout_(harness.timeoutTimer);
    for (const t of harness.tests) {
      if (t._timer !== undefined) clearTimeout_(t._timer);
      if (t.phase === INITIAL) {
        t._setStatus(NOTRUN, harness.status === HARNESS_OK ? "Test did not run" : "Harness ended before the test ran", null);
      } else if (t.phase < HAS_RESULT) {
        t._setStatus(TIMEOUT, harness.status === HARNESS_TIMEOUT ? "Test timed out" : "Harness ended before the test finished", null);
      }
    }
    const status = { status: harness.status, message: harness.message, stack: harness.stack };
    for (const cb of harness.completionCallbacks) safe(() => cb(harness.tests, status));
    const report = {
      status: HARNESS_STATUS_NAMES[harness.status],
      message: harness.message,
      stack: harness.stack,
      tests: harness.tests.map((t) => ({ name: String_(t.name), status: STATUS_NAMES[t.status], message: t.message, stack: t.stack })),
    };
    if (typeof harnessApi.report === "function") harnessApi.report(report);
  }

  /** The runner's entry points. */
  const harnessApi = {
    report: null,
    /** The "load event": the test file has run. */
    loaded(settings) {
      if (settings && typeof settings.timeout === "number" && !harness.timeoutFromSetup) harness.timeout = settings.timeout;
      harness.loaded = true;
      restartHarnessTimer();
      checkComplete();
    },
    /** The runner's own limit passed: whatever is still running times out. */
    expire() {
      harnessTimedOut();
    },
    /** An error no script handled (the runtime's uncaught-error report). */
    uncaught(report) {
      if (harness.allowUncaughtException || harness.complete) return;
      harnessError(report, null);
      finish();
    },
  };

  // ---------------------------------------------------------------- format_value

  function escapeString(s) {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += "\\\\";
      else if (c === 0x0a) out += "\\n";
      else if (c === 0x0d) out += "\\r";
      else if (c === 0x09) out += "\\t";
      else if (c === 0x00) out += "\\0";
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += "\\x" + c.toString(16).padStart(2, "0");
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else if (c >= 0xd800 && c <= 0xdfff) out += "\\u" + c.toString(16).toUpperCase();
      else out += s[i];
    }
    return out;
  }

  /** A short readable form of any value for assertion messages. */
  function format_value(value, seen) {
    if (Array.isArray(value)) {
      seen = seen || [];
      if (seen.includes(value)) return "[...]";
      seen.push(value);
      const parts = [];
      for (let i = 0; i < value.length; i++) parts.push(format_value(value[i], seen));
      seen.pop();
      return `[${parts.join(", ")}]`;
    }
    switch (typeof value) {
      case "string": return `"${escapeString(value)}"`;
      case "number": return ObjectIs(value, -0) ? "-0" : String_(value);
      case "bigint": return `${value}n`;
      case "boolean":
      case "undefined": return String_(value);
      case "symbol": return value.toString();
      case "function":
      case "object": {
        if (value === null) return "null";
        const text = safe(() => String_(value));
        if (text === undefined) return `[${typeof value}: stringifying threw]`;
        return `${typeof value} "${escapeString(text)}"`;
      }
      default: return String_(value);
    }
  }

  // ---------------------------------------------------------------- assertions

  function fail(assertion, description, message) {
    const prefix = description === undefined || description === null || description === "" ? "" : `${description} `;
    throw new AssertionError(`${assertion}: ${prefix}${message}`);
  }

  function assert(condition, assertion, description, message) {
    if (!condition) fail(assertion, description, message);
  }

  /** SameValue, except that NaN equals NaN (as in testharness.js) — -0 and 0 differ. */
  function sameValue(a, b) {
    return ObjectIs(a, b);
  }

  function assert_true(actual, description) {
    assert(actual === true, "assert_true", description, `expected true got ${format_value(actual)}`);
  }

  function assert_false(actual, description) {
    assert(actual === false, "assert_false", description, `expected false got ${format_value(actual)}`);
  }

  function assert_equals(actual, expected, description) {
    if (typeof actual !== typeof expected) {
      fail("assert_equals", description,
        `expected (${typeof expected}) ${format_value(expected)} but got (${typeof actual}) ${format_value(actual)}`);
    }
    assert(sameValue(actual, expected), "assert_equals", description,
      `expected ${format_value(expected)} but got ${format_value(actual)}`);
  }

  function assert_not_equals(actual, expected, description) {
    assert(!sameValue(actual, expected), "assert_not_equals", description, `got disallowed value ${format_value(actual)}`);
  }

  function assert_in_array(actual, expected, description) {
    assert(expected.indexOf(actual) !== -1, "assert_in_array", description,
      `value ${format_value(actual)} not in array ${format_value(expected)}`);
  }

  function isArrayLike(v) {
    return v !== null && typeof v === "object" && typeof v.length === "number";
  }

  function assert_array_equals(actual, expected, description) {
    assert(isArrayLike(actual), "assert_array_equals", description, `value is ${format_value(actual)}, expected array`);
    if (actual.length !== expected.length) {
      fail("assert_array_equals", description,
        `lengths differ, expected array ${format_value(expected)} length ${expected.length}, got ${format_value(actual)} length ${actual.length}`);
    }
    for (let i = 0; i < actual.length; i++) {
      assert(ObjectPrototypeHasOwnProperty(actual, i) === ObjectPrototypeHasOwnProperty(expected, i), "assert_array_equals", description,
        `expected property ${i} to be ${ObjectPrototypeHasOwnProperty(expected, i) ? "present" : "missing"} but it was ${ObjectPrototypeHasOwnProperty(actual, i) ? "present" : "missing"}`);
      assert(sameValue(actual[i], expected[i]), "assert_array_equals", description,
        `expected property ${i} to be ${format_value(expected[i])} but got ${format_value(actual[i])} (expected array ${format_value(expected)} got ${format_value(actual)})`);
    }
  }

  function assert_array_approx_equals(actual, expected, epsilon, description) {
    assert(isArrayLike(actual), "assert_array_approx_equals", description, `value is ${format_value(actual)}, expected array`);
    assert(actual.length === expected.length, "assert_array_approx_equals", description,
      `lengths differ, expected ${expected.length} got ${actual.length}`);
    for (let i = 0; i < actual.length; i++) {
      assert(typeof actual[i] === "number", "assert_array_approx_equals", description,
        `property ${i}, expected a number but got a ${typeof actual[i]}`);
      assert(Math.abs(actual[i] - expected[i]) <= epsilon, "assert_array_approx_equals", description,
        `property ${i}, expected ${format_value(expected[i])} +/- ${format_value(epsilon)}, expected ${format_value(expected)} but got ${format_value(actual)}`);
    }
  }

  function assert_approx_equals(actual, expected, epsilon, description) {
    assert(typeof actual === typeof expected, "assert_approx_equals", description,
      `expected a ${typeof expected} but got a ${typeof actual}`);
    if (!(Number.isFinite(actual) || Number.isFinite(expected)) && actual === expected) return;
    assert(Math.abs(actual - expected) <= epsilon, "assert_approx_equals", description,
      `expected ${format_value(expected)} +/- ${format_value(epsilon)} but got ${format_value(actual)}`);
  }

  function numericComparison(name, relation, test) {
    return function (actual, expected, description) {
      assert(typeof actual === "number" || typeof actual === "bigint", name, description,
        `expected a number but got a ${typeof actual}`);
      assert(test(actual, expected), name, description,
        `expected a number ${relation} ${format_value(expected)} but got ${format_value(actual)}`);
    };
  }

  const assert_less_than = numericComparison("assert_less_than", "less than", (a, e) => a < e);
  const assert_greater_than = numericComparison("assert_greater_than", "greater than", (a, e) => a > e);
  const assert_less_than_equal = numericComparison("assert_less_than_equal", "less than or equal to", (a, e) => a <= e);
  const assert_greater_than_equal = numericComparison("assert_greater_than_equal", "greater than or equal to", (a, e) => a >= e);

  function assert_between_exclusive(actual, lower, upper, description) {
    assert(typeof actual === "number", "assert_between_exclusive", description, `expected a number but got a ${typeof actual}`);
    assert(actual > lower && actual < upper, "assert_between_exclusive", description,
      `expected a number greater than ${format_value(lower)} and less than ${format_value(upper)} but got ${format_value(actual)}`);
  }

  function assert_between_inclusive(actual, lower, upper, description) {
    assert(typeof actual === "number", "assert_between_inclusive", description, `expected a number but got a ${typeof actual}`);
    assert(actual >= lower && actual <= upper, "assert_between_inclusive", description,
      `expected a number greater than or equal to ${format_value(lower)} and less than or equal to ${format_value(upper)} but got ${format_value(actual)}`);
  }

  function assert_regexp_match(actual, expected, description) {
    assert(expected.test(actual), "assert_regexp_match", description, `expected ${format_value(expected)} but got ${format_value(actual)}`);
  }

  function assert_not_regexp_match(actual, expected, description) {
    assert(!expected.test(actual), "assert_not_regexp_match", description, `expected not ${format_value(expected)} but got ${format_value(actual)}`);
  }

  function assert_class_string(object, classString, description) {
    const actual = ObjectPrototypeToString(object).slice(8, -1);
    assert(actual === classString, "assert_class_string", description,
      `expected ${format_value(classString)} but got ${format_value(actual)}`);
  }

  function assert_own_property(object, name, description) {
    assert(ObjectPrototypeHasOwnProperty(object, name), "assert_own_property", description, `expected property ${format_value(name)} missing`);
  }

  function assert_not_own_property(object, name, description) {
    assert(!ObjectPrototypeHasOwnProperty(object, name), "assert_not_own_property", description,
      `unexpected property ${format_value(name)} is found on object`);
  }

  function inheritsCheck(assertion) {
    return function (object, name, description) {
      assert(typeof object === "object" || typeof object === "function", assertion, description, "provided value is not an object");
      assert(!ObjectPrototypeHasOwnProperty(object, name), assertion, description,
        `property ${format_value(name)} found on object expected in prototype chain`);
      assert(name in object, assertion, description, `property ${format_value(name)} not found in prototype chain`);
    };
  }

  const assert_inherits = inheritsCheck("assert_inherits");
  const assert_idl_attribute = inheritsCheck("assert_idl_attribute");

  function assert_readonly(object, name, description) {
    const initial = object[name];
    try {
      // Writing must not change the value (silently in sloppy code, a TypeError in strict code).
      try {
        object[name] = initial + "a";
      } catch {
        // A throwing setter or a non-writable property in strict mode is read-only too.
      }
      assert(sameValue(object[name], initial), "assert_readonly", description, `changing property ${format_value(name)} succeeded`);
    } finally {
      try {
        object[name] = initial;
      } catch {
        // nothing to restore
      }
    }
  }

  function callForThrow(assertion, func, description) {
    assert(typeof func === "function", assertion, description, "second argument must be a function");
    try {
      func.call(null);
    } catch (e) {
      return { threw: true, error: e };
    }
    fail(assertion, description, `${safe(() => String_(func)) ?? "function"} did not throw`);
    return { threw: false };
  }

  function checkJsError(assertion, constructor, e, description) {
    assert(typeof e === "object" && e !== null, assertion, description,
      `threw ${format_value(e)} with type ${typeof e}, not an object`);
    assert(typeof DOMException !== "function" || !(e instanceof DOMException) || constructor === DOMException, assertion, description,
      `threw a DOMException ${format_value(e.name)}; use assert_throws_dom`);
    assert(e instanceof constructor && e.constructor === constructor && e.name === constructor.name, assertion, description,
      `threw ${format_value(e)} (${format_value(e.name)}) expected instance of ${constructor.name}`);
  }

  function assert_throws_js(constructor, func, description) {
    const { error } = callForThrow("assert_throws_js", func, description);
    checkJsError("assert_throws_js", constructor, error, description);
  }

  // The DOMException names table: legacy codes, and the legacy constant names tests may pass.
  const DOM_CODES = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
    EncodingError: 0, NotReadableError: 0, UnknownError: 0, ConstraintError: 0, DataError: 0,
    TransactionInactiveError: 0, ReadOnlyError: 0, VersionError: 0, OperationError: 0, NotAllowedError: 0, OptOutError: 0,
  };
  const LEGACY_NAMES = {
    INDEX_SIZE_ERR: "IndexSizeError", HIERARCHY_REQUEST_ERR: "HierarchyRequestError", WRONG_DOCUMENT_ERR: "WrongDocumentError",
    INVALID_CHARACTER_ERR: "InvalidCharacterError", NO_MODIFICATION_ALLOWED_ERR: "NoModificationAllowedError",
    NOT_FOUND_ERR: "NotFoundError", NOT_SUPPORTED_ERR: "NotSupportedError", INUSE_ATTRIBUTE_ERR: "InUseAttributeError",
    INVALID_STATE_ERR: "InvalidStateError", SYNTAX_ERR: "SyntaxError", INVALID_MODIFICATION_ERR: "InvalidModificationError",
    NAMESPACE_ERR: "NamespaceError", INVALID_ACCESS_ERR: "InvalidAccessError", TYPE_MISMATCH_ERR: "TypeMismatchError",
    SECURITY_ERR: "SecurityError", NETWORK_ERR: "NetworkError", ABORT_ERR: "AbortError", URL_MISMATCH_ERR: "URLMismatchError",
    QUOTA_EXCEEDED_ERR: "QuotaExceededError", TIMEOUT_ERR: "TimeoutError", INVALID_NODE_TYPE_ERR: "InvalidNodeTypeError",
    DATA_CLONE_ERR: "DataCloneError",
  };

  function expectedDomException(assertion, type, description) {
    let name;
    if (typeof type === "number") {
      name = Object.keys(DOM_CODES).find((n) => DOM_CODES[n] === type && type !== 0);
    } else if (typeof type === "string") {
      name = ObjectPrototypeHasOwnProperty(LEGACY_NAMES, type) ? LEGACY_NAMES[type] : type;
    }
    assert(name !== undefined && ObjectPrototypeHasOwnProperty(DOM_CODES, name), assertion, description,
      `unknown DOMException type ${format_value(type)}`);
    return { name, code: DOM_CODES[name] };
  }

  function checkDomException(assertion, type, constructor, e, description) {
    const expected = expectedDomException(assertion, type, description);
    assert(typeof e === "object" && e !== null, assertion, description,
      `threw ${format_value(e)} with type ${typeof e}, not an object`);
    assert(typeof constructor === "function" && e instanceof constructor && e.constructor === constructor, assertion, description,
      `threw ${format_value(e)} that is not a DOMException ${expected.name}`);
    assert(e.name === expected.name, assertion, description,
      `threw ${format_value(e)} that is not a DOMException ${expected.name}: property "name" is equal to ${format_value(e.name)}, expected ${format_value(expected.name)}`);
    assert(e.code === expected.code, assertion, description,
      `threw ${format_value(e)} that is not a DOMException ${expected.name}: property "code" is equal to ${format_value(e.code)}, expected ${format_value(expected.code)}`);
  }

  /** assert_throws_dom(type, func, description) or (type, constructor, func, description). */
  function assert_throws_dom(type, funcOrConstructor, descriptionOrFunc, maybeDescription) {
    let constructor = global.DOMException;
    let func = funcOrConstructor;
    let description = descriptionOrFunc;
    if (typeof descriptionOrFunc === "function") {
      constructor = funcOrConstructor;
      func = descriptionOrFunc;
      description = maybeDescription;
    }
    const { error } = callForThrow("assert_throws_dom", func, description);
    checkDomException("assert_throws_dom", type, constructor, error, description);
  }

  function assert_throws_exactly(exception, func, description) {
    const { error } = callForThrow("assert_throws_exactly", func, description);
    assert(sameValue(error, exception), "assert_throws_exactly", description,
      `${safe(() => String_(func)) ?? "function"} threw ${format_value(error)} but we expected it to throw ${format_value(exception)}`);
  }

  function assert_unreached(description) {
    fail("assert_unreached", undefined, `Reached unreachable code${description === undefined ? "" : ": " + description}`);
  }

  function assert_implements(condition, description) {
    assert(!!condition, "assert_implements", description, "");
  }

  function assert_implements_optional(condition, description) {
    if (!condition) throw new OptionalFeatureUnsupportedError(description);
  }

  function assert_any(assertFn, actual, expectedArray, ...args) {
    const errors = [];
    for (const expected of expectedArray) {
      try {
        assertFn(actual, expected, ...args);
        return;
      } catch (e) {
        errors.push(e.message);
      }
    }
    throw new AssertionError(errors.join("\n\n"));
  }

  // ---------------------------------------------------------------- promise rejections

  function promiseRejects(test, promise, description, check) {
    return PromiseResolve(promise).then(
      () => test.step(() => assert_unreached(`Should have rejected: ${description === undefined ? "" : description}`)),
      (e) => check(e));
  }

  function promise_rejects_js(test, constructor, promise, description) {
    return promiseRejects(test, promise, description, (e) => checkJsError("promise_rejects_js", constructor, e, description));
  }

  /** promise_rejects_dom(test, type, promise, description) or (test, type, constructor, promise, description). */
  function promise_rejects_dom(test, type, promiseOrConstructor, descriptionOrPromise, maybeDescription) {
    let constructor = global.DOMException;
    let promise = promiseOrConstructor;
    let description = descriptionOrPromise;
    if (typeof promiseOrConstructor === "function" && !(promiseOrConstructor instanceof Promise_)) {
      constructor = promiseOrConstructor;
      promise = descriptionOrPromise;
      description = maybeDescription;
    }
    return promiseRejects(test, promise, description, (e) => checkDomException("promise_rejects_dom", type, constructor, e, description));
  }

  function promise_rejects_exactly(test, exception, promise, description) {
    return promiseRejects(test, promise, description, (e) => {
      assert(sameValue(e, exception), "promise_rejects_exactly", description,
        `rejected with ${format_value(e)} but we expected ${format_value(exception)}`);
    });
  }

  // ---------------------------------------------------------------- EventWatcher

  /**
   * Watches `eventTypes` on `target` for `test`: wait_for() resolves with the next expected event;
   * an event nobody waits for, or one out of order, fails the test.
   */
  function EventWatcher(test, target, eventTypes, timeoutPromise) {
    if (!(this instanceof EventWatcher)) return new EventWatcher(test, target, eventTypes, timeoutPromise);
    if (typeof eventTypes === "string") eventTypes = [eventTypes];
    let waiting = null; // { types, resolve, reject, recorded }

    const listener = test.step_func((event) => {
      assert_true(waiting !== null, `Not expecting event, but got ${event.type} event`);
      assert_equals(event.type, waiting.types[0], `Expected ${waiting.types[0]} event, but got ${event.type} event instead`);
      if (waiting.recorded) waiting.recorded.push(event);
      if (waiting.types.length > 1) {
        waiting.types.shift();
        return;
      }
      const { resolve, recorded } = waiting;
      waiting = null;
      resolve(recorded || event);
    });

    for (const type of eventTypes) target.addEventListener(type, listener, false);

    this.wait_for = function (types, options) {
      if (waiting !== null) return Promise_.reject(new AssertionError("EventWatcher: already waiting for an event or events"));
      if (typeof types === "string") types = [types];
      const recordAll = options && options.record === "all";
      return new Promise_((resolve, reject) => {
        waiting = { types: types.slice(), resolve, reject, recorded: recordAll ? [] : null };
        if (timeoutPromise) {
          const mine = waiting;
          PromiseResolve(timeoutPromise()).then(() => {
            if (waiting === mine) {
              waiting = null;
              reject(new AssertionError(`Timed out waiting for ${types.join(", ")}`));
            }
          });
        }
      });
    };

    this.stop_watching = function () {
      for (const type of eventTypes) target.removeEventListener(type, listener, false);
    };

    test.add_cleanup(this.stop_watching);
  }

  // ---------------------------------------------------------------- install

  const api = {
    test, async_test, promise_test, promise_setup, setup, done, step_timeout, generate_tests, timeout,
    add_completion_callback, add_result_callback, format_value, EventWatcher, AssertionError,
    OptionalFeatureUnsupportedError,
    assert_true, assert_false, assert_equals, assert_not_equals, assert_in_array, assert_array_equals,
    assert_array_approx_equals, assert_approx_equals, assert_less_than, assert_greater_than,
    assert_less_than_equal, assert_greater_than_equal, assert_between_exclusive, assert_between_inclusive,
    assert_regexp_match, assert_not_regexp_match, assert_class_string, assert_own_property,
    assert_not_own_property, assert_inherits, assert_idl_attribute, assert_readonly, assert_throws_js,
    assert_throws_dom, assert_throws_exactly, assert_unreached, assert_implements, assert_implements_optional,
    assert_any, promise_rejects_js, promise_rejects_dom, promise_rejects_exactly,
  };
  for (const name of Object.keys(api)) {
    Object.defineProperty(global, name, { value: api[name], writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(global, "__wsjsHarness", { value: harnessApi, writable: false, enumerable: false, configurable: false });
})(globalThis);

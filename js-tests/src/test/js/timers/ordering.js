// setTimeout/setInterval ordering, arguments and clearing (HTML Standard, timers).

// Delays far apart compared to how long setting them takes, so a loaded machine cannot make a later
// zero-delay timer due after an earlier, longer one.
promise_test(() => new Promise((resolve) => {
  const order = [];
  setTimeout(() => order.push("300"), 300);
  setTimeout(() => order.push("0a"), 0);
  setTimeout(() => order.push("100"), 100);
  setTimeout(() => order.push("0b"), 0);
  setTimeout(() => {
    order.push("500");
    resolve(order);
  }, 500);
}).then((order) => assert_array_equals(order, ["0a", "0b", "100", "300", "500"])), "timers fire by due time, equal ones in the order they were set");

promise_test(() => new Promise((resolve) => {
  const order = [];
  setTimeout(() => {
    order.push("timer");
    resolve(order);
  }, 0);
  Promise.resolve().then(() => order.push("promise"));
  queueMicrotask(() => order.push("microtask"));
  order.push("sync");
}).then((order) => assert_array_equals(order, ["sync", "promise", "microtask", "timer"])), "microtasks run before the next timer");

promise_test(() => new Promise((resolve) => {
  const order = [];
  setTimeout(() => {
    order.push("first");
    Promise.resolve().then(() => order.push("first's microtask"));
  }, 0);
  setTimeout(() => {
    order.push("second");
    resolve(order);
  }, 0);
}).then((order) => assert_array_equals(order, ["first", "first's microtask", "second"])), "a microtask checkpoint follows every timer task");

async_test((t) => {
  setTimeout(t.step_func_done(function (a, b, c) {
    assert_equals(arguments.length, 3);
    assert_equals(a, 1);
    assert_equals(b, "two");
    assert_equals(c, undefined);
    assert_equals(this, globalThis, "handlers run with the global as this");
  }), 0, 1, "two", undefined);
}, "extra arguments are passed to the handler");

async_test((t) => {
  let calls = 0;
  const id = setInterval(t.step_func((x) => {
    assert_equals(x, "arg");
    calls++;
    if (calls === 3) {
      clearInterval(id);
      // Nothing more may fire after clearing inside the callback.
      t.step_timeout(() => {
        assert_equals(calls, 3);
        t.done();
      }, 40);
    }
  }), 1, "arg");
}, "setInterval repeats until cleared from inside its callback");

async_test((t) => {
  const id = setTimeout(t.unreached_func("a cleared timer fired"), 0);
  clearTimeout(id);
  t.step_timeout(() => t.done(), 20);
}, "clearTimeout cancels");

async_test((t) => {
  let second;
  setTimeout(() => clearTimeout(second), 0);
  second = setTimeout(t.unreached_func("the timer cleared by an earlier one due at the same time fired"), 0);
  t.step_timeout(() => t.done(), 20);
}, "a timer cleared by an earlier timer due at the same time does not fire");

async_test((t) => {
  const id = setInterval(t.unreached_func("cleared with the other function"), 0);
  clearTimeout(id);
  const other = setTimeout(t.unreached_func("cleared with the other function"), 0);
  clearInterval(other);
  t.step_timeout(() => t.done(), 20);
}, "clearTimeout and clearInterval share one map of IDs");

test(() => {
  const a = setTimeout(() => {}, 1000);
  const b = setInterval(() => {}, 1000);
  const c = setTimeout(() => {}, 1000);
  for (const id of [a, b, c]) {
    assert_true(Number.isInteger(id) && id > 0, `id ${id} is a positive integer`);
    clearTimeout(id);
  }
  assert_not_equals(a, b);
  assert_not_equals(b, c);
  assert_not_equals(a, c);
}, "timer IDs are distinct positive integers");

test(() => {
  clearTimeout();
  clearTimeout(undefined);
  clearTimeout(123456);
  clearTimeout("nonsense");
  clearInterval(null);
}, "clearing unknown IDs does nothing");

async_test((t) => {
  globalThis.stringHandlerRan = t.step_func_done(() => {});
  setTimeout("stringHandlerRan()", 0);
}, "a string handler is run as a script");

test(() => {
  assert_throws_js(TypeError, () => setTimeout());
  assert_throws_js(TypeError, () => setInterval());
  // The IDL's one required argument (the handler) makes the length 1.
  assert_equals(setTimeout.length, 1, "setTimeout.length");
  assert_equals(setInterval.length, 1, "setInterval.length");
  assert_equals(clearTimeout.length, 0, "clearTimeout.length");
  assert_equals(setTimeout.name, "setTimeout");
  const d = Object.getOwnPropertyDescriptor(globalThis, "setTimeout");
  assert_true(d.writable && d.enumerable && d.configurable, "a writable, enumerable, configurable global operation");
}, "the timer functions' shape");

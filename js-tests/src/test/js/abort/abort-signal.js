// AbortController and AbortSignal (https://dom.spec.whatwg.org/#interface-abortcontroller).

test(() => {
  const controller = new AbortController();
  const signal = controller.signal;
  assert_false(signal.aborted);
  assert_equals(signal.reason, undefined);
  let events = 0;
  signal.onabort = (e) => {
    events++;
    assert_true(e.isTrusted);
  };
  controller.abort();
  assert_true(signal.aborted);
  assert_true(signal.reason instanceof DOMException);
  assert_equals(signal.reason.name, "AbortError");
  controller.abort("again");
  assert_equals(events, 1, "abort fires once");
  assert_equals(signal.reason.name, "AbortError", "the first reason stays");
  assert_throws_dom("AbortError", () => signal.throwIfAborted());
}, "abort() with the default reason");

test(() => {
  const reason = new Error("custom");
  const signal = AbortSignal.abort(reason);
  assert_true(signal.aborted);
  assert_equals(signal.reason, reason);
  assert_throws_exactly(reason, () => signal.throwIfAborted());
}, "AbortSignal.abort(reason)");

promise_test(async () => {
  const signal = AbortSignal.timeout(10);
  assert_false(signal.aborted);
  await new Promise((resolve) => signal.addEventListener("abort", resolve));
  assert_equals(signal.reason.name, "TimeoutError");
}, "AbortSignal.timeout aborts with a TimeoutError");

test(() => {
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assert_false(any.aborted);
  b.abort("b first");
  assert_true(any.aborted);
  assert_equals(any.reason, "b first");
  const already = AbortSignal.any([AbortSignal.abort("x"), a.signal]);
  assert_equals(already.reason, "x");
}, "AbortSignal.any follows the first of its signals");

test(() => {
  assert_throws_js(TypeError, () => new AbortSignal());
  assert_equals(Object.prototype.toString.call(new AbortController().signal), "[object AbortSignal]");
  assert_true(new AbortController().signal instanceof EventTarget);
}, "AbortSignal has no public constructor and is an EventTarget");

// EventTarget and Event per the DOM Standard (https://dom.spec.whatwg.org/#interface-eventtarget).

test(() => {
  const target = new EventTarget();
  const order = [];
  target.addEventListener("x", () => order.push("bubble"));
  target.addEventListener("x", () => order.push("capture"), { capture: true });
  target.addEventListener("x", { handleEvent(e) { order.push("object:" + e.type); } });
  assert_true(target.dispatchEvent(new Event("x")));
  assert_array_equals(order, ["capture", "bubble", "object:x"], "capturing listeners first, then the others in order");
}, "at the target, capturing listeners run before the others, handleEvent objects included");

test(() => {
  const target = new EventTarget();
  let calls = 0;
  const listener = () => calls++;
  target.addEventListener("x", listener);
  target.addEventListener("x", listener);
  target.addEventListener("x", listener, { capture: true });
  target.dispatchEvent(new Event("x"));
  assert_equals(calls, 2, "duplicates (same type, callback and capture) are ignored");
  target.removeEventListener("x", listener);
  target.dispatchEvent(new Event("x"));
  assert_equals(calls, 3, "removal matches capture");
}, "duplicate suppression and removal");

test(() => {
  const target = new EventTarget();
  let calls = 0;
  target.addEventListener("x", () => calls++, { once: true });
  target.dispatchEvent(new Event("x"));
  target.dispatchEvent(new Event("x"));
  assert_equals(calls, 1);
}, "once listeners run once");

test(() => {
  const target = new EventTarget();
  target.addEventListener("x", (e) => e.preventDefault(), { passive: true });
  const e = new Event("x", { cancelable: true });
  assert_true(target.dispatchEvent(e), "preventDefault in a passive listener is ignored");
  assert_false(e.defaultPrevented);
  target.addEventListener("y", (ev) => ev.preventDefault());
  assert_false(target.dispatchEvent(new Event("y", { cancelable: true })));
}, "passive listeners cannot cancel");

test(() => {
  const target = new EventTarget();
  const controller = new AbortController();
  let calls = 0;
  target.addEventListener("x", () => calls++, { signal: controller.signal });
  target.dispatchEvent(new Event("x"));
  controller.abort();
  target.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "an aborted signal removes the listener");
  target.addEventListener("x", () => calls++, { signal: AbortSignal.abort() });
  target.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "an already aborted signal adds nothing");
}, "the signal option removes listeners");

test(() => {
  const target = new EventTarget();
  const order = [];
  const second = () => order.push("second");
  target.addEventListener("x", () => {
    order.push("first");
    target.removeEventListener("x", second);
    target.addEventListener("x", () => order.push("added during dispatch"));
  });
  target.addEventListener("x", second);
  target.dispatchEvent(new Event("x"));
  assert_array_equals(order, ["first"], "removed listeners do not run; added ones wait for the next dispatch");
}, "removal and addition during dispatch");

test(() => {
  const target = new EventTarget();
  const order = [];
  let cancelBubble;
  target.addEventListener("x", (e) => { order.push(1); e.stopImmediatePropagation(); cancelBubble = e.cancelBubble; });
  target.addEventListener("x", () => order.push(2));
  const e = new Event("x");
  target.dispatchEvent(e);
  assert_array_equals(order, [1]);
  assert_true(cancelBubble, "it sets the stop propagation flag");
  assert_false(e.cancelBubble, "which dispatch unsets at its end");
}, "stopImmediatePropagation stops the remaining listeners");

test(() => {
  const e = new Event("x", { bubbles: true, cancelable: true, composed: true });
  assert_equals(e.type, "x");
  assert_true(e.bubbles);
  assert_true(e.cancelable);
  assert_true(e.composed);
  assert_false(e.isTrusted);
  assert_equals(e.eventPhase, Event.NONE);
  assert_equals(e.target, null);
  assert_true(e.returnValue);
  e.returnValue = false;
  assert_true(e.defaultPrevented);
  assert_equals(typeof e.timeStamp, "number");
  assert_array_equals(e.composedPath(), []);
  const own = Object.getOwnPropertyDescriptor(e, "isTrusted");
  assert_equals(typeof own.get, "function", "isTrusted is an own accessor ([LegacyUnforgeable])");
  assert_false(own.configurable);
}, "Event attributes and the unforgeable isTrusted");

test(() => {
  const target = new EventTarget();
  let inside;
  target.addEventListener("x", (e) => {
    inside = [e.target === target, e.currentTarget === target, e.eventPhase];
  });
  const e = new Event("x");
  target.dispatchEvent(e);
  assert_array_equals(inside, [true, true, Event.AT_TARGET]);
  assert_equals(e.currentTarget, null, "cleared after dispatch");
  assert_equals(e.eventPhase, Event.NONE);
  const again = new Event("z");
  let thrown;
  target.addEventListener("z", () => {
    try {
      target.dispatchEvent(again);
    } catch (error) {
      thrown = error;
    }
  });
  target.dispatchEvent(again);
  assert_true(thrown instanceof DOMException, "dispatching an event that is being dispatched throws");
  assert_equals(thrown.name, "InvalidStateError");
}, "target, currentTarget and phases; re-dispatching a dispatching event throws");

test(() => {
  class Custom extends EventTarget {
    constructor() {
      super();
      this.seen = 0;
      this.addEventListener("ping", () => this.seen++);
    }
  }
  const c = new Custom();
  c.dispatchEvent(new CustomEvent("ping", { detail: { n: 1 } }));
  assert_equals(c.seen, 1);
  assert_true(c instanceof EventTarget);
  const ce = new CustomEvent("d", { detail: 42 });
  assert_equals(ce.detail, 42);
}, "EventTarget can be subclassed; CustomEvent carries detail");

async_test((t) => {
  const target = new EventTarget();
  const errors = [];
  const onError = (e) => { errors.push(e.message); e.preventDefault(); };
  globalThis.addEventListener("error", onError);
  t.add_cleanup(() => globalThis.removeEventListener("error", onError));
  let after = false;
  target.addEventListener("x", () => { throw new Error("listener failed"); });
  target.addEventListener("x", () => { after = true; });
  target.dispatchEvent(new Event("x"));
  assert_true(after, "dispatch continues after a throwing listener");
  assert_equals(errors.length, 1);
  assert_regexp_match(errors[0], /listener failed/);
  t.done();
}, "a listener's exception is reported as an ErrorEvent on the global");

test(() => {
  const order = [];
  globalThis.addEventListener("wsjs-test", () => order.push("listener 1"));
  globalThis.onerror = null;
  assert_equals(globalThis.onerror, null);
  assert_true(globalThis instanceof EventTarget, "the global object is an EventTarget");
  globalThis.dispatchEvent(new Event("wsjs-test"));
  assert_array_equals(order, ["listener 1"]);
}, "the global object is an EventTarget");

test(() => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, "Window");
  assert_equals(desc.value, Window);
  assert_false(desc.enumerable, "enumerable");
  assert_true(desc.writable && desc.configurable, "writable and configurable");
  assert_equals(Object.getPrototypeOf(globalThis), Window.prototype);
  assert_true(globalThis instanceof Window && globalThis instanceof EventTarget);
  assert_equals(Object.getPrototypeOf(Object.getPrototypeOf(Window.prototype)), EventTarget.prototype);
  assert_throws_js(TypeError, () => new Window(), "no constructor");
  assert_equals(Object.prototype.toString.call(globalThis), "[object Window]");
}, "the global's interface object Window is exposed");

test(() => {
  const named = Object.getPrototypeOf(Window.prototype);
  assert_equals(Object.getPrototypeOf(named), EventTarget.prototype);
  assert_equals(Object.prototype.toString.call(named), "[object WindowProperties]");
  const tag = Object.getOwnPropertyDescriptor(named, Symbol.toStringTag);
  assert_true(tag.configurable && !tag.enumerable && !tag.writable, "descriptor");
  assert_array_equals(Reflect.ownKeys(named), [Symbol.toStringTag]);
  assert_false(Reflect.defineProperty(named, "x", { value: 1 }), "no new properties");
  assert_false(Reflect.setPrototypeOf(named, {}), "immutable prototype");
  assert_true(globalThis instanceof EventTarget);
}, "Window's named properties object sits between Window.prototype and EventTarget.prototype");

test(() => {
  // WebIDL's receiver check accepts the platform object only: a Proxy of it, or an object that
  // inherits from it, is a different object.
  const target = new EventTarget();
  const listener = () => {};
  for (const [what, receiver] of [["a Proxy of an EventTarget", new Proxy(target, {})],
    ["an object inheriting from an EventTarget", Object.create(target)],
    ["a Proxy of the global object", new Proxy(globalThis, {})],
    ["an object inheriting from the global object", Object.create(globalThis)]]) {
    assert_throws_js(TypeError, () => receiver.addEventListener("x", listener), `addEventListener on ${what}`);
    assert_throws_js(TypeError, () => receiver.removeEventListener("x", listener), `removeEventListener on ${what}`);
    assert_throws_js(TypeError, () => receiver.dispatchEvent(new Event("x")), `dispatchEvent on ${what}`);
  }
  class Sub extends EventTarget {}
  let fired = 0;
  const sub = new Sub();
  sub.addEventListener("x", () => fired++);
  sub.dispatchEvent(new Event("x"));
  (0, globalThis.addEventListener)("x", () => fired++);
  EventTarget.prototype.dispatchEvent.call(undefined, new Event("x"));
  assert_equals(fired, 2, "subclass instances and the global (also as undefined) pass");
}, "EventTarget operations refuse a Proxy of an EventTarget or an object inheriting from one");

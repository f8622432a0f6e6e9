// Attributes and operations of the global object check their this value: null or undefined means
// the global object, anything else must be the global object itself (WebIDL, [Global] interfaces).

const notGlobal = Object.create(globalThis);

test(() => {
  assert_throws_js(TypeError, () => notGlobal.setInterval(() => {}, 100));
  assert_throws_js(TypeError, () => clearTimeout.call(notGlobal, 1));
  assert_throws_js(TypeError, () => Reflect.apply(btoa, notGlobal, [""]));
  assert_throws_js(TypeError, () => atob.call({}, ""));
  assert_throws_js(TypeError, () => queueMicrotask.call(notGlobal, () => {}));
  assert_throws_js(TypeError, () => new Proxy(globalThis, {}).structuredClone(1));
  assert_throws_js(TypeError, () => reportError.call(notGlobal, new Error("x")));
}, "operations throw on an object that is not the global");

test(() => {
  assert_equals(atob.call(null, ""), "");
  const id = (0, setInterval)(() => {}, 100);
  assert_equals(typeof id, "number");
  clearInterval.call(undefined, id);
  assert_equals(structuredClone.call(globalThis, 5), 5);
}, "operations called on null, undefined or the global work");

test(() => {
  const performanceGetter = Object.getOwnPropertyDescriptor(globalThis, "performance").get;
  assert_throws_js(TypeError, () => performanceGetter.call(notGlobal));
  assert_equals(performanceGetter.call(undefined), performance);
  assert_throws_js(TypeError, () => Reflect.get(globalThis, "navigator", notGlobal));
  assert_throws_js(TypeError, () => Reflect.get(globalThis, "event", notGlobal));
  assert_throws_js(TypeError, () => new Proxy(globalThis, {}).crypto);
  assert_equals(Reflect.get(globalThis, "crypto", null), crypto);
}, "attribute getters check their this value");

test(() => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, "origin");
  assert_equals(typeof desc.get, "function");
  assert_true(desc.enumerable, "enumerable");
  assert_equals(typeof origin, "string");
  const expected = typeof location === "undefined" ? "null" : location.origin;
  assert_equals(origin, expected);
  assert_throws_js(TypeError, () => { notGlobal.origin = "x"; });
  desc.set.call(null, "replaced");
  assert_equals(origin, "replaced", "[Replaceable]");
  Object.defineProperty(globalThis, "origin", desc);
}, "origin is the serialized origin of the runtime URL, and [Replaceable]");

test(() => {
  for (const name of ["onmessage", "ononline", "onoffline", "onhashchange", "onunload"]) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.get, "function", name);
    assert_equals(globalThis[name], null, name);
  }
  const fn = () => {};
  const setter = Object.getOwnPropertyDescriptor(globalThis, "ononline").set;
  (() => { setter(fn); })();
  assert_equals(ononline, fn);
  ononline = null;
  assert_throws_js(TypeError, () => { new Proxy(globalThis, {}).ononline = fn; });
}, "WindowEventHandlers attributes exist on the global");

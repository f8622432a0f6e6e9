// The console namespace (Console Standard); what it prints is checked by the runtime's JUnit tests.

test(() => {
  assert_class_string(console, "console");
  assert_equals(typeof console, "object");
  const proto = Object.getPrototypeOf(console);
  assert_equals(Object.getPrototypeOf(proto), Object.prototype, "[[Prototype]] is an empty object inheriting from Object.prototype");
  assert_equals(Reflect.ownKeys(proto).length, 0);
  const d = Object.getOwnPropertyDescriptor(globalThis, "console");
  assert_true(d.writable && !d.enumerable && d.configurable, "global property attributes");
}, "console is a namespace object");

test(() => {
  const names = ["assert", "clear", "debug", "error", "info", "log", "table", "trace", "warn", "dir", "dirxml",
    "count", "countReset", "group", "groupCollapsed", "groupEnd", "time", "timeLog", "timeEnd"];
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(console, name);
    assert_true(d !== undefined, `console.${name} exists`);
    assert_true(d.writable && d.enumerable && d.configurable, `console.${name} attributes`);
    assert_equals(typeof d.value, "function");
    assert_equals(d.value.length, 0, `console.${name}.length`);
    assert_equals(d.value.name, name);
    assert_throws_js(TypeError, () => new d.value(), `console.${name} is not a constructor`);
  }
}, "operations are enumerable functions with length 0");

test(() => {
  assert_throws_js(TypeError, () => console.count(Symbol()), "DOMString conversion of a Symbol");
  assert_throws_js(TypeError, () => console.time(Symbol()));
  assert_throws_js(TypeError, () => console.dir({}, 1), "options must be an object");
  assert_throws_js(TypeError, () => console.table([], 1), "properties must be a sequence");
  const log = console.log;
  log("a namespace operation works without a this value");
}, "argument conversion errors");

test(() => {
  const cyclic = { name: "c" };
  cyclic.self = cyclic;
  const weird = Object.create(null);
  weird[Symbol.toStringTag] = "Weird";
  console.log("%s %d %i %f %o %O %c %%", "s", 1, 2, 3.5, cyclic, weird, "color: red", "extra", cyclic);
  console.log(new Map([[cyclic, new Set([cyclic])]]), [1, , 3], new Uint8Array(300), new Error("e", { cause: cyclic }));
  console.log({ get throws() { throw new Error("getter"); } }, new Proxy({}, {}), function named() {}, class K {});
  console.table([{ a: cyclic }, [1, 2]]);
  console.group("g");
  console.groupEnd();
  console.groupEnd();
  console.assert(false, cyclic);
  console.count();
  console.countReset();
  console.countReset("never");
  console.time();
  console.timeLog();
  console.timeEnd();
  console.timeEnd();
  console.trace("%o", cyclic);
  console.dirxml(cyclic);
  console.dir(cyclic, { depth: 0 });
}, "printing awkward values never throws");

test(() => {
  const saved = console.log;
  try {
    console.log = () => { throw new Error("replaced"); };
    assert_throws_js(Error, () => console.log("x"));
  } finally {
    console.log = saved;
  }
  saved("restored");
}, "operations can be replaced (writable)");

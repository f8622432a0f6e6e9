// Calls every function of the platform layer (not the engine's builtins) with odd arguments,
// as a plain call, with `new`, and as a method or setter of a receiver of the right brand.
// Evaluates to a function (reached) => { calls, thrown: [{ fn, args, error }] } so the Java
// side can check that every error is a JavaScript one: no host exception reaches a script.
(reached) => {
  const skip = new Set([wsjs.exit, reportError, setInterval, setTimeout, queueMicrotask]);
  for (const k of Object.keys(console)) {
    if (typeof console[k] === "function") skip.add(console[k]);
  }
  // The platform layer's functions print as [native code] like a browser's, so tell them apart
  // from the engine's ECMAScript builtins by collecting the builtins themselves.
  const builtins = new Set();
  const collect = (o, depth) => {
    if (o === null || (typeof o !== "object" && typeof o !== "function") || depth > 3) return;
    if (typeof o === "function") {
      if (builtins.has(o)) return;
      builtins.add(o);
    }
    for (const k of Reflect.ownKeys(o)) {
      const d = Reflect.getOwnPropertyDescriptor(o, k);
      for (const v of [d.value, d.get, d.set]) {
        if (v !== null && (typeof v === "object" || typeof v === "function")) collect(v, depth + 1);
      }
    }
  };
  const ecmaScriptGlobals = ["Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "Math", "JSON",
    "Reflect", "Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "ArrayBuffer",
    "SharedArrayBuffer", "DataView", "Date", "RegExp", "Error", "EvalError", "RangeError", "ReferenceError",
    "SyntaxError", "TypeError", "URIError", "AggregateError", "Proxy", "Intl", "BigInt", "Atomics", "Iterator",
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "parseInt", "parseFloat",
    "isNaN", "isFinite", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape",
    "unescape", "eval"];
  for (const name of ecmaScriptGlobals) collect(globalThis[name], 0);
  for (const sample of [function* () {}, async function () {}, async function* () {}, [][Symbol.iterator](),
    new Map().entries(), new Set().values(), ""[Symbol.iterator](), /x/[Symbol.matchAll]("x")]) {
    for (let p = sample; p !== null; p = Object.getPrototypeOf(p)) collect(p, 0);
  }
  const isLayerCode = (f) => typeof f === "function" && !builtins.has(f);
  const trap = () => { throw new Error("proxy trap"); };
  const hostile = new Proxy({}, { get: trap, ownKeys: trap, has: trap, getPrototypeOf: trap });
  const argSets = [[], [undefined], [null], [{}], [-1], [1e300], [2 ** 53], [NaN], ["x"], ["\ud800"],
    [Symbol("s")], [hostile], [new Uint8Array(2)], [new ArrayBuffer(3)], [[1, "a", null]], [() => {}],
    [1, 2, 3, 4], ["a", {}, -5], ["ws://127.0.0.1:1/", {}], ["ws://127.0.0.1:1/a|b^{}[]?%zz"],
    ["ws://127.0.0.1:1/", { headers: { "X-A": "\u00e9" } }], ["ws://a_b.localhost:1/"]];
  const thrown = [];
  let calls = 0;
  const settle = (fn, args, result) => {
    if (result instanceof Promise) result.then(() => {}, (error) => thrown.push({ fn, args, error }));
  };
  const attempt = (fn, args, run) => {
    calls++;
    try { settle(fn, args, run()); } catch (error) { thrown.push({ fn, args, error }); }
  };
  for (const f of reached) {
    if (typeof f !== "function" || skip.has(f) || !isLayerCode(f)) continue;
    argSets.forEach((args, i) => {
      attempt(f.name, i, () => Reflect.apply(f, undefined, args));
      attempt(f.name, i, () => Reflect.construct(f, args));
    });
  }
  for (const r of reached) {
    if (typeof r !== "object" || r === null || r === globalThis || r === location || r === wsjs || r === console) continue;
    for (let p = Object.getPrototypeOf(r); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const k of Reflect.ownKeys(p)) {
        const d = Reflect.getOwnPropertyDescriptor(p, k);
        const targets = [];
        if (typeof d.value === "function" && k !== "constructor" && !skip.has(d.value) && isLayerCode(d.value)) targets.push(d.value);
        if (d.set && isLayerCode(d.set)) targets.push(d.set);
        for (const f of targets) {
          argSets.forEach((args, i) => attempt(String(k), i, () => Reflect.apply(f, r, args)));
        }
      }
    }
  }
  return { calls, thrown };
}

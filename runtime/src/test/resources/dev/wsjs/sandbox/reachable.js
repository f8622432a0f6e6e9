// Everything a script can reach: a breadth-first walk from globalThis and from instances of every
// platform interface (so that their prototype accessors run with a receiver of the right brand),
// following property values, accessors, getter results and prototypes. Evaluates to a promise of
// the array of every object and function reached, for the Java side to inspect.
(async () => {
  const samples = [];
  const add = (make) => {
    try { samples.push(make()); } catch (e) { samples.push(e); }
  };
  const blob = new Blob(["x", new Uint8Array([1, 2])], { type: "text/plain" });
  add(() => blob);
  add(() => new File(["y"], "f.txt"));
  add(() => new URL("https://u:p@a.test:8080/p?q=1#h"));
  add(() => new URLSearchParams("a=1&b=2"));
  add(() => new TextEncoder());
  add(() => new TextDecoder("utf-16le"));
  add(() => new AbortController());
  add(() => AbortSignal.abort("why"));
  add(() => new Event("e"));
  add(() => new CustomEvent("c", { detail: 1 }));
  add(() => new MessageEvent("m", { data: "d" }));
  add(() => new CloseEvent("close", { code: 1000 }));
  add(() => new ErrorEvent("err", { error: new Error("x") }));
  add(() => new PromiseRejectionEvent("unhandledrejection", { promise: Promise.resolve(), reason: 1 }));
  add(() => new ProgressEvent("progress"));
  add(() => new DOMException("x", "SyntaxError"));
  add(() => new EventTarget());
  add(() => new FileReader());
  add(() => wsjs.memoryUsage());
  add(() => performance.mark("m"));
  add(() => crypto.getRandomValues(new Uint8Array(4)));
  add(() => structuredClone({ a: [1, new Date(0), new Map([[1, 2]])], b: blob }));
  add(() => new TextEncoder().encode("héllo"));
  samples.push(await blob.arrayBuffer(), blob.slice(0, 1));
  if (Array.isArray(globalThis.extraSamples)) samples.push(...globalThis.extraSamples);
  try { null.x; } catch (e) { samples.push(e); }

  const seen = new Set();
  const queue = [globalThis, ...samples];
  const visit = (v) => {
    if (((typeof v === "object" && v !== null) || typeof v === "function") && !seen.has(v)) {
      seen.add(v);
      queue.push(v);
    }
  };
  while (queue.length > 0) {
    const o = queue.shift();
    visit(o);
    let keys;
    try { keys = Reflect.ownKeys(o); } catch { continue; }
    for (const k of keys) {
      let d;
      try { d = Reflect.getOwnPropertyDescriptor(o, k); } catch { continue; }
      if (d === undefined) continue;
      if ("value" in d) visit(d.value);
      if (d.get) visit(d.get);
      if (d.set) visit(d.set);
    }
    try { visit(Object.getPrototypeOf(o)); } catch { /* a revoked proxy */ }
    for (let p = o; p !== null;) {
      let pk;
      try { pk = Reflect.ownKeys(p); } catch { break; }
      for (const k of pk) {
        const d = Reflect.getOwnPropertyDescriptor(p, k);
        if (d && d.get) {
          try { visit(d.get.call(o)); } catch (e) { visit(e); }
        }
      }
      try { p = Object.getPrototypeOf(p); } catch { break; }
    }
  }
  return [...seen];
})()

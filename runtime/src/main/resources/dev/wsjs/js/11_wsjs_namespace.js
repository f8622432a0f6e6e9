// The non-standard `wsjs` namespace: what a command-line program needs beyond the web platform
// (its arguments, opt-in environment, exit). Kept apart from the WHATWG objects on purpose.
(function (globalThis, internals, ops) {
  "use strict";

  const runtimeOps = ops.runtime;
  const args = Object.freeze(Array.from(runtimeOps.args()));
  const envProxy = runtimeOps.env();
  const env = envProxy === null ? undefined : Object.freeze(Object.assign(Object.create(null), envProxy));

  const wsjs = {
    /** The script's command-line arguments. */
    args,
    /** Environment variables, only when the embedder or `--allow-env` granted them. */
    env,
    /** The wsjs version. */
    version: runtimeOps.version(),
    /** Process memory in bytes: { rss, heapUsed, heapTotal } (rss is -1 where unknown). */
    memoryUsage() {
      const [rss, heapUsed, heapTotal] = runtimeOps.memoryUsage();
      return { rss, heapUsed, heapTotal };
    },
    /** Ends the program after the current task with the given exit code (default 0). */
    exit(code = 0) {
      runtimeOps.exit(Number(code) | 0);
    },
  };
  Object.defineProperty(wsjs, Symbol.toStringTag, { value: "wsjs", configurable: true });
  Object.defineProperty(globalThis, "wsjs", { value: Object.freeze(wsjs), writable: true, enumerable: false, configurable: true });
})

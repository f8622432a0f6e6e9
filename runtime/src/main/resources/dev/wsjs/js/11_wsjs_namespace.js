// The non-standard `wsjs` namespace: what a command-line program needs beyond the web platform
// (its arguments, opt-in environment, exit). Kept apart from the WHATWG objects on purpose.
(function (globalThis, internals, ops) {
  "use strict";

  const runtimeOps = ops.runtime;
  const args = Object.freeze(Array.from(runtimeOps.args()));
  const envProxy = runtimeOps.env();
  const env = envProxy === null ? undefined : Object.freeze(Object.assign(Object.create(null), envProxy));

  // Signal listeners (Deno's shape): the CLI delivers SIGINT/SIGTERM here; with no listener the
  // program ends like Node's default (exit code 128 + signal number).
  const SIGNALS = ["SIGINT", "SIGTERM"];
  const signalListeners = new Map(SIGNALS.map((s) => [s, []]));

  function checkSignal(signal) {
    if (!signalListeners.has(signal)) {
      throw new TypeError(`Unsupported signal '${signal}': use one of ${SIGNALS.join(", ")}.`);
    }
    return signalListeners.get(signal);
  }

  runtimeOps.setSignalCallback((signal) => {
    const listeners = signalListeners.get(signal);
    if (listeners === undefined || listeners.length === 0) return false;
    for (const listener of [...listeners]) {
      try {
        listener(signal);
      } catch (error) {
        internals.reportException(error);
      }
    }
    return true;
  });

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
    /** Calls `handler(signal)` when the process gets SIGINT or SIGTERM; a second signal exits at once. */
    addSignalListener(signal, handler) {
      if (typeof handler !== "function") throw new TypeError("The signal handler must be a function.");
      const listeners = checkSignal(String(signal));
      if (!listeners.includes(handler)) listeners.push(handler);
    },
    removeSignalListener(signal, handler) {
      const listeners = checkSignal(String(signal));
      const i = listeners.indexOf(handler);
      if (i >= 0) listeners.splice(i, 1);
    },
    /** Ends the program after the current task with the given exit code (default 0). */
    exit(code = 0) {
      runtimeOps.exit(Number(code) | 0);
    },
  };
  Object.defineProperty(wsjs, Symbol.toStringTag, { value: "wsjs", configurable: true });
  Object.defineProperty(globalThis, "wsjs", { value: Object.freeze(wsjs), writable: true, enumerable: false, configurable: true });
})

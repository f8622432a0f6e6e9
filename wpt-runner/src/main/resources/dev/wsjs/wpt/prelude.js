// The first script of every test global, run before testharness.js. It adds what the page or worker
// wrapper around a WPT test provides and this runtime may not: `self`, a read-only `location` when the
// runtime has none, `importScripts` in worker scopes, and a `fetch` that only loads test resources
// from the server (see below). Everything else a browser has and the
// runtime lacks (document, Worker, XMLHttpRequest, ...) stays absent on purpose: tests that need it
// fail with a ReferenceError, which the runner reports as PRECONDITION_FAILED with the reason.
(function (page, settingsJson) {
  "use strict";
  const settings = JSON.parse(settingsJson);
  const global = globalThis;

  function defineValue(name, value) {
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
  }

  // Windows and workers both name their global `self`; testharness.js is called with it.
  if (!("self" in global)) defineValue("self", global);

  if (!("location" in global) && settings.location !== null) {
    const parts = settings.location;
    const location = Object.create(null);
    for (const key of ["href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) {
      Object.defineProperty(location, key, { value: parts[key], enumerable: true });
    }
    Object.defineProperty(location, "toString", { value: function toString() { return parts.href; } });
    defineValue("location", Object.freeze(location));
  }

  if (settings.worker) {
    // https://html.spec.whatwg.org/multipage/workers.html#importing-scripts-and-libraries
    defineValue("importScripts", function importScripts(...urls) {
      // 1. Parse every URL first; a failure throws a "SyntaxError" DOMException and runs nothing.
      const resolved = urls.map((url) => {
        const r = page.resolve(String(url));
        if (r === null) throw domException("Invalid URL: " + String(url), "SyntaxError");
        return r;
      });
      // 2. Then fetch and run each script in order; a network error throws a "NetworkError"
      //    DOMException, an exception the script throws propagates unchanged.
      for (const url of resolved) {
        const failure = page.importScript(url);
        if (failure !== null) throw domException(failure, "NetworkError");
      }
    });
  }

  if (!("fetch" in global)) {
    // Tests such as url/ and the idlharness tests load their data with fetch("resources/x.json") or
    // fetch("/interfaces/x.idl"). The runtime has no Fetch API, so the page gets a resource loader
    // that does exactly that and nothing more: a GET of a URL string, answered with an object that
    // has ok, status, url, text() and json(). Anything else a test asks of fetch (a Request, a method,
    // a body, headers) rejects with a ReferenceError naming fetch, so such a test is still reported
    // as needing the Fetch API.
    defineValue("fetch", function fetch(input, init) {
      if (typeof input !== "string" || (init !== undefined && init !== null)) {
        return Promise.reject(new ReferenceError(
          "fetch is not defined beyond loading test resources (a GET of a URL string)"));
      }
      const url = page.resolve(input);
      if (url === null || !/^https?:/.test(url)) {
        return Promise.reject(new ReferenceError("fetch is not defined for " + input + " (only the test server's resources)"));
      }
      const [status, body] = page.fetchResource(url);
      if (status === 0) return Promise.reject(new TypeError("Failed to fetch " + url + ": " + body));
      return Promise.resolve(Object.freeze({
        ok: status >= 200 && status <= 299,
        status,
        url,
        text() { return Promise.resolve(body); },
        json() { return new Promise((resolve) => resolve(JSON.parse(body))); },
      }));
    });
  }

  function domException(message, name) {
    return typeof DOMException === "function" ? new DOMException(message, name) : new TypeError(message);
  }
})

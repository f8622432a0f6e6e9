// Runs the URL Standard's shared test data (urltestdata.json, setters_tests.json, toascii.json,
// IdnaTestV2.json) the way WPT's url tests use it, and returns a JSON summary.
// Called as runUrlData(kind, jsonText) → { passed, failed, failures: [first 50 descriptions] }.
(function () {
  "use strict";
  const COMPONENTS = ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];

  function summary() {
    return { passed: 0, failed: 0, failures: [], failedInputs: [] };
  }

  function record(s, ok, what) {
    if (ok) {
      s.passed++;
    } else {
      s.failed++;
      if (s.failures.length < 50) s.failures.push(what);
    }
  }

  function describe(x) {
    return JSON.stringify(x);
  }

  function check(s, name, fn, input) {
    let problem;
    try {
      problem = fn();
    } catch (e) {
      problem = "threw " + e;
    }
    record(s, problem === undefined, name + ": " + problem);
    if (problem !== undefined && input !== undefined) s.failedInputs.push(input);
  }

  // urltestdata.json: constructor, origin, URL.parse, URL.canParse.
  function urlTestData(data) {
    const s = summary();
    for (const t of data) {
      if (typeof t === "string") continue;
      const base = t.base ?? undefined;
      const label = "Parsing <" + describe(t.input) + "> against <" + describe(t.base) + ">";
      check(s, label, () => {
        if (t.failure) {
          try {
            new URL(t.input, base);
          } catch (e) {
            if (e instanceof TypeError) return undefined;
            return "threw non-TypeError " + e;
          }
          return "did not fail";
        }
        const url = new URL(t.input, base);
        for (const key of COMPONENTS) {
          if (url[key] !== t[key]) return key + " was " + describe(url[key]) + ", expected " + describe(t[key]);
        }
        if ("origin" in t && url.origin !== t.origin) return "origin was " + describe(url.origin) + ", expected " + describe(t.origin);
        if (url.toString() !== t.href || url.toJSON() !== t.href) return "stringifier";
        return undefined;
      });
      check(s, "URL.canParse " + label, () => {
        const expected = !t.failure;
        return URL.canParse(t.input, base) === expected ? undefined : "expected " + expected;
      });
      check(s, "URL.parse " + label, () => {
        const url = URL.parse(t.input, base);
        if (t.failure) return url === null ? undefined : "expected null";
        return url !== null && url.href === t.href ? undefined : "href " + (url && url.href);
      });
    }
    return s;
  }

  // setters_tests.json: new URL(href), set attribute, compare the expected getters.
  function settersTests(data) {
    const s = summary();
    for (const attribute of Object.keys(data)) {
      if (attribute === "comment") continue;
      for (const t of data[attribute]) {
        const label = "Setting <" + t.href + ">." + attribute + " = " + describe(t.new_value);
        check(s, label, () => {
          const url = new URL(t.href);
          url[attribute] = t.new_value;
          for (const key of Object.keys(t.expected)) {
            if (url[key] !== t.expected[key]) return key + " was " + describe(url[key]) + ", expected " + describe(t.expected[key]);
          }
          return undefined;
        });
      }
    }
    return s;
  }

  // toascii.json / IdnaTestV2.json: the host of https://{input}/x (plus the host/hostname setters
  // for toascii.json).
  function hostTests(data, withSetters) {
    const s = summary();
    for (const t of data) {
      // Comments, and the empty input that "https:///x" cannot carry.
      if (typeof t === "string" || t.input === "") continue;
      const label = describe(t.input) + " → " + describe(t.output);
      check(s, "URL " + label, () => {
        if (t.output === null) {
          try {
            new URL("https://" + t.input + "/x");
          } catch (e) {
            return e instanceof TypeError ? undefined : "threw " + e;
          }
          return "did not fail";
        }
        const url = new URL("https://" + t.input + "/x");
        if (url.host !== t.output) return "host was " + describe(url.host);
        if (url.hostname !== t.output) return "hostname was " + describe(url.hostname);
        if (url.pathname !== "/x") return "pathname";
        if (url.href !== "https://" + t.output + "/x") return "href";
        return undefined;
      }, t.input);
      if (!withSetters) continue;
      for (const setter of ["host", "hostname"]) {
        check(s, setter + " setter " + label, () => {
          const url = new URL("https://x/x");
          url[setter] = t.input;
          const expected = t.output === null ? "x" : t.output;
          return url[setter] === expected ? undefined : setter + " was " + describe(url[setter]);
        }, t.input);
      }
    }
    return s;
  }

  return function runUrlData(kind, text) {
    const data = JSON.parse(text);
    let s;
    switch (kind) {
      case "urltestdata": s = urlTestData(data); break;
      case "setters": s = settersTests(data); break;
      case "toascii": s = hostTests(data, true); break;
      case "idna": s = hostTests(data, false); break;
      default: throw new Error("unknown data kind " + kind);
    }
    return JSON.stringify(s);
  };
})()

// The runner's stand-in for a page's testharnessreport.js: runs right after testharness.js and hands
// every result to the runner. The reporter object arrives as an argument and is never reachable from
// the global scope the test sees.
(function (reporter, timeoutMultiplier) {
  "use strict";
  function text(value) {
    return value === undefined || value === null ? null : String(value);
  }

  // Scaled step_timeout()s, as wptrunner's report script does; the harness timeout itself is the
  // runner's (a shell global has none).
  setup({ timeout_multiplier: timeoutMultiplier });

  // The harness sees uncaught errors only through the global's error events.
  reporter.harnessSeesErrors(typeof addEventListener === "function");

  add_result_callback(function (test) {
    reporter.result(text(test.name), test.status, text(test.message));
  });

  add_completion_callback(function (tests, harnessStatus) {
    for (const test of tests) {
      reporter.subtest(text(test.name), test.status, text(test.message));
    }
    reporter.complete(harnessStatus.status, text(harnessStatus.message));
  });

  // Captured now, before a test could shadow the global: the runner calls it when its timeout fires.
  return timeout;
})

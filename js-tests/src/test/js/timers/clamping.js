// Timeout conversion and clamping (HTML Standard, timer initialization steps 4-5).

promise_test(() => {
  const order = [];
  return new Promise((resolve) => {
    setTimeout(() => order.push("negative"), -100);
    setTimeout(() => order.push("NaN"), NaN);
    setTimeout(() => order.push("string"), "5");
    setTimeout(() => order.push("zero"), 0);
    setTimeout(() => resolve(order), 30);
  }).then(() => assert_array_equals(order, ["negative", "NaN", "zero", "string"]));
}, "negative and NaN timeouts count as 0; numeric strings are converted");

promise_test(() => {
  // 2^32 + 10 wraps to 10 as a WebIDL long; a timeout that did not wrap would never fire in time.
  return new Promise((resolve, reject) => {
    const start = Date.now();
    setTimeout(() => resolve(Date.now() - start), 4294967306);
    setTimeout(() => reject(new Error("the wrapped timeout did not fire")), 2000);
  }).then((elapsed) => assert_less_than(elapsed, 2000));
}, "timeouts are converted as a WebIDL long (modulo 2^32)");

promise_test(() => {
  // Beyond nesting level 5 a timeout below 4 ms is raised to 4 ms: 20 nested zero-delay timers
  // take at least (20 - 5) * 4 ms.
  return new Promise((resolve) => {
    const start = performance_now();
    let depth = 0;
    function step() {
      depth++;
      if (depth === 20) resolve(performance_now() - start);
      else setTimeout(step, 0);
    }
    setTimeout(step, 0);
  }).then((elapsed) => assert_greater_than_equal(elapsed, 14 * 4 - 1, "nested timers are clamped"));
}, "nested timers are clamped to 4 ms after five levels");

function performance_now() {
  return typeof performance === "object" && performance !== null ? performance.now() : Date.now();
}

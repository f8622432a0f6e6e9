// Known outcomes: HarnessSelfTest checks every subtest's status and message, so the harness
// cannot pass everything silently.
const order = [];

test(() => assert_true(true), "passes");
test(() => assert_true(false), "assert_true fails");
test(() => assert_equals(1, 2, "numbers"), "assert_equals with a description");
test(() => assert_equals("1", 1), "assert_equals with different types");
test(() => assert_equals(-0, 0), "assert_equals tells -0 from 0");
test(() => assert_equals(NaN, NaN), "assert_equals treats NaN as NaN");
test(() => assert_not_equals(3, 3), "assert_not_equals fails");
test(() => assert_array_equals([1, 2], [1, 3]), "assert_array_equals differs");
test(() => assert_array_equals([1], [1, 2]), "assert_array_equals lengths");
test(() => assert_in_array(4, [1, 2]), "assert_in_array fails");
test(() => assert_approx_equals(1.5, 1, 0.1), "assert_approx_equals fails");
test(() => assert_less_than(2, 1), "assert_less_than fails");
test(() => assert_greater_than_equal("2", 1), "assert_greater_than_equal needs a number");
test(() => assert_regexp_match("abc", /^x/), "assert_regexp_match fails");
test(() => assert_class_string({}, "Array"), "assert_class_string fails");
test(() => assert_own_property({}, "x"), "assert_own_property fails");
test(() => assert_inherits({ x: 1 }, "x"), "assert_inherits fails on an own property");
test(() => assert_readonly({ x: 1 }, "x"), "assert_readonly fails on a writable property");
test(() => assert_throws_js(TypeError, () => { throw new RangeError("r"); }), "assert_throws_js wrong type");
test(() => assert_throws_js(TypeError, () => {}), "assert_throws_js without a throw");
test(() => assert_throws_dom("NotFoundError", () => { throw new DOMException("x", "SyntaxError"); }), "assert_throws_dom wrong name");
test(() => assert_throws_dom("SYNTAX_ERR", () => { throw new DOMException("x", "SyntaxError"); }), "assert_throws_dom legacy name passes");
test(() => assert_throws_exactly(1, () => { throw 2; }), "assert_throws_exactly other value");
test(() => { throw new TypeError("boom"); }, "a non-assertion error fails the test");
test(() => assert_unreached("never"), "assert_unreached fails");
test(() => Promise.resolve(), "test() returning a promise fails");
test(() => assert_implements_optional(false, "optional feature"), "assert_implements_optional is a precondition");
test(() => assert_equals(format_value(["a\n", -0, null, 1n, Symbol("s")]), '["a\\n", -0, null, 1n, Symbol(s)]'), "format_value");

async_test((t) => {
  t.step_timeout(() => assert_unreached("late"), 0);
}, "async_test failing in step_timeout");

async_test(() => {}, "async_test times out", { timeout: 200 });

async_test((t) => {
  t.done();
  t.step(() => assert_true(false));
}, "a failure after done is ignored");

async_test((t) => {
  setTimeout(t.step_func_done(() => assert_true(true)), 10);
}, "step_func_done passes");

async_test((t) => {
  setTimeout(t.unreached_func("should not be called"), 0);
}, "unreached_func fails");

promise_test(() => {
  order.push(1);
  return new Promise((resolve) => setTimeout(resolve, 30));
}, "first promise_test");

promise_test(() => {
  order.push(2);
  return Promise.reject(new Error("nope"));
}, "promise_test rejection");

promise_test(() => 5, "promise_test returning a non-thenable");

promise_test((t) => promise_rejects_js(t, TypeError, Promise.resolve(1), "should reject"), "promise_rejects_js on a resolved promise");

promise_test((t) => promise_rejects_dom(t, "AbortError", Promise.reject(new DOMException("a", "AbortError"))),
  "promise_rejects_dom passes");

promise_test((t) => promise_rejects_exactly(t, 7, Promise.reject(8)), "promise_rejects_exactly other value");

let cleaned = false;
promise_test((t) => {
  t.add_cleanup(() => { cleaned = true; });
  return Promise.resolve();
}, "adds a cleanup");

promise_test(() => {
  order.push(3);
  assert_true(cleaned, "the previous test's cleanup ran");
  assert_array_equals(order, [1, 2, 3], "promise tests run one after another");
  return Promise.resolve();
}, "promise tests run in order and cleanups run");

package dev.wsjs.jstests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: files under {@code src/test/selftest/} with known failures, timeouts and
 * errors, whose every outcome is checked here — so a harness that passes everything would fail.
 */
class HarnessSelfTest {

    private static final TestServers SERVERS = new TestServers();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    private static FileResult run(String name) throws IOException {
        Path dir = Path.of(System.getProperty("wsjs.jstests.selftest.dir", "src/test/selftest"));
        return new JsFileRunner(SERVERS).run(dir.resolve(name), "http://127.0.0.1/selftest/" + name);
    }

    /** name → "STATUS message" for every subtest, in order. */
    private static Map<String, String> outcomes(FileResult result) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FileResult.Subtest t : result.tests()) map.put(t.name(), t.status() + (t.message() == null ? "" : " " + t.message()));
        return map;
    }

    @Test
    void assertionsAndTestKindsReportTheRightStatusAndMessage() throws IOException {
        FileResult result = run("failures.js");
        assertEquals("OK", result.status(), () -> result.message() + "\n" + result.console());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("passes", "PASS");
        expected.put("assert_true fails", "FAIL assert_true: expected true got false");
        expected.put("assert_equals with a description", "FAIL assert_equals: numbers expected 2 but got 1");
        expected.put("assert_equals with different types", "FAIL assert_equals: expected (number) 1 but got (string) \"1\"");
        expected.put("assert_equals tells -0 from 0", "FAIL assert_equals: expected 0 but got -0");
        expected.put("assert_equals treats NaN as NaN", "PASS");
        expected.put("assert_not_equals fails", "FAIL assert_not_equals: got disallowed value 3");
        expected.put("assert_array_equals differs",
                "FAIL assert_array_equals: expected property 1 to be 3 but got 2 (expected array [1, 3] got [1, 2])");
        expected.put("assert_array_equals lengths",
                "FAIL assert_array_equals: lengths differ, expected array [1, 2] length 2, got [1] length 1");
        expected.put("assert_in_array fails", "FAIL assert_in_array: value 4 not in array [1, 2]");
        expected.put("assert_approx_equals fails", "FAIL assert_approx_equals: expected 1 +/- 0.1 but got 1.5");
        expected.put("assert_less_than fails", "FAIL assert_less_than: expected a number less than 1 but got 2");
        expected.put("assert_greater_than_equal needs a number", "FAIL assert_greater_than_equal: expected a number but got a string");
        expected.put("assert_regexp_match fails", "FAIL assert_regexp_match: expected object \"/^x/\" but got \"abc\"");
        expected.put("assert_class_string fails", "FAIL assert_class_string: expected \"Array\" but got \"Object\"");
        expected.put("assert_own_property fails", "FAIL assert_own_property: expected property \"x\" missing");
        expected.put("assert_inherits fails on an own property",
                "FAIL assert_inherits: property \"x\" found on object expected in prototype chain");
        expected.put("assert_readonly fails on a writable property", "FAIL assert_readonly: changing property \"x\" succeeded");
        expected.put("assert_throws_js wrong type",
                "FAIL assert_throws_js: threw object \"RangeError: r\" (\"RangeError\") expected instance of TypeError");
        expected.put("assert_throws_js without a throw", "FAIL assert_throws_js: () => {} did not throw");
        expected.put("assert_throws_dom wrong name", "FAIL assert_throws_dom: threw object \"SyntaxError: x\" that is not a "
                + "DOMException NotFoundError: property \"name\" is equal to \"SyntaxError\", expected \"NotFoundError\"");
        expected.put("assert_throws_dom legacy name passes", "PASS");
        expected.put("assert_throws_exactly other value",
                "FAIL assert_throws_exactly: () => { throw 2; } threw 2 but we expected it to throw 1");
        expected.put("a non-assertion error fails the test", "FAIL TypeError: boom");
        expected.put("assert_unreached fails", "FAIL assert_unreached: Reached unreachable code: never");
        expected.put("test() returning a promise fails", "FAIL Test named \"test() returning a promise fails\" passed a function "
                + "to `test` that returned a Promise. Use promise_test or async_test.");
        expected.put("assert_implements_optional is a precondition", "PRECONDITION_FAILED optional feature");
        expected.put("format_value", "PASS");
        expected.put("async_test failing in step_timeout", "FAIL assert_unreached: Reached unreachable code: late");
        expected.put("async_test times out", "TIMEOUT Test timed out");
        expected.put("a failure after done is ignored", "PASS");
        expected.put("step_func_done passes", "PASS");
        expected.put("unreached_func fails", "FAIL assert_unreached: Reached unreachable code: should not be called");
        expected.put("first promise_test", "PASS");
        expected.put("promise_test rejection", "FAIL promise_test: Unhandled rejection with value: object \"Error: nope\"");
        expected.put("promise_test returning a non-thenable",
                "FAIL promise_test: test body must return a 'thenable' object (received 5)");
        expected.put("promise_rejects_js on a resolved promise",
                "FAIL assert_unreached: Reached unreachable code: Should have rejected: should reject");
        expected.put("promise_rejects_dom passes", "PASS");
        expected.put("promise_rejects_exactly other value", "FAIL promise_rejects_exactly: rejected with 8 but we expected 7");
        expected.put("adds a cleanup", "PASS");
        expected.put("promise tests run in order and cleanups run", "PASS");
        assertEquals(expected, outcomes(result));
    }

    @Test
    void anUncaughtErrorEndsTheFileWithError() throws IOException {
        FileResult result = run("uncaught.js");
        assertEquals("ERROR", result.status());
        assertTrue(result.message().contains("escaped"), result.message());
        assertEquals(Map.of("runs before the error", "PASS",
                "still waiting when the error happens", "TIMEOUT Harness ended before the test finished"), outcomes(result));
    }

    @Test
    void aFileThatRunsOutOfTimeTimesOut() throws IOException {
        FileResult result = run("harness_timeout.js");
        assertEquals("TIMEOUT", result.status());
        assertEquals(Map.of("never done", "TIMEOUT Test timed out", "never settles", "TIMEOUT Test timed out",
                "queued behind it", "NOTRUN Harness ended before the test ran"), outcomes(result));
    }

    @Test
    void explicitDoneWaitsForDone() throws IOException {
        FileResult result = run("explicit_done.js");
        assertEquals("OK", result.status());
        assertEquals(Map.of("added after load", "PASS"), outcomes(result));
    }

    @Test
    void aThrowingSetupIsAnError() throws IOException {
        FileResult result = run("setup_throws.js");
        assertEquals("ERROR", result.status());
        assertEquals("setup failed: Error: bad setup", result.message());
        assertEquals(List.of(), result.tests());
    }

    @Test
    void aSyntaxErrorIsAnError() throws IOException {
        FileResult result = run("syntax_error.js");
        assertEquals("ERROR", result.status());
        assertTrue(result.message().contains("SyntaxError"), result.message());
    }

    @Test
    void serverUrlsReachTheScript() throws IOException {
        FileResult result = run("servers.js");
        assertEquals("OK", result.status(), () -> result.message() + "\n" + result.console());
        assertEquals(Map.of("server URLs reach the script", "PASS"), outcomes(result));
    }
}

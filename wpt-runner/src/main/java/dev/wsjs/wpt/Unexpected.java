package dev.wsjs.wpt;

/**
 * A result that differs from the expectations: a regression or an unexpected pass.
 *
 * @param url the test URL
 * @param subtest the subtest name, or null for the test's harness status
 * @param expected what the expectations say ({@code PASS}, {@code OK}, {@code FAIL}, …)
 * @param actual what happened
 * @param message the failure message, or a hint for an unexpected pass
 */
public record Unexpected(String url, String subtest, String expected, String actual, String message) {

    /** Whether the result is better than expected (the expectations file is out of date, not the code). */
    public boolean isUnexpectedPass() {
        return "PASS".equals(actual) || ("OK".equals(actual) && subtest == null && "FAIL".equals(expected));
    }

    @Override
    public String toString() {
        String where = subtest == null ? url : url + " :: " + subtest;
        return where + ": expected " + expected + ", got " + actual + (message == null ? "" : " (" + message + ")");
    }
}

package dev.wsjs.wpt;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one test URL.
 *
 * @param url the test's identity ({@link WptTest#url()})
 * @param status the harness status
 * @param message why the harness status is not OK (or null)
 * @param subtests the subtests in the order the harness reported them
 * @param durationMillis wall time from building the runtime to the harness' completion
 * @param console what the test wrote to the console (kept for diagnosing failures, not reported)
 */
record TestResult(String url, TestStatus status, String message, List<SubtestResult> subtests,
                  long durationMillis, List<String> console) {

    TestResult {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        subtests = List.copyOf(subtests);
        console = List.copyOf(console);
    }

    /** A result that says the test was not run in this runtime, and why. */
    static TestResult notRunnable(String url, String reason) {
        return new TestResult(url, TestStatus.PRECONDITION_FAILED, reason, List.of(), 0, List.of());
    }

    /** Harness OK and every subtest passed (a test with no subtests passes if the harness is OK). */
    boolean passed() {
        return status == TestStatus.OK && subtests.stream().allMatch(s -> s.status() == SubtestStatus.PASS);
    }

    long passedSubtests() {
        return subtests.stream().filter(s -> s.status() == SubtestStatus.PASS).count();
    }
}

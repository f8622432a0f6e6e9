package dev.wsjs.jstests;

import java.util.List;

/**
 * What running one JS test file produced: the harness status (OK, ERROR, TIMEOUT,
 * PRECONDITION_FAILED) and each subtest's status (PASS, FAIL, TIMEOUT, NOTRUN, PRECONDITION_FAILED).
 */
record FileResult(String status, String message, String stack, List<Subtest> tests, List<String> console) {

    record Subtest(String name, String status, String message, String stack) {}

    /** The subtest named {@code name}, or an AssertionError naming those that exist. */
    Subtest subtest(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no subtest named '" + name + "' in " + tests.stream().map(Subtest::name).toList()));
    }
}

package dev.wsjs.wpt;

/**
 * The harness status of a whole test URL, with the names wptreport and wpt.fyi use. The first four are
 * testharness.js's own ({@code TestsStatus.statuses}); CRASH is the runner's: the runtime failed.
 */
enum TestStatus {
    OK, ERROR, TIMEOUT, PRECONDITION_FAILED, CRASH;

    /** testharness.js's numeric harness status (0 OK, 1 ERROR, 2 TIMEOUT, 3 PRECONDITION_FAILED). */
    static TestStatus fromHarness(int code) {
        return switch (code) {
            case 0 -> OK;
            case 1 -> ERROR;
            case 2 -> TIMEOUT;
            case 3 -> PRECONDITION_FAILED;
            default -> ERROR;
        };
    }
}

package dev.wsjs.wpt;

/** The status of one subtest, with the names wptreport uses ({@code Test.statuses} in testharness.js). */
enum SubtestStatus {
    PASS, FAIL, TIMEOUT, NOTRUN, PRECONDITION_FAILED;

    /** testharness.js's numeric subtest status (0 PASS … 4 PRECONDITION_FAILED). */
    static SubtestStatus fromHarness(int code) {
        return switch (code) {
            case 0 -> PASS;
            case 1 -> FAIL;
            case 2 -> TIMEOUT;
            case 3 -> NOTRUN;
            case 4 -> PRECONDITION_FAILED;
            default -> FAIL;
        };
    }
}

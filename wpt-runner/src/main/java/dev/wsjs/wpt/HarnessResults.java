package dev.wsjs.wpt;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;

/**
 * Receives one test's results from the runner's report script. Only the report script sees it (it
 * is passed as an argument, never put on the global). Invoked only by the test's loop thread.
 */
public final class HarnessResults {

    private final List<SubtestResult> finished = new ArrayList<>();
    private List<SubtestResult> completed;
    private TestStatus status;
    private String message;
    private boolean harnessSeesErrors = true;
    private boolean installed;

    /** testharness.js reports errors through the global's error events only if the runtime has them. */
    @HostAccess.Export
    public void harnessSeesErrors(boolean sees) {
        this.harnessSeesErrors = sees;
    }

    /** A subtest finished ({@code add_result_callback}). */
    @HostAccess.Export
    public void result(String name, int status, String message) {
        finished.add(new SubtestResult(name == null ? "" : name, SubtestStatus.fromHarness(status), message));
    }

    /** One subtest as listed at completion ({@code add_completion_callback}); the authoritative list. */
    @HostAccess.Export
    public void subtest(String name, int status, String message) {
        if (completed == null) completed = new ArrayList<>();
        completed.add(new SubtestResult(name == null ? "" : name, SubtestStatus.fromHarness(status), message));
    }

    /** The harness completed with this status. */
    @HostAccess.Export
    public void complete(int status, String message) {
        if (completed == null) completed = new ArrayList<>();
        this.status = TestStatus.fromHarness(status);
        this.message = message;
    }

    void markInstalled() {
        installed = true;
    }

    /** Whether the report script ran, i.e. testharness.js loaded. */
    boolean installed() {
        return installed;
    }

    boolean isComplete() {
        return status != null;
    }

    boolean harnessSeesErrors() {
        return harnessSeesErrors;
    }

    /** The harness status, or null while incomplete. */
    TestStatus status() {
        return status;
    }

    String message() {
        return message;
    }

    /** The final subtest list if the harness completed, else what finished so far. */
    List<SubtestResult> subtests() {
        return completed != null ? List.copyOf(completed) : List.copyOf(finished);
    }
}

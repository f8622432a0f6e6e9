package dev.wsjs.wpt;

import dev.wsjs.ConsoleSink;
import dev.wsjs.WsjsRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * Runs one test URL in a fresh runtime on the calling thread and turns what the harness reported into a
 * {@link TestResult}.
 *
 * <p>Time limits, as wptrunner applies them: the harness timeout is 10 s ({@code timeout=long}: 60 s)
 * times the multiplier; when it passes, testharness.js's own {@code timeout()} ends the test, marking
 * unfinished subtests TIMEOUT. A test whose loop has nothing left to run cannot finish either, so it
 * gets the same treatment at once instead of waiting. A script that never returns (a busy loop) is
 * cancelled by a watchdog shortly after the timeout. Thread-safe: one instance serves every job.
 */
final class TestExecutor {

    static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration LONG_TIMEOUT = Duration.ofSeconds(60);
    /** How long testharness.js gets to complete after its timeout fired (cleanups may be async). */
    /** How long an idle page waits for a task from a timer that does not keep the loop alive. */
    static final Duration IDLE_GRACE = Duration.ofSeconds(1);
    private static final Duration AFTER_TIMEOUT = Duration.ofSeconds(2);
    /** How long after the harness timeout a script that does not yield is cancelled. */
    private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(3);
    private static final int MAX_CONSOLE_LINES = 200;

    private final ServerConfig server;
    private final ResourceFetcher fetcher;
    private final double timeoutMultiplier;
    private final ScheduledExecutorService watchdog;
    private final Engine engine;

    /** @param engine the engine every test's runtime runs on (parsed and compiled code is shared) */
    TestExecutor(ServerConfig server, ResourceFetcher fetcher, double timeoutMultiplier, ScheduledExecutorService watchdog,
                 Engine engine) {
        if (!(timeoutMultiplier > 0)) throw new IllegalArgumentException("timeout multiplier must be > 0");
        this.server = server;
        this.fetcher = fetcher;
        this.timeoutMultiplier = timeoutMultiplier;
        this.watchdog = watchdog;
        this.engine = engine;
    }

    /** The harness timeout of {@code test} after the multiplier. */
    Duration timeoutOf(WptTest test) {
        Duration base = test.longTimeout() ? LONG_TIMEOUT : NORMAL_TIMEOUT;
        return Duration.ofNanos((long) (base.toNanos() * timeoutMultiplier));
    }

    TestResult run(WptTest test) {
        if (!test.scope().runnable()) {
            return TestResult.notRunnable(test.url(), "needs a " + test.scope().metaName()
                    + " global, which this headless runtime does not provide");
        }
        long start = System.nanoTime();
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        List<String> uncaught = new ArrayList<>();
        ConsoleSink sink = (level, text) -> addLine(console, level.name().toLowerCase() + ": " + text);
        HarnessResults results = new HarnessResults();
        Duration timeout = timeoutOf(test);
        PagePlan plan;
        WsjsRuntime runtime;
        try {
            plan = PagePlan.of(test, server);
            runtime = TestRuntimes.build(engine, plan, sink, (report, rt) -> {
                uncaught.add(report);
                addLine(console, "uncaught: " + report);
            }, server.caCertificate(), timeout);
        } catch (RuntimeException e) {
            return new TestResult(test.url(), TestStatus.CRASH, "could not start the test: " + e, List.of(),
                    millisSince(start), console);
        }

        // The harness timeout starts with the page, as in a browser: a slow first start of the runtime
        // (cold code on a loaded machine) does not count against the test.
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> loadErrors = new ArrayList<>();
        PageLoader loader = new PageLoader(runtime, plan, fetcher, results, timeoutMultiplier, problem -> {
            loadErrors.add(problem);
            addLine(console, "wpt-runner: " + problem);
        });
        AtomicBoolean hung = new AtomicBoolean();
        ScheduledFuture<?> cancel = watchdog.schedule(() -> {
            hung.set(true);
            loader.cancel();
            Context context = loader.context();
            if (context != null) context.close(true);
        }, timeout.plus(WATCHDOG_GRACE).toNanos(), TimeUnit.NANOSECONDS);

        boolean endedIdle = false;
        String crash = null;
        try {
            loader.run();
            if (results.installed() && !results.isComplete() && !hung.get()) {
                runtime.runUntil(() -> results.isComplete() || hung.get(), remaining(deadline));
                pumpWhilePageOpen(runtime, () -> results.isComplete() || hung.get(), deadline);
                if (!results.isComplete() && !hung.get()) {
                    endedIdle = System.nanoTime() < deadline;
                    loader.fireHarnessTimeout();
                    if (!results.isComplete()) runtime.runUntil(() -> results.isComplete() || hung.get(), AFTER_TIMEOUT);
                }
            }
        } catch (PolyglotException | IllegalStateException e) {
            if (!hung.get()) crash = "the runtime failed: " + e.getMessage();
        } finally {
            cancel.cancel(false);
            closeQuietly(runtime);
        }

        Ending ending = new Ending(hung.get(), crash, endedIdle, timeout, millisSince(start), loadErrors, uncaught);
        return classify(interpret(test.url(), results, ending, console));
    }

    /**
     * The loop counts as idle when only timers that do not keep a program alive are left (such as
     * AbortSignal.timeout()'s), but a page stays open while its harness runs and those timers still
     * fire there. So tasks keep running for as long as one arrives within {@link #IDLE_GRACE}; a
     * test with truly nothing left to run still ends well before its timeout.
     */
    static void pumpWhilePageOpen(WsjsRuntime runtime, BooleanSupplier done, long deadline) {
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            if (!runtime.runOnce(Duration.ofNanos(Math.min(left, IDLE_GRACE.toNanos())))) return;
            runtime.runUntil(done, remaining(deadline));
        }
    }

    /**
     * How a test's run ended, beyond what the harness reported.
     *
     * @param hung the watchdog cancelled a script that did not return
     * @param crash why the runtime failed, or null
     * @param endedIdle the harness was timed out early because nothing was left to run
     */
    private record Ending(boolean hung, String crash, boolean endedIdle, Duration timeout, long durationMillis,
                          List<String> loadErrors, List<String> uncaught) {}

    private static TestResult interpret(String url, HarnessResults results, Ending end, List<String> console) {
        long duration = end.durationMillis();
        if (end.hung()) {
            return new TestResult(url, TestStatus.TIMEOUT, "a script did not return within " + seconds(end.timeout())
                    + " + " + seconds(WATCHDOG_GRACE) + "; its execution was cancelled", results.subtests(), duration, console);
        }
        if (end.crash() != null) {
            return new TestResult(url, TestStatus.CRASH, end.crash(), results.subtests(), duration, console);
        }
        if (!results.installed()) {
            String why = !end.loadErrors().isEmpty() ? end.loadErrors().getFirst()
                    : end.uncaught().isEmpty() ? "testharness.js did not run" : firstLine(end.uncaught().getFirst());
            return new TestResult(url, TestStatus.ERROR, why, List.of(), duration, console);
        }
        TestStatus status;
        String message;
        if (results.isComplete()) {
            status = results.status();
            message = results.message();
            if (status == TestStatus.TIMEOUT && message == null && end.endedIdle()) {
                message = "nothing was left to run with subtests unfinished; ended before the "
                        + seconds(end.timeout()) + " timeout";
            }
        } else {
            status = TestStatus.TIMEOUT;
            message = "testharness.js did not complete after its timeout";
        }
        // Without global error events the harness cannot see an uncaught error; a browser's harness would
        // have ended with ERROR, so report that.
        if (!results.harnessSeesErrors() && !end.uncaught().isEmpty()
                && (status == TestStatus.OK || status == TestStatus.TIMEOUT)) {
            status = TestStatus.ERROR;
            message = firstLine(end.uncaught().getFirst());
        }
        return new TestResult(url, status, message, results.subtests(), duration, console);
    }

    /** Reports failures that come from a missing browser API as PRECONDITION_FAILED, with the reason. */
    static TestResult classify(TestResult r) {
        TestStatus status = r.status();
        String message = r.message();
        if (status == TestStatus.ERROR || status == TestStatus.TIMEOUT) {
            String reason = MissingGlobals.reason(message);
            if (reason != null) {
                status = TestStatus.PRECONDITION_FAILED;
                message = reason;
            }
        }
        List<SubtestResult> subtests = new ArrayList<>();
        for (SubtestResult s : r.subtests()) {
            String reason = s.status() == SubtestStatus.FAIL ? MissingGlobals.reason(s.message()) : null;
            subtests.add(reason == null ? s : new SubtestResult(s.name(), SubtestStatus.PRECONDITION_FAILED, reason));
        }
        return new TestResult(r.url(), status, message, subtests, r.durationMillis(), r.console());
    }

    private static void addLine(List<String> console, String line) {
        if (console.size() < MAX_CONSOLE_LINES) console.add(line);
    }

    private static void closeQuietly(WsjsRuntime runtime) {
        try {
            runtime.close();
        } catch (RuntimeException e) {
            // A context the watchdog cancelled is already closed; nothing is left to free.
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

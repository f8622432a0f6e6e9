package dev.wsjs.wpt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;

/**
 * Runs a WPT checkout's testharness.js tests against the wsjs runtime: discovers the test URLs, starts
 * (or uses) {@code wpt serve}, runs each URL in a fresh runtime on a pool of loop threads, compares the
 * results with the expectations, prints a summary and writes a wptreport.
 *
 * <pre>{@code
 * RunOutcome outcome = new WptRunner(System.out).run(RunOptions.builder(Path.of("wpt"))
 *         .testPaths(List.of("websockets")).expectations(Path.of("expectations.json")).build());
 * }</pre>
 */
public final class WptRunner {

    /** GraalJS interprets deep call chains; a page's loop thread gets a main-thread-sized stack. */
    private static final long LOOP_THREAD_STACK = 16L << 20;

    /** Without --verbose, the unexpected results listed after the summary; the report has them all. */
    private static final int MAX_UNEXPECTED_SHOWN = 100;
    private static final int MAX_LINE = 240;

    private final PrintStream out;
    private final boolean terminal;

    /** Prints progress and the summary to {@code out}; progress is rewritten in place if it is a terminal. */
    public WptRunner(PrintStream out) {
        this(out, out == System.out && System.console() != null && System.console().isTerminal());
    }

    WptRunner(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Runs the selected tests.
     *
     * @throws IOException if the checkout, the expectations or the server cannot be used
     */
    public RunOutcome run(RunOptions options) throws IOException {
        Path root = options.wptRoot().toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("resources/testharness.js"))) {
            throw new IOException(root + " is not a WPT checkout (no resources/testharness.js)");
        }
        TestDiscovery.Found found = TestDiscovery.discover(root, options.testPaths(), options.variants());
        if (found.tests().isEmpty()) throw new IOException("no .any.js, .worker.js or .window.js tests selected under " + root);
        Expectations expectations = options.expectations() == null ? Expectations.none() : Expectations.load(options.expectations());

        WptServer started = null;
        ServerConfig server;
        if (options.serverConfig() != null) {
            server = ServerConfig.read(options.serverConfig(), root);
            out.println("Using the running WPT server (" + options.serverConfig() + ")");
        } else {
            out.println("Starting wpt serve in " + root + " …");
            started = WptServer.start(root, options.python(), options.serverStartTimeout());
            server = started.config();
            out.println("wpt serve is up: pid " + started.pid() + ", " + started.describePorts() + ", log " + started.log());
        }
        try {
            return runAll(options, root, found, expectations, server);
        } finally {
            if (started != null) started.close();
        }
    }

    private RunOutcome runAll(RunOptions options, Path root, TestDiscovery.Found found, Expectations expectations,
                              ServerConfig server) throws IOException {
        List<WptTest> tests = found.tests();
        out.println("Running " + tests.size() + " test URLs with " + options.jobs() + " job(s)");
        ResourceFetcher fetcher = new ResourceFetcher(server);
        Map<String, TestResult> results = new ConcurrentHashMap<>();
        Map<String, List<Unexpected>> unexpected = new ConcurrentHashMap<>();
        Progress progress = new Progress(out, terminal, tests.size());
        long timeStart = System.currentTimeMillis();

        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("wpt-watchdog", 0));
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), daemonThreads("wpt-job", LOOP_THREAD_STACK));
        Engine engine = TestRuntimes.newEngine();
        try {
            TestExecutor executor = new TestExecutor(server, fetcher, options.timeoutMultiplier(), watchdog, engine);
            List<Future<?>> futures = new ArrayList<>();
            for (WptTest test : tests) {
                futures.add(pool.submit(() -> {
                    TestResult r = executor.run(test);
                    List<Unexpected> diff = expectations.diff(r);
                    results.put(r.url(), r);
                    if (!diff.isEmpty()) unexpected.put(r.url(), diff);
                    progress.finished(r, diff.size());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IOException("the runner failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
            progress.end();
            closeEngine(engine);
        }
        long timeEnd = System.currentTimeMillis();

        List<TestResult> sorted = results.values().stream().sorted(Comparator.comparing(TestResult::url)).toList();
        List<Unexpected> allUnexpected = sorted.stream()
                .flatMap(r -> unexpected.getOrDefault(r.url(), List.of()).stream()).toList();
        Map<String, Integer> counts = new HashMap<>();
        unexpected.forEach((url, list) -> counts.put(url, list.size()));

        out.println();
        out.print(Summary.render(tests, results, counts));
        if (!found.htmlTests().isEmpty()) {
            out.println();
            out.println(found.htmlTests().size() + " testharness XHTML page(s) not run: they need an XML document"
                    + (options.verbose() ? ":" : " (--verbose lists them)"));
            if (options.verbose()) found.htmlTests().forEach(h -> out.println("  " + h));
        }
        printUnexpected(allUnexpected, results, options.verbose());

        if (options.report() != null) {
            WptReport.write(options.report(), WptReport.toJson(sorted,
                    WptReport.runInfo(WptReport.wptRevision(root), options.timeoutMultiplier(), options.jobs()), timeStart, timeEnd));
            out.println("Report: " + options.report());
        }
        boolean updated = false;
        if (options.updateExpectations()) {
            expectations.updatedWith(sorted).save(options.expectations());
            updated = true;
            out.println("Expectations updated: " + options.expectations());
        }
        return new RunOutcome(sorted, allUnexpected, found.htmlTests(), timeStart, timeEnd, updated);
    }

    private void printUnexpected(List<Unexpected> list, Map<String, TestResult> results, boolean verbose) {
        out.println();
        if (list.isEmpty()) {
            out.println("All results as expected.");
            return;
        }
        long passes = list.stream().filter(Unexpected::isUnexpectedPass).count();
        out.println(list.size() + " unexpected result(s): " + (list.size() - passes) + " regression(s), " + passes + " unexpected pass(es)");
        String lastUrl = null;
        int shown = 0;
        for (Unexpected u : list) {
            if (!verbose && shown == MAX_UNEXPECTED_SHOWN) {
                out.println("  … and " + (list.size() - shown) + " more (--verbose lists all; --report has every result)");
                break;
            }
            shown++;
            out.println("  " + abbreviate(u.toString()));
            if (verbose && !u.url().equals(lastUrl)) {
                List<String> console = results.get(u.url()).console();
                console.stream().limit(20).forEach(line -> out.println("      | " + line));
            }
            lastUrl = u.url();
        }
    }

    private static String abbreviate(String s) {
        String line = s.replace('\n', ' ');
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }

    private static ThreadFactory daemonThreads(String name, long stackSize) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), stackSize);
            t.setDaemon(true);
            return t;
        };
    }

    /** Closes the run's engine, cancelling a test still running after a failure of the runner itself. */
    private static void closeEngine(Engine engine) {
        try {
            engine.close(true);
        } catch (RuntimeException e) {
            // A test thread that ignored its interrupt; the process ends with the runner anyway.
        }
    }
}

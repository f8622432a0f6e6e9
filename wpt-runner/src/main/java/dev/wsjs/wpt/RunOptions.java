package dev.wsjs.wpt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to run and how. Build with {@link #builder(Path)}; every setting but the checkout has a default.
 *
 * @param wptRoot the WPT checkout (its root: {@code resources/testharness.js}, {@code tools/}, {@code wpt})
 * @param testPaths directories, files or test URLs to run; empty runs the whole checkout
 * @param variants variant names to run ({@code default}, {@code wss}, {@code h2}); empty runs all
 * @param expectations the expectations file, or null to expect every test to pass
 * @param updateExpectations rewrite the expectations file to accept this run's results
 * @param report where to write the wptreport JSON, or null
 * @param jobs how many tests run at once, each in its own runtime and loop thread
 * @param timeoutMultiplier scales the 10 s / 60 s harness timeouts (slow machines, debugging)
 * @param serverConfig null to start {@code wpt serve}; else the {@code serve-info.json} or wpt config
 *                     file of a server that is already running
 * @param python the Python 3.8–3.11 for {@code wpt serve}, or null to find one
 * @param serverStartTimeout how long to wait for a started server to answer
 * @param verbose print the console output of tests with unexpected results
 */
public record RunOptions(Path wptRoot, List<String> testPaths, Set<String> variants, Path expectations,
                         boolean updateExpectations, Path report, int jobs, double timeoutMultiplier,
                         Path serverConfig, String python, Duration serverStartTimeout, boolean verbose) {

    public RunOptions {
        Objects.requireNonNull(wptRoot, "wptRoot");
        testPaths = List.copyOf(testPaths);
        variants = Set.copyOf(variants);
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
        if (!(timeoutMultiplier > 0)) throw new IllegalArgumentException("timeout multiplier must be > 0");
        if (updateExpectations && expectations == null) {
            throw new IllegalArgumentException("--update-expectations needs --expectations FILE");
        }
        Objects.requireNonNull(serverStartTimeout, "serverStartTimeout");
    }

    public static Builder builder(Path wptRoot) {
        return new Builder(wptRoot);
    }

    /** Builds {@link RunOptions}. */
    public static final class Builder {
        private final Path wptRoot;
        private List<String> testPaths = List.of();
        private Set<String> variants = Set.of();
        private Path expectations;
        private boolean updateExpectations;
        private Path report;
        private int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        private double timeoutMultiplier = 1.0;
        private Path serverConfig;
        private String python;
        private Duration serverStartTimeout = Duration.ofSeconds(90);
        private boolean verbose;

        private Builder(Path wptRoot) {
            this.wptRoot = wptRoot;
        }

        public Builder testPaths(List<String> v) { this.testPaths = v; return this; }
        public Builder variants(Set<String> v) { this.variants = v; return this; }
        public Builder expectations(Path v) { this.expectations = v; return this; }
        public Builder updateExpectations(boolean v) { this.updateExpectations = v; return this; }
        public Builder report(Path v) { this.report = v; return this; }
        public Builder jobs(int v) { this.jobs = v; return this; }
        public Builder timeoutMultiplier(double v) { this.timeoutMultiplier = v; return this; }
        /** Use the server described by this file instead of starting one. */
        public Builder serverRunning(Path serveInfoOrConfig) { this.serverConfig = serveInfoOrConfig; return this; }
        public Builder python(String v) { this.python = v; return this; }
        public Builder serverStartTimeout(Duration v) { this.serverStartTimeout = v; return this; }
        public Builder verbose(boolean v) { this.verbose = v; return this; }

        public RunOptions build() {
            return new RunOptions(wptRoot, testPaths, variants, expectations, updateExpectations, report, jobs,
                    timeoutMultiplier, serverConfig, python, serverStartTimeout, verbose);
        }
    }
}

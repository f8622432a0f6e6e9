package dev.wsjs.wpt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code wpt-runner} command. */
public final class Main {

    static final String USAGE = """
            usage: wpt-runner --wpt DIR [TEST_PATH...] [options]

            Runs the testharness.js tests (.any.js, .worker.js, .window.js) of a WPT checkout against the
            wsjs runtime, each test URL in a fresh runtime, with the checkout's own `wpt serve`.

              --wpt DIR                 the WPT checkout (root with resources/, tools/ and ./wpt)
              TEST_PATH                 directories, files or test URLs under DIR (default: all), e.g.
                                        websockets  websockets/Close-1000.any.js  /websockets/Close-1000.any.html?wss
              --variants LIST           variant names to run, e.g. default,wss,h2 (default: all)
              --expectations FILE       expected results (default: every test is expected to pass)
              --update-expectations     rewrite FILE to accept this run's results
              --report FILE.json        write a wptreport (the format wpt.fyi accepts)
              --jobs N                  tests run in parallel (default: number of CPUs)
              --timeout-multiplier X    scale the 10 s / 60 s harness timeouts (default 1)
              --server-running [FILE]   use a running server: FILE is its serve-info.json (written by
                                        serve.sh) or wpt config (default: DIR/serve-info.json)
              --python PATH             Python 3.8-3.11 for `wpt serve` (default: first on PATH, or $PYTHON)
              --verbose                 show the console output of tests with unexpected results

            Exit status: 0 all results as expected (or accepted with --update-expectations),
            1 unexpected results, 2 usage error, 3 the run could not be set up.
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        RunOptions options;
        try {
            options = parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            err.println("wpt-runner: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        try {
            return new WptRunner(out).run(options).exitCode();
        } catch (IOException | IllegalArgumentException e) {
            err.println("wpt-runner: " + e.getMessage());
            return 3;
        }
    }

    /** The options of a command line; null for --help. */
    static RunOptions parse(List<String> args) {
        Path wpt = null;
        List<String> paths = new ArrayList<>();
        Set<String> variants = new LinkedHashSet<>();
        Path expectations = null;
        boolean update = false;
        Path report = null;
        Integer jobs = null;
        double multiplier = 1.0;
        boolean serverRunning = false;
        Path serverConfig = null;
        String python = null;
        boolean verbose = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--wpt" -> wpt = Path.of(inline != null ? inline : value(args, ++i, a));
                case "--variants" -> {
                    for (String v : (inline != null ? inline : value(args, ++i, a)).split(",")) {
                        if (!v.isBlank()) variants.add(v.strip());
                    }
                }
                case "--expectations" -> expectations = Path.of(inline != null ? inline : value(args, ++i, a));
                case "--update-expectations" -> update = true;
                case "--report" -> report = Path.of(inline != null ? inline : value(args, ++i, a));
                case "--jobs" -> jobs = positiveInt(inline != null ? inline : value(args, ++i, a), a);
                case "--timeout-multiplier" -> multiplier = positiveDouble(inline != null ? inline : value(args, ++i, a), a);
                case "--server-running" -> {
                    serverRunning = true;
                    if (inline != null) {
                        serverConfig = Path.of(inline);
                    } else if (i + 1 < args.size() && args.get(i + 1).endsWith(".json")) {
                        serverConfig = Path.of(args.get(++i));
                    }
                }
                case "--python" -> python = inline != null ? inline : value(args, ++i, a);
                case "--verbose", "-v" -> verbose = true;
                default -> {
                    if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                    paths.add(a);
                }
            }
        }
        if (wpt == null) throw new IllegalArgumentException("--wpt DIR is required");
        if (serverRunning && serverConfig == null) serverConfig = wpt.resolve("serve-info.json");
        RunOptions.Builder b = RunOptions.builder(wpt).testPaths(paths).variants(variants).expectations(expectations)
                .updateExpectations(update).report(report).timeoutMultiplier(multiplier).python(python).verbose(verbose);
        if (jobs != null) b.jobs(jobs);
        if (serverConfig != null) b.serverRunning(serverConfig);
        return b.build();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    private static int positiveInt(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive integer, not '" + s + "'");
    }

    private static double positiveDouble(String s, String option) {
        try {
            double d = Double.parseDouble(s);
            if (d > 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, not '" + s + "'");
    }
}

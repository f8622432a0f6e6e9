package dev.wsjs.cli;

import dev.wsjs.ConsoleSink;
import dev.wsjs.UncaughtErrorHandler;
import dev.wsjs.Version;
import dev.wsjs.WebSocketDiagnostics;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.WsjsRuntime;
import dev.wsjs.internal.StartupTrace;
import dev.wsjs.internal.SharedEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code wsjs} command: runs a script (classic or ES module) until its event loop is idle.
 * Exit codes: 0 ok, 1 uncaught error, 2 usage error.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_UNCAUGHT = 1;
    static final int EXIT_USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        StartupTrace.mark("main");
        int code = run(args, System.out, System.err);
        System.out.flush();
        StartupTrace.mark("exit");
        System.err.flush();
        System.exit(code);
    }

    /** Runs the CLI; returns the exit code instead of exiting (for tests). */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(argv);
        } catch (CliOptions.UsageException e) {
            err.println("wsjs: " + e.getMessage());
            err.println("Run 'wsjs --help' for usage.");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(CliOptions.HELP);
            return EXIT_OK;
        }
        if (options.version()) {
            out.println("wsjs " + Version.VERSION);
            out.println("GraalJS " + Version.GRAALJS + " on Java " + Runtime.version());
            out.println("mode: " + modeDescription());
            return EXIT_OK;
        }
        String engineProblem = engineOptionProblem();
        if (engineProblem != null) {
            err.println("wsjs: " + engineProblem);
            return EXIT_USAGE;
        }
        warnIfJitUnavailable(err);
        LocalWebSocketServer server = null;
        try {
            if (options.servePort() != null) {
                try {
                    server = LocalWebSocketServer.builder().port(options.servePort()).start();
                } catch (IOException e) {
                    err.println("wsjs: cannot start the WebSocket server on 127.0.0.1:" + options.servePort() + ": " + e.getMessage());
                    return EXIT_USAGE;
                }
                if (options.serveOnly()) {
                    out.println("wsjs: WebSocket server on " + server.uri("/echo") + " (echo), "
                            + server.uri("/broadcast") + " (broadcast) and " + server.uri("/ticks") + " (ticks); Ctrl-C stops it");
                    out.flush();
                    waitForever();
                    return EXIT_OK;
                }
            }
            return runScript(options, server, out, err);
        } finally {
            if (server != null) server.close();
        }
    }

    private static void waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int runScript(CliOptions options, LocalWebSocketServer server, PrintStream out, PrintStream err) {

        Path script = options.script();
        if (script != null && !Files.isRegularFile(script)) {
            err.println("wsjs: cannot find script '" + script + "': no such file");
            return EXIT_USAGE;
        }

        WsjsRuntime.Builder builder = WsjsRuntime.builder()
                .console(ConsoleSink.stdio(out, err))
                .onUncaughtError(UncaughtErrorHandler.printAndExit())
                .args(options.scriptArgs());
        if (options.location() != null) {
            builder.location(options.location());
        } else if (server != null) {
            builder.location("http://127.0.0.1:" + server.port() + "/");
        }
        for (Path cert : options.certificates()) builder.trustedCertificates(cert);
        if (options.verbose()) builder.webSocketDiagnostics(WebSocketDiagnostics.printingTo(err));
        if (options.inspect() != null) builder.engine(Inspector.engine(options.inspect(), options.inspectBrk(), err));
        if (options.allowEnv()) builder.env(System.getenv());
        if (script != null) {
            // import() and static imports may read the script's directory tree, nothing else.
            builder.moduleRoot(script.toAbsolutePath().getParent());
        }

        try (WsjsRuntime runtime = builder.build()) {
            SignalHandling.install(runtime);
            if (options.eval() != null) {
                runtime.eval(options.eval(), "[eval]");
            } else if (options.module()) {
                runtime.evalModule(script);
            } else {
                runtime.evalFile(script);
            }
            if (!runtime.exitRequested()) runtime.runUntilIdle();
            return runtime.exitCode();
        } catch (IOException e) {
            err.println("wsjs: cannot read '" + script + "': " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    /** Which execution mode this JVM runs GraalJS in, for {@code --version}. */
    static String modeDescription() {
        return SharedEngine.optimizingCompilerAvailable()
                ? "jit (GraalJS with the Graal optimizing compiler)"
                : "fast-start (GraalJS interpreter" + (aotCacheInUse() ? " with an AOT cache)" : ")");
    }

    private static boolean aotCacheInUse() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:AOTCache"));
    }

    /** One line on stderr when JIT mode was asked for but this JVM cannot run the compiler. */
    /**
     * Creates the shared engine now, so that a bad {@code -Dpolyglot.*} option (from WSJS_JAVA_OPTS) is
     * one line saying what to change, not a stack trace from the first runtime.
     *
     * @return null when the engine could be created, else what is wrong
     */
    static String engineOptionProblem() {
        try {
            SharedEngine.get();
            return null;
        } catch (ExceptionInInitializerError | IllegalArgumentException e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage());
            if (message.contains("is experimental")) {
                int end = message.indexOf(" and must be enabled");
                return (end > 0 ? message.substring(0, end) : message) + ": add -D"
                        + SharedEngine.EXPERIMENTAL_OPTIONS_PROPERTY + "=true to WSJS_JAVA_OPTS to allow GraalVM's experimental options";
            }
            return "bad GraalVM engine option (check the -Dpolyglot.* settings in WSJS_JAVA_OPTS): " + message;
        }
    }

    private static void warnIfJitUnavailable(PrintStream err) {
        if ("jit".equals(System.getProperty("wsjs.mode")) && !SharedEngine.optimizingCompilerAvailable()) {
            err.println("wsjs: warning: the Graal compiler could not be loaded on Java " + Runtime.version()
                    + ", so JavaScript runs interpreted (about 10x slower); use a Temurin/OpenJDK 25 with JVMCI"
                    + " (JAVA_HOME) or pass --fast-start to silence this.");
        }
    }

}

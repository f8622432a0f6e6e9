package dev.wsjs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsed command line of {@code wsjs}. Options come before the script; everything after the script
 * belongs to the script ({@code wsjs.args}), as in Node.
 */
record CliOptions(
        Path script,
        String eval,
        boolean module,
        String location,
        boolean allowEnv,
        boolean help,
        boolean version,
        List<String> scriptArgs) {

    static final String HELP = """
            Usage: wsjs [options] <script.js | script.mjs> [args...]
                   wsjs [options] -e "<code>" [args...]

            Runs JavaScript with the browser's WebSocket platform (WebSocket, events, Blob, URL,
            timers, console, ...) until nothing is pending, then exits.

            Options:
              -e, --eval <code>      run <code> as a classic script
              -m, --module           run the script as an ES module (default for .mjs); imports are
                                     confined to the script's directory
              --location <url>       the page URL scripts see as `location`; base URL and origin
              --allow-env            let scripts read environment variables as wsjs.env
              --jit                  run with the Graal optimizing compiler (fast steady state)
              --fast-start           run interpreted from an AOT cache (fast start, slower scripts)
              -h, --help             print this help and exit
              -v, --version          print versions and the execution mode, then exit

            Non-standard globals (the `wsjs` namespace):
              wsjs.args              the script's arguments (strings)
              wsjs.env               environment variables when --allow-env was given, else undefined
              wsjs.exit(code)        end the program with an exit code
              wsjs.version           the wsjs version

            Exit codes: 0 success, 1 uncaught error, 2 usage error.
            """;

    /** A command line that cannot be run; the message says what was wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static CliOptions parse(String[] argv) throws UsageException {
        Path script = null;
        String eval = null;
        boolean module = false;
        String location = null;
        boolean allowEnv = false;
        boolean help = false;
        boolean version = false;
        List<String> scriptArgs = new ArrayList<>();
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("-") || a.equals("-")) break;
            if (a.equals("--")) {
                i++;
                break;
            }
            switch (a) {
                case "-e", "--eval" -> eval = value(argv, ++i, a);
                case "-m", "--module" -> module = true;
                case "--location" -> location = value(argv, ++i, a);
                case "--allow-env" -> allowEnv = true;
                // Mode flags are read by the launcher (they change JVM flags); accepted here too.
                case "--jit", "--fast-start" -> { }
                case "-h", "--help" -> help = true;
                case "-v", "--version" -> version = true;
                default -> {
                    if (a.startsWith("--location=")) location = a.substring("--location=".length());
                    else if (a.startsWith("--eval=")) eval = a.substring("--eval=".length());
                    else throw new UsageException("unknown option '" + a + "'");
                }
            }
        }
        if (help || version) return new CliOptions(null, null, false, location, allowEnv, help, version, List.of());
        if (eval == null) {
            if (i >= argv.length) throw new UsageException("no script given");
            script = Path.of(argv[i++]);
            if (script.toString().endsWith(".mjs")) module = true;
        } else if (module) {
            throw new UsageException("--module needs a script file, not --eval");
        }
        for (; i < argv.length; i++) scriptArgs.add(argv[i]);
        if (location != null) {
            try {
                java.net.URI uri = new java.net.URI(location);
                if (!uri.isAbsolute()) throw new UsageException("--location needs an absolute URL, got '" + location + "'");
            } catch (java.net.URISyntaxException e) {
                throw new UsageException("--location '" + location + "' is not a valid URL");
            }
        }
        return new CliOptions(script, eval, module, location, allowEnv, help, version, scriptArgs);
    }

    private static String value(String[] argv, int i, String option) throws UsageException {
        if (i >= argv.length) throw new UsageException("option '" + option + "' needs a value");
        return argv[i];
    }
}

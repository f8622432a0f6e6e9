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
        Integer servePort,
        java.util.List<Path> certificates,
        boolean verbose,
        String inspect,
        boolean inspectBrk,
        boolean help,
        boolean version,
        List<String> scriptArgs) {

    static final String HELP = """
            Usage: wsjs [options] <script.js | script.mjs> [args...]
                   wsjs [options] -e "<code>" [args...]

            Runs JavaScript with the browser's WebSocket platform (WebSocket, events, Blob, URL,
            timers, console, ...) until nothing is pending, then exits. A script may import modules
            from its own directory tree, and read nothing else.

            Options:
              -e, --eval <code>      run <code> as a classic script
              -m, --module           run the script as an ES module (default for .mjs)
              --location <url>       the page URL scripts see as `location`; base URL and origin
              --allow-env            let scripts read environment variables as wsjs.env
              --serve[=port]         start the embedded WebSocket server on 127.0.0.1 (routes /echo,
                                     /broadcast, /ticks); without --location the script's location becomes
                                     http://127.0.0.1:<port>/, so new WebSocket("/echo") reaches it.
                                     Without a script, serve until interrupted.
              --cert <file.pem>      also trust the CA certificates in this PEM file (wss)
              --verbose              print WebSocket diagnostics (handshake answers, failure causes,
                                     close codes, bytes in/out per connection)
              --inspect[=port]       open the Chrome DevTools protocol on 127.0.0.1 (default port 9229);
                                     attach with chrome://inspect or any DevTools client
              --inspect-brk[=port]   the same, and wait for the debugger, paused on the first line
              --jit                  run with the Graal optimizing compiler (fast steady state)
              --fast-start           run interpreted from an AOT cache (fast start, slower scripts)
              -h, --help             print this help and exit
              -v, --version          print versions and the execution mode, then exit

            Non-standard globals (the `wsjs` namespace):
              wsjs.args              the script's arguments (strings)
              wsjs.env               environment variables when --allow-env was given, else undefined
              wsjs.exit(code)        end the program with an exit code
              wsjs.addSignalListener("SIGINT" | "SIGTERM", fn)
                                     handle a signal (e.g. close sockets); without a listener the
                                     program ends with 128 + the signal number; a second signal
                                     ends it at once
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
        Integer servePort = null;
        List<Path> certificates = new ArrayList<>();
        boolean verbose = false;
        String inspect = null;
        boolean inspectBrk = false;
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
                case "--serve" -> servePort = 0;
                case "--cert" -> certificates.add(Path.of(value(argv, ++i, a)));
                case "--verbose" -> verbose = true;
                case "--inspect" -> inspect = DEFAULT_INSPECT;
                case "--inspect-brk" -> {
                    inspect = DEFAULT_INSPECT;
                    inspectBrk = true;
                }
                // Mode flags are read by the launcher (they change JVM flags); accepted here too.
                case "--jit", "--fast-start" -> { }
                case "-h", "--help" -> help = true;
                case "-v", "--version" -> version = true;
                default -> {
                    if (a.startsWith("--location=")) location = a.substring("--location=".length());
                    else if (a.startsWith("--eval=")) eval = a.substring("--eval=".length());
                    else if (a.startsWith("--serve=")) servePort = port(a.substring("--serve=".length()));
                    else if (a.startsWith("--cert=")) certificates.add(Path.of(a.substring("--cert=".length())));
                    else if (a.startsWith("--inspect=")) inspect = hostPort(a.substring("--inspect=".length()));
                    else if (a.startsWith("--inspect-brk=")) {
                        inspect = hostPort(a.substring("--inspect-brk=".length()));
                        inspectBrk = true;
                    }
                    else throw new UsageException("unknown option '" + a + "'");
                }
            }
        }
        if (help || version) {
            return new CliOptions(null, null, false, location, allowEnv, servePort, certificates, verbose, inspect, inspectBrk, help, version, List.of());
        }
        for (Path cert : certificates) {
            if (!java.nio.file.Files.isRegularFile(cert)) throw new UsageException("certificate file '" + cert + "' not found");
        }
        if (eval == null && i >= argv.length && servePort != null) {
            // --serve alone: just the server.
            return new CliOptions(null, null, false, location, allowEnv, servePort, certificates, verbose, inspect, inspectBrk, false, false, List.of());
        }
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
        return new CliOptions(script, eval, module, location, allowEnv, servePort, certificates, verbose, inspect, inspectBrk,
                help, version, scriptArgs);
    }

    /** Whether only the embedded server runs (no script). */
    boolean serveOnly() {
        return script == null && eval == null && servePort != null;
    }

    static final String DEFAULT_INSPECT = "9229";

    /**
     * The inspector port. Node also takes {@code host:port}; the debugger gives full control of the
     * program, so wsjs listens on the loopback interface only and refuses other hosts.
     */
    private static String hostPort(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
        String port = colon < 0 ? text : text.substring(colon + 1);
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new UsageException("--inspect listens on 127.0.0.1 only, not on '" + host + "'");
        }
        try {
            int p = Integer.parseInt(port);
            if (p >= 0 && p <= 65535) return Integer.toString(p);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--inspect needs a port number 0-65535, got '" + text + "'");
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--serve needs a port number 0-65535, got '" + text + "'");
    }

    private static String value(String[] argv, int i, String option) throws UsageException {
        if (i >= argv.length) throw new UsageException("option '" + option + "' needs a value");
        return argv[i];
    }
}

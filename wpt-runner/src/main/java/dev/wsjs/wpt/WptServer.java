package dev.wsjs.wpt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wpt serve} process the runner started in a checkout, in its own process group, bound to
 * 127.0.0.1 on free ports. {@link #close()} stops exactly that process group (the server and the
 * worker processes it forked) and nothing else.
 */
final class WptServer implements AutoCloseable {

    /** The 2023 server tools need Python 3.8 to 3.11 (ssl.wrap_socket, cgi and six 1.15 are gone in 3.12+). */
    private static final List<String> PYTHONS = List.of("python3.11", "python3.10", "python3.9", "python3.8", "python3");
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final boolean ownGroup;
    private final ServerConfig config;
    private final Path log;

    private WptServer(Process process, boolean ownGroup, ServerConfig config, Path log) {
        this.process = process;
        this.ownGroup = ownGroup;
        this.config = config;
        this.log = log;
    }

    ServerConfig config() {
        return config;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Starts {@code wpt serve} in {@code root} and waits until every port answers.
     *
     * @param python the interpreter, or null to pick the first Python 3.8–3.11 on the PATH
     * @throws IOException if it cannot start or does not answer in {@code startTimeout} (the log's end is in the message)
     */
    static WptServer start(Path root, String python, Duration startTimeout) throws IOException {
        return start(root, python != null ? checkPython(python) : findPython(), startTimeout, List.of("serve"));
    }

    /** Starts {@code PYTHON wpt ARGS… --config FILE} in {@code root}; {@code python} is used as given. */
    static WptServer start(Path root, String py, Duration startTimeout, List<String> wptArgs) throws IOException {
        if (!Files.isRegularFile(root.resolve("wpt")) || !Files.isDirectory(root.resolve("tools"))) {
            throw new IOException(root + " is not a WPT checkout with server tools (no ./wpt or tools/)");
        }
        ServerConfig config = ServerConfig.onFreePorts(root);
        Path dir = Files.createTempDirectory("wpt-runner-serve");
        Path configFile = dir.resolve("config.json");
        Path log = dir.resolve("serve.log");
        Files.writeString(configFile, config.toServeConfigJson());

        List<String> command = new ArrayList<>();
        // setsid makes the server the leader of a new process group (it execs in place, so the pid we
        // get is the group id), and the whole group can be signalled at the end.
        boolean setsid = onPath("setsid");
        if (setsid) command.add("setsid");
        command.add(py);
        command.add("wpt");
        command.addAll(wptArgs);
        command.addAll(List.of("--config", configFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = pb.start();
        WptServer server = new WptServer(process, setsid, config, log);
        try {
            server.awaitReady(startTimeout);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = new ArrayList<>(config.namedPorts().keySet());
        while (true) {
            pending.removeIf(name -> accepts(config.namedPorts().get(name)));
            // wpt serve creates the CA on first start; HTTPS fetches need it.
            if (pending.isEmpty() && Files.isRegularFile(config.caCertificate()) && httpAnswers()) return;
            if (!process.isAlive()) {
                throw new IOException("wpt serve exited with " + process.exitValue() + " during start-up\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("wpt serve did not answer within " + timeout.toSeconds() + " s (waiting for "
                        + (pending.isEmpty() ? "HTTP and " + config.caCertificate() : String.join(", ", pending)) + ")\n" + logTail());
            }
            sleep(250);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Any HTTP status means the HTTP server and its request handling are up. */
    private boolean httpAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", config.http().getFirst()), 500);
            s.setSoTimeout(2000);
            s.getOutputStream().write(("HEAD / HTTP/1.1\r\nHost: " + config.host() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = s.getInputStream().readNBytes(8);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.");
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the server log, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- last lines of " + log + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** SIGTERM to the server's process group, SIGKILL after 10 s to whatever is left of it. */
    @Override
    public void close() {
        if (ownGroup) {
            signalGroup("TERM");
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            while (groupAlive() && System.nanoTime() < deadline) sleep(100);
            if (groupAlive()) signalGroup("KILL");
        } else {
            // Without a group of its own, stop the server's descendants and then the server.
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signalGroup(String signal) {
        run("kill", "-" + signal, "--", "-" + process.pid());
    }

    private boolean groupAlive() {
        return run("kill", "-0", "--", "-" + process.pid()) == 0;
    }

    private static String findPython() throws IOException {
        String env = System.getenv("PYTHON");
        if (env != null && !env.isBlank()) return checkPython(env);
        for (String candidate : PYTHONS) {
            if (onPath(candidate) && pythonVersionOk(candidate)) return candidate;
        }
        throw new IOException("no Python 3.8-3.11 found on the PATH (the WPT server tools do not run on 3.12+); "
                + "install one or pass --python /path/to/python3.11");
    }

    private static String checkPython(String python) throws IOException {
        if (!pythonVersionOk(python)) throw new IOException(python + " is not a working Python 3.8-3.11");
        return python;
    }

    private static boolean pythonVersionOk(String python) {
        return run(python, "-c", "import sys; sys.exit(not ((3, 8) <= sys.version_info[:2] <= (3, 11)))") == 0;
    }

    private static boolean onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }

    /** Runs a short helper command and returns its exit code (-1 if it could not run). */
    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ports for messages: {@code http 41234, https 40111, …}. */
    String describePorts() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : config.namedPorts().entrySet()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(e.getKey()).append(' ').append(e.getValue());
        }
        return sb.toString();
    }
}

package dev.wsjs.wpt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that serves the fixture WPT tree the way {@code wpt serve} serves a
 * checkout, as far as the runner depends on it: static files, the generated {@code .any.worker.js}
 * wrapper, and one generated script that does not exist on disk ({@code /common/served.js}).
 */
final class FixtureServer implements AutoCloseable {

    final Path root;
    private final HttpServer server;
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    FixtureServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fixture-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    static Path fixtureRoot() {
        try {
            return Path.of(FixtureServer.class.getResource("/wpt-fixture/resources/testharness.js").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A serve-info.json pointing the runner at this server (no TLS ports are used by the fixtures). */
    Path writeServeInfo(Path dir) throws IOException {
        int p = port();
        String json = """
                {"host": "localhost", "ports": {"http": [%d, %d], "https": [1, 2], "ws": [3], "wss": [4], "h2": [5]},
                 "ca_cert": "%s"}
                """.formatted(p, p, dir.resolve("no-ca.pem").toString().replace("\\", "\\\\"));
        Path file = dir.resolve("serve-info.json");
        Files.writeString(file, json);
        return file;
    }

    int requestsFor(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (path.equals("/common/served.js")) {
                send(exchange, 200, "var SERVED_BY = \"fixture server\";\n");
                return;
            }
            if (path.endsWith(".any.worker.js")) {
                Path source = file(path.substring(0, path.length() - ".worker.js".length()) + ".js");
                if (source == null) {
                    send(exchange, 404, "not found");
                    return;
                }
                send(exchange, 200, workerWrapper(path, Files.readString(source)));
                return;
            }
            Path file = file(path);
            if (file == null) {
                send(exchange, 404, "not found");
                return;
            }
            send(exchange, 200, Files.readString(file));
        }
    }

    private Path file(String path) {
        Path p = root.resolve(path.substring(1)).normalize();
        return p.startsWith(root) && Files.isRegularFile(p) ? p : null;
    }

    /** What the WPT server generates for a dedicated worker running {@code X.any.js}. */
    private static String workerWrapper(String path, String source) {
        ScriptMetadata meta = ScriptMetadata.parse(source);
        StringBuilder sb = new StringBuilder();
        meta.title().ifPresent(t -> sb.append("self.META_TITLE = ").append(Json.compact(t)).append(";\n"));
        sb.append("self.GLOBAL = { isWindow: () => false, isWorker: () => true, isShadowRealm: () => false };\n");
        sb.append("importScripts(\"/resources/testharness.js\");\n");
        for (String script : meta.scripts()) sb.append("importScripts(").append(Json.compact(script)).append(");\n");
        String testFile = path.substring(0, path.length() - ".worker.js".length()) + ".js";
        sb.append("importScripts(").append(Json.compact(testFile)).append(");\n");
        sb.append("done();\n");
        return sb.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("text/javascript; charset=utf-8"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

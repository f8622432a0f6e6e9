package dev.wsjs.examples.ssr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wsjs.ScriptException;
import dev.wsjs.pool.RuntimePool;
import dev.wsjs.server.LocalWebSocketServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Server-side rendering with live data: the JDK's HTTP server answers every request with a page
 * that JavaScript renders ({@code render(request)} in {@code examples/ssr/page.js}) from the ticks
 * it receives over a WebSocket subscription. A {@link RuntimePool} holds the runtimes; each keeps
 * its own subscription, so rendering never waits for the network.
 *
 * <pre>
 * examples/ssr/run.sh [--port=8080] [--runtimes=2] [--feed=ws://127.0.0.1:9000/ticks]
 * </pre>
 * Without {@code --feed} it starts a {@link LocalWebSocketServer} whose {@code /ticks} route is the feed.
 */
public final class SsrServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SsrServer.class.getName());

    private final RuntimePool pool;
    private final HttpServer http;
    private final ExecutorService handlers;

    private SsrServer(RuntimePool pool, HttpServer http, ExecutorService handlers) {
        this.pool = pool;
        this.http = http;
        this.handlers = handlers;
    }

    /**
     * Starts the pool (each runtime loads {@code page}, subscribes to {@code feed} and renders a few
     * warm-up pages) and then the HTTP server on 127.0.0.1.
     *
     * @param port 0 for any free port
     */
    public static SsrServer start(int port, Path page, URI feed, int runtimes) throws IOException {
        String startFeed = "startFeed(" + jsString(feed.toString()) + ")";
        RuntimePool pool = RuntimePool.builder()
                .size(runtimes)
                .maxQueued(256)
                .scriptFile(page)
                .initializer(rt -> rt.evalAsync(startFeed).join())
                .warmUp(50, "render", request("/", null))
                .build();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            pool.close();
            throw e;
        }
        // A request thread only waits for its page; virtual threads make that wait cheap.
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        SsrServer server = new SsrServer(pool, http, handlers);
        http.createContext("/", server::handle);
        http.setExecutor(handlers);
        http.start();
        return server;
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only\n");
                return;
            }
            URI uri = exchange.getRequestURI();
            String html;
            try {
                html = pool.render("render", request(uri.getPath(), uri.getRawQuery())).get(10, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                // Saturated: say so at once instead of queueing without bound.
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 503, "text/plain", e.getMessage() + "\n");
                return;
            } catch (TimeoutException e) {
                send(exchange, 504, "text/plain", "rendering took longer than 10 s\n");
                return;
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                Throwable cause = e.getCause();
                LOG.log(System.Logger.Level.WARNING, "render failed for " + uri, cause);
                send(exchange, 500, "text/plain", cause instanceof ScriptException ? "render failed\n" : "server error\n");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", html);
        }
    }

    /** What render(request) sees: a plain JS object with path and query (null when absent). */
    private static ProxyObject request(String path, String query) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("path", path);
        fields.put("query", query);
        return ProxyObject.fromMap(fields);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Stops the HTTP server, then the pool (its subscriptions close with 1001). */
    @Override
    public void close() {
        http.stop(0);
        handlers.shutdown();
        pool.close();
    }

    /** {@code [--port=8080] [--runtimes=2] [--feed=ws://…/ticks] [--page=examples/ssr/page.js]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("port", "8080", "runtimes", "2", "page", "examples/ssr/page.js"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                System.err.println("usage: SsrServer [--port=8080] [--runtimes=2] [--feed=ws://127.0.0.1:9000/ticks] [--page=examples/ssr/page.js]");
                System.exit(2);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Path page = Path.of(options.get("page"));
        if (!Files.isRegularFile(page)) {
            System.err.println("SsrServer: no page script at " + page.toAbsolutePath() + " (run from the repository root or pass --page=)");
            System.exit(2);
        }
        LocalWebSocketServer feedServer = null;
        URI feed;
        if (options.containsKey("feed")) {
            feed = URI.create(options.get("feed"));
        } else {
            feedServer = LocalWebSocketServer.builder().start();
            feed = feedServer.uri("/ticks");
        }
        SsrServer server = start(Integer.parseInt(options.get("port")), page, feed, Integer.parseInt(options.get("runtimes")));
        LocalWebSocketServer ownFeed = feedServer;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (ownFeed != null) ownFeed.close();
        }));
        System.out.println("feed " + feed);
        System.out.println("serving " + server.uri() + " (Ctrl-C stops)");
        System.out.flush();
        Thread.currentThread().join();
    }
}

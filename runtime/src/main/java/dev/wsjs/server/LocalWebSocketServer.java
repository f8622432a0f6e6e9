package dev.wsjs.server;

import dev.wsjs.websocket.ConnectionListener;
import dev.wsjs.websocket.ExtensionHeader;
import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.ListenerGate;
import dev.wsjs.websocket.PerMessageDeflate;
import dev.wsjs.websocket.Role;
import dev.wsjs.websocket.WebSocketEndpoint;
import dev.wsjs.websocket.WebSocketProtocol;
import dev.wsjs.websocket.WebSocketSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Sink;

/**
 * A small RFC 6455 server on 127.0.0.1 for tests, examples and the CLI's offline demo. It reuses
 * the client's frame codec in the server role (frames out unmasked, frames in must be masked) and
 * negotiates permessage-deflate when the client offers it.
 *
 * <p>Built-in routes: {@code /echo} ({@link EchoHandler}), {@code /broadcast}
 * ({@link BroadcastHandler}) and {@code /ticks} ({@link TickerHandler}); more with {@link Builder#route}. Each accepted connection runs on
 * virtual threads; a request for an unknown path gets 404, a plain HTTP request 426.
 *
 * <pre>{@code
 * try (LocalWebSocketServer server = LocalWebSocketServer.builder()
 *         .route("/hello", new Handler() {
 *             public void onOpen(Session s, UpgradeRequest r) { s.sendText("hello"); s.close(1000, "bye"); }
 *         })
 *         .start()) {
 *     URI url = server.uri("/hello");   // ws://127.0.0.1:<port>/hello
 * }
 * }</pre>
 *
 * <p>Thread safe.
 */
public final class LocalWebSocketServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalWebSocketServer.class.getName());
    private static final int MAX_HEAD_LINE = 8192;
    private static final int MAX_HEADERS = 100;

    private final ServerSocket serverSocket;
    private final Map<String, Handler> routes;
    private final boolean deflate;
    private final boolean serverNoContextTakeover;
    private final WebSocketSettings settings;
    private final ScheduledThreadPoolExecutor timers;
    private final Set<Socket> handshaking = ConcurrentHashMap.newKeySet();
    private final Set<WebSocketEndpoint> endpoints = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    private final CountDownLatch acceptLoopDone = new CountDownLatch(1);
    private volatile boolean closed;

    private LocalWebSocketServer(Builder b) throws IOException {
        this.routes = Map.copyOf(b.routes);
        this.deflate = b.deflate;
        this.serverNoContextTakeover = b.serverNoContextTakeover;
        // A handler runs on the session's reader: it is the flow control, the reader never pauses.
        this.settings = b.settings.withReceiveHighWaterMark(Long.MAX_VALUE);
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("wsjs-server-timers").factory());
        this.timers.setRemoveOnCancelPolicy(true);
        this.serverSocket = new ServerSocket(b.port, 4096, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("wsjs-server-accept-" + port()).start(this::acceptLoop);
    }

    /** A builder with the built-in routes, an ephemeral port and permessage-deflate on. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server with the built-in routes on an ephemeral port. */
    public static LocalWebSocketServer start() throws IOException {
        return builder().start();
    }

    /** The port the server listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code ws://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port() + (path.startsWith("/") ? path : "/" + path));
    }

    /** Sessions currently open. */
    public int openSessions() {
        return endpoints.size();
    }

    /** Stops accepting and drops every connection (no closing handshake). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : handshaking) {
            closeQuietly(s);
        }
        for (WebSocketEndpoint e : endpoints) {
            e.abort(FailureCause.ABORTED, "server closed");
        }
        try {
            acceptLoopDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
    }

    // ------------------------------------------------------------------ accept and handshake

    private void acceptLoop() {
        try {
            while (!closed) {
                Socket socket = serverSocket.accept();
                Thread.ofVirtual().name("wsjs-server-handshake").start(() -> handshake(socket));
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "WebSocket server stopped accepting", e);
            }
        } finally {
            acceptLoopDone.countDown();
        }
    }

    /** Reads the opening handshake (RFC 6455 section 4.2.1) and answers it (section 4.2.2). */
    private void handshake(Socket socket) {
        handshaking.add(socket);
        boolean upgraded = false;
        try {
            if (closed) {
                return;
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.handshakeTimeout().toMillis()));
            BufferedSource source = Okio.buffer(Okio.source(socket));
            Sink sink = Okio.sink(socket);
            UpgradeRequest request = readRequest(source, (InetSocketAddress) socket.getRemoteSocketAddress());
            if (request == null) {
                return;
            }
            Handler handler = routes.get(request.path());
            if (handler == null) {
                respond(sink, 404, "no WebSocket route " + request.path(), Map.of());
                return;
            }
            String problem = upgradeProblem(request);
            if (problem != null) {
                boolean wrongVersion = problem.startsWith("Sec-WebSocket-Version");
                respond(sink, wrongVersion || request.header("Upgrade") == null ? 426 : 400, problem,
                        wrongVersion ? Map.of("Sec-WebSocket-Version", "13") : Map.of("Upgrade", "websocket"));
                return;
            }
            HandshakeDecision decision;
            try {
                decision = handler.onHandshake(request);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "handshake handler failed for " + request, e);
                respond(sink, 500, "handler failed", Map.of());
                return;
            }
            if (decision instanceof HandshakeDecision.Reject reject) {
                respond(sink, reject.status(), reject.body(), Map.of());
                return;
            }
            HandshakeDecision.Accept accept = (HandshakeDecision.Accept) decision;
            if (accept.protocol() != null && !request.protocols().contains(accept.protocol())) {
                LOG.log(System.Logger.Level.WARNING, "handler chose subprotocol " + accept.protocol()
                        + " that the client did not offer: " + request.protocols());
                respond(sink, 500, "handler chose a subprotocol the client did not offer", Map.of());
                return;
            }
            PerMessageDeflate negotiated = null;
            if (deflate) {
                List<ExtensionHeader.Extension> offers;
                try {
                    offers = ExtensionHeader.parse(request.headers("Sec-WebSocket-Extensions"));
                } catch (ExtensionHeader.MalformedException e) {
                    respond(sink, 400, "Sec-WebSocket-Extensions: " + e.getMessage(), Map.of());
                    return;
                }
                negotiated = PerMessageDeflate.negotiateServer(offers, serverNoContextTakeover);
            }
            String extensions = negotiated == null ? "" : negotiated.toResponseHeader(false);
            Map<String, String> headers = new LinkedHashMap<>(accept.headers());
            headers.put("Upgrade", "websocket");
            headers.put("Connection", "Upgrade");
            headers.put("Sec-WebSocket-Accept", WebSocketProtocol.acceptKey(request.header("Sec-WebSocket-Key").trim()));
            if (accept.protocol() != null) {
                headers.put("Sec-WebSocket-Protocol", accept.protocol());
            }
            if (!extensions.isEmpty()) {
                headers.put("Sec-WebSocket-Extensions", extensions);
            }
            Session session = new Session(sessionIds.incrementAndGet(), request,
                    accept.protocol() == null ? "" : accept.protocol(), extensions);
            WebSocketEndpoint endpoint = new WebSocketEndpoint("wsjs-server-" + port() + "-" + session.id(), Role.SERVER,
                    source, sink, () -> closeQuietly(socket), negotiated, settings,
                    new ListenerGate(new SessionEvents(session, handler)), timers, null);
            session.attach(endpoint);
            // Counted before the 101 goes out, so a client that sees it open also sees it in openSessions().
            endpoints.add(endpoint);
            endpoint.whenFinished(() -> endpoints.remove(endpoint));
            try {
                writeHead(sink, 101, headers);
                socket.setSoTimeout(0);
            } catch (IOException e) {
                endpoints.remove(endpoint);
                throw e;
            }
            upgraded = true;
            open(session, endpoint, handler, request);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket handshake failed", e);
        } finally {
            handshaking.remove(socket);
            if (!upgraded) {
                closeQuietly(socket);
            }
        }
    }

    private void open(Session session, WebSocketEndpoint endpoint, Handler handler, UpgradeRequest request) {
        try {
            handler.onOpen(session, request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "onOpen failed for " + session, e);
            endpoint.close(WebSocketProtocol.CLOSE_INTERNAL_ERROR, "");
        }
        endpoint.start();
        if (closed) {
            endpoint.abort(FailureCause.ABORTED, "server closed");
        }
    }

    /** Reads the request line and headers; null (after answering) when they are not HTTP/1.1. */
    private static UpgradeRequest readRequest(BufferedSource source, InetSocketAddress remote) throws IOException {
        String requestLine = source.readUtf8LineStrict(MAX_HEAD_LINE);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return null;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int count = 0; ; count++) {
            String line = source.readUtf8LineStrict(MAX_HEAD_LINE);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (count == MAX_HEADERS || colon <= 0) {
                return null;
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        return new UpgradeRequest(parts[0], parts[1], headers, remote);
    }

    /** The section 4.2.1 requirement the request breaks, or null if it is a valid opening handshake. */
    private static String upgradeProblem(UpgradeRequest request) {
        if (!"GET".equals(request.method())) {
            return "a WebSocket handshake is a GET, not " + request.method();
        }
        if (!hasToken(request.headers("Upgrade"), "websocket")) {
            return "Upgrade: websocket is missing";
        }
        if (!hasToken(request.headers("Connection"), "upgrade")) {
            return "Connection: Upgrade is missing";
        }
        if (!"13".equals(request.header("Sec-WebSocket-Version"))) {
            return "Sec-WebSocket-Version must be 13";
        }
        String key = request.header("Sec-WebSocket-Key");
        try {
            if (key == null || request.headers("Sec-WebSocket-Key").size() != 1
                    || Base64.getDecoder().decode(key.trim()).length != 16) {
                return "Sec-WebSocket-Key must be 16 bytes in base64";
            }
        } catch (IllegalArgumentException notBase64) {
            return "Sec-WebSocket-Key must be 16 bytes in base64";
        }
        return null;
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String value : values) {
            for (String item : value.split(",")) {
                if (item.trim().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void respond(Sink sink, int status, String body, Map<String, String> extra) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Content-Length", Integer.toString(bytes.length));
        headers.put("Connection", "close");
        Buffer out = head(status, headers);
        out.write(bytes);
        sink.write(out, out.size());
        sink.flush();
    }

    private static void writeHead(Sink sink, int status, Map<String, String> headers) throws IOException {
        Buffer out = head(status, headers);
        sink.write(out, out.size());
        sink.flush();
    }

    private static Buffer head(int status, Map<String, String> headers) {
        Buffer out = new Buffer();
        out.writeUtf8("HTTP/1.1 ").writeUtf8(Integer.toString(status)).writeUtf8(" ").writeUtf8(reasonPhrase(status)).writeUtf8("\r\n");
        headers.forEach((name, value) -> out.writeUtf8(name).writeUtf8(": ").writeUtf8(value).writeUtf8("\r\n"));
        out.writeUtf8("\r\n");
        return out;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 101 -> "Switching Protocols";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 426 -> "Upgrade Required";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Adapts a session's connection events to its handler. Called on the session's reader thread. */
    private static final class SessionEvents implements ConnectionListener {
        private final Session session;
        private final Handler handler;

        SessionEvents(Session session, Handler handler) {
            this.session = session;
            this.handler = handler;
        }

        @Override public void onOpen(String protocol, String extensions) {}

        @Override
        public void onText(String text) {
            try {
                handler.onText(session, text);
            } catch (RuntimeException e) {
                handlerFailed(e);
            }
        }

        @Override
        public void onBinary(ByteBuffer data) {
            try {
                handler.onBinary(session, data);
            } catch (RuntimeException e) {
                handlerFailed(e);
            }
        }

        @Override public void onCloseFrame(int code, String reason) {}

        @Override
        public void onFailure(FailureCause cause, String detail) {
            LOG.log(System.Logger.Level.DEBUG, () -> session + " failed: " + cause + " " + detail);
        }

        @Override
        public void onClosed(boolean wasClean, int code, String reason) {
            session.ended();
            handler.onClose(session, code, reason, wasClean);
        }

        @Override public void onBytesSent(long payloadBytes) {}

        private void handlerFailed(RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handler failed for " + session, e);
            session.close(WebSocketProtocol.CLOSE_INTERNAL_ERROR, "");
        }
    }

    /** Options of a {@link LocalWebSocketServer}. Not thread safe. */
    public static final class Builder {
        private int port;
        private final Map<String, Handler> routes = new LinkedHashMap<>();
        private boolean deflate = true;
        private boolean serverNoContextTakeover;
        private WebSocketSettings settings = WebSocketSettings.defaults();

        private Builder() {
            routes.put("/echo", new EchoHandler());
            routes.put("/broadcast", new BroadcastHandler());
            routes.put("/ticks", new TickerHandler());
        }

        /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves {@code path} (exact match, without query) with {@code handler}; replaces a built-in route. */
        public Builder route(String path, Handler handler) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a route path starts with '/': " + path);
            }
            routes.put(path, java.util.Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Whether to accept permessage-deflate offers (default true). */
        public Builder permessageDeflate(boolean enabled) {
            this.deflate = enabled;
            return this;
        }

        /** Whether the server resets its compressor after every message (answers server_no_context_takeover). */
        public Builder serverNoContextTakeover(boolean enabled) {
            this.serverNoContextTakeover = enabled;
            return this;
        }

        /**
         * Limits and timers of the server's sessions (incoming message limit, close timeout, pings);
         * the handshake timeout bounds reading the request head.
         */
        public Builder settings(WebSocketSettings settings) {
            this.settings = java.util.Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Binds and starts accepting. */
        public LocalWebSocketServer start() throws IOException {
            return new LocalWebSocketServer(this);
        }
    }

    /** Runs the server with its built-in routes until the process is stopped: {@code [port]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        LocalWebSocketServer server = builder().port(port).start();
        System.out.println("WebSocket server on " + server.uri("/echo") + ", " + server.uri("/broadcast") + " and " + server.uri("/ticks"));
        Thread.currentThread().join();
    }
}

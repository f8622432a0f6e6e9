package dev.wsjs.websocket;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Opens WebSocket connections with OkHttp doing DNS, TCP, TLS, proxies, cookies and the HTTP/1.1
 * upgrade, and this package's codec doing the frames. A {@code wss:} connection first offers
 * HTTP/2 and runs on an HTTP/2 stream where the server supports RFC 8441 (see {@link Http2Dialer}).
 *
 * <p>From the base client it derives an upgrade client: HTTP/1.1 only (over HTTP/2 OkHttp strips
 * the upgrade headers), no redirects (a WebSocket handshake never follows one), no read timeout
 * (a quiet connection is not a dead one), its own connection pool (a 101 that OkHttp does not
 * take as an upgrade would go back into the pool) and a dispatcher on virtual threads whose limits
 * allow tens of thousands of concurrent handshakes, and a resolver that takes every subdomain of
 * {@code localhost} for {@code localhost} ({@link LocalhostDns}). The pool is split in
 * {@link #POOL_SHARDS} (one derived client each, all else shared): an upgraded connection stays in
 * its pool until it closes, and OkHttp looks through the whole pool on every new call and every
 * cleanup, which with 10,000 open WebSockets in one pool made opening them quadratic. After the upgrade a connection holds no
 * dispatcher slot: it runs on its own reader and writer virtual threads.
 *
 * <p>Thread safe.
 */
public final class WebSocketClient implements AutoCloseable {

    private static final int MAX_CONCURRENT_HANDSHAKES = 100_000;
    /** Connection pools of one client; connections are spread over them round robin. */
    static final int POOL_SHARDS = 32;

    private final WebSocketSettings settings;
    private final CompletableFuture<OkHttpClient> http;
    /** The derived clients by pool shard, each made on first use from {@link #http}. */
    private final AtomicReferenceArray<OkHttpClient> shards = new AtomicReferenceArray<>(POOL_SHARDS);
    private final AtomicInteger nextShard = new AtomicInteger();
    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor timers;
    private final SecureRandom random = new SecureRandom();
    private final Set<WebSocketConnection> connecting = ConcurrentHashMap.newKeySet();
    private final Set<WebSocketEndpoint> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public WebSocketClient(OkHttpClient base, WebSocketSettings settings) {
        this(() -> base, settings);
    }

    /**
     * A client whose OkHttp side is made on a network thread, starting now; handshakes wait for
     * it there. Building an OkHttp client loads the JDK's trust store (about half a second on a
     * cold JVM), which would otherwise hold up the thread that opens the first connection.
     *
     * @param base supplies the OkHttp client to derive from; may throw IllegalArgumentException,
     *        which fails every handshake of this client
     */
    public WebSocketClient(Supplier<OkHttpClient> base, WebSocketSettings settings) {
        Objects.requireNonNull(base, "base");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("wsjs-ws-handshake-", 0).factory());
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("wsjs-ws-timers").factory());
        this.timers.setRemoveOnCancelPolicy(true);
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(MAX_CONCURRENT_HANDSHAKES);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_HANDSHAKES);
        this.http = CompletableFuture.supplyAsync(() -> {
            // Fast-fallback connects run on OkHttp's shared task runner: on virtual threads, not on
            // platform threads that linger a minute after each burst of connections.
            dev.wsjs.internal.OkHttpTaskThreads.ensureVirtual();
            OkHttpClient b = base.get();
            return b.newBuilder()
                    .protocols(List.of(Protocol.HTTP_1_1))
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .readTimeout(Duration.ZERO)
                    .connectionPool(newPool())
                    .dns(new LocalhostDns(b.dns()))
                    .dispatcher(dispatcher)
                    .addNetworkInterceptor(WebSocketClient::recordSocket)
                    .build();
        }, executor);
    }

    /** A client on a default OkHttp client. */
    public WebSocketClient(WebSocketSettings settings) {
        this(OkHttpClient::new, settings);
    }

    /**
     * Starts connecting and returns at once; the listener hears {@code onOpen} or the failure.
     *
     * @throws IllegalArgumentException if an extra header has an invalid name or value
     * @throws IllegalStateException if this client is closed
     */
    public WebSocketConnection connect(HandshakeRequest request, ConnectionListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("WebSocket client is closed");
        }
        WebSocketConnection connection = new WebSocketConnection(this, request, listener);
        connecting.add(connection);
        try {
            connection.start();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            connecting.remove(connection); // closed meanwhile
            throw new IllegalStateException("WebSocket client is closed", e);
        } catch (RuntimeException e) {
            connecting.remove(connection); // e.g. an extra header OkHttp refuses
            throw e;
        }
        return connection;
    }

    /** The settings every connection of this client uses. */
    public WebSocketSettings settings() {
        return settings;
    }

    /**
     * The derived OkHttp client the handshakes run on; waits until it is made.
     *
     * @throws java.util.concurrent.CompletionException wrapping what making it threw
     */
    public OkHttpClient http() {
        return http.join();
    }

    /** The derived client for the next handshake: its own pool shard, round robin. Waits like {@link #http()}. */
    OkHttpClient nextHttp() {
        int i = Math.floorMod(nextShard.getAndIncrement(), POOL_SHARDS);
        OkHttpClient shard = shards.get(i);
        if (shard == null) {
            OkHttpClient first = http.join();
            shard = i == 0 ? first : first.newBuilder().connectionPool(newPool()).build();
            if (!shards.compareAndSet(i, null, shard)) {
                shard = shards.get(i);
            }
        }
        return shard;
    }

    /** Tells the connection which socket its handshake went over (see {@link IdleReadSource}). */
    private static okhttp3.Response recordSocket(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        WebSocketConnection.ConnectionSocket tag = chain.request().tag(WebSocketConnection.ConnectionSocket.class);
        okhttp3.Connection connection = chain.connection();
        if (connection != null) {
            // WebSocket frames are written whole and flushed at once: Nagle's algorithm would only
            // hold back each message's last segment until the peer's (delayed) ACK arrives.
            connection.socket().setTcpNoDelay(true);
            if (tag != null) {
                tag.socket = connection.socket();
            }
        }
        return chain.proceed(chain.request());
    }

    private static ConnectionPool newPool() {
        return new ConnectionPool(5, 1, TimeUnit.MINUTES);
    }

    /** Fails every connection still open (ABORTED), then frees the executor, timers and pool. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (WebSocketConnection c : connecting) {
            c.abort(FailureCause.ABORTED, "WebSocket client closed");
        }
        for (WebSocketEndpoint e : open) {
            e.abort(FailureCause.ABORTED, "WebSocket client closed");
        }
        timers.shutdownNow();
        executor.shutdown();
        for (int i = 0; i < POOL_SHARDS; i++) {
            OkHttpClient shard = shards.get(i);
            if (shard != null) {
                shard.connectionPool().evictAll();
            }
        }
        http.thenAccept(h -> h.connectionPool().evictAll());
    }

    // ------------------------------------------------------------------ for connections

    ExecutorService executor() {
        return executor;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    SecureRandom random() {
        return random;
    }

    /** Whether the wss: origin (host:port) is known not to run WebSockets over HTTP/2: straight to HTTP/1.1. */
    boolean isHttp11Origin(String origin) {
        return Http11Origins.contains(origin);
    }

    void rememberHttp11Origin(String origin) {
        Http11Origins.add(origin);
    }

    void opened(WebSocketConnection connection, WebSocketEndpoint endpoint) {
        connecting.remove(connection);
        open.add(endpoint);
        endpoint.whenFinished(() -> open.remove(endpoint));
        if (closed) {
            endpoint.abort(FailureCause.ABORTED, "WebSocket client closed");
        }
    }

    void ended(WebSocketConnection connection) {
        connecting.remove(connection);
    }
}

package dev.wsjs.websocket;

import dev.wsjs.websocket.http2.Http2Stream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import okio.Okio;

/**
 * A client WebSocket connection: the opening handshake over a plain OkHttp call (or, for
 * {@code wss:} servers that support it, an HTTP/2 extended CONNECT), then a
 * {@link WebSocketEndpoint} on the upgraded socket or the HTTP/2 stream. Created by {@link WebSocketClient#connect}.
 *
 * <p>Threads: every public method may be called from any thread and never blocks. The OkHttp
 * callback (a virtual thread of the client's dispatcher) runs the handshake validation; the
 * client's timer thread runs the handshake timeout. {@link #state} and {@link #pendingFailure}
 * decide, atomically, whether the handshake ends in open or in failure.
 */
public final class WebSocketConnection {

    private static final AtomicLong IDS = new AtomicLong();
    private static final int CONNECTING = 0;
    private static final int OPEN = 1;
    private static final int FAILED = 2;

    private final WebSocketClient client;
    private final HandshakeRequest request;
    private final ListenerGate listener;
    private final String name;
    private final AtomicInteger state = new AtomicInteger(CONNECTING);
    /** Why the handshake must fail, set by fail() or the handshake timer before cancelling the call. */
    private final AtomicReference<FailureCause> pendingFailure = new AtomicReference<>();
    private volatile Call call;
    /** Closes what an HTTP/2 attempt opened so far (socket, connection or stream); null on HTTP/1.1. */
    private volatile Runnable cancelTransport;
    private volatile ScheduledFuture<?> handshakeTimer;
    private volatile WebSocketEndpoint endpoint;
    /** Filled in by the client's network interceptor with the socket the handshake went over. */
    private final ConnectionSocket connectionSocket = new ConnectionSocket();

    /** A request tag: the socket OkHttp reads the connection from (an SSLSocket for wss:). */
    static final class ConnectionSocket {
        volatile java.net.Socket socket;
    }

    WebSocketConnection(WebSocketClient client, HandshakeRequest request, ConnectionListener listener) {
        this.client = client;
        this.request = request;
        this.listener = new ListenerGate(listener);
        this.name = "wsjs-ws-" + IDS.incrementAndGet();
    }

    // ------------------------------------------------------------------ public API, any thread

    /** Queues a text message (sent as UTF-8). Ignored once the connection is closing. */
    public void sendText(String text) {
        WebSocketEndpoint e = endpoint;
        if (e != null) {
            e.sendText(text);
        }
    }

    /** Queues a binary message; the caller gives up the buffer (position to limit is sent). */
    public void sendBinary(ByteBuffer data) {
        WebSocketEndpoint e = endpoint;
        if (e != null) {
            e.sendBinary(data);
        }
    }

    /**
     * Starts the closing handshake after the queued messages; while still connecting, fails the
     * connection instead (there is no handshake to close yet).
     *
     * @param code a close code (1000, 3000-4999 or another valid code), or -1 for an empty close frame
     * @param reason at most 123 UTF-8 bytes, or null
     */
    public void close(int code, String reason) {
        WebSocketEndpoint e = endpoint;
        if (e == null) {
            fail();
            return;
        }
        e.close(code, reason);
    }

    /** Fails the connection from the application's side: no close frame, the listener hears ABORTED. */
    public void fail() {
        abort(FailureCause.ABORTED, "failed by the application");
    }

    /**
     * The loop dispatched received messages holding this many bytes: {@code remaining()} of a binary
     * message, {@code length()} of a text message. The reader pauses while the bytes not yet reported
     * exceed the receive high-water mark.
     */
    public void delivered(long bytes) {
        WebSocketEndpoint e = endpoint;
        if (e != null) {
            e.delivered(bytes);
        }
    }

    /**
     * Payload bytes of the messages the writer has taken whole (see {@link WebSocketEndpoint#takenBytes});
     * 0 before the connection opened. Any thread.
     */
    public long takenBytes() {
        WebSocketEndpoint e = endpoint;
        return e == null ? 0 : e.takenBytes();
    }

    /** The URL this connection was opened for. */
    public URI url() {
        return request.url();
    }

    @Override
    public String toString() {
        return name + " " + request.url();
    }

    // ------------------------------------------------------------------ handshake

    void abort(FailureCause cause, String detail) {
        pendingFailure.compareAndSet(null, cause);
        // If the handshake already finished, the endpoint takes it from here — first, so the cause is
        // recorded before cancelling the call closes the socket under the reader.
        if (state.get() == OPEN) {
            endpoint.abort(cause, detail);
        }
        Call c = call;
        if (c != null) {
            c.cancel();
        }
        Runnable transport = cancelTransport;
        if (transport != null) {
            transport.run();
        }
    }

    /**
     * Starts the opening handshake; returns at once. Only the checks that must throw run on the
     * calling thread (for wsjs, the event loop); building the request, the nonce, the timer and the
     * call run on a network thread, so a script opening a thousand sockets in one task does not
     * wait for a thousand of them.
     *
     * @throws IllegalArgumentException for a header name or value HTTP does not allow
     * @throws java.util.concurrent.RejectedExecutionException if the client is closed
     */
    void start() {
        checkHeaders();
        client.executor().execute(this::beginHandshake);
    }

    /** Throws what building the request would throw for the caller's headers, before anything starts. */
    private void checkHeaders() {
        Headers.Builder headers = new Headers.Builder();
        for (Map.Entry<String, String> h : request.extraHeaders().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        if (request.origin() != null) {
            headers.set("Origin", request.origin());
        }
        if (request.userAgent() != null) {
            headers.set("User-Agent", request.userAgent());
        }
    }

    /** Runs on a network thread: sends the handshake request. */
    private void beginHandshake() {
        byte[] nonce = new byte[16];
        client.random().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        // A bad port (0 among them, which no HTTP URL can even name) fails before a request is built.
        int port = request.effectivePort();
        if (BadPorts.isBad(port)) {
            failHandshake(FailureCause.BAD_PORT, request.url() + ": port " + port + " is blocked by the Fetch standard's bad-port list");
            return;
        }
        Request httpRequest;
        try {
            httpRequest = buildRequest(key);
        } catch (IllegalArgumentException e) {
            failHandshake(FailureCause.UNSUPPORTED_URL, request.url() + ": the transport cannot make this request: " + e.getMessage());
            return;
        }
        // abort() sets pendingFailure before it reads call: one of the two sees the other.
        FailureCause early = pendingFailure.get();
        if (early != null) {
            failHandshake(early, "failed before the handshake started");
            return;
        }
        long timeout = client.settings().handshakeTimeout().toNanos();
        try {
            handshakeTimer = client.timers().schedule(this::handshakeTimedOut, timeout, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            failHandshake(FailureCause.ABORTED, "the WebSocket client is closed");
            return;
        }
        if (Http2Dialer.worthTrying(client, request)) {
            client.executor().execute(() -> dialHttp2(httpRequest, key));
        } else {
            startHttp11(httpRequest, key);
        }
    }

    /** The HTTP/1.1 upgrade through OkHttp. */
    private void startHttp11(Request httpRequest, String key) {
        Call c;
        try {
            c = client.nextHttp().newCall(httpRequest);
        } catch (java.util.concurrent.CompletionException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            failHandshake(FailureCause.UNSUPPORTED_URL, request.url() + ": the transport cannot make this request: " + why.getMessage());
            return;
        }
        call = c;
        if (pendingFailure.get() != null) {
            c.cancel(); // failed while an HTTP/2 attempt ran: the callback reports it
        }
        c.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                failHandshake(classify(e), describe(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                upgraded(response, key);
            }
        });
    }

    /** RFC 8441 on a wss: connection; falls back to {@link #startHttp11} when the server does not do it. */
    private void dialHttp2(Request httpRequest, String key) {
        Http2Dialer.Opened opened;
        try {
            opened = Http2Dialer.dial(client, request, httpRequest, name,
                    client.settings().handshakeTimeout().toMillis(), this::transportOpened, listener::onHandshakeResponse);
        } catch (Http2Dialer.Fallback notHttp2) {
            cancelTransport = null;
            startHttp11(httpRequest, key);
            return;
        } catch (HandshakeValidator.BadHandshake e) {
            failHandshake(FailureCause.BAD_HANDSHAKE, request.url() + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            failHandshake(classify(e), describe(e));
            return;
        } catch (RuntimeException e) {
            failHandshake(FailureCause.BAD_HANDSHAKE, request.url() + ": " + e);
            return;
        }
        Http2Stream stream = opened.stream();
        open(opened.accepted(), Okio.buffer(stream.source()), null, stream.sink(), stream::cancel, stream::cancel);
    }

    /** The HTTP/2 attempt opened something that abort() must be able to close, even if it already ran. */
    private void transportOpened(Runnable cancel) {
        cancelTransport = cancel;
        if (pendingFailure.get() != null) {
            cancel.run();
        }
    }

    /** The opening handshake request (RFC 6455 section 4.1; Fetch "establish a WebSocket connection"). */
    private Request buildRequest(String key) {
        URI url = request.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String host = request.host();
        HttpUrl httpUrl = HttpUrl.get((request.secure() ? "https://" : "http://") + host + ":"
                + request.effectivePort() + path + query);
        Request.Builder b = new Request.Builder().url(httpUrl).tag(ConnectionSocket.class, connectionSocket);
        for (Map.Entry<String, String> h : request.extraHeaders().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        String userInfo = request.rawUserInfo();
        if (userInfo != null && !request.extraHeaders().keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            b.header("Authorization", Credentials.basic(user, password, StandardCharsets.UTF_8));
        }
        if (request.origin() != null) {
            b.header("Origin", request.origin());
        }
        if (request.userAgent() != null) {
            b.header("User-Agent", request.userAgent());
        }
        // The request's cache mode is "no-store" (Fetch), which adds these two headers.
        b.header("Cache-Control", "no-cache");
        b.header("Pragma", "no-cache");
        b.header("Upgrade", "websocket");
        b.header("Connection", "Upgrade");
        b.header("Sec-WebSocket-Key", key);
        b.header("Sec-WebSocket-Version", "13");
        if (!request.protocols().isEmpty()) {
            b.header("Sec-WebSocket-Protocol", String.join(", ", request.protocols()));
        } else {
            b.removeHeader("Sec-WebSocket-Protocol");
        }
        if (client.settings().offerPermessageDeflate()) {
            b.header("Sec-WebSocket-Extensions", PerMessageDeflate.CLIENT_OFFER);
        } else {
            b.removeHeader("Sec-WebSocket-Extensions");
        }
        return b.build();
    }

    private static String decode(String percentEncoded) {
        return URLDecoder.decode(percentEncoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void upgraded(Response response, String key) {
        listener.onHandshakeResponse(response.code(), response.headers().toMultimap());
        HandshakeValidator.Accepted accepted;
        okio.Socket socket;
        try {
            accepted = HandshakeValidator.validate(response, key, request.protocols(), client.settings().offerPermessageDeflate());
            socket = response.socket();
            if (socket == null) {
                throw new HandshakeValidator.BadHandshake("the 101 response did not hand over the connection "
                        + "(OkHttp needs exactly 'Connection: upgrade')");
            }
        } catch (HandshakeValidator.BadHandshake e) {
            release(response);
            failHandshake(FailureCause.BAD_HANDSHAKE, request.url() + ": " + e.getMessage());
            return;
        }
        java.net.Socket connectionSocket = this.connectionSocket.socket;
        IdleReadSource idle = null;
        try {
            if (connectionSocket != null) {
                idle = new IdleReadSource(socket.getSource(), connectionSocket.getInputStream());
            }
        } catch (IOException closedAlready) {
            // the reader meets the closed socket on its first read
        }
        BufferedSource source = Okio.buffer(idle != null ? idle : socket.getSource());
        open(accepted, source, idle, socket.getSink(), socket::cancel, () -> release(response));
    }

    /**
     * The handshake succeeded: an endpoint takes over, unless the connection failed meanwhile.
     *
     * @param idle the source's idle-read wrapper when it reads a socket directly, else null
     */
    private void open(HandshakeValidator.Accepted accepted, BufferedSource source, IdleReadSource idle, okio.Sink sink,
            Runnable cancel, Runnable release) {
        WebSocketEndpoint e = new WebSocketEndpoint(name, Role.CLIENT, source, idle, sink, cancel,
                accepted.deflate(), client.settings(), listener, client.timers(), client.random());
        endpoint = e;
        if (pendingFailure.get() != null || !state.compareAndSet(CONNECTING, OPEN)) {
            release.run();
            failHandshake(FailureCause.ABORTED, "failed while the handshake finished");
            return;
        }
        cancelHandshakeTimer();
        listener.onOpen(accepted.protocol(), accepted.extensions());
        client.opened(this, e);
        e.start();
        // A fail() that raced with the transition above: the endpoint ends it now.
        FailureCause late = pendingFailure.get();
        if (late != null) {
            e.abort(late, "failed while the handshake finished");
        }
    }

    /** Gives the connection of a response back: an upgraded socket is closed with its source and sink. */
    private static void release(Response response) {
        okio.Socket socket = response.socket();
        if (socket != null) {
            socket.cancel();
            closeQuietly(socket.getSource());
            closeQuietly(socket.getSink());
        }
        response.close();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // the socket is gone already
        }
    }

    private void handshakeTimedOut() {
        if (state.get() == CONNECTING) {
            abort(FailureCause.HANDSHAKE_TIMEOUT, "handshake not done within " + client.settings().handshakeTimeout());
        }
    }

    private void failHandshake(FailureCause cause, String detail) {
        if (!state.compareAndSet(CONNECTING, FAILED)) {
            return;
        }
        cancelHandshakeTimer();
        FailureCause pending = pendingFailure.get();
        listener.onFailureThenClosed(pending != null ? pending : cause, detail);
        client.ended(this);
    }

    private void cancelHandshakeTimer() {
        ScheduledFuture<?> t = handshakeTimer;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Maps what OkHttp threw to the step that failed, looking through wrapped causes. */
    private FailureCause classify(IOException e) {
        FailureCause pending = pendingFailure.get();
        if (pending != null) {
            return pending;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return FailureCause.DNS;
            if (t instanceof SSLException) return FailureCause.TLS;
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof PortUnreachableException) return FailureCause.CONNECT;
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
                return FailureCause.CONNECT;
            }
        }
        if (e instanceof InterruptedIOException) {
            return FailureCause.HANDSHAKE_TIMEOUT; // OkHttp's own call or read timeout
        }
        return FailureCause.BAD_HANDSHAKE; // connected, but no valid HTTP answer
    }

    private String describe(IOException e) {
        return request.url() + ": " + e;
    }
}

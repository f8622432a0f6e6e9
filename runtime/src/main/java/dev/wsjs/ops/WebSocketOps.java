package dev.wsjs.ops;

import dev.wsjs.WebSocketDiagnostics;
import dev.wsjs.blob.BlobData;
import dev.wsjs.internal.RuntimeServices;
import dev.wsjs.loop.EventLoop;
import dev.wsjs.loop.TaskSource;
import dev.wsjs.websocket.ConnectionListener;
import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.HandshakeRequest;
import dev.wsjs.websocket.TrafficStats;
import dev.wsjs.websocket.WebSocketConnection;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The WebSocket binding's Java side: starts transport connections and turns what the transport
 * reports (on network threads) into tasks on the WebSocket task source that call the JS layer's
 * single event entry point. Invoked only by the loop thread, except the listener methods.
 */
public final class WebSocketOps {

    // Event kinds understood by 10_websocket.js (keep in sync with it).
    static final int EVENT_OPEN = 1;
    static final int EVENT_TEXT = 2;
    static final int EVENT_BINARY = 3;
    /** The peer's close frame arrived; argument: the payload bytes the writer had taken then. */
    static final int EVENT_CLOSING = 4;
    static final int EVENT_CLOSED = 5;
    /** A {@link #notifyWhenSent} target was reached (WebSocketStream writes). */
    static final int EVENT_SENT = 6;

    private final RuntimeServices services;
    /** Live connections by id. Loop thread only. */
    private final Map<Integer, Connection> connections = new HashMap<>();
    private int lastId;
    /** Connections handed to the transport whose close event has not run yet. Loop thread only. */
    private int openCount;
    private Value eventCallback;
    /** Connections whose onClosed has not happened yet (any thread). */
    private final java.util.concurrent.atomic.AtomicInteger unfinished = new java.util.concurrent.atomic.AtomicInteger();

    WebSocketOps(RuntimeServices services) {
        this.services = services;
    }

    /** Registers the JS function {@code (kind, id, a, b, c, d)} that receives transport events. */
    @HostAccess.Export
    public void setEventCallback(Value callback) {
        this.eventCallback = callback;
    }

    /**
     * Starts establishing a connection (in parallel); returns its id.
     *
     * @param protocols the requested subprotocols joined with ", " (empty for none)
     * @param origin the serialized origin for the {@code Origin} header, or null to send none
     * @param headers non-standard extra handshake headers (a JS object of strings), or null
     */
    @HostAccess.Export
    public int connect(String url, String protocols, String origin, Value headers) {
        int id = ++lastId;
        Connection c = new Connection(id, url);
        connections.put(id, c);
        // An open or connecting WebSocket keeps the event loop alive until its close event ran.
        services.loop().ref();
        unfinished.incrementAndGet();
        // The constructor must not throw past the standard's own steps: whatever stops the
        // connection here fails it instead (error, then close 1006), and only the diagnostics say why.
        int max = services.maxOpenWebSockets();
        if (openCount >= max) {
            c.refuse(FailureCause.TOO_MANY_CONNECTIONS, url + ": this runtime already has " + openCount
                    + " WebSockets that are not closed, its limit (WsjsRuntime.Builder.maxOpenWebSockets); nothing was sent");
            return id;
        }
        List<String> protocolList = protocols.isEmpty() ? List.of() : Arrays.asList(protocols.split(", "));
        try {
            HandshakeRequest request = new HandshakeRequest(TransportUri.of(url), protocolList, origin,
                    services.options().userAgent(), extraHeaders(headers));
            c.transport = services.webSocketClient().connect(request, c);
        } catch (IllegalArgumentException e) {
            c.refuse(FailureCause.UNSUPPORTED_URL, url + ": the transport cannot make this request: " + e.getMessage());
            return id;
        }
        c.counted = true;
        openCount++;
        return id;
    }

    private static Map<String, String> extraHeaders(Value headers) {
        if (headers == null || headers.isNull()) return Map.of();
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : headers.getMemberKeys()) map.put(key, headers.getMember(key).asString());
        return map;
    }

    /**
     * Sends a text message (a USVString: no lone surrogates) and returns its length in UTF-8 bytes, what
     * bufferedAmount counts: counting here costs a fraction of a loop over the string in JavaScript.
     */
    @HostAccess.Export
    public double sendText(int id, String text) {
        long length = utf8Length(text);
        Connection c = connections.get(id);
        if (c == null || c.transport == null) return length;
        c.queued(length);
        c.transport.sendText(text);
        return length;
    }

    /** UTF-8 bytes of a string without lone surrogates: 1, 2 or 3 per unit, 4 per surrogate pair. */
    static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
        }
        return bytes;
    }

    /** Sends {@code length} bytes of an ArrayBuffer from {@code offset}: one bulk copy out of JS. */
    @HostAccess.Export
    public void sendBinary(int id, Value arrayBuffer, int offset, int length) {
        Connection c = connections.get(id);
        if (c == null || c.transport == null) return;
        byte[] bytes = new byte[length];
        if (length > 0) arrayBuffer.readBuffer(offset, bytes, 0, length);
        c.queued(length);
        c.transport.sendBinary(ByteBuffer.wrap(bytes));
    }

    /** Sends a Blob's bytes, read on the Java side without passing through JS. */
    @HostAccess.Export
    public void sendBlob(int id, BlobData data) {
        Connection c = connections.get(id);
        if (c == null || c.transport == null) return;
        c.queued(data.size());
        c.transport.sendBinary(data.asReadOnlyBuffer());
    }

    @HostAccess.Export
    public void close(int id, int code, String reason) {
        Connection c = connections.get(id);
        if (c != null && c.transport != null) c.transport.close(code, reason);
    }

    @HostAccess.Export
    public void fail(int id) {
        Connection c = connections.get(id);
        if (c != null && c.transport != null) c.transport.fail();
    }

    /**
     * "Make disappear" without JavaScript, for when the context can no longer run the JS layer's
     * version (a cancelled context): connections whose open event ran start the closing handshake
     * with 1001, the others fail. Harmless after the JS layer's version, whose calls come first.
     */
    public void disappear() {
        for (Connection c : connections.values()) {
            if (c.transport == null) continue;
            if (c.openDispatched) {
                c.transport.close(1001, null);
            } else {
                c.transport.fail();
            }
        }
    }

    /**
     * Payload bytes handed to the socket so far, not counting any queued during the current task:
     * bufferedAmount includes everything sent in the running task (bufferedAmount = queued − this).
     */
    @HostAccess.Export
    public double bytesSent(int id) {
        Connection c = connections.get(id);
        if (c == null) return 0;
        long sent = c.bytesSent.get();
        long visible = c.lastSendTask == services.loop().taskSerial() ? c.queuedBeforeTask : c.queuedTotal;
        return Math.min(sent, visible);
    }

    /** The loop's task serial: bufferedAmount is sampled once per task. */
    @HostAccess.Export
    public double currentTask() {
        return services.loop().taskSerial();
    }

    /**
     * From now on the script reports consumed messages itself with {@link #delivered}: a WebSocketStream
     * reports a message when its reader takes it, so a reader that stops reading stops the socket
     * reads once the receive high-water mark is reached. Call in the task that connected.
     */
    @HostAccess.Export
    public void deliverByScript(int id) {
        Connection c = connections.get(id);
        if (c != null) c.deliveredByScript = true;
    }

    /** Messages holding {@code amount} bytes (as counted by {@code WebSocketConnection.delivered}) were consumed. */
    @HostAccess.Export
    public void delivered(int id, double amount) {
        Connection c = connections.get(id);
        if (c != null && c.transport != null) c.transport.delivered((long) amount);
    }

    /**
     * Whether {@code total} payload bytes have been handed to the socket; if not, an
     * {@code EVENT_SENT} event is posted once they have. One target at a time per connection.
     */
    @HostAccess.Export
    public boolean notifyWhenSent(int id, double total) {
        Connection c = connections.get(id);
        if (c == null || c.transport == null) return true;
        long target = (long) total;
        if (c.bytesSent.get() >= target) return true;
        c.sentTarget.set(target);
        // The writer may have sent the rest between the check and the set: whoever clears the target reports it.
        return c.bytesSent.get() >= target && c.sentTarget.compareAndSet(target, Long.MAX_VALUE);
    }

    /** Forgets a connection after its close event (its id is never reused). */
    @HostAccess.Export
    public void release(int id) {
        Connection c = connections.remove(id);
        if (c != null && c.counted) openCount--;
    }

    /** Whether every connection has finished (closed or failed). Any thread. */
    public boolean idle() {
        return unfinished.get() == 0;
    }

    /** Wraps received binary data as Blob bytes without copying. */
    @HostAccess.Export
    public BlobData blobData(ByteBuffer data) {
        return BlobData.of(data);
    }

    /**
     * One connection's listener: runs on the transport's network thread and only posts tasks.
     * Fields written by the network thread are read by tasks it posted after writing them.
     */
    private final class Connection implements ConnectionListener {
        final int id;
        final String url;
        final AtomicLong bytesSent = new AtomicLong();
        /** Sent-bytes count at which to post EVENT_SENT (MAX_VALUE: none). Set by the loop, cleared by whoever reports it. */
        final AtomicLong sentTarget = new AtomicLong(Long.MAX_VALUE);
        /** Set once by connect() on the loop thread before any event can be posted for it; null if refused. */
        volatile WebSocketConnection transport;
        /** Loop thread only: whether it counts against the open-WebSocket limit, and whether its open event ran. */
        boolean counted;
        boolean openDispatched;
        /** Loop thread only: the script reports consumed messages itself (see deliverByScript). */
        boolean deliveredByScript;
        // Loop thread only: payload bytes handed to the transport, and the total before the current task.
        long queuedTotal;
        long queuedBeforeTask;
        long lastSendTask = -1;

        /** Network thread only: whether "fail the WebSocket connection" happened. */
        private boolean failed;
        /** Network thread only: what the connection carried, reported just before onClosed (NONE if it never opened). */
        private TrafficStats traffic = TrafficStats.NONE;

        Connection(int id, String url) {
            this.id = id;
            this.url = url;
        }

        void queued(long bytes) {
            long task = services.loop().taskSerial();
            if (task != lastSendTask) {
                lastSendTask = task;
                queuedBeforeTask = queuedTotal;
            }
            queuedTotal += bytes;
        }

        private WebSocketDiagnostics diagnostics() {
            return services.webSocketDiagnostics();
        }

        /** Fails a connection the transport never saw, as a failed handshake would: error, then close 1006. */
        void refuse(FailureCause cause, String detail) {
            onFailure(cause, detail);
            onClosed(false, 1006, "");
        }

        @Override
        public void onHandshakeResponse(int status, Map<String, List<String>> headers) {
            diagnostics().onHandshakeResponse(url, status, headers);
        }

        @Override
        public void onTraffic(TrafficStats traffic) {
            this.traffic = traffic;
        }

        @Override
        public void onOpen(String protocol, String extensions) {
            diagnostics().onOpen(url, protocol, extensions);
            post(() -> {
                openDispatched = true;
                eventCallback.executeVoid(EVENT_OPEN, id, protocol, extensions);
            });
        }

        @Override
        public void onText(String text) {
            post(() -> {
                eventCallback.executeVoid(EVENT_TEXT, id, text);
                if (!deliveredByScript) transport.delivered(text.length());
            });
        }

        @Override
        public void onBinary(ByteBuffer data) {
            int size = data.remaining();
            post(() -> {
                eventCallback.executeVoid(EVENT_BINARY, id, data);
                if (!deliveredByScript) transport.delivered(size);
            });
        }

        @Override
        public void onCloseFrame(int code, String reason) {
            // Which messages were on their way before the peer's close frame: read here, on the reader
            // thread, as the frame arrives. An EVENT_SENT posted by the writer may still come after
            // this event for a message the peer had already answered with its close.
            long taken = transport.takenBytes();
            post(() -> eventCallback.executeVoid(EVENT_CLOSING, id, (double) taken));
        }

        @Override
        public void onFailure(FailureCause cause, String detail) {
            failed = true;
            diagnostics().onFailure(url, cause, detail);
        }

        @Override
        public void onClosed(boolean wasClean, int code, String reason) {
            unfinished.decrementAndGet();
            boolean fireError = failed;
            diagnostics().onClosed(url, wasClean, code, reason, traffic);
            EventLoop loop = services.loop();
            post(() -> {
                try {
                    eventCallback.executeVoid(EVENT_CLOSED, id, wasClean, code, reason, fireError);
                } finally {
                    loop.unref();
                }
            });
        }

        @Override
        public void onBytesSent(long payloadBytes) {
            long sent = bytesSent.addAndGet(payloadBytes);
            long target = sentTarget.get();
            if (sent >= target && sentTarget.compareAndSet(target, Long.MAX_VALUE)) {
                post(() -> eventCallback.executeVoid(EVENT_SENT, id));
            }
        }

        private void post(Runnable task) {
            services.loop().post(TaskSource.WEBSOCKET, task);
        }
    }
}

package dev.wsjs.websocket.http2;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;

/**
 * The client side of one HTTP/2 connection (RFC 9113) on an already connected socket: the
 * preface and SETTINGS exchange, a reader thread that dispatches frames to the streams, PING
 * answers, connection-level flow control, GOAWAY and RST_STREAM handling. It carries the extended
 * CONNECT streams of RFC 8441; it is not a general HTTP client.
 *
 * <h2>Threads</h2>
 * The reader (a virtual thread) owns {@link #reader} and the HPACK decoder. Any thread may open
 * streams and write frames (the frame writer serialises them). Send windows are guarded by this
 * object's monitor; waiting senders are woken by WINDOW_UPDATE, SETTINGS and failure.
 */
public final class Http2Connection {

    static final int SETTINGS_HEADER_TABLE_SIZE = 0x1;
    static final int SETTINGS_ENABLE_PUSH = 0x2;
    static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
    static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
    static final int SETTINGS_MAX_FRAME_SIZE = 0x5;
    static final int SETTINGS_MAX_HEADER_LIST_SIZE = 0x6;
    /** RFC 8441 section 3. */
    static final int SETTINGS_ENABLE_CONNECT_PROTOCOL = 0x8;

    /** Section 6.9.2: every window starts at 65,535 until SETTINGS say otherwise. */
    static final int DEFAULT_WINDOW = 65_535;
    static final int MAX_WINDOW = Integer.MAX_VALUE;
    private static final int OUR_MAX_FRAME_SIZE = 16_384;
    private static final int OUR_HEADER_TABLE_SIZE = 4_096;
    private static final int OUR_MAX_HEADER_LIST_SIZE = 64 * 1024;

    private final String name;
    private final Socket socket;
    private final Http2FrameReader reader;
    private final Http2FrameWriter writer;
    private final Map<Integer, Http2Stream> streams = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The receive window we give each stream, and the connection's. */
    private final int receiveWindow;

    // Guarded by this.
    private long connectionSendWindow = DEFAULT_WINDOW;
    private int peerInitialWindow = DEFAULT_WINDOW;
    private int nextStreamId = 1;
    private IOException failure;
    /** Connection-level bytes consumed and not yet given back with WINDOW_UPDATE. */
    private long connectionUnacknowledged;

    /** What the server may still send on the connection before our next WINDOW_UPDATE. */
    private long connectionReceiveWindow;

    // Written by the reader thread.
    private volatile boolean connectProtocolEnabled;
    private volatile long peerMaxConcurrentStreams = Long.MAX_VALUE;

    private Http2Connection(String name, Socket socket, int receiveWindow) throws IOException {
        this.name = name;
        this.socket = socket;
        this.receiveWindow = receiveWindow;
        this.connectionReceiveWindow = receiveWindow;
        BufferedSource in = Okio.buffer(Okio.source(socket));
        this.writer = new Http2FrameWriter(Okio.buffer(Okio.sink(socket)));
        this.reader = new Http2FrameReader(in, new HpackDecoder(OUR_HEADER_TABLE_SIZE, OUR_MAX_HEADER_LIST_SIZE),
                OUR_MAX_FRAME_SIZE, OUR_MAX_HEADER_LIST_SIZE);
    }

    /**
     * Sends the connection preface (RFC 9113 section 3.4) with our SETTINGS on {@code socket}, reads
     * the server's preface (its first frame must be SETTINGS), then starts the reader thread.
     *
     * @param receiveWindow bytes each stream (and the whole connection) may have in flight to us
     * @param prefaceTimeoutMillis bound on waiting for the server's SETTINGS (0 = none)
     */
    public static Http2Connection start(String name, Socket socket, int receiveWindow, int prefaceTimeoutMillis)
            throws IOException {
        Http2Connection c = new Http2Connection(name, socket, receiveWindow);
        try {
            c.handshake(prefaceTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        Thread.ofVirtual().name(name + "-h2-reader").start(c::readLoop);
        return c;
    }

    private void handshake(int prefaceTimeoutMillis) throws IOException {
        // 1. Our preface: the magic octets, then SETTINGS (section 3.4): no server push, our stream window.
        writer.preface();
        writer.settings(
                new int[] {SETTINGS_ENABLE_PUSH, SETTINGS_INITIAL_WINDOW_SIZE, SETTINGS_MAX_HEADER_LIST_SIZE},
                new long[] {0, receiveWindow, OUR_MAX_HEADER_LIST_SIZE});
        // 2. Widen the connection window from its fixed 65,535 start to the same size (section 6.9.2).
        if (receiveWindow > DEFAULT_WINDOW) {
            writer.windowUpdate(0, receiveWindow - DEFAULT_WINDOW);
        }
        writer.flush();
        // 3. The server's preface is a SETTINGS frame, which must come first.
        int oldTimeout = socket.getSoTimeout();
        socket.setSoTimeout(prefaceTimeoutMillis);
        FirstFrame first = new FirstFrame();
        try {
            reader.readFrame(first);
        } catch (SocketTimeoutException e) {
            throw new IOException("no HTTP/2 SETTINGS from the server within " + prefaceTimeoutMillis + " ms", e);
        } finally {
            socket.setSoTimeout(oldTimeout);
        }
        if (!first.sawSettings) {
            throw new Http2Exception(Http2Exception.PROTOCOL_ERROR, "the server's first frame is not SETTINGS");
        }
    }

    /** Whether the server's SETTINGS enabled extended CONNECT (RFC 8441 section 3). */
    public boolean connectProtocolEnabled() {
        return connectProtocolEnabled;
    }

    /**
     * Opens a stream with a HEADERS frame (no END_STREAM: a CONNECT stream stays open both ways).
     *
     * @throws IOException if the connection failed or the server refuses more streams
     */
    public Http2Stream openStream(List<HeaderField> headers) throws IOException {
        Http2Stream stream;
        synchronized (this) {
            if (failure != null) throw failure;
            if (streams.size() >= peerMaxConcurrentStreams) {
                throw new IOException("the server allows no more concurrent streams");
            }
            stream = new Http2Stream(this, nextStreamId, peerInitialWindow, receiveWindow);
            nextStreamId += 2;
            streams.put(stream.id(), stream);
            // Stream ids must reach the wire in increasing order (section 5.1.1): write under the same lock.
            writer.headers(stream.id(), HpackEncoder.encode(headers), false);
        }
        writer.flush();
        return stream;
    }

    /** Ends the connection at once: GOAWAY if the writer is free, then the socket. Idempotent, never blocks. */
    public void close() {
        closeWith(Http2Exception.NO_ERROR, new IOException("HTTP/2 connection closed"));
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ for streams

    Http2FrameWriter writer() {
        return writer;
    }

    /**
     * Takes up to {@code wanted} bytes of send window from both the connection and the stream
     * (section 6.9.1); while either is empty, waits if {@code block}, else returns 0.
     */
    synchronized int acquireSendWindow(Http2Stream stream, int wanted, boolean block) throws IOException {
        while (true) {
            if (failure != null) throw failure;
            IOException streamFailure = stream.failure();
            if (streamFailure != null) throw streamFailure;
            long available = Math.min(connectionSendWindow, stream.sendWindow);
            if (available > 0) {
                int n = (int) Math.min(Math.min(available, wanted), writer.peerMaxFrameSize());
                connectionSendWindow -= n;
                stream.sendWindow -= n;
                return n;
            }
            if (!block) {
                return 0;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for the HTTP/2 send window");
            }
        }
    }

    /** A stream's reader consumed {@code bytes}: give the connection-level window back in batches. */
    void consumed(long bytes) throws IOException {
        int increment = 0;
        synchronized (this) {
            connectionUnacknowledged += bytes;
            if (connectionUnacknowledged >= receiveWindow / 2) {
                increment = (int) connectionUnacknowledged;
                connectionUnacknowledged = 0;
                connectionReceiveWindow += increment;
            }
        }
        if (increment > 0) {
            int n = increment;
            writeSoon(() -> {
                writer.windowUpdate(0, n);
                writer.flush();
            });
        }
    }

    /**
     * Writes now if the frame writer is free, else on a virtual thread of its own. The connection's
     * reader uses it for what it must answer (SETTINGS and PING acknowledgements, window updates,
     * resets): if it waited for a writer blocked on a full socket, it would stop reading, and a peer
     * that does the same would never drain that socket.
     */
    void writeSoon(Http2FrameWriter.Action action) {
        try {
            if (writer.tryWrite(action)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            closeWith(Http2Exception.NO_ERROR, e instanceof IOException io ? io : new IOException(e));
            return;
        }
        Thread.ofVirtual().name(name + "-h2-answer").start(() -> {
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                closeWith(Http2Exception.NO_ERROR, e instanceof IOException io ? io : new IOException(e));
            }
        });
    }

    void streamEnded(Http2Stream stream) {
        streams.remove(stream.id());
    }

    synchronized void wakeSenders() {
        notifyAll();
    }

    // ------------------------------------------------------------------ reader thread

    private void readLoop() {
        FrameHandler handler = new FrameHandler();
        try {
            while (!closed.get()) {
                reader.readFrame(handler);
            }
        } catch (Http2Exception e) {
            closeWith(e.errorCode(), e);
        } catch (IOException | RuntimeException e) {
            closeWith(Http2Exception.NO_ERROR, e instanceof IOException io ? io
                    : new IOException("HTTP/2 reader failed: " + e, e));
        }
    }

    /** Ends the connection: every stream fails with {@code cause}; GOAWAY if an error is to be told. */
    private void closeWith(int errorCode, IOException cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (failure == null) failure = cause;
            notifyAll();
        }
        for (Http2Stream s : streams.values()) {
            s.fail(cause);
        }
        try {
            // Section 6.8: tell the peer why; skipped if a writer is blocked on the socket.
            writer.tryWrite(() -> {
                writer.goAway(0, errorCode, errorCode == Http2Exception.NO_ERROR ? "" : String.valueOf(cause.getMessage()));
                writer.flush();
            });
        } catch (IOException | RuntimeException ignored) {
            // the socket is gone already
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Only the server's preface: its SETTINGS. Anything else first is a protocol error. */
    private final class FirstFrame extends FrameHandler {
        boolean sawSettings;

        @Override
        public void settings(boolean ack, int[] ids, long[] values) throws IOException {
            if (ack) throw new Http2Exception(Http2Exception.PROTOCOL_ERROR, "SETTINGS ACK before the server's SETTINGS");
            super.settings(false, ids, values);
            sawSettings = true;
        }

        @Override
        public void data(int streamId, boolean endStream, BufferedSource source, int dataLength, int flowControlled)
                throws IOException {
            throw notSettings();
        }

        @Override
        public void headers(int streamId, boolean endStream, List<HeaderField> fields) throws IOException {
            throw notSettings();
        }

        @Override
        public void ping(boolean ack, long payload) throws IOException {
            throw notSettings();
        }

        @Override
        public void goAway(int lastStreamId, int errorCode, String debugData) throws IOException {
            throw new IOException("the server sent GOAWAY (" + Http2Exception.name(errorCode) + ") instead of SETTINGS"
                    + (debugData.isEmpty() ? "" : ": " + debugData));
        }

        @Override
        public void windowUpdate(int streamId, int increment) throws IOException {
            throw notSettings();
        }

        private Http2Exception notSettings() {
            return new Http2Exception(Http2Exception.PROTOCOL_ERROR, "the server's first frame is not SETTINGS");
        }
    }

    private class FrameHandler implements Http2FrameReader.Handler {

        @Override
        public void data(int streamId, boolean endStream, BufferedSource source, int dataLength, int flowControlled)
                throws IOException {
            // Section 6.9.1: the whole payload counts against both windows; more than granted is an error.
            synchronized (Http2Connection.this) {
                connectionReceiveWindow -= flowControlled;
                if (connectionReceiveWindow < 0) {
                    throw new Http2Exception(Http2Exception.FLOW_CONTROL_ERROR, "the server overran the connection window");
                }
            }
            Http2Stream stream = streams.get(streamId);
            if (stream == null) {
                // A stream we reset or finished: drop the bytes, but give their window back.
                checkIdle(streamId);
                source.skip(dataLength);
                consumed(flowControlled);
                return;
            }
            Buffer chunk = new Buffer();
            source.readFully(chunk, dataLength);
            // Padding is consumed the moment it arrives; data when the stream's reader takes it.
            int padding = flowControlled - dataLength;
            if (padding > 0) consumed(padding);
            stream.received(chunk, flowControlled, endStream);
        }

        @Override
        public void headers(int streamId, boolean endStream, List<HeaderField> fields) throws IOException {
            Http2Stream stream = streams.get(streamId);
            if (stream == null) {
                checkIdle(streamId);
                return; // e.g. trailers of a stream we already reset
            }
            stream.receivedHeaders(fields, endStream);
        }

        @Override
        public void rstStream(int streamId, int errorCode) throws IOException {
            checkIdle(streamId);
            Http2Stream stream = streams.get(streamId);
            if (stream != null) {
                stream.reset(errorCode);
            }
        }

        @Override
        public void settings(boolean ack, int[] ids, long[] values) throws IOException {
            if (ack) {
                return; // our SETTINGS are in force; nothing waits on it
            }
            for (int i = 0; i < ids.length; i++) {
                long value = values[i];
                switch (ids[i]) {
                    case SETTINGS_ENABLE_PUSH -> {
                        // Section 6.5.2: only 0 or 1, and a server must not send 1... any other value is an error.
                        if (value > 1) throw protocol("SETTINGS_ENABLE_PUSH " + value);
                    }
                    case SETTINGS_MAX_CONCURRENT_STREAMS -> peerMaxConcurrentStreams = value;
                    case SETTINGS_INITIAL_WINDOW_SIZE -> {
                        // Section 6.9.2: above 2^31-1 is a FLOW_CONTROL_ERROR; a change adjusts every stream.
                        if (value > MAX_WINDOW) {
                            throw new Http2Exception(Http2Exception.FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE " + value);
                        }
                        changeInitialWindow((int) value);
                    }
                    case SETTINGS_MAX_FRAME_SIZE -> {
                        // Section 6.5.2: 2^14 .. 2^24-1.
                        if (value < 16_384 || value > 16_777_215) throw protocol("SETTINGS_MAX_FRAME_SIZE " + value);
                        writer.peerMaxFrameSize((int) value);
                    }
                    case SETTINGS_ENABLE_CONNECT_PROTOCOL -> {
                        // RFC 8441 section 3: 0 or 1, and never back to 0 once 1.
                        if (value > 1) throw protocol("SETTINGS_ENABLE_CONNECT_PROTOCOL " + value);
                        if (value == 0 && connectProtocolEnabled) {
                            throw protocol("SETTINGS_ENABLE_CONNECT_PROTOCOL went from 1 to 0");
                        }
                        connectProtocolEnabled = value == 1;
                    }
                    default -> {
                        // HEADER_TABLE_SIZE only bounds a dynamic table our encoder never uses;
                        // MAX_HEADER_LIST_SIZE is advisory; unknown settings are ignored (section 6.5.2).
                    }
                }
            }
            writeSoon(() -> {
                writer.settingsAck();
                writer.flush();
            });
        }

        @Override
        public void ping(boolean ack, long payload) throws IOException {
            // Section 6.7: answer with the same payload and ACK, unless this is the answer to ours.
            if (!ack) {
                writeSoon(() -> {
                    writer.ping(true, payload);
                    writer.flush();
                });
            }
        }

        @Override
        public void goAway(int lastStreamId, int errorCode, String debugData) throws IOException {
            // Section 6.8: streams above lastStreamId were not processed and fail now; the others may finish.
            IOException cause = new IOException("the server sent GOAWAY (" + Http2Exception.name(errorCode) + ")"
                    + (debugData.isEmpty() ? "" : ": " + debugData));
            for (Http2Stream s : streams.values()) {
                if (s.id() > lastStreamId) {
                    s.fail(cause);
                }
            }
            synchronized (Http2Connection.this) {
                if (failure == null) failure = cause; // no new streams on this connection
            }
        }

        @Override
        public void windowUpdate(int streamId, int increment) throws IOException {
            synchronized (Http2Connection.this) {
                if (streamId == 0) {
                    // Section 6.9: a zero increment or a window above 2^31-1 is a connection error.
                    if (increment == 0) throw protocol("WINDOW_UPDATE of 0 on the connection");
                    connectionSendWindow += increment;
                    if (connectionSendWindow > MAX_WINDOW) {
                        throw new Http2Exception(Http2Exception.FLOW_CONTROL_ERROR, "connection send window over 2^31-1");
                    }
                } else {
                    Http2Stream stream = streams.get(streamId);
                    if (stream == null) {
                        checkIdle(streamId);
                        return;
                    }
                    if (increment == 0 || stream.sendWindow + increment > MAX_WINDOW) {
                        // A stream error: reset that stream only (sections 6.9 and 6.9.1).
                        int code = increment == 0 ? Http2Exception.PROTOCOL_ERROR : Http2Exception.FLOW_CONTROL_ERROR;
                        stream.resetLocally(code, new Http2Exception(code, "bad WINDOW_UPDATE on stream " + streamId));
                        return;
                    }
                    stream.sendWindow += increment;
                }
                Http2Connection.this.notifyAll();
            }
        }

        /** Section 5.1: a frame on a stream we never opened (idle) is a PROTOCOL_ERROR. */
        void checkIdle(int streamId) throws Http2Exception {
            boolean ours = (streamId & 1) == 1;
            synchronized (Http2Connection.this) {
                if (!ours || streamId >= nextStreamId) {
                    throw protocol("frame on idle stream " + streamId);
                }
            }
        }
    }

    private synchronized void changeInitialWindow(int value) {
        int delta = value - peerInitialWindow;
        peerInitialWindow = value;
        for (Http2Stream s : streams.values()) {
            s.sendWindow += delta; // may go negative (section 6.9.2); senders wait until it is positive
        }
        notifyAll();
    }

    private static Http2Exception protocol(String message) {
        return new Http2Exception(Http2Exception.PROTOCOL_ERROR, message);
    }
}

package dev.wsjs.websocket.http2;

import dev.wsjs.websocket.EndOfStreamSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * One client-initiated HTTP/2 stream seen as a byte pipe both ways: {@link #source()} yields the
 * DATA the server sent (and gives the window back as it is read), {@link #sink()} sends DATA
 * within the server's windows and ends the stream on close.
 *
 * <h2>Threads</h2>
 * The connection's reader thread delivers frames ({@link #received}, {@link #receivedHeaders},
 * {@link #reset}); one thread reads the source, one writes the sink. {@link #sendWindow} is
 * guarded by the connection's monitor, everything else by this object's.
 */
public final class Http2Stream {

    private final Http2Connection connection;
    private final int id;
    private final int receiveWindow;
    /** Guarded by the connection's monitor. */
    long sendWindow;

    // Guarded by this.
    private final Buffer incoming = new Buffer();
    private List<HeaderField> responseHeaders;
    private boolean remoteEnded;
    private boolean localEnded;
    private IOException failure;
    /** Bytes the server may still send before our next stream WINDOW_UPDATE. */
    private long receiveRemaining;
    private long unacknowledged;

    private final Source source = new StreamSource();
    private final EndOfStreamSink sink = new StreamSink();

    Http2Stream(Http2Connection connection, int id, int sendWindow, int receiveWindow) {
        this.connection = connection;
        this.id = id;
        this.sendWindow = sendWindow;
        this.receiveWindow = receiveWindow;
        this.receiveRemaining = receiveWindow;
    }

    public int id() {
        return id;
    }

    /** The DATA the server sends on this stream; end of input at its END_STREAM. */
    public Source source() {
        return source;
    }

    /** DATA to the server; {@code close()} sends END_STREAM. */
    public EndOfStreamSink sink() {
        return sink;
    }

    /**
     * Waits for the response's header fields.
     *
     * @throws IOException if the stream or connection failed first, or the time ran out
     */
    public synchronized List<HeaderField> awaitResponseHeaders(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (responseHeaders == null) {
            if (failure != null) throw failure;
            if (remoteEnded) throw new IOException("stream " + id + " ended without a response");
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new InterruptedIOException("no response headers within " + timeoutMillis + " ms");
            waitNanos(left);
        }
        return responseHeaders;
    }

    /**
     * Ends this stream and its connection at once; never blocks. After both directions ended cleanly
     * this is the orderly end; otherwise the server hears RST_STREAM(CANCEL) (RFC 8441 section 5).
     */
    public void cancel() {
        boolean orderly;
        synchronized (this) {
            orderly = failure == null && remoteEnded;
            if (failure == null) failure = new IOException("stream " + id + " cancelled");
            notifyAll();
        }
        boolean endNow;
        synchronized (this) {
            endNow = orderly && !localEnded;
            localEnded = true;
        }
        try {
            connection.writer().tryWrite(() -> {
                if (endNow) {
                    connection.writer().data(id, new Buffer(), 0, true);
                } else if (!orderly) {
                    connection.writer().rstStream(id, Http2Exception.CANCEL);
                }
                connection.writer().flush();
            });
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone; closing it below is all that is left
        }
        connection.streamEnded(this);
        connection.wakeSenders();
        connection.close();
    }

    synchronized IOException failure() {
        return failure;
    }

    // ------------------------------------------------------------------ connection's reader thread

    void received(Buffer chunk, int flowControlled, boolean endStream) throws IOException {
        synchronized (this) {
            // Section 6.9.1: the stream's window, like the connection's, bounds what may arrive.
            receiveRemaining -= flowControlled;
            if (receiveRemaining < 0) {
                throw new Http2Exception(Http2Exception.FLOW_CONTROL_ERROR, "the server overran stream " + id + "'s window");
            }
            if (remoteEnded) {
                // Section 5.1: DATA after END_STREAM (half-closed remote) is a STREAM_CLOSED error.
                throw new Http2Exception(Http2Exception.STREAM_CLOSED, "DATA after END_STREAM on stream " + id);
            }
            unacknowledged += flowControlled - chunk.size(); // padding counts as consumed now
            incoming.write(chunk, chunk.size());
            if (endStream) remoteEnded = true;
            notifyAll();
        }
    }

    void receivedHeaders(List<HeaderField> fields, boolean endStream) {
        synchronized (this) {
            if (responseHeaders == null) {
                responseHeaders = fields;
            }
            // Later HEADERS are trailers; they end the stream (section 8.1) and carry nothing we use.
            if (endStream) remoteEnded = true;
            notifyAll();
        }
    }

    /** The server sent RST_STREAM. */
    void reset(int errorCode) {
        fail(new IOException("the server reset stream " + id + " (" + Http2Exception.name(errorCode) + ")"));
    }

    /** A stream error found on our side: tell the server with RST_STREAM and fail the stream. */
    void resetLocally(int errorCode, IOException cause) {
        fail(cause);
        connection.writeSoon(() -> {
            connection.writer().rstStream(id, errorCode);
            connection.writer().flush();
        });
    }

    void fail(IOException cause) {
        synchronized (this) {
            if (failure == null) failure = cause;
            notifyAll();
        }
        connection.streamEnded(this);
        connection.wakeSenders();
    }

    private void waitNanos(long nanos) throws InterruptedIOException {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    // ------------------------------------------------------------------ the two directions

    private final class StreamSource implements Source {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n;
            int increment = 0;
            synchronized (Http2Stream.this) {
                while (incoming.size() == 0) {
                    if (failure != null) throw failure;
                    if (remoteEnded) return -1;
                    try {
                        Http2Stream.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted reading HTTP/2 stream " + id);
                    }
                }
                n = incoming.read(sink, byteCount);
                // Give the stream window back in batches of half of it (section 6.9).
                unacknowledged += n;
                if (unacknowledged >= receiveWindow / 2 && !remoteEnded && failure == null) {
                    increment = (int) unacknowledged;
                    receiveRemaining += increment;
                    unacknowledged = 0;
                }
            }
            if (increment > 0) {
                connection.writer().windowUpdate(id, increment);
            }
            connection.consumed(n); // flushes when it writes a connection WINDOW_UPDATE
            if (increment > 0) {
                connection.writer().flush();
            }
            return n;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
            synchronized (Http2Stream.this) {
                incoming.clear();
            }
        }
    }

    private final class StreamSink implements EndOfStreamSink {
        @Override
        public void write(Buffer source, long byteCount) throws IOException {
            while (byteCount > 0) {
                synchronized (Http2Stream.this) {
                    if (localEnded) throw new IOException("stream " + id + " already ended");
                }
                int wanted = (int) Math.min(byteCount, Integer.MAX_VALUE);
                int n = connection.acquireSendWindow(Http2Stream.this, wanted, false);
                if (n == 0) {
                    // Out of window: what was written must reach the server before it can grant more.
                    connection.writer().flush();
                    n = connection.acquireSendWindow(Http2Stream.this, wanted, true);
                }
                connection.writer().data(id, source, n, false);
                byteCount -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            connection.writer().flush();
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        /** Sends END_STREAM once; a failed or cancelled stream has nothing to end. */
        @Override
        public void close() throws IOException {
            synchronized (Http2Stream.this) {
                if (localEnded || failure != null) {
                    localEnded = true;
                    return;
                }
                localEnded = true;
            }
            connection.writer().data(id, new Buffer(), 0, true);
            connection.writer().flush();
        }
    }
}

package dev.wsjs.websocket;

import java.io.IOException;
import java.io.InputStream;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Source;
import okio.Timeout;

/**
 * A client connection's read side under its frame reader: OkHttp's upgraded source, plus a way to
 * wait for the next bytes without holding a buffer.
 *
 * <p>Why: a read through okio takes an 8 KiB segment before it blocks on the socket, so every
 * quiet connection held one (80 MB with 10,000 open connections). Waiting reads one byte straight
 * from the socket's stream instead, and only then does the frame reader read (and buffer) the rest.
 * That byte may be taken from the socket only when nothing is buffered above it, in OkHttp's
 * buffer either (bytes the server sent right behind its 101 are there). OkHttp's upgraded source
 * forwards to its buffered source, so that buffer can be looked at; should that ever change,
 * every read here asks OkHttp for everything it holds ({@code Long.MAX_VALUE}), so that once the
 * first read returned, OkHttp's buffer is empty between reads.
 *
 * <p>Not thread safe: owned by the connection's reader thread.
 */
final class IdleReadSource implements Source {

    private final Source upstream;
    /** OkHttp's buffer under {@link #upstream}, or null if it cannot be seen. */
    private final Buffer upstreamBuffer;
    private final InputStream socketInput;
    private final byte[] oneByte = new byte[1];
    /** Whether a read went through OkHttp's buffer, which is empty from then on between reads. */
    private boolean upstreamDrained;

    /**
     * @param upstream OkHttp's upgraded source
     * @param socketInput the stream of the socket that OkHttp's buffer reads from
     */
    IdleReadSource(Source upstream, InputStream socketInput) {
        this.upstream = upstream;
        this.upstreamBuffer = upstream instanceof ForwardingSource f && f.delegate() instanceof BufferedSource b
                ? b.getBuffer() : null;
        this.socketInput = socketInput;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        // Everything OkHttp buffered, not just byteCount: okio's buffered source accepts more.
        long read = upstream.read(sink, Long.MAX_VALUE);
        upstreamDrained = true;
        return read;
    }

    /**
     * Blocks until the socket has data or ended, unless {@code buffer} (the frame reader's) or the
     * socket already has some; a byte read while waiting is appended to {@code buffer}.
     */
    void awaitData(Buffer buffer) throws IOException {
        boolean upstreamEmpty = upstreamBuffer != null ? upstreamBuffer.size() == 0 : upstreamDrained;
        if (!upstreamEmpty || buffer.size() > 0 || socketInput.available() > 0) {
            return;
        }
        if (socketInput.read(oneByte, 0, 1) == 1) {
            buffer.writeByte(oneByte[0]);
        }
        // -1: the peer closed; the frame reader's next read meets the end of the stream.
    }

    @Override
    public Timeout timeout() {
        return upstream.timeout();
    }

    @Override
    public void close() throws IOException {
        upstream.close();
    }
}

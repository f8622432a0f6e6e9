package dev.wsjs.websocket.http2;

import static dev.wsjs.websocket.http2.Http2FrameReader.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Writes HTTP/2 frames (RFC 9113 section 6). Every method writes whole frames under one lock,
 * so frames of different threads never interleave; HEADERS blocks larger than the
 * peer's SETTINGS_MAX_FRAME_SIZE continue in CONTINUATION frames with nothing in between.
 */
final class Http2FrameWriter {

    /** Section 3.4: the client connection preface. */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final BufferedSink sink;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int peerMaxFrameSize = 16_384;

    Http2FrameWriter(BufferedSink sink) {
        this.sink = sink;
    }

    /** The peer's SETTINGS_MAX_FRAME_SIZE: the bound on frames we send. */
    void peerMaxFrameSize(int size) {
        this.peerMaxFrameSize = size;
    }

    int peerMaxFrameSize() {
        return peerMaxFrameSize;
    }

    void preface() throws IOException {
        lock.lock();
        try {
            sink.write(PREFACE);
        } finally {
            lock.unlock();
        }
    }

    void settings(int[] ids, long[] values) throws IOException {
        lock.lock();
        try {
            header(6 * ids.length, TYPE_SETTINGS, 0, 0);
            for (int i = 0; i < ids.length; i++) {
                sink.writeShort(ids[i]);
                sink.writeInt((int) values[i]);
            }
        } finally {
            lock.unlock();
        }
    }

    void settingsAck() throws IOException {
        lock.lock();
        try {
            header(0, TYPE_SETTINGS, FLAG_ACK, 0);
        } finally {
            lock.unlock();
        }
    }

    void headers(int streamId, byte[] block, boolean endStream) throws IOException {
        lock.lock();
        try {
            int max = peerMaxFrameSize;
            int first = Math.min(block.length, max);
            int flags = (endStream ? FLAG_END_STREAM : 0) | (first == block.length ? FLAG_END_HEADERS : 0);
            header(first, TYPE_HEADERS, flags, streamId);
            sink.write(block, 0, first);
            for (int pos = first; pos < block.length; pos += max) {
                int n = Math.min(block.length - pos, max);
                header(n, TYPE_CONTINUATION, pos + n == block.length ? FLAG_END_HEADERS : 0, streamId);
                sink.write(block, pos, n);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One DATA frame of {@code byteCount} bytes taken from {@code data}; the caller respects windows and frame size. */
    void data(int streamId, Buffer data, int byteCount, boolean endStream) throws IOException {
        lock.lock();
        try {
            header(byteCount, TYPE_DATA, endStream ? FLAG_END_STREAM : 0, streamId);
            sink.write(data, byteCount);
        } finally {
            lock.unlock();
        }
    }

    void windowUpdate(int streamId, int increment) throws IOException {
        lock.lock();
        try {
            header(4, TYPE_WINDOW_UPDATE, 0, streamId);
            sink.writeInt(increment);
        } finally {
            lock.unlock();
        }
    }

    void ping(boolean ack, long payload) throws IOException {
        lock.lock();
        try {
            header(8, TYPE_PING, ack ? FLAG_ACK : 0, 0);
            sink.writeLong(payload);
        } finally {
            lock.unlock();
        }
    }

    void rstStream(int streamId, int errorCode) throws IOException {
        lock.lock();
        try {
            header(4, TYPE_RST_STREAM, 0, streamId);
            sink.writeInt(errorCode);
        } finally {
            lock.unlock();
        }
    }

    void goAway(int lastStreamId, int errorCode, String debug) throws IOException {
        lock.lock();
        try {
            byte[] debugBytes = debug.getBytes(StandardCharsets.UTF_8);
            header(8 + debugBytes.length, TYPE_GOAWAY, 0, 0);
            sink.writeInt(lastStreamId);
            sink.writeInt(errorCode);
            sink.write(debugBytes);
        } finally {
            lock.unlock();
        }
    }

    void flush() throws IOException {
        lock.lock();
        try {
            sink.flush();
        } finally {
            lock.unlock();
        }
    }

    /** An action on the writer that gives up instead of waiting for a writer blocked on the socket. */
    interface Action {
        void run() throws IOException;
    }

    /** Runs {@code action} under the lock if it is free now; false if another thread holds it. */
    boolean tryWrite(Action action) throws IOException {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            action.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void header(int length, int type, int flags, int streamId) throws IOException {
        sink.writeByte(length >>> 16);
        sink.writeByte(length >>> 8);
        sink.writeByte(length);
        sink.writeByte(type);
        sink.writeByte(flags);
        sink.writeInt(streamId & 0x7fffffff);
    }
}

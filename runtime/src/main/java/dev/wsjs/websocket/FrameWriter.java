package dev.wsjs.websocket;

import static dev.wsjs.websocket.WebSocketProtocol.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.Deflater;
import okio.Buffer;
import okio.Sink;

/**
 * Encodes messages and control frames (RFC 6455 section 5) into a buffer and hands it to the
 * socket in large writes: the caller encodes many frames, then calls {@link #flush()} once, so
 * small messages coalesce into one socket write. A client masks each frame with a fresh key while
 * copying the payload into the buffer (the only copy); permessage-deflate compresses first.
 *
 * <p>Not thread safe: owned by the connection's writer thread.
 */
public final class FrameWriter {

    /** Buffered bytes above which the buffer goes to the socket even inside a batch. */
    static final int EMIT_BYTES = 64 * 1024;
    /**
     * Messages shorter than this are sent uncompressed (RFC 7692 lets each message choose): a
     * JNI deflate with a sync flush costs several microseconds, which for small messages outweighs
     * the few bytes saved (measured on loopback: 64-byte echoes fell from ~380k to ~48k msg/s).
     */
    static final int COMPRESS_MIN_BYTES = 1024;
    private static final int KEEP_COMPRESS_BUFFER_BYTES = 1024 * 1024;

    private final Sink sink;
    private final Role role;
    private final PerMessageDeflate deflate;
    private final boolean compressOutgoing;
    private final MaskKeys maskKeys;
    private final Buffer out = new Buffer();
    private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();

    private Deflater deflater;
    private byte[] compressed;

    // Traffic so far: plain fields, the writer thread is the only one to touch them.
    private long messagesWritten;
    private long payloadBytesWritten;
    private long wireBytesWritten;

    /**
     * @param sink the socket's raw sink
     * @param deflate the negotiated permessage-deflate parameters, or null
     * @param random the seed source of the masking keys (client role only; may be null for a server)
     */
    public FrameWriter(Sink sink, Role role, PerMessageDeflate deflate, SecureRandom random) {
        this.sink = sink;
        this.role = role;
        this.deflate = deflate;
        this.compressOutgoing = deflate != null && deflate.canCompress(role);
        this.maskKeys = role == Role.CLIENT ? new MaskKeys(random) : null;
    }

    /** Encodes a whole text or binary message as one frame; the buffer's bytes from position to limit. */
    public void writeMessage(int opcode, ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        messagesWritten++;
        payloadBytesWritten += length;
        if (compressOutgoing && length >= COMPRESS_MIN_BYTES) {
            int compressedLength = compress(payload);
            writeHeader(B0_FIN | B0_RSV1 | opcode, compressedLength);
            writePayload(null, compressed, 0, compressedLength);
        } else {
            writeHeader(B0_FIN | opcode, length);
            writePayload(payload, null, 0, length);
        }
    }

    /** Encodes a ping or pong (payload of at most 125 bytes). */
    public void writeControl(int opcode, byte[] payload) throws IOException {
        if (payload.length > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("control payload over 125 bytes: " + payload.length);
        }
        writeHeader(B0_FIN | opcode, payload.length);
        writePayload(null, payload, 0, payload.length);
    }

    /**
     * Encodes a close frame (section 5.5.1).
     *
     * @param code the status code, or -1 for a close frame without a body
     * @param reason the reason (at most 123 UTF-8 bytes), ignored without a code
     */
    public void writeClose(int code, String reason) throws IOException {
        if (code == -1) {
            writeHeader(B0_FIN | OPCODE_CLOSE, 0);
            return;
        }
        byte[] reasonBytes = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        if (reasonBytes.length > MAX_CLOSE_REASON_BYTES) {
            throw new IllegalArgumentException("close reason over 123 UTF-8 bytes");
        }
        byte[] payload = new byte[2 + reasonBytes.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(reasonBytes, 0, payload, 2, reasonBytes.length);
        writeHeader(B0_FIN | OPCODE_CLOSE, payload.length);
        writePayload(null, payload, 0, payload.length);
    }

    /** Hands everything encoded so far to the socket and flushes it. */
    public void flush() throws IOException {
        if (out.size() > 0) {
            emit();
        }
        sink.flush();
    }

    /** Whole text and binary messages encoded so far. */
    public long messagesWritten() {
        return messagesWritten;
    }

    /** Payload bytes of those messages, before compression. */
    public long payloadBytesWritten() {
        return payloadBytesWritten;
    }

    /** Bytes handed to the socket so far: headers, masking keys, (compressed) payloads, control frames. */
    public long wireBytesWritten() {
        return wireBytesWritten;
    }

    /** Frees the compressor's native memory; the writer is unusable afterwards. */
    public void release() {
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
        out.clear();
        compressed = null;
    }

    // ------------------------------------------------------------------

    private int maskKey;

    private void emit() throws IOException {
        long size = out.size();
        sink.write(out, size);
        wireBytesWritten += size; // after the write: bytes of a write that failed never left
    }

    private void writeHeader(int b0, long length) {
        int maskBit = maskKeys != null ? B1_MASK : 0;
        out.writeByte(b0);
        if (length <= 125) {
            out.writeByte(maskBit | (int) length);
        } else if (length <= 0xFFFF) {
            out.writeByte(maskBit | 126);
            out.writeShort((int) length);
        } else {
            out.writeByte(maskBit | 127);
            out.writeLong(length);
        }
        if (maskKeys != null) {
            maskKey = maskKeys.nextKey();
            out.writeInt(maskKey);
        }
    }

    /**
     * Copies the payload (from {@code buffer}, or else from {@code array}) into the output buffer's
     * segments, masking in place, and emits full chunks so a large message never sits in memory twice.
     */
    private void writePayload(ByteBuffer buffer, byte[] array, int arrayOffset, int length) throws IOException {
        int bufferStart = buffer != null ? buffer.position() : 0;
        int done = 0;
        while (done < length) {
            int chunk = Math.min(length - done, EMIT_BYTES);
            long start = out.size();
            out.readAndWriteUnsafe(cursor);
            try {
                cursor.resizeBuffer(start + chunk);
                long at = start;
                int copied = 0;
                while (copied < chunk) {
                    cursor.seek(at);
                    int n = Math.min(cursor.end - cursor.start, chunk - copied);
                    if (buffer != null) {
                        buffer.get(bufferStart + done + copied, cursor.data, cursor.start, n);
                    } else {
                        System.arraycopy(array, arrayOffset + done + copied, cursor.data, cursor.start, n);
                    }
                    if (maskKeys != null) {
                        Masking.apply(cursor.data, cursor.start, n, maskKey, done + copied);
                    }
                    copied += n;
                    at += n;
                }
            } finally {
                cursor.close();
            }
            done += chunk;
            if (out.size() >= EMIT_BYTES) {
                emit();
            }
        }
    }

    /** RFC 7692 section 7.2.1: DEFLATE, sync flush, then drop the trailing 00 00 FF FF. */
    private int compress(ByteBuffer payload) {
        if (deflater == null) {
            // Created on the first compressed message: a Deflater holds ~256 KiB of native memory.
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        int capacity = payload.remaining() / 2 + 64;
        if (compressed == null || compressed.length < capacity) {
            compressed = new byte[capacity];
        }
        deflater.setInput(payload);
        int length = 0;
        while (true) {
            int space = compressed.length - length;
            int n = deflater.deflate(compressed, length, space, Deflater.SYNC_FLUSH);
            length += n;
            if (n < space) {
                break; // output space left over: everything was flushed
            }
            compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
        }
        if (length >= 4 && compressed[length - 4] == 0 && compressed[length - 3] == 0
                && compressed[length - 2] == (byte) 0xFF && compressed[length - 1] == (byte) 0xFF) {
            length -= 4;
        }
        if (deflate.noContextTakeover(role)) {
            deflater.reset();
        }
        return length;
    }

    /** Drops a large compression buffer after a big message (called between batches). */
    void trim() {
        if (compressed != null && compressed.length > KEEP_COMPRESS_BUFFER_BYTES) {
            compressed = null;
        }
    }
}
